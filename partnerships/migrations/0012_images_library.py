"""Stories and partnerships show images of the image library (core.Image).

Each story image and partnership picture becomes a library image: its file is moved to a random
name (images/<uuid>.<ext>), checked by Pillow (a file Pillow cannot read is dropped, as it
could not be shown), its alternative text and caption come along, and its renditions are made.
"""

import uuid
from pathlib import Path

import django.db.models.deletion
from django.core.files.storage import default_storage
from django.db import migrations, models

HELP = (
    "Formatted text: headings, lists, links, quotes, tables and images from the image library. "
    "Pasted text keeps its structure and loses its styles."
)


def _library_image(Image, name, **texts):
    """A library image from a stored file, or None when the file is gone or no image."""
    from core import images

    if not name or not default_storage.exists(name):
        return None
    try:
        with default_storage.open(name, "rb") as handle:
            images.validate_image_file(handle)
            width, height, image_format = images.read_dimensions(handle)
    except Exception:  # noqa: BLE001 (not an image we can show: it is left out)
        return None
    key = uuid.uuid4()
    new_name = f"{images.IMAGES_DIR}/{key.hex}.{images.FORMATS[image_format]}"
    with default_storage.open(name, "rb") as handle:
        default_storage.save(new_name, handle)
    default_storage.delete(name)
    image = Image.objects.create(key=key, file=new_name, width=width, height=height, **texts)
    images.make_renditions(image)
    return image


def to_library(apps, schema_editor):
    Image = apps.get_model("core", "Image")
    Story = apps.get_model("partnerships", "Story")
    PartnershipImage = apps.get_model("partnerships", "PartnershipImage")
    for story in Story.objects.exclude(image=""):
        image = _library_image(
            Image, story.image.name, alt_sv=story.image_alt_sv, alt_en=story.image_alt_en
        )
        Story.objects.filter(pk=story.pk).update(lead_image=image)
    for picture in PartnershipImage.objects.all():
        image = _library_image(
            Image,
            picture.image.name,
            alt_sv=picture.alt_text_sv,
            alt_en=picture.alt_text_en,
            caption_sv=picture.caption_sv,
            caption_en=picture.caption_en,
        )
        if image is None:
            picture.delete()
        else:
            PartnershipImage.objects.filter(pk=picture.pk).update(library_image=image)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_images_library"),
        ("partnerships", "0011_images_rich_text_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnership",
            name="lead_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose from the image library, or add a new image with +.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="%(app_label)s_%(class)s_lead",
                to="core.image",
                verbose_name="lead image",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="lead_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose from the image library, or add a new image with +.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="%(app_label)s_%(class)s_lead",
                to="core.image",
                verbose_name="lead image",
            ),
        ),
        migrations.AddField(
            model_name="partnershipimage",
            name="library_image",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="core.image",
            ),
        ),
        migrations.RunPython(to_library, migrations.RunPython.noop),
        migrations.RemoveField(model_name="story", name="image"),
        migrations.RemoveField(model_name="story", name="image_alt_sv"),
        migrations.RemoveField(model_name="story", name="image_alt_en"),
        migrations.RemoveField(model_name="partnershipimage", name="image"),
        migrations.RemoveField(model_name="partnershipimage", name="alt_text_sv"),
        migrations.RemoveField(model_name="partnershipimage", name="alt_text_en"),
        migrations.RemoveField(model_name="partnershipimage", name="caption_sv"),
        migrations.RemoveField(model_name="partnershipimage", name="caption_en"),
        migrations.RenameField(
            model_name="partnershipimage", old_name="library_image", new_name="image"
        ),
        migrations.AlterField(
            model_name="partnershipimage",
            name="image",
            field=models.ForeignKey(
                help_text="Choose from the image library, or add a new image with +.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="partnership_pictures",
                to="core.image",
                verbose_name="image",
            ),
        ),
    ]
    for name in ("goals", "results"):
        for code, language in (("sv", "Swedish"), ("en", "English")):
            operations.append(
                migrations.AlterField(
                    model_name="partnership",
                    name=f"{name}_{code}",
                    field=models.TextField(
                        blank=True, default="", help_text=HELP, verbose_name=f"{name} ({language})"
                    ),
                )
            )
    operations += [
        migrations.AlterField(
            model_name="story",
            name="body_en",
            field=models.TextField(
                blank=True, default="", help_text=HELP, verbose_name="body (English)"
            ),
        ),
        migrations.AlterField(
            model_name="story",
            name="body_sv",
            field=models.TextField(help_text=HELP, verbose_name="body (Swedish)"),
        ),
    ]
