"""What the training programmes add to the portal's shared features (see core.registries)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import registries
from core.personal_data import NotPersonalData, PersonalData, Retention, declare
from core.related import RelatedSource
from core.search import SearchSource
from core.waiting import register_waiting
from programmes import selectors, services
from programmes.list_kinds import ProgrammeKind
from programmes.models import HostingOffer, Programme, ScheduledVisit
from programmes.sitemaps import SITEMAPS
from staff.roles import ALL, PROGRAMMES_TEAM, Grant

registries.alert_kinds.register("programmes", ProgrammeKind())

registries.search_sources.register(
    "programmes",
    SearchSource(
        key="programmes",
        label=_("Training Programmes"),
        queryset=lambda: Programme.objects.published(),
        snippet="summary",
        more_url=lambda query: f"{reverse('programmes:index')}?{query}",
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

# Personal data. Offers and visits are reviewed by the programme team; the privacy notice says
# how long they are kept.
declare(
    PersonalData(
        model="programmes.HostingOffer",
        kind=_("Offers to host a study visit"),
        fields=(
            "organisation",
            "contact_name",
            "contact_role",
            "email",
            "phone",
            "message",
            "accessibility_notes",
            "created_at",
            "consent_at",
        ),
        erase=services.hosting_offers_erase_contact,
        retention=Retention(
            period=_(
                "As long as the offer is current. We review the offers and remove those no "
                "longer current at least once a year."
            )
        ),
        ordering=20,
    )
)
declare(
    PersonalData(
        model="programmes.ScheduledVisit",
        kind=_("Host contacts of study visits"),
        fields=("host", "starts_on", "ends_on", "contact_name", "contact_email"),
        email_fields=("contact_email",),
        erase=services.visits_erase_host_contact,
        retention=Retention(
            period=_("With the visit, for the programme's records; reviewed once a year.")
        ),
        ordering=21,
    )
)
declare(
    NotPersonalData(
        model="programmes.Programme",
        reason="The contact address is the programme's own, published on its page.",
    )
)
