"""The committed map geometry (built by scripts/build_map_geometry.py) and what reads it."""

import json
import math
import re

import pytest

from partnerships import maps


def test_committed_geometry_covers_sweden_and_the_partner_countries_and_stays_small():
    sweden = json.loads((maps.MAP_DIR / "sweden.json").read_text())
    world = json.loads((maps.MAP_DIR / "world.json").read_text())
    assert len(sweden["municipalities"]) == 290
    assert len(sweden["counties"]) == 21
    assert {f["code"] for f in sweden["municipalities"]} >= {"1470", "2581", "0180"}
    codes = {f["code"] for f in world["features"]}
    assert codes >= {"KE", "XK", "CN", "BA", "GT", "ZW", "SE"}
    for path in (maps.MAP_DIR / "sweden.json", maps.MAP_DIR / "world.json"):
        assert path.stat().st_size < 150_000
    assert (maps.MAP_DIR / "SOURCES.md").exists()


def test_every_municipality_in_the_reference_data_has_a_shape(db):
    from reference.models import Organisation

    codes = set(Organisation.objects.filter(kind="municipality").values_list("code", flat=True))
    shapes = {f["code"] for f in maps.load_geometry("sweden")["municipalities"]}
    assert codes == shapes


# --- World map markers ---------------------------------------------------------------------


def _every_partner_country_marked():
    """A marker for every country of the geometry with a label point, as if each had a
    partnership: the most crowded the map can be."""
    geometry = maps.load_geometry("world")
    width, height = (float(n) for n in geometry["viewBox"].split()[2:])
    markers = [
        maps.Marker(f["code"], f"Country {f['code']} with a long name", tuple(f["label"]))
        for f in geometry["features"]
        if f["code"] and f.get("label")
    ]
    maps.layout_markers(markers, (0, 0, width, height))
    return markers, (width, height)


def test_no_two_marker_hit_areas_overlap_even_with_every_country_marked():
    markers, (width, height) = _every_partner_country_marked()
    codes = {m.code for m in markers}
    assert {"XK", "RS", "BA", "ME", "AL", "MK", "RW", "UG"} <= codes
    boxes = [(m.code, box) for m in markers for box in m.boxes()]
    for index, (code, a) in enumerate(boxes):
        assert 0 <= a[0] and a[2] <= width and 0 <= a[1] and a[3] <= height, code
        for other, b in boxes[index + 1 :]:
            if other != code:
                assert not maps._overlap(a, b), (code, other)
    # Circles keep their distance too, not only their squares.
    for index, a in enumerate(markers):
        for b in markers[index + 1 :]:
            assert math.dist((a.x, a.y), (b.x, b.y)) >= 2 * maps.MARKER_RADIUS, (a.code, b.code)


def test_a_marker_moved_off_its_country_is_named_and_the_balkans_are_moved():
    markers, _size = _every_partner_country_marked()
    by_code = {m.code: m for m in markers}
    for code in ("XK", "RS", "BA", "ME", "AL", "MK"):
        assert by_code[code].moved and by_code[code].label_side, code
    for marker in markers:
        assert bool(marker.label_side) == marker.moved, marker.code
    assert not by_code["CN"].moved  # a country with room keeps its marker


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_country_has_one_named_keyboard_link_in_alphabetical_order(client, language):
    from partnerships.tests import factories
    from partnerships.tests.helpers import url

    for code in ("XK", "RS", "BA", "KE", "UG", "RW", "CN"):
        factories.partnership(country=code)
    html = client.get(url("map_world", language)).text
    pins = html.split('<g class="map-pins">', 1)[1].split("</g>", 1)[0]
    pin = r'<a href="[^"]+" class="map-pin" data-code="(\w+)" aria-label="([^"]+)"'
    labels = re.findall(pin, pins)
    names = [label.split(":")[0] for _code, label in labels]
    assert len(labels) == 7 and names == sorted(names, key=str.casefold)
    kosovo = next(label for code, label in labels if code == "XK")
    partnership = "partnerskap" if language == "sv" else "partnership"
    assert kosovo == f"Kosovo: 1 {partnership}"
    assert re.search(r'class="map-pin-name is-left"[^>]*>Kosovo </text>', pins)
    shapes = html.split('<g class="map-shapes">', 1)[1].split("</g>", 1)[0]
    assert shapes.count('tabindex="-1" aria-hidden="true"') == 7
