"""The committed map geometry (built by scripts/build_map_geometry.py) and what reads it."""

import json

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
