"""scripts/build_map_geometry.py: the pure functions that build the partnership maps' geometry.

The committed files it wrote are tested with the app that draws them
(partnerships/tests/test_maps.py).
"""

import importlib.util
import struct
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_map_geometry.py"


def _load_script():
    # A script, not a package: loaded from its path, as `python scripts/...` would run it.
    spec = importlib.util.spec_from_file_location("build_map_geometry", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _load_script()


def test_the_script_runs_with_plain_python_and_writes_into_the_app_that_draws_the_maps():
    from partnerships import maps

    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, check=True
    )
    assert "--sweden" in result.stdout
    assert script.MAP_DIR == maps.MAP_DIR


def test_equal_earth_keeps_the_origin_and_symmetry():
    assert script.equal_earth(0, 0) == (0, 0)
    x, y = script.equal_earth(90, 45)
    assert script.equal_earth(-90, -45) == pytest.approx((-x, -y))
    assert y < 0  # north is up in SVG


def test_lambert_conic_puts_north_up_and_the_central_meridian_straight():
    south_x, south_y = script.lambert_conformal_conic(15, 55)
    north_x, north_y = script.lambert_conformal_conic(15, 69)
    assert north_y < south_y
    assert south_x == pytest.approx(0) and north_x == pytest.approx(0)


def test_simplify_drops_points_on_a_line_and_keeps_corners_and_ends():
    line = [(0, 0), (1, 0.01), (2, 0), (3, 5), (4, 0)]
    assert script.simplify(line, 0.1) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    assert script.simplify(line, 100) == [(0, 0), (4, 0)]


def test_path_data_is_compact_relative_and_closed():
    square = [(10, 10), (20, 10), (20, 20), (10, 20), (10, 10)]
    assert script.path_data([square]) == "M10 10l10 0 0 10-10 0z"
    assert script.path_data([[(0, 0), (0.2, 0.1)]]) == ""  # too small to draw


def test_topojson_rings_join_arcs_and_reverse_negative_ones():
    topology = {
        "arcs": [[[0, 0], [1, 0]], [[1, 0], [0, 1]]],
        "transform": {"scale": [1, 1], "translate": [0, 0]},
    }
    arcs = script.decode_topojson_arcs(topology)
    assert arcs == [[(0, 0), (1, 0)], [(1, 0), (1, 1)]]
    assert script.topojson_ring([0, 1], arcs) == [(0, 0), (1, 0), (1, 1)]
    assert script.topojson_ring([~1], arcs) == [(1, 1), (1, 0)]


def test_wkb_multipolygons_are_read():
    ring = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    polygon = (
        struct.pack("<BII", 1, 3, 1)
        + struct.pack("<I", len(ring))
        + b"".join(struct.pack("<dd", *point) for point in ring)
    )
    multi = struct.pack("<BII", 1, 6, 2) + polygon + polygon
    assert script.read_wkb_polygons(multi) == [[ring], [ring]]
