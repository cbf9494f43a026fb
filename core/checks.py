"""What `manage.py check --deploy` says about the portal's own settings, beyond Django's."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver", ""}
TEST_MAIL_BACKENDS = ("console", "locmem", "filebased", "dummy")
PER_PROCESS_CACHES = ("locmem", "dummy")


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """Every emailed link and canonical address starts with ICLD_SITE_URL."""
    parts = urlsplit(settings.ICLD_SITE_URL)
    if parts.scheme == "https" and (parts.hostname or "") not in LOCAL_HOSTS:
        return []
    return [
        checks.Error(
            f"ICLD_SITE_URL is {settings.ICLD_SITE_URL!r}: links in emails, feeds and "
            "canonical addresses would point there.",
            hint="Set ICLD_SITE_URL to the public https address, e.g. https://icld.se.",
            id="core.E010",
        )
    ]


@checks.register(deploy=True)
def check_email_backend(app_configs, **kwargs):
    backend = settings.MAILERS["default"]["BACKEND"]
    if not any(f".{name}." in backend for name in TEST_MAIL_BACKENDS):
        return []
    return [
        checks.Warning(
            f"Emails are not sent: the email backend is {backend}.",
            hint="Set DJANGO_EMAIL_BACKEND (SMTP by default) and DJANGO_EMAIL_HOST.",
            id="core.W011",
        )
    ]


@checks.register(checks.Tags.caches, deploy=True)
def check_cache_and_security_store(app_configs, **kwargs):
    problems = []
    backend = settings.CACHES["default"]["BACKEND"]
    if any(f".{name}." in backend for name in PER_PROCESS_CACHES):
        problems.append(
            checks.Error(
                f"The cache ({backend}) is not shared between app servers.",
                hint="Set REDIS_URL, or leave it unset for the PostgreSQL cache table.",
                id="core.E012",
            )
        )
    # Lockouts must be counted where nothing evicts them (staff.lockout).
    if (
        settings.AUTHENTICATION_BACKENDS[:1] != ["axes.backends.AxesStandaloneBackend"]
        or settings.AXES_HANDLER != "axes.handlers.database.AxesDatabaseHandler"
    ):
        problems.append(
            checks.Error(
                "Admin sign-in failures are not counted in PostgreSQL.",
                hint="Keep axes' backend first in AUTHENTICATION_BACKENDS and its database "
                "handler (see settings, 'Staff sign-in').",
                id="core.E013",
            )
        )
    return problems
