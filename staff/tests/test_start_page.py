"""The admin start page: what waits for action, counted, linked, per permission."""

import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from core import registries, waiting
from core.models import AccessibilityReport
from staff import roles
from staff.selectors import waiting_items_for

REPORTS_KEY = "core.new_accessibility_reports"


def make_reports(count: int, status: str = "new") -> None:
    AccessibilityReport.objects.bulk_create(
        [
            AccessibilityReport(
                kind="barrier",
                description="The map cannot be used by keyboard.",
                email="visitor@example.se",
                language="sv",
                status=status,
                submission_token=uuid.uuid4(),
            )
            for _ in range(count)
        ]
    )


def waiting_row(html: str, key: str) -> str | None:
    marker = f'data-waiting="{key}"'
    if marker not in html:
        return None
    start = html.index(marker)
    return html[start : html.index("</tr>", start)]


@pytest.fixture
def temporary_entry():
    keys = []

    def register(**kwargs):
        keys.append(kwargs["key"])
        return waiting.register_waiting(**kwargs)

    yield register
    for key in keys:
        registries.start_page.unregister(key)


def test_each_app_declares_its_own_entries_once():
    keys = [entry.key for entry in waiting.registered_entries()]
    assert keys == [
        "partnerships.new_interest_registrations",
        "programmes.new_hosting_offers",
        "programmes.visits_to_confirm",
        "knowledge.recent_registrations",
        "knowledge.waiting_list",
        "core.new_accessibility_reports",
    ]
    for entry in waiting.registered_entries():
        apps.get_model(entry.model)  # every entry names a real model


def test_registering_a_key_twice_is_an_error():
    entry = registries.start_page["core.new_accessibility_reports"]
    with pytest.raises(registries.AlreadyRegistered):
        waiting.register_waiting(
            key=entry.key, label=entry.label, model=entry.model, queryset=entry.queryset
        )


def test_an_entry_naming_no_model_is_an_error():
    with pytest.raises(LookupError):
        waiting.register_waiting(
            key="test.nothing", label="Nothing", model="core.NoSuchModel", queryset=lambda: None
        )
    assert "test.nothing" not in registries.start_page


@pytest.mark.django_db
def test_start_page_counts_new_reports_and_links_to_the_filtered_list(make_staff, verified_client):
    make_reports(3)
    make_reports(2, status="closed")
    client = verified_client(make_staff(roles.COMMUNICATIONS))
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    row = waiting_row(response.text, REPORTS_KEY)
    assert row is not None
    assert '<td class="staff-count">3</td>' in row
    link = reverse("admin:core_accessibilityreport_changelist") + "?status__exact=new"
    assert f'href="{link}"' in row
    # The link opens exactly the counted rows.
    listing = client.get(link)
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 3


@pytest.mark.django_db
def test_entries_are_shown_only_to_people_who_may_view_the_model(make_staff, verified_client):
    make_reports(1)
    officer = make_staff(roles.PROGRAMMES_TEAM)
    client = verified_client(officer)
    response = client.get(reverse("admin:index"))
    assert waiting_row(response.text, REPORTS_KEY) is None
    keys = {item.key for item in waiting_items_for(response.wsgi_request)}
    for key in keys:
        entry = {e.key: e for e in waiting.registered_entries()}[key]
        assert entry.model.startswith("programmes.")


@pytest.mark.django_db
def test_registered_entry_from_any_app(make_staff, verified_client, temporary_entry, groups):
    temporary_entry(
        key="test.teams",
        label="Teams",
        model="auth.Group",
        order=1,
        queryset=lambda: Group.objects.filter(name__endswith="team"),
        filters={"name__endswith": "team"},
    )
    admin_client = verified_client(make_staff(roles.ADMINISTRATORS))
    response = admin_client.get(reverse("admin:index"))
    row = waiting_row(response.text, "test.teams")
    expected = Group.objects.filter(name__endswith="team").count()
    assert expected == 3
    assert f'<td class="staff-count">{expected}</td>' in row
    url = reverse("admin:auth_group_changelist") + "?name__endswith=team"
    assert f'href="{url}"' in row
    assert admin_client.get(url).context["cl"].result_count == expected


@pytest.mark.django_db
def test_entry_for_a_model_without_admin_shows_the_count_without_a_link(
    make_staff, verified_client, temporary_entry
):
    temporary_entry(
        key="test.permissions",
        label="Permissions",
        model="auth.Permission",
        queryset=lambda: apps.get_model("auth.Permission").objects.none(),
    )
    client = verified_client(make_staff(roles.ADMINISTRATORS))
    row = waiting_row(client.get(reverse("admin:index")).text, "test.permissions")
    assert row is not None and "href=" not in row


@pytest.mark.django_db
def test_filters_may_be_computed_on_each_visit(rf, make_staff, temporary_entry):
    calls = []
    temporary_entry(
        key="test.dynamic",
        label="Dynamic",
        model="auth.Group",
        queryset=lambda: Group.objects.all(),
        filters=lambda: calls.append(1) or {"id__gte": len(calls)},
    )
    request = rf.get("/admin/")
    request.user = make_staff(roles.ADMINISTRATORS)
    first = {i.key: i for i in waiting_items_for(request)}["test.dynamic"]
    second = {i.key: i for i in waiting_items_for(request)}["test.dynamic"]
    assert parse_qs(urlsplit(first.url).query) == {"id__gte": ["1"]}
    assert parse_qs(urlsplit(second.url).query) == {"id__gte": ["2"]}


@pytest.mark.django_db
def test_start_page_runs_a_fixed_number_of_queries(
    make_staff, verified_client, django_assert_num_queries
):
    client = verified_client(make_staff(roles.COMMUNICATIONS))
    make_reports(1)
    client.get(reverse("admin:index"))  # warm up (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    make_reports(40)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("admin:index"))


@pytest.mark.django_db
def test_nothing_waiting_message_for_staff_without_entries(make_staff, verified_client):
    client = verified_client(make_staff())
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Nothing that you handle is waiting." in response.text
