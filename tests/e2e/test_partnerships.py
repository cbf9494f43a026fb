"""Browser journeys through the partnership database, and accessibility scans of every page type."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import assert_accessible

VARA_SV = "Vara och Huangshan: stöd till barn som lämnas kvar"
VARA_EN = "Vara and Huangshan: helping left-behind children"
DETAIL_SV = "/sv/kommunala-partnerskap/partnerskap/vara-huangshan-left-behind-children/"
DETAIL_EN = "/en/municipal-partnerships/partnerships/vara-huangshan-left-behind-children/"

PAGES = {
    "sv": [
        "/sv/kommunala-partnerskap/",
        "/sv/kommunala-partnerskap/partnerskap/",
        "/sv/kommunala-partnerskap/partnerskap/?q=klimat&status=active&sort=title",
        "/sv/kommunala-partnerskap/partnerskap/?q=finns-inte-alls&country=kenya",
        DETAIL_SV,
        "/sv/kommunala-partnerskap/lander/",
        "/sv/kommunala-partnerskap/lander/china/",
        "/sv/kommunala-partnerskap/organisationer/vara/",
        "/sv/kommunala-partnerskap/organisationer/huangshan/",
        "/sv/kommunala-partnerskap/teman/",
        "/sv/kommunala-partnerskap/teman/children-and-youth/",
        "/sv/kommunala-partnerskap/berattelser/",
        "/sv/kommunala-partnerskap/berattelser/helping-left-behind-children/",
        "/sv/kommunala-partnerskap/karta/sverige/",
        "/sv/kommunala-partnerskap/karta/varlden/",
    ],
    "en": [
        "/en/municipal-partnerships/",
        "/en/municipal-partnerships/partnerships/",
        "/en/municipal-partnerships/partnerships/?q=climate&status=active&sort=title",
        "/en/municipal-partnerships/partnerships/?q=nothing-at-all&country=kenya",
        DETAIL_EN,
        "/en/municipal-partnerships/countries/",
        "/en/municipal-partnerships/countries/china/",
        "/en/municipal-partnerships/organisations/vara/",
        "/en/municipal-partnerships/organisations/huangshan/",
        "/en/municipal-partnerships/themes/",
        "/en/municipal-partnerships/themes/children-and-youth/",
        "/en/municipal-partnerships/stories/",
        "/en/municipal-partnerships/stories/helping-left-behind-children/",
        "/en/municipal-partnerships/map/sweden/",
        "/en/municipal-partnerships/map/world/",
    ],
}


def results_heading(page):
    return page.locator("#results-heading")


def test_visitor_searches_filters_reads_the_story_and_switches_language(portal, page):
    page.goto(portal.url("/sv/kommunala-partnerskap/"))
    page.locator("main").get_by_label("Sök bland alla partnerskap, tidigare och nu").fill("barn")
    page.locator("main").get_by_role("button", name="Sök", exact=True).click()
    page.wait_for_url(re.compile(r"/sv/kommunala-partnerskap/partnerskap/\?q=barn"))
    everything = results_heading(page).inner_text()

    # Filters update the results without a full page load, and the URL follows.
    page.get_by_label("Partnerland", exact=True).select_option(label="Kina (2)")
    page.wait_for_url(re.compile(r"country=china"))
    page.get_by_label("Tema", exact=True).select_option("children-and-youth")
    page.wait_for_url(re.compile(r"theme=children-and-youth"))
    assert "country=china" in page.url and "q=barn" in page.url
    assert results_heading(page).inner_text() != everything
    expect_heading = results_heading(page).inner_text()
    assert expect_heading == "2 partnerskap"

    page.get_by_role("link", name=VARA_SV).click()
    page.wait_for_url(portal.url(DETAIL_SV))
    assert page.locator("h1").inner_text() == VARA_SV
    expect(page.get_by_role("link", name="Vara kommun")).to_be_visible()
    expect(page.get_by_role("link", name="Huangshans stad")).to_be_visible()
    expect(page.get_by_text("tidigare partnerland")).to_be_visible()

    page.get_by_role("link", name="De hjälper övergivna barn").first.click()
    assert page.locator("h1").inner_text() == "De hjälper övergivna barn"
    expect(page.get_by_text("Helena Torsell")).to_be_visible()
    page.get_by_role("link", name=VARA_SV).click()
    page.wait_for_url(portal.url(DETAIL_SV))

    page.get_by_role("link", name="In English").click()
    page.wait_for_url(portal.url(DETAIL_EN))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == VARA_EN


def test_filters_work_without_javascript(portal, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(portal.url("/en/municipal-partnerships/partnerships/"))
        page.get_by_label("Partner country", exact=True).select_option("china")
        page.get_by_label("Theme", exact=True).select_option("children-and-youth")
        page.get_by_role("button", name="Show partnerships").click()
        assert "country=china" in page.url and "theme=children-and-youth" in page.url
        assert results_heading(page).inner_text() == "2 partnerships"
        page.get_by_role("link", name=VARA_EN).click()
        assert page.locator("h1").inner_text() == VARA_EN
    finally:
        context.close()


def test_maps_link_municipalities_and_countries_to_the_filtered_list(portal, page):
    page.goto(portal.url("/en/municipal-partnerships/map/sweden/"))
    page.locator("svg a[aria-label^='Vara Municipality']").click()
    page.wait_for_url(re.compile(r"organisation=vara"))
    assert results_heading(page).inner_text() == "3 partnerships"
    page.goto(portal.url("/sv/kommunala-partnerskap/karta/varlden/"))
    page.locator("svg a[aria-label^='Kina']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"country=china"))
    assert results_heading(page).inner_text() == "2 partnerskap"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_partnership_page_type_has_no_accessibility_violations(portal, page, language):
    for path in PAGES[language]:
        response = page.goto(portal.url(path))
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, path)


def test_partnership_pages_fit_a_320_pixel_screen(portal, phone_page):
    for path in (PAGES["sv"][1], DETAIL_SV, PAGES["sv"][13], PAGES["en"][14], PAGES["en"][5]):
        phone_page.goto(portal.url(path))
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320 px"


def test_open_data_follows_the_filters(portal, page):
    page.goto(portal.url("/en/municipal-partnerships/partnerships/?country=china"))
    href = page.get_by_role("link", name="as JSON").get_attribute("href")
    assert href.endswith("data.json?country=china")
    data = page.request.get(portal.url(href)).json()
    assert data["count"] == 2
    assert {row["country_en"] for row in data["partnerships"]} == {"China"}
