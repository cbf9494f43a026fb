from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_groups_after_migrate(sender, using, plan=None, **kwargs):
    """Once per `migrate`, after every app is migrated (connected for this app only)."""
    from staff.services import staff_groups_sync

    staff_groups_sync(using=using)


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff and security")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib import admin

        from staff import (
            checks,  # noqa: F401  (registers the system check)
            lockout,  # noqa: F401  (emails the person whose sign-in is locked)
        )
        from staff.forms import StaffAuthenticationForm

        # post_migrate is sent once per app at the end of `migrate`; listening to
        # this app's signal alone runs the sync once per run.
        post_migrate.connect(
            sync_groups_after_migrate, sender=self, dispatch_uid="staff.sync_groups_after_migrate"
        )
        admin.site.index_template = "staff/admin_index.html"
        admin.site.login_template = "staff/login.html"
        admin.site.login_form = StaffAuthenticationForm
