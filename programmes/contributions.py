"""What the training programmes add to the portal's shared features (see core.registries)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import registries
from core.related import RelatedSource
from core.search import SearchSource, weighted_vector
from core.waiting import register_waiting
from programmes import selectors
from programmes.list_kinds import ProgrammeKind
from programmes.models import HostingOffer, Programme, ScheduledVisit
from programmes.sitemaps import SITEMAPS
from staff.roles import ALL, PROGRAMMES_TEAM, Grant

registries.alert_kinds.register("programmes", ProgrammeKind())

registries.search_sources.register(
    "programmes",
    SearchSource(
        key="programmes",
        label=_("Training programmes"),
        queryset=lambda: Programme.objects.published(),
        vector=lambda language: weighted_vector(
            language, "title", "summary", "aim", "target_group"
        ),
        more_url=lambda query: reverse("programmes:index"),
    ),
)

registries.related_work.register(
    "programmes",
    RelatedSource(
        key="programmes",
        label=_("Training programme"),
        for_theme=selectors.programmes_for_theme,
        for_country=selectors.programmes_for_country,
    ),
)

for name, sitemap in SITEMAPS.items():
    registries.sitemaps.register(f"programmes-{name}", sitemap)

registries.private_models.register("programmes.HostingOffer")
registries.private_models.register("programmes.HostingPeriod")
registries.private_models.register("programmes.HistoryEntry")

register_waiting(
    key="programmes.new_hosting_offers",
    label=_("New hosting offers"),
    model="programmes.HostingOffer",
    queryset=lambda: HostingOffer.objects.filter(status=HostingOffer.Status.NEW),
    filters={"status__exact": HostingOffer.Status.NEW},
    order=20,
)
register_waiting(
    key="programmes.visits_to_confirm",
    label=_("Study visits not yet confirmed"),
    model="programmes.ScheduledVisit",
    queryset=lambda: ScheduledVisit.objects.filter(status=ScheduledVisit.Status.PROPOSED),
    filters={"status__exact": ScheduledVisit.Status.PROPOSED},
    order=22,
)

registries.staff_grants.register((PROGRAMMES_TEAM, "programmes"), Grant("programmes", ALL))
