"""Factories and helpers for the programme tests: plain functions with sensible defaults."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from programmes.models import (
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    Programme,
    ScheduledVisit,
)
from reference.models import Country, Organisation, Theme

_counter = itertools.count(1)


def make_programme(**fields) -> Programme:
    n = next(_counter)
    countries = fields.pop("countries", None)
    themes = fields.pop("themes", None)
    defaults = {
        "slug": f"programme-{n}",
        "title_sv": f"Program {n}",
        "title_en": f"Programme {n}",
        "summary_sv": "Sammanfattning",
        "summary_en": "Summary",
        "aim_sv": "Syfte",
        "aim_en": "Aim",
        "target_group_sv": "Målgrupp",
        "target_group_en": "Target group",
        "how_to_apply_sv": "Ansök",
        "how_to_apply_en": "Apply",
        "contact_email": "itp@icld.se",
        "is_published": True,
    }
    programme = Programme.objects.create(**{**defaults, **fields})
    if countries:
        programme.eligible_countries.set(countries)
    if themes:
        programme.themes.set(themes)
    return programme


def make_intake(
    programme=None,
    *,
    opens="2026-11-01",
    closes="2026-12-31",
    starts="2027-03-01",
    ends="2028-02-28",
    sweden=("2027-09-06", "2027-09-17"),
    **fields,
) -> Intake:
    programme = programme or make_programme()
    intake = Intake.objects.create(
        programme=programme,
        name_sv="Omgång",
        name_en="Intake",
        starts_on=date.fromisoformat(starts),
        ends_on=date.fromisoformat(ends),
        application_opens_on=date.fromisoformat(opens),
        application_closes_on=date.fromisoformat(closes),
        **fields,
    )
    if sweden:
        Phase.objects.create(
            intake=intake,
            kind=Phase.Kind.SWEDEN,
            starts_on=date.fromisoformat(sweden[0]),
            ends_on=date.fromisoformat(sweden[1]),
            place_sv="Visby",
            place_en="Visby",
        )
    return intake


def municipality(slug: str = "vara") -> Organisation:
    return Organisation.objects.get(slug=slug)


def make_offer(
    organisation=None, *, periods=(("2027-09-01", "2027-09-30"),), themes=(), **fields
) -> HostingOffer:
    defaults = {
        "organisation": organisation or municipality(),
        "contact_name": "Anna Andersson",
        "email": "anna@example.se",
        "phone": "0512-310 00",
        "hosting_kinds": ["group_visit", "placement"],
        "capacity": 30,
        "languages": ["en"],
        "accessibility": "step_free",
        "consent_at": timezone.now(),
        "submission_token": uuid.uuid4(),
        "may_be_listed": True,
    }
    offer = HostingOffer.objects.create(**{**defaults, **fields})
    for start, end in periods:
        HostingPeriod.objects.create(
            offer=offer, starts_on=date.fromisoformat(start), ends_on=date.fromisoformat(end)
        )
    if themes:
        offer.themes.set(themes)
    return offer


def make_visit(intake=None, host=None, *, first="2027-09-08", last="2027-09-08", **fields):
    intake = intake or make_intake()
    return ScheduledVisit.objects.create(
        intake=intake,
        host=host or municipality(),
        kind=fields.pop("kind", "group_visit"),
        starts_on=date.fromisoformat(first),
        ends_on=date.fromisoformat(last),
        **fields,
    )


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"programmes:{name}", kwargs=kwargs or None)


def in_thread(target, results, *args):
    """Run ``target`` in a test thread: its result or its exception goes into ``results``."""
    try:
        results.append(target(*args))
    except Exception as error:  # the outcome is what the test checks
        results.append(error)
    finally:
        connection.close()


def at_stockholm(text: str) -> datetime:
    """An aware datetime for a wall-clock time in Sweden, e.g. "2026-11-27 23:30"."""
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze django.utils.timezone.now() at a given aware datetime (default: demo "today")."""

    def freeze(moment: datetime | str = "2026-11-27 12:00"):
        if isinstance(moment, str):
            moment = at_stockholm(moment)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    freeze()
    return freeze


@pytest.fixture
def themes():
    return {t.slug: t for t in Theme.objects.all()}


@pytest.fixture
def countries():
    return {c.code: c for c in Country.objects.all()}
