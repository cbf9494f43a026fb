"""History entries keep an event key instead of a sentence in the writer's language.

Until now each entry stored its summary already translated (Swedish when a Swedish admin
made the change), and the changes under the field's translated label with translated choice
labels as values. Existing rows get the key their sentence stands for, in either language,
and their changes the field names and stored values, where these can be told back.
"""

from django.db import migrations, models
from django.utils import translation

SUMMARIES = {
    "offer_received": (
        "Offer received through the website.",
        "Erbjudandet togs emot via webbplatsen.",
    ),
    "status_changed": ("Status changed.", "Status ändrad."),
    "changed_in_admin": ("Changed in admin.", "Ändrat i administrationen."),
    "visit_scheduled": ("Visit scheduled.", "Besöket bokat."),
    "visit_changed": ("Visit changed.", "Besöket ändrat."),
    "confirmation_sent": (
        "Confirmation emailed to the host.",
        "Bekräftelse mejlad till värden.",
    ),
}
EVENT_OF_SUMMARY = {text: key for key, texts in SUMMARIES.items() for text in texts}


def _in_both_languages(text: str) -> set[str]:
    with translation.override("sv"):
        return {str(text), translation.gettext(str(text))}


def _field_names(model) -> dict[str, models.Field]:
    """Every way a field was named in a change: its name, its English and Swedish label."""
    names = {}
    for field in model._meta.concrete_fields:
        names[field.name] = field
        for label in _in_both_languages(field.verbose_name):
            names.setdefault(label, field)
    return names


def _stored_value(field, value):
    if field is None or not isinstance(value, str):
        return value
    if isinstance(field, models.BooleanField) and value in ("True", "False"):
        return value == "True"
    for key, label in field.flatchoices:
        if value == key or value in _in_both_languages(label):
            return key
    return value


def forwards(apps, schema_editor):
    HistoryEntry = apps.get_model("programmes", "HistoryEntry")
    names = {
        "offer": _field_names(apps.get_model("programmes", "HostingOffer")),
        "visit": _field_names(apps.get_model("programmes", "ScheduledVisit")),
    }
    for entry in HistoryEntry.objects.all():
        subject = "visit" if entry.visit_id else "offer"
        entry.event = EVENT_OF_SUMMARY.get(
            entry.summary.strip(), "visit_changed" if subject == "visit" else "changed_in_admin"
        )
        changes = {}
        for label, pair in (entry.changes or {}).items():
            field = names[subject].get(label)
            old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            key = field.name if field is not None else label
            changes[key] = [_stored_value(field, old), _stored_value(field, new)]
        entry.changes = changes
        entry.save(update_fields=["event", "changes"])


def backwards(apps, schema_editor):
    HistoryEntry = apps.get_model("programmes", "HistoryEntry")
    for entry in HistoryEntry.objects.all():
        entry.summary = SUMMARIES.get(entry.event, (entry.event,))[0]
        entry.save(update_fields=["summary"])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="historyentry",
            name="event",
            field=models.CharField(
                choices=[
                    ("offer_received", "Offer received through the website."),
                    ("status_changed", "Status changed."),
                    ("changed_in_admin", "Changed in admin."),
                    ("visit_scheduled", "Visit scheduled."),
                    ("visit_changed", "Visit changed."),
                    ("confirmation_sent", "Confirmation emailed to the host."),
                ],
                default="",
                max_length=30,
                verbose_name="what happened",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name="historyentry",
            name="summary",
        ),
    ]
