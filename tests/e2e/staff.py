"""Staff accounts for browser tests: created with the portal's own command, with an
authenticator app whose key the test knows, and signed in through both steps."""

from __future__ import annotations

import re
import time

from django_otp.oath import totp

PASSWORD = "Kommunal demokrati 2026!"
# A code is accepted once (replay protection): the codes this run has sent, per key.
_USED_CODES: set[tuple[bytes, str]] = set()


def create_account(
    portal, username: str, *, email: str, options: tuple[str, ...], key: bytes | None = None
) -> str:
    """``create_staff_user`` with ``options`` (``--group …``, ``--administrator``); with
    ``key``, an enrolled authenticator app with that key."""
    portal.env["STAFF_USER_PASSWORD"] = PASSWORD
    try:
        portal.manage("create_staff_user", username, "--email", email, *options, "--no-input")
    finally:
        portal.env.pop("STAFF_USER_PASSWORD", None)
    if key is not None:
        portal.manage(
            "shell",
            "-c",
            (
                "from django.contrib.auth.models import User\n"
                "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
                f"TOTPDevice.objects.create(user=User.objects.get(username='{username}'), "
                f"name='Authenticator app', key='{key.hex()}', confirmed=True)"
            ),
        )
    return username


def sign_in(page, portal, username: str, key: bytes) -> None:
    """Password, then the app's code; a second sign-in with the same key waits for the next
    code rather than send one the portal has already accepted."""
    page.goto(portal.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    assert "/admin/security/verify/" in page.url, page.locator("main, #content").first.inner_text()
    code = str(totp(key)).zfill(6)
    while (key, code) in _USED_CODES:
        time.sleep(1)
        code = str(totp(key)).zfill(6)
    _USED_CODES.add((key, code))
    page.fill("#id_code", code)
    page.get_by_role("button", name=re.compile("Continue|Fortsätt")).click()
