"""A URLconf whose admin shows every model of the three apps (a plain ModelAdmin
where the app has not registered one).

The permission tests use it so they cover each model the apps have, also those
whose ModelAdmin is not written yet.
"""

from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from core.models import Image

OWNED_APPS = ("partnerships", "programmes", "knowledge")

site = admin.AdminSite(name="admin")
for app_label in (*OWNED_APPS, "reference"):
    for model in apps.get_app_config(app_label).get_models():
        # The app's own ModelAdmin where it has one (its templates use its extra URLs).
        registered = admin.site._registry.get(model)
        site.register(model, type(registered) if registered else admin.ModelAdmin)
# The image library, which every app's forms link to (lead images, the editor's image picker).
site.register(Image, type(admin.site._registry[Image]))

urlpatterns = [
    path("admin/security/", include("staff.urls")),
    path("admin/", site.urls),
]
