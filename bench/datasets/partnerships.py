"""Benchmark data for the partnership database: 10,000 partnerships at full scale.

Called by ``manage.py bench_data`` (only in a ``*_bench`` database). Rows are written in
bulk, with the same search names the services would store, so full-text search, facets
and maps are measured on realistic data.
"""

from __future__ import annotations

import random
from datetime import date

from django.utils import timezone

from partnerships.models import PartnerSeeker, Partnership, Story
from partnerships.models.seeker import search_country, search_organisation
from reference.models import Country, Organisation, Theme

# Partner seekers are a few hundred at most in life (each is a local government abroad that
# asked ICLD for a Swedish partner): 500 is the most the list and the site search must carry.
FULL = {"partnerships": 10_000, "stories": 1_000, "seekers": 500}
PARTNERS_PER_COUNTRY = 25
BATCH = 2_000

TOPICS = [
    ("Medborgardialog i budgetarbetet", "Citizen dialogue in budgeting", "citizen-participation"),
    (
        "Klimatanpassning och dagvatten",
        "Climate adaptation and stormwater",
        "environment-and-climate",
    ),
    ("Fler kvinnor på beslutande poster", "More women in decision-making posts", "gender-equality"),
    (
        "Inkludering av unga utanför skolan",
        "Including young people out of school",
        "social-inclusion",
    ),
    ("Jämlik hälsa och mödravård", "Equitable health and maternal care", "public-health"),
    ("Barns och ungas inflytande", "Influence of children and young people", "children-and-youth"),
    ("Rättighetsbaserad kommunal service", "Rights-based municipal services", "human-rights"),
    (
        "Öppna protokoll och insyn",
        "Open minutes and transparency",
        "transparency-and-accountability",
    ),
    ("Planering av offentliga rum", "Planning public spaces", "urban-planning"),
    ("Skolråd med föräldrar och elever", "School councils with parents and pupils", "education"),
    ("Stöd till lokala företag", "Support for local businesses", "local-economic-development"),
    ("Krisberedskap och förtroende", "Crisis preparedness and trust", "democratic-resilience"),
]


def _partner_pool(countries: list[Country]) -> dict[str, list[Organisation]]:
    existing = {org.slug: org for org in Organisation.objects.filter(slug__startswith="bench-")}
    missing = []
    for country in countries:
        for number in range(PARTNERS_PER_COUNTRY):
            slug = f"bench-{country.code.lower()}-{number}"
            if slug not in existing:
                missing.append(
                    Organisation(
                        kind=Organisation.Kind.LOCAL_GOVERNMENT,
                        country=country,
                        slug=slug,
                        short_name=f"{country.name_en} Town {number}",
                        name_sv=f"{country.name_sv} stad {number}",
                        name_en=f"{country.name_en} Town Council {number}",
                    )
                )
    Organisation.objects.bulk_create(missing)
    pool: dict[str, list[Organisation]] = {country.code: [] for country in countries}
    for org in Organisation.objects.filter(slug__startswith="bench-").select_related("country"):
        pool[org.country_id].append(org)
    return pool


def generate(*, scale: float, stdout) -> None:
    _generate_registrations(scale=scale)
    target = int(FULL["partnerships"] * scale)
    existing = Partnership.objects.count()
    rng = random.Random(existing)
    countries = list(Country.objects.partners())
    pool = _partner_pool(countries)
    swedes = list(Organisation.objects.swedish().select_related("county"))
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    country_by_code = {country.code: country for country in countries}
    Swedish = Partnership.swedish_organisations.through
    Partners = Partnership.partner_organisations.through
    Themes = Partnership.themes.through
    number = existing
    published = timezone.now()
    while number < target:
        rows, links = [], []
        for _ in range(min(BATCH, target - number)):
            number += 1
            country = country_by_code[rng.choice(list(country_by_code))]
            topic_sv, topic_en, theme_slug = rng.choice(TOPICS)
            swedish = rng.sample(swedes, 2 if number % 9 == 0 else 1)
            partners = rng.sample(pool[country.code], 2 if number % 11 == 0 else 1)
            extra = themes[rng.choice(TOPICS)[2]]
            chosen_themes = list({themes[theme_slug], extra})
            start = rng.randint(2008, 2025)
            completed = start < 2021 and number % 3 != 0
            names = " ".join(
                dict.fromkeys(
                    [country.name_sv, country.name_en]
                    + [
                        n
                        for org in swedish + partners
                        for n in (org.short_name, org.name_sv, org.name_en)
                    ]
                    + [org.county.name_sv for org in swedish if org.county_id]
                    + [n for theme in chosen_themes for n in (theme.name_sv, theme.name_en)]
                )
            )
            who_sv = " och ".join(org.short_name for org in swedish + partners)
            who_en = " and ".join(org.short_name for org in swedish + partners)
            rows.append(
                Partnership(
                    slug=f"bench-partnership-{number}",
                    title_sv=f"{topic_sv} ({number})",
                    title_en=f"{topic_en} ({number})",
                    summary_sv=f"{who_sv} arbetar tillsammans med {topic_sv.lower()} "
                    f"i {country.name_sv}.",
                    summary_en=f"{who_en} work together on {topic_en.lower()} "
                    f"in {country.name_en}.",
                    goals_sv="<p>Stärka den lokala demokratin och invånarnas inflytande.</p>",
                    goals_en="<p>Strengthen local democracy and residents' influence.</p>",
                    country=country,
                    phase="inception" if number % 7 == 0 else "project",
                    status="completed" if completed else "active",
                    start_year=start,
                    end_year=min(start + rng.randint(1, 4), 2024) if completed else None,
                    # A bulk insert skips save(): the first publication is set here.
                    is_published=number % 50 != 0,
                    published_at=None if number % 50 == 0 else published,
                    search_names=names,
                )
            )
            links.append((swedish, partners, chosen_themes))
        created = Partnership.objects.bulk_create(rows)
        Swedish.objects.bulk_create(
            [
                Swedish(partnership_id=p.pk, organisation_id=o.pk)
                for p, (sw, _pa, _th) in zip(created, links, strict=True)
                for o in sw
            ]
        )
        Partners.objects.bulk_create(
            [
                Partners(partnership_id=p.pk, organisation_id=o.pk)
                for p, (_sw, pa, _th) in zip(created, links, strict=True)
                for o in pa
            ]
        )
        Themes.objects.bulk_create(
            [
                Themes(partnership_id=p.pk, theme_id=t.pk)
                for p, (_sw, _pa, th) in zip(created, links, strict=True)
                for t in th
            ]
        )
    _stories(int(FULL["stories"] * scale), rng)
    _seekers(int(FULL["seekers"] * scale), rng, pool, list(themes.values()))
    stdout.write(
        f"partnerships: {Partnership.objects.count():,}, stories: {Story.objects.count():,}"
    )


