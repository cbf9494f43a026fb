from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.models import Page


class HomeView(TemplateView):
    template_name = "core/home.html"


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure to reach PostgreSQL means "unhealthy"
        return JsonResponse({"status": "error", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # Rendered without context processors or database access: this page must
    # work when everything else is broken. The language comes from the URL.
    language = translation.get_language_from_path(request.path_info) or "sv"
    with translation.override(language):
        html = loader.get_template("errors/500.html").render({"LANGUAGE_CODE": language})
    return HttpResponseServerError(html)


class PageView(TemplateView):
    """A page whose content staff edit in admin; 404 until staff have written it."""

    template_name = "core/page.html"
    key: str = ""

    def get_context_data(self, **kwargs):
        page = get_object_or_404(Page, key=self.key)
        return super().get_context_data(page=page, body=page.localized_body(), **kwargs)
