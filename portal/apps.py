from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What gathers the three apps: home, site search, country, organisation and theme pages,
    sitemap.xml. The top layer: it may import every app; no app imports it."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import signals

        signals.connect()
