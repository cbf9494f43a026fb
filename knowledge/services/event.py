"""Seminar sign-ups, cancellations, staff moves between the lists, reminders and retention.

Seat rules live here and nowhere else. Every change to an event's seats locks
the event row first (``SELECT … FOR UPDATE``), so concurrent sign-ups and
cancellations for one event run one after the other and the number of
confirmed seats never exceeds the capacity. A seat that is freed (a cancellation by the
visitor or by staff, a deleted sign-up, more seats) goes to the head of the waiting list, and
a newcomer never takes a seat while anyone waits. Emails are queued in the outbox in the
same transaction, so they are sent only for changes that were committed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation

from core.outbox import outbox_compose, outbox_enqueue, outbox_enqueue_all, outbox_enqueue_receipt
from core.submissions import SavedMeanwhile, fields_match, save_once
from knowledge import ical
from knowledge.models import Event, Registration

CANCEL_SALT = "knowledge.registration.cancel"
EMAIL_TEMPLATES = "knowledge/emails/"


class RegistrationClosed(Exception):
    """Sign-up for this event has closed (deadline passed, event started, or no sign-up)."""


def registration_cancel_token(registration: Registration) -> str:
    """A signed, unguessable token naming one registration; it is the key in the cancel link."""
    return signing.dumps(
        {"r": registration.pk, "t": registration.submission_token.hex[:12]},
        salt=CANCEL_SALT,
        compress=True,
    )


def _absolute(view_name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return settings.ICLD_SITE_URL + reverse(view_name, kwargs=kwargs)


def _email_context(registration: Registration) -> dict:
    language = registration.language
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "event_url": _absolute("knowledge:event", language, slug=event.slug),
        "ics_url": _absolute("knowledge:event_ics", language, slug=event.slug),
        "cancel_url": _absolute(
            "knowledge:registration_cancel", language, token=registration_cancel_token(registration)
        ),
    }


# Emails that give someone a seat carry the event's calendar file.
WITH_CALENDAR = {"registration_confirmed", "registration_promoted", "event_reminder"}


def registration_calendar_file(registration: Registration) -> tuple[str, str, str]:
    """The event as an attachment (name, text, type), in the person's language; with a seat,
    the meeting link is in it, as it is in the email (not for the waiting list)."""
    event = registration.event
    with translation.override(registration.language):
        text = ical.calendar([event], private=registration.status == Registration.Status.CONFIRMED)
    return (f"{event.slug[:80]}.ics", text, "text/calendar")


def _message(registration: Registration, template: str) -> dict:
    return {
        "template": EMAIL_TEMPLATES + template,
        "context": _email_context(registration),
        "language": registration.language,
        "reply_to": settings.ICLD_KNOWLEDGE_TEAM_EMAIL,
        "attachments": (
            [registration_calendar_file(registration)] if template in WITH_CALENDAR else []
        ),
    }


def _enqueue(registration: Registration, template: str) -> None:
    outbox_enqueue(to=[registration.email], **_message(registration, template))


def _enqueue_receipt(registration: Registration, template: str) -> None:
    """The sign-up form's own email, to an address nobody has confirmed (capped per day)."""
    outbox_enqueue_receipt(to=registration.email, **_message(registration, template))


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _has_free_seat(event: Event) -> bool:
    """A seat for a newcomer: one is free and nobody waits for it (the waiting list comes
    first, whoever freed the seat)."""
    if event.capacity is None:
        return True
    if event.registrations.filter(status=Registration.Status.WAITING).exists():
        return False
    return _confirmed_count(event) < event.capacity


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    needs: str = "",
    consent: bool,
    language: str,
    submission_token: uuid.UUID,
) -> Registration:
    """Sign someone up: a confirmed seat while seats remain, else a place on the waiting list.

    Saves at most one registration per ``submission_token``: a resent form returns the first
    result, and the same token with other content raises
    ``core.submissions.SubmissionTokenReused``. One address has one seat per event (a unique
    constraint): signing up again with it returns the earlier registration, whose
    ``submission_token`` is not this one, and emails its details again once at most. Raises
    ``RegistrationClosed``.
    """
    email = email.strip()

    def same(registration: Registration) -> bool:
        return fields_match(
            registration,
            event_id=event.pk,
            name=name,
            email=email,
            organisation=organisation,
            needs=needs,
        )

    def create() -> Registration:
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if Registration.objects.filter(submission_token=submission_token).exists():
            # A double click waited here for the first post's lock: it is that sign-up.
            raise SavedMeanwhile
        if not locked.registration_is_open():
            raise RegistrationClosed
        already = (
            locked.registrations.exclude(status=Registration.Status.CANCELLED)
            .annotate(email_lower=Lower("email"))
            .filter(email_lower=email.lower())
            .first()
        )
        if already:
            if already.reminder_sent_at is None:
                _enqueue_receipt(already, "registration_reminder")
                already.reminder_sent_at = timezone.now()
                already.save(update_fields=["reminder_sent_at"])
            return already
        has_seat = _has_free_seat(locked)
        registration = Registration.objects.create(
            event=locked,
            name=name,
            email=email,
            organisation=organisation,
            needs=needs,
            consent=consent,
            language=language if language in ("sv", "en") else "sv",
            status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITING,
            submission_token=submission_token,
        )
        _enqueue_receipt(
            registration, "registration_confirmed" if has_seat else "registration_waiting"
        )
        return registration

    return save_once(Registration, submission_token, create, same=same)


