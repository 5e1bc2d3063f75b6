from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The benchmark tooling: the synthetic archive and the import timer, as management
    commands. Installed only by benchmarks/settings.py, never by the archive's own settings."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
