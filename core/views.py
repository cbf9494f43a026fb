import logging
import sys
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core import services
from core.access import DraftPreviewMixin, may_preview_drafts
from core.forms import AccessibilityReportForm
from core.models import AccessibilityReport, AccessibilityStatement, Page
from core.personal_data import privacy_notice_rows
from core.views_forms import PublicFormView

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 while the database answers, 503 when not.

    The cache is reported but does not fail the check: without it pages are built uncached
    (core.cache), slower but correct. Errors go to the log, never to the public.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to reach PostgreSQL means "unhealthy"
        logger.exception("Health check: the database does not answer")
        database = "unavailable"
    else:
        database = "ok"
    is_available = getattr(cache, "is_available", None)
    cache_state = "ok" if is_available is None or is_available() else "unavailable"
    if database != "ok":
        status = "error"
    else:
        status = "ok" if cache_state == "ok" else "degraded"
    response = JsonResponse(
        {"status": status, "database": database, "cache": cache_state},
        status=200 if database == "ok" else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    # Rendered without context processors or database access: this page must
    # work when everything else is broken. The language comes from the URL.
    language = translation.get_language_from_path(request.path_info) or "sv"
    database_down = isinstance(sys.exception(), (OperationalError, InterfaceError))
    template = "errors/503.html" if database_down else "errors/500.html"
    with translation.override(language):
        html = loader.get_template(template).render({"LANGUAGE_CODE": language})
    if database_down:
        return HttpResponse(html, status=503, headers={"Retry-After": "30"})
    return HttpResponseServerError(html)


class PageView(DraftPreviewMixin, TemplateView):
    """A page whose content staff edit in admin; 404 until staff have written it."""

    template_name = "core/page.html"
    preview_object = "page"
    key: str = ""

    def get_context_data(self, **kwargs):
        page = get_object_or_404(Page, key=self.key)
        if not page.is_published and not may_preview_drafts(self.request):
            raise Http404
        children = [child for child in page.children.all() if child.is_published]
        return super().get_context_data(
            page=page, body=page.localized_body(), children=children, **kwargs
        )


class ContentPageView(DraftPreviewMixin, TemplateView):
    """A page staff added, at its section's address; a draft only for staff who may preview
    drafts (core.access)."""

    template_name = "core/page.html"
    preview_object = "page"

    def get_context_data(self, **kwargs):
        slug = self.kwargs["path"].rstrip("/").rsplit("/", 1)[-1]
        page = Page.objects.select_related("parent", "lead_image").filter(slug=slug).first()
        if page is None or page.path() != self.kwargs["path"].rstrip("/"):
            raise Http404
        if not page.is_published and not may_preview_drafts(self.request):
            raise Http404
        children = page.children.all()
        if not may_preview_drafts(self.request):
            children = children.filter(is_published=True)
        return super().get_context_data(
            page=page, body=page.localized_body(), children=list(children), **kwargs
        )


class PrivacyNoticeView(PageView):
    """The privacy notice staff write, and below it every kind of personal data the apps
    declare with its retention period (core.personal_data), so the two never drift apart."""

    key = Page.Key.PRIVACY

    def get_context_data(self, **kwargs):
        return super().get_context_data(kept=privacy_notice_rows(), **kwargs)


class AccessibilityStatementView(TemplateView):
    template_name = "core/accessibility_statement.html"

    def get_context_data(self, **kwargs):
        statement = AccessibilityStatement.objects.first()
        if statement is None:
            raise Http404
        return super().get_context_data(statement=statement, **kwargs)


class AccessibilityReportView(PublicFormView):
    """Report a barrier, or ask for an accessible version of a page or document."""

    template_name = "core/accessibility_report.html"
    form_class = AccessibilityReportForm
    rate_limit_scope = "accessibility-report"

    def get_initial(self):
        initial = super().get_initial()
        # Links next to downloadable documents pass the document along (?document=...).
        document = self.request.GET.get("document", "")[:500]
        if document:
            initial.update(page_url=document, kind=AccessibilityReport.Kind.ACCESSIBLE_VERSION)
        # ... and the team that owns it (?team=knowledge), which is told of the request.
        team = self.request.GET.get("team", "")
        if team in settings.ICLD_TEAM_EMAILS:
            initial["team"] = team
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Say who gets the request, as the form was linked (or posted) with a known team.
        team = context["form"]["team"].value()
        if team in settings.ICLD_TEAM_EMAILS:
            context["team_name"] = AccessibilityReport.Team(team).label
        return context

    def submit(self, form):
        data = form.cleaned_data
        return services.accessibility_report_submit(
            kind=data["kind"],
            description=data["description"],
            email=data["email"],
            language=translation.get_language(),
            submission_token=data["submission_token"],
            page_url=data["page_url"],
            name=data["name"],
            team=data["team"],
        )

    def get_success_url_for(self, result) -> str:
        return reverse("core:accessibility_report_thanks")

    def honeypot_success_url(self) -> str:
        return reverse("core:accessibility_report_thanks")


class AccessibilityReportThanksView(TemplateView):
    template_name = "core/accessibility_report_thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(statement=AccessibilityStatement.objects.first(), **kwargs)


ROBOTS_TXT = """User-agent: *
Disallow: /admin/
Allow: /

Sitemap: {site_url}/sitemap.xml
"""

SECURITY_TXT = """Contact: mailto:{security_email}
Expires: {expires}
Preferred-Languages: sv, en
"""
# No Policy field: ICLD publishes no vulnerability disclosure policy, and the field must not
# point at another page (it once named the accessibility statement).


def robots_txt(request):
    return HttpResponse(
        ROBOTS_TXT.format(site_url=settings.ICLD_SITE_URL), content_type="text/plain"
    )


def security_txt(request):
    # RFC 9116: Expires is required and must be less than a year ahead.
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0).isoformat()
    body = SECURITY_TXT.format(security_email=settings.ICLD_SECURITY_EMAIL, expires=expires)
    # Web URIs in security.txt must be https (RFC 9116, 2.5.2): a site served over plain
    # http (development) names no canonical address rather than an invalid one.
    if settings.ICLD_SITE_URL.startswith("https://"):
        body += f"Canonical: {settings.ICLD_SITE_URL}/.well-known/security.txt\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
