"""Staff sign-in in the production-mode portal: password, authenticator app, start page."""

import base64
import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.e2e import staff
from tests.e2e.harness import assert_accessible
from tests.e2e.staff import PASSWORD

OFFICER_KEY = bytes(range(1, 21))


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What the authenticator app shows: RFC 6238, 30-second steps, six digits."""
    key = b32decode(secret + "=" * (-len(secret) % 8))
    return str(totp(key, drift=steps_ahead)).zfill(6)


@pytest.fixture(scope="module")
def staff_account(portal):
    return staff.create_account(
        portal, "e2e-administrator", email="it@icld.se", options=("--administrator",)
    )


@pytest.fixture
def browser_in(browser):
    contexts = []

    def open_page(locale: str, width: int = 1280):
        context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def sign_in_with_password(page, portal, username):
    page.goto(portal.url("/admin/"))
    assert "/admin/login/" in page.url
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()


def test_staff_enrol_then_verify_and_see_what_waits(portal, browser_in, staff_account):
    # First sign-in, in Swedish: password, then setting up the authenticator app.
    page = browser_in("sv-SE")
    page.goto(portal.url("/admin/"))
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page, "admin login (sv)")
    sign_in_with_password(page, portal, staff_account)
    assert "/admin/security/enrol/" in page.url
    assert page.locator("h1").inner_text() == "Ställ in din autentiseringsapp"
    page.locator("summary").click()  # the key for typing by hand
    assert_accessible(page, "enrolment (sv)")
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    assert page.locator("img.staff-qr").get_attribute("src").startswith("data:image/svg+xml")

    # Admin stays closed until the app is confirmed.
    page.goto(portal.url("/admin/auth/user/"))
    assert "/admin/security/enrol/" in page.url

    page.fill("#id_code", "000000" if app_code(secret) != "000000" else "111111")
    page.get_by_role("button", name="Bekräfta och fortsätt").click()
    expect(page.locator(".errorlist")).to_be_visible()
    assert_accessible(page, "enrolment error (sv)")
    time.sleep(1.1)  # the back-off after a wrong code
    page.fill("#id_code", app_code(secret))
    enrolled_step = int(time.time()) // 30
    page.get_by_role("button", name="Bekräfta och fortsätt").click()
    assert "/admin/security/recovery-codes/" in page.url
    codes = page.locator(".staff-codes code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page, "recovery codes (sv)")

    page.get_by_role("link", name="Jag har sparat dem: fortsätt till administrationen").click()
    assert page.url.endswith("/admin/auth/user/")  # where the person was going
    page.goto(portal.url("/admin/"))
    waiting = page.locator("#waiting-for-action")
    assert waiting.locator("caption").text_content().strip() == "Väntar på åtgärd"
    offers_row = waiting.locator('[data-waiting="programmes.new_hosting_offers"]')
    if offers_row.count():
        (new_offers,) = portal.query(
            "select count(*) from programmes_hostingoffer where status = 'new'"
        )[0]
        assert offers_row.locator(".staff-count").inner_text() == str(new_offers)
        offers_row.get_by_role("link").click()
        assert "status__exact=new" in page.url
        page.go_back()
    assert_accessible(page, "admin start page (sv)")

    # Next sign-in, in English: the code from the app is asked for before admin opens.
    page = browser_in("en-GB")
    sign_in_with_password(page, portal, staff_account)
    assert "/admin/security/verify/" in page.url
    assert page.locator("h1").inner_text() == "Confirm it is you"
    assert_accessible(page, "verification (en)")
    page.fill("#id_code", codes[0])  # a recovery code, once
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith("/admin/")
    assert "9 unused recovery codes" in page.locator(".messagelist").inner_text()
    caption = page.locator("#waiting-for-action caption").text_content()
    assert caption.strip() == "Waiting for action"
    assert_accessible(page, "admin start page (en)")

    # And with the authenticator app: a code of a later step than the one used to enrol (a code
    # is never accepted twice). On a slow machine that step may have come already.
    page = browser_in("en-GB")
    sign_in_with_password(page, portal, staff_account)
    steps_ahead = 1 if int(time.time()) // 30 == enrolled_step else 0
    page.fill("#id_code", app_code(secret, steps_ahead=steps_ahead))
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith("/admin/")


@pytest.fixture(scope="module")
def enrolled_account(portal):
    """A programmes officer who set up the app earlier (its key is known to the test)."""
    return staff.create_account(
        portal,
        "e2e-programmes-officer",
        email="itp@icld.se",
        options=("--group", "Programmes team"),
        key=OFFICER_KEY,
    )


def test_officer_verifies_on_a_small_screen_and_sees_only_programmes(
    portal, browser_in, enrolled_account
):
    page = browser_in("sv-SE", width=320)
    sign_in_with_password(page, portal, enrolled_account)
    assert "/admin/security/verify/" in page.url
    assert page.locator("h1").inner_text() == "Bekräfta att det är du"
    assert_accessible(page, "verification (sv)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="In English").click()
    assert page.locator("h1").inner_text() == "Confirm it is you"
    page.fill("#id_code", "12345")
    page.get_by_role("button", name="Continue").click()
    assert "not valid" in page.locator(".errorlist").inner_text()
    assert_accessible(page, "verification error (en)")
    time.sleep(1.1)  # the app's back-off after a wrong code
    secret = base64.b32encode(OFFICER_KEY).decode()
    page.fill("#id_code", app_code(secret))
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith("/admin/")
    expect(page.locator("#waiting-for-action")).to_be_visible()
    # The programmes team does not reach the partnerships app.
    response = page.goto(portal.url("/admin/partnerships/"))
    assert response.status == 404
    response = page.goto(portal.url("/admin/programmes/"))
    assert response.status == 200


def test_repeated_wrong_passwords_lock_the_login(portal, browser_in, staff_account):
    page = browser_in("en-GB")
    try:
        for _ in range(5):
            page.goto(portal.url("/admin/login/"))
            page.fill("#id_username", staff_account)
            page.fill("#id_password", "wrong password")
            page.locator("#login-form [type=submit]").click()
        message = page.locator(".errornote").inner_text()
        assert "Too many failed sign-in attempts" in message
        assert_accessible(page, "locked login (en)")
        # The right password is refused too while this username is locked from this address.
        page.fill("#id_username", staff_account)
        page.fill("#id_password", PASSWORD)
        page.locator("#login-form [type=submit]").click()
        assert "/admin/login/" in page.url
        assert re.search("Too many failed", page.locator(".errornote").inner_text())
        # Another username from the same address is not locked.
        page.fill("#id_username", "someone-else")
        page.fill("#id_password", "wrong password")
        page.locator("#login-form [type=submit]").click()
        assert "Too many failed" not in page.locator(".errornote").inner_text()
    finally:
        portal.manage("unlock_staff_login", "--username", staff_account, "--address", "127.0.0.1")
