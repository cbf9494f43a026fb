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
        "/sv/kommunala-partnerskap/i-siffror/",
        "/sv/kommunala-partnerskap/oppna-data/",
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
        "/en/municipal-partnerships/figures/",
        "/en/municipal-partnerships/open-data/",
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


# --- Charts, the world map's markers, consent boxes -----------------------------------------

FIGURES = {
    "sv": "/sv/kommunala-partnerskap/i-siffror/",
    "en": "/en/municipal-partnerships/figures/",
}


@pytest.mark.parametrize(
    ("language", "chart", "table"),
    [
        ("sv", "Pågående partnerskap varje år", "Diagrammet som tabell"),
        ("en", "Partnerships active each year", "The chart as a table"),
    ],
)
def test_charts_are_named_images_with_their_tables_behind(portal, page, language, chart, table):
    page.goto(portal.url(FIGURES[language]))
    images = page.get_by_role("img")
    assert page.locator("svg[role=img]").count() == 3
    expect(page.get_by_role("img", name=chart)).to_be_visible()
    assert_accessible(page, f"{FIGURES[language]} (tables closed)")
    for summary in page.get_by_text(table, exact=True).all():
        summary.click()
    tables = page.locator("details.chart-data table")
    expect(tables.first).to_be_visible()
    assert tables.count() == 3
    # The countries' table has one row per bar.
    bars = page.locator("section[aria-labelledby=countries-heading] .chart-row").count()
    rows = page.locator("section[aria-labelledby=countries-heading] tbody tr").count()
    assert bars == rows > 0
    assert_accessible(page, f"{FIGURES[language]} (tables open)")
    csv_link = page.locator("section[aria-labelledby=years-heading] a", has_text="CSV")
    response = page.request.get(portal.url(csv_link.get_attribute("href")))
    assert response.ok and response.text().lstrip("\ufeff").startswith("year,started,active")
    assert images.count() >= 3


@pytest.mark.parametrize("width", [320, 1280])
def test_no_two_world_map_markers_overlap_and_kosovo_can_be_clicked(portal, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(portal.url("/en/municipal-partnerships/map/world/"))
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.map-pin')].map(a => {
                const parts = [...a.querySelectorAll('circle, .map-pin-name')];
                return parts.map(p => { const r = p.getBoundingClientRect();
                    return [a.dataset.code, r.left, r.top, r.right, r.bottom]; });
            }).flat()"""
        )
        for index, (code, *a) in enumerate(boxes):
            for other, *b in boxes[index + 1 :]:
                if other != code:
                    apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                    assert apart, f"{code} and {other} overlap at {width} px"
        kosovo = page.locator(".map-pin[data-code=XK]")
        kosovo.scroll_into_view_if_needed()
        box = kosovo.locator("circle").bounding_box()
        hit = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('a').dataset.code",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert hit == "XK"
        expect(kosovo.locator(".map-pin-name")).to_have_text("Kosovo")
        kosovo.locator("circle").click()
        page.wait_for_url(re.compile(r"country=kosovo"))
    finally:
        context.close()


def test_the_keyboard_visits_every_country_marker_in_alphabetical_order(portal, page):
    page.goto(portal.url("/sv/kommunala-partnerskap/karta/varlden/"))
    pins = page.locator(".map-pin")
    count = pins.count()
    pins.first.focus()
    names = []
    for _ in range(count):
        names.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        page.keyboard.press("Tab")
    countries = [name.split(":")[0] for name in names]
    assert len(set(countries)) == count
    assert countries == sorted(countries, key=str.casefold)


@pytest.mark.parametrize("width", [320, 375])
def test_consent_labels_have_the_width_of_the_form(portal, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in (
            "/sv/kommunala-partnerskap/anmal-intresse/",
            "/en/municipal-partnerships/register-interest/",
        ):
            page.goto(portal.url(path))
            check = page.locator(".form-check:has(> .form-text)").first
            label = check.locator(".form-check-label").bounding_box()
            whole = check.bounding_box()
            assert label["width"] > 0.75 * whole["width"], f"{path} at {width} px"
            help_text = check.locator(".form-text").bounding_box()
            assert help_text["y"] >= label["y"] + label["height"] - 1  # below, not beside
    finally:
        context.close()
