"""Responses that are not pages: PDFs, cover images, citations, exports and calendars.

Uploaded files are always sent with the content type we checked on upload, a
name of our own, ``X-Content-Type-Options: nosniff`` and never as HTML.
"""

from __future__ import annotations

import csv
import json

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import ical as core_ical
from core.feeds import conditional
from core.spreadsheets import spreadsheet_cell
from knowledge import citations, ical, search, selectors
from knowledge.models import CallDocument, Event


def _file_response(field, *, content_type: str, filename: str = "", attachment: bool = False):
    try:
        handle = field.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle, content_type=content_type, as_attachment=attachment, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def publication_pdf(request, slug: str):
    """The document, under /sv/ and /en/ alike: one file, so its Content-Language is the
    document's languages (never the address's), and both addresses name one canonical URL,
    the one in the document's language where the site has it."""
    publication = selectors.publication_get(slug)
    if publication is None or not publication.file:
        raise Http404
    response = _file_response(
        publication.file,
        content_type="application/pdf",
        filename=publication.download_filename,
        attachment=request.GET.get("download") == "1",
    )
    if publication.document_languages:
        response["Content-Language"] = ", ".join(publication.document_languages)
    site_languages = [code for code, _name in settings.LANGUAGES]
    canonical_language = next(
        (code for code in publication.document_languages if code in site_languages),
        settings.LANGUAGE_CODE,
    )
    with translation.override(canonical_language):
        canonical = settings.ICLD_SITE_URL + reverse(
            "knowledge:publication_pdf", kwargs={"slug": publication.slug}
        )
    response["Link"] = f'<{canonical}>; rel="canonical"'
    return response


@require_safe
def call_document(request, slug: str, pk: int):
    document = get_object_or_404(
        CallDocument.objects.select_related("call"), pk=pk, call__slug=slug, call__is_published=True
    )
    name = slugify(document.title_en or document.title_sv)[:80] or f"document-{document.pk}"
    return _file_response(
        document.file,
        content_type="application/pdf",
        filename=f"{name}.pdf",
        attachment=request.GET.get("download") == "1",
    )


@require_safe
def publication_citation(request, slug: str, fmt: str):
    publication = selectors.publication_get_for_detail(slug)
    if publication is None:
        raise Http404
    key = citations.bibtex_key(publication)
    if fmt == "bib":
        response = HttpResponse(
            citations.bibtex(publication), content_type="application/x-bibtex; charset=utf-8"
        )
    else:
        response = HttpResponse(
            citations.ris(publication),
            content_type="application/x-research-info-systems; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{key}.{fmt}"'
    return response


EXPORT_FIELDS = [
    "id",
    "url",
    "type",
    "year",
    "title_sv",
    "title_en",
    "authors",
    "document_languages",
    "themes",
    "countries",
    "doi",
    "isbn",
    "external_url",
    "pdf_url",
    "abstract_sv",
    "abstract_en",
]


def _export_records(request):
    site = settings.ICLD_SITE_URL
    detail = reverse("knowledge:publication", kwargs={"slug": "__slug__"})
    pdf = reverse("knowledge:publication_pdf", kwargs={"slug": "__slug__"})
    for row in search.export_rows(request.GET):
        yield {
            "id": row["pk"],
            "url": site + detail.replace("__slug__", row["slug"]),
            "type": row["type"],
            "year": row["year"],
            "title_sv": row["title_sv"],
            "title_en": row["title_en"],
            "authors": row["author_names"],
            "document_languages": row["document_languages"],
            "themes": sorted(s for s in row["theme_slugs"] if s),
            "countries": sorted(c for c in row["country_codes"] if c),
            "doi": row["doi"],
            "isbn": row["isbn"],
            "external_url": row["external_url"],
            "pdf_url": site + pdf.replace("__slug__", row["slug"]) if row["file"] else "",
            "abstract_sv": row["abstract_sv"],
            "abstract_en": row["abstract_en"],
        }


class _Echo:
    def write(self, value):
        return value


def _stamp() -> str:
    return timezone.localdate().isoformat()


@require_safe
def library_export(request, fmt: str):
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def rows():
            yield "\ufeff" + writer.writerow(EXPORT_FIELDS)
            for record in _export_records(request):
                yield writer.writerow([spreadsheet_cell(record[name]) for name in EXPORT_FIELDS])

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    else:

        def chunks():
            yield "["
            for index, record in enumerate(_export_records(request)):
                yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
            yield "\n]\n"

        response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="icld-publications-{_stamp()}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _ics_response(text: str, filename: str, *, attachment: bool = True) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def event_ics(request, slug: str):
    event = Event.objects.published().filter(slug=slug).first()
    if event is None:
        raise Http404
    text = ical.calendar([event])
    return conditional(
        request, _ics_response(text, f"{event.slug[:80]}.ics"), last_modified=event.updated_at
    )


@require_safe
def calendar_feed(request):
    text = ical.calendar(
        selectors.events_for_calendar_feed(), name=_("ICLD seminars and workshops")
    )
    return conditional(
        request,
        _ics_response(text, "icld-events.ics", attachment=False),
        last_modified=core_ical.newest_change(text),
    )
