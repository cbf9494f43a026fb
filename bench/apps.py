from django.apps import AppConfig


class BenchConfig(AppConfig):
    """No models: the app holds the benchmark's management commands and its floor view."""

    name = "bench"
    label = "bench"
