"""Offers to host study visits: the public form's submission and staff status changes."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import outbox_enqueue, outbox_enqueue_receipt
from core.submissions import fields_match, save_once
from programmes.models import HistoryEntry, HostingOffer, HostingPeriod, Programme
from programmes.services.history import history_record
from reference.models import Organisation, Theme

# The receipt of a host offer promises the programme team's first answer within these days.
OFFER_ANSWER_WORKING_DAYS = 10


def hosting_offer_submit(
    *,
    submission_token: uuid.UUID,
    organisation: Organisation,
    contact_name: str,
    email: str,
    phone: str,
    hosting_kinds: Sequence[str],
    periods: Sequence[tuple[date, date]],
    capacity: int,
    languages: Sequence[str],
    accessibility: str,
    language: str,
    contact_role: str = "",
    themes: Iterable[Theme] = (),
    expertise: str = "",
    programmes: Iterable[Programme] = (),
    accessibility_notes: str = "",
    message: str = "",
    may_be_listed: bool = False,
) -> HostingOffer:
    """Save an offer once per ``submission_token`` and queue the two emails with it.

    A second call with the same token (a double click, a resent POST, two workers racing)
    returns the first offer and queues nothing; the same token with other content raises
    ``core.submissions.SubmissionTokenReused``.
    """

    themes, programmes = list(themes), list(programmes)
    content = {
        "organisation_id": organisation.pk,
        "contact_name": contact_name,
        "contact_role": contact_role,
        "email": email,
        "phone": phone,
        "hosting_kinds": list(dict.fromkeys(hosting_kinds)),
        "expertise": expertise,
        "capacity": capacity,
        "languages": list(dict.fromkeys(languages)),
        "accessibility": accessibility,
        "accessibility_notes": accessibility_notes,
        "message": message,
        "may_be_listed": may_be_listed,
        "language": language,
    }

    def same(offer: HostingOffer) -> bool:
        saved_periods = sorted((p.starts_on, p.ends_on) for p in offer.periods.all())
        return saved_periods == sorted(periods) and fields_match(
            offer, themes=themes, programmes=programmes, **content
        )

    def create() -> HostingOffer:
        offer = HostingOffer.objects.create(
            submission_token=submission_token, consent_at=timezone.now(), **content
        )
        offer.themes.set(themes)
        offer.programmes.set(programmes)
        HostingPeriod.objects.bulk_create(
            HostingPeriod(offer=offer, starts_on=start, ends_on=end)
            for start, end in sorted(periods)
        )
        HistoryEntry.objects.create(offer=offer, event=HistoryEntry.Event.OFFER_RECEIVED)

        context = {
            "offer": offer,
            "periods": list(offer.periods.all()),
            "themes": list(offer.themes.all()),
            "programmes": list(offer.programmes.all()),
            "answer_days": OFFER_ANSWER_WORKING_DAYS,
        }
        outbox_enqueue_receipt(
            to=offer.email,
            template="programmes/emails/offer_confirmation",
            context=context,
            language=language,
            reply_to=settings.ICLD_PROGRAMME_TEAM_EMAIL,
        )
        outbox_enqueue(
            to=[settings.ICLD_PROGRAMME_TEAM_EMAIL],
            template="programmes/emails/offer_notification",
            context=context,
            language=settings.LANGUAGE_CODE,
            reply_to=offer.email,
        )
        return offer

    return save_once(HostingOffer, submission_token, create, same=same)


@transaction.atomic
def hosting_offer_set_status(*, offer: HostingOffer, status: str, by=None) -> HostingOffer:
    if status not in HostingOffer.Status.values:
        raise ValidationError(_("Unknown status."))
    old = offer.status
    if old == status:
        return offer
    offer.status = status
    offer.save(update_fields=["status", "updated_at"])
    history_record(
        subject=offer,
        by=by,
        event=HistoryEntry.Event.STATUS_CHANGED,
        changes={"status": (old, offer.status)},
    )
    return offer


def hosting_offers_erase_contact(queryset: QuerySet[HostingOffer]) -> int:
    """Remove the contact person and their words from these offers (an erasure request); the
    offer's municipality, periods and kinds of hosting stay for the programme's planning."""
    return queryset.update(
        contact_name="",
        contact_role="",
        email="",
        phone="",
        message="",
        updated_at=timezone.now(),
    )
