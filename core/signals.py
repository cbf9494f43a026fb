"""Keep the cached home page fresh: any change to what it shows drops the cached copy."""

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.i18n import LANGUAGE_CODES

# The models whose rows the home page shows or counts.
HOME_PAGE_MODELS = [
    "partnerships.Partnership",
    "partnerships.Story",
    "partnerships.ApplicationRound",
    "programmes.Programme",
    "programmes.Intake",
    "knowledge.Event",
    "knowledge.ResearchCall",
    "knowledge.Publication",
]


def forget_home_page(**kwargs) -> None:
    cache.delete_many([f"home-page:{language}" for language in LANGUAGE_CODES])


def connect() -> None:
    for label in HOME_PAGE_MODELS:
        model = apps.get_model(label)
        post_save.connect(forget_home_page, sender=model, dispatch_uid=f"home-{label}-save")
        post_delete.connect(forget_home_page, sender=model, dispatch_uid=f"home-{label}-delete")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                forget_home_page,
                sender=field.remote_field.through,
                dispatch_uid=f"home-{label}-{field.name}",
            )


# --- The public page cache (core.middleware.PublicPageCacheMiddleware) ---------------------
# A save or delete in these apps can change what a public page shows (a new sign-up changes
# the seats left), so it starts a new version of every cached page...
PUBLIC_APPS = ("core", "reference", "partnerships", "programmes", "knowledge")
# ...except rows that only staff ever see: a flood of submissions must not empty the cache.
PRIVATE_MODELS = frozenset(
    {
        "core.OutboxMessage",
        "core.AccessibilityReport",
        "partnerships.InterestRegistration",
        "partnerships.RegistrationEvent",
        "partnerships.Match",
        "programmes.HostingOffer",
        "programmes.HostingPeriod",
        "programmes.HistoryEntry",
    }
)
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


def connect_page_cache() -> None:
    for app_label in PUBLIC_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label in PRIVATE_MODELS:
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
