"""The partnership list's live filter (static/js/live-filter.js), as keyboard and
screen-reader users meet it: no reload while a select is browsed with the arrow keys, one
history entry per settled change, Back restoring focus and scroll, the title and the live
region following the results."""

import re

from playwright.sync_api import expect

from tests.e2e.harness import assert_accessible

LIST_SV = "/sv/kommunala-partnerskap/partnerskap/"
LIST_EN = "/en/municipal-partnerships/partnerships/"


def partial_requests(page) -> list[str]:
    seen: list[str] = []
    page.on(
        "request",
        lambda request: (
            seen.append(request.url)
            if request.headers.get("x-partnerships-partial") == "results"
            else None
        ),
    )
    return seen


def server_title(page, url: str) -> str:
    """The <title> the server renders for the address, read without JavaScript."""
    html = page.request.get(url).text()
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).replace("&quot;", '"')


def test_arrow_keys_browse_a_select_without_loading_until_focus_leaves(portal, page):
    page.goto(portal.url(LIST_EN))
    requests = partial_requests(page)
    length = page.evaluate("history.length")
    country = page.get_by_label("Partner country", exact=True)
    country.focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(900)  # longer than the pause after a change
    assert requests == []
    assert page.url == portal.url(LIST_EN)

    page.keyboard.press("Tab")  # leaving the select applies its choice, once
    page.wait_for_url(re.compile(r"\?country="))
    # Focus is where Tab took it, in the new results' form, not back on the country.
    expect(page.get_by_label("Swedish organisation", exact=True)).to_be_focused()
    expect(page.locator("#results-heading")).to_have_attribute("data-page-title", page.title())
    assert len(requests) == 1
    assert page.evaluate("history.length") == length + 1

    # Enter applies at once, and keeps focus on the select.
    page.get_by_label("Theme", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"theme="))
    expect(page.get_by_label("Theme", exact=True)).to_be_focused()
    assert len(requests) == 2


def test_quick_changes_make_one_history_entry_and_the_title_and_live_region_follow(portal, page):
    page.goto(portal.url(LIST_SV))
    length = page.evaluate("history.length")
    page.get_by_label("Partnerland", exact=True).select_option("china")
    page.get_by_label("Tema", exact=True).select_option("children-and-youth")
    page.wait_for_url(re.compile(r"country=china.*theme=children-and-youth"))
    expect(page.locator("#results-status")).to_have_text("2 partnerskap")
    assert page.evaluate("history.length") == length + 1

    expected = server_title(page, page.url)
    assert expected.startswith("Partnerskap: Kina, Barn och ungas inflytande")
    assert page.title() == expected

    page.get_by_label("Sök", exact=True).fill("barn")
    page.get_by_role("button", name="Visa partnerskap").click()
    page.wait_for_url(re.compile(r"q=barn"))
    expect(page.locator("#results-heading")).to_be_focused()
    assert page.title() == server_title(page, page.url)
    assert "sökning ”barn”" in page.title()
    assert_accessible(page, "live-filtered list (sv)")


def test_back_restores_the_results_focus_and_scroll_position(portal, browser):
    context = browser.new_context(viewport={"width": 375, "height": 640}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(portal.url(LIST_EN))
        sort = page.get_by_label("Sort by", exact=True)
        sort.scroll_into_view_if_needed()
        page.mouse.wheel(0, 120)
        sort.focus()  # as a visitor's click or Tab leaves it
        page.wait_for_timeout(300)
        scrolled = page.evaluate("window.scrollY")
        assert scrolled > 100
        first_title = page.title()
        sort.select_option("title")
        page.wait_for_url(re.compile(r"sort=title"))
        expect(sort).to_be_focused()

        page.wait_for_timeout(1700)  # settled: the next change is an entry of its own
        page.get_by_label("Partner country", exact=True).focus()
        page.get_by_label("Partner country", exact=True).select_option("china")
        page.wait_for_url(re.compile(r"country=china"))

        page.go_back()
        page.wait_for_url(re.compile(r"sort=title$"))
        expect(page.get_by_label("Partner country", exact=True)).to_be_focused()
        expect(page.get_by_label("Partner country", exact=True)).to_have_value("")

        page.go_back()
        page.wait_for_url(portal.url(LIST_EN))
        expect(page.get_by_label("Sort by", exact=True)).to_be_focused()
        expect(page.get_by_label("Sort by", exact=True)).not_to_have_value("title")
        page.wait_for_function("y => Math.abs(window.scrollY - y) < 40", arg=scrolled)
        assert page.title() == first_title
        assert_accessible(page, "list after Back (en)")
    finally:
        context.close()
