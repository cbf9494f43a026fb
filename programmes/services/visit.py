"""Booking hosts for intakes: scheduling, changes, confirmation emails, no double bookings."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import outbox_enqueue
from programmes.models import (
    VISIT_OVERLAP_CONSTRAINT,
    HistoryEntry,
    HostingOffer,
    HostingPeriod,
    Intake,
    Phase,
    ScheduledVisit,
    today,
)
from programmes.services.history import history_record
from programmes.services.hosting import hosting_offer_set_status
from programmes.templatetags.programmes_tags import date_span
from reference.models import Organisation

# First key of the advisory lock on a host's calendar (a fixed number: every process agrees).
HOST_LOCK_NAMESPACE = 51_402


class VisitOverlapError(ValidationError):
    """The host already has a visit on some of the requested dates."""


def _overlap_message(host: Organisation) -> str:
    return _(
        "%(host)s already has a visit on some of these dates. Choose other dates, or cancel "
        "the other visit first."
    ) % {"host": host}


def is_overlap_violation(error: IntegrityError) -> bool:
    cause = error.__cause__
    constraint = getattr(getattr(cause, "diag", None), "constraint_name", None)
    return constraint == VISIT_OVERLAP_CONSTRAINT or VISIT_OVERLAP_CONSTRAINT in str(error)


def lock_host_calendar(host_id: int) -> None:
    """Serialise bookings of one host until the current transaction ends.

    The exclusion constraint is the guarantee; this lock only lets a form check for overlaps
    and see every committed booking, so staff get a form error rather than a failed save.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [HOST_LOCK_NAMESPACE, int(host_id)])


DEADLOCK_DETECTED = "40P01"


# --- Checks before a visit is saved ---------------------------------------------------------

# Changing only these fields can make a visit impossible; other edits (notes, topic, contact)
# never re-check a visit that was saved before a rule existed.
SCHEDULING_FIELDS = ("intake", "host", "offer", "kind", "starts_on", "ends_on", "participants")


@dataclass
class Problem:
    """One thing about a visit that does not fit, for the field it concerns."""

    field: str
    message: str


@dataclass
class SchedulingCheck:
    """``errors`` make a visit impossible; ``warnings`` a coordinator may confirm."""

    errors: list[Problem] = dataclass_field(default_factory=list)
    warnings: list[Problem] = dataclass_field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.errors or self.warnings)


class VisitSchedulingError(ValidationError):
    """The visit cannot take place as given (too many visitors, outside the phase in Sweden)."""


def visit_check(visit: ScheduledVisit) -> SchedulingCheck:
    """What does not fit in ``visit`` (saved or not), worded in the active language.

    Errors: more visitors than the intake has participants; days outside the intake's phase
    in Sweden (the group is not in the country); an offer from another organisation.
    Warnings: more visitors than the host can receive at one time; days outside every period
    the host offered; a kind of hosting the host did not offer; no offer from the host at all;
    no phase in Sweden yet; the whole group booked elsewhere on the same days.
    The double booking of a host is checked by the database (and by the admin form).
    """
    check = SchedulingCheck()
    if visit.status == ScheduledVisit.Status.CANCELLED:
        return check
    intake = visit.intake
    start, end = visit.starts_on, visit.ends_on
    if not (intake and start and end) or end < start:
        return check
    when = date_span(start, end)
    participants = visit.participants or 0
    if participants > intake.participants:
        check.errors.append(
            Problem(
                "participants",
                _(
                    "%(count)d visitors is more than the %(size)d participants of %(intake)s. "
                    "Give at most %(size)d."
                )
                % {"count": participants, "size": intake.participants, "intake": intake},
            )
        )
    phase = (
        Phase.objects.filter(intake=intake, kind=Phase.Kind.SWEDEN).order_by("starts_on").first()
    )
    if phase is None:
        check.warnings.append(
            Problem(
                "starts_on",
                _("%(intake)s has no phase in Sweden yet, so the dates cannot be checked.")
                % {"intake": intake},
            )
        )
    elif start < phase.starts_on or end > phase.ends_on:
        check.errors.append(
            Problem(
                "starts_on",
                _(
                    "%(when)s is outside the phase in Sweden of %(intake)s (%(phase)s): the "
                    "participants are not in Sweden then. Choose days within the phase."
                )
                % {
                    "when": when,
                    "intake": intake,
                    "phase": date_span(phase.starts_on, phase.ends_on),
                },
            )
        )
    host = visit.host if visit.host_id else None
    if host is not None:
        _check_host(visit, host, check, when)
    if host is not None and visit.kind == "group_visit":
        elsewhere = (
            ScheduledVisit.objects.active()
            .filter(intake=intake, kind="group_visit", starts_on__lte=end, ends_on__gte=start)
            .exclude(pk=visit.pk)
            .exclude(host=host)
            .select_related("host")
            .first()
        )
        if elsewhere is not None:
            check.warnings.append(
                Problem(
                    "starts_on",
                    _("The whole group of %(intake)s already visits %(host)s on %(when)s.")
                    % {
                        "intake": intake,
                        "host": elsewhere.host,
                        "when": date_span(elsewhere.starts_on, elsewhere.ends_on),
                    },
                )
            )
    return check


