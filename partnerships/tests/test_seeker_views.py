"""The public list of partner seekers: only what they agreed to show."""

from __future__ import annotations

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerships.models import PartnerSeeker
from partnerships.tests import factories
from partnerships.tests.helpers import ANY_TEXT, count_queries, url


def test_public_list_shows_only_open_listed_seekers_and_never_contact_details(client):
    shown = factories.seeker()
    hidden = factories.seeker(listing=False)
    matched = factories.seeker(status=PartnerSeeker.Status.MATCHED)
    anonymous = factories.seeker(show_name=False, country="UG")
    response = client.get(url("seeker_list"))
    text = response.content.decode()
    assert shown.organisation.name in text
    assert hidden.organisation.name not in text and matched.organisation.name not in text
    assert anonymous.organisation.name not in text
    assert "Uganda" in text
    assert "Private Person" not in text and "@partner.example" not in text


def test_interested_link_only_for_seekers_that_agreed_to_contact(client):
    yes = factories.seeker()
    no = factories.seeker(contact=False)
    text = client.get(url("seeker_list")).content.decode()
    assert f"?seeker={yes.slug}" in text
    assert f"?seeker={no.slug}" not in text


def test_seeker_list_filters_and_ignores_bad_values(client):
    kenya = factories.seeker(country="KE", themes=("gender-equality",))
    zambia = factories.seeker(country="ZM", themes=("education",))
    text = client.get(url("seeker_list"), {"country": "kenya"}).content.decode()
    assert kenya.organisation.name in text and zambia.organisation.name not in text
    text = client.get(url("seeker_list"), {"theme": "education"}).content.decode()
    assert zambia.organisation.name in text and kenya.organisation.name not in text
    for params in (
        {"country": "x" * 5000},
        {"theme": "\x00"},
        {"page": "abc"},
        {"page": "99999"},
        {"country[]": "1"},
    ):
        response = client.get(url("seeker_list"), params)
        assert response.status_code == 200


def test_seeker_list_query_count_is_fixed(client, django_assert_num_queries):
    factories.seeker()
    small = count_queries(client, url("seeker_list"))
    for _index in range(8):
        factories.seeker(country="ZM", themes=("education", "gender-equality"))
    with django_assert_num_queries(small):
        response = client.get(url("seeker_list"))
    assert len(response.context["page_obj"].object_list) == 9


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=st.dictionaries(st.sampled_from(["seeker", "country", "theme", "page"]), ANY_TEXT))
def test_generated_query_strings_never_give_a_server_error(params):
    client = Client(raise_request_exception=False)
    assert client.get(url("seeker_list"), params).status_code == 200
