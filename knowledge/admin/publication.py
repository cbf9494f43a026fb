"""The research library: people and publications, with the authors in order."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_utils import PreviewLinksMixin, side_by_side, translated_search_fields
from knowledge.models import DOCUMENT_LANGUAGES, Authorship, Person, Publication


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["family_name", "given_names", "affiliation", "orcid"]
    search_fields = ["family_name", "given_names", "affiliation", "orcid"]


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "position"]


class PublicationAdminForm(forms.ModelForm):
    document_languages = forms.TypedMultipleChoiceField(
        label=_("languages of the document"),
        choices=DOCUMENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The language(s) the document itself is written in."),
    )

    class Meta:
        model = Publication
        fields = ["document_languages"]  # the admin adds the rest from its fieldsets


@admin.register(Publication)
class PublicationAdmin(PreviewLinksMixin, admin.ModelAdmin):
    form = PublicationAdminForm
    list_display = ["title_sv", "title_en", "type", "year", "author_names", "is_published"]
    list_filter = ["type", "year", "is_published", "themes"]
    search_fields = [*translated_search_fields("title"), "author_names", "doi", "isbn", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["organisations", "countries"]
    filter_horizontal = ["themes"]
    inlines = [AuthorshipInline]
    readonly_fields = ["author_names", "published_at", "updated_at", "public_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "type",
                    "slug",
                    "year",
                    "document_languages",
                    ("is_published", "published_at"),
                    "publish_at",
                    "public_link",
                ]
            },
        ),
        (_("Content (Swedish | English)"), {"fields": side_by_side("title", "abstract")}),
        (_("File and identifiers"), {"fields": ["file", "doi", "isbn", "external_url"]}),
        (_("Cover"), {"fields": ["cover"]}),
        (_("Themes and places"), {"fields": ["themes", "countries", "organisations"]}),
        (
            _("Advanced"),
            {"fields": ["created_at", "author_names", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url()
