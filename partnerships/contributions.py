"""What municipal partnerships add to the portal's shared features (see core.registries)."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import registries
from core.personal_data import PersonalData, Retention, declare
from core.related import RelatedSource
from core.search import SearchSource
from core.waiting import register_waiting
from partnerships import selectors, services
from partnerships.list_kinds import PartnerSeekerKind, PartnershipKind
from partnerships.models import InterestRegistration, Partnership, Story
from partnerships.sitemaps import SITEMAPS
from staff.roles import ALL, COMMUNICATIONS, EDIT, PARTNERSHIPS_TEAM, Grant

# Lists a visitor can follow by email digest or feed.
registries.alert_kinds.register("partnerships", PartnershipKind())
registries.alert_kinds.register("seekers", PartnerSeekerKind())

# Site search (core.search).
registries.search_sources.register(
    "partnerships",
    SearchSource(
        key="partnerships",
        label=_("Municipal Partnerships"),
        queryset=lambda: Partnership.objects.published().select_related("country"),
        snippet="summary",
        more_url=lambda query: f"{reverse('partnerships:list')}?{query}",
    ),
)
registries.search_sources.register(
    "stories",
    SearchSource(
        key="stories",
        label=_("Stories"),
        queryset=lambda: Story.objects.published(),
        snippet="lead",
        more_url=lambda query: reverse("partnerships:story_list"),
    ),
)
registries.search_sources.register(
    "seekers",
    SearchSource(
        key="seekers",
        label=_("Partner seekers"),
        queryset=selectors.seeker_search_queryset,
        title="",
        snippet="description",
        display=lambda seeker: seeker.public_name(),
        more_url=lambda query: f"{reverse('partnerships:seeker_list')}?{query}",
    ),
)

# Beside a publication: partnerships on its themes and in its countries.
registries.related_work.register(
    "partnerships",
    RelatedSource(
        key="partnerships",
        label=_("Municipal partnership"),
        for_theme=selectors.partnerships_for_theme,
        for_country=selectors.partnerships_for_country,
    ),
)

for name, sitemap in SITEMAPS.items():
    registries.sitemaps.register(f"partnerships-{name}", sitemap)

# Only staff see these rows: saving them keeps the public page cache.
registries.private_models.register("partnerships.InterestRegistration")
registries.private_models.register("partnerships.RegistrationEvent")
registries.private_models.register("partnerships.Match")

# The admin start page.
register_waiting(
    key="partnerships.new_interest_registrations",
    label=_("New interest registrations"),
    model="partnerships.InterestRegistration",
    queryset=lambda: InterestRegistration.objects.filter(status=InterestRegistration.Status.NEW),
    filters={"status__exact": InterestRegistration.Status.NEW},
    order=10,
)

# Who may edit what in admin.
registries.staff_grants.register((PARTNERSHIPS_TEAM, "partnerships"), Grant("partnerships", ALL))
# Communications polish and publish the stories.
registries.staff_grants.register(
    (COMMUNICATIONS, "partnerships.Story"), Grant("partnerships.Story", EDIT)
)

# Personal data: registrations lose their personal fields 24 months after they are closed
# (ICLD_PARTNERSHIP_RETENTION_MONTHS); what remains is anonymous statistics.
DEFAULT_RETENTION_MONTHS = 24


def _registrations_past_retention(now):
    months = getattr(settings, "ICLD_PARTNERSHIP_RETENTION_MONTHS", DEFAULT_RETENTION_MONTHS)
    cutoff = now - timedelta(days=round(months * 365.25 / 12))
    return InterestRegistration.objects.not_anonymised().filter(
        status=InterestRegistration.Status.CLOSED, closed_at__lte=cutoff
    )


declare(
    PersonalData(
        model="partnerships.InterestRegistration",
        kind=_("Interest registrations for a municipal partnership"),
        fields=(
            "organisation",
            "contact_name",
            "role",
            "email",
            "phone",
            "message",
            "countries",
            "themes",
            "language",
            "status",
            "internal_notes",
            "created_at",
            "consented_at",
        ),
        erase=services.registrations_erase,
        retention=Retention(
            period=_(
                "The personal details are removed 24 months after the case is closed; only "
                "anonymous statistics (organisation, countries, themes, dates) remain."
            ),
            due=_registrations_past_retention,
        ),
        ordering=10,
    )
)
declare(
    PersonalData(
        model="partnerships.PartnerSeeker",
        kind=_("Contact persons of partner seekers"),
        fields=("contact_name", "contact_email"),
        email_fields=("contact_email",),
        erase=services.seekers_erase_contact,
        retention=Retention(
            period=_(
                "While the local government looks for a Swedish partner; the partnership team "
                "removes the contact when it has found one or withdraws."
            )
        ),
        ordering=11,
    )
)
