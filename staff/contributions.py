"""What the staff app adds to the portal's shared features (see core.registries)."""

from core import registries

registries.private_models.register("staff.RecoveryCode")
