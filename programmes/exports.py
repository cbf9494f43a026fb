"""Scheduled visits as CSV (for spreadsheets) and as an iCalendar file (for calendars)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ical
from core.spreadsheets import spreadsheet_cell
from programmes.models import ScheduledVisit


def visits_csv(visits: Iterable[ScheduledVisit]) -> str:
    """UTF-8 with a byte order mark, so spreadsheet programs read å, ä and ö correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Programme"),
            _("Intake"),
            _("Host"),
            _("County"),
            _("Kind of hosting"),
            _("First day"),
            _("Last day"),
            _("Visitors"),
            _("Status"),
            _("Contact person"),
            _("Contact email"),
            _("Topic"),
            _("Confirmation sent"),
        ]
    )
    for visit in visits:
        writer.writerow(
            [
                spreadsheet_cell(value)
                for value in (
                    visit.intake.programme.title,
                    visit.intake.name,
                    visit.host.name,
                    visit.host.county.name if visit.host.county else "",
                    visit.get_kind_display(),
                    visit.starts_on.isoformat(),
                    visit.ends_on.isoformat(),
                    visit.participants,
                    visit.get_status_display(),
                    visit.contact_name,
                    visit.contact_email,
                    visit.topic,
                    timezone.localtime(visit.confirmation_sent_at).strftime("%Y-%m-%d %H:%M")
                    if visit.confirmation_sent_at
                    else "",
                )
            ]
        )
    return buffer.getvalue()


ICS_STATUS = {
    ScheduledVisit.Status.PROPOSED: "TENTATIVE",
    ScheduledVisit.Status.CONFIRMED: "CONFIRMED",
    ScheduledVisit.Status.COMPLETED: "CONFIRMED",
    ScheduledVisit.Status.CANCELLED: "CANCELLED",
}


def visits_ics(visits: Iterable[ScheduledVisit], *, name: str | None = None) -> str:
    """Each visit as an all-day entry from its first to its last day."""
    domain = settings.ICLD_SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    entries = []
    for visit in visits:
        programme = visit.intake.programme
        description = "\n".join(
            filter(
                None,
                [
                    f"{_('Intake')}: {visit.intake.name}",
                    f"{_('Visitors')}: {visit.participants}",
                    f"{_('Status')}: {visit.get_status_display()}",
                    f"{_('Contact person')}: {visit.contact_name} {visit.contact_email}".strip()
                    if visit.contact_name or visit.contact_email
                    else "",
                    f"{_('Topic')}: {visit.topic}" if visit.topic else "",
                ],
            )
        )
        entries.append(
            ical.CalendarEntry(
                uid=f"programme-visit-{visit.pk}@{domain or 'icld.se'}",
                summary=f"{visit.host.name}: {visit.get_kind_display()} ({programme.title})",
                starts=visit.starts_on,
                ends=visit.ends_on,
                description=description,
                location=str(visit.host.name),
                status=ICS_STATUS.get(visit.status, "TENTATIVE"),
            )
        )
    return ical.calendar(entries, name=str(name or _("ICLD study visits")))
