from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import display_for_value
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Count, Q
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.admin_utils import change_message
from staff.models import AuthenticatorApp, RecoveryCode, RecoveryCodeDevice, SignInLock


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Every change made in admin: who, when, what (the changed fields). Read-only.

    Shown to people with the "view log entry" permission: the Administrators group.
    """

    date_hierarchy = "action_time"
    list_display = ["action_time", "user", "action", "object_link", "changes"]
    list_filter = [
        "action_flag",
        "action_time",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("user", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user", "content_type"]
    search_fields = ["object_repr", "change_message", "user__username", "user__email"]
    search_help_text = _("Search the object's name, the change, or the person's username.")
    fields = [
        "action_time",
        "user",
        "content_type",
        "object_id",
        "object_repr",
        "action_flag",
        "changes",
    ]
    readonly_fields = fields
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "content_type")

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry):
        return entry.get_action_flag_display()

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, entry):
        kind = capfirst(entry.content_type.name) if entry.content_type else ""
        url = None
        if not entry.is_deletion():
            try:
                url = entry.get_admin_url()
            except NoReverseMatch:
                url = None
        if url:
            return format_html(
                '<a href="{}">{}</a><br><span class="mini quiet">{}</span>',
                url,
                entry.object_repr,
                kind,
            )
        return format_html('{}<br><span class="mini quiet">{}</span>', entry.object_repr, kind)

    @admin.display(description=_("what changed"))
    def changes(self, entry):
        return change_message(entry)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecoveryCodeInline(admin.TabularInline):
    model = RecoveryCode
    fields = ["used_at"]
    readonly_fields = ["used_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class SecondFactorAdmin(admin.ModelAdmin):
    """A person's second factor, for administrators: deleting it resets it, and the person
    sets it up again at the next sign-in. Nothing here shows or changes a secret.

    django-otp's fields carry English labels, so each column is named here.
    """

    list_display = ["owner", "set_up", "last_used", "failed_attempts"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    search_help_text = _("Search the person's username or email address.")
    fields = ["owner", "set_up", "last_used", "failed_attempts"]
    readonly_fields = fields
    ordering = ["user__username"]

    @admin.display(description=_("person"), ordering="user__username")
    def owner(self, device):
        return device.user

    @admin.display(description=_("created"), ordering="created_at")
    def set_up(self, device):
        return display_for_value(device.created_at, self.get_empty_value_display())

    @admin.display(description=_("last used"), ordering="last_used_at")
    def last_used(self, device):
        return display_for_value(device.last_used_at, self.get_empty_value_display())

    @admin.display(description=_("wrong codes in a row"), ordering="throttling_failure_count")
    def failed_attempts(self, device):
        return device.throttling_failure_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RecoveryCodeDevice)
class RecoveryCodeDeviceAdmin(SecondFactorAdmin):
    """Recovery codes are only ever shown to their owner; here they can only be revoked."""

    list_display = ["owner", "remaining_codes", "set_up", "last_used", "failed_attempts"]
    inlines = [RecoveryCodeInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(unused=Count("codes", filter=Q(codes__used_at__isnull=True)))
        )

    @admin.display(description=_("unused codes"), ordering="unused")
    def remaining_codes(self, device):
        return device.unused


# In place of django-otp's own admin for the same rows, whose labels are English only.
admin.site.unregister(TOTPDevice)


@admin.register(AuthenticatorApp)
class AuthenticatorAppAdmin(SecondFactorAdmin):
    list_display = ["owner", "confirmed_app", "set_up", "last_used", "failed_attempts"]
    fields = ["owner", "confirmed_app", "set_up", "last_used", "failed_attempts"]
    readonly_fields = fields

    @admin.display(description=_("ready for use"), boolean=True, ordering="confirmed")
    def confirmed_app(self, device):
        return device.confirmed


# --- Groups and users: permission names in the reader's language ----------------------------

# Django stores each permission's name in English when `migrate` creates it; these say the
# same in the active language, from the action and the model's translated name.
PERMISSION_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission: Permission) -> str:
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is None or action not in PERMISSION_ACTIONS or model_name != model._meta.model_name:
        return str(permission)
    what = PERMISSION_ACTIONS[action] % {"model": model._meta.verbose_name}
    return f"{permission.content_type} | {what}"


class TranslatedPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.related_model is Permission:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(Group)
class StaffGroupAdmin(TranslatedPermissionsMixin, GroupAdmin):
    pass


@admin.register(User)
class StaffUserAdmin(TranslatedPermissionsMixin, UserAdmin):
    pass


# --- Sign-in locks (django-axes) -------------------------------------------------------------


@admin.register(SignInLock)
class SignInLockAdmin(admin.ModelAdmin):
    """Failed sign-ins per username and address; deleting the row lifts its lock at once."""

    list_display = ["username", "ip_address", "attempt_time", "failures_since_start", "state"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    fields = ["username", "ip_address", "attempt_time", "failures_since_start", "state"]
    readonly_fields = fields
    actions = ["lift_locks"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("state"))
    def state(self, attempt):
        return _("Locked") if attempt.is_locked else _("Counting failures")

    @admin.action(description=_("Lift the lock of the selected rows"), permissions=["delete"])
    def lift_locks(self, request, queryset):
        lifted = queryset.count()
        queryset.delete()
        self.message_user(
            request,
            ngettext("%(count)d lock lifted.", "%(count)d locks lifted.", lifted)
            % {"count": lifted},
        )
