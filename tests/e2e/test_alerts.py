"""Browser journey: follow a filtered list by email, confirm, get a digest, manage, unsubscribe."""

from __future__ import annotations

import email
import re
import uuid

from playwright.sync_api import expect

from tests.e2e.harness import assert_accessible

LIST = "/sv/kunskapscentrum/publikationer/?theme=gender-equality&sort=newest&page=1"


def message_of(raw: str, needle: str) -> email.message.Message:
    """The delivered message (of the file backend's log) whose text contains ``needle``."""
    for chunk in reversed(re.split(r"\n-{79}\n", raw)):
        if needle in chunk:
            return email.message_from_string(chunk.strip())
    raise AssertionError(f"No message with {needle!r}")


def plain_text(message: email.message.Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError("No text part")


def test_visitor_follows_a_filtered_list_confirms_manages_and_unsubscribes(portal, page):
    address = f"alerts-{uuid.uuid4().hex[:8]}@example.org"

    # From a filtered list, the follow box leads to the subscribe page with the filter.
    page.goto(portal.url(LIST))
    box = page.locator("aside.follow-list")
    assert (
        box.get_by_role("link", name=re.compile("Atom-flöde"))
        .get_attribute("href")
        .endswith("?theme=gender-equality")
    )
    box.get_by_role("link", name=re.compile("Få bevakning via e-post")).click()
    assert "/sv/bevakningar/publikationer/bevaka/?theme=gender-equality" in page.url
    assert "Jämställdhet" in page.locator("main").inner_text()
    assert_accessible(page, "subscribe form (sv)")

    # A mistake is explained, accessibly, and the input kept.
    page.get_by_label("Din e-postadress").fill("inte en adress")
    page.get_by_role("button", name="Bevaka listan").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert "Skriv en e-postadress som namn@example.org." in page.content()
    assert page.get_by_label("Din e-postadress").input_value() == "inte en adress"
    assert_accessible(page, "subscribe form with errors (sv)")

    page.get_by_label("Din e-postadress").fill(address)
    page.get_by_label("Svenska").check()
    page.get_by_label("Dagligen").check()
    page.get_by_role("button", name="Bevaka listan").click()
    assert page.locator("h1").inner_text() == "Titta i din e-post"
    assert portal.query(
        "SELECT kind, query, frequency, confirmed_at FROM alerts_subscription WHERE email = %s",
        (address,),
    ) == [("publications", "theme=gender-equality", "daily", None)]

    # The emailed link confirms (after a click: link checkers must not confirm).
    confirm = plain_text(message_of(portal.wait_for_email(address), address))
    link = re.search(r"http\S+/bevakningar/bekrafta/\S+/", confirm).group(0)
    page.goto(link)
    assert_accessible(page, "confirm page")
    page.get_by_role("button", name="Bekräfta min bevakning").click()
    assert page.locator("h1").inner_text() == "Dina bevakningar"
    assert "Din bevakning är aktiv" in page.locator("main").inner_text()
    assert page.locator(".alert-card").count() == 1
    assert_accessible(page, "manage page (sv)")
    manage_path = page.url.removeprefix(portal.url(""))

    # The same page in English, through the language switcher.
    page.get_by_role("link", name="In English").click()
    assert page.locator("h1").inner_text() == "Your alerts"
    assert page.url.startswith(portal.url("/en/alerts/manage/"))
    assert_accessible(page, "manage page (en)")

    # A digest: pretend the alert was confirmed long ago, so the list's items are new.
    portal.query(
        "UPDATE alerts_subscription SET confirmed_at = now() - interval '2 days', "
        "since = '2000-01-01' WHERE email = %s RETURNING id",
        (address,),
    )
    portal.manage("send_alert_digests")
    digest = message_of(portal.wait_for_email("ICLD-bevakning"), address)
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    raw_header = digest["List-Unsubscribe"]
    assert "=?" not in raw_header  # a plain link, not folded into encoded words
    unsubscribe = re.sub(r"\s+", "", raw_header).strip("<>")
    assert unsubscribe.startswith(portal.url("/sv/bevakningar/avsluta/"))
    body = plain_text(digest)
    assert "Publikationer" in body and "Tema: Jämställdhet" in body
    assert unsubscribe in body

    # The unsubscribe link asks first, then stops the alert without signing in.
    page.goto(unsubscribe)
    assert_accessible(page, "unsubscribe page")
    page.get_by_role("button", name="Ja, avsluta mejlen").click()
    assert page.locator("h1").inner_text() == "Bevakningar avslutade"
    assert portal.query(
        "SELECT count(*) FROM alerts_subscription WHERE email = %s", (address,)
    ) == [(0,)]

    page.goto(portal.url("/" + manage_path.lstrip("/")))
    assert "Adressen har inga bevakningar." in page.locator("main").inner_text()


def test_subscribe_form_in_english_with_errors_is_accessible(portal, page):
    page.goto(portal.url("/en/knowledge-centre/events/"))
    page.locator("aside.follow-list").get_by_role(
        "link", name=re.compile("Get email alerts")
    ).click()
    assert page.locator("h1").inner_text() == "Follow Seminars and workshops"
    assert_accessible(page, "subscribe form (en)")
    page.get_by_role("button", name="Follow this list").click()
    assert "Enter the email address the alerts should go to." in page.content()
    assert_accessible(page, "subscribe form with errors (en)")


def test_alert_pages_are_accessible_in_both_languages(portal, page):
    for path in (
        "/sv/bevakningar/",
        "/en/alerts/",
        "/sv/bevakningar/hantera/ogiltig/",
        "/en/alerts/confirm/invalid/",
        "/sv/bevakningar/titta-i-din-e-post/",
    ):
        page.goto(portal.url(path))
        assert_accessible(page, path)


def test_the_feeds_of_a_filter_are_served(portal, page):
    atom = page.request.get(portal.url("/en/alerts/publications/feed/?theme=gender-equality"))
    assert atom.status == 200 and atom.headers["content-type"].startswith("application/atom+xml")
    assert "<entry>" in atom.text()
    ics = page.request.get(portal.url("/sv/bevakningar/evenemang/kalender.ics"))
    assert ics.status == 200 and "BEGIN:VEVENT" in ics.text()


def test_event_alert_filters_work_without_javascript_and_the_switcher_keeps_the_page(
    portal, browser, page
):
    scanned = page  # axe needs JavaScript: each page reached without it is scanned here
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(portal.url("/sv/kunskapscentrum/evenemang/"))
        page.locator("aside.follow-list").get_by_role(
            "link", name=re.compile("Få bevakning via e-post")
        ).click()
        assert "/sv/bevakningar/evenemang/bevaka/" in page.url
        form = page.locator("form.alert-filter-form")
        form.get_by_label("Sök").fill("demokrati")
        form.get_by_label("Webbinarium").check()
        form.get_by_role("button", name="Uppdatera filtret").click()
        assert "kind=webinar" in page.url and "q=demokrati" in page.url
        facts = page.locator("dl.alert-filters").inner_text()
        assert "Webbinarium" in facts and "demokrati" in facts
        assert page.locator("form.alert-filter-form").get_by_label("Webbinarium").is_checked()
        scanned.goto(page.url)
        assert_accessible(scanned, "event alert filters (sv)")

        page.get_by_role("link", name="In English").click()
        assert page.url.startswith(portal.url("/en/alerts/events/follow/?"))
        assert "kind=webinar" in page.url
        assert page.locator("h1").inner_text() == "Follow Seminars and workshops"
        scanned.goto(page.url)
        assert_accessible(scanned, "event alert filters (en)")
    finally:
        context.close()


def test_remove_all_asks_first_without_javascript(portal, browser, page):
    scanned = page
    address = f"remove-{uuid.uuid4().hex[:8]}@example.org"
    for kind in ("events", "calls"):
        portal.query(
            "INSERT INTO alerts_subscription (email, language, frequency, kind, query, "
            "submission_token, unsubscribe_key, created_at, confirmed_at, since) VALUES "
            "(%s, 'en', 'daily', %s, '', %s, %s, now(), now(), now()) RETURNING id",
            (address, kind, str(uuid.uuid4()), "k" + uuid.uuid4().hex[:20]),
        )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        code = f"from alerts import tokens; print(tokens.manage_token({address!r}))"
        token = portal.manage("shell", "-c", code).strip().splitlines()[-1]
        page.goto(portal.url(f"/en/alerts/manage/{token}/"))
        assert page.locator(".alert-card").count() == 2
        page.get_by_role("button", name="Remove all my alerts…").click()
        assert page.locator("h1").inner_text() == "Remove all your alerts?"
        scanned.goto(portal.url(f"/sv/bevakningar/hantera/{token}/"))
        assert_accessible(scanned, "manage page with two alerts (sv)")
        scanned.get_by_role("button", name="Ta bort alla mina bevakningar …").click()
        expect(scanned.locator("h1")).to_have_text("Ta bort alla dina bevakningar?")
        assert_accessible(scanned, "remove all: confirm (sv)")
        page.get_by_role("link", name="No, keep my alerts").click()
        assert page.locator(".alert-card").count() == 2
        page.get_by_role("button", name="Remove all my alerts…").click()
        page.get_by_role("button", name="Yes, remove all my alerts").click()
        assert "This address has no alerts." in page.locator("main").inner_text()
    finally:
        context.close()
