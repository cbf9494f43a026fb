"""Partnerships and networks in admin: the rules of the services hold there too."""

from django.urls import reverse

from partnerships.models import Partnership
from partnerships.tests import factories
from reference.models import Organisation


def test_admin_pages_load(staff_client):
    partnership = factories.partnership()
    for path in (
        reverse("admin:partnerships_partnership_changelist"),
        reverse("admin:partnerships_partnership_changelist") + "?q=Vara&status__exact=active",
        reverse("admin:partnerships_partnership_add"),
        reverse("admin:partnerships_partnership_change", args=[partnership.pk]),
        reverse("admin:partnerships_network_changelist"),
        reverse("admin:partnerships_network_add"),
    ):
        response = staff_client.get(path)
        assert response.status_code == 200, path
    change = staff_client.get(
        reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    ).text
    assert 'name="title_sv"' in change and 'name="title_en"' in change
    assert partnership.get_absolute_url() in change  # preview / view on site


def test_publish_and_unpublish_actions(staff_client):
    partnership = factories.partnership(publish=False)
    changelist = reverse("admin:partnerships_partnership_changelist")
    staff_client.post(changelist, {"action": "publish", "_selected_action": [partnership.pk]})
    partnership.refresh_from_db()
    assert partnership.is_published and partnership.published_at
    first = partnership.published_at
    staff_client.post(changelist, {"action": "unpublish", "_selected_action": [partnership.pk]})
    partnership.refresh_from_db()
    assert not partnership.is_published and partnership.published_at == first


def _form_data(**overrides):
    data = {
        "title_sv": "Nytt partnerskap",
        "title_en": "New partnership",
        "summary_sv": "Sammanfattning",
        "summary_en": "Summary",
        "goals_sv": "",
        "goals_en": "",
        "results_sv": "",
        "results_en": "",
        "country": "KE",
        "swedish_organisations": [Organisation.objects.get(slug="vara").pk],
        "partner_organisations": [factories.foreign_organisation("KE", name="Kisumu").pk],
        "themes": [],
        "phase": "project",
        "status": "active",
        "start_year": "2024",
        "end_year": "",
        "network": "",
        "reference_number": "",
        "is_published": "on",
        "slug": "nytt-partnerskap",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_admin_saves_a_valid_partnership_with_search_names_and_publication(staff_client):
    response = staff_client.post(reverse("admin:partnerships_partnership_add"), _form_data())
    assert response.status_code == 302
    partnership = Partnership.objects.get(slug="nytt-partnerskap")
    assert "Kisumu" in partnership.search_names
    assert partnership.published_at is not None


def test_admin_refuses_a_partner_from_another_country(staff_client):
    tanzanian = factories.foreign_organisation("TZ", name="Ngara")
    response = staff_client.post(
        reverse("admin:partnerships_partnership_add"),
        _form_data(partner_organisations=[tanzanian.pk]),
    )
    assert response.status_code == 200
    assert (
        "Ngara" in response.text
        and not Partnership.objects.filter(slug="nytt-partnerskap").exists()
    )


def test_organisation_autocomplete_finds_partner_organisations(staff_client):
    factories.foreign_organisation("CN", name="Huangshan")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Huang",
            "app_label": "partnerships",
            "model_name": "partnership",
            "field_name": "partner_organisations",
        },
    )
    assert [item["text"] for item in response.json()["results"]] == ["Huangshan stad"]
