import os

from django.core.wsgi import get_wsgi_application

from icld_portal.body_limit import BodyLimitMiddleware

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icld_portal.settings.base")

# Request bodies are bounded before Django reads any of them (icld_portal/body_limit.py).
application = BodyLimitMiddleware(get_wsgi_application())
