"""Stories: articles about what partnerships did, linked to one or more partnerships."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField
from core.models import HasLeadImage, TimeStamped
from core.publishing import Publishable, PublishableQuerySet
from core.richtext import RICH_TEXT_HELP, RichTextField
from core.search import search_vector_field
from partnerships.models.partnership import Partnership


class StoryQuerySet(PublishableQuerySet):
    pass


class Story(Publishable, HasLeadImage, TimeStamped):
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    lead = TranslatedField(models.TextField, _("lead"))
    body = TranslatedField(RichTextField, _("body"), help_text=RICH_TEXT_HELP)
    date = models.DateField(_("date"))
    partnerships = models.ManyToManyField(
        Partnership, verbose_name=_("partnerships"), related_name="stories"
    )

    objects = StoryQuerySet.as_manager()

    search_vector = search_vector_field(a=["title"], b=["lead"], c=["body"])

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-date", "-pk"]
        indexes = [
            GinIndex(fields=["search_vector"], name="story_search_gin"),
            models.Index(
                fields=["-date"], condition=models.Q(is_published=True), name="story_published_date"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:story", kwargs={"slug": self.slug})
