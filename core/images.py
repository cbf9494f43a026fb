"""Images of public content: checked by their content, stored under random names, shown as
resized renditions (docs/decisions/0005).

Every picture on the site is a row of the image library (``core.models.Image``): a lead image
is a foreign key to it, an image inside rich text names it by id (``data-file``). The row holds
what a person who cannot see it needs (alternative text in both languages, or the mark that it
is decorative), its caption and credit.

* **Checked by content.** Pillow reads the file: only JPEG, PNG and WebP, at most
  ``ICLD_IMAGE_MAX_BYTES`` bytes and ``ICLD_IMAGE_MAX_PIXELS`` pixels, read from the header before
  anything is decoded (a decompression bomb is refused, not unpacked), and decoded whole once
  (a truncated or corrupt file is refused).
* **Random names.** An upload is stored as ``images/<uuid>.<format>``: the name staff's file had
  is never kept or shown.
* **Renditions.** On upload, WebP copies at the widths in ``RENDITION_WIDTHS`` no wider than the
  original (``renditions/<uuid>/<width>.webp``), EXIF orientation applied and metadata dropped
  (no camera position leaves the building), and one 1200×630 JPEG for OpenGraph. Pages show
  renditions only, with ``srcset``, ``sizes``, ``width`` and ``height``; the original is for
  staff.
* **Who sees them.** ``/media/`` (core.media) serves an image's files only when published
  content uses it (a lead image or an image in rich text), or to staff who may preview drafts.
  Deleting an image deletes its files; deleting content deletes the images nothing else uses.

Pillow is all this needs, in a hundred lines we can read; a renditions library (easy-thumbnails,
sorl-thumbnail, django-imagekit) would add a cache layer and template syntax of its own for the
same result.
"""

from __future__ import annotations

import html
import re
import shutil
import uuid
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

MAX_BYTES = getattr(settings, "ICLD_IMAGE_MAX_BYTES", 15 * 1024 * 1024)
MAX_PIXELS = getattr(settings, "ICLD_IMAGE_MAX_PIXELS", 40_000_000)
# Pillow's own guard against decompression bombs, at our limit (it raises at twice this).
PILImage.MAX_IMAGE_PIXELS = MAX_PIXELS

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (320, 480, 640, 800, 960, 1280, 1600)
OPENGRAPH_SIZE = (1200, 630)
WEBP_QUALITY = 80

IMAGES_DIR = "images"
RENDITIONS_DIR = "renditions"
# An upload kept while staff correct the rest of the image form (core.admin_images): its
# signed token lasts a day, after which nobody can use the file.
PENDING_DIR = "pending"
PENDING_MAX_AGE = timedelta(days=1)


# ---- Checking an upload ----------------------------------------------------------------


