"""What the foundation itself adds to the shared features (see core.registries)."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import registries
from core.images import remove_abandoned_uploads
from core.models import AccessibilityReport, OutboxMessage, Page
from core.personal_data import NotPersonalData, PersonalData, Retention, declare
from core.publishing import publish_due
from core.search import SearchSource
from core.selectors import outbox_messages_about
from core.services import accessibility_report_emails
from core.sitemaps import PageSitemap
from core.waiting import register_waiting

# Staff-only rows: saving them keeps the public page cache.
registries.private_models.register("core.OutboxMessage")
registries.private_models.register("core.AccessibilityReport")

# An accessibility report is saved alone; the email worker queues its receipt and notice.
registries.outbox_collectors.register("accessibility reports", accessibility_report_emails)

# Drafts with a publishing time go public when it comes: the always-running email worker
# checks at every loop (manage.py publish_scheduled does the same from cron).
registries.outbox_collectors.register("scheduled publishing", publish_due)

# Uploads kept for an image form that was never saved go when their token expires.
registries.outbox_collectors.register("abandoned image uploads", remove_abandoned_uploads)

registries.sitemaps.register("pages", PageSitemap)

# Published content pages in the site search.
registries.search_sources.register(
    "pages",
    SearchSource(
        key="pages",
        label=_("Pages"),
        queryset=lambda: Page.objects.published().defer("search_vector"),
        snippet="lead",
        more_url=lambda query: "",
    ),
)

register_waiting(
    key="core.new_accessibility_reports",
    label=_("New accessibility reports and requests"),
    model="core.AccessibilityReport",
    queryset=lambda: AccessibilityReport.objects.filter(status=AccessibilityReport.Status.NEW),
    filters={"status__exact": AccessibilityReport.Status.NEW},
    order=40,
)

# Personal data: what the foundation keeps about people, and for how long.
REPORT_RETENTION = timedelta(days=730)
SENT_EMAIL_RETENTION = timedelta(days=30)

declare(
    PersonalData(
        model="core.AccessibilityReport",
        kind=_("Accessibility reports"),
        fields=("kind", "page_url", "description", "name", "email", "language", "reply"),
        retention=Retention(
            period=_("Two years after we answered or closed the report."),
            due=lambda now: AccessibilityReport.objects.filter(
                Q(
                    status=AccessibilityReport.Status.ANSWERED,
                    replied_at__lt=now - REPORT_RETENTION,
                )
                | Q(
                    status=AccessibilityReport.Status.CLOSED,
                    updated_at__lt=now - REPORT_RETENTION,
                )
            ),
        ),
        ordering=50,
    )
)
declare(
    PersonalData(
        model="core.OutboxMessage",
        kind=_("Emails the portal sends"),
        fields=("to", "subject", "body_text", "status", "created_at", "sent_at"),
        email_fields=("to", "reply_to"),
        rows=outbox_messages_about,
        retention=Retention(
            period=_("30 days after the email was sent."),
            due=lambda now: OutboxMessage.objects.filter(
                status=OutboxMessage.Status.SENT, sent_at__lt=now - SENT_EMAIL_RETENTION
            ),
        ),
        ordering=90,
    )
)
declare(
    NotPersonalData(
        model="core.AccessibilityStatement",
        reason="The contact address is ICLD's own, published in the statement.",
    )
)
