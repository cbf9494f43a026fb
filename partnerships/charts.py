"""Charts of partnerships drawn as SVG on the server: the geometry each template draws.

Bars are laid out here in SVG units (the templates only print them), so a chart needs no
JavaScript and reads the same at any width. Each chart's rows are also its data table and
its CSV file (views/figures.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from partnerships.selectors import CountRow, YearRow

WIDTH = 360
ROW = 36  # a bar chart's row: the name on one line, the bar below it
BAR = 14
BAR_SPACE = WIDTH - 44  # room for the total after the longest bar


@dataclass(frozen=True)
class Bar:
    label: str
    x: float
    y: float
    width_active: float
    width_completed: float
    value_x: float
    row: CountRow


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, ...) that gives about ``ticks`` grid lines."""
    if largest <= ticks:
        return 1
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def bar_chart(rows: list[CountRow]) -> dict:
    """Horizontal stacked bars (active, then completed), one row per country or theme."""
    largest = max((row.total for row in rows), default=0) or 1
    scale = BAR_SPACE / largest
    bars = []
    for index, row in enumerate(rows):
        top = index * ROW
        active = row.active * scale
        completed = row.completed * scale
        bars.append(
            Bar(
                label=row.name,
                x=0,
                y=top + 18,
                width_active=round(active, 1),
                width_completed=round(completed, 1),
                value_x=round(active + completed + 5, 1),
                row=row,
            )
        )
    height = max(len(rows) * ROW + 4, ROW)
    return {
        "view_box": f"0 0 {WIDTH} {height}",
        "bars": bars,
        "bar_height": BAR,
        "rows": rows,
        "top": rows[0] if rows else None,
        "total": sum(row.total for row in rows),
    }


def year_chart(rows: list[YearRow]) -> dict:
    """Columns per year: partnerships active in it, the part started that year darker."""
    left, right, top, bottom = 30, 6, 8, 22
    height = 200
    plot_width = WIDTH - left - right
    plot_height = height - top - bottom
    largest = max((row.active for row in rows), default=0) or 1
    step = nice_step(largest)
    ceiling = math.ceil(largest / step) * step
    scale = plot_height / ceiling
    slot = plot_width / max(len(rows), 1)
    gap = min(2, slot * 0.2)
    base = top + plot_height
    columns = []
    for index, row in enumerate(rows):
        x = left + index * slot + gap / 2
        active = row.active * scale
        started = row.started * scale
        labelled = row.year % 5 == 0 or index in (0, len(rows) - 1)
        columns.append(
            {
                "row": row,
                "x": round(x, 1),
                "width": round(slot - gap, 1),
                "y_active": round(base - active, 1),
                "h_active": round(active, 1),
                "y_started": round(base - started, 1),
                "h_started": round(started, 1),
                "label_x": round(x + (slot - gap) / 2, 1),
                "labelled": labelled,
            }
        )
    # Keep year labels from running into each other: drop one too close to the one before.
    last_x = -100.0
    for column in columns:
        if column["labelled"]:
            if column["label_x"] - last_x < 26:
                column["labelled"] = False
            else:
                last_x = column["label_x"]
    grid = [
        {"value": value, "y": round(base - value * scale, 1)}
        for value in range(0, ceiling + 1, step)
    ]
    return {
        "view_box": f"0 0 {WIDTH} {height}",
        "columns": columns,
        "grid": grid,
        "left": left,
        "right": WIDTH - right,
        "base": base,
        "label_y": base + 15,
        "rows": rows,
        "first": rows[0] if rows else None,
        "last": rows[-1] if rows else None,
        # The busiest year (the latest of equal ones).
        "peak": max(rows, key=lambda row: (row.active, row.year)) if rows else None,
    }
