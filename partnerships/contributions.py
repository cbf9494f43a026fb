"""What municipal partnerships add to the portal's shared features (see core.registries)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import registries
from core.related import RelatedSource
from core.search import SearchSource, stored_vector, weighted_vector
from core.waiting import register_waiting
from partnerships import selectors
from partnerships.list_kinds import PartnerSeekerKind, PartnershipKind
from partnerships.models import InterestRegistration, Partnership, Story
from partnerships.sitemaps import SITEMAPS
from staff.roles import ALL, COMMUNICATIONS, EDIT, PARTNERSHIPS_TEAM, Grant

# Lists a visitor can follow by email digest or feed.
registries.alert_kinds.register("partnerships", PartnershipKind())
registries.alert_kinds.register("seekers", PartnerSeekerKind())

# Site search.
registries.search_sources.register(
    "partnerships",
    SearchSource(
        key="partnerships",
        label=_("Municipal partnerships"),
        queryset=lambda: Partnership.objects.published().select_related("country"),
        vector=stored_vector,
        bilingual_vector=True,
        more_url=lambda query: f"{reverse('partnerships:list')}?{query}",
    ),
)
registries.search_sources.register(
    "stories",
    SearchSource(
        key="stories",
        label=_("Stories"),
        queryset=lambda: Story.objects.published(),
        vector=lambda language: weighted_vector(language, "title", "lead", "body"),
        more_url=lambda query: reverse("partnerships:story_list"),
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
