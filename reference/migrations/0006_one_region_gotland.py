"""Gotland is one organisation: Region Gotland, the municipality (SCB 0980) that also has a
region's duties. The reference data had it twice ("Gotlands kommun" and "Region Gotland");
every row that pointed at either now points at the one kept, the municipality, renamed."""

from django.db import migrations

MUNICIPALITY_CODE = "0980"
REGION_CODE = "09"
NAMES = {"name_sv": "Region Gotland", "name_en": "Region Gotland", "short_name": "Gotland"}
SLUG = "region-gotland"


def _repoint(Organisation, old, new) -> None:
    """Every foreign key and many-to-many link to ``old`` now goes to ``new``."""
    for relation in Organisation._meta.related_objects:
        if relation.many_to_many:
            through = relation.field.remote_field.through
            source = relation.field.m2m_field_name()
            target = relation.field.m2m_reverse_field_name()
            links = through.objects.filter(**{target: old})
            # A row linked to both keeps one link.
            already = through.objects.filter(**{target: new}).values(f"{source}_id")
            links.filter(**{f"{source}_id__in": already}).delete()
            links.update(**{target: new})
        elif relation.one_to_many:
            relation.related_model.objects.filter(**{relation.field.name: old}).update(
                **{relation.field.name: new}
            )


def _search_names(partnership) -> str:
    # As partnerships.services.partnership_search_names, on the historical models.
    names = [partnership.country.name_sv, partnership.country.name_en]
    for organisation in [
        *partnership.swedish_organisations.select_related("county"),
        *partnership.partner_organisations.select_related("county"),
    ]:
        names += [organisation.short_name, organisation.name_sv, organisation.name_en]
        if organisation.county_id:
            names += [organisation.county.name_sv, organisation.county.name_en]
    for theme in partnership.themes.all():
        names += [theme.name_sv, theme.name_en]
    if partnership.network_id:
        names += [partnership.network.name_sv, partnership.network.name_en]
    return " ".join(dict.fromkeys(name for name in names if name))


def merge(apps, schema_editor):
    Organisation = apps.get_model("reference", "Organisation")
    Partnership = apps.get_model("partnerships", "Partnership")
    Subscription = apps.get_model("alerts", "Subscription")
    municipality = Organisation.objects.filter(kind="municipality", code=MUNICIPALITY_CODE).first()
    if municipality is None:
        return  # a database without the reference data
    old_slugs = {municipality.slug}
    region = Organisation.objects.filter(kind="region", code=REGION_CODE).first()
    if region is not None:
        old_slugs.add(region.slug)
        _repoint(Organisation, region, municipality)
        municipality.website = municipality.website or region.website
        region.delete()
    for name, value in NAMES.items():
        setattr(municipality, name, value)
    municipality.slug = SLUG
    municipality.save()
    # Saved list filters name organisations by slug.
    for slug in old_slugs - {SLUG}:
        for subscription in Subscription.objects.filter(query__contains=f"organisation={slug}"):
            params = subscription.query.split("&")
            subscription.query = "&".join(
                f"organisation={SLUG}" if param == f"organisation={slug}" else param
                for param in params
            )
            subscription.save(update_fields=["query"])
    for partnership in Partnership.objects.filter(swedish_organisations=municipality):
        Partnership.objects.filter(pk=partnership.pk).update(
            search_names=_search_names(partnership)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0005_search_vector"),
        # Every app whose rows point at organisations, so their models are here to repoint.
        ("partnerships", "0014_search_vectors"),
        ("programmes", "0009_search_vector"),
        ("knowledge", "0013_search_file_text_default"),
        ("alerts", "0004_filter_as_text"),
    ]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