def validate_image_file(file) -> None:
    """Refuse anything that is not a JPEG, PNG or WebP image within our limits."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(megabytes)d MB."),
            code="too_large",
            params={"megabytes": MAX_BYTES // (1024 * 1024)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in FORMATS:
                    raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="not_image")
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels()
                image.verify()
            file.seek(position)
            with PILImage.open(file) as image:
                image.load()  # a truncated file fails here, not on the public page
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG or WebP image."),
            code="not_image",
        ) from None
    finally:
        file.seek(position)


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The image has too many pixels: at most %(megapixels)d million."),
        code="too_many_pixels",
        params={"megapixels": MAX_PIXELS // 1_000_000},
    )


def image_upload_to(instance, filename: str) -> str:
    """``images/<uuid>.<ext>``: the extension from the content, never the uploaded name."""
    extension = Path(filename).suffix.lower().lstrip(".")
    if extension == "jpeg":
        extension = "jpg"
    if extension not in FORMATS.values():
        extension = "img"
    return f"{IMAGES_DIR}/{instance.key.hex}.{extension}"


def name_by_content(file):
    """Give ``file`` the extension of what it holds (a PNG called photo.jpg is saved as .png);
    a file Pillow cannot read is left for the validator to refuse."""
    position = file.tell()
    try:
        with PILImage.open(file) as image:
            extension = FORMATS.get(image.format)
    except (UnidentifiedImageError, OSError, ValueError):
        extension = None
    finally:
        file.seek(position)
    if extension:
        file.name = f"upload.{extension}"
    return file


def read_dimensions(file) -> tuple[int, int, str]:
    position = file.tell()
    with PILImage.open(file) as image:
        transposed = image.getexif().get(0x0112) in (5, 6, 7, 8)  # turned a quarter
        width, height = image.size
        image_format = image.format
    file.seek(position)
    return (height, width, image_format) if transposed else (width, height, image_format)


# ---- Renditions -----------------------------------------------------------------------


def rendition_widths(original_width: int) -> list[int]:
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    return [*widths, min(original_width, RENDITION_WIDTHS[-1])]


def rendition_name(image, width: int) -> str:
    return f"{RENDITIONS_DIR}/{image.key.hex}/{width}.webp"


def opengraph_name(image) -> str:
    return f"{RENDITIONS_DIR}/{image.key.hex}/og.jpg"


def make_renditions(image) -> None:
    """Write every rendition of ``image`` (replacing any there were)."""
    delete_renditions(image)
    with image.file.open("rb") as handle, PILImage.open(handle) as source:
        source = ImageOps.exif_transpose(source)
        has_alpha = source.mode in ("RGBA", "LA") or "transparency" in source.info
        source = source.convert("RGBA" if has_alpha else "RGB")
        for width in rendition_widths(source.width):
            height = max(1, round(source.height * width / source.width))
            resized = source.resize((width, height), PILImage.Resampling.LANCZOS)
            _save(resized, rendition_name(image, width), "WEBP", quality=WEBP_QUALITY, method=4)
        card = ImageOps.fit(source.convert("RGB"), OPENGRAPH_SIZE, PILImage.Resampling.LANCZOS)
        _save(card, opengraph_name(image), "JPEG", quality=85, optimize=True, progressive=True)


def _save(picture, name: str, image_format: str, **options) -> None:
    path = Path(default_storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, image_format, **options)


def delete_renditions(image) -> None:
    folder = Path(default_storage.path(f"{RENDITIONS_DIR}/{image.key.hex}"))
    shutil.rmtree(folder, ignore_errors=True)


def delete_files(image) -> None:
    """The original and every rendition of ``image``."""
    delete_renditions(image)
    if image.file:
        image.file.storage.delete(image.file.name)


# ---- Showing an image ----------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def renditions(image) -> list[Rendition]:
    return [
        Rendition(
            url=default_storage.url(rendition_name(image, width)),
            width=width,
            height=max(1, round(image.height * width / image.width)),
        )
        for width in rendition_widths(image.width)
    ]


def image_tag(image, *, sizes: str, max_width: int, alt=None, loading: str = "lazy", css=""):
    """``<img>`` with srcset: renditions up to twice ``max_width`` (the widest it is shown, in
    CSS pixels), ``sizes`` saying how wide it is in the layout, and its width and height so the
    page does not jump while it loads."""
    available = renditions(image)
    chosen = [r for r in available if r.width <= 2 * max_width] or available[:1]
    fallback = next((r for r in chosen if r.width >= max_width), chosen[-1])
    if alt is None:
        alt = "" if image.is_decorative else image.alt
    lang = getattr(alt, "lang", "")
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}{}'
        ' decoding="async">',
        fallback.url,
        ", ".join(f"{r.url} {r.width}w" for r in chosen),
        sizes,
        fallback.width,
        fallback.height,
        alt,
        format_html(' lang="{}"', lang) if lang and getattr(alt, "is_fallback", False) else "",
        format_html(' loading="{}"', loading) if loading else "",
        format_html(' class="{}"', css) if css else "",
    )


def opengraph_url(image) -> str:
    return default_storage.url(opengraph_name(image))


# Images inside rich text: ``<img ... data-file="12">`` (the editor's image picker) becomes the
# library image's renditions; any other <img> is dropped (the site shows only its own images).
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_DATA_FILE = re.compile(r'\bdata-file="(\d+)"')
_ALT = re.compile(r'\balt="([^"]*)"')
# Images in rich text are as wide as the text column (.prose, 48rem) at most.
RICH_TEXT_SIZES = "(min-width: 50rem) 48rem, calc(100vw - 2rem)"
RICH_TEXT_MAX_WIDTH = 768


def render_rich_text_images(text: str) -> str:
    """Replace the images of sanitised rich text by their renditions (one query for all)."""
    if "<img" not in text:
        return text
    from core.models import Image

    ids = {int(match) for match in _DATA_FILE.findall(text)}
    images = Image.objects.in_bulk(ids) if ids else {}

    def replace(match: re.Match) -> str:
        tag = match.group(0)
        found = _DATA_FILE.search(tag)
        image = images.get(int(found.group(1))) if found else None
        if image is None:
            return ""
        written = _ALT.search(tag)
        # The text written in the editor (in the content's language), else the library's.
        alt = html.unescape(written.group(1)) if written and written.group(1).strip() else None
        return image_tag(
            image, sizes=RICH_TEXT_SIZES, max_width=RICH_TEXT_MAX_WIDTH, alt=alt, css="rich-image"
        )

    return _IMG.sub(replace, text)


def new_key() -> uuid.UUID:
    return uuid.uuid4()


# ---- Writes ---------------------------------------------------------------------------


def image_create(
    *,
    file,
    alt_sv: str = "",
    alt_en: str = "",
    is_decorative: bool = False,
    caption_sv: str = "",
    caption_en: str = "",
    credit: str = "",
):
    """Check, store and render an upload (the demo and tests; admin uses the same steps)."""
    from core.models import Image

    image = Image(
        alt_sv=alt_sv,
        alt_en=alt_en,
        is_decorative=is_decorative,
        caption_sv=caption_sv,
        caption_en=caption_en,
        credit=credit,
    )
    validate_image_file(file)
    image.full_clean(exclude=["file"])
    name_by_content(file)
    image.file.save(file.name, file, save=False)
    image_file_saved(image)
    return image


def image_file_saved(image) -> None:
    """After a new file: its dimensions (orientation applied) and its renditions."""
    with image.file.open("rb") as handle:
        image.width, image.height, _format = read_dimensions(handle)
    image.save()
    make_renditions(image)


# ---- Who may see an image --------------------------------------------------------------


def _public_rows(model):
    """The rows of ``model`` a visitor sees: published ones, or those whose parent is
    (``images_public_when``, a lookup to a boolean), or all of them."""
    field_names = {field.name for field in model._meta.get_fields()}
    if "is_published" in field_names:
        return model._default_manager.filter(is_published=True)
    lookup = getattr(model, "images_public_when", None)
    if lookup:
        return model._default_manager.filter(**{lookup: True})
    return model._default_manager.all()


def public_use_condition():
    """SQL that is true for an image public content uses: as a lead image (any foreign key to
    the library) or inside the rich text of a public row (``data-file="<id>"``)."""
    from django.apps import apps
    from django.db.models import CharField, Exists, OuterRef, Q, Value
    from django.db.models.functions import Cast, Concat

    from core.models import Image
    from core.richtext import RichTextField

    condition = Q(pk__in=[])
    for relation in Image._meta.related_objects:
        public = _public_rows(relation.related_model)
        condition |= Q(Exists(public.filter(**{relation.field.name: OuterRef("pk")})))
    marker = Concat(Value('data-file="'), Cast(OuterRef("pk"), CharField()), Value('"'))
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, RichTextField)]
        if names:
            text_condition = Q()
            for name in names:
                text_condition |= Q(**{f"{name}__contains": marker})
            condition |= Q(Exists(_public_rows(model).filter(text_condition)))
    return condition


def image_is_public(image) -> bool:
    from core.models import Image

    return Image.objects.filter(pk=image.pk).filter(public_use_condition()).exists()


def image_for_media_path(path: str):
    """The library image a path under /media/ belongs to (original or rendition), or None."""
    from core.models import Image

    match = re.fullmatch(
        rf"(?:{IMAGES_DIR}/(?P<original>[0-9a-f]{{32}})\.\w+|"
        rf"{RENDITIONS_DIR}/(?P<rendition>[0-9a-f]{{32}})/[\w.]+)",
        path,
    )
    if not match:
        return None, False
    key = match.group("original") or match.group("rendition")
    return Image.objects.filter(key=uuid.UUID(key)).first(), bool(match.group("original"))


# ---- Files follow their rows ---------------------------------------------------------


def _delete_files_after_commit(sender, instance, **kwargs) -> None:
    from django.db import transaction

    transaction.on_commit(lambda: delete_files(instance))


def _delete_unused_images(sender, instance, **kwargs) -> None:
    """Content deleted: the images it showed go too, unless other content uses them."""
    from core.models import Image

    ids = [
        getattr(instance, relation.field.attname)
        for relation in Image._meta.related_objects
        if relation.related_model is sender
    ]
    for image in Image.objects.filter(pk__in=[pk for pk in ids if pk]):
        if not image_in_use(image):
            image.delete()


def image_in_use(image) -> bool:
    """Used by any content at all, public or draft."""
    for relation in type(image)._meta.related_objects:
        manager = relation.related_model._default_manager
        if manager.filter(**{relation.field.name: image}).exists():
            return True
    return False


def connect_signals() -> None:
    from django.db.models.signals import post_delete

    from core.models import Image

    post_delete.connect(_delete_files_after_commit, sender=Image, dispatch_uid="image-files")
    for relation in Image._meta.related_objects:
        post_delete.connect(
            _delete_unused_images,
            sender=relation.related_model,
            dispatch_uid=f"unused-images-{relation.related_model._meta.label}",
        )


def remove_abandoned_uploads(*, limit: int = 100, now: datetime | None = None) -> int:
    """Delete uploads kept for a form that was never saved, once their token has expired (a
    photo of people is personal data: nothing is kept that nobody can use). Returns how many."""
    now = now or timezone.now()
    try:
        _folders, names = default_storage.listdir(PENDING_DIR)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in names:
        if removed >= limit:
            break
        path = f"{PENDING_DIR}/{name}"
        if now - default_storage.get_modified_time(path) > PENDING_MAX_AGE:
            default_storage.delete(path)
            removed += 1
    return removed
