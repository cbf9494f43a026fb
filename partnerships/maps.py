"""The two maps: committed SVG geometry (see scripts/build_map_geometry.py) and live counts."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse

from core.i18n import active_language
from partnerships.selectors import country_counts, swedish_party_counts
from reference.models import Organisation

MAP_DIR = Path(__file__).resolve().parent / "data" / "maps"


@cache
def load_geometry(name: str) -> dict:
    return json.loads((MAP_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _list_url(**params) -> str:
    return f"{reverse('partnerships:list')}?{urlencode(params)}"


def _localized(row: dict, prefix: str) -> str:
    return row.get(f"{prefix}_{active_language()}") or row.get(f"{prefix}_sv") or ""


def sweden_map() -> dict:
    """Municipalities and regions with a published partnership, on the map of Sweden.

    Returns the viewBox, the plain shapes, the linked shapes and the rows of the text
    alternative (which also lists federations, which have no shape).
    """
    geometry = load_geometry("sweden")
    rows = swedish_party_counts()
    by_code = {(row["organisation__kind"], row["organisation__code"]): row for row in rows.values()}
    plain, linked, regions = [], [], []
    for feature in geometry["municipalities"]:
        row = by_code.get((Organisation.Kind.MUNICIPALITY, feature["code"]))
        if row:
            linked.append({**feature, "row": row})
        else:
            plain.append(feature)
    for feature in geometry["counties"]:
        row = by_code.get((Organisation.Kind.REGION, feature["code"]))
        if row:
            regions.append({**feature, "row": row})
    table = []
    for row in rows.values():
        table.append(
            {
                "name": _localized(row, "organisation__name"),
                "kind": row["organisation__kind"],
                "county": _localized(row, "organisation__county__name"),
                "total": row["total"],
                "active": row["active"],
                "url": _list_url(organisation=row["organisation__slug"]),
                "page_url": reverse(
                    "portal:organisation", kwargs={"slug": row["organisation__slug"]}
                ),
            }
        )
    table.sort(key=lambda item: (item["county"], item["name"]))
    for item in [*linked, *regions]:
        item["name"] = _localized(item["row"], "organisation__name")
        item["url"] = _list_url(organisation=item["row"]["organisation__slug"])
    return {
        "view_box": geometry["viewBox"],
        "plain": plain,
        "linked": linked,
        "regions": regions,
        "table": table,
        "counties": geometry["counties"],
    }


# --- World map markers -----------------------------------------------------------------------
# A marker sits on its country's label point unless it would touch another: small countries
# close together (the Balkans, East Africa) get their markers in a column beside them, each
# with a leader line to its country and its name written beside it. No two markers or names
# overlap (tests/test_maps.py checks every hit area), so every country can be read and clicked.

MARKER_RADIUS = 7.5
MARKER_GAP = 3  # the least space between two markers' edges
COLUMN_OFFSET = 30  # from the nearest label point of a group to its column
NAME_SIZE = 10  # font size of a name beside a marker
CHAR_WIDTH = 0.6 * NAME_SIZE  # a generous average, so estimated boxes never fall short
# Which side a group's column goes to when one member is in it: into the sea.
COLUMN_SIDES = {"XK": "left", "RS": "left", "UA": "left", "KE": "right", "UG": "right"}


@dataclass
class Marker:
    code: str
    name: str
    anchor: tuple[float, float]
    x: float = 0
    y: float = 0
    label_side: str = ""  # "", "left" or "right": a name is written beside the marker

    @property
    def moved(self) -> bool:
        return (self.x, self.y) != self.anchor

    def boxes(self) -> list[tuple[float, float, float, float]]:
        """The hit areas: the marker's square and its name's box, as (x0, y0, x1, y1)."""
        r = MARKER_RADIUS
        result = [(self.x - r, self.y - r, self.x + r, self.y + r)]
        if self.label_side:
            width = len(self.name) * CHAR_WIDTH
            half = NAME_SIZE * 0.7
            if self.label_side == "left":
                result.append((self.x - r - 3 - width, self.y - half, self.x - r, self.y + half))
            else:
                result.append((self.x + r, self.y - half, self.x + r + 3 + width, self.y + half))
        return result

    @property
    def label_x(self) -> float:
        offset = MARKER_RADIUS + 3
        return round(self.x - offset if self.label_side == "left" else self.x + offset, 1)


def _overlap(a, b, gap: float = 0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _touching(a: Marker, b: Marker) -> bool:
    return math.dist(a.anchor, b.anchor) < 2 * MARKER_RADIUS + MARKER_GAP


def _groups(markers: list[Marker], joined: list[set[str]]) -> list[list[Marker]]:
    """Markers whose circles would touch, chained, plus groups already joined."""
    parent = {m.code: m.code for m in markers}

    def find(code):
        while parent[code] != code:
            parent[code] = parent[parent[code]]
            code = parent[code]
        return code

    def union(a, b):
        parent[find(a)] = find(b)

    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            if _touching(a, b):
                union(a.code, b.code)
    for codes in joined:
        first, *rest = sorted(codes)
        for code in rest:
            union(first, code)
    groups: dict[str, list[Marker]] = {}
    for marker in markers:
        groups.setdefault(find(marker.code), []).append(marker)
    return list(groups.values())


def _place_column(group: list[Marker], side: str, extra: float, bounds) -> None:
    step = 2 * MARKER_RADIUS + MARKER_GAP
    xs = [m.anchor[0] for m in group]
    x = min(xs) - COLUMN_OFFSET - extra if side == "left" else max(xs) + COLUMN_OFFSET + extra
    middle = sum(m.anchor[1] for m in group) / len(group)
    top = middle - step * (len(group) - 1) / 2
    top = max(
        bounds[1] + MARKER_RADIUS + 2,
        min(top, bounds[3] - MARKER_RADIUS - 2 - step * (len(group) - 1)),
    )
    # In the order of their countries from north to south, so leader lines do not cross.
    for index, marker in enumerate(sorted(group, key=lambda m: (m.anchor[1], m.anchor[0]))):
        marker.x, marker.y = round(x, 1), round(top + index * step, 1)
        marker.label_side = side


def _conflicts(markers: list[Marker]) -> list[tuple[Marker, Marker]]:
    found = []
    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            if any(_overlap(p, q, MARKER_GAP / 2) for p in a.boxes() for q in b.boxes()):
                found.append((a, b))
    return found


def layout_markers(markers: list[Marker], bounds: tuple[float, float, float, float]) -> None:
    """Give every marker a place where no marker or name overlaps another (in place).

    Groups of touching markers become columns beside them; a column that still hits
    something is moved further out, and after that joins what it hits into one column.
    """
    joined: list[set[str]] = []
    for _attempt in range(len(markers) + 1):
        for marker in markers:
            marker.x, marker.y = marker.anchor
            marker.label_side = ""
        groups = [g for g in _groups(markers, joined) if len(g) > 1]
        for group in groups:
            codes = {m.code for m in group}
            preferred = next((COLUMN_SIDES[c] for c in sorted(codes) if c in COLUMN_SIDES), None)
            sides = [preferred] if preferred else ["left", "right"]
            best = None
            for extra in (0, 20, 40):
                for side in sides:
                    _place_column(group, side, extra, bounds)
                    others = [m for m in markers if m.code not in codes]
                    hits = sum(
                        1
                        for m in group
                        for o in others
                        if any(_overlap(p, q, MARKER_GAP / 2) for p in m.boxes() for q in o.boxes())
                    )
                    if best is None or hits < best[0]:
                        best = (hits, side, extra)
                if best[0] == 0:
                    break
            _place_column(group, best[1], best[2], bounds)
        conflicts = _conflicts(markers)
        if not conflicts:
            return
        a, b = conflicts[0]
        merged = {a.code, b.code}
        for group in groups:
            codes = {m.code for m in group}
            if codes & merged:
                merged |= codes
        joined = [codes for codes in joined if not codes & merged] + [merged]
    raise ValueError("The world map's markers cannot be laid out without overlapping.")


def world_map() -> dict:
    """Partner countries with their counts, on the world map, plus the text alternative.

    Each country has one link in the keyboard's order (its marker, alphabetical, as in the
    table); its shape is a second, mouse-only target for the same list.
    """
    geometry = load_geometry("world")
    rows = country_counts()
    plain, linked = [], []
    for feature in geometry["features"]:
        row = rows.get(feature["code"]) if feature["code"] else None
        if row:
            linked.append(
                {
                    **feature,
                    "row": row,
                    "name": _localized(row, "country__name"),
                    "url": _list_url(country=row["country__slug"]),
                    "page_url": reverse("portal:country", kwargs={"slug": row["country__slug"]}),
                }
            )
        else:
            plain.append(feature)
    linked.sort(key=lambda item: item["name"].casefold())
    width, height = (float(n) for n in geometry["viewBox"].split()[2:])
    markers = [
        Marker(item["code"], item["name"], tuple(item["label"]))
        for item in linked
        if item.get("label")
    ]
    layout_markers(markers, (0, 0, width, height))
    by_code = {marker.code: marker for marker in markers}
    for item in linked:
        item["marker"] = by_code.get(item["code"])
    return {
        "view_box": _cropped_view_box(linked, markers, width, height),
        "plain": plain,
        "linked": linked,
        "markers": markers,
    }


_PATH_TOKEN = re.compile(r"[MmLlZz]|-?\d+(?:\.\d+)?")


def path_bounds(d: str) -> tuple[float, float, float, float]:
    """The box around a path of the committed geometry (M, m, l and z commands only)."""
    xs, ys = [], []
    x = y = start_x = start_y = 0.0
    command, numbers = "M", []
    for token in _PATH_TOKEN.findall(d):
        if token in "MmLlZz":
            command, numbers = token, []
            if token in "Zz":
                x, y = start_x, start_y
            continue
        numbers.append(float(token))
        if len(numbers) < 2:
            continue
        dx, dy = numbers
        numbers = []
        if command == "M":
            x, y = dx, dy
        else:
            x, y = x + dx, y + dy
        if command in "Mm":
            start_x, start_y = x, y
            command = "L" if command == "M" else "l"  # further pairs are lines
        xs.append(x)
        ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _cropped_view_box(linked, markers: list[Marker], width: float, height: float) -> str:
    """The part of the world with the partner countries and their markers, with a margin,
    so the countries are as large as the page allows."""
    if not linked:
        return f"0 0 {width:g} {height:g}"
    boxes = [box for marker in markers for box in marker.boxes()]
    boxes += [path_bounds(item["d"]) for item in linked]
    margin = 25
    x0 = max(0, min(b[0] for b in boxes) - margin)
    y0 = max(0, min(b[1] for b in boxes) - margin)
    x1 = min(width, max(b[2] for b in boxes) + margin)
    y1 = min(height, max(b[3] for b in boxes) + margin)
    return f"{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g}"
