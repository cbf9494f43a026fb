"""Writes of the alerts app: subscribe, confirm, unsubscribe, the manage link, the digests.

Every email goes through the outbox in the transaction that saves what it is about.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from alerts import kinds, tokens
from alerts.models import (
    CONFIRM_WITHIN,
    Delivery,
    Digest,
    ManageLinkRequest,
    Subscription,
    new_unsubscribe_key,
    normalize_email,
)
from alerts.selectors import describe
from core.outbox import outbox_enqueue, outbox_enqueue_receipt
from core.submissions import fields_match, save_once

logger = logging.getLogger(__name__)

# Confirmation emails to one address per day at most: a form cannot be used to flood someone.
MAX_PENDING_EMAILS_A_DAY = 5
MAX_MANAGE_EMAILS_A_DAY = 3
# How many items of one alert a digest lists; the others are counted and linked to the list.
ITEMS_PER_ALERT = 20
# Items published a little before the last digest but saved late still count (deliveries keep
# them from being sent twice).
SINCE_OVERLAP = timedelta(days=1)
KEEP_DIGESTS_FOR = timedelta(days=30)


def absolute_url(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return settings.ICLD_SITE_URL + reverse(name, kwargs=kwargs or None)


def confirm_url(subscription: Subscription) -> str:
    return absolute_url(
        subscription.language, "alerts:confirm", token=tokens.confirm_token(subscription)
    )


def unsubscribe_url(email: str, ids: list[int], language: str) -> str:
    """A signed link that stops the alerts ``ids`` of ``email`` (in email bodies)."""
    return absolute_url(language, "alerts:unsubscribe", token=tokens.unsubscribe_token(email, ids))


def unsubscribe_all_url(key: str, language: str) -> str:
    """The short link that stops every alert of an address (List-Unsubscribe header): short
    enough for one header line, so mail software never folds it into encoded words."""
    return absolute_url(language, "alerts:unsubscribe", token=key)


def manage_url(email: str, language: str) -> str:
    return absolute_url(language, "alerts:manage", token=tokens.manage_token(email))


def list_headers(unsubscribe: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients show an unsubscribe button that posts to the link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- Subscribe and confirm --------------------------------------------------------------------


# The parameter of every list that holds the words a visitor typed into its search box.
SEARCH_PARAMETER = "q"


def _about_unconfirmed(subscription: Subscription) -> dict:
    """What the confirmation email says about an alert: the list and the filters picked from
    its menus. Never the search words: the address is not confirmed yet, and the portal must
    not carry a stranger's text to it."""
    params = QueryDict(subscription.query, mutable=True)
    searched = bool(params.pop(SEARCH_PARAMETER, None))
    about = describe(Subscription(kind=subscription.kind, query=params.urlencode()))
    return {**about, "searched": searched}


def alert_subscribe(
    *,
    email: str,
    language: str,
    frequency: str,
    kind: str,
    query: str,
    submission_token: uuid.UUID,
    now: datetime | None = None,
) -> Subscription:
    """Save an unconfirmed alert once per submission token and email the confirmation link."""
    email = normalize_email(email)
    now = now or timezone.now()

    def create() -> Subscription:
        key = (
            Subscription.objects.filter(email=email)
            .values_list("unsubscribe_key", flat=True)
            .order_by("pk")
            .first()
        )
        subscription = Subscription.objects.create(
            email=email,
            language=language,
            frequency=frequency,
            kind=kind,
            query=query,
            submission_token=submission_token,
            unsubscribe_key=key or new_unsubscribe_key(),
        )
        recent = (
            Subscription.objects.pending()
            .filter(email=email, created_at__gte=now - timedelta(days=1))
            .count()
        )
        if recent <= MAX_PENDING_EMAILS_A_DAY:
            with translation.override(language):
                about = _about_unconfirmed(subscription)
            outbox_enqueue_receipt(
                to=email,
                template="alerts/emails/confirm",
                context={
                    "subscription": subscription,
                    "about": about,
                    "confirm_url": confirm_url(subscription),
                    "valid_days": CONFIRM_WITHIN.days,
                },
                language=language,
                reply_to=settings.ICLD_CONTACT_EMAIL,
            )
        return subscription

    def same(subscription: Subscription) -> bool:
        return fields_match(
            subscription,
            email=email,
            language=language,
            frequency=frequency,
            kind=kind,
            query=query,
        )

    return save_once(Subscription, submission_token, create, same=same)


