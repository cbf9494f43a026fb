"""A partner seeker that did not agree to show its name cannot be identified on the website.

Its public identifier is a random slug: in the list's anchors, the "we are interested" link,
the registration form's choices, the feeds, and what a registrant is sent or can export. A
seeker that agreed keeps a readable slug.
"""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from core.models import OutboxMessage
from partnerships import selectors, services
from partnerships.models import PartnerSeeker, RegistrationEvent
from partnerships.tests import factories
from partnerships.tests.helpers import url

OPAQUE = re.compile(r"[0-9a-f]{12}")
NAME = "Huye"


def anonymous_seeker() -> PartnerSeeker:
    """A seeker in Rwanda that agreed to be listed and contacted, not to show its name; staff
    typed a slug made from its name."""
    return factories.seeker(
        country="RW",
        organisation=factories.foreign_organisation("RW", name=NAME),
        show_name=False,
        slug="huye-inclusive-schools",
    )


def assert_anonymous(text: str) -> None:
    assert NAME.lower() not in text.lower(), text[:3000]
    assert "huye-inclusive-schools" not in text


def test_a_seeker_that_did_not_agree_gets_a_random_slug_and_one_that_did_keeps_its_own():
    anonymous = anonymous_seeker()
    assert OPAQUE.fullmatch(anonymous.slug)
    named = factories.seeker(slug="kisumu-climate-adaptation")
    assert named.slug == "kisumu-climate-adaptation"
    assert OPAQUE.fullmatch(factories.seeker(show_name=False).slug)


@pytest.mark.django_db
def test_the_database_refuses_a_readable_slug_for_a_seeker_without_consent():
    from django.db import IntegrityError, transaction

    seeker = anonymous_seeker()
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerSeeker.objects.filter(pk=seeker.pk).update(slug="huye")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_public_page_or_feed_names_the_seeker(client, language):
    seeker = anonymous_seeker()
    page = client.get(url("seeker_list", language)).content.decode()
    assert f'id="seeker-{seeker.slug}"' in page
    assert f"?seeker={seeker.slug}" in page
    assert ("En lokal förvaltning i Rwanda" if language == "sv" else "Rwanda") in page
    assert_anonymous(page)
    form = client.get(url("register", language), {"seeker": seeker.slug})
    assert form.context["form"].initial["seeker"] == seeker.slug  # the link still works
    assert f'<option value="{seeker.slug}" selected>' in form.content.decode()
    assert_anonymous(form.content.decode())
    with translation.override(language):
        feed = client.get(reverse("alerts:atom", kwargs={"kind": "seekers"}))
        sitemap = client.get("/sitemap.xml")
        search = client.get(reverse("portal:search"), {"q": NAME})
    assert feed.status_code == 200 and seeker.slug in feed.content.decode()
    assert_anonymous(feed.content.decode())
    assert_anonymous(sitemap.content.decode())
    # Searching for its name does not lead to it (the page repeats the words searched for).
    found = search.content.decode()
    assert seeker.slug not in found and "Beskrivning" not in found and "Description" not in found


def test_what_a_registrant_is_sent_or_can_export_does_not_name_the_seeker(client):
    seeker = anonymous_seeker()
    registration = factories.registration(seeker=seeker, email="anna@vara.example")
    services.match_record(registration=registration, seeker=seeker)
    [receipt] = OutboxMessage.objects.filter(to=["anna@vara.example"])
    assert_anonymous(receipt.body_text + receipt.body_html)
    exported = json.dumps(selectors.personal_data_for_email("anna@vara.example"))
    assert seeker.slug in exported
    assert_anonymous(exported.replace("anna@vara.example", ""))


def test_an_old_address_with_the_name_finds_nothing_and_redirects_nowhere(client):
    anonymous_seeker()
    response = client.get(url("register"), {"seeker": "huye-inclusive-schools"})
    assert response.status_code == 200
    assert "seeker" not in response.context["form"].initial
    # Only the language switcher repeats the address the visitor typed.
    assert_anonymous(response.content.decode().replace("?seeker=huye-inclusive-schools", ""))


