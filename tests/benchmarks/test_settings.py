"""The benchmark tooling is installed by benchmarks/settings.py only, never by the archive's."""

from pathlib import Path

from django.conf import settings
from django.core.management import find_commands, get_commands

import benchmarks
from benchmarks import settings as benchmark_settings
from igfarchive import settings as archive_settings

BENCHMARK_COMMANDS = ["benchmark_import", "generate_synthetic"]


def test_archive_settings_leave_the_benchmarks_app_and_its_commands_out():
    assert "benchmarks.apps.BenchmarksConfig" not in settings.INSTALLED_APPS
    assert [name for name in BENCHMARK_COMMANDS if name in get_commands()] == []


def test_benchmark_settings_are_the_archive_s_plus_the_benchmarks_app():
    installed = benchmark_settings.INSTALLED_APPS
    assert installed == [*archive_settings.INSTALLED_APPS, "benchmarks.apps.BenchmarksConfig"]
    management = Path(benchmarks.__file__).parent / "management"
    assert sorted(find_commands(management)) == BENCHMARK_COMMANDS
