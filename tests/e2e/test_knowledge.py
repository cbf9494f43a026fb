"""Browser journeys through the knowledge centre, and accessibility scans of its pages."""

from __future__ import annotations

import email
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import assert_accessible

PUBLICATION = "visby-2010-proceedings"
SEMINAR = "seminar-local-democracy-in-times-of-crisis"
FULL_WORKSHOP = "workshop-writing-policy-briefs"
OPEN_CALL = "research-call-2027-local-democracy-in-times-of-crisis"

PAGES = {
    "sv": [
        "/sv/kunskapscentrum/",
        "/sv/kunskapscentrum/publikationer/",
        "/sv/kunskapscentrum/publikationer/?q=kommuner&sort=relevance",
        "/sv/kunskapscentrum/publikationer/?q=finns+inte+alls",
        f"/sv/kunskapscentrum/publikationer/{PUBLICATION}/",
        "/sv/kunskapscentrum/publikationer/local-democracy-in-times-of-crisis/",
        "/sv/kunskapscentrum/forskningsutlysningar/",
        f"/sv/kunskapscentrum/forskningsutlysningar/{OPEN_CALL}/",
        "/sv/kunskapscentrum/forskningsutlysningar/policy-relevant-research-2019/",
        "/sv/kunskapscentrum/evenemang/",
        f"/sv/kunskapscentrum/evenemang/{SEMINAR}/",
        "/sv/kunskapscentrum/evenemang/lda-2024-lund/",
        f"/sv/kunskapscentrum/evenemang/{SEMINAR}/anmalan/",
        f"/sv/kunskapscentrum/evenemang/{FULL_WORKSHOP}/anmalan/",
        f"/sv/kunskapscentrum/evenemang/{SEMINAR}/anmald/?status=confirmed",
        "/sv/kunskapscentrum/evenemang/avboka/ogiltig/",
    ],
    "en": [
        "/en/knowledge-centre/",
        "/en/knowledge-centre/publications/",
        "/en/knowledge-centre/publications/?q=participation&type=policy_brief&page=1",
        f"/en/knowledge-centre/publications/{PUBLICATION}/",
        "/en/knowledge-centre/research-calls/",
        f"/en/knowledge-centre/research-calls/{OPEN_CALL}/",
        "/en/knowledge-centre/events/",
        f"/en/knowledge-centre/events/{SEMINAR}/",
        "/en/knowledge-centre/events/webinar-women-in-local-politics/",
        f"/en/knowledge-centre/events/{SEMINAR}/register/",
        f"/en/knowledge-centre/events/{SEMINAR}/registered/?status=waiting",
        "/en/knowledge-centre/events/cancel/not-a-token/",
    ],
}


def plain_text_of(raw: str, needle: str) -> str:
    """The decoded text/plain body of the delivered message that contains ``needle``."""
    for chunk in re.split(r"\n-{79}\n", raw):
        if needle not in chunk:
            continue
        message = email.message_from_string(chunk.strip())
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError(f"No message with {needle!r}")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_knowledge_pages_have_no_accessibility_violations(portal, page, language):
    for path in PAGES[language]:
        response = page.goto(portal.url(path))
        assert response.status in (200, 404), path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, path)


def test_registration_form_with_errors_is_accessible_and_keeps_input(portal, page):
    page.goto(portal.url(f"/sv/kunskapscentrum/evenemang/{SEMINAR}/anmalan/"))
    page.get_by_label("Ditt namn").fill("Karin Test")
    page.get_by_label("E-postadress").fill("inte-en-adress")
    page.get_by_role("button", name="Anmäl dig").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert "Skriv en e-postadress som namn@example.org." in page.content()
    assert page.get_by_label("Ditt namn").input_value() == "Karin Test"
    assert_accessible(page, "registration form with errors")


