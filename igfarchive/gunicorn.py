"""gunicorn's settings for the archive (docs/deployment.md):

    uv run gunicorn -c python:igfarchive.gunicorn igfarchive.wsgi:application

Only the archive decides whom to believe about the request's scheme. gunicorn would otherwise
take `X-Forwarded-Proto: https` from any client on loopback (its default `forwarded_allow_ips`)
and mark the request secure even with TRUSTED_PROXIES=0; here it never does, and Django reads
the header itself when TRUSTED_PROXIES says a proxy writes it (igfarchive/settings.py).
Each setting can still be given on the command line (`--bind`, `--workers`, ...).
"""

import gc
import os
import threading

bind = os.environ.get("BIND", "0.0.0.0:8000")
# One worker per core and one more; threads keep a slow download from holding a worker.
workers = (os.cpu_count() or 1) + 1
threads = 4
timeout = 60
accesslog = "-"
secure_scheme_headers = {}

# A worker's first requests load what lives as long as the worker: compiled templates, URL
# patterns, the database and cache clients. After SETTLED_AFTER requests they are frozen out
# of the cyclic garbage collector's sight, so that a full collection walks only what later
# requests made: at 2,000 sessions such a pause was 70-120 ms (every thread of the worker
# stopped), and 10 ms at most once frozen (docs/performance.md, "The collector's pauses").
# Frozen objects are still freed when nothing refers to them; only cycles among them stay.
SETTLED_AFTER = 100
# The worker's threads settle it once. (gc.get_freeze_count() walks every frozen object, some
# 140,000: 1.7 ms, too dear to ask after every request.)
_settling = threading.Lock()


def post_request(worker, req, environ, resp):
    if worker.nr < SETTLED_AFTER or getattr(worker, "settled", False):
        return
    with _settling:
        if getattr(worker, "settled", False):
            return
        gc.collect()
        gc.freeze()
        worker.settled = True
    worker.log.info(
        "Worker %s settled after %s requests: %s objects frozen",
        worker.pid,
        worker.nr,
        gc.get_freeze_count(),
    )
