"""What alerts add to the portal's shared features (see core.registries)."""

from django.utils.translation import gettext_lazy as _

from alerts.models import CONFIRM_WITHIN, Digest, ManageLinkRequest, Subscription
from alerts.services import KEEP_DIGESTS_FOR
from core import registries
from core.personal_data import PersonalData, Retention, declare

# Subscriptions and what was sent are private: saving them keeps the public page cache.
for label in (
    "alerts.Subscription",
    "alerts.Digest",
    "alerts.Delivery",
    "alerts.ManageLinkRequest",
):
    registries.private_models.register(label)

declare(
    PersonalData(
        model="alerts.Subscription",
        kind=_("Alerts"),
        fields=("email", "language", "frequency", "kind", "query", "created_at", "confirmed_at"),
        retention=Retention(
            period=_(
                "Until you unsubscribe; an alert that is not confirmed within a week is deleted."
            ),
            due=lambda now: Subscription.objects.pending().filter(
                created_at__lt=now - CONFIRM_WITHIN
            ),
        ),
        ordering=40,
    )
)
declare(
    PersonalData(
        model="alerts.Digest",
        kind=_("Alert digests sent"),
        fields=("email", "sent_on", "item_count"),
        retention=Retention(
            period=_("30 days after the digest was sent."),
            due=lambda now: Digest.objects.filter(sent_at__lt=now - KEEP_DIGESTS_FOR),
        ),
        ordering=41,
    )
)
declare(
    PersonalData(
        model="alerts.ManageLinkRequest",
        kind=_("Requests for the link to your alerts"),
        fields=("email", "created_at", "sent"),
        retention=Retention(
            period=_("A week."),
            due=lambda now: ManageLinkRequest.objects.filter(created_at__lt=now - CONFIRM_WITHIN),
        ),
        ordering=42,
    )
)
