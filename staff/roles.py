"""Who may do what in admin: the staff groups, declared once.

`staff.services.staff_groups_sync()` turns this into Group rows and permissions
after every `migrate` and from `manage.py sync_staff_groups`. A grant names an
app (every model of it, including models added later) or one model by label
("core.Page"); a label that names no model is an error.

The groups and the foundation's grants are here; each feature app grants its own content to
the groups in its contributions module (``core.registries.staff_grants``):

    registries.staff_grants.register(
        (PARTNERSHIPS_TEAM, "partnerships"), Grant("partnerships", ALL)
    )

Each group's permissions are SET from this mapping on every sync: a permission
added to a managed group by hand in admin is removed at the next migrate.
Give a person extra rights through their user account, or change this file.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from core import registries

VIEW = ("view",)
EDIT = ("view", "change")
ALL = ("view", "add", "change", "delete")


@dataclass(frozen=True)
class Grant:
    target: str  # "app_label" (every model of the app) or "app_label.ModelName"
    actions: tuple[str, ...]


PARTNERSHIPS_TEAM = "Partnerships team"
PROGRAMMES_TEAM = "Programmes team"
KNOWLEDGE_TEAM = "Knowledge centre team"
COMMUNICATIONS = "Communications"
ADMINISTRATORS = "Administrators"

# Everyone in a team reads the shared vocabulary (organisations, countries, themes),
# which admin's autocomplete for organisations needs too.
_REFERENCE = Grant("reference", VIEW)
# Every team adds the pictures of what it writes to the image library (core.images).
_IMAGES = Grant("core.Image", ("view", "add", "change"))

GROUPS: dict[str, tuple[Grant, ...]] = {
    PARTNERSHIPS_TEAM: (_REFERENCE, _IMAGES),
    PROGRAMMES_TEAM: (_REFERENCE, _IMAGES),
    KNOWLEDGE_TEAM: (_REFERENCE, _IMAGES),
    COMMUNICATIONS: (
        Grant("core.Image", ALL),
        # Communications write the content pages, new ones included.
        Grant("core.Page", ("view", "add", "change")),
        Grant("core.AccessibilityStatement", EDIT),
        Grant("core.AccessibilityReport", EDIT),
        Grant("reference.Theme", ("view", "add", "change")),
        _REFERENCE,
    ),
}

# Administrators get every permission of every installed app.
ALL_PERMISSIONS_GROUP = ADMINISTRATORS

GROUP_NAMES: tuple[str, ...] = (*GROUPS, ADMINISTRATORS)


def group_grants() -> dict[str, tuple[Grant, ...]]:
    """Every managed group's grants: the ones above plus those the apps contribute."""
    grants = {name: list(group) for name, group in GROUPS.items()}
    for (group, _target), grant in registries.staff_grants.items():
        if group not in grants:
            raise ImproperlyConfigured(f"Staff grant {grant} names an unknown group {group!r}.")
        grants[group].append(grant)
    return {name: tuple(group) for name, group in grants.items()}
