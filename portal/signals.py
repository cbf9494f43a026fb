"""Keep the cached home page fresh: any change to what it shows drops the cached copy."""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.i18n import LANGUAGE_CODES
from knowledge.models import Event, Publication, ResearchCall
from partnerships.models import ApplicationRound, Partnership, Story
from programmes.models import Intake, Programme

# The models whose rows the home page shows or counts.
HOME_PAGE_MODELS = [
    Partnership,
    Story,
    ApplicationRound,
    Programme,
    Intake,
    Event,
    ResearchCall,
    Publication,
]


def home_page_keys() -> list[str]:
    return [f"home-page:{language}" for language in LANGUAGE_CODES]


def forget_home_page(**kwargs) -> None:
    cache.delete_many(home_page_keys())


def connect() -> None:
    for model in HOME_PAGE_MODELS:
        label = model._meta.label
        post_save.connect(forget_home_page, sender=model, dispatch_uid=f"home-{label}-save")
        post_delete.connect(forget_home_page, sender=model, dispatch_uid=f"home-{label}-delete")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                forget_home_page,
                sender=field.remote_field.through,
                dispatch_uid=f"home-{label}-{field.name}",
            )
