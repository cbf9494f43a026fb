"""What every piece of public content shares: a flag that shows it on the website.

A row is public when ``is_published`` is true; ``published_at`` records when it first was and
stays when the row goes back to draft, so "new since" lists (alerts, feeds) never announce a
row twice. A boolean keeps the public filter a plain equality that partial indexes match.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


def published_field(*, default: bool = False) -> models.BooleanField:
    """The flag; a model whose staff publish as they save redeclares it with ``default=True``."""
    return models.BooleanField(
        _("published"),
        default=default,
        help_text=_("Only published content is shown on the website."),
    )


class Publishable(models.Model):
    is_published = published_field()
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    # A draft with a time is published then, by ``publish_due()`` (the email worker runs it
    # every minute, as does ``manage.py publish_scheduled``), and stays as it is until then.
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Leave “published” unticked and choose when the item goes public; "
            "until then only staff can preview it."
        ),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, **kwargs):
        # Whichever way a row is published (a service, an admin checkbox, a demo script),
        # the first time is recorded. Bulk writes bypass this and must set both fields.
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(**kwargs)


def publishable_models() -> list[type[Publishable]]:
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def publish_due(*, now=None, limit: int = 100) -> int:
    """Publish every draft whose time has come; returns how many.

    Each row is saved (not updated in bulk) so ``published_at`` is set and the page cache sees
    the change. Rows are locked (``SKIP LOCKED``): two workers never publish the same row twice.
    """
    from django.db import transaction

    now = now or timezone.now()
    published = 0
    for model in publishable_models():
        with transaction.atomic():
            due = (
                model._default_manager.select_for_update(skip_locked=True)
                .filter(is_published=False, publish_at__lte=now)
                .order_by("publish_at")[:limit]
            )
            for row in due:
                row.is_published = True
                row.publish_at = None
                row.save()
                published += 1
    return published
