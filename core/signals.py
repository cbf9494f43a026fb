"""The public page cache (core.middleware.PublicPageCacheMiddleware) stays fresh: a save or
delete in any of the portal's own apps can change what a public page shows (a new sign-up
changes the seats left), so it starts a new version of every cached page, except rows that
only staff ever see (``core.registries.private_models``): a flood of submissions must not
empty the cache."""

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import registries

VERSION_KEY = "public-pages-version"


def public_content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def new_public_content_version(sender=None, **kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def portal_app_configs() -> list:
    """The portal's own apps (those in this repository), not Django's or a library's (the
    virtualenv may sit inside the checkout)."""
    root = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()
    own = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(root) and not path.is_relative_to(environment):
            own.append(config)
    return own


def connect_page_cache() -> None:
    for app_config in portal_app_configs():
        for model in app_config.get_models():
            if model._meta.label in registries.private_models:
                continue
            uid = f"pages-{model._meta.label}"
            post_save.connect(new_public_content_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(new_public_content_version, sender=model, dispatch_uid=f"{uid}-del")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    new_public_content_version,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}-{field.name}",
                )
