import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish_by_default(db):
    """Tests run in the site's default language unless they choose another."""
    with translation.override("sv"):
        yield


@pytest.fixture
def staff_client(django_user_model):
    from django.test import Client

    client = Client()
    user = django_user_model.objects.create_user(
        username="staff", password="a-long-enough-password", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client