@transaction.atomic
def alert_confirm(*, subscription: Subscription, now: datetime | None = None) -> Subscription:
    """Confirm an alert (the owner of the address clicked the signed link).

    An alert the address already follows is not doubled: its rhythm is updated and the new
    row removed. Only that alert takes the language just chosen; the address's other alerts
    keep theirs.
    """
    now = now or timezone.now()
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.is_confirmed:
        return subscription
    same = (
        Subscription.objects.confirmed()
        .select_for_update()
        .filter(email=subscription.email, kind=subscription.kind, query=subscription.query)
        .first()
    )
    if same is not None:
        same.frequency = subscription.frequency
        same.language = subscription.language
        same.save(update_fields=["frequency", "language"])
        subscription.delete()
        result = same
    else:
        subscription.confirmed_at = now
        subscription.since = now
        subscription.save(update_fields=["confirmed_at", "since"])
        result = subscription
    # The address's other alerts keep their own language.
    return result


# --- Unsubscribe and manage -------------------------------------------------------------------


@transaction.atomic
def alert_unsubscribe(*, email: str, ids: list[int] | None = None) -> int:
    """Remove the address's alerts (``ids``: only those); return how many were removed.

    When the address has no alert left, nothing about it is kept: its digests' records and
    its requests for the manage link go too.
    """
    email = normalize_email(email)
    queryset = Subscription.objects.filter(email=email)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    removed = queryset.delete()[1].get(Subscription._meta.label, 0)
    if not Subscription.objects.filter(email=email).exists():
        Digest.objects.filter(email=email).delete()
        ManageLinkRequest.objects.filter(email=email).delete()
    return removed


def manage_link_request(
    *, email: str, language: str, submission_token: uuid.UUID, now: datetime | None = None
) -> ManageLinkRequest:
    """Email the signed link to the address's alerts, if it has any (nothing is said either way)."""
    email = normalize_email(email)
    now = now or timezone.now()

    def create() -> ManageLinkRequest:
        has_alerts = Subscription.objects.filter(email=email).exists()
        sent_today = ManageLinkRequest.objects.filter(
            email=email, sent=True, created_at__gte=now - timedelta(days=1)
        ).count()
        send = has_alerts and sent_today < MAX_MANAGE_EMAILS_A_DAY
        request = ManageLinkRequest.objects.create(
            email=email, language=language, submission_token=submission_token, sent=send
        )
        if send:
            outbox_enqueue_receipt(
                to=email,
                template="alerts/emails/manage_link",
                context={
                    "manage_url": manage_url(email, language),
                    "valid_days": tokens.MANAGE_VALID_FOR.days,
                },
                language=language,
                reply_to=settings.ICLD_CONTACT_EMAIL,
            )
        return request

    return save_once(
        ManageLinkRequest, submission_token, create, same=lambda row: row.email == email
    )


# --- Housekeeping -----------------------------------------------------------------------------

# --- Digests --------------------------------------------------------------------------------


@dataclass
class DigestRun:
    sent: int = 0
    items: int = 0
    skipped: int = 0
    failed: list[int] = field(default_factory=list)  # ids of the alerts that raised


