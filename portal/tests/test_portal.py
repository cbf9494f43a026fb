"""Three apps, one portal: the home page, organisation/country/theme pages and site search."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.models import Event
from partnerships.models import Partnership
from reference.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, seeded once for this module and rolled back after its last test.

    Seeding takes seconds; each test still runs in a savepoint of its own inside this
    transaction, so what one test changes is undone before the next.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", allow_production=True, stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_home_page_figures_come_from_the_database(client, demo):
    html = client.get("/en/").content.decode()
    active = Partnership.objects.published().filter(status="active")
    engaged = Organisation.objects.filter(swedish_partnerships__in=active).distinct().count()
    assert f"<dd>{engaged}</dd>" in html
    assert f"<dd>{active.count()}</dd>" in html
    assert f"<dd>{active.values('country').distinct().count()}</dd>" in html
    assert f"<dd>{Event.objects.upcoming().count()}</dd>" in html
    # A new active partnership shows up at once: nothing on the page is hard-coded.
    for partnership in Partnership.objects.filter(status="completed"):
        partnership.status = "active"
        partnership.save()
    html = client.get("/en/").content.decode()
    assert f"<dd>{Partnership.objects.published().filter(status='active').count()}</dd>" in html


def test_home_page_shows_latest_stories_upcoming_events_and_open_calls(client, demo):
    html = client.get("/sv/").content.decode()
    assert "Berättelser från partnerskapen" in html or "Stories from the partnerships" in html
    event = Event.objects.upcoming().first()
    assert event.title_sv in html


def test_an_organisation_page_gathers_all_its_involvement(client, demo):
    vara = Organisation.objects.get(slug="vara")
    html = client.get("/en/organisations/vara/").content.decode()
    for partnership in Partnership.objects.published().filter(swedish_organisations=vara):
        assert partnership.title_en in html


def test_a_country_page_gathers_partnerships_programmes_research_and_events(client, demo):
    html = client.get("/en/countries/kenya/").content.decode()
    assert "Municipal Partnerships" in html
    kenyan = Partnership.objects.published().filter(country_id="KE").first()
    assert kenyan.title_en in html


def test_a_theme_page_gathers_the_portal(client, demo):
    from reference.models import Theme

    theme = (
        Theme.objects.annotate(n=Count("partnerships", filter=Q(partnerships__is_published=True)))
        .order_by("-n")
        .first()
    )
    html = client.get(f"/sv/teman/{theme.slug}/").content.decode()
    assert theme.name_sv in html
    assert "Kommunala partnerskap" in html


def test_site_search_groups_ranked_results_by_kind_in_the_visitors_language(client, demo):
    html = client.get("/en/search/", {"q": "left-behind children"}).content.decode()
    # The title, with what matched marked.
    assert (
        "Vara and Huangshan: helping <mark>left</mark>-<mark>behind</mark> <mark>children</mark>"
        in html
    )
    assert html.index("Municipal Partnerships") < html.index("Stories")
    swedish = client.get("/sv/sok/", {"q": "barn"}).content.decode()
    assert "Vara och Huangshan" in swedish


def test_site_search_stems_swedish_words(client, demo):
    # "barnen" (the children) finds texts that say "barn".
    assert "Vara och Huangshan" in client.get("/sv/sok/", {"q": "barnen"}).content.decode()


def test_site_search_with_no_hits_offers_a_way_on(client, demo):
    html = client.get("/en/search/", {"q": "qwxzy"}).content.decode()
    assert "Nothing matched your search" in html


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=500))
def test_no_search_text_breaks_the_search_page(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
