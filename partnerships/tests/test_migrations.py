"""Migrating to one shape for "published" and for the history keeps every row as it was."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from partnerships import services
from partnerships.models import Partnership, RegistrationEvent, Story
from partnerships.tests import factories

BEFORE = [("partnerships", "0003_registration_event_actions")]


def migrate(targets=None):
    """Migrate to ``targets`` (all the latest migrations when None); the apps at that point."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_published_rows_stay_published_and_drafts_stay_drafts_both_ways():
    shown = factories.partnership()
    hidden = factories.partnership(publish=False)
    story = factories.story(partnerships=[shown])
    draft_story = factories.story(partnerships=[shown], publish=False)
    first_published = shown.published_at
    try:
        old_apps = migrate(BEFORE)
        OldPartnership = old_apps.get_model("partnerships", "Partnership")
        OldStory = old_apps.get_model("partnerships", "Story")
        assert OldPartnership.objects.get(pk=shown.pk).publish_state == "published"
        assert OldPartnership.objects.get(pk=hidden.pk).publish_state == "draft"
        assert OldStory.objects.get(pk=story.pk).publish_state == "published"
        assert OldStory.objects.get(pk=draft_story.pk).publish_state == "draft"
        # Written in bulk, as the benchmark data was: published, with no time recorded.
        bulk = OldPartnership.objects.get(pk=shown.pk)
        bulk.pk, bulk.slug, bulk.published_at = None, "bulk", None
        bulk.save()
    finally:
        migrate()
    assert set(Partnership.objects.published().values_list("pk", flat=True)) == {
        shown.pk,
        bulk.pk,
    }
    assert list(Story.objects.published().values_list("pk", flat=True)) == [story.pk]
    assert Partnership.objects.get(pk=shown.pk).published_at == first_published
    bulk = Partnership.objects.get(pk=bulk.pk)
    assert bulk.published_at == bulk.created_at
    assert Partnership.objects.get(pk=hidden.pk).published_at is None
    assert Story.objects.get(pk=story.pk).published_at is not None
    assert Story.objects.get(pk=draft_story.pk).published_at is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_registration_history_keeps_who_what_and_when():
    user = get_user_model().objects.create_user("bo", is_staff=True)
    registration = factories.registration()
    services.registration_update(registration=registration, user=user, status="contacted")
    before = list(registration.events.order_by("pk").values_list("event", "by", "at", "changes"))
    try:
        old_apps = migrate(BEFORE)
        OldEvent = old_apps.get_model("partnerships", "RegistrationEvent")
        old = OldEvent.objects.filter(registration_id=registration.pk).order_by("pk")
        assert list(old.values_list("action", "user", "at", "changes")) == before
    finally:
        migrate()
    after = RegistrationEvent.objects.filter(registration=registration).order_by("pk")
    assert list(after.values_list("event", "by", "at", "changes")) == before
    assert before[-1][:2] == ("changed", user.pk)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_registrations_get_the_round_of_the_day_they_arrived():
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from partnerships.models import InterestRegistration

    spring = factories.round_(date(2026, 2, 15), date(2026, 3, 15), "Våren 2026")
    autumn = factories.round_(date(2026, 9, 15), date(2026, 10, 15), "Hösten 2026")
    during = factories.registration(email="during@vara.example")
    between = factories.registration(email="between@vara.example")
    after = factories.registration(email="after@vara.example")
    stockholm = ZoneInfo("Europe/Stockholm")
    received = {
        during.pk: datetime(2026, 3, 15, 23, 30, tzinfo=stockholm),  # the last day, late
        between.pk: datetime(2026, 5, 1, 9, 0, tzinfo=stockholm),
        after.pk: datetime(2026, 12, 1, 9, 0, tzinfo=stockholm),
    }
    try:
        old_apps = migrate([("partnerships", "0014_search_vectors")])
        OldRegistration = old_apps.get_model("partnerships", "InterestRegistration")
        for pk, moment in received.items():
            OldRegistration.objects.filter(pk=pk).update(created_at=moment)
    finally:
        migrate()
    rounds = dict(InterestRegistration.objects.values_list("pk", "application_round"))
    assert rounds == {during.pk: spring.pk, between.pk: autumn.pk, after.pk: None}
