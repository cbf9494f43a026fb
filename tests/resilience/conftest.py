import os

import pytest
from django.conf import settings


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/resilience/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def resilience_database():
    suffix = os.environ.get("ICLD_TEST_DB", "")
    return f"{settings.DATABASES['default']['NAME']}_resilience{'_' + suffix if suffix else ''}"