def _promote_waiting(event: Event, *, skip: tuple[int, ...] = ()) -> list[Registration]:
    """Fill free seats from the head of the waiting list; the event row must be locked.

    Nobody is promoted once the event has started or when it is cancelled. ``skip``: people
    staff just moved to the waiting list, who must not get their seat straight back.
    """
    if event.is_cancelled or event.starts_at <= timezone.now():
        return []
    promoted = []
    while event.capacity is None or _confirmed_count(event) < event.capacity:
        first = (
            event.registrations.filter(status=Registration.Status.WAITING)
            .exclude(pk__in=skip)
            .order_by("created_at", "pk")
            .select_for_update()
            .first()
        )
        if first is None:
            break
        first.event = event
        first.status = Registration.Status.CONFIRMED
        first.status_changed_at = timezone.now()
        first.save(update_fields=["status", "status_changed_at"])
        _enqueue(first, "registration_promoted")
        promoted.append(first)
    return promoted


@transaction.atomic
def registration_cancel(
    *, registration: Registration, by_staff: bool = False
) -> list[Registration]:
    """Cancel a sign-up; a freed seat goes to the first on the waiting list (who is emailed).

    The person is told, in words that say who cancelled (``by_staff``: ICLD did, for them).
    Cancelling twice is harmless. Returns the registrations promoted from the waiting list.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return []
    registration.event = event
    registration.status = Registration.Status.CANCELLED
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    _enqueue(
        registration, "registration_cancelled_by_staff" if by_staff else "registration_cancelled"
    )
    return _promote_waiting(event)


@transaction.atomic
def registration_delete(*, registration: Registration) -> list[Registration]:
    """Staff delete a sign-up (no email: it is gone); its seat goes to the waiting list.

    Returns the registrations promoted from the waiting list.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    deleted, _ = Registration.objects.filter(pk=registration.pk).delete()
    if not deleted:
        return []
    return _promote_waiting(event)


# What the people signed up are told of when it changes: the date and time, and the place.
WHEN_FIELDS = ("starts_at", "ends_at")
WHERE_FIELDS = ("venue_sv", "venue_en", "city", "online_url")


@dataclass
class EventSaved:
    """What saving an event did: who got a seat it gained, and who was told of a change."""

    promoted: list[Registration] = dataclass_field(default_factory=list)
    # The people signed up who were emailed that the event is cancelled, takes place after
    # all, or has a new date, time or place (at most one of these per save).
    told: list[Registration] = dataclass_field(default_factory=list)
    told_of: str = ""


@transaction.atomic
def event_save(*, event: Event) -> EventSaved:
    """Save an event staff edited and tell the people it concerns.

    Seats it gained (a larger capacity, or none) go to the head of the waiting list, who are
    emailed. When the event becomes cancelled, everyone signed up (seat or waiting list) is
    emailed once, with a calendar file that removes the entry; when it is un-cancelled, they
    are told it takes place after all (their places were kept). When the date, time or place
    of an event still to come changes, they are told what changed. Each email carries a
    calendar file with the event's one UID and a higher SEQUENCE. Saving again with nothing
    new sends nothing: the change is read from the row as it was before this save.
    """
    before = None
    if event.pk is not None:
        # Sign-ups for this event wait until the new capacity is saved and filled.
        before = Event.objects.select_for_update().filter(pk=event.pk).first()
    told_of = _what_to_tell(before, event)
    if told_of:
        event.calendar_sequence = (before.calendar_sequence if before else 0) + 1
    event.save()
    saved = EventSaved(promoted=_promote_waiting(event))
    if told_of:
        # Anyone just given a seat has the new details in that email already.
        skip = {registration.pk for registration in saved.promoted}
        saved.told = _tell_signed_up(event, before, told_of, skip=skip)
        saved.told_of = told_of
    return saved


