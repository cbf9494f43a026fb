"""Validation of identifiers and uploaded files for the knowledge centre.

Uploads are checked by their content (magic bytes), not by the name or the
content type the browser claims: a file called ``report.pdf`` that starts with
``<html>`` is refused, so the portal never stores HTML it could later serve.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_MAX_BYTES = 40 * 1024 * 1024
IMAGE_MAX_BYTES = 5 * 1024 * 1024

ORCID_RE = re.compile(r"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")

IMAGE_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def normalise_orcid(value: str) -> str:
    value = (value or "").strip()
    for prefix in ("https://orcid.org/", "http://orcid.org/", "orcid.org/"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    return value.upper()


def orcid_checksum(base_digits: str) -> str:
    """The ISO 7064 11,2 check character ORCID uses for its first 15 digits."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value: str) -> None:
    value = normalise_orcid(value)
    if not ORCID_RE.match(value):
        raise ValidationError(
            _("Enter an ORCID iD as four groups of four characters, e.g. 0000-0002-1825-0097."),
            code="orcid_format",
        )
    digits = value.replace("-", "")
    if orcid_checksum(digits[:-1]) != digits[-1]:
        raise ValidationError(
            _("This ORCID iD has a wrong check digit: please copy it again from orcid.org."),
            code="orcid_checksum",
        )


def normalise_doi(value: str) -> str:
    value = (value or "").strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    return value


def validate_doi(value: str) -> None:
    if not DOI_RE.match(normalise_doi(value)):
        raise ValidationError(_("Enter a DOI such as 10.1234/abcd.5678."), code="doi")


def normalise_isbn(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


def isbn_is_valid(value: str) -> bool:
    isbn = normalise_isbn(value)
    if len(isbn) == 10 and re.fullmatch(r"[0-9]{9}[0-9X]", isbn):
        total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(isbn))
        return total % 11 == 0
    if len(isbn) == 13 and re.fullmatch(r"[0-9]{13}", isbn):
        total = sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(isbn))
        return total % 10 == 0
    return False


def validate_isbn(value: str) -> None:
    if not isbn_is_valid(value):
        raise ValidationError(
            _("Enter a valid ISBN-10 or ISBN-13 (the check digit does not match)."), code="isbn"
        )


def _head(file, length: int = 16) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(length)
    file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


def _check_size(file, limit: int) -> None:
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")


def validate_pdf(file) -> None:
    """A real PDF (starts with %PDF-) of at most PDF_MAX_BYTES."""
    _check_size(file, PDF_MAX_BYTES)
    if not _head(file, 5).startswith(b"%PDF-"):
        raise ValidationError(
            _("This file is not a PDF document. Upload the publication as a PDF."), code="not_pdf"
        )


def image_content_type(file) -> str | None:
    head = _head(file, 16)
    for signature, content_type in IMAGE_SIGNATURES.items():
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def validate_image(file) -> None:
    """A PNG, JPEG or WebP image of at most IMAGE_MAX_BYTES (never SVG: it can carry script)."""
    _check_size(file, IMAGE_MAX_BYTES)
    if image_content_type(file) is None:
        raise ValidationError(_("The cover must be a PNG, JPEG or WebP image."), code="not_image")
