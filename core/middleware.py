import hashlib

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


# The search boxes' parameter.
SEARCH = "q"


class PublicPageCacheMiddleware:
    """Keep finished public pages in the shared cache for a few minutes.

    Only what every visitor sees alike is cached: GET requests without a session (staff
    previews and forms with CSRF tokens set cookies or need one, and are never stored), answered
    200 without cookies. Any change to content bumps a version number (core.signals), so staff
    edits and new submissions show at once; the time limit covers changes that come with the
    clock (an application round opening, an event passing).

    The key holds the scheme and host (absolute links in feeds differ), and only addresses
    that the portal's own links make are stored: a query string with a parameter outside
    ``ICLD_PAGE_CACHE_PARAMETERS`` (``?x=1``) is answered but not kept, and each page keeps at
    most ``ICLD_PAGE_CACHE_VARIANTS`` filtered versions, so nobody can fill the cache by
    inventing addresses. A search text (``q``) is kept only by a view that searches with it
    (``page_cache_searches = True``), under its own budget of ``ICLD_PAGE_CACHE_SEARCHES``
    texts per page: the searches many visitors make are served from the cache, and someone
    inventing texts uses up that budget only, never the filter links'.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        seconds = settings.ICLD_PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.path_info.startswith(("/admin/", "/healthz", "/media/", "/bench/"))
            or not set(request.GET).issubset(settings.ICLD_PAGE_CACHE_PARAMETERS | {SEARCH})
        ):
            return self.get_response(request)

        from django.core.cache import cache
        from django.http import HttpResponse

        from core.signals import public_content_version

        version = public_content_version()
        # Hashed: addresses can be longer than a cache key may be.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        # A list's live filter asks the same address for its results only (a header such as
        # X-Partnerships-Partial, named in Vary): that is another copy, never the page.
        partial = sorted(
            (k.lower(), v) for k, v in request.headers.items() if k.lower().endswith("-partial")
        )
        if partial:
            address += "|" + "&".join(f"{k}={v}" for k, v in partial)
        key = f"page:{version}:{hashlib.sha256(address.encode()).hexdigest()}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type, headers = cached
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            # A feed reader asking "changed since?" gets its 304 from the cache too.
            return self._conditional(request, response)
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Set-Cookie")
            # A page with a CSRF token (a POST form) or that read the session is personal.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "Cookie" not in response.get("Vary", "")
            and "private" not in response.get("Cache-Control", "")
            and self._may_keep(request)
            and self._has_room_for(request, version)
        ):
            kept = [
                (name, value)
                for name, value in response.items()
                if name
                in ("Content-Disposition", "Content-Language", "Link", "ETag", "Last-Modified")
            ]
            cache.set(key, (response.content, response["Content-Type"], kept), seconds)
        return response

    @staticmethod
    def _conditional(request, response):
        from django.utils.cache import get_conditional_response
        from django.utils.http import parse_http_date_safe

        if not (response.has_header("ETag") or response.has_header("Last-Modified")):
            return response
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        answer = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        answer["X-Page-Cache"] = "hit"
        return answer

    def process_view(self, request, view_func, view_args, view_kwargs):
        view = getattr(view_func, "view_class", view_func)
        request.page_cache_searches = getattr(view, "page_cache_searches", False)

    @staticmethod
    def _may_keep(request) -> bool:
        """A search text is kept only where the view searches with it (on any other page it
        is an invented parameter), and only a text a search box can send."""
        from core.search import MAX_QUERY_LENGTH

        if SEARCH not in request.GET:
            return True
        text = request.GET.get(SEARCH, "")
        return (
            getattr(request, "page_cache_searches", False)
            and len(request.GET.getlist(SEARCH)) == 1
            and 0 < len(text) <= MAX_QUERY_LENGTH
        )

    @staticmethod
    def _has_room_for(request, version: int) -> bool:
        """A page without a query string is always kept; its filtered versions and its searches
        up to a limit each."""
        if not request.GET:
            return True
        from django.conf import settings
        from django.core.cache import cache

        if SEARCH in request.GET:
            kind, limit = "page-searches", settings.ICLD_PAGE_CACHE_SEARCHES
        else:
            kind, limit = "page-variants", settings.ICLD_PAGE_CACHE_VARIANTS
        page = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
        budget = f"{kind}:{version}:{page}"
        cache.add(budget, 0, settings.ICLD_PAGE_CACHE_SECONDS)
        try:
            used = cache.incr(budget)
        except ValueError:  # expired in between, or the cache is unavailable
            return False
        return used <= limit
