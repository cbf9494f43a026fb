"""Kalmar kommun, as the municipality writes its name (not "Kalmars kommun")."""

from django.db import migrations


def rename(apps, schema_editor):
    Organisation = apps.get_model("reference", "Organisation")
    Organisation.objects.filter(kind="municipality", code="0880").update(name_sv="Kalmar kommun")


def rename_back(apps, schema_editor):
    Organisation = apps.get_model("reference", "Organisation")
    Organisation.objects.filter(kind="municipality", code="0880").update(name_sv="Kalmars kommun")


class Migration(migrations.Migration):
    dependencies = [("reference", "0003_country_cluster_choices")]

    operations = [migrations.RunPython(rename, rename_back)]
