"""The open-data files of the partnership pages: their licence, their documented columns and
one way to write them (CSV, Excel workbook, JSON), so every download follows the same rules.

The rules, stated on the open-data page too: column names in English snake case, a pair
``_sv``/``_en`` for each text that has two languages; a list is one cell with its items
separated by ";" (core.spreadsheets), and an array in JSON; codes are text (the municipality
code 0127 keeps its zero); a year or a count is a whole number; nothing known is an empty
cell (null in JSON). Every text cell is neutralised against formulas.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import spreadsheet_cell
from partnerships import xlsx

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "ICLD – Swedish International Centre for Local Democracy"

# Column types, as the documentation names them.
TEXT, CODE, URL, INTEGER, LIST, CODES = "text", "code", "url", "integer", "list", "codes"
TYPE_LABELS = {
    TEXT: _("text"),
    CODE: _("code (text)"),
    URL: _("web address"),
    INTEGER: _("whole number"),
    LIST: _("list of texts, separated by ;"),
    CODES: _("list of codes (text), separated by ;"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str  # lazy: put into words in the reader's language

    @property
    def type_label(self) -> str:
        return str(TYPE_LABELS[self.type])


@dataclass(frozen=True)
class Dataset:
    """One downloadable table: its file name, title and columns."""

    slug: str
    title: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


def _pair(name: str, type_: str, sv: str, en: str) -> tuple[Column, Column]:
    return Column(f"{name}_sv", type_, sv), Column(f"{name}_en", type_, en)


PARTNERSHIPS = Dataset(
    "partnerships",
    _("ICLD municipal partnerships"),
    (
        Column("slug", CODE, _("The partnership's identifier, as in the address of its page.")),
        Column("url_sv", URL, _("The partnership's page in Swedish.")),
        Column("url_en", URL, _("The partnership's page in English.")),
        *_pair("title", TEXT, _("Title in Swedish."), _("Title in English.")),
        *_pair("summary", TEXT, _("Summary in Swedish."), _("Summary in English.")),
        Column(
            "country_code",
            CODE,
            _("The partner country's ISO 3166-1 code, two letters (XK for Kosovo)."),
        ),
        *_pair(
            "country",
            TEXT,
            _("The partner country in Swedish."),
            _("The partner country in English."),
        ),
        *_pair(
            "swedish_organisations",
            LIST,
            _("The Swedish municipalities, regions and federations, in Swedish."),
            _("The Swedish municipalities, regions and federations, in English."),
        ),
        Column(
            "municipality_codes",
            CODES,
            _(
                "The four-digit SCB codes of the Swedish municipalities among the parties "
                "(Region Gotland: 0980). Regions and federations have none."
            ),
        ),
        Column(
            "county_codes",
            CODES,
            _("The two-digit SCB codes of the counties the Swedish parties are in, each once."),
        ),
        *_pair(
            "partner_organisations",
            LIST,
            _("The local and regional governments in the partner country, in Swedish."),
            _("The local and regional governments in the partner country, in English."),
        ),
        *_pair("themes", LIST, _("Themes, in Swedish."), _("Themes, in English.")),
        Column("theme_slugs", CODES, _("The themes' identifiers.")),
        Column("phase", CODE, _("“inception” (a pre-study) or “project”.")),
        Column("status", CODE, _("“active” or “completed”.")),
        Column("start_year", INTEGER, _("The year the partnership started.")),
        Column("end_year", INTEGER, _("The year it ended; empty while it goes on.")),
        *_pair(
            "network",
            TEXT,
            _("The ICLD network it belongs to, in Swedish; empty if none."),
            _("The ICLD network it belongs to, in English; empty if none."),
        ),
        Column(
            "reference_number", CODE, _("ICLD's reference number, e.g. 2016-0032; may be empty.")
        ),
    ),
)

_COUNTS = (
    Column("active", INTEGER, _("Published partnerships that are active.")),
    Column("completed", INTEGER, _("Published partnerships that are completed.")),
    Column("total", INTEGER, _("Active and completed together.")),
)
BY_YEAR = Dataset(
    "years",
    _("Partnerships over time"),
    (
        Column("year", INTEGER, _("The year.")),
        Column("started", INTEGER, _("Published partnerships that started that year.")),
        Column(
            "active",
            INTEGER,
            _(
                "Published partnerships active that year: from their start year to their end "
                "year, or to this year while they go on."
            ),
        ),
    ),
)
BY_COUNTRY = Dataset(
    "countries",
    _("Partnerships by country"),
    (
        Column(
            "country_code",
            CODE,
            _("The partner country's ISO 3166-1 code, two letters (XK for Kosovo)."),
        ),
        *_pair(
            "country",
            TEXT,
            _("The partner country in Swedish."),
            _("The partner country in English."),
        ),
        *_COUNTS,
    ),
)
BY_THEME = Dataset(
    "themes",
    _("Partnerships by theme"),
    (
        Column("theme_slug", CODE, _("The theme's identifier.")),
        *_pair("theme", TEXT, _("The theme in Swedish."), _("The theme in English.")),
        *_COUNTS[:2],
        Column(
            "total",
            INTEGER,
            _(
                "Active and completed together; a partnership with several themes counts "
                "under each."
            ),
        ),
    ),
)
DATASETS = {dataset.slug: dataset for dataset in (PARTNERSHIPS, BY_YEAR, BY_COUNTRY, BY_THEME)}


def _text_cell(column: Column, value):
    """A cell's value for a spreadsheet: numbers stay numbers, everything else is safe text."""
    if value is None:
        return ""
    if column.type == INTEGER and isinstance(value, int):
        return value
    return spreadsheet_cell(value)


