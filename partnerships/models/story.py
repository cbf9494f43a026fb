"""Stories: articles about what partnerships did, linked to one or more partnerships."""

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField
from core.models import TimeStamped
from core.publishing import Publishable, PublishableQuerySet
from core.search import search_vector_field
from partnerships.models.partnership import IMAGE_EXTENSIONS, Partnership


class StoryQuerySet(PublishableQuerySet):
    pass


class Story(Publishable, TimeStamped):
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=200)
    lead = TranslatedField(models.TextField, _("lead"))
    body = TranslatedField(
        models.TextField,
        _("body"),
        help_text=_(
            "Rich text: paragraphs, headings, lists, links, quotes. "
            "Anything else is removed when shown."
        ),
    )
    image = models.FileField(
        _("image"),
        upload_to="partnerships/stories/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
    )
    image_alt = TranslatedField(
        models.CharField,
        _("image alternative text"),
        max_length=250,
        blank=True,
        required=(),
        help_text=_("Required when there is an image: what it shows."),
    )
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

    def clean(self) -> None:
        if self.image and not (self.image_alt_sv.strip() and self.image_alt_en.strip()):
            raise ValidationError(
                {
                    "image_alt_sv": _(
                        "Describe the image in Swedish and English for people who cannot see it."
                    )
                }
            )
