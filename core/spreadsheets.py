"""Cells for CSV files that staff and visitors open in spreadsheet programs."""

from __future__ import annotations

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV
# injection: a visitor could type =HYPERLINK(...) into a form that staff later export).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """The value as text that a spreadsheet shows and never runs: a formula gets a quote."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ";".join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
