"""Browser journeys and accessibility scans of the training programme pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e import staff
from tests.e2e.harness import assert_accessible

PAGES = {
    "sv": [
        "/sv/utbildningsprogram/",
        "/sv/utbildningsprogram/?country=kenya&open=on",
        "/sv/utbildningsprogram/womens-political-leadership/",
        "/sv/utbildningsprogram/local-governance-rights-based-approach/",
        "/sv/utbildningsprogram/sta-vard-for-studiebesok/",
        "/sv/utbildningsprogram/sta-vard-for-studiebesok/erbjudande/",
        "/sv/utbildningsprogram/sta-vard-for-studiebesok/erbjudande/tack/",
        "/sv/utbildningsprogram/vara-vardar/",
    ],
    "en": [
        "/en/training-programmes/",
        "/en/training-programmes/?theme=human-rights",
        "/en/training-programmes/womens-political-leadership/",
        "/en/training-programmes/symbiocity-urban-development/",
        "/en/training-programmes/host-a-study-visit/",
        "/en/training-programmes/host-a-study-visit/offer/",
        "/en/training-programmes/host-a-study-visit/offer/thanks/",
        "/en/training-programmes/our-hosts/",
    ],
}
OFFER = {
    "sv": "/sv/utbildningsprogram/sta-vard-for-studiebesok/erbjudande/",
    "en": "/en/training-programmes/host-a-study-visit/offer/",
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_programme_pages_have_no_accessibility_violations(portal, page, language):
    for path in PAGES[language]:
        response = page.goto(portal.url(path))
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, path)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_offer_form_error_state_is_accessible_and_keeps_input(portal, page, language):
    page.goto(portal.url(OFFER[language]))
    page.locator("#id_contact_name").fill("Eva Ek")
    page.locator("#id_periods-0-starts_on").fill("2020-01-01")
    page.locator("#id_periods-0-ends_on").fill("2020-01-05")
    page.locator("form.offer-form [name=send]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert summary.evaluate("el => el === document.activeElement")
    assert page.locator("#id_contact_name").input_value() == "Eva Ek"
    assert page.locator("#id_periods-0-starts_on").input_value() == "2020-01-01"
    assert page.locator("#id_periods-0-starts_on").get_attribute("aria-invalid") == "true"
    assert_accessible(page, f"{OFFER[language]} with errors")


def test_municipality_officer_offers_to_host_in_english_with_two_periods(portal, page):
    page.goto(portal.url("/en/training-programmes/"))
    page.get_by_role("link", name="What hosting involves").click()
    page.get_by_role("link", name="Offer to host").first.click()
    assert page.locator("h1").inner_text() == "Offer to host a study visit"

    page.get_by_label("Municipality or region").select_option(label="Örebro Municipality")
    page.get_by_label("Contact person").fill("Lena Holm")
    page.get_by_label("Role or department").fill("International coordinator")
    page.get_by_label("Email").fill("lena.holm@orebro.example")
    page.get_by_label("Phone").fill("019-21 10 00")
    page.get_by_label("Group study visit").check()
    page.get_by_label("Two-day placement").check()
    page.get_by_label("Human rights").check()
    page.get_by_label("Other expertise or services you would like to show").fill(
        "Our human rights office and the youth council."
    )
    page.get_by_label("Local Governance with a Rights Based Approach").check()
    page.get_by_label("How many visitors can you receive at the same time?").fill("30")
    page.get_by_label("English").check()
    page.get_by_label("Step-free throughout, with an accessible toilet").check()

    page.locator("#id_periods-0-starts_on").fill("2027-09-06")
    page.locator("#id_periods-0-ends_on").fill("2027-09-17")
    page.get_by_role("button", name="Add another period").click()
    second_start = page.locator("#id_periods-1-starts_on")
    expect(second_start).to_be_visible()
    assert second_start.evaluate("el => el === document.activeElement")
    assert page.locator("#id_periods-0-starts_on").input_value() == "2027-09-06"
    assert page.locator("#id_contact_name").input_value() == "Lena Holm"
    second_start.fill("2027-10-04")
    page.locator("#id_periods-1-ends_on").fill("2027-10-08")

    page.get_by_label("After a visit, ICLD may name us on the “Our hosts” page").check()
    page.get_by_label(re.compile("I agree that ICLD stores these details")).check()
    page.locator("form.offer-form [name=send]").click()

    page.wait_for_url(re.compile(r"/en/training-programmes/host-a-study-visit/offer/thanks/$"))
    assert page.locator("h1").inner_text() == "Thank you for your offer"
    assert "6–17 September 2027" in page.content() and "4–8 October 2027" in page.content()
    assert_accessible(page, "offer thanks page")

    rows = portal.query(
        "SELECT o.id, o.language, o.capacity, o.may_be_listed, count(p.id) "
        "FROM programmes_hostingoffer o JOIN programmes_hostingperiod p ON p.offer_id = o.id "
        "WHERE o.email = %s GROUP BY o.id",
        ("lena.holm@orebro.example",),
    )
    assert len(rows) == 1
    assert rows[0][1:] == ("en", 30, True, 2)
    confirmation = portal.wait_for_email("lena.holm@orebro.example")
    assert "Thank you for offering to host" in confirmation
    notification = portal.wait_for_email("To: itp@icld.se")  # the programme team, in Swedish
    assert "lena.holm@orebro.example" in notification


def test_add_period_works_without_javascript(portal, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(portal.url(OFFER["en"]))
        page.locator("#id_contact_name").fill("No Script")
        page.locator("#id_periods-0-starts_on").fill("2027-09-06")
        page.get_by_role("button", name="Add another period").click()
        expect(page.locator("#id_periods-1-starts_on")).to_be_visible()
        assert page.locator("#id_contact_name").input_value() == "No Script"
        assert page.locator("#id_periods-0-starts_on").input_value() == "2027-09-06"
        assert page.locator(".error-summary").count() == 0
    finally:
        context.close()


def test_programme_pages_fit_a_320_pixel_screen(portal, phone_page):
    for path in (
        "/sv/utbildningsprogram/",
        "/en/training-programmes/womens-political-leadership/",
        OFFER["sv"],
        "/en/training-programmes/our-hosts/",
    ):
        phone_page.goto(portal.url(path))
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320 px"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_offer_form_error_summary_links_reach_every_input(portal, page, language):
    """Each error is listed once and its link moves focus to a real input (groups too)."""
    page.goto(portal.url(OFFER[language]))
    page.locator("form.offer-form [name=send]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    text = summary.inner_text()
    assert "Please submit" not in text
    assert ("Ange minst en period" if language == "sv" else "Give at least one period") in text
    links = summary.locator("a")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "#id_themes_0" in targets and "#id_accessibility_0" in targets
    assert "#id_periods-0-starts_on" in targets
    for target in targets:
        assert page.locator(target).count() == 1, target
    # No second, unstyled list of the same errors inside the form.
    assert page.locator("form.offer-form .alert-danger").count() == 0
    for target in ("#id_themes_0", "#id_accessibility_0", "#id_periods-0-starts_on"):
        summary.locator(f'a[href="{target}"]').click()
        expect(page.locator(target)).to_be_focused()
    group = page.locator("#id_themes_0").locator("xpath=ancestor::fieldset[1]")
    assert "id_themes_error" in group.get_attribute("aria-describedby")
    assert_accessible(page, f"{OFFER[language]} with every error")


STAFF_KEY = bytes(range(61, 81))


@pytest.fixture(scope="module")
def coordinators(portal):
    """Programme coordinators whose authenticator app the test knows, one per language (a code
    is accepted once, so two sign-ins in the same 30 seconds need two accounts)."""
    return {language: _coordinator(portal, f"e2e-coordinator-{language}") for language in LANGS}


LANGS = ("sv", "en")


def _coordinator(portal, username):
    return staff.create_account(
        portal,
        username,
        email=f"{username}@icld.se",
        options=("--group", "Programmes team"),
        key=STAFF_KEY,
    )


def _sign_in(page, portal, username):
    staff.sign_in(page, portal, username, STAFF_KEY)


@pytest.mark.parametrize(("language", "width"), [("sv", 1280), ("en", 375)])
def test_coordinator_sees_the_phase_in_sweden_of_an_intake(
    portal, browser, coordinators, language, width
):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="sv-SE" if language == "sv" else "en-GB"
    )
    page = context.new_page()
    try:
        _sign_in(page, portal, coordinators[language])
        [(intake_id,)] = portal.query(
            "SELECT i.id FROM programmes_intake i JOIN programmes_programme p "
            "ON p.id = i.programme_id WHERE p.slug = %s AND i.starts_on = %s",
            ("local-governance-rights-based-approach", "2025-03-10"),
        )
        page.goto(portal.url(f"/admin/programmes/intake/{intake_id}/change/"))
        name = "Besök under fasen i Sverige" if language == "sv" else "Visits during the phase"
        page.get_by_role("link", name=re.compile(name)).first.click()
        week = page.locator("#content-main table caption").first
        expect(week).to_be_visible()
        assert week.inner_text().startswith("Vecka 39" if language == "sv" else "Week 39")
        content = page.locator("#content-main").inner_text()
        assert "Örebro" in content and "Hörby" in content
        assert page.locator("svg[role=img] title").count() == 1
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the phase page scrolls sideways at {width} px"
        assert_accessible(page, f"intake's phase in Sweden ({language}, {width} px)")
    finally:
        context.close()
