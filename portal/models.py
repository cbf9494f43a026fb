"""The home page's own texts, which staff edit in admin (one row)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField
from core.models import HasLeadImage
from partnerships.models import Story


class HomePage(HasLeadImage):
    """The heading, lead and picture at the top of the home page and the stories it shows.

    Each text falls back to the other language, and an empty one to the portal's own words,
    so the home page never shows a gap while staff write.
    """

    heading = TranslatedField(
        models.CharField,
        _("heading"),
        max_length=120,
        blank=True,
        required=(),
        help_text=_("Empty: “Local democracy, built together”."),
    )
    lead = TranslatedField(
        models.TextField,
        _("introduction"),
        blank=True,
        required=(),
        help_text=_("One or two sentences under the heading. Empty: the portal's own words."),
    )
    featured_stories = models.ManyToManyField(
        Story,
        verbose_name=_("featured stories"),
        blank=True,
        related_name="+",
        help_text=_("Up to three, shown first. Empty: the newest stories."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")

    def __str__(self) -> str:
        return str(_("Home page"))

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("home")
