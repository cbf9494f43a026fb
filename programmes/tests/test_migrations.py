"""Migrations keep every row: history written before entries kept event keys reads in every
language, and programmes keep their published state."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from programmes.models import HistoryEntry, Programme
from programmes.tests.conftest import make_offer, make_programme

BEFORE = [("programmes", "0001_initial")]
AFTER = [("programmes", "0002_history_event")]


def migrate(targets=None):
    """Migrate to ``targets`` (all the latest migrations when None); the apps at that point."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translated_summaries_and_labels_become_keys_and_field_names():
    offer = make_offer()
    try:
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
    finally:
        migrate()  # every later migration too: the tests after this one expect them
    status, admin = HistoryEntry.objects.order_by("pk")
    assert status.event == HistoryEntry.Event.STATUS_CHANGED
    assert status.changes == {"status": ["new", "declined"]}
    assert admin.event == HistoryEntry.Event.CHANGED_IN_ADMIN
    assert admin.changes == {"may_be_listed": [False, True], "internal_notes": ["", "Ring"]}
    with translation.override("en"):
        assert str(status) == "Status changed."
        assert ("status", "New", "Declined") in status.change_rows()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_programmes_keep_their_state_and_published_ones_get_a_first_publication():
    shown, hidden = make_programme(), make_programme(is_published=False)
    try:
        migrate([("programmes", "0002_history_event")])
    finally:
        migrate()
    shown, hidden = Programme.objects.get(pk=shown.pk), Programme.objects.get(pk=hidden.pk)
    assert shown.is_published and shown.published_at == shown.updated_at
    assert not hidden.is_published and hidden.published_at is None
