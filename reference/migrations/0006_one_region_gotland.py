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


NOTE = (
    "Flyttat från dubbletten Region Gotland (2026-12): besöket överlappade ett annat besök hos "
    "Gotland och är därför markerat som inställt. Planera om det. / Moved from the duplicate "
    "Region Gotland: it overlapped another visit to Gotland, so it is marked cancelled; "
    "reschedule it."
)


def _set_aside_double_bookings(apps, region, municipality) -> None:
    """Two rows for one host could each have a visit on the same days; as one host that is a
    double booking, which the database refuses. Such a visit of the duplicate is kept, marked
    cancelled (outside the rule) with a note for the programme team: nothing is lost."""
    Visit = apps.get_model("programmes", "ScheduledVisit")
    active = Visit.objects.exclude(status="cancelled")
    for visit in active.filter(host=region):
        clash = active.filter(
            host=municipality, starts_on__lte=visit.ends_on, ends_on__gte=visit.starts_on
        )
        if clash.exists():
            visit.status = "cancelled"
            visit.internal_notes = f"{visit.internal_notes}\n\n{NOTE}".strip()
            visit.save(update_fields=["status", "internal_notes"])


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
        _set_aside_double_bookings(apps, region, municipality)
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