def test_visitor_searches_in_english_opens_a_publication_and_downloads_its_citation(portal, page):
    page.goto(portal.url("/en/knowledge-centre/"))
    page.get_by_label("Search the research library").fill('"local democracy"')
    page.locator("main").get_by_role("button", name="Search", exact=True).click()
    assert "/en/knowledge-centre/publications/?q=" in page.url
    results = page.locator(".result-list")
    assert results.locator("mark").count() > 0
    page.get_by_role("link", name=re.compile("Proceedings of the Workshop")).click()
    assert page.url == portal.url(f"/en/knowledge-centre/publications/{PUBLICATION}/")
    assert (
        page.locator('meta[name="citation_title"]')
        .get_attribute("content")
        .startswith("Proceedings of the Workshop")
    )
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download citation (BibTeX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".bib")
    bibtex = open(download.path(), encoding="utf-8").read()
    assert bibtex.startswith("@proceedings{") and "Dellnäs, A." in bibtex
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download citation \\(RIS")).click()
    assert open(download_info.value.path(), encoding="utf-8").read().startswith("TY  - CONF")
    pdf = page.request.get(
        portal.url(f"/en/knowledge-centre/publications/{PUBLICATION}/document.pdf")
    )
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["x-content-type-options"] == "nosniff"
    assert pdf.body().startswith(b"%PDF-")


def test_visitor_signs_up_gets_the_email_and_cancels_with_the_link(portal, page):
    address = "karin.e2e@example.org"
    page.goto(portal.url(f"/en/knowledge-centre/events/{SEMINAR}/"))
    page.get_by_role("link", name="Sign up", exact=True).click()
    page.get_by_label("Your name").fill("Karin Lund")
    page.get_by_label("Email address").fill(address)
    page.get_by_label("Organisation").fill("Vara kommun")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Sign up").click()
    assert "You have a seat" in page.locator("main").inner_text()
    assert portal.query(
        "SELECT status FROM knowledge_registration WHERE email = %s", (address,)
    ) == [("confirmed",)]

    raw = portal.wait_for_email(address)
    body = plain_text_of(raw, address)
    assert "Your seat is confirmed" in body
    cancel_url = re.search(r"http\S+/events/cancel/\S+/", body).group(0)
    assert cancel_url.startswith(portal.url("/en/knowledge-centre/events/cancel/"))

    page.goto(cancel_url)
    assert_accessible(page, "cancel confirmation page")
    page.get_by_role("button", name="Yes, cancel my registration").click()
    assert page.locator("h1").inner_text() == "Your registration is cancelled"
    assert portal.query(
        "SELECT status FROM knowledge_registration WHERE email = %s", (address,)
    ) == [("cancelled",)]


def test_calendar_downloads(portal, page):
    ics = page.request.get(portal.url(f"/sv/kunskapscentrum/evenemang/{SEMINAR}/evenemang.ics"))
    assert ics.headers["content-type"] == "text/calendar; charset=utf-8"
    text = ics.text()
    assert "BEGIN:VEVENT" in text and "DTSTART:20261209T120000Z" in text
    feed = page.request.get(portal.url("/en/knowledge-centre/events/calendar.ics")).text()
    assert feed.count("BEGIN:VEVENT") >= 3


def test_library_fits_a_320_pixel_screen(portal, phone_page):
    for path in (
        "/sv/kunskapscentrum/publikationer/?q=demokrati",
        f"/en/knowledge-centre/publications/{PUBLICATION}/",
        f"/en/knowledge-centre/events/{SEMINAR}/register/",
    ):
        phone_page.goto(portal.url(path))
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320 px"


def test_library_filters_fold_away_on_a_phone_and_open_on_demand(portal, phone_page):
    phone_page.goto(portal.url("/en/knowledge-centre/publications/?q=participation"))
    panel = phone_page.locator("details.filter-panel")
    assert panel.get_attribute("open") is None
    expect(phone_page.locator(".result-list")).to_be_visible()
    phone_page.get_by_text("Show or hide the filters").click()
    assert panel.get_attribute("open") is not None
    expect(phone_page.get_by_label("Policy brief")).to_be_visible()
    phone_page.goto(portal.url("/en/knowledge-centre/publications/?type=policy_brief"))
    assert phone_page.locator("details.filter-panel").get_attribute("open") is not None
