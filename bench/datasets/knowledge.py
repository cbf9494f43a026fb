"""Benchmark data for the knowledge centre: 50,000 publications, 2,000 events, 50,000 sign-ups.

Called by ``manage.py bench_data`` (only in a ``*_bench`` database): ``generate`` tops the
tables up to ``scale`` times the full size, ``counts`` reports them, and ``search`` is what
``manage.py bench_search`` times. Rows are written in bulk; the database triggers fill in the
authors' names and the generated column the search vectors, as they would for real data.
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode

from knowledge.models import Authorship, Event, Person, Publication, Registration
from knowledge.search import library_search
from reference.models import Country, Theme

FULL = {"publications": 50_000, "events": 2_000, "registrations": 50_000}
PEOPLE = 2_000
BATCH = 2_000
PREFIX = "bench-"

SUBJECTS = [
    ("Medborgarbudget", "Participatory budgeting", "citizen-participation"),
    ("Lokal demokrati", "Local democracy", "democratic-resilience"),
    ("Jämställdhet i fullmäktige", "Gender equality in councils", "gender-equality"),
    ("Klimatanpassning i städer", "Climate adaptation in cities", "environment-and-climate"),
    ("Ungas inflytande", "Youth participation", "children-and-youth"),
    (
        "Öppna protokoll och insyn",
        "Open minutes and transparency",
        "transparency-and-accountability",
    ),
    ("Jämlik hälsa", "Equitable health", "public-health"),
    ("Barn och skola", "Children and schools", "education"),
    ("Mänskliga rättigheter lokalt", "Local human rights work", "human-rights"),
    ("Informella bosättningar", "Informal settlements", "urban-planning"),
]
PLACES = [
    "Kenya",
    "Tanzania",
    "Uganda",
    "Zambia",
    "Botswana",
    "Sydafrika",
    "Serbien",
    "Ukraina",
    "Colombia",
    "Guatemala",
]
PLACES_EN = [
    "Kenya",
    "Tanzania",
    "Uganda",
    "Zambia",
    "Botswana",
    "South Africa",
    "Serbia",
    "Ukraine",
    "Colombia",
    "Guatemala",
]
GIVEN = ["Amina", "Lars", "Karin", "Daniel", "Lucía", "Milan", "Thandiwe", "Chanda", "Eva", "Peter"]
FAMILY = [
    "Wanjiru",
    "Bergström",
    "Lindqvist",
    "Kiprono",
    "Morales",
    "Petrović",
    "Moyo",
    "Mwale",
    "Nilsson",
    "Ochieng",
    "Andersson",
    "Banda",
    "Hoxha",
    "Mendoza",
    "Ek",
]


def _people() -> list[Person]:
    missing = PEOPLE - Person.objects.filter(affiliation="Bench University").count()
    Person.objects.bulk_create(
        Person(
            given_names=f"{GIVEN[n % len(GIVEN)]}",
            family_name=f"{FAMILY[n % len(FAMILY)]}{n}",
            affiliation="Bench University",
        )
        for n in range(max(0, missing))
    )
    return list(Person.objects.filter(affiliation="Bench University"))


def _publications(target: int) -> None:
    existing = Publication.objects.filter(slug__startswith=PREFIX).count()
    if existing >= target:
        return
    rng = random.Random(existing)
    people = _people()
    themes = {t.slug: t for t in Theme.objects.all()}
    countries = {c.name_en: c for c in Country.objects.partners()}
    types = Publication.Type.values
    now = timezone.now()
    for start in range(existing, target, BATCH):
        numbers = range(start, min(start + BATCH, target))
        rows, plan = [], []
        for n in numbers:
            sv, en, theme_slug = SUBJECTS[n % len(SUBJECTS)]
            place = n % len(PLACES)
            rows.append(
                Publication(
                    slug=f"{PREFIX}{n}",
                    type=types[n % len(types)],
                    year=2009 + n % 18,
                    title_sv=f"{sv} i {PLACES[place]}: studie {n}",
                    title_en=f"{en} in {PLACES_EN[place]}: study {n}",
                    abstract_sv=f"Studien undersöker {sv.lower()} i kommuner i {PLACES[place]} "
                    "och hur "
                    "medborgare, politiker och tjänstepersoner samarbetar.",
                    abstract_en=f"The study examines {en.lower()} in local governments in "
                    f"{PLACES_EN[place]} and how citizens, politicians and officials "
                    "work together.",
                    document_languages=["sv", "en"] if n % 4 == 0 else ["en"],
                    created_at=now - timedelta(hours=n),
                    is_published=True,
                    published_at=now - timedelta(hours=n),
                )
            )
            plan.append((theme_slug, PLACES_EN[place], rng.sample(people, 1 + n % 3)))
        created = Publication.objects.bulk_create(rows)
        Authorship.objects.bulk_create(
            Authorship(publication=p, person=person, position=i)
            for p, (_t, _c, authors) in zip(created, plan, strict=True)
            for i, person in enumerate(authors)
        )
        Publication.themes.through.objects.bulk_create(
            Publication.themes.through(publication=p, theme=themes[t])
            for p, (t, _c, _a) in zip(created, plan, strict=True)
            if t in themes
        )
        Publication.countries.through.objects.bulk_create(
            Publication.countries.through(publication=p, country=countries[c])
            for p, (_t, c, _a) in zip(created, plan, strict=True)
            if c in countries
        )


def _events(target: int) -> list[Event]:
    existing = Event.objects.filter(slug__startswith=PREFIX).count()
    now = timezone.now()
    kinds = Event.Kind.values
    rows = []
    for n in range(existing, target):
        # Most events are in the past; one in twenty lies ahead.
        start = now + timedelta(days=3 + n % 200) if n % 20 == 0 else now - timedelta(days=1 + n)
        sv, en, _theme = SUBJECTS[n % len(SUBJECTS)]
        rows.append(
            Event(
                slug=f"{PREFIX}event-{n}",
                kind=kinds[n % len(kinds)],
                title_sv=f"Seminarium: {sv} ({n})",
                title_en=f"Seminar: {en} ({n})",
                summary_sv=f"Forskare och kommunpolitiker samtalar om {sv.lower()}.",
                summary_en=f"Researchers and local politicians discuss {en.lower()}.",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                venue_sv="Hästgatan 1",
                city="Visby",
                capacity=40,
                is_published=True,
                published_at=now,
            )
        )
    Event.objects.bulk_create(rows, batch_size=BATCH)
    return list(Event.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def _registrations(target: int, events: list[Event]) -> None:
    existing = Registration.objects.filter(email__endswith="@bench.example").count()
    for start in range(existing, target, BATCH):
        Registration.objects.bulk_create(
            Registration(
                event=events[n % len(events)],
                name=f"Deltagare {n}",
                email=f"p{n}@bench.example",
                consent=True,
                language=("sv", "en")[n % 2],
                status=Registration.Status.CONFIRMED if n % 7 else Registration.Status.WAITING,
                submission_token=uuid.uuid4(),
            )
            for n in range(start, min(start + BATCH, target))
        )


def generate(*, scale: float, stdout) -> None:
    _publications(round(FULL["publications"] * scale))
    events = _events(max(1, round(FULL["events"] * scale)))
    _registrations(round(FULL["registrations"] * scale), events)
    stdout.write(f"Knowledge centre: {counts()}")


def counts() -> dict[str, int]:
    return {
        "publications": Publication.objects.count(),
        "events": Event.objects.count(),
        "event registrations": Registration.objects.count(),
    }


def search(query: str):
    """One library search as a visitor makes it (used by ``manage.py bench_search``)."""
    result = library_search(QueryDict(urlencode({"q": query})))
    return list(result.page.object_list), result.facets
