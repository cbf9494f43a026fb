"""History written before entries kept event keys reads in every language after migrating."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from programmes.models import HistoryEntry
from programmes.tests.conftest import make_offer

BEFORE = [("programmes", "0001_initial")]
AFTER = [("programmes", "0002_history_event")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translated_summaries_and_labels_become_keys_and_field_names():
    offer = make_offer()
    old_apps = migrate(BEFORE)
    OldEntry = old_apps.get_model("programmes", "HistoryEntry")
    # As a Swedish and an English member of staff left them.
    OldEntry.objects.create(
        offer_id=offer.pk, summary="Status ändrad.", changes={"status": ["Ny", "Avböjd"]}
    )
    OldEntry.objects.create(
        offer_id=offer.pk,
        summary="Changed in admin.",
        changes={"may be listed as a host": ["False", "True"], "internal notes": ["", "Ring"]},
    )
    migrate(AFTER)
    status, admin = HistoryEntry.objects.order_by("pk")
    assert status.event == HistoryEntry.Event.STATUS_CHANGED
    assert status.changes == {"status": ["new", "declined"]}
    assert admin.event == HistoryEntry.Event.CHANGED_IN_ADMIN
    assert admin.changes == {"may_be_listed": [False, True], "internal_notes": ["", "Ring"]}
    with translation.override("en"):
        assert str(status) == "Status changed."
        assert ("status", "New", "Declined") in status.change_rows()
