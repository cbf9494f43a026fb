from django.conf import settings


class PermissionsPolicyMiddleware:
    """Switch off browser features the portal never uses (Django has no setting for this header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