def _check_host(visit: ScheduledVisit, host: Organisation, check: SchedulingCheck, when: str):
    offer = visit.offer if visit.offer_id else None
    if offer is not None and offer.organisation_id != host.pk:
        check.errors.append(
            Problem(
                "offer",
                _("This offer is from %(offerer)s, not from the host %(host)s.")
                % {"offerer": offer.organisation, "host": host},
            )
        )
        return
    offers = (
        [offer]
        if offer is not None
        else list(
            HostingOffer.objects.filter(
                organisation=host, status__in=HostingOffer.ACTIVE_STATUSES
            ).order_by("-created_at")
        )
    )
    if not offers:
        check.warnings.append(
            Problem(
                "host",
                _(
                    "%(host)s has no open offer to host: its capacity and the periods it can "
                    "host are not known."
                )
                % {"host": host},
            )
        )
        return
    capacity = max(o.capacity for o in offers)
    participants = visit.participants or 0
    if participants > capacity:
        check.warnings.append(
            Problem(
                "participants",
                _(
                    "%(host)s can receive at most %(capacity)d visitors at one time; this "
                    "visit has %(count)d."
                )
                % {"host": host, "capacity": capacity, "count": participants},
            )
        )
    periods = list(HostingPeriod.objects.filter(offer__in=offers).order_by("starts_on", "ends_on"))
    if not any(p.starts_on <= visit.starts_on and visit.ends_on <= p.ends_on for p in periods):
        offered = "; ".join(date_span(p.starts_on, p.ends_on) for p in periods) or "–"
        check.warnings.append(
            Problem(
                "starts_on",
                _("%(when)s is outside the periods %(host)s offered: %(periods)s.")
                % {"when": when, "host": host, "periods": offered},
            )
        )
    if visit.kind and not any(visit.kind in o.hosting_kinds for o in offers):
        check.warnings.append(
            Problem(
                "kind",
                _("%(host)s did not offer this kind of hosting (%(kind)s).")
                % {"host": host, "kind": visit.get_kind_display()},
            )
        )


def _refuse_impossible(visit: ScheduledVisit) -> None:
    errors = visit_check(visit).errors
    if errors:
        raise VisitSchedulingError(
            {problem.field: [problem.message] for problem in errors}, code="impossible"
        )


def _save_visit(visit: ScheduledVisit) -> None:
    for attempt in range(2):
        try:
            with transaction.atomic():
                visit.save()
            return
        except IntegrityError as error:
            if is_overlap_violation(error):
                raise VisitOverlapError(_overlap_message(visit.host), code="overlap") from error
            raise
        except OperationalError as error:
            # Two bookings racing for the same days can deadlock on the exclusion constraint
            # (each waits for the other's row). PostgreSQL aborts one; it tries once more and
            # then meets the winner's committed row as an ordinary overlap.
            if attempt == 0 and getattr(error.__cause__, "sqlstate", "") == DEADLOCK_DETECTED:
                continue
            raise


