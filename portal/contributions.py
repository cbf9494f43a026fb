"""What the portal adds to the shared features (see core.registries)."""

from core import registries
from staff.roles import COMMUNICATIONS, EDIT, Grant

# Communications keep the home page's texts and pictures.
registries.staff_grants.register(
    (COMMUNICATIONS, "portal.HomePage"), Grant("portal.HomePage", (*EDIT, "add"))
)
