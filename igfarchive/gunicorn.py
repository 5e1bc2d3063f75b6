"""gunicorn's settings for the archive (docs/deployment.md):

    uv run gunicorn -c python:igfarchive.gunicorn igfarchive.wsgi:application

Only the archive decides whom to believe about the request's scheme. gunicorn would otherwise
take `X-Forwarded-Proto: https` from any client on loopback (its default `forwarded_allow_ips`)
and mark the request secure even with TRUSTED_PROXIES=0; here it never does, and Django reads
the header itself when TRUSTED_PROXIES says a proxy writes it (igfarchive/settings.py).
Each setting can still be given on the command line (`--bind`, `--workers`, ...).
"""

import os

bind = os.environ.get("BIND", "0.0.0.0:8000")
# One worker per core and one more; threads keep a slow download from holding a worker.
workers = (os.cpu_count() or 1) + 1
threads = 4
timeout = 60
accesslog = "-"
secure_scheme_headers = {}
