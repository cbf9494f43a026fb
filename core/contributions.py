"""What the foundation itself adds to the shared features (see core.registries)."""

from django.utils.translation import gettext_lazy as _

from core import registries
from core.models import AccessibilityReport
from core.services import accessibility_report_emails
from core.sitemaps import PageSitemap
from core.waiting import register_waiting

# Staff-only rows: saving them keeps the public page cache.
registries.private_models.register("core.OutboxMessage")
registries.private_models.register("core.AccessibilityReport")

# An accessibility report is saved alone; the email worker queues its receipt and notice.
registries.outbox_collectors.register("accessibility reports", accessibility_report_emails)

registries.sitemaps.register("pages", PageSitemap)

register_waiting(
    key="core.new_accessibility_reports",
    label=_("New accessibility reports and requests"),
    model="core.AccessibilityReport",
    queryset=lambda: AccessibilityReport.objects.filter(status=AccessibilityReport.Status.NEW),
    filters={"status__exact": AccessibilityReport.Status.NEW},
    order=40,
)
