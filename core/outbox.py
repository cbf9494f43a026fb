"""The one way out for email.

``outbox_enqueue`` renders a message in the recipient's language and stores
it; call it inside the transaction that saves what the message confirms.
``outbox_deliver_due`` (run by ``manage.py send_outbox``) sends what is due,
each message once, and retries with back-off after a mail server failure.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 25
MAX_BACKOFF = timedelta(hours=1)


def outbox_enqueue(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str,
    headers: dict[str, str] | None = None,
    reply_to: str = "",
) -> OutboxMessage:
    """Render ``<template>_subject.txt``, ``.txt`` and ``.html`` and queue the message."""
    context = {"site_url": settings.ICLD_SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body_text = render_to_string(f"{template}.txt", context)
        body_html = render_to_string(f"{template}.html", context)
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "icld.se"
    return OutboxMessage.objects.create(
        to=to,
        subject=subject[:250],
        body_text=body_text,
        body_html=body_html,
        language=language,
        headers=headers or {},
        reply_to=reply_to,
        message_id=f"<{uuid.uuid4()}@{domain}>",
    )


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30 * 2 ** min(attempts, 10)), MAX_BACKOFF)


def _build_email(message: OutboxMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=message.to,
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={"Message-ID": message.message_id, **message.headers},
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    return email


def outbox_deliver_due(*, limit: int = 100) -> tuple[int, int]:
    """Send due messages; return (sent, failed) counts for this run.

    Each message is locked (``SKIP LOCKED``) while it is sent and marked sent in
    the same transaction, so several workers never send the same message.
    """
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
