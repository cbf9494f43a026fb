"""Writes for partnerships: valid parties, idempotent upserts, search names, publishing."""

import pytest
from django.core.exceptions import ValidationError

from partnerships import services
from partnerships.models import Partnership
from partnerships.tests import factories
from reference.models import Country


def test_a_partnership_needs_swedish_and_partner_organisations_in_its_country():
    kenya = Country.objects.get(code="KE")
    tanzanian = factories.foreign_organisation("TZ")
    with pytest.raises(ValidationError) as error:
        services.partnership_validate_parties(
            country=kenya, swedish_organisations=[tanzanian], partner_organisations=[tanzanian]
        )
    assert set(error.value.message_dict) == {"swedish_organisations", "partner_organisations"}
    with pytest.raises(ValidationError) as error:
        services.partnership_validate_parties(
            country=kenya, swedish_organisations=[], partner_organisations=[]
        )
    assert "Välj minst en svensk organisation." in error.value.message_dict["swedish_organisations"]


def test_sweden_cannot_be_the_partner_country():
    with pytest.raises(ValidationError) as error:
        services.partnership_validate_parties(
            country=Country.objects.get(code="SE"),
            swedish_organisations=[factories.swedish("vara")],
            partner_organisations=[factories.swedish("ale")],
        )
    assert "country" in error.value.message_dict


def test_upsert_creates_then_changes_nothing_when_run_again():
    partner = factories.foreign_organisation("KE", name="Kisumu")
    partnership = factories.partnership(partners=[partner], slug="same")
    first_update = partnership.updated_at
    again = factories.partnership(
        partners=[partner],
        slug="same",
        title_sv=partnership.title_sv,
        title_en=partnership.title_en,
    )
    assert Partnership.objects.filter(slug="same").count() == 1
    # The title differs from the factory's new default only if changed; here it is the same.
    assert again.pk == partnership.pk
    assert Partnership.objects.get(pk=partnership.pk).updated_at == first_update


def test_search_names_hold_both_languages_of_parties_country_and_themes():
    partner = factories.foreign_organisation("CN", name="Huangshan")
    partnership = factories.partnership(
        country="CN", partners=[partner], themes=("children-and-youth",)
    )
    names = Partnership.objects.get(pk=partnership.pk).search_names
    for expected in (
        "Vara",
        "Vara kommun",
        "Vara Municipality",
        "Huangshan",
        "Kina",
        "China",
        "Västra Götalands län",
        "Barn och ungas inflytande",
        "Children and youth inclusion",
    ):
        assert expected in names


def test_publish_records_the_first_publication_and_unpublish_makes_a_draft():
    partnership = factories.partnership(publish=False)
    assert partnership.published_at is None and not partnership.is_published
    services.partnership_publish(partnership=partnership)
    first = Partnership.objects.get(pk=partnership.pk).published_at
    assert first is not None
    services.partnership_unpublish(partnership=partnership)
    services.partnership_publish(partnership=partnership)
    assert Partnership.objects.get(pk=partnership.pk).published_at == first
