"""Writes for interest registrations: submission, follow-up, matches with partner seekers,
and the privacy duties (anonymisation after the retention period, erasure on request)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from core.outbox import outbox_enqueue, outbox_enqueue_receipt
from core.submissions import fields_match, save_once
from partnerships.models import (
    PERSONAL_FIELDS,
    ApplicationRound,
    InterestRegistration,
    Match,
    PartnerSeeker,
    RegistrationEvent,
)
from partnerships.models.interest import STOCKHOLM, stockholm_today
from partnerships.selectors.interest import round_status
from reference.models import Country, Organisation, Theme

ERASED = "–"
# Fields staff follow a registration with; each change is written to its history.
TRACKED_FIELDS = ("status", "assignee", "application_round", "internal_notes")


def registration_submit(
    *,
    organisation: Organisation,
    contact_name: str,
    email: str,
    language: str,
    submission_token: uuid.UUID,
    role: str = "",
    phone: str = "",
    message: str = "",
    countries: Iterable[Country] = (),
    themes: Iterable[Theme] = (),
    seeker: PartnerSeeker | None = None,
) -> InterestRegistration:
    """Save a registration once per submission token and queue the receipt and the team notice.

    The same token with other content raises ``core.submissions.SubmissionTokenReused``.
    The emails are rows in the outbox, written in the same transaction: they leave only if
    the registration is committed, and a mail server failure never loses the registration.
    """
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    countries, themes = list(countries), list(themes)

    def same(registration: InterestRegistration) -> bool:
        return fields_match(
            registration,
            organisation_id=organisation.pk,
            contact_name=contact_name,
            role=role,
            email=email,
            phone=phone,
            message=message,
            language=language,
            seeker_id=seeker.pk if seeker else None,
            countries=countries,
            themes=themes,
        )

    def create() -> InterestRegistration:
        registration = InterestRegistration.objects.create(
            organisation=organisation,
            contact_name=contact_name,
            role=role,
            email=email,
            phone=phone,
            message=message,
            language=language,
            seeker=seeker,
            submission_token=submission_token,
            consented_at=timezone.now(),
            application_round=ApplicationRound.objects.for_day(stockholm_today()),
        )
        registration.countries.set(countries)
        registration.themes.set(themes)
        RegistrationEvent.objects.create(
            registration=registration, event=RegistrationEvent.Event.RECEIVED, changes={}
        )
        context = {"registration": registration, "rounds": round_status()}
        outbox_enqueue_receipt(
            to=email,
            template="partnerships/emails/registration_received",
            context=context,
            language=language,
            reply_to=settings.ICLD_PARTNERSHIP_TEAM_EMAIL,
        )
        outbox_enqueue(
            to=[settings.ICLD_PARTNERSHIP_TEAM_EMAIL],
            template="partnerships/emails/registration_team",
            context=context,
            language=settings.LANGUAGE_CODE,
            reply_to=email,
        )
        return registration

    return save_once(InterestRegistration, submission_token, create, same=same)


def registrations_assign_rounds() -> int:
    """Give every registration without a round the round of the day it arrived (after staff
    add or move a round); how many changed. A round staff chose is never replaced."""
    changed = 0
    for registration in InterestRegistration.objects.filter(application_round__isnull=True):
        found = ApplicationRound.objects.for_day(
            registration.created_at.astimezone(STOCKHOLM).date()
        )
        if found is not None:
            InterestRegistration.objects.filter(pk=registration.pk).update(application_round=found)
            changed += 1
    return changed


def _display(value) -> str | int | None:
    if value is None:
        return None
    if hasattr(value, "get_username"):
        return value.get_username()
    return str(value) if not isinstance(value, str | int) else value


@transaction.atomic
def registration_update(
    *, registration: InterestRegistration, user=None, **values
) -> InterestRegistration:
    """Change status, assignee or notes, and write who changed what (old and new) to history."""
    registration = InterestRegistration.objects.select_for_update().get(pk=registration.pk)
    changes = {}
    for name, new in values.items():
        if name not in TRACKED_FIELDS:
            raise ValueError(f"{name} is not a follow-up field")
        old = getattr(registration, name)
        if old != new:
            changes[name] = [_display(old), _display(new)]
            setattr(registration, name, new)
    if not changes:
        return registration
    if "status" in changes:
        closed = registration.status == InterestRegistration.Status.CLOSED
        registration.closed_at = timezone.now() if closed else None
    registration.save()
    RegistrationEvent.objects.create(
        registration=registration,
        by=user,
        event=RegistrationEvent.Event.CHANGED,
        changes=changes,
    )
    return registration


@transaction.atomic
def match_record(*, registration: InterestRegistration, seeker: PartnerSeeker, user=None) -> Match:
    """Link a registration and a seeker: both become matched."""
    match, created = Match.objects.get_or_create(
        registration=registration, seeker=seeker, defaults={"created_by": user}
    )
    if not created:
        return match
    if registration.status != InterestRegistration.Status.MATCHED:
        registration_update(
            registration=registration, user=user, status=InterestRegistration.Status.MATCHED
        )
    RegistrationEvent.objects.create(
        registration=registration,
        by=user,
        event=RegistrationEvent.Event.MATCHED,
        changes={"match": [None, seeker.slug]},
    )
    if seeker.status == PartnerSeeker.Status.OPEN:
        seeker.status = PartnerSeeker.Status.MATCHED
        seeker.save(update_fields=["status", "updated_at"])
    return match


def _blank_personal_data(registration: InterestRegistration) -> None:
    for name in PERSONAL_FIELDS:
        setattr(registration, name, "")
    registration.anonymised_at = timezone.now()
    registration.save()
    # The history keeps what happened and when, not the words or names in it.
    for event in registration.events.all():
        if event.changes or event.by_id:
            event.changes = {name: [ERASED, ERASED] for name in event.changes}
            event.by = None
            event.save(update_fields=["changes", "by"])


def registrations_erase(queryset: QuerySet[InterestRegistration]) -> int:
    """Remove the personal data of these registrations and of their history; how many changed.

    Organisation, countries, themes, dates, language and status stay, for statistics. Used for
    an erasure request and when the retention period is over (core.personal_data).
    """
    count = 0
    for registration in queryset.filter(anonymised_at__isnull=True):
        _blank_personal_data(registration)
        count += 1
    return count


def seekers_erase_contact(queryset: QuerySet[PartnerSeeker]) -> int:
    """Remove the contact person of these partner seekers; the seekers stay listed."""
    return queryset.update(contact_name="", contact_email="", updated_at=timezone.now())
