"""Reads for application rounds, interest registrations and their matching with seekers.

Other apps use ``current_or_next_round()`` (the home page) and ``round_status()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from partnerships.models import (
    ApplicationRound,
    InterestRegistration,
    PartnerSeeker,
    stockholm_today,
)

# --- Application rounds -------------------------------------------------------------------


def current_or_next_round(*, today: date | None = None) -> ApplicationRound | None:
    """The round open today (Swedish time), else the next one to open, else None."""
    today = today or stockholm_today()
    open_round = ApplicationRound.objects.open_on(today).order_by("closes_on").first()
    if open_round is not None:
        return open_round
    return ApplicationRound.objects.upcoming_on(today).order_by("opens_on").first()


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


def seekers_ranked_for_registration(
    registration: InterestRegistration,
) -> QuerySet[PartnerSeeker]:
    """Open seekers that share a country or a theme with the registration, best fit first.

    Fit is the number of shared countries plus the number of shared themes; among equal
    fits the seeker that has waited longest comes first.
    """
    country_ids = list(registration.countries.values_list("pk", flat=True))
    theme_ids = list(registration.themes.values_list("pk", flat=True))
    return (
        PartnerSeeker.objects.open()
        .annotate(
            country_fit=Case(
                When(country_id__in=country_ids, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            theme_fit=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
        )
        .annotate(fit=F("country_fit") + F("theme_fit"))
        .filter(fit__gt=0)
        .select_related("organisation", "country")
        .order_by("-fit", "seeking_since", "pk")
    )


def registrations_fitting_seeker(seeker: PartnerSeeker) -> QuerySet[InterestRegistration]:
    """Registrations still being handled that share the seeker's country or a theme."""
    theme_ids = list(seeker.themes.values_list("pk", flat=True))
    return (
        InterestRegistration.objects.not_anonymised()
        .exclude(status=InterestRegistration.Status.CLOSED)
        .annotate(
            country_fit=Count("countries", filter=Q(countries=seeker.country_id), distinct=True),
            theme_fit=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
        )
        .annotate(fit=F("country_fit") + F("theme_fit"))
        .filter(fit__gt=0)
        .select_related("organisation")
        .order_by("-fit", "created_at", "pk")
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
