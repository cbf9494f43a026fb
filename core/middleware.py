from django.conf import settings


class PermissionsPolicyMiddleware:
    """Switch off browser features the portal never uses (Django has no setting for this header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """Answer 503 (not 500) while PostgreSQL is unreachable, and let the next request reconnect.

    Django replaces a broken connection at the start of the next request
    (CONN_HEALTH_CHECKS), so the portal recovers by itself when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError, connections
        from django.http import HttpResponse
        from django.template import loader
        from django.utils import translation

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        language = translation.get_language_from_path(request.path_info) or "sv"
        with translation.override(language):
            html = loader.get_template("errors/503.html").render({"LANGUAGE_CODE": language})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "30"
        return response
