import secrets

from django.db import migrations, models

import alerts.models


def one_key_per_address(apps, schema_editor):
    Subscription = apps.get_model("alerts", "Subscription")
    emails = Subscription.objects.values_list("email", flat=True).distinct()
    for email in list(emails):
        Subscription.objects.filter(email=email).update(unsubscribe_key=secrets.token_urlsafe(16))


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_privacy_notice"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="unsubscribe_key",
            field=models.CharField(
                db_index=True, default=alerts.models.new_unsubscribe_key, editable=False,
                max_length=32, verbose_name="unsubscribe key",
            ),
        ),
        migrations.RunPython(one_key_per_address, migrations.RunPython.noop),
    ]