@transaction.atomic
def visit_schedule(
    *,
    intake: Intake,
    host: Organisation,
    kind: str,
    starts_on: date,
    ends_on: date,
    participants: int | None = None,
    offer: HostingOffer | None = None,
    status: str = ScheduledVisit.Status.PROPOSED,
    by=None,
    **extra,
) -> ScheduledVisit:
    """Book ``host`` for ``intake`` on the given days.

    Raises ``VisitOverlapError`` when the host already has a visit on one of those days;
    the database's exclusion constraint decides, so concurrent bookings cannot both win.
    """
    if ends_on < starts_on:
        raise ValidationError(_("The last day cannot be before the first day."), code="dates")
    if offer is not None:
        extra.setdefault("contact_name", offer.contact_name)
        extra.setdefault("contact_email", offer.email)
        extra.setdefault("contact_language", offer.language)
        extra.setdefault("host_may_be_listed", offer.may_be_listed)
    visit = ScheduledVisit(
        intake=intake,
        host=host,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        participants=participants or intake.participants,
        offer=offer,
        status=status,
        **extra,
    )
    return visit_create(visit=visit, by=by)


@transaction.atomic
def visit_create(*, visit: ScheduledVisit, by=None) -> ScheduledVisit:
    """Save a new visit (built by ``visit_schedule`` or by the admin form) with its side effects:
    history, the offer marked as scheduled, and the host's confirmation email if confirmed.

    Contact details left empty are taken from the offer the visit comes from."""
    _refuse_impossible(visit)
    offer = visit.offer
    if offer is not None:
        visit.contact_name = visit.contact_name or offer.contact_name
        visit.contact_email = visit.contact_email or offer.email
    _save_visit(visit)
    history_record(subject=visit, by=by, event=HistoryEntry.Event.VISIT_SCHEDULED)
    if offer is not None and offer.status in (
        HostingOffer.Status.NEW,
        HostingOffer.Status.IN_REVIEW,
        HostingOffer.Status.ACCEPTED,
    ):
        hosting_offer_set_status(offer=offer, status=HostingOffer.Status.SCHEDULED, by=by)
    if visit.status == ScheduledVisit.Status.CONFIRMED:
        _queue_confirmation(visit)
        history_record(subject=visit, by=by, event=HistoryEntry.Event.CONFIRMATION_SENT)
    return visit


@transaction.atomic
def visit_update(*, visit: ScheduledVisit, changes: dict, by=None) -> ScheduledVisit:
    """Apply ``changes`` (field -> new value) to a visit, keep a history, email on confirmation.

    ``visit`` may already carry the new values (as after an admin form): pass the old values
    through ``changes`` as (old, new) pairs in that case.
    """
    before = {}
    for field, value in changes.items():
        if isinstance(value, tuple) and len(value) == 2:
            before[field], new = value
        else:
            before[field], new = getattr(visit, field), value
        setattr(visit, field, new)
    was_confirmed = before.get("status", visit.status) == ScheduledVisit.Status.CONFIRMED
    revived = before.get("status", visit.status) == ScheduledVisit.Status.CANCELLED
    if revived or any(
        name in before and before[name] != getattr(visit, name) for name in SCHEDULING_FIELDS
    ):
        _refuse_impossible(visit)
    _save_visit(visit)
    diff = {
        field: (before[field], getattr(visit, field))
        for field in changes
        if before[field] != getattr(visit, field)
    }
    if diff:
        history_record(subject=visit, by=by, event=HistoryEntry.Event.VISIT_CHANGED, changes=diff)
    if visit.status == ScheduledVisit.Status.CONFIRMED and not was_confirmed:
        _queue_confirmation(visit)
        history_record(subject=visit, by=by, event=HistoryEntry.Event.CONFIRMATION_SENT)
    elif was_confirmed:
        _tell_host_of_change(visit, before)
    return visit


