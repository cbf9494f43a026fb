"""Admin helpers: both languages' content fields side by side, and the change history."""

import json

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from core.history import ChangeRecord
from core.i18n import translate_field_label, translated_names


def side_by_side(*fields: str) -> tuple:
    """Fieldset rows with the Swedish and English columns of each field on one line."""
    return tuple(tuple(translated_names(field)) for field in fields)


def translated_search_fields(*fields: str) -> tuple[str, ...]:
    return tuple(name for field in fields for name in translated_names(field))


class ChangesDisplayMixin:
    @admin.display(description=_("changes"))
    def changes_display(self, record: ChangeRecord) -> str:
        """Each change as "field: old → new", worded in the language of whoever reads it."""
        return format_html_join("", "<div><strong>{}</strong>: {} → {}</div>", record.change_rows())


class ChangeHistoryInline(ChangesDisplayMixin, admin.TabularInline):
    """The history of one record, read-only, on that record's admin page."""

    extra = 0
    can_delete = False
    fields = ["at", "by", "event", "changes_display"]
    readonly_fields = fields
    verbose_name_plural = _("history of changes")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ChangeRecordAdmin(ChangesDisplayMixin, admin.ModelAdmin):
    """Every history record of a model, read-only: the services write them."""

    list_filter = ["event", ("by", admin.RelatedOnlyFieldListFilter), "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def change_message(entry) -> str:
    """Django's "what changed" of an admin log entry, in the reader's language.

    Django keeps the changed fields' labels in English and translates each with gettext when
    shown, which misses labels made of two parts ("title (Swedish)"): those are translated part
    by part here (core.i18n.translate_field_label), as Django words the rest.
    """
    from django.utils.text import get_text_list
    from django.utils.translation import gettext

    if not entry.change_message or entry.change_message[0] != "[":
        return entry.change_message
    try:
        parts = json.loads(entry.change_message)
    except json.JSONDecodeError:
        return entry.change_message
    messages = []
    for part in parts:
        if "added" in part:
            if part["added"]:
                added = {**part["added"], "name": gettext(part["added"]["name"])}
                messages.append(gettext("Added {name} “{object}”.").format(**added))
            else:
                messages.append(gettext("Added."))
        elif "changed" in part:
            changed = dict(part["changed"])
            labels = [translate_field_label(label) for label in changed.get("fields", [])]
            changed["fields"] = get_text_list(labels, gettext("and"))
            if "name" in changed:
                changed["name"] = gettext(changed["name"])
                messages.append(
                    gettext("Changed {fields} for {name} “{object}”.").format(**changed)
                )
            else:
                messages.append(gettext("Changed {fields}.").format(**changed))
        elif "deleted" in part:
            deleted = {**part["deleted"], "name": gettext(part["deleted"]["name"])}
            messages.append(gettext("Deleted {name} “{object}”.").format(**deleted))
    text = " ".join(message[0].upper() + message[1:] for message in messages)
    return text or gettext("No fields changed.")


def preview_links(obj) -> str:
    """Links to an item's public page in each language: "Preview" while it is a draft (only
    staff who have given the second factor see drafts, core.access), "View" once published."""
    from django.utils import translation
    from django.utils.html import format_html, format_html_join

    from core.i18n import LANGUAGE_CODES, LANGUAGE_LABELS

    if not obj.pk:
        return "–"
    links = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            url = obj.get_absolute_url()
        links.append((url, code, LANGUAGE_LABELS[code]))
    label = _("View the public page") if obj.is_published else _("Preview the draft")
    return format_html(
        '<span class="preview-links">{}: {}</span>',
        label,
        format_html_join(
            " · ",
            '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>',
            links,
        ),
    )


class PreviewLinksMixin:
    """A read-only "public page" field: preview a draft in each language, or view it."""

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        return preview_links(obj)
