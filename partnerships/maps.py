"""The two maps: committed SVG geometry (see scripts/build_map_geometry.py) and live counts."""

from __future__ import annotations

import json
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


def world_map() -> dict:
    """Partner countries with their counts, on the world map, plus the text alternative."""
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
    return {"view_box": geometry["viewBox"], "plain": plain, "linked": linked}
