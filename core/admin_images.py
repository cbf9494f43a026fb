"""The image library in admin: upload with alternative text, caption and credit; the picker the
rich-text editor opens to put an image into a text."""

from __future__ import annotations

import secrets
from pathlib import Path

from django import forms
from django.contrib import admin
from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import images
from core.admin_utils import side_by_side, translated_search_fields
from core.i18n import LANGUAGE_CODES, localize
from core.models import Image

PENDING_DIR = images.PENDING_DIR
PENDING_SALT = "core.image-upload"


class ImageAdminForm(forms.ModelForm):
    """An upload that passed its checks is kept while the rest of the form is corrected: staff
    never choose the file again because an alternative text was missing."""

    pending_upload = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Image
        fields = ["file", "is_decorative", "alt_sv", "alt_en", "caption_sv", "caption_en", "credit"]

    def pending_name(self) -> str:
        token = self.data.get("pending_upload") if self.is_bound else ""
        if not token:
            return ""
        try:
            name = signing.loads(
                token, salt=PENDING_SALT, max_age=images.PENDING_MAX_AGE.total_seconds()
            )
        except signing.BadSignature:
            return ""
        return name if default_storage.exists(name) else ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.restored_upload = ""
        if self.is_bound and not self.files.get("file"):
            pending = self.pending_name()
            if pending:
                self.files = self.files.copy()
                self.files["file"] = File(
                    default_storage.open(pending, "rb"), name=Path(pending).name
                )
                self.restored_upload = pending

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            images.name_by_content(file)
        return file

    def _post_clean(self):
        super()._post_clean()
        file = self.cleaned_data.get("file")
        if self.errors and "file" not in self.errors and isinstance(file, UploadedFile):
            extension = Path(file.name).suffix.lower()[:5]
            name = default_storage.save(f"{PENDING_DIR}/{secrets.token_hex(16)}{extension}", file)
            self.data = self.data.copy()
            self.data["pending_upload"] = signing.dumps(name, salt=PENDING_SALT)
            self.kept_upload = file.name

    def used_pending(self) -> str:
        return (
            "" if isinstance(self.cleaned_data.get("file"), UploadedFile) else self.pending_name()
        )


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "alt_sv", "alt_en", "is_decorative", "credit", "dimensions"]
    list_display_links = ["thumbnail", "alt_sv"]
    list_filter = ["is_decorative"]
    search_fields = [*translated_search_fields("alt", "caption"), "credit"]
    readonly_fields = ["preview", "dimensions", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["file", "pending_upload", "preview", "dimensions"]}),
        (
            _("For people who cannot see it (Swedish | English)"),
            {"fields": ["is_decorative", *side_by_side("alt")]},
        ),
        (_("Caption and credit"), {"fields": [*side_by_side("caption"), "credit"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        if not obj.width:
            return "–"
        return images.image_tag(obj, sizes="6rem", max_width=96, alt="", css="admin-thumbnail")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.pk or not obj.width:
            return "–"
        return images.image_tag(obj, sizes="20rem", max_width=320, alt="", css="admin-preview")

    @admin.display(description=_("size in pixels"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "–"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        kept = getattr(form, "kept_upload", "") or getattr(form, "restored_upload", "")
        if kept:
            self.message_user(
                request,
                _("The image you chose is kept: correct the other fields and save again."),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        replaced = change and "file" in form.changed_data
        old_name = Image.objects.get(pk=obj.pk).file.name if replaced else ""
        pending = form.used_pending()
        super().save_model(request, obj, form, change)
        if pending:
            default_storage.delete(pending)
        if not change or replaced:
            images.image_file_saved(obj)
        if old_name and old_name != obj.file.name:
            default_storage.delete(old_name)

    # ---- The rich-text editor's picker ------------------------------------------------

    def get_urls(self):
        picker = self.admin_site.admin_view(self.picker_view)
        return [path("picker/", picker, name="core_image_picker"), *super().get_urls()]

    def picker_view(self, request):
        """A window the editor opens (django-prose-editor's Figure ``pickerUrl``): choosing an
        image hands its address, id, alternative text and caption back to the editor."""
        language = request.GET.get("lang", "")
        language = language if language in LANGUAGE_CODES else LANGUAGE_CODES[0]
        query = request.GET.get("q", "").strip()
        found = Image.objects.exclude(width=0)
        if query:
            matches = Q()
            for name in self.search_fields:
                matches |= Q(**{f"{name}__icontains": query})
            found = found.filter(matches)
        choices = [
            {
                "image": image,
                "thumbnail": images.image_tag(image, sizes="10rem", max_width=160, alt=""),
                "url": images.renditions(image)[-1].url,
                "alt": "" if image.is_decorative else localize(image, "alt", language=language),
                "caption": localize(image, "caption", language=language),
            }
            for image in found[:60]
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose an image"),
            "choices": choices,
            "callback": request.GET.get("CKEditorFuncNum", ""),
            "language": language,
            "query": query,
            "opts": self.opts,
            "is_popup": True,
        }
        return TemplateResponse(request, "admin/core/image/picker.html", context)
