"""Each team opens its own app's admin pages and none of the other teams' (every model)."""

import pytest
from django.apps import apps
from django.urls import reverse

from staff import roles
from staff.tests.urls_every_model import OWNED_APPS, site

TEAMS = {
    "partnerships": roles.PARTNERSHIPS_TEAM,
    "programmes": roles.PROGRAMMES_TEAM,
    "knowledge": roles.KNOWLEDGE_TEAM,
}

pytestmark = [pytest.mark.django_db, pytest.mark.urls("staff.tests.urls_every_model")]


def models_of(app_label):
    return list(apps.get_app_config(app_label).get_models())


@pytest.mark.parametrize("team_app", OWNED_APPS)
@pytest.mark.parametrize("app_label", OWNED_APPS)
def test_team_reaches_only_its_own_app(team_app, app_label, make_staff, verified_client):
    client = verified_client(make_staff(TEAMS[team_app]))
    own = team_app == app_label
    app_index = client.get(reverse("admin:app_list", args=[app_label]))
    assert app_index.status_code == (200 if own else 404)
    for model in models_of(app_label):
        opts = model._meta
        changelist = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert changelist.status_code == (200 if own else 403), opts.label
        # Some lists take no additions at all (submissions arrive through public forms).
        model_admin = site._registry[model]
        addable = own and model_admin.has_add_permission(changelist.wsgi_request)
        add = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        assert add.status_code == (200 if addable else 403), opts.label
        if not own:
            assert not model_admin.has_module_permission(changelist.wsgi_request)


def test_programmes_officer_cannot_open_a_partnership_page(make_staff, verified_client):
    """The issue's example, spelled out: a programmes officer and the partnerships app."""
    officer = make_staff(roles.PROGRAMMES_TEAM)
    client = verified_client(officer)
    for model in models_of("partnerships"):
        opts = model._meta
        response = client.get(reverse(f"admin:partnerships_{opts.model_name}_changelist"))
        assert response.status_code == 403, opts.label
    programme_model = models_of("programmes")[0]
    response = client.get(
        reverse(f"admin:programmes_{programme_model._meta.model_name}_changelist")
    )
    assert response.status_code == 200


@pytest.mark.parametrize("team_app", OWNED_APPS)
def test_every_team_views_reference_data_but_cannot_change_it(
    team_app, make_staff, verified_client
):
    client = verified_client(make_staff(TEAMS[team_app]))
    assert client.get(reverse("admin:reference_organisation_changelist")).status_code == 200
    assert client.get(reverse("admin:reference_organisation_add")).status_code == 403


def test_staff_without_a_group_sees_nothing(make_staff, verified_client):
    client = verified_client(make_staff())
    for app_label in OWNED_APPS:
        for model in models_of(app_label):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            assert client.get(url).status_code == 403


def test_administrators_reach_everything(make_staff, verified_client):
    client = verified_client(make_staff(roles.ADMINISTRATORS))
    for app_label in OWNED_APPS:
        for model in models_of(app_label):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            assert client.get(url).status_code == 200, opts.label
