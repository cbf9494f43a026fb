"""The names a partnership and a seeker are found by follow the reference data: staff rename
an organisation, a country, a county, a theme or a network, and the lists find the new name
and no longer the old one (the names are copied onto the rows at save, for the index)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.models import Network
from partnerships.tests import factories
from partnerships.tests.helpers import url
from reference.models import Country, County, Theme

pytestmark = pytest.mark.django_db


def found_partnerships(client, text: str, language: str = "sv") -> str:
    return client.get(url("list", language), {"q": text}).content.decode()


def found_seekers(client, text: str, language: str = "en") -> str:
    return client.get(url("seeker_list", language), {"q": text}).content.decode()


def test_a_renamed_organisation_is_found_by_its_new_name_only(client):
    partner = factories.foreign_organisation("KE", name="Oldtown")
    partnership = factories.partnership(country="KE", partners=[partner], title_en="Water works")
    seeker = factories.seeker(country="KE", organisation=factories.foreign_organisation("KE"))
    seeker.organisation.short_name = "Seekerville"
    seeker.organisation.save()
    partner.short_name, partner.name_sv, partner.name_en = "Kisii", "Kisii stad", "Kisii Town"
    partner.save()

    assert partnership.get_absolute_url() in found_partnerships(client, "Kisii")
    assert partnership.get_absolute_url() not in found_partnerships(client, "Oldtown")
    assert f"seeker-{seeker.slug}" in found_seekers(client, "Seekerville")


def test_a_renamed_country_or_county_is_found_in_both_languages(client):
    partnership = factories.partnership(country="KE")
    seeker = factories.seeker(country="KE")
    kenya = Country.objects.get(code="KE")
    kenya.name_sv, kenya.name_en = "Kenyarepubliken", "Republic of Kenya"
    kenya.save()
    county = County.objects.get(organisations__slug="vara")
    county.name_sv = "Skaraborgs län"
    county.save()

    link = f"/{partnership.slug}/"
    assert link in found_partnerships(client, "Kenyarepubliken", "sv")
    assert link in found_partnerships(client, "Republic of Kenya", "en")
    assert link in found_partnerships(client, "Skaraborgs")
    assert f"seeker-{seeker.slug}" in found_seekers(client, "Kenyarepubliken", "sv")


def test_a_renamed_or_deleted_theme_or_network_follows(client):
    network = Network.objects.create(slug="lake-net", name_sv="Sjönätet", name_en="Lake Net")
    theme = Theme.objects.create(slug="snow", name_sv="Snöröjning", name_en="Snow clearing")
    partnership = factories.partnership(country="KE", themes=("snow",), network=network)
    link = partnership.get_absolute_url()
    assert link in found_partnerships(client, "Snöröjning")

    network.name_sv = "Insjönätet"
    network.save()
    assert link in found_partnerships(client, "Insjönätet")
    assert link not in found_partnerships(client, "Sjönätet")

    theme.delete()
    network.delete()
    assert link not in found_partnerships(client, "Snöröjning")
    assert link not in found_partnerships(client, "Insjönätet")
    assert link in found_partnerships(client, "Vara")  # the rest of its names are kept


def test_saving_a_country_unchanged_writes_no_partnership_and_reads_them_at_once():
    for _ in range(3):
        factories.partnership(country="KE")
    kenya = Country.objects.get(code="KE")
    with CaptureQueriesContext(connection) as queries:
        kenya.save()
    partnership_queries = [q["sql"] for q in queries if "partnerships_" in q["sql"]]
    written = 'UPDATE "partnerships_partnership"'
    assert not [sql for sql in partnership_queries if sql.startswith(written)]
    # The partnerships naming it, then one query per prefetched relation, for any number.
    assert len(partnership_queries) <= 7


def test_staff_renaming_an_organisation_in_admin_is_found_by_the_new_name(client, staff_client):
    partner = factories.foreign_organisation("KE", name="Oldtown")
    partnership = factories.partnership(country="KE", partners=[partner])
    response = staff_client.post(
        reverse("admin:reference_organisation_change", args=[partner.pk]),
        {
            "kind": partner.kind,
            "short_name": "Kakamega",
            "name_sv": "Kakamega county",
            "name_en": "Kakamega County",
            "slug": partner.slug,
            "country": "KE",
            "county": "",
            "code": "",
            "website": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    for language in ("sv", "en"):
        page = found_partnerships(client, "Kakamega", language)
        assert f"/{partnership.slug}/" in page
        assert f"/{partnership.slug}/" not in found_partnerships(client, "Oldtown", language)
