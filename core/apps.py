from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site and messages")

    def ready(self):
        from core import checks, images, registries, signals  # noqa: F401  (checks registers them)

        # Every app's contributions module (core's own included) declares its part in the
        # shared features; the page cache then knows which models are private.
        registries.autodiscover()
        signals.connect_page_cache()
        # An image's files go with it; content's images go with the content, if unused.
        images.connect_signals()
