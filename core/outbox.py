"""The one way out for email.

``outbox_enqueue`` renders a message in the recipient's language and stores it; call it
inside the transaction that saves what the message confirms (``outbox_compose`` +
``outbox_enqueue_all`` store several with one INSERT); a public form's receipt to the address
the visitor typed goes through ``outbox_enqueue_receipt``, which caps how many one address gets
a day. ``outbox_deliver_due`` (run by
``manage.py send_outbox``) sends what is due, each message once, and retries with back-off
after a mail server failure.

A record can also be its own outbox entry: it is saved with a mark that its emails are not
queued yet, and a *collector* (``core.registries.outbox_collectors``) that the worker runs
before sending queues them and clears the mark in one transaction. A busy public form then
costs a single INSERT (core.services.accessibility_report_emails).

Messages come from the no-reply sender, so each call names a ``reply_to``: the team the email
concerns, or, on a notice to staff, the address the visitor typed. A text part is written with
``{% autoescape off %}`` and lists in words (``core/templatetags/emails.py``);
tests/test_every_email.py renders every email in both languages.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import DatabaseError, connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core import registries
from core.models import OutboxMessage

logger = logging.getLogger(__name__)

# Small text attachments (a calendar file) are kept in the message's JSON column under this
# key, beside the extra headers, so a message and its attachment stay one row.
ATTACHMENTS = "_attachments"

MAX_ATTEMPTS = 25
MAX_BACKOFF = timedelta(hours=1)
# The first key of the advisory lock that serialises receipts to one address.
RECEIPT_LOCK = 7401


def outbox_collect(*, limit: int = 100) -> int:
    """Run every collector (``core.registries.outbox_collectors``); one that breaks (a template
    error) does not stop the sending.

    A collector, ``collect(limit=...)``, queues the emails of records saved without them, marks
    those records in the same transaction, and returns how many it handled.
    """
    handled = 0
    for collect in registries.outbox_collectors.values():
        try:
            handled += collect(limit=limit)
        except DatabaseError:
            raise  # the worker waits out a database outage (send_outbox)
        except Exception:
            logger.exception("Outbox collector %s failed; its records wait", collect.__name__)
    return handled


def outbox_compose(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str,
    headers: dict[str, str] | None = None,
    reply_to: str = "",
    attachments: list[tuple[str, str, str]] | None = None,
) -> OutboxMessage:
    """Render ``<template>_subject.txt``, ``.txt`` and ``.html`` into an unsaved message.

    ``attachments``: small text files as (filename, content, MIME type)."""
    context = {"site_url": settings.ICLD_SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body_text = render_to_string(f"{template}.txt", context)
        body_html = render_to_string(f"{template}.html", context)
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "icld.se"
    return OutboxMessage(
        to=to,
        subject=subject[:250],
        body_text=body_text,
        body_html=body_html,
        language=language,
        headers={**(headers or {}), **({ATTACHMENTS: attachments} if attachments else {})},
        reply_to=reply_to,
        message_id=f"<{uuid.uuid4()}@{domain}>",
    )


def outbox_enqueue(**message) -> OutboxMessage:
    """Compose and queue one message (the arguments of ``outbox_compose``)."""
    composed = outbox_compose(**message)
    composed.save()
    return composed


def outbox_enqueue_receipt(*, to: str, **message) -> OutboxMessage | None:
    """Queue a public form's receipt to ``to``, an address nobody has confirmed, unless it has
    had ``ICLD_EMAILS_PER_RECIPIENT_PER_DAY`` receipts in the last 24 hours; None then.

    The count is of rows in the outbox, so it holds across forms, app servers and restarts.
    Call it inside the transaction that saves the submission: a receipt over the cap is simply
    not written, and the submission (and any notice to staff) is saved as usual. Receipts say
    what was received in general terms and never quote what the visitor wrote.
    """
    address = to.strip().lower()
    with connection.cursor() as cursor:
        # Receipts to one address are counted one transaction at a time, so two requests
        # racing cannot both take the last place under the cap.
        cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [RECEIPT_LOCK, address])
    since = timezone.now() - timedelta(days=1)
    queued = OutboxMessage.objects.filter(receipt_for=address, created_at__gte=since).count()
    if queued >= settings.ICLD_EMAILS_PER_RECIPIENT_PER_DAY:
        # The address is not logged: logs are kept longer than the outbox.
        logger.info("A receipt was not queued: its address has had %d in 24 hours", queued)
        return None
    composed = outbox_compose(to=[to], **message)
    composed.receipt_for = address
    composed.save()
    return composed


def outbox_enqueue_all(*messages: OutboxMessage) -> list[OutboxMessage]:
    """Queue several composed messages with one INSERT (a receipt and its staff notice)."""
    return OutboxMessage.objects.bulk_create(messages)


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30 * 2 ** min(attempts, 10)), MAX_BACKOFF)


def _build_email(message: OutboxMessage) -> EmailMultiAlternatives:
    headers = {k: v for k, v in message.headers.items() if k != ATTACHMENTS}
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=message.to,
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={"Message-ID": message.message_id, **headers},
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for filename, content, mimetype in message.headers.get(ATTACHMENTS, []):
        email.attach(filename, content, mimetype)
    return email


def outbox_deliver_due(*, limit: int = 100) -> tuple[int, int]:
    """Send due messages; return (sent, failed) counts for this run.

    Each message is locked (``SKIP LOCKED``) while it is sent and marked sent in
    the same transaction, so several workers never send the same message. The
    collectors queue what waits in their records first.
    """
    outbox_collect(limit=limit)
    sent = failed = 0
    mailer = mailers.default
    for _ in range(limit):
        with transaction.atomic():
            message = OutboxMessage.objects.due().select_for_update(skip_locked=True).first()
            if message is None:
                break
            message.attempts += 1
            try:
                mailer.send_messages([_build_email(message)])
            except Exception as error:  # any transport failure: keep the message and retry later
                logger.warning("Outbox message %s not sent: %s", message.pk, error)
                message.last_error = f"{type(error).__name__}: {error}"[:2000]
                if message.attempts >= MAX_ATTEMPTS:
                    message.status = OutboxMessage.Status.FAILED
                message.next_attempt_at = timezone.now() + _backoff(message.attempts)
                failed += 1
                # A broken connection must not be reused for the next message.
                mailer = mailers.default
            else:
                message.status = OutboxMessage.Status.SENT
                message.sent_at = timezone.now()
                message.last_error = ""
                sent += 1
            message.save(
                update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at"]
            )
        if failed and not sent:
            # The mail server is down: stop hammering it; the next run retries.
            break
    return sent, failed
