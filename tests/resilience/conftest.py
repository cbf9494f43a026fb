import pytest

from tests.databases import served_database_name


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/resilience/" in str(item.fspath):
            item.add_marker(pytest.mark.resilience)


@pytest.fixture(scope="module")
def resilience_database():
    return served_database_name("resilience")
