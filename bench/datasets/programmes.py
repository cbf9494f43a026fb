"""Benchmark data for training programmes and hosting: called by ``manage.py bench_data``.

At full scale: 60 programmes (3 intakes each, with phases), 20,000 offers to host with their
periods, and 3,000 scheduled visits spread so that no host is ever double-booked. Each call
tops the tables up to ``scale`` times the full size, so 10% then 100% works.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from django.utils import timezone

from programmes.models import (
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    Programme,
    ScheduledVisit,
)
from reference.models import Country, Organisation, Theme

FULL = {"programmes": 60, "hosting_offers": 20_000, "scheduled_visits": 3_000}
BATCH = 2_000
PREFIX = "bench-programme-"


def _programmes(target: int, countries: list, themes: list) -> None:
    existing = Programme.objects.filter(slug__startswith=PREFIX).count()
    rng = random.Random(existing)
    today = timezone.localdate()
    for n in range(existing, target):
        programme = Programme.objects.create(
            slug=f"{PREFIX}{n}",
            title_sv=f"Utbildningsprogram {n}",
            title_en=f"Training programme {n}",
            summary_sv="Ett program om lokal demokrati.",
            summary_en="A programme on local democracy.",
            aim_sv="Stärka den lokala demokratin.",
            aim_en="Strengthen local democracy.",
            target_group_sv="Tjänstepersoner och politiker.",
            target_group_en="Officials and politicians.",
            how_to_apply_sv="Ansök med formuläret.",
            how_to_apply_en="Apply with the form.",
            contact_email="itp@icld.se",
            ordering=100 + n,
            duration_months=rng.choice([12, 18]),
            is_published=True,
        )
        programme.eligible_countries.set(rng.sample(countries, min(6, len(countries))))
        programme.themes.set(rng.sample(themes, min(2, len(themes))))
        for offset in (-400, 0, 120):
            opens = today + timedelta(days=offset - 20 + rng.randint(0, 15))
            start = opens + timedelta(days=90)
            intake = Intake.objects.create(
                programme=programme,
                name_sv=f"Omgång {start.year}",
                name_en=f"Intake {start.year}",
                starts_on=start,
                ends_on=start + timedelta(days=365),
                application_opens_on=opens,
                application_closes_on=opens + timedelta(days=45),
            )
            Phase.objects.bulk_create(
                [
                    Phase(
                        intake=intake,
                        kind=kind,
                        starts_on=start + timedelta(days=d),
                        ends_on=start + timedelta(days=d + length),
                        place_sv="Visby",
                        place_en="Visby",
                    )
                    for kind, d, length in (
                        ("inception", 0, 4),
                        ("home_based", 7, 150),
                        ("sweden", 190, 11),
                        ("final", 360, 4),
                    )
                ]
            )


def _offers(target: int, hosts: list, themes: list) -> None:
    existing = HostingOffer.objects.filter(email__endswith="@bench.example").count()
    rng = random.Random(existing)
    now = timezone.now()
    while existing < target:
        size = min(BATCH, target - existing)
        offers = HostingOffer.objects.bulk_create(
            [
                HostingOffer(
                    organisation=rng.choice(hosts),
                    contact_name=f"Kontakt {existing + i}",
                    email=f"offer{existing + i}@bench.example",
                    phone="010-123 45 67",
                    hosting_kinds=rng.choice(
                        [["group_visit"], ["placement"], ["group_visit", "placement"]]
                    ),
                    capacity=rng.choice([4, 10, 25, 30]),
                    languages=["sv", "en"],
                    accessibility="step_free",
                    consent_at=now,
                    submission_token=uuid.uuid4(),
                    may_be_listed=rng.random() < 0.7,
                    language=rng.choice(["sv", "en"]),
                    status=rng.choice(HostingOffer.Status.values),
                )
                for i in range(size)
            ]
        )
        periods = []
        for offer in offers:
            start = date(2027, 1, 4) + timedelta(days=rng.randint(0, 700))
            for k in range(rng.randint(1, 3)):
                first = start + timedelta(days=60 * k)
                periods.append(
                    HostingPeriod(
                        offer=offer,
                        starts_on=first,
                        ends_on=first + timedelta(days=rng.randint(3, 40)),
                    )
                )
        HostingPeriod.objects.bulk_create(periods, batch_size=BATCH)
        through = HostingOffer.themes.through
        through.objects.bulk_create(
            [
                through(hostingoffer_id=offer.pk, theme_id=theme.pk)
                for offer in offers
                for theme in rng.sample(themes, 2)
            ],
            batch_size=BATCH,
        )
        existing += size


def _visits(target: int, hosts: list) -> None:
    """Visit n goes to host n % hosts on its own ten-day slot: never two at once for a host."""
    existing = ScheduledVisit.objects.filter(internal_notes="bench").count()
    intakes = list(Intake.objects.filter(programme__slug__startswith=PREFIX).order_by("pk"))
    if not intakes:
        return
    rng = random.Random(existing)
    visits = []
    for n in range(existing, target):
        host = hosts[n % len(hosts)]
        first = date(2010, 1, 4) + timedelta(days=10 * (n // len(hosts)))
        visits.append(
            ScheduledVisit(
                intake=intakes[n % len(intakes)],
                host=host,
                kind=rng.choice(["group_visit", "placement"]),
                starts_on=first,
                ends_on=first + timedelta(days=rng.randint(0, 1)),
                participants=rng.choice([3, 25]),
                status=ScheduledVisit.Status.COMPLETED,
                host_may_be_listed=rng.random() < 0.8,
                internal_notes="bench",
            )
        )
    ScheduledVisit.objects.bulk_create(visits, batch_size=BATCH)


def generate(scale: float, stdout) -> None:
    countries = list(Country.objects.partners())
    themes = list(Theme.objects.all())
    hosts = list(Organisation.objects.filter(kind__in=["municipality", "region"]).order_by("pk"))
    _programmes(round(FULL["programmes"] * scale), countries, themes)
    _offers(round(FULL["hosting_offers"] * scale), hosts, themes)
    _visits(round(FULL["scheduled_visits"] * scale), hosts)
    stdout.write(f"Programmes: {counts()}")


def counts() -> dict[str, int]:
    return {
        "programmes": Programme.objects.count(),
        "hosting_offers": HostingOffer.objects.count(),
        "hosting_periods": HostingPeriod.objects.count(),
        "scheduled_visits": ScheduledVisit.objects.count(),
    }
