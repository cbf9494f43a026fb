"""Browser journeys and accessibility scans of the pages every section shares."""

import pytest

from tests.e2e.harness import assert_accessible

SHARED_PAGES = {
    "sv": ["/sv/", "/sv/kommunala-partnerskap/", "/sv/utbildningsprogram/", "/sv/kunskapscentrum/",
           "/sv/organisationer/vara/", "/sv/lander/kenya/", "/sv/om-icld/", "/sv/kontakt/",
           "/sv/personuppgifter/", "/sv/tillganglighet/", "/sv/finns-inte/"],
    "en": ["/en/", "/en/municipal-partnerships/", "/en/training-programmes/", "/en/knowledge-centre/",
           "/en/organisations/vara/", "/en/countries/kenya/", "/en/about/", "/en/contact/",
           "/en/privacy/", "/en/accessibility/", "/en/no-such-page/"],
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_shared_pages_have_no_accessibility_violations(portal, page, language):
    for path in SHARED_PAGES[language]:
        response = page.goto(portal.url(path))
        assert response.status in (200, 404), path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, path)


def test_language_switcher_keeps_the_visitor_on_the_same_nested_page(portal, page):
    page.goto(portal.url("/sv/organisationer/vara/"))
    assert page.locator("h1").inner_text() == "Vara kommun"
    page.get_by_role("link", name="In English").click()
    assert page.url == portal.url("/en/organisations/vara/")
    assert page.locator("h1").inner_text() == "Vara Municipality"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="På svenska").click()
    assert page.url == portal.url("/sv/organisationer/vara/")


def test_skip_link_moves_focus_to_the_main_content(portal, page):
    page.goto(portal.url("/en/"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_fit_a_320_pixel_screen(portal, phone_page):
    for path in ("/sv/", "/en/privacy/"):
        phone_page.goto(portal.url(path))
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320 px"
