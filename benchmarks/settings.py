"""The archive's settings plus one URL for the benchmarks: /floor/, a constant response.

/floor/ goes through the same gunicorn and the same middleware as every page, but runs no
query and renders no template: the fastest any Django page could be on this machine.
"""

from igfarchive.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
