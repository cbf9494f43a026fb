"""The open-data downloads as Excel workbooks, written with openpyxl.

Spreadsheet programs guess a CSV file's separator and types from the computer's settings:
Swedish Excel expects semicolons and turns the municipality code 0127 into the number 127.
A workbook says what each cell is: text stays text (in the text format "@", so a code typed
over stays text too), numbers are numbers; the header row is bold and stays in view.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Characters XML 1.0 cannot hold (control characters other than tab and line breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: Iterable[Sequence[str | int | float | None]]
    column_widths: Sequence[int] = ()


def _cell(sheet, value, *, header: bool) -> WriteOnlyCell:
    if isinstance(value, bool):
        value = str(value).lower()
    if value == "":
        value = None
    if isinstance(value, str):
        value = _NOT_XML.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if header:
        cell.font = Font(bold=True)
    if header or isinstance(value, str):
        cell.number_format = TEXT_FORMAT
    return cell


def workbook(
    sheets: Sequence[Sheet], *, title: str, description: str, language: str, licence: str
) -> bytes:
    """The workbook as bytes: ``sheets`` in order, with title, description (where the
    licence is stated too), language and licence in the document properties."""
    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.description = description
    book.properties.subject = licence
    book.properties.keywords = licence
    book.properties.language = language
    book.properties.creator = "ICLD"
    for sheet in sheets:
        page = book.create_sheet(title=sheet.name[:31])
        page.freeze_panes = "A2"
        for index, width in enumerate(sheet.column_widths, start=1):
            page.column_dimensions[get_column_letter(index)].width = width
        for number, values in enumerate(sheet.rows):
            page.append([_cell(page, value, header=number == 0) for value in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
