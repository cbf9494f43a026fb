import re

import pytest

from core.models import OutboxMessage
from programmes.models import HostingOffer
from programmes.tests.conftest import url
from programmes.tests.test_forms_hosting import valid_data

pytestmark = pytest.mark.django_db


def test_offer_form_saves_once_and_confirms(client, frozen_now):
    data = valid_data(submission_token="0e6c3f3c-6d1c-4b53-8d9e-5b1c2a3d4e5f")
    response = client.post(url("hosting_offer"), data)
    assert response.status_code == 302
    assert response["Location"] == url("hosting_offer_thanks")
    again = client.post(url("hosting_offer"), data)  # the browser resends the same form
    assert again.status_code == 302
    assert HostingOffer.objects.count() == 1
    offer = HostingOffer.objects.get()
    assert offer.language == "en"
    assert OutboxMessage.objects.count() == 2
    thanks = client.get(url("hosting_offer_thanks")).text
    assert "Vara Municipality" in thanks and "1–30 September 2027" in thanks


def test_offer_form_errors_keep_the_input_in_the_visitors_language(client, frozen_now):
    data = valid_data(
        consent=None, contact_name="Örjan Öberg", **{"periods-0-ends_on": "2027-08-01"}
    )
    response = client.post(url("hosting_offer", "sv"), data)
    assert response.status_code == 200
    text = response.text
    assert "Vi behöver ditt samtycke" in text
    assert (
        '<a href="#id_periods-0-ends_on">Period 1, till: Slutdatumet kan inte vara före '
        "startdatumet.</a>" in text
    )
    assert text.count("Slutdatumet kan inte vara före startdatumet.") == 2  # summary, input
    assert "alert-danger" not in text
    assert 'value="Örjan Öberg"' in text and 'value="2027-08-01"' in text
    assert HostingOffer.objects.count() == 0


def test_add_period_without_javascript_keeps_the_input_and_shows_no_errors(client, frozen_now):
    data = valid_data(add_period="1", contact_name="Anna", email="not checked yet")
    response = client.post(url("hosting_offer"), data)
    assert response.status_code == 200
    text = response.text
    assert "error-summary" not in text
    assert 'name="periods-1-starts_on"' in text and "autofocus" in text
    assert 'value="2027-09-01"' in text and 'value="not checked yet"' in text
    assert 'name="periods-TOTAL_FORMS" value="2"' in text
    assert HostingOffer.objects.count() == 0


def test_remove_period_and_forged_remove_values(client, frozen_now):
    data = valid_data(
        **{
            "periods-TOTAL_FORMS": "2",
            "periods-1-starts_on": "2027-11-01",
            "periods-1-ends_on": "2027-11-05",
            "remove_period": "0",
        }
    )
    text = client.post(url("hosting_offer"), data).text
    assert 'value="2027-11-01"' in text and 'value="2027-09-01"' not in text
    for forged in ("x", "-5", "999"):
        response = client.post(url("hosting_offer"), {**data, "remove_period": forged})
        assert response.status_code == 200


@pytest.mark.parametrize(
    "tampering",
    [
        {"periods-TOTAL_FORMS": "abc"},
        {"periods-TOTAL_FORMS": "100000"},
        {"periods-TOTAL_FORMS": None},
        {"organisation": "99999999"},
        {"capacity": "1e9"},
        {"themes": ["abc"]},
        {"programmes": ["999999"]},
        {"submission_token": "not-a-uuid"},
        {"email": "a@" + "b" * 300 + ".se"},
        {"message": "\x00\x01 hello"},
    ],
)
def test_tampered_posts_never_give_a_server_error(client, frozen_now, tampering):
    response = client.post(url("hosting_offer"), valid_data(**tampering))
    assert response.status_code in (200, 302)


def test_honeypot_saves_nothing_but_looks_like_success(client, frozen_now):
    response = client.post(url("hosting_offer"), valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert HostingOffer.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_rate_limit_keeps_the_input(client, frozen_now, settings):
    settings.ICLD_FORM_RATE_LIMIT = 1
    client.post(url("hosting_offer"), valid_data())
    response = client.post(url("hosting_offer"), valid_data(contact_name="Second try"))
    assert response.status_code == 429
    assert 'value="Second try"' in response.text


@pytest.fixture
def no_rate_limit(settings):
    settings.ICLD_FORM_RATE_LIMIT = 10_000


def test_any_post_to_the_offer_form_gets_a_page_never_a_server_error(
    client, frozen_now, no_rate_limit
):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from programmes.tests.test_forms_hosting import FIELDS, field_values, to_querydict

    buttons = st.sampled_from(
        [{}, {"add_period": "1"}, {"remove_period": "0"}, {"remove_period": "x"}]
    )

    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=8), buttons)
    def post(data, button):
        response = client.post(url("hosting_offer"), to_querydict({**data, **button}))
        assert response.status_code in (200, 302)

    post()


def test_offer_form_summary_links_every_error_to_an_element_that_exists(client, frozen_now):
    data = valid_data(
        themes=None,
        accessibility=None,
        hosting_kinds=None,
        **{"periods-0-starts_on": "", "periods-0-ends_on": ""},
    )
    for language in ("sv", "en"):
        text = client.post(url("hosting_offer", language), data).text
        summary = text.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
        anchors = re.findall(r'href="#([^"]+)"', summary)
        assert {"id_themes_0", "id_accessibility_0", "id_hosting_kinds_0"} <= set(anchors)
        assert "id_periods-0-starts_on" in anchors
        for anchor in anchors:
            assert f'id="{anchor}"' in text, anchor
        # The groups are described by their error messages.
        for name in ("themes", "accessibility", "hosting_kinds"):
            assert re.search(rf'<fieldset aria-describedby="[^"]*id_{name}_error', text), name
        assert "Please submit at least" not in text and "Skicka minst" not in text
        assert 'class="required-note"' in text  # what "*" means, said at the top


def test_no_period_is_one_error_described_on_the_periods_group(client, frozen_now):
    data = valid_data(**{"periods-0-starts_on": "", "periods-0-ends_on": ""})
    text = client.post(url("hosting_offer"), data).text
    periods = text.split('id="periods"', 1)[1].split("</fieldset>\n</fieldset>", 1)[0]
    assert 'aria-describedby="periods_help periods_error"' in text
    assert '<p class="errorlist" id="periods_error">Give at least one period' in periods
    assert "This field is required." not in periods
    assert text.count("Give at least one period when you can host.") == 2  # summary, group