# What the host of a confirmed visit is told about when it changes.
HOST_FACING_FIELDS = ("starts_on", "ends_on", "participants", "kind")


def _host_language(visit: ScheduledVisit) -> str:
    """The language the host wrote the offer in; else the one recorded on the visit."""
    offer = visit.offer if visit.offer_id else None
    return (offer.language if offer else visit.contact_language) or settings.LANGUAGE_CODE


def _tell_host_of_change(visit: ScheduledVisit, before: dict) -> None:
    """A confirmed visit was cancelled, moved or taken back to proposed: email the host what
    changed (queued)."""
    recipient = visit.contact_email or (visit.offer.email if visit.offer_id else "")
    if not recipient:
        return
    old = ScheduledVisit(
        **{name: before.get(name, getattr(visit, name)) for name in HOST_FACING_FIELDS}
    )
    if visit.status == ScheduledVisit.Status.CANCELLED:
        template = "programmes/emails/visit_cancelled"
    elif visit.status == ScheduledVisit.Status.PROPOSED:
        # The host prepared for a confirmed visit: it is now only a proposal again.
        template = "programmes/emails/visit_unconfirmed"
    elif any(getattr(old, name) != getattr(visit, name) for name in HOST_FACING_FIELDS):
        template = "programmes/emails/visit_changed"
    else:
        return
    intake = Intake.objects.select_related("programme").get(pk=visit.intake_id)
    outbox_enqueue(
        to=[recipient],
        template=template,
        context={
            "visit": visit,
            "old": old,
            "dates_changed": (old.starts_on, old.ends_on) != (visit.starts_on, visit.ends_on),
            "intake": intake,
            "programme": intake.programme,
        },
        language=_host_language(visit),
        reply_to=settings.ICLD_PROGRAMME_TEAM_EMAIL,
    )


@transaction.atomic
def visit_delete(*, visit: ScheduledVisit) -> None:
    """Delete a visit; a confirmed one still to come is a cancellation the host is told of."""
    if visit.status == ScheduledVisit.Status.CONFIRMED and visit.ends_on >= today():
        visit.status = ScheduledVisit.Status.CANCELLED
        _tell_host_of_change(visit, {"status": ScheduledVisit.Status.CONFIRMED})
    visit.delete()


def visit_confirm(*, visit: ScheduledVisit, by=None) -> ScheduledVisit:
    if visit.status == ScheduledVisit.Status.CONFIRMED:
        return visit
    if visit.status == ScheduledVisit.Status.CANCELLED:
        raise ValidationError(_("A cancelled visit cannot be confirmed."), code="cancelled")
    return visit_update(visit=visit, changes={"status": ScheduledVisit.Status.CONFIRMED}, by=by)


def _queue_confirmation(visit: ScheduledVisit) -> None:
    """Email the host that the visit is confirmed (queued in the current transaction)."""
    recipient = visit.contact_email or (visit.offer.email if visit.offer else "")
    if not recipient:
        return
    intake = Intake.objects.select_related("programme").get(pk=visit.intake_id)
    outbox_enqueue(
        to=[recipient],
        template="programmes/emails/visit_confirmed",
        context={"visit": visit, "intake": intake, "programme": intake.programme},
        language=visit.contact_language or settings.LANGUAGE_CODE,
        reply_to=settings.ICLD_PROGRAMME_TEAM_EMAIL,
    )
    ScheduledVisit.objects.filter(pk=visit.pk).update(confirmation_sent_at=timezone.now())


def visits_erase_host_contact(queryset: QuerySet[ScheduledVisit]) -> int:
    """Remove the host's contact person from these visits (an erasure request)."""
    return queryset.update(contact_name="", contact_email="", updated_at=timezone.now())
