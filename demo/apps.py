from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models (so nothing in the admin): the app exists so `manage.py seed_demo` is found."""

    name = "demo"
    label = "demo"
