"""Serve uploaded files safely: only known kinds, with their own content type, never as HTML.

Whitenoise serves our static files; uploads (images, PDFs) come through this view on every
app server, so the same rules hold with or without a reverse proxy in front (a proxy may
still serve /media/ itself with the same headers, see README.md).
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

from core.access import may_preview_drafts
from core.images import image_for_media_path, image_is_public

# Extension -> content type. Anything else (.html, .svg, .js, ...) is never served.
ALLOWED_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".pdf": "application/pdf",
}


@require_safe
def serve_media(request, path: str):
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (ValueError, SuspiciousFileOperation):  # outside MEDIA_ROOT (../): not found
        raise Http404 from None
    content_type = ALLOWED_TYPES.get(full_path.suffix.lower())
    if content_type is None or not full_path.is_file():
        raise Http404
    cache_control = "public, max-age=86400"
    image, is_original = image_for_media_path(path)
    if image is not None:
        # A library image: its renditions are public once published content shows it; drafts'
        # images and every original (with its camera metadata) are for staff only.
        if not is_original and image_is_public(image):
            cache_control = "public, max-age=604800, immutable"  # a new upload has a new name
        elif may_preview_drafts(request):
            cache_control = "private, no-store"
        else:
            raise Http404
    elif path.startswith(("images/", "renditions/", "pending/")):
        # A file the library does not know (left behind), or an upload kept while staff
        # correct a form (core.admin_images): nobody's to see.
        raise Http404
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a file lied about its kind, a browser may not run anything in it.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = cache_control
    if content_type == "application/pdf":
        response["Content-Disposition"] = f'inline; filename="{full_path.name}"'
    return response
