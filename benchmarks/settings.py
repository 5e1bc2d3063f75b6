"""The archive's settings plus the benchmark tooling.

- the `benchmarks` app, whose commands fill and time archives (`generate_synthetic`,
  `benchmark_import`):

      uv run python manage.py generate_synthetic --settings benchmarks.settings --sessions 100000

- one URL: /floor/, a constant response. It goes through the same gunicorn and the same
  middleware as every page, but runs no query and renders no template: the fastest any Django
  page could be on this machine.
"""

from igfarchive.settings import *  # noqa: F403
from igfarchive.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.apps.BenchmarksConfig"]
ROOT_URLCONF = "benchmarks.urls"