def _stories(target: int, rng: random.Random) -> None:
    missing = target - Story.objects.count()
    if missing <= 0:
        return
    ids = list(Partnership.objects.published().values_list("pk", flat=True)[:5000])
    start = Story.objects.count()
    published = timezone.now()
    stories = Story.objects.bulk_create(
        [
            Story(
                slug=f"bench-story-{start + n}",
                title_sv=f"Berättelse {start + n}",
                title_en=f"Story {start + n}",
                lead_sv="Vad partnerskapet åstadkom.",
                lead_en="What the partnership achieved.",
                body_sv="<p>Text.</p>",
                body_en="<p>Text.</p>",
                date=date(2015 + n % 10, n % 12 + 1, n % 28 + 1),
                is_published=True,
                published_at=published,
            )
            for n in range(missing)
        ]
    )
    Through = Story.partnerships.through
    Through.objects.bulk_create(
        [Through(story_id=story.pk, partnership_id=rng.choice(ids)) for story in stories]
    )


def _seekers(target: int, rng: random.Random, pool: dict, themes: list[Theme]) -> None:
    """Open seekers, most of them listed, half of those by name (the rest with a random
    slug, as the service gives them)."""
    existing = PartnerSeeker.objects.count()
    if target <= existing:
        return
    codes = sorted(pool)
    seekers = []
    for n in range(existing, target):
        code = rng.choice(codes)
        organisation = rng.choice(pool[code])
        topic_sv, topic_en, _slug = rng.choice(TOPICS)
        named = n % 2 == 0
        seekers.append(
            PartnerSeeker(
                slug=f"{rng.getrandbits(48):012x}" if not named else f"bench-seeker-{n}",
                organisation=organisation,
                country_id=code,
                description_sv=f"Vi söker en svensk kommun för samarbete om {topic_sv.lower()}: "
                "vatten, avfall, skola och invånarnas inflytande.",
                description_en=f"We are looking for a Swedish municipality to work with on "
                f"{topic_en.lower()}: water, waste, schools and residents' influence.",
                seeking_since=date(2020 + n % 6, n % 12 + 1, n % 28 + 1),
                status=PartnerSeeker.Status.OPEN if n % 10 else PartnerSeeker.Status.MATCHED,
                consent_listing=n % 7 != 0,
                consent_show_name=named,
                # A bulk insert skips save(), which copies these for the search.
                search_country=search_country(organisation.country),
                search_organisation=search_organisation(organisation),
            )
        )
    created = PartnerSeeker.objects.bulk_create(seekers)
    Through = PartnerSeeker.themes.through
    Through.objects.bulk_create(
        [
            Through(partnerseeker_id=seeker.pk, theme_id=theme.pk)
            for seeker in created
            for theme in rng.sample(themes, 2)
        ]
    )


def _generate_registrations(*, scale: float) -> None:
    """Interest registrations: 20,000 of the benchmark's 100,000 form submissions."""
    import uuid

    from partnerships.models import InterestRegistration

    target = int(FULL_REGISTRATIONS * scale)
    missing = target - InterestRegistration.objects.count()
    if missing <= 0:
        return
    swedes = list(Organisation.objects.swedish().values_list("pk", flat=True))
    statuses = list(InterestRegistration.Status.values)
    now = timezone.now()
    for start in range(0, missing, BATCH):
        InterestRegistration.objects.bulk_create(
            [
                InterestRegistration(
                    organisation_id=swedes[n % len(swedes)],
                    contact_name=f"Handläggare {n}",
                    role="Internationell samordnare",
                    email=f"handlaggare{n}@kommun.example.se",
                    message="Vi vill starta ett partnerskap om medborgardialog.",
                    language=("sv", "en")[n % 2],
                    status=statuses[n % len(statuses)],
                    consented_at=now,
                    submission_token=uuid.uuid4(),
                )
                for n in range(start, min(start + BATCH, missing))
            ]
        )


FULL_REGISTRATIONS = 20_000


def counts() -> dict[str, int]:
    from partnerships.models import InterestRegistration

    return {
        "partnerships": Partnership.objects.count(),
        "stories": Story.objects.count(),
        "partner seekers": PartnerSeeker.objects.count(),
        "interest registrations": InterestRegistration.objects.count(),
    }