def test_withdrawing_the_consent_in_admin_replaces_the_readable_slug(staff_client):
    organisation = factories.foreign_organisation("RW", name=NAME)
    seeker = factories.seeker(country="RW", organisation=organisation, slug="huye-schools")
    services.match_record(registration=factories.registration(), seeker=seeker)
    change = reverse("admin:partnerships_partnerseeker_change", args=[seeker.pk])
    data = {
        "organisation": organisation.pk,
        "country": "RW",
        "seeking_since": "2025-01-01",
        "status": "open",
        "description_sv": "Skolor.",
        "description_en": "Schools.",
        "consent_listing": "on",
        "consent_contact": "on",
        "slug": "huye-schools",
    }
    response = staff_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    seeker.refresh_from_db()
    assert OPAQUE.fullmatch(seeker.slug)
    assert RegistrationEvent.objects.get(event="matched").changes["match"] == [None, seeker.slug]
    add = staff_client.post(
        reverse("admin:partnerships_partnerseeker_add"),
        {**data, "organisation": factories.foreign_organisation("RW").pk, "slug": "named-one"},
    )
    assert add.status_code == 302
    assert OPAQUE.fullmatch(PartnerSeeker.objects.latest("pk").slug)
    named = staff_client.post(
        reverse("admin:partnerships_partnerseeker_add"),
        {
            **data,
            "organisation": factories.foreign_organisation("RW", name="Musanze").pk,
            "slug": "",
            "consent_show_name": "on",
        },
    )
    assert named.status_code == 302
    assert PartnerSeeker.objects.latest("pk").slug == "musanze"


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_gives_existing_anonymous_seekers_random_slugs():
    organisation = factories.foreign_organisation("RW", name=NAME)
    named_organisation = factories.foreign_organisation("KE", name="Kisumu")
    registration = factories.registration()
    try:
        old = migrate([("partnerships", "0008_registration_event_change_record")])
        OldSeeker = old.get_model("partnerships", "PartnerSeeker")
        common = {"seeking_since": "2025-01-01", "consent_listing": True}
        anonymous = OldSeeker.objects.create(
            slug="huye-inclusive-schools",
            organisation_id=organisation.pk,
            country_id="RW",
            consent_show_name=False,
            **common,
        )
        named = OldSeeker.objects.create(
            slug="kisumu-climate",
            organisation_id=named_organisation.pk,
            country_id="KE",
            consent_show_name=True,
            **common,
        )
        old.get_model("partnerships", "RegistrationEvent").objects.create(
            registration_id=registration.pk,
            event="matched",
            changes={"match": [None, "huye-inclusive-schools"]},
        )
    finally:
        migrate()
    anonymous = PartnerSeeker.objects.get(pk=anonymous.pk)
    assert OPAQUE.fullmatch(anonymous.slug)
    assert PartnerSeeker.objects.get(pk=named.pk).slug == "kisumu-climate"
    event = RegistrationEvent.objects.get(event="matched")
    assert event.changes == {"match": [None, anonymous.slug]}


def test_the_search_reads_the_name_only_while_the_consent_holds_however_it_was_written():
    """The name is copied for the search at every save, but whether it counts is decided in
    the database from the consent itself: a bulk update of the consent is obeyed too."""
    seeker = anonymous_seeker()

    def found(text: str) -> list[str]:
        filters = selectors.SeekerFilters(q=text)
        return [row.pk for row in selectors.seeker_list_public(filters)]

    assert found(NAME) == []
    assert found("Rwanda") == [seeker.pk]  # the country is on its public card
    PartnerSeeker.objects.filter(pk=seeker.pk).update(consent_show_name=True, slug="huye")
    assert found(NAME) == [seeker.pk]
    PartnerSeeker.objects.filter(pk=seeker.pk).update(consent_show_name=False, slug="0123456789ab")
    assert found(NAME) == []
