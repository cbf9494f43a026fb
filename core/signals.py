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
