"""Who may do what in admin: the staff groups, declared once.

`staff.services.staff_groups_sync()` turns this into Group rows and permissions
after every `migrate` and from `manage.py sync_staff_groups`. A grant names an
app (every model of it, including models added later) or one model by label
("core.Page"); a label whose model does not exist (yet) is skipped, so the
mapping can name content the three apps are still building.

Each group's permissions are SET from this mapping on every sync: a permission
added to a managed group by hand in admin is removed at the next migrate.
Give a person extra rights through their user account, or change this file.
"""

from __future__ import annotations

from dataclasses import dataclass

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

GROUPS: dict[str, tuple[Grant, ...]] = {
    PARTNERSHIPS_TEAM: (Grant("partnerships", ALL), _REFERENCE),
    PROGRAMMES_TEAM: (Grant("programmes", ALL), _REFERENCE),
    KNOWLEDGE_TEAM: (Grant("knowledge", ALL), _REFERENCE),
    COMMUNICATIONS: (
        Grant("core.Page", EDIT),
        Grant("core.AccessibilityStatement", EDIT),
        Grant("core.AccessibilityReport", EDIT),
        Grant("reference.Theme", ("view", "add", "change")),
        # Published content the three apps own: communications polish and publish it.
        Grant("partnerships.Story", EDIT),
        Grant("knowledge.Publication", EDIT),
        Grant("knowledge.Event", EDIT),
        _REFERENCE,
    ),
}

# Administrators get every permission of every installed app.
ALL_PERMISSIONS_GROUP = ADMINISTRATORS

GROUP_NAMES: tuple[str, ...] = (*GROUPS, ADMINISTRATORS)
