"""Management commands: the first administrator and other staff accounts."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from staff import roles

pytestmark = pytest.mark.django_db


def create(*args, password="a long enough passphrase 7", monkeypatch=None):
    monkeypatch.setenv("STAFF_USER_PASSWORD", password)
    out = StringIO()
    call_command("create_staff_user", *args, "--no-input", stdout=out)
    return out.getvalue()


def test_first_administrator(monkeypatch):
    output = create("ada", "--email", "ada@icld.se", "--administrator", monkeypatch=monkeypatch)
    user = get_user_model().objects.get(username="ada")
    assert user.is_staff and user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [roles.ADMINISTRATORS]
    assert user.check_password("a long enough passphrase 7")
    assert "first sign-in" in output


def test_team_member_in_two_groups(monkeypatch):
    create(
        "bo",
        "--email",
        "bo@icld.se",
        "--group",
        roles.PROGRAMMES_TEAM,
        "--group",
        roles.COMMUNICATIONS,
        monkeypatch=monkeypatch,
    )
    user = get_user_model().objects.get(username="bo")
    assert user.is_staff and not user.is_superuser
    assert set(user.groups.values_list("name", flat=True)) == {
        roles.PROGRAMMES_TEAM,
        roles.COMMUNICATIONS,
    }
    assert user.has_perm("programmes.view_hostingoffer")


@pytest.mark.parametrize("password", ["short1", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(monkeypatch, password):
    with pytest.raises(CommandError, match="Password not accepted"):
        create(
            "cia",
            "--email",
            "cia@icld.se",
            "--administrator",
            password=password,
            monkeypatch=monkeypatch,
        )
    assert not get_user_model().objects.filter(username="cia").exists()


def test_a_group_is_required_and_usernames_are_unique(monkeypatch):
    with pytest.raises(CommandError, match="at least one"):
        create("dag", "--email", "dag@icld.se", monkeypatch=monkeypatch)
    create("dag", "--email", "dag@icld.se", "--administrator", monkeypatch=monkeypatch)
    with pytest.raises(CommandError, match="already exists"):
        create("DAG", "--email", "dag@icld.se", "--administrator", monkeypatch=monkeypatch)


def test_unlock_needs_a_subject():
    with pytest.raises(CommandError):
        call_command("unlock_staff_login")
