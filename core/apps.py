from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site and messages")

    def ready(self):
        from core import services, signals
        from core.outbox import register_collector

        signals.connect()
        signals.connect_page_cache()
        register_collector(services.accessibility_report_emails)
