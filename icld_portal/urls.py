from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core import views as core_views
from core.media import serve_media
from portal import views as portal_views
from portal.sitemaps import collect_sitemaps
from staff import views as staff_views

admin.site.site_header = _("ICLD portal administration")
admin.site.site_title = _("ICLD admin")
admin.site.index_title = _("Content and submissions")

# Machine paths live outside the language prefix.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path(
        "sitemap.xml",
        # Kept by the public page cache like any page (not cache_page, which would store
        # one copy per invented query string).
        sitemap_views.sitemap,
        {"sitemaps": collect_sitemaps()},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    # The second factor for staff (staff app), before admin so admin does not catch it.
    path("admin/security/", include("staff.urls")),
    # Behind the admin's sign-in and second factor, like every admin page.
    path(
        "admin/personal-data/",
        admin.site.admin_view(staff_views.PersonalDataView.as_view()),
        name="staff_personal_data",
    ),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", portal_views.HomeView.as_view(), name="home"),
    path(_("municipal-partnerships/"), include("partnerships.urls")),
    path(_("training-programmes/"), include("programmes.urls")),
    path(_("knowledge-centre/"), include("knowledge.urls")),
    path(_("alerts/"), include("alerts.urls")),
    path("", include("portal.urls")),
    path("", include("core.urls")),
    prefix_default_language=True,
)

if settings.ICLD_BENCH:
    urlpatterns += [path("bench/", include("bench.urls"))]

# Uploads, served safely by every app server (core/media.py).
urlpatterns += [path("media/<path:path>", serve_media, name="media")]

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.views.server_error"
