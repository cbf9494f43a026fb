"""What alerts add to the portal's shared features (see core.registries)."""

from core import registries

# Subscriptions and what was sent are private: saving them keeps the public page cache.
for label in (
    "alerts.Subscription",
    "alerts.Digest",
    "alerts.Delivery",
    "alerts.ManageLinkRequest",
):
    registries.private_models.register(label)
