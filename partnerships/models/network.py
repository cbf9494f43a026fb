from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField


class Network(models.Model):
    """An ICLD thematic network: partnerships on one theme that start and run together."""

    slug = models.SlugField(_("slug"), unique=True)
    name = TranslatedField(models.CharField, _("name"), max_length=200)
    description = TranslatedField(models.TextField, _("description"), blank=True, required=())
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)

    class Meta:
        verbose_name = _("ICLD network")
        verbose_name_plural = _("ICLD networks")
        ordering = ["name_sv"]

    def __str__(self) -> str:
        return self.name
