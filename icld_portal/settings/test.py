"""Settings for the test suite: the real stack, with faster hashing and local email."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# Tests count queries per page; the page cache has tests of its own (tests/test_page_cache.py).
ICLD_PAGE_CACHE_SECONDS = 0
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder

# Parallel runs on one server (several developers, or CI beside a developer) each
# get their own test database: ICLD_TEST_DB=partnerships -> test_icld_partnerships.
if os.environ.get("ICLD_TEST_DB"):
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": f"test_{DATABASES['default']['NAME']}_{os.environ['ICLD_TEST_DB']}"  # noqa: F405
    }
