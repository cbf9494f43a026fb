"""Region Gotland was in the reference data twice; the migration keeps one and every row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from partnerships.models import InterestRegistration, Partnership
from partnerships.tests import factories
from reference.models import Organisation

BEFORE = ("reference", "0005_search_vector")


def migrate(before=None):
    """Every app at its latest migration, or reference at ``before``; the apps at that point."""
    executor = MigrationExecutor(connection)
    targets = [
        before if before and app == before[0] else (app, name)
        for app, name in executor.loader.graph.leaf_nodes()
    ]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gotland_becomes_one_organisation_and_every_row_points_at_it():
    both = factories.partnership(swedish_slugs=("region-gotland", "vara"))
    region_only = factories.partnership(swedish_slugs=("vara",))
    registration = factories.registration(org="vara")
    counts = (Partnership.objects.count(), InterestRegistration.objects.count())
    try:
        old = migrate(BEFORE)
        OldOrganisation = old.get_model("reference", "Organisation")
        gotland = OldOrganisation.objects.get(kind="municipality", code="0980")
        # The state before: the municipality as "Gotlands kommun" and a region beside it.
        OldOrganisation.objects.filter(pk=gotland.pk).update(
            name_sv="Gotlands kommun", name_en="Gotland Municipality", slug="gotland"
        )
        region = OldOrganisation.objects.create(
            kind="region",
            code="09",
            name_sv="Region Gotland",
            name_en="Region Gotland",
            short_name="Region Gotland",
            slug="region-gotland",
            country_id="SE",
            county_id="09",
            website="https://gotland.example",
        )
        OldPartnership = old.get_model("partnerships", "Partnership")
        OldPartnership.objects.get(pk=both.pk).swedish_organisations.add(region)
        OldPartnership.objects.get(pk=region_only.pk).swedish_organisations.set([region])
        old.get_model("partnerships", "InterestRegistration").objects.filter(
            pk=registration.pk
        ).update(organisation=region)
        old.get_model("alerts", "Subscription").objects.create(
            email="a@example.org",
            kind="partnerships",
            query="organisation=gotland&theme=education",
            submission_token="00000000-0000-0000-0000-000000000001",
            unsubscribe_key="k" * 20,
        )
    finally:
        migrate()
    gotland = Organisation.objects.get(slug="region-gotland")
    assert Organisation.objects.filter(short_name__icontains="gotland").count() == 1
    assert (gotland.kind, gotland.code, gotland.county_id) == ("municipality", "0980", "09")
    assert (gotland.name_sv, gotland.name_en) == ("Region Gotland", "Region Gotland")
    assert gotland.website == "https://gotland.example"
    assert (Partnership.objects.count(), InterestRegistration.objects.count()) == counts
    assert list(Partnership.objects.get(pk=both.pk).swedish_organisations.order_by("slug")) == [
        gotland,
        Organisation.objects.get(slug="vara"),
    ]
    assert list(Partnership.objects.get(pk=region_only.pk).swedish_organisations.all()) == [gotland]
    assert "Region Gotland" in Partnership.objects.get(pk=region_only.pk).search_names
    assert InterestRegistration.objects.get(pk=registration.pk).organisation == gotland
    from alerts.models import Subscription

    assert Subscription.objects.get(email="a@example.org").query == (
        "organisation=region-gotland&theme=education"
    )


@pytest.mark.django_db
def test_a_double_booking_across_the_two_gotlands_is_kept_as_a_cancelled_visit_with_a_note():
    import importlib

    from django.apps import apps

    from programmes.tests.conftest import make_intake, make_visit

    merge = importlib.import_module("reference.migrations.0006_one_region_gotland")
    municipality = Organisation.objects.get(kind="municipality", code="0980")
    region = Organisation.objects.create(
        kind="region", code="09", name_sv="Region Gotland (dubblett)", name_en="Region Gotland",
        slug="region-gotland-dubblett", country_id="SE", county_id="09",
    )  # fmt: skip
    intake = make_intake()
    kept = make_visit(intake, municipality, first="2027-09-08", last="2027-09-09")
    clash = make_visit(intake, region, first="2027-09-09", last="2027-09-10")
    apart = make_visit(intake, region, first="2027-09-20", last="2027-09-20")
    merge._set_aside_double_bookings(apps, region, municipality)
    merge._repoint(Organisation, region, municipality)
    for visit in (kept, clash, apart):
        visit.refresh_from_db()
    assert {kept.host, clash.host, apart.host} == {municipality}
    assert (kept.status, apart.status) != ("cancelled", "cancelled")
    assert clash.status == "cancelled" and "Planera om det" in clash.internal_notes
    assert apart.status != "cancelled" and not apart.internal_notes