def _what_to_tell(before: Event | None, event: Event) -> str:
    """The email the people signed up get for this save: a template name, or ""."""
    if before is None or event.is_past():
        return ""
    if event.is_cancelled != before.is_cancelled:
        return "event_cancelled" if event.is_cancelled else "event_reinstated"
    if event.is_cancelled:
        return ""
    if any(getattr(before, name) != getattr(event, name) for name in WHEN_FIELDS + WHERE_FIELDS):
        return "event_changed"
    return ""


def _tell_signed_up(
    event: Event, before: Event, template: str, *, skip: set[int]
) -> list[Registration]:
    registrations = list(
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .exclude(pk__in=skip)
        .order_by("pk")
    )
    if template == "event_changed" and before.starts_at != event.starts_at:
        # The reminder is due again before the new date.
        event.registrations.filter(reminded_at__isnull=False).update(reminded_at=None)
    changes = {
        "when_changed": any(getattr(before, n) != getattr(event, n) for n in WHEN_FIELDS),
        "where_changed": any(
            getattr(before, n) != getattr(event, n) for n in ("venue_sv", "venue_en", "city")
        ),
        "online_changed": before.online_url != event.online_url,
        "before": before,
    }
    only_online = template == "event_changed" and not (
        changes["when_changed"] or changes["where_changed"]
    )
    if only_online:
        # The meeting link is given to seats only: the waiting list has nothing new.
        registrations = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    messages = []
    for registration in registrations:
        registration.event = event
        message = _message(registration, template)
        message["context"].update(changes)
        # Everyone signed up may have added the event (the page's own calendar link, too):
        # the same UID and a higher SEQUENCE replace or remove that entry.
        message["attachments"] = [registration_calendar_file(registration)]
        messages.append(outbox_compose(to=[registration.email], **message))
    outbox_enqueue_all(*messages)
    return registrations


@transaction.atomic
def registration_confirm(*, registration: Registration) -> bool:
    """Staff move someone from the waiting list to a confirmed seat (even beyond capacity).

    The person is emailed. Returns False when the registration was not waiting.
    """
    Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    if registration.status != Registration.Status.WAITING:
        return False
    registration.status = Registration.Status.CONFIRMED
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    _enqueue(registration, "registration_promoted")
    return True


@transaction.atomic
def registration_move_to_waiting(*, registration: Registration) -> bool:
    """Staff move a confirmed person to the waiting list (no email: staff tell them why)."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status != Registration.Status.CONFIRMED:
        return False
    registration.status = Registration.Status.WAITING
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])
    # The seat it frees goes to the next in line, not back to this person.
    _promote_waiting(event, skip=(registration.pk,))
    return True


# The reminder goes this long before the event starts.
REMINDER_BEFORE = timedelta(days=2)


def registration_reminders(*, limit: int = 100, now=None) -> int:
    """Queue the reminder for confirmed seats at events starting within ``REMINDER_BEFORE``
    (an outbox collector, run by the email worker). Returns how many were queued.

    Each registration is marked in the transaction that queues its email, and rows are
    locked with ``SKIP LOCKED``, so two workers never send one twice. Not for cancelled
    sign-ups, cancelled or unpublished events, or events that have started; not for people
    whose seat was confirmed within the window (their confirmation has just told them).
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Registration.objects.filter(
                status=Registration.Status.CONFIRMED,
                reminded_at__isnull=True,
                event__is_published=True,
                event__is_cancelled=False,
                event__starts_at__gt=now,
                event__starts_at__lte=now + REMINDER_BEFORE,
                status_changed_at__lt=F("event__starts_at") - REMINDER_BEFORE,
            )
            .select_related("event")
            .order_by("pk")
            .select_for_update(skip_locked=True, of=("self",))[:limit]
        )
        for registration in due:
            _enqueue(registration, "event_reminder")
        Registration.objects.filter(pk__in=[r.pk for r in due]).update(reminded_at=now)
    return len(due)


# Sign-ups are kept until six months after the event (as the consent says); the daily
# retention run erases them (knowledge/contributions.py).
RETENTION = timedelta(days=180)
