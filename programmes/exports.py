"""Scheduled visits as CSV (for spreadsheets) and as an iCalendar file (for calendars)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

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


def _escape(text: str) -> str:
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = 75 if not parts else 74  # continuation lines start with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


ICS_STATUS = {
    ScheduledVisit.Status.PROPOSED: "TENTATIVE",
    ScheduledVisit.Status.CONFIRMED: "CONFIRMED",
    ScheduledVisit.Status.COMPLETED: "CONFIRMED",
    ScheduledVisit.Status.CANCELLED: "CANCELLED",
}


def visits_ics(visits: Iterable[ScheduledVisit], *, name: str | None = None) -> str:
    """All-day events (the end date is exclusive in iCalendar, hence the day added)."""
    domain = settings.ICLD_SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    stamp = timezone.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ICLD//Training programme visits//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name or _('ICLD study visits'))}",
    ]
    for visit in visits:
        programme = visit.intake.programme
        summary = f"{visit.host.name}: {visit.get_kind_display()} ({programme.title})"
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
        lines += [
            "BEGIN:VEVENT",
            f"UID:programme-visit-{visit.pk}@{domain or 'icld.se'}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{visit.starts_on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{visit.ends_on + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            f"LOCATION:{_escape(visit.host.name)}",
            f"STATUS:{ICS_STATUS.get(visit.status, 'TENTATIVE')}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
