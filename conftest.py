"""Fixtures every app's tests share."""

import pytest
from django.utils import translation

from tests import databases

# Tests that serve the portal (a session-wide one for the browser tests, more for resilience).
SERVED = ("tests/e2e/", "tests/resilience/")


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With `-n`, one worker runs every test that serves the portal, the others share the rest.

    So a parallel run starts the browser tests' portal once, and the resilience tests, which
    time how a portal recovers, never compete with a second served portal. This is
    `--dist loadgroup` without marks, which pytest-xdist 3.8 cannot read under pytest 9.2
    (pytest-xdist issue 1386). The served tests, the largest unit, are handed out first.
    """
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ServedTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "served" if nodeid.startswith(SERVED) else nodeid

    return ServedTogether(config, log)


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test database (one per xdist worker), copied from a migrated template.

    Django then finds every migration applied and only adds what it adds to any test
    database. ``--reuse-db`` keeps an existing test database, ``--create-db`` copies afresh.
    """
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    keep = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        databases.clone(settings.DATABASES["default"]["TEST"]["NAME"], replace=not keep)
        db_cfg = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=True,
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=request.config.option.verbose)


@pytest.fixture
def staff_client(django_user_model):
    """A superuser signed in with password and second factor (admin requires both)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user(
        username="staff", password="a-long-enough-password", is_staff=True, is_superuser=True
    )
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def password_only_staff_client(django_user_model):
    """A staff member who has given the password but not yet the second factor."""
    from django.test import Client

    user = django_user_model.objects.create_user(
        username="halfway", password="a-long-enough-password", is_staff=True, is_superuser=True
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _forget_search_lexemes():
    """Each test looks up its search words' lexemes itself (core.search keeps them for the
    process): a test counting queries counts the same whatever ran before it."""
    from core import search

    search._LEXEMES.clear()


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("sv")
    yield
    translation.deactivate()
