"""What the knowledge centre adds to the portal's shared features (see core.registries)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import registries
from core.personal_data import PersonalData, Retention, declare
from core.search import Names, SearchSource
from core.waiting import register_waiting
from knowledge.list_kinds import EventKind, PublicationKind, ResearchCallKind
from knowledge.models import Event, Publication, Registration, ResearchCall
from knowledge.selectors import published_authors
from knowledge.services.event import RETENTION, registration_reminders
from knowledge.sitemaps import SITEMAPS
from staff.roles import ALL, COMMUNICATIONS, EDIT, KNOWLEDGE_TEAM, Grant

registries.alert_kinds.register("publications", PublicationKind())
registries.alert_kinds.register("calls", ResearchCallKind())
registries.alert_kinds.register("events", EventKind())

registries.search_sources.register(
    "publications",
    SearchSource(
        key="publications",
        label=_("Research and publications"),
        queryset=lambda: Publication.objects.published().defer("search_vector", "file_text"),
        snippet="abstract",
        names=(Names(published_authors, "family_name"),),
        more_url=lambda query: f"{reverse('knowledge:publications')}?{query}",
    ),
)
registries.search_sources.register(
    "calls",
    SearchSource(
        key="calls",
        label=_("Research calls"),
        queryset=lambda: ResearchCall.objects.published().defer("search_vector"),
        snippet="summary",
        more_url=lambda query: f"{reverse('knowledge:calls')}?{query}",
    ),
)
registries.search_sources.register(
    "events",
    SearchSource(
        key="events",
        label=_("Seminars and events"),
        queryset=lambda: Event.objects.published().defer("search_vector"),
        snippet="summary",
        more_url=lambda query: f"{reverse('knowledge:events')}?{query}",
    ),
)

for name, sitemap in SITEMAPS.items():
    registries.sitemaps.register(f"knowledge-{name}", sitemap)

# The admin start page: sign-ups of the last week (not cancelled) and the waiting lists.
RECENT_DAYS = 7
ACTIVE_STATUSES = [Registration.Status.CONFIRMED, Registration.Status.WAITING]


def _recent_since() -> str:
    return (timezone.localdate() - timedelta(days=RECENT_DAYS)).isoformat()


register_waiting(
    key="knowledge.recent_registrations",
    label=_("Seminar sign-ups in the last 7 days"),
    model="knowledge.Registration",
    queryset=lambda: Registration.objects.filter(
        created_at__date__gte=_recent_since(), status__in=ACTIVE_STATUSES
    ),
    filters=lambda: {
        "created_at__date__gte": _recent_since(),
        "status__in": ",".join(ACTIVE_STATUSES),
    },
    order=30,
)
register_waiting(
    key="knowledge.waiting_list",
    label=_("Seminar sign-ups on a waiting list"),
    model="knowledge.Registration",
    queryset=lambda: Registration.objects.filter(status=Registration.Status.WAITING),
    filters={"status__exact": Registration.Status.WAITING},
    order=31,
)

# The reminder before an event: the email worker queues those due before it sends.
registries.outbox_collectors.register("seminar reminders", registration_reminders)

registries.staff_grants.register((KNOWLEDGE_TEAM, "knowledge"), Grant("knowledge", ALL))
# Communications polish and publish publications and events.
for label in ("knowledge.Publication", "knowledge.Event"):
    registries.staff_grants.register((COMMUNICATIONS, label), Grant(label, EDIT))

# Personal data: seminar sign-ups are deleted six months after the event (as the consent says).
declare(
    PersonalData(
        model="knowledge.Registration",
        kind=_("Seminar and workshop sign-ups"),
        fields=("event", "name", "email", "organisation", "needs", "language", "status"),
        retention=Retention(
            period=_("Until the event; six months after it the sign-up is deleted."),
            due=lambda now: Registration.objects.filter(event__ends_at__lt=now - RETENTION),
        ),
        ordering=30,
    )
)
