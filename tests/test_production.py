"""Production mode: settings refuse to start unsafely, and `check --deploy` is silent."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SECRET_KEY",
            "DJANGO_SECRET_KEY_FILE",
            "DJANGO_DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "ICLD_SITE_URL",
            "DJANGO_EMAIL_BACKEND",
        }
    }
    environment = {**inherited, "DJANGO_SETTINGS_MODULE": "icld_portal.settings.base", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="icld.se",
        ICLD_SITE_URL="https://icld.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "check_id"),
    [
        ({}, "core.E010"),  # ICLD_SITE_URL left at its default
        ({"ICLD_SITE_URL": "http://icld.se"}, "core.E010"),
        (
            {
                "ICLD_SITE_URL": "https://icld.se",
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            },
            "core.W011",
        ),
    ],
)
def test_check_deploy_names_what_production_lacks(env, check_id):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="icld.se",
        **env,
    )
    assert result.returncode != 0
    assert check_id in result.stdout + result.stderr


@pytest.mark.parametrize("secret", ["", "django-insecure-" + "a" * 60, "short"])
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    result = run_manage("check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secret)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(64))
    result = run_manage("check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY_FILE=str(key_file))
    assert result.returncode == 0, result.stderr
