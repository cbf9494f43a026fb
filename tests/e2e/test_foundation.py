"""Browser journeys and accessibility scans of the pages every section shares."""

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import assert_accessible

SHARED_PAGES = {
    "sv": [
        "/sv/",
        "/sv/kommunala-partnerskap/",
        "/sv/utbildningsprogram/",
        "/sv/kunskapscentrum/",
        "/sv/organisationer/vara/",
        "/sv/lander/kenya/",
        "/sv/om-icld/",
        "/sv/kontakt/",
        "/sv/personuppgifter/",
        "/sv/tillganglighet/",
        "/sv/finns-inte/",
        "/sv/teman/gender-equality/",
        "/sv/sok/?q=barn",
        "/sv/sok/?q=qwxzy",
        "/sv/tillganglighet/rapportera/",
    ],
    "en": [
        "/en/",
        "/en/municipal-partnerships/",
        "/en/training-programmes/",
        "/en/knowledge-centre/",
        "/en/organisations/vara/",
        "/en/countries/kenya/",
        "/en/about/",
        "/en/contact/",
        "/en/privacy/",
        "/en/accessibility/",
        "/en/no-such-page/",
        "/en/themes/gender-equality/",
        "/en/search/?q=children",
        "/en/search/?q=qwxzy",
        "/en/accessibility/report/",
    ],
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


@pytest.mark.parametrize(
    ("language", "path", "button", "thanks"),
    [
        ("sv", "/sv/tillganglighet/rapportera/", "Skicka", "Tack för din rapport"),
        ("en", "/en/accessibility/report/", "Send", "Thank you for your report"),
    ],
)
def test_reporting_an_accessibility_problem(portal, page, language, path, button, thanks):
    page.goto(portal.url(path))
    page.get_by_role("button", name=button).click()
    # The error state: a summary that takes focus, links to each field, input kept.
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert summary.evaluate("el => el === document.activeElement")
    assert_accessible(page, f"{path} with errors")
    description = f"Kartan går inte att använda med tangentbord ({language})"
    page.locator("#id_description").fill(description)
    page.locator("#id_email").fill(f"anmalare-{language}@example.se")
    page.locator("#id_consent").check()
    page.get_by_role("button", name=button).click()
    expect(page.locator("h1")).to_have_text(thanks)
    assert_accessible(page, f"{path} confirmation")
    assert portal.query(
        "SELECT count(*) FROM core_accessibilityreport WHERE description = %s", (description,)
    ) == [(1,)]
    portal.wait_for_email(f"anmalare-{language}@example.se")


def test_the_header_search_finds_vara_and_huangshan(portal, page):
    page.goto(portal.url("/en/"))
    page.get_by_role("searchbox", name="Search the portal").fill("left-behind children")
    page.get_by_role("button", name="Search", exact=True).first.click()
    assert "/en/search/?q=left-behind+children" in page.url
    page.get_by_role("link", name="Vara and Huangshan: helping left-behind children").click()
    assert page.locator("h1").inner_text() == "Vara and Huangshan: helping left-behind children"


@pytest.mark.parametrize(
    ("language", "menu", "link"),
    [("sv", "Meny", "Kunskapscentrum"), ("en", "Menu", "Knowledge Centre")],
)
def test_on_a_phone_the_menu_folds_away_and_opens_without_javascript(
    portal, browser, language, menu, link
):
    for javascript in (False, True):
        context = browser.new_context(
            viewport={"width": 320, "height": 640}, is_mobile=True, java_script_enabled=javascript
        )
        page = context.new_page()
        page.goto(portal.url(f"/{language}/"))
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 80, f"the header takes {header['height']} px"
        nav_link = page.locator(".site-header").get_by_role("link", name=link, exact=True)
        expect(nav_link).to_be_hidden()
        page.locator("summary", has_text=menu).click()
        expect(nav_link).to_be_visible()
        expect(page.locator(".site-header").get_by_role("searchbox")).to_be_visible()
        if javascript:
            assert_accessible(page, f"/{language}/ with the phone menu open")
        nav_link.click()
        expect(page.locator("h1")).to_have_text(link)
        context.close()


def test_wide_screens_show_the_menu_and_search_without_a_disclosure(portal, page):
    page.goto(portal.url("/sv/"))
    expect(page.locator("summary", has_text="Meny")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Kunskapscentrum")
    ).to_be_visible()
    # Three cards on a wide screen fill the row: no empty fourth column.
    widths = page.locator(".cards").first.evaluate(
        "list => [list, ...list.children].map(element => element.getBoundingClientRect().width)"
    )
    row, *cards = widths
    if len(cards) == 3:
        assert sum(cards) > row * 0.9


def test_a_printed_page_carries_the_sites_name_and_its_address(portal, page):
    page.goto(portal.url("/sv/kommunala-partnerskap/?phase=active"))
    header = page.locator(".print-header")
    expect(header).to_be_hidden()
    page.emulate_media(media="print")
    expect(header).to_be_visible()
    assert "ICLD" in header.inner_text()
    assert "/sv/kommunala-partnerskap/?phase=active" in header.inner_text()
