"""A registration's history has the shape of every change history (``core.history``):
``user`` is now ``by`` and ``action`` is ``event``; the rows and their values stay as they
are (the keys already fit the shorter column). ``at`` is given by the writer, as in the
other histories, instead of always being the moment of saving."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0007_timestamps"),
    ]

    operations = [
        migrations.RenameField(model_name="registrationevent", old_name="user", new_name="by"),
        migrations.RenameField(
            model_name="registrationevent", old_name="action", new_name="event"
        ),
        migrations.AlterField(
            model_name="registrationevent",
            name="event",
            field=models.CharField(
                choices=[
                    ("received", "Received from the website"),
                    ("changed", "Changed"),
                    ("matched", "Match recorded"),
                ],
                max_length=30,
                verbose_name="what happened",
            ),
        ),
        migrations.AlterField(
            model_name="registrationevent",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
        ),
        migrations.AlterField(
            model_name="registrationevent",
            name="changes",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Field: [old value, new value].",
                verbose_name="changes",
            ),
        ),
    ]