def alert_digests_send(*, now: datetime | None = None) -> DigestRun:
    """Send each address with confirmed alerts at most one digest a language for this day.

    Each address is one transaction: the outbox message, the ``Digest`` row (unique per
    address, language and day), the deliveries (unique per alert and item) and the alerts' new
    high-water marks are saved together or not at all. A run that stops midway leaves the
    addresses it finished done and the others untouched; running again sends the rest and
    nothing twice.

    One alert failing (a filter the database refuses, a bug in a kind: any exception) is
    logged with its id and counted in ``failed``; the address's other alerts and every other
    address still get their digest.
    """
    now = now or timezone.now()
    run = DigestRun()
    emails = (
        Subscription.objects.confirmed()
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    with kinds.shared_lookups():
        for email in list(emails):
            try:
                count = digest_send_for_address(email=email, now=now, failed=run.failed)
            except Exception:
                # The address's transaction was rolled back whole; the next address is
                # unaffected, and the next run tries this one again.
                ids = _confirmed_ids(email)
                logger.exception("Alert digest failed for the address of alerts %s", ids)
                run.failed.extend(ids)
                continue
            if count:
                run.sent += 1
                run.items += count
            else:
                run.skipped += 1
    return run


def _confirmed_ids(email: str) -> list[int]:
    try:
        return list(
            Subscription.objects.confirmed().filter(email=email).values_list("pk", flat=True)
        )
    except Exception:  # the database itself is gone: the log says so already
        return []


@transaction.atomic
def digest_send_for_address(*, email: str, now: datetime, failed: list[int] | None = None) -> int:
    """Queue one address's digests for today; return the number of items (0: nothing sent).

    Each alert keeps the language it was made in: an address with alerts in both languages
    gets one digest per language (at most one a day each), never its Swedish alerts in
    English because its newest alert was made on the English site.

    An alert whose items cannot be listed is left out (its id appended to ``failed``) and
    keeps its high-water mark, so it is tried again on the next run.
    """
    today = timezone.localdate(now)
    subscriptions = list(
        Subscription.objects.confirmed().filter(email=email).select_for_update().order_by("pk")
    )
    if not subscriptions:
        return 0
    sent_today = set(
        Digest.objects.filter(email=email, sent_on=today).values_list("language", flat=True)
    )
    total = 0
    for language, _name in settings.LANGUAGES:
        due = [
            s
            for s in subscriptions
            if s.language == language and language not in sent_today and s.is_due(today)
        ]
        if due:
            total += _digest_send(
                email=email,
                language=language,
                due=due,
                unsubscribe_key=subscriptions[0].unsubscribe_key,
                now=now,
                failed=failed,
            )
    return total


def _digest_send(
    *,
    email: str,
    language: str,
    due: list[Subscription],
    unsubscribe_key: str,
    now: datetime,
    failed: list[int] | None,
) -> int:
    """One digest in one language of the address's due alerts in that language."""
    today = timezone.localdate(now)
    delivered = set(
        Delivery.objects.filter(subscription__in=due).values_list("subscription_id", "item_key")
    )
    sections, new_deliveries = [], []
    with translation.override(language):
        for subscription in due:
            try:
                # A savepoint: an error of the database in one alert's query leaves the
                # address's transaction usable for its other alerts.
                with transaction.atomic():
                    section = _digest_section(subscription, delivered, email, language)
            except Exception:
                logger.exception("Alert digest: alert %s failed and was left out", subscription.pk)
                if failed is not None:
                    failed.append(subscription.pk)
                continue
            if section is None:
                continue
            new_deliveries.extend(
                Delivery(subscription=subscription, item_key=item.key, delivered_at=now)
                for item in section.pop("all_items")
            )
            sections.append(section)
    if not sections:
        return 0
    item_count = sum(len(s["items"]) + s["more"] for s in sections)
    unsubscribe_all = unsubscribe_all_url(unsubscribe_key, language)
    message = outbox_enqueue(
        to=[email],
        template="alerts/emails/digest",
        context={
            "sections": sections,
            "item_count": item_count,
            "unsubscribe_url": unsubscribe_all,
            "manage_url": manage_url(email, language),
        },
        language=language,
        headers=list_headers(unsubscribe_all),
        reply_to=settings.ICLD_CONTACT_EMAIL,
    )
    digest = Digest.objects.create(
        email=email,
        sent_on=today,
        sent_at=now,
        language=language,
        item_count=item_count,
        message=message,
    )
    for delivery in new_deliveries:
        delivery.digest = digest
    Delivery.objects.bulk_create(new_deliveries)
    for section in sections:
        subscription = section["subscription"]
        subscription.last_digest_at = now
        subscription.since = max(subscription.since or now, now - SINCE_OVERLAP)
        subscription.save(update_fields=["last_digest_at", "since"])
    return item_count


def _digest_section(
    subscription: Subscription, delivered: set, email: str, language: str
) -> dict | None:
    """One alert's part of a digest (None: nothing new), with ``all_items`` to deliver."""
    kind = kinds.get(subscription.kind)
    if kind is None:
        return None
    filters = kind.from_query(subscription.query)
    since = subscription.since or subscription.confirmed_at
    items = [
        item
        for item in kind.items(filters, since=since, limit=200)
        if (subscription.pk, item.key) not in delivered
    ]
    if not items:
        return None
    return {
        "subscription": subscription,
        "label": str(kind.label),
        "filters": kind.describe(filters),
        "list_url": settings.ICLD_SITE_URL + kind.list_url(filters.query),
        "items": [
            {
                "title": item.title,
                "url": settings.ICLD_SITE_URL + item.url,
                "detail": item.detail,
                "summary": item.summary,
            }
            for item in items[:ITEMS_PER_ALERT]
        ],
        "more": max(0, len(items) - ITEMS_PER_ALERT),
        "unsubscribe_url": unsubscribe_url(email, [subscription.pk], language),
        "all_items": items,
    }
