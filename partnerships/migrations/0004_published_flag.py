"""Partnerships and stories are published or not, like every other kind of public content.

``publish_state`` ("draft"/"published") becomes the ``is_published`` flag of
``core.publishing.Publishable``: a published row stays published, a draft stays a draft.
Stories get ``published_at`` too; for rows already published it is the time they were
created (the earliest they can have been published), and so is a partnership's where it
was never recorded (rows written in bulk). The next migrations copy the state and drop
the old column, each on its own: PostgreSQL does not change a table's schema in the
transaction that has just updated its rows.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0003_registration_event_actions"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnership",
            name="is_published",
            field=models.BooleanField(
                default=False,
                help_text="Only published content is shown on the website.",
                verbose_name="published",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="is_published",
            field=models.BooleanField(
                default=False,
                help_text="Only published content is shown on the website.",
                verbose_name="published",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="published_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="first published"
            ),
        ),
    ]
