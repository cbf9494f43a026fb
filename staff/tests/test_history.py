"""History of changes: who changed what and when, per object and for the whole site."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from staff import roles

pytestmark = pytest.mark.django_db


def log_changes(user, count: int) -> None:
    content_type = ContentType.objects.get_for_model(Group)
    group = Group.objects.get(name=roles.COMMUNICATIONS)
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                user=user,
                content_type=content_type,
                object_id=str(group.pk),
                object_repr=group.name,
                action_flag=CHANGE,
                change_message='[{"changed": {"fields": ["Name"]}}]',
            )
            for _ in range(count)
        ]
    )


def test_an_admin_edit_is_recorded_with_its_fields_and_shown_in_history(
    make_staff, verified_client
):
    administrator = make_staff(roles.ADMINISTRATORS)
    client = verified_client(administrator)
    group = Group.objects.create(name="Interns")
    response = client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "Summer interns", "permissions": []},
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get(object_id=str(group.pk), action_flag=CHANGE)
    assert entry.user == administrator
    history = client.get(
        reverse("admin:auth_group_history", args=[group.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Changed Name." in history.text
    assert administrator.username in history.text


def test_administrators_see_the_site_wide_history(make_staff, verified_client):
    administrator = make_staff(roles.ADMINISTRATORS)
    log_changes(administrator, 3)
    client = verified_client(administrator)
    response = client.get(reverse("admin:admin_logentry_changelist"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    assert "Changed Name." in response.text
    index = client.get(reverse("admin:index"))
    assert reverse("admin:admin_logentry_changelist") in index.text


@pytest.mark.parametrize(
    "query",
    [
        "action_flag__exact=2",
        "user__id__exact=1",
        "action_time__date__gte=2020-01-01",
        "q=Communications",
        "o=1",
        "content_type__id__exact=1",
        "p=abc",
        "p=99999",
        "action_flag__exact=banana",
        "o=garbage",
    ],
)
def test_history_list_filters_and_odd_queries_give_a_page(make_staff, verified_client, query):
    administrator = make_staff(roles.ADMINISTRATORS)
    log_changes(administrator, 2)
    client = verified_client(administrator)
    response = client.get(reverse("admin:admin_logentry_changelist") + "?" + query)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "e=1" in response["Location"]


@pytest.mark.parametrize("team", [roles.PROGRAMMES_TEAM, roles.COMMUNICATIONS])
def test_teams_do_not_see_the_site_wide_history(make_staff, verified_client, team):
    client = verified_client(make_staff(team))
    assert client.get(reverse("admin:admin_logentry_changelist")).status_code == 403
    assert reverse("admin:admin_logentry_changelist") not in client.get(reverse("admin:index")).text


def test_history_is_read_only(make_staff, verified_client):
    administrator = make_staff(roles.ADMINISTRATORS)
    log_changes(administrator, 1)
    entry = LogEntry.objects.get()
    client = verified_client(administrator)
    assert client.get(reverse("admin:admin_logentry_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:admin_logentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    change = client.post(
        reverse("admin:admin_logentry_change", args=[entry.pk]), {"change_message": "forged"}
    )
    assert change.status_code == 403
    entry.refresh_from_db()
    assert entry.change_message != "forged"


def test_history_list_runs_a_fixed_number_of_queries(
    make_staff, verified_client, django_assert_num_queries
):
    administrator = make_staff(roles.ADMINISTRATORS)
    client = verified_client(administrator)
    log_changes(administrator, 2)
    url = reverse("admin:admin_logentry_changelist")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    other = make_staff(roles.ADMINISTRATORS)
    log_changes(other, 40)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
