"""The map geometry: the pure functions that build it, and the committed data files."""

import json
import struct
from pathlib import Path

import pytest

from partnerships import geodata, maps

MAP_DIR = Path(geodata.__file__).parent / "data" / "maps"


def test_equal_earth_keeps_the_origin_and_symmetry():
    assert geodata.equal_earth(0, 0) == (0, 0)
    x, y = geodata.equal_earth(90, 45)
    assert geodata.equal_earth(-90, -45) == pytest.approx((-x, -y))
    assert y < 0  # north is up in SVG


def test_lambert_conic_puts_north_up_and_the_central_meridian_straight():
    south_x, south_y = geodata.lambert_conformal_conic(15, 55)
    north_x, north_y = geodata.lambert_conformal_conic(15, 69)
    assert north_y < south_y
    assert south_x == pytest.approx(0) and north_x == pytest.approx(0)


def test_simplify_drops_points_on_a_line_and_keeps_corners_and_ends():
    line = [(0, 0), (1, 0.01), (2, 0), (3, 5), (4, 0)]
    assert geodata.simplify(line, 0.1) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    assert geodata.simplify(line, 100) == [(0, 0), (4, 0)]


def test_path_data_is_compact_relative_and_closed():
    square = [(10, 10), (20, 10), (20, 20), (10, 20), (10, 10)]
    assert geodata.path_data([square]) == "M10 10l10 0 0 10-10 0z"
    assert geodata.path_data([[(0, 0), (0.2, 0.1)]]) == ""  # too small to draw


def test_topojson_rings_join_arcs_and_reverse_negative_ones():
    topology = {
        "arcs": [[[0, 0], [1, 0]], [[1, 0], [0, 1]]],
        "transform": {"scale": [1, 1], "translate": [0, 0]},
    }
    arcs = geodata.decode_topojson_arcs(topology)
    assert arcs == [[(0, 0), (1, 0)], [(1, 0), (1, 1)]]
    assert geodata.topojson_ring([0, 1], arcs) == [(0, 0), (1, 0), (1, 1)]
    assert geodata.topojson_ring([~1], arcs) == [(1, 1), (1, 0)]


def test_wkb_multipolygons_are_read():
    ring = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    polygon = (
        struct.pack("<BII", 1, 3, 1)
        + struct.pack("<I", len(ring))
        + b"".join(struct.pack("<dd", *point) for point in ring)
    )
    multi = struct.pack("<BII", 1, 6, 2) + polygon + polygon
    assert geodata.read_wkb_polygons(multi) == [[ring], [ring]]


def test_committed_geometry_covers_sweden_and_the_partner_countries_and_stays_small():
    sweden = json.loads((MAP_DIR / "sweden.json").read_text())
    world = json.loads((MAP_DIR / "world.json").read_text())
    assert len(sweden["municipalities"]) == 290
    assert len(sweden["counties"]) == 21
    assert {f["code"] for f in sweden["municipalities"]} >= {"1470", "2581", "0180"}
    codes = {f["code"] for f in world["features"]}
    assert codes >= {"KE", "XK", "CN", "BA", "GT", "ZW", "SE"}
    for path in (MAP_DIR / "sweden.json", MAP_DIR / "world.json"):
        assert path.stat().st_size < 150_000
    assert (MAP_DIR / "SOURCES.md").exists()


def test_every_municipality_in_the_reference_data_has_a_shape(db):
    from reference.models import Organisation

    codes = set(Organisation.objects.filter(kind="municipality").values_list("code", flat=True))
    shapes = {f["code"] for f in maps.load_geometry("sweden")["municipalities"]}
    assert codes == shapes
