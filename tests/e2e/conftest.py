import os

import pytest

from tests.databases import served_database_name
from tests.e2e.harness import CHROMIUM_ARGS, chromium_executable, drop_database, start_portal

# Playwright's sync API runs an event loop in this thread; the tests never use
# the ORM directly (they read the served portal's database with psycopg).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def portal(tmp_path_factory, django_db_blocker):
    """The portal in production mode with demo content, shared by all browser tests."""
    database = served_database_name("e2e")
    with django_db_blocker.unblock():
        server = start_portal(tmp_path_factory.mktemp("portal"), database=database)
    yield server
    server.stop()
    with django_db_blocker.unblock():
        drop_database(database)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()