def _licence_link(response) -> None:
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-Content-Type-Options"] = "nosniff"


class _Echo:
    def write(self, value):
        return value


def csv_response(dataset: Dataset, rows: Iterable[dict], *, filename: str) -> StreamingHttpResponse:
    """UTF-8 with a byte order mark, comma-separated, a header row of the column names."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(dataset.names)
        for row in rows:
            yield writer.writerow([_text_cell(c, row[c.name]) for c in dataset.columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    _licence_link(response)
    return response


def about_rows(dataset: Dataset, *, source_url: str, documentation_url: str) -> list[list[str]]:
    """The workbook's second sheet: licence, source and every column, in both languages."""
    rows: list[list[str]] = []
    for language in ("sv", "en"):
        with translation.override(language):
            rows.append([str(_("Licence")), f"{LICENCE_NAME} {LICENCE_URL}"])
            rows.append([str(_("Attribution")), ATTRIBUTION])
    rows += [["Source", source_url], ["Documentation", documentation_url], []]
    header = ["column", "type"]
    for language in ("sv", "en"):
        with translation.override(language):
            header.append(str(_("Meaning")))
    rows.append(header)
    for column in dataset.columns:
        row = [column.name, column.type]
        for language in ("sv", "en"):
            with translation.override(language):
                row.append(str(column.description))
        rows.append(row)
    return rows


def xlsx_response(
    dataset: Dataset,
    rows: Iterable[dict],
    *,
    filename: str,
    source_url: str,
    documentation_url: str,
) -> HttpResponse:
    """The same table as an Excel workbook: codes as text, numbers as numbers, a sheet
    "about" with the licence and the columns; the licence in the document properties too."""
    data = [dataset.names] + [[_text_cell(c, row[c.name]) for c in dataset.columns] for row in rows]
    about = about_rows(dataset, source_url=source_url, documentation_url=documentation_url)
    content = xlsx.workbook(
        [
            xlsx.Sheet(dataset.slug, data, [max(12, len(name) + 2) for name in dataset.names]),
            xlsx.Sheet(
                "about", [[spreadsheet_cell(v) for v in row] for row in about], [22, 16, 60, 60]
            ),
        ],
        title=str(dataset.title),
        description=f"{dataset.title}. {LICENCE_NAME}: {LICENCE_URL}. {source_url}",
        language=translation.get_language() or "sv",
        licence=f"{LICENCE_NAME} {LICENCE_URL}",
    )
    response = HttpResponse(content, content_type=xlsx.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    _licence_link(response)
    return response


def json_metadata(dataset: Dataset, *, source_url: str, documentation_url: str) -> dict:
    return {
        "source": str(dataset.title),
        "source_url": source_url,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "attribution": ATTRIBUTION},
        "documentation_url": documentation_url,
        "columns": dataset.names,
        "column_types": {column.name: column.type for column in dataset.columns},
    }
