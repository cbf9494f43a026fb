"""`manage.py seed_demo` loads the demo content, and running it twice changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db

OUR_APPS = ("core", "reference", "partnerships", "programmes", "knowledge", "staff", "alerts")


def snapshot() -> dict:
    """Every row of our apps, without columns that record *when* a row was saved."""
    state = {}
    for app_label in OUR_APPS:
        for model in apps.get_app_config(app_label).get_models():
            fields = [
                field.attname
                for field in model._meta.concrete_fields
                if not getattr(field, "auto_now", False)
            ]
            state[model._meta.label] = sorted(
                (
                    tuple(str(value) for value in row)
                    for row in model.objects.order_by("pk").values_list(*fields)
                ),
            )
    return state


def test_seeding_twice_changes_nothing():
    call_command("seed_demo", allow_production=True, stdout=StringIO())
    first = snapshot()
    call_command("seed_demo", allow_production=True, stdout=StringIO())
    assert snapshot() == first


def test_seed_demo_refuses_to_run_in_production(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
