"""Publication covers move into the image library (core.images): each cover file becomes an
image row, its text alternative with it, and gets resized renditions. The old columns go in
the next migration (its own transaction: the new foreign key's checks wait for the commit)."""

import django.db.models.deletion
from django.db import migrations, models


def covers_to_library(apps, schema_editor):
    from django.core.files.base import ContentFile

    from core import images

    Publication = apps.get_model("knowledge", "Publication")
    Image = apps.get_model("core", "Image")
    for publication in Publication.objects.exclude(cover_image=""):
        try:
            with publication.cover_image.open("rb") as handle:
                data = handle.read()
        except OSError:
            continue  # the file is gone: nothing to move
        upload = images.name_by_content(ContentFile(data, name="cover"))
        try:
            images.validate_image_file(upload)
        except Exception:  # noqa: BLE001 - a file the library refuses stays out of it
            continue
        image = Image(
            key=images.new_key(),
            alt_sv=publication.cover_alt_sv,
            alt_en=publication.cover_alt_en,
        )
        image.file.save(upload.name, upload, save=False)
        with image.file.open("rb") as handle:
            image.width, image.height, _format = images.read_dimensions(handle)
        image.save()
        images.make_renditions(image)
        publication.cover = image
        publication.save(update_fields=["cover"])
        publication.cover_image.storage.delete(publication.cover_image.name)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0013_search_configurations"),
        ("knowledge", "0014_event_cancelled_organisations_reminders"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="cover",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose from the image library, or add a new image with +.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="knowledge_publication_cover",
                to="core.image",
                verbose_name="cover image",
            ),
        ),
        migrations.RunPython(covers_to_library, migrations.RunPython.noop),
    ]
