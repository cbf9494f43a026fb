"""The cover's file and text alternative now live in the image library (0015)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0015_publication_cover_from_image_library")]

    operations = [
        migrations.RemoveField(model_name="publication", name="cover_alt_en"),
        migrations.RemoveField(model_name="publication", name="cover_alt_sv"),
        migrations.RemoveField(model_name="publication", name="cover_image"),
    ]
