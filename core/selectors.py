"""Reads of the foundation's own models."""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from core.models import OutboxMessage


def outbox_messages_about(email: str) -> QuerySet[OutboxMessage]:
    """Queued and sent emails to ``email``, answerable to it (a team notice has the sender as
    Reply-To), or quoting it, whatever the case of its letters."""
    email = (email or "").strip()
    if not email:
        return OutboxMessage.objects.none()
    quote = connection.ops.quote_name
    column = f"{quote(OutboxMessage._meta.db_table)}.{quote('to')}"
    addressed = RawSQL(
        f"EXISTS (SELECT 1 FROM unnest({column}) AS address WHERE lower(address) = lower(%s))",
        [email],
        output_field=BooleanField(),
    )
    return OutboxMessage.objects.filter(
        Q(addressed)
        | Q(reply_to__iexact=email)
        | Q(body_text__icontains=email)
        | Q(body_html__icontains=email)
    )
