"""The second factor: admin is unreachable until a TOTP or recovery code is given."""

import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.test import override_settings
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff import roles
from staff.models import RecoveryCode, RecoveryCodeDevice
from staff.tests.conftest import PASSWORD, add_totp_device, code_for

ADMIN_URLS = [
    "admin:index",
    "admin:auth_group_changelist",
    "admin:core_page_changelist",
    "admin:admin_logentry_changelist",
    "admin:password_change",
]


@pytest.fixture
def admin_user(make_staff):
    return make_staff(roles.ADMINISTRATORS, username="ada", is_superuser=True)


def password_login(client, username="ada"):
    response = client.post(
        reverse("admin:login"),
        {
            "username": username,
            "password": PASSWORD,
            "next": reverse("admin:index"),
        },
    )
    assert response.status_code == 302, response.text
    return response


def verified(client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


def enrol(client, user) -> tuple[TOTPDevice, list[str]]:
    """The whole enrolment as a person does it; returns the device and the recovery codes."""
    page = client.get(reverse("staff:enrol"))
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    response = client.post(
        reverse("staff:enrol"), {"code": code_for(device), "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", codes_page.text)
    device.refresh_from_db()
    return device, codes


# --- Unreachable without the second factor ---------------------------------------


@pytest.mark.parametrize("name", ADMIN_URLS)
def test_admin_pages_wait_for_the_second_factor(client, admin_user, name):
    add_totp_device(admin_user)
    password_login(client)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:verify") + "?next=")


@pytest.mark.parametrize("name", ADMIN_URLS)
def test_without_a_device_admin_pages_lead_to_enrolment(client, admin_user, name):
    password_login(client)
    response = client.get(reverse(name), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("staff:enrol"))
    assert not verified(client)


def test_a_post_to_admin_is_not_carried_out_before_verification(client, admin_user, groups):
    add_totp_device(admin_user)
    password_login(client)
    group = groups[roles.COMMUNICATIONS]
    url = reverse("admin:auth_group_delete", args=[group.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:verify")
    assert group.__class__.objects.filter(pk=group.pk).exists()


def test_anonymous_visitors_go_to_the_login(client, db):
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("admin:login"))
    response = client.get(reverse("staff:verify"))
    assert response["Location"].startswith(reverse("admin:login"))


def test_non_staff_users_cannot_use_the_second_factor_pages(client, db):
    user = get_user_model().objects.create_user("visitor", password=PASSWORD)
    client.force_login(user)
    for name in ("staff:verify", "staff:enrol", "staff:recovery_codes"):
        assert client.get(reverse(name))["Location"].startswith(reverse("admin:login"))


# --- Enrolment ------------------------------------------------------------------------


def test_enrolment_shows_a_qr_code_and_the_key_then_recovery_codes_once(client, admin_user):
    password_login(client)
    page = client.get(reverse("staff:enrol"))
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.text
    assert "otpauth" not in page.text  # the secret is in the QR code and the key only
    device, codes = enrol(client, admin_user)
    assert device.confirmed
    assert verified(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}", code) for code in codes)
    # Stored hashed, never in clear text.
    stored = RecoveryCode.objects.filter(device__user=admin_user)
    assert stored.count() == 10
    assert not any(code.replace("-", "") in row.code_hash for code in codes for row in stored)
    # Shown once: the page later only tells how many are left.
    again = client.get(reverse("staff:recovery_codes"))
    assert not re.findall(r"<li><code>", again.text)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_qr_code_and_key_stay_the_same_until_confirmed(client, admin_user):
    password_login(client)
    first = client.get(reverse("staff:enrol")).text
    second = client.get(reverse("staff:enrol")).text
    key = re.compile(r'id="totp-secret">([A-Z2-7 ]+)<')
    assert key.search(first).group(1) == key.search(second).group(1)
    assert TOTPDevice.objects.filter(user=admin_user).count() == 1


def test_a_wrong_enrolment_code_is_refused(client, admin_user):
    password_login(client)
    client.get(reverse("staff:enrol"))
    device = TOTPDevice.objects.get(user=admin_user)
    wrong = str((int(code_for(device)) + 1) % 1_000_000).zfill(6)
    response = client.post(reverse("staff:enrol"), {"code": wrong}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "That code does not match" in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert not verified(client)
    assert client.get(reverse("admin:index")).status_code == 302


def test_someone_with_an_app_cannot_enrol_another_one(client, admin_user):
    add_totp_device(admin_user)
    password_login(client)
    response = client.get(reverse("staff:enrol"))
    assert response["Location"].startswith(reverse("staff:verify"))
    assert client.post(reverse("staff:enrol"), {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=admin_user).count() == 1


# --- Verification -------------------------------------------------------------------


def test_totp_code_opens_admin_and_a_wrong_one_does_not(client, admin_user):
    device = add_totp_device(admin_user)
    password_login(client)
    key_before = client.session.session_key
    wrong = str((int(code_for(device)) + 7) % 1_000_000).zfill(6)
    refused = client.post(reverse("staff:verify"), {"code": wrong}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200
    assert "That code is not valid" in refused.text
    assert not verified(client)
    device.throttle_reset()
    pages = reverse("admin:core_page_changelist")
    response = client.post(reverse("staff:verify"), {"code": code_for(device), "next": pages})
    assert response.status_code == 302
    assert response["Location"] == pages
    assert verified(client)
    assert client.session.session_key != key_before
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_code_cannot_be_used_twice(client, admin_user):
    device = add_totp_device(admin_user)
    code = code_for(device)
    password_login(client)
    assert client.post(reverse("staff:verify"), {"code": code}).status_code == 302
    client.logout()
    password_login(client)
    response = client.post(reverse("staff:verify"), {"code": code})
    assert response.status_code == 200
    assert not verified(client)


def test_wrong_codes_slow_down_further_attempts(client, admin_user):
    device = add_totp_device(admin_user)
    password_login(client)
    client.post(reverse("staff:verify"), {"code": "000000"})
    client.post(reverse("staff:verify"), {"code": "000001"})
    response = client.post(
        reverse("staff:verify"), {"code": code_for(device)}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Wait a moment" in response.text
    assert not verified(client)


def test_recovery_code_works_once(client, admin_user):
    password_login(client)
    device, codes = enrol(client, admin_user)
    client.logout()

    password_login(client)
    response = client.post(reverse("staff:verify"), {"code": codes[0].upper()}, follow=True)
    assert response.status_code == 200
    assert verified(client)
    assert "9" in str(list(response.context["messages"])[0])
    client.logout()

    password_login(client)
    refused = client.post(reverse("staff:verify"), {"code": codes[0]})
    assert refused.status_code == 200
    assert not verified(client)
    assert RecoveryCodeDevice.objects.get(user=admin_user).remaining == 9
    RecoveryCodeDevice.objects.filter(user=admin_user).update(throttling_failure_count=0)
    assert client.post(reverse("staff:verify"), {"code": codes[1]}).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, admin_user):
    password_login(client)
    device, old_codes = enrol(client, admin_user)
    response = client.post(reverse("staff:recovery_codes"), follow=True)
    new_codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", response.text)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    client.logout()
    password_login(client)
    assert client.post(reverse("staff:verify"), {"code": old_codes[0]}).status_code == 200
    RecoveryCodeDevice.objects.filter(user=admin_user).update(throttling_failure_count=0)
    assert client.post(reverse("staff:verify"), {"code": new_codes[0]}).status_code == 302


def test_verification_never_redirects_to_another_site(client, admin_user):
    device = add_totp_device(admin_user)
    password_login(client)
    response = client.post(
        reverse("staff:verify"), {"code": code_for(device), "next": "https://evil.example/admin/"}
    )
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("code", ["", " ", "12345\x00", "x" * 500, "٣٣٣٣٣٣", "123 456 7"])
def test_odd_input_gives_a_normal_page(client, admin_user, code):
    add_totp_device(admin_user)
    password_login(client)
    response = client.post(reverse("staff:verify"), {"code": code})
    assert response.status_code == 200
    assert not verified(client)


# --- Language and configuration ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Bekräfta att det är du"),
        ("en", "Confirm it is you"),
    ],
)
def test_verification_page_in_each_language(client, admin_user, language, text):
    add_totp_device(admin_user)
    password_login(client)
    response = client.get(reverse("staff:verify"), HTTP_ACCEPT_LANGUAGE=language)
    assert text in response.text
    assert f'lang="{language}"' in response.text


def test_language_switch_sets_the_cookie(client, admin_user):
    add_totp_device(admin_user)
    password_login(client)
    response = client.post(
        reverse("staff:set_language"), {"language": "en", "next": reverse("staff:verify")}
    )
    assert response["Location"] == reverse("staff:verify")
    assert "Confirm it is you" in client.get(reverse("staff:verify")).text


@pytest.mark.django_db  # model checks of generated columns ask the server for its version
def test_system_check_reports_missing_second_factor_middleware(settings):
    ours = "staff.middleware.AdminTwoFactorMiddleware"
    middleware = [name for name in settings.MIDDLEWARE if name != ours]
    with override_settings(MIDDLEWARE=middleware):
        assert "staff.E001" in {error.id for error in run_checks()}
    assert "staff.E001" not in {error.id for error in run_checks()}


def test_every_admin_list_waits_for_the_second_factor(client, admin_user):
    from django.contrib import admin

    add_totp_device(admin_user)
    password_login(client)
    assert admin.site._registry
    for model in admin.site._registry:
        opts = model._meta
        for view in ("changelist", "add"):
            response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}"))
            assert response.status_code == 302, (opts.label, view)
            assert response["Location"].startswith(reverse("staff:verify"))


def test_the_app_shows_the_account_as_icld(client, admin_user):
    password_login(client)
    response = client.get(reverse("staff:enrol"))
    config_url = response.context["config_url"]
    assert config_url.startswith("otpauth://totp/ICLD%3Aada?")
    assert "issuer=ICLD" in config_url and "digits=6" in config_url and "period=30" in config_url


def test_staff_passwords_follow_the_validators(make_staff, verified_client):
    user = make_staff(roles.PROGRAMMES_TEAM)
    client = verified_client(user)
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "kort-ord1",
            "new_password2": "kort-ord1",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.text
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
