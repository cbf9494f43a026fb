"""Publications, calls and events keep their state when ``published_at`` arrives."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from knowledge.models import Event, Publication, ResearchCall
from knowledge.tests.factories import make_call, make_event, make_publication

BEFORE = [("knowledge", "0004_library_indexes")]


def migrate(targets=None):
    """Migrate to ``targets`` (all the latest migrations when None)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_published_rows_get_the_time_they_were_added_and_drafts_stay_drafts():
    rows = {
        Publication: (make_publication(), make_publication(is_published=False)),
        ResearchCall: (make_call(), make_call(is_published=False)),
        Event: (make_event(), make_event(is_published=False)),
    }
    try:
        migrate(BEFORE)
    finally:
        migrate()
    for model, (shown, hidden) in rows.items():
        shown, hidden = model.objects.get(pk=shown.pk), model.objects.get(pk=hidden.pk)
        assert shown.is_published and shown.published_at == shown.created_at, model
        assert not hidden.is_published and hidden.published_at is None, model
        assert list(model.objects.published()) == [shown], model


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_covers_move_into_the_image_library_with_their_text_and_renditions(settings, tmp_path):
    import io

    from django.core.files.storage import default_storage
    from PIL import Image as PILImage

    from core.images import rendition_name

    settings.MEDIA_ROOT = tmp_path
    publication = make_publication()
    try:
        migrate([("knowledge", "0014_event_cancelled_organisations_reminders")])
        buffer = io.BytesIO()
        PILImage.new("RGB", (400, 560), (10, 80, 160)).save(buffer, "PNG")
        default_storage.save("knowledge/covers/old.png", io.BytesIO(buffer.getvalue()))
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE knowledge_publication SET cover_image = %s, cover_alt_sv = %s,"
                " cover_alt_en = %s WHERE id = %s",
                ["knowledge/covers/old.png", "Blått omslag", "Blue cover", publication.pk],
            )
    finally:
        migrate()
    cover = Publication.objects.select_related("cover").get(pk=publication.pk).cover
    assert (cover.alt_sv, cover.alt_en, cover.width, cover.height) == (
        "Blått omslag",
        "Blue cover",
        400,
        560,
    )
    assert default_storage.exists(rendition_name(cover, 320))
    assert not default_storage.exists("knowledge/covers/old.png")
