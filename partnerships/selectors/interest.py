"""Reads for application rounds, interest registrations and their matching with seekers.

Other apps use ``current_or_next_round()`` (the home page) and ``round_status()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from partnerships.models import (
    ApplicationRound,
    InterestRegistration,
    PartnerSeeker,
    Partnership,
    stockholm_today,
)
from reference.models import Country, Organisation, Theme

# --- Application rounds -------------------------------------------------------------------


def current_or_next_round(*, today: date | None = None) -> ApplicationRound | None:
    """The round open today (Swedish time), else the next one to open, else None."""
    return ApplicationRound.objects.for_day(today or stockholm_today())


@dataclass(frozen=True)
class RoundStatus:
    """Where a visitor stands against the application rounds today."""

    round: ApplicationRound | None
    state: str  # "open", "upcoming" or "none"
    days: int  # days left to apply (open) or days until it opens (upcoming)
    today: date

    @property
    def is_open(self) -> bool:
        return self.state == ApplicationRound.State.OPEN

    @property
    def is_upcoming(self) -> bool:
        return self.state == ApplicationRound.State.UPCOMING


def round_status(*, today: date | None = None) -> RoundStatus:
    today = today or stockholm_today()
    current = current_or_next_round(today=today)
    if current is None:
        return RoundStatus(round=None, state="none", days=0, today=today)
    state = current.state_on(today)
    days = (
        current.days_left(today)
        if state == ApplicationRound.State.OPEN
        else (current.days_until_opening(today))
    )
    return RoundStatus(round=current, state=state, days=days, today=today)


def application_rounds_coming(*, today: date | None = None, limit: int = 4):
    today = today or stockholm_today()
    return ApplicationRound.objects.filter(closes_on__gte=today).order_by("opens_on")[:limit]


# --- Matching -----------------------------------------------------------------------------


# How much each reason counts; the seeker the applicant chose comes first whatever the rest.
WEIGHTS = {
    "country": 4,
    "theme": 3,
    "past_country": 2,
    "level": 1,
    "cluster": 1,
    "past_theme": 1,
    "waiting": 0,
}
# A Swedish organisation's level and the level of the same kind abroad.
LEVELS = {
    Organisation.Kind.MUNICIPALITY: "local",
    Organisation.Kind.FEDERATION: "local",
    Organisation.Kind.LOCAL_GOVERNMENT: "local",
    Organisation.Kind.REGION: "regional",
    Organisation.Kind.REGIONAL_GOVERNMENT: "regional",
}
LEVEL_LABELS = {"local": _("local"), "regional": _("regional")}


@dataclass(frozen=True)
class MatchReason:
    """One reason a seeker fits a registration: a key and what it concerns (a country, a
    theme, a cluster or level key, a date), put into words only when shown."""

    kind: str  # "picked", "country", "theme", "cluster", "level", "past_country", ...
    subject: object = None

    @property
    def name(self) -> str:
        if self.kind == "cluster":
            return str(Country.Cluster(self.subject).label)
        if self.kind == "level":
            return str(LEVEL_LABELS[self.subject])
        if self.kind == "waiting":
            return date_format(self.subject)
        return str(self.subject or "")

    @property
    def text(self) -> str:
        """The reason in words, in the active language."""
        params = {"name": self.name}
        texts = {
            "picked": _("Chosen by the applicant on the website"),
            "country": _("Same country: %(name)s"),
            "theme": _("Shared theme: %(name)s"),
            "cluster": _("Same region as a country of interest: %(name)s"),
            "level": _("Same level of government: %(name)s"),
            "past_country": _("Country of the organisation's earlier partnerships: %(name)s"),
            "past_theme": _("Theme of the organisation's earlier partnerships: %(name)s"),
            "waiting": _("Looking for a partner since %(name)s"),
        }
        return str(texts[self.kind]) % params


@dataclass(frozen=True)
class SeekerSuggestion:
    seeker: PartnerSeeker
    reasons: tuple[MatchReason, ...]
    score: int
    picked: bool = False


def seeker_suggestions(
    registration: InterestRegistration, *, limit: int | None = 20
) -> list[SeekerSuggestion]:
    """Partner seekers to suggest for a registration, best first, each with its reasons.

    The seeker the applicant chose on the website comes first (even when it no longer looks,
    so staff see that). Then open seekers by shared countries and themes, the region (ICLD
    cluster) of a country of interest and the level of government. A registration without
    countries or themes is matched on the organisation's earlier partnerships (their
    countries and themes) and the level; with none of those either, every open seeker is
    suggested, longest waiting first. Seven queries at most, whatever the number of seekers.
    """
    countries = {c.pk: c for c in registration.countries.all()}
    themes = {t.pk: t for t in registration.themes.all()}
    clusters = {c.cluster: c for c in countries.values() if c.cluster}
    past_countries: dict[str, Country] = {}
    past_themes: dict[int, Theme] = {}
    if not countries and not themes:
        earlier = Partnership.objects.published().filter(
            swedish_organisations=registration.organisation_id
        )
        for partnership in earlier.select_related("country").prefetch_related("themes"):
            past_countries[partnership.country_id] = partnership.country
            for theme in partnership.themes.all():
                past_themes[theme.pk] = theme
    level = LEVELS.get(registration.organisation.kind)
    seekers = list(
        PartnerSeeker.objects.filter(
            Q(status=PartnerSeeker.Status.OPEN) | Q(pk=registration.seeker_id)
        )
        .select_related("organisation", "country")
        .prefetch_related("themes")
        .order_by("seeking_since", "pk")
    )
    nothing_to_match = not countries and not themes and not past_countries
    suggestions = []
    for seeker in seekers:
        reasons: list[MatchReason] = []
        picked = seeker.pk == registration.seeker_id
        if picked:
            reasons.append(MatchReason("picked"))
        if seeker.country_id in countries:
            reasons.append(MatchReason("country", seeker.country))
        elif seeker.country.cluster in clusters:
            reasons.append(MatchReason("cluster", seeker.country.cluster))
        if seeker.country_id in past_countries:
            reasons.append(MatchReason("past_country", seeker.country))
        seeker_themes = sorted(seeker.themes.all(), key=lambda t: (t.ordering, t.name_sv))
        reasons += [MatchReason("theme", t) for t in seeker_themes if t.pk in themes]
        reasons += [MatchReason("past_theme", t) for t in seeker_themes if t.pk in past_themes]
        score = sum(WEIGHTS.get(reason.kind, 0) for reason in reasons)
        if not picked and score == 0 and not nothing_to_match:
            continue  # nothing in common; a level alone is not a reason to suggest
        seeker_level = LEVELS.get(seeker.organisation.kind)
        if level and seeker_level == level:
            reasons.append(MatchReason("level", level))
            score += WEIGHTS["level"]
        if nothing_to_match or len(reasons) == int(picked):
            reasons.append(MatchReason("waiting", seeker.seeking_since))
        suggestions.append(SeekerSuggestion(seeker, tuple(reasons), score, picked))
    # Stable sort: among equal scores, the seeker that has waited longest first.
    suggestions.sort(key=lambda s: (not s.picked, -s.score))
    return suggestions if limit is None else suggestions[:limit]


def registrations_fitting_seeker(seeker: PartnerSeeker) -> QuerySet[InterestRegistration]:
    """Registrations still being handled that chose this seeker or share its country or a
    theme: those that chose it first."""
    theme_ids = list(seeker.themes.values_list("pk", flat=True))
    return (
        InterestRegistration.objects.not_anonymised()
        .exclude(status=InterestRegistration.Status.CLOSED)
        .annotate(
            country_fit=Count("countries", filter=Q(countries=seeker.country_id), distinct=True),
            theme_fit=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
        )
        .annotate(fit=F("country_fit") + F("theme_fit"), picked=Q(seeker=seeker))
        .filter(Q(fit__gt=0) | Q(picked=True))
        .select_related("organisation")
        .order_by("-picked", "-fit", "created_at", "pk")
    )


# --- Privacy ------------------------------------------------------------------------------


def _address_spellings(email: str) -> list[str]:
    """The address as given and as stored (email addresses are compared case-insensitively)."""
    if not email:
        return []
    stored = InterestRegistration.objects.for_email(email).values_list("email", flat=True)
    seekers = PartnerSeeker.objects.filter(contact_email__iexact=email).values_list(
        "contact_email", flat=True
    )
    return sorted({email, email.lower(), *stored, *seekers})


def personal_data_for_email(email: str) -> dict:
    """Everything the partnership app holds about one email address, as plain data."""
    from core.models import OutboxMessage

    email = email.strip()
    registrations = (
        InterestRegistration.objects.for_email(email)
        .select_related("organisation", "seeker", "assignee", "application_round")
        .prefetch_related("countries", "themes", "events__by")
    )
    seekers = PartnerSeeker.objects.filter(contact_email__iexact=email) if email else []
    addresses = _address_spellings(email)
    messages = OutboxMessage.objects.filter(to__overlap=addresses) if addresses else []
    return {
        "email": email,
        "interest_registrations": [
            {
                "id": registration.pk,
                "received": registration.created_at.isoformat(),
                "application_round": (
                    registration.application_round.name_sv
                    if registration.application_round
                    else None
                ),
                "organisation": registration.organisation.name_sv,
                "contact_name": registration.contact_name,
                "role": registration.role,
                "email": registration.email,
                "phone": registration.phone,
                "countries": [country.code for country in registration.countries.all()],
                "themes": [theme.slug for theme in registration.themes.all()],
                "message": registration.message,
                "language": registration.language,
                "partner_seeker": registration.seeker.slug if registration.seeker else None,
                "consent_given": (
                    registration.consented_at.isoformat() if registration.consented_at else None
                ),
                "status": registration.status,
                "internal_notes": registration.internal_notes,
                "history": [
                    {
                        "when": event.at.isoformat(),
                        "by": event.by.get_username() if event.by else None,
                        "what": event.event,
                        "changes": event.changes,
                    }
                    for event in registration.events.all()
                ],
            }
            for registration in registrations
        ],
        "partner_seeker_contacts": [
            {
                "id": seeker.pk,
                "slug": seeker.slug,
                "contact_name": seeker.contact_name,
                "contact_email": seeker.contact_email,
            }
            for seeker in seekers
        ],
        "emails_sent": [
            {
                "to": message.to,
                "subject": message.subject,
                "created": message.created_at.isoformat(),
                "status": message.status,
            }
            for message in messages
        ],
    }
