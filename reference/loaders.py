"""Load the shipped reference data (reference/data/*.csv) idempotently.

Used by a data migration, so every database, from a developer's embedded
server to production, has the same 290 municipalities (Region Gotland among them), the
20 other regions and the partner countries. Rows are matched on their official codes, so running the
loader again changes nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"

# Municipalities that call themselves "stad" rather than "kommun".
CITY_MUNICIPALITIES = {
    "Borås",
    "Göteborg",
    "Haparanda",
    "Helsingborg",
    "Landskrona",
    "Lidingö",
    "Malmö",
    "Mölndal",
    "Solna",
    "Stockholm",
    "Sundbyberg",
    "Trollhättan",
    "Vaxholm",
    "Västerås",
}
CONTINENTS = {
    "Europe": "europe",
    "Asia/Europe": "europe",
    "Africa": "africa",
    "Asia": "asia",
    "South America": "latin_america",
    "Central America": "latin_america",
}
THEMES = [
    # slug, Swedish, English
    ("citizen-participation", "Medborgardialog och delaktighet", "Citizen participation"),
    ("environment-and-climate", "Miljö och klimat", "Environment and climate"),
    ("gender-equality", "Jämställdhet", "Gender equality"),
    ("social-inclusion", "Social inkludering", "Social inclusion"),
    ("public-health", "Folkhälsa och jämlik hälsa", "Public health and equitable health"),
    ("children-and-youth", "Barn och ungas inflytande", "Children and youth inclusion"),
    ("human-rights", "Mänskliga rättigheter", "Human rights"),
    (
        "transparency-and-accountability",
        "Öppenhet och ansvarsutkrävande",
        "Transparency and accountability",
    ),
    ("urban-planning", "Samhällsplanering", "Urban planning"),
    ("education", "Utbildning", "Education"),
    ("local-economic-development", "Lokal ekonomisk utveckling", "Local economic development"),
    ("democratic-resilience", "Demokratisk motståndskraft", "Democratic resilience"),
]


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# Names whose form before "kommun" is not the regular one (Kalmar kommun, not Kalmars).
IRREGULAR_PREFIXES = {"Falun": "Falu", "Kalmar": "Kalmar"}

# Gotland is one organisation, Region Gotland: the municipality (SCB code 0980) that also
# has a region's duties for Gotlands län (code 09). It is kept once, as the municipality.
GOTLAND_MUNICIPALITY_CODE = "0980"
GOTLAND_COUNTY_CODE = "09"
GOTLAND = {"name_sv": "Region Gotland", "name_en": "Region Gotland", "slug": "region-gotland"}


def _genitive(name: str) -> str:
    """The form before "kommun"/"stad": Vara kommun, Uppsala kommun, but Lunds kommun.

    A name ending in a vowel or in s, x or z takes no -s.
    """
    if name in IRREGULAR_PREFIXES:
        return IRREGULAR_PREFIXES[name]
    return name if name[-1].lower() in "aeiouyåäösxz" else f"{name}s"


def municipality_names(short_name: str) -> tuple[str, str]:
    if short_name == "Gotland":
        return GOTLAND["name_sv"], GOTLAND["name_en"]
    if short_name in CITY_MUNICIPALITIES:
        return f"{_genitive(short_name)} stad", f"City of {short_name}"
    return f"{_genitive(short_name)} kommun", f"{short_name} Municipality"


def county_name_en(name_sv: str) -> str:
    # "Västra Götalands län" -> "Västra Götaland County": every county name in
    # genitive ends in -s, and no base name does.
    base = name_sv.removesuffix(" län")
    return f"{base.removesuffix('s')} County"


def load_reference_data(apps) -> None:
    Country = apps.get_model("reference", "Country")
    County = apps.get_model("reference", "County")
    Organisation = apps.get_model("reference", "Organisation")
    Theme = apps.get_model("reference", "Theme")

    Country.objects.update_or_create(
        code="SE",
        defaults={
            "slug": "sweden",
            "name_sv": "Sverige",
            "name_en": "Sweden",
            "continent": "europe",
            "cluster": "",
            "is_current_partner": False,
        },
    )
    for row in _rows("partner_countries.csv"):
        Country.objects.update_or_create(
            code=row["code"],
            defaults={
                "slug": slugify(row["name_en"]),
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "continent": CONTINENTS[row["continent"]],
                "cluster": row["icld_cluster"],
                "is_current_partner": row["active"] == "yes",
            },
        )

    counties = {}
    for row in _rows("se_regions.csv"):
        county, _ = County.objects.update_or_create(
            code=row["code"],
            defaults={"name_sv": row["county_name"], "name_en": county_name_en(row["county_name"])},
        )
        counties[county.code] = county
        if row["code"] == GOTLAND_COUNTY_CODE:
            continue  # Region Gotland is the municipality, loaded below
        name_en = (
            "Region Västra Götaland" if row["name"] == "Västra Götalandsregionen" else row["name"]
        )
        Organisation.objects.update_or_create(
            kind="region",
            code=row["code"],
            defaults={
                "name_sv": row["name"],
                "name_en": name_en,
                "short_name": row["name"],
                "slug": slugify(row["name"]),
                "country_id": "SE",
                "county": county,
            },
        )

    taken_slugs: set[str] = set()
    for row in _rows("se_municipalities.csv"):
        name_sv, name_en = municipality_names(row["name"])
        county = counties[row["county_code"]]
        slug = GOTLAND["slug"] if row["code"] == GOTLAND_MUNICIPALITY_CODE else slugify(row["name"])
        if slug in taken_slugs:
            # Håbo and Habo both become "habo": the later one (in SCB code order) gets its county.
            slug = f"{slug}-{slugify(county.name_en.removesuffix(' County'))}"
        taken_slugs.add(slug)
        Organisation.objects.update_or_create(
            kind="municipality",
            code=row["code"],
            defaults={
                "name_sv": name_sv,
                "name_en": name_en,
                "short_name": row["name"],
                "slug": slug,
                "country_id": "SE",
                "county": county,
            },
        )

    for position, (slug, name_sv, name_en) in enumerate(THEMES):
        # Staff may rename themes later: only create missing ones.
        Theme.objects.get_or_create(
            slug=slug, defaults={"name_sv": name_sv, "name_en": name_en, "ordering": position}
        )
