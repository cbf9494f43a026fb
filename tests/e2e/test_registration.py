"""Browser journeys for issue 4: partner seekers, interest registration and its confirmation."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import assert_accessible

SEEKERS = {
    "sv": "/sv/kommunala-partnerskap/partner-som-soker/",
    "en": "/en/municipal-partnerships/partner-seekers/",
}
FORM = {
    "sv": "/sv/kommunala-partnerskap/anmal-intresse/",
    "en": "/en/municipal-partnerships/register-interest/",
}
THANKS = {
    "sv": "/sv/kommunala-partnerskap/anmal-intresse/tack/",
    "en": "/en/municipal-partnerships/register-interest/thanks/",
}


def test_municipal_officer_finds_a_seeker_and_registers_interest_in_swedish(portal, page):
    page.goto(portal.url(SEEKERS["sv"]))
    assert page.locator("h1").inner_text() == "Partner som söker en svensk partner"
    # Seekers that did not agree to be listed are not shown, nor anyone's contact details.
    assert "Prizren" not in page.content() and "@kisumu.example" not in page.content()
    page.get_by_label("Land").select_option(label="Kenya")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"country=kenya"))
    page.get_by_role("link", name=re.compile("Vi är intresserade")).first.click()
    page.wait_for_url(re.compile(r"anmal-intresse/\?seeker=kisumu-climate-adaptation"))

    # The seeker, its country and themes are pre-selected.
    assert page.get_by_label("Kenya").is_checked()
    assert page.get_by_label("Miljö och klimat").is_checked()

    combobox = page.get_by_role("combobox", name="Kommun, region eller kommunalförbund")
    combobox.fill("vara")
    option = page.get_by_role("option", name=re.compile("^Vara kommun"))
    expect(option).to_be_visible()
    combobox.press("ArrowDown")
    assert combobox.get_attribute("aria-expanded") == "true"
    assert combobox.get_attribute("aria-activedescendant")
    option.click()
    assert combobox.input_value() == "Vara kommun"
    assert combobox.get_attribute("aria-expanded") == "false"

    page.get_by_label("Ditt namn").fill("Helena Torsell")
    page.get_by_label("Roll eller titel").fill("Internationell samordnare")
    page.get_by_label("E-post i tjänsten").fill("helena.torsell@vara-e2e.example")
    page.get_by_label("Meddelande (frivilligt)").fill("Kommunstyrelsen står bakom oss.")
    page.get_by_label("Jag godkänner att ICLD sparar uppgifterna").check()
    page.get_by_role("button", name="Anmäl intresse").click()

    page.wait_for_url(re.compile(re.escape(THANKS["sv"]) + "$"))
    assert page.locator("h1").inner_text() == "Tack för er intresseanmälan"
    main = page.locator("main").inner_text()
    assert "Våren 2027" in main and "15 februari 2027" in main
    assert_accessible(page, "confirmation sv after a registration")

    rows = portal.query(
        "SELECT r.contact_name, o.slug, s.slug, r.language FROM partnerships_interestregistration r"
        " JOIN reference_organisation o ON o.id = r.organisation_id"
        " JOIN partnerships_partnerseeker s ON s.id = r.seeker_id"
        " WHERE r.email = %s",
        ("helena.torsell@vara-e2e.example",),
    )
    assert rows == [("Helena Torsell", "vara", "kisumu-climate-adaptation", "sv")]
    receipt = portal.wait_for_email("helena.torsell@vara-e2e.example")
    assert "partnership@icld.se" in portal.wait_for_email("Reply-To: helena.torsell@vara-e2e")
    assert receipt


def test_registration_works_without_javascript(portal, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(portal.url(FORM["en"]))
        page.get_by_label("Municipality, region or municipal federation").select_option(
            label="Luleå Municipality"
        )
        page.get_by_label("Your name").fill("Johan Nojs")
        page.get_by_label("Role or title").fill("Strategist")
        page.get_by_label("Work email").fill("johan.nojs@lulea-e2e.example")
        page.get_by_label("Zambia").check()
        page.get_by_label("I agree that ICLD stores these details").check()
        page.get_by_role("button", name="Register interest").click()
        page.wait_for_url(re.compile(re.escape(THANKS["en"]) + "$"))
        assert portal.query(
            "SELECT count(*) FROM partnerships_interestregistration WHERE email = %s",
            ("johan.nojs@lulea-e2e.example",),
        ) == [(1,)]
    finally:
        context.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_seekers_form_and_confirmation_have_no_accessibility_violations(portal, page, language):
    for path in (
        SEEKERS[language],
        SEEKERS[language] + "?country=kenya&page=abc",
        FORM[language],
        FORM[language] + "?seeker=kisumu-climate-adaptation",
        THANKS[language],
    ):
        response = page.goto(portal.url(path))
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, path)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_form_error_state_is_accessible_and_keeps_input(portal, page, language):
    page.goto(portal.url(FORM[language]))
    page.locator("#id_contact_name").fill("Åsa Öberg")
    page.locator("#id_email").fill("not-an-email")
    page.locator("form.registration-form [name=send]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert page.locator("#id_contact_name").input_value() == "Åsa Öberg"
    assert page.locator("#id_email").input_value() == "not-an-email"
    expected = "Välj er kommun" if language == "sv" else "Choose your municipality"
    assert expected in summary.inner_text()
    assert_accessible(page, f"{FORM[language]} with errors")
    # The combobox, open with results, is accessible too.
    combobox = page.locator("#id_organisation")
    assert combobox.get_attribute("aria-required") == "true"
    combobox.fill("upp")
    expect(page.locator("[role=listbox]")).to_be_visible()
    assert_accessible(page, f"{FORM[language]} with the organisation list open")
