"""The text of an uploaded PDF, for search (pypdf: a pure-Python library, no binaries).

Pages are kept apart by a form feed, so a search can say which page matched. A file pypdf
cannot read gives no text (the upload itself was already checked by its validators); the text
is capped, so a very long document cannot make a row or its search vector too large.
"""

from __future__ import annotations

import logging

from django.db import models

PAGE_BREAK = "\f"
MAX_PAGES = 500
MAX_CHARACTERS = 400_000

logger = logging.getLogger(__name__)


def _plain(text: str) -> str:
    # PostgreSQL text cannot hold NUL; form feeds separate pages; whitespace becomes single spaces.
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def pdf_text(file) -> str:
    """The text of the PDF in ``file`` (a Django File), page by page, or "" when unreadable."""
    from pypdf import PdfReader

    pages: list[str] = []
    size = 0
    try:
        file.open("rb")
        file.seek(0)
        reader = PdfReader(file)
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or size >= MAX_CHARACTERS:
                break
            text = _plain(page.extract_text() or "")
            pages.append(text)
            size += len(text) + 1
    except Exception:  # a damaged PDF must never stop the upload, only its search text
        logger.warning(
            "Could not read the text of %s", getattr(file, "name", "a PDF"), exc_info=True
        )
        return ""
    finally:
        file.seek(0)
    return PAGE_BREAK.join(pages)[:MAX_CHARACTERS]


class DocumentFileField(models.FileField):
    """A PDF whose text is read into ``text_field`` whenever a new file is uploaded, the way
    Django's ImageField fills in width and height: every way of uploading (admin, forms,
    the shell) keeps the search text in step with the file."""

    def __init__(self, *args, text_field: str = "", **kwargs):
        self.text_field = text_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_field:
            kwargs["text_field"] = self.text_field
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        uploaded = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)
        if self.text_field and (uploaded or not file):
            setattr(model_instance, self.text_field, pdf_text(file) if file else "")
        return file
