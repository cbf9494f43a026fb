"""The shared vocabulary shipped with every installation."""

import pytest
from django.apps import apps

from reference.loaders import load_reference_data, municipality_names
from reference.models import Country, County, Organisation, Theme

pytestmark = pytest.mark.django_db


def test_every_swedish_municipality_and_region_is_there():
    assert Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).count() == 290
    # Region Gotland is the municipality of Gotland, with a region's duties: listed once.
    assert Organisation.objects.filter(kind=Organisation.Kind.REGION).count() == 20
    assert County.objects.count() == 21


def test_gotland_is_one_organisation_region_gotland():
    gotland = Organisation.objects.get(short_name__icontains="gotland")
    assert (gotland.name_sv, gotland.name_en, gotland.slug) == (
        "Region Gotland",
        "Region Gotland",
        "region-gotland",
    )
    assert (gotland.kind, gotland.code, gotland.county.code) == ("municipality", "0980", "09")
    assert not Organisation.objects.filter(name_sv__icontains="Gotlands kommun").exists()


def test_no_two_organisations_share_a_name_or_a_short_name():
    from django.db.models import Count

    for field in ("name_sv", "name_en", "short_name"):
        twice = Organisation.objects.swedish().values(field).annotate(n=Count("pk")).filter(n__gt=1)
        assert not list(twice), field


def test_municipalities_carry_scb_code_and_county():
    vara = Organisation.objects.select_related("county").get(code="1470")
    assert vara.short_name == "Vara"
    assert vara.name_sv == "Vara kommun"
    assert vara.name_en == "Vara Municipality"
    assert vara.county.name_sv == "Västra Götalands län"
    assert vara.county.name_en == "Västra Götaland County"
    assert vara.slug == "vara"


def test_municipality_counts_per_county_match_the_official_ones():
    assert Organisation.objects.filter(kind="municipality", county__code="14").count() == 49
    assert Organisation.objects.filter(kind="municipality", county__code="12").count() == 33
    assert Organisation.objects.filter(kind="municipality", county__code="09").count() == 1


def test_partner_countries_have_both_names_and_current_status():
    assert Country.objects.partners().count() == 27
    kenya = Country.objects.get(code="KE")
    assert (kenya.name_sv, kenya.name_en, kenya.is_current_partner) == ("Kenya", "Kenya", True)
    china = Country.objects.get(code="CN")
    assert (china.name_sv, china.is_current_partner) == ("Kina", False)
    assert not Country.objects.partners().filter(code="SE").exists()


def test_names_follow_swedish_usage():
    assert municipality_names("Lund") == ("Lunds kommun", "Lund Municipality")
    assert municipality_names("Kalmar")[0] == "Kalmar kommun"
    assert municipality_names("Alingsås") == ("Alingsås kommun", "Alingsås Municipality")
    assert municipality_names("Göteborg") == ("Göteborgs stad", "City of Göteborg")
    assert municipality_names("Falun")[0] == "Falu kommun"


def test_slugs_are_unique_even_for_habo_and_habo():
    slugs = set(
        Organisation.objects.filter(short_name__in=["Habo", "Håbo"]).values_list("slug", flat=True)
    )
    assert len(slugs) == 2


def test_loading_the_reference_data_again_changes_nothing():
    theme = Theme.objects.get(slug="gender-equality")
    theme.name_sv = "Jämställdhet (omdöpt av redaktionen)"
    theme.save()
    before = (
        Organisation.objects.count(),
        Country.objects.count(),
        County.objects.count(),
        Theme.objects.count(),
    )
    load_reference_data(apps)
    after = (
        Organisation.objects.count(),
        Country.objects.count(),
        County.objects.count(),
        Theme.objects.count(),
    )
    assert before == after
    # Staff edits to themes survive a reload.
    assert (
        Theme.objects.get(slug="gender-equality").name_sv == "Jämställdhet (omdöpt av redaktionen)"
    )


@pytest.mark.django_db
def test_kalmar_is_written_as_the_municipality_writes_it():
    from reference.models import Organisation

    assert Organisation.objects.get(kind="municipality", code="0880").name_sv == "Kalmar kommun"
