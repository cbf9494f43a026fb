"""Staff groups: created after migrate, set from staff.roles, enforced by admin."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from core import registries
from staff import roles
from staff.services import staff_groups_sync

TEAMS = {
    "partnerships": roles.PARTNERSHIPS_TEAM,
    "programmes": roles.PROGRAMMES_TEAM,
    "knowledge": roles.KNOWLEDGE_TEAM,
}


def perms_of(group_name: str) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=group_name).permissions.select_related("content_type")
    }


def registered_models(app_label: str) -> list:
    return [model for model in admin.site._registry if model._meta.app_label == app_label]


# Every (team, app) pair with the models admin shows, collected when the tests are collected,
# so each model the three apps add to admin is covered without changing this file.
ADMIN_CASES = [
    pytest.param(
        team_app, app_label, model._meta.label, id=f"{team_app}-team-on-{model._meta.label}"
    )
    for team_app in TEAMS
    for app_label in TEAMS
    for model in registered_models(app_label)
]


@pytest.mark.django_db
def test_migrate_created_every_group():
    # The test database was built by `migrate`, whose post_migrate handler ran the sync.
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.GROUP_NAMES) <= names
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    assert administrators.permissions.count() == Permission.objects.count()


@pytest.mark.django_db
def test_sync_is_idempotent_and_undoes_hand_edits():
    first = staff_groups_sync()
    group = Group.objects.get(name=roles.PROGRAMMES_TEAM)
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    second = staff_groups_sync()
    assert first == second
    assert "auth.delete_user" not in perms_of(roles.PROGRAMMES_TEAM)
    assert Group.objects.filter(name__in=roles.GROUP_NAMES).count() == len(roles.GROUP_NAMES)


@pytest.mark.django_db
@pytest.mark.parametrize("owner", list(TEAMS))
def test_each_team_owns_its_app_and_nothing_of_the_others(owner):
    staff_groups_sync()
    granted = perms_of(TEAMS[owner])
    for app_label in TEAMS:
        for model in apps.get_app_config(app_label).get_models():
            codes = {
                f"{app_label}.{action}_{model._meta.model_name}"
                for action in ("view", "add", "change", "delete")
            }
            if app_label == owner:
                assert codes <= granted, model
            else:
                assert not codes & granted, model
    assert not any(perm.startswith(("auth.", "admin.", "staff.", "otp_totp.")) for perm in granted)


@pytest.mark.django_db
@pytest.mark.parametrize("group", roles.GROUP_NAMES)
def test_everyone_reads_reference_data_and_only_administrators_edit_organisations(group):
    staff_groups_sync()
    granted = perms_of(group)
    for model in apps.get_app_config("reference").get_models():
        assert f"reference.view_{model._meta.model_name}" in granted
    assert ("reference.change_organisation" in granted) == (group == roles.ADMINISTRATORS)


@pytest.mark.django_db
def test_communications_edit_pages_themes_and_published_content_only():
    staff_groups_sync()
    granted = perms_of(roles.COMMUNICATIONS)
    assert {
        "core.view_page",
        "core.change_page",
        "reference.add_theme",
        "reference.change_theme",
    } <= granted
    for label in ("partnerships.Story", "knowledge.Publication", "knowledge.Event"):
        model = apps.get_model(label)
        assert f"{model._meta.app_label}.change_{model._meta.model_name}" in granted
        assert f"{model._meta.app_label}.delete_{model._meta.model_name}" not in granted
    assert "core.delete_page" not in granted
    assert "reference.delete_theme" not in granted
    assert not any(p.startswith("programmes.") for p in granted)


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["nosuchapp", "core.NoSuchModel"])
def test_a_grant_naming_no_model_is_an_error_not_a_silent_skip(target):
    """A renamed app or model must fail loudly, not leave a team without its rights."""
    with registries.staff_grants.registered(
        (roles.COMMUNICATIONS, target), roles.Grant(target, roles.VIEW)
    ):
        with pytest.raises(LookupError):
            staff_groups_sync()


def test_a_grant_to_an_unknown_group_is_an_error():
    with registries.staff_grants.registered(
        ("No such team", "core.Page"), roles.Grant("core.Page", roles.VIEW)
    ):
        with pytest.raises(ImproperlyConfigured):
            roles.group_grants()


def test_feature_apps_grant_their_own_content_to_their_teams():
    grants = roles.group_grants()
    assert roles.Grant("partnerships", roles.ALL) in grants[roles.PARTNERSHIPS_TEAM]
    assert roles.Grant("programmes", roles.ALL) in grants[roles.PROGRAMMES_TEAM]
    assert roles.Grant("knowledge", roles.ALL) in grants[roles.KNOWLEDGE_TEAM]


@pytest.mark.django_db
def test_management_command_reports_each_group():
    out = StringIO()
    call_command("sync_staff_groups", stdout=out)
    for name in roles.GROUP_NAMES:
        assert f"{name}: " in out.getvalue()


@pytest.mark.django_db
def test_programmes_officer_cannot_open_partnership_records(make_staff, verified_client):
    """The issue's case, on the permission layer admin asks (whatever partnerships models exist)."""
    officer = make_staff(roles.PROGRAMMES_TEAM)
    partnerships_models = list(apps.get_app_config("partnerships").get_models())
    assert partnerships_models, "the partnerships app has models to protect"
    for model in partnerships_models:
        for action in ("view", "add", "change", "delete"):
            assert not officer.has_perm(f"partnerships.{action}_{model._meta.model_name}")
    client = verified_client(officer)
    if registered_models("partnerships"):
        assert client.get(reverse("admin:app_list", args=["partnerships"])).status_code == 404
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert reverse("admin:app_list", args=["partnerships"]) not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(("team_app", "app_label", "label"), ADMIN_CASES)
def test_admin_lists_open_only_for_the_owning_team(
    team_app, app_label, label, make_staff, verified_client
):
    model = apps.get_model(label)
    officer = make_staff(TEAMS[team_app])
    client = verified_client(officer)
    opts = model._meta
    changelist = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    expected = 200 if team_app == app_label else 403
    assert changelist.status_code == expected
    model_admin = admin.site._registry[model]
    request = changelist.wsgi_request
    if team_app != app_label:
        assert not model_admin.has_add_permission(request)


@pytest.mark.django_db
def test_migrate_recreates_missing_groups_once(monkeypatch):
    import staff.services

    calls = []
    original = staff.services.staff_groups_sync
    monkeypatch.setattr(
        staff.services,
        "staff_groups_sync",
        lambda **kwargs: calls.append(kwargs) or original(**kwargs),
    )
    Group.objects.filter(name=roles.KNOWLEDGE_TEAM).delete()
    call_command("migrate", verbosity=0, interactive=False)
    assert len(calls) == 1
    assert Group.objects.get(name=roles.KNOWLEDGE_TEAM).permissions.exists()
