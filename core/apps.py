from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site and messages")

    def ready(self):
        from core import signals

        signals.connect()
        signals.connect_page_cache()
