"""Under gunicorn with its settings: a forwarded scheme is believed only as TRUSTED_PROXIES
says, and a worker freezes what it loaded once its first requests are served."""

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.conf import settings

from igfarchive.gunicorn import SETTLED_AFTER

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "q3V8x-N2pLr7sT0wYb4ZcK9mHf6JdA1gE5uRi2oWn8kXy3vQ7tBs0LhMzP4jFa6D",
    "ALLOWED_HOSTS": "127.0.0.1",
    "HTTPS": "1",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextlib.contextmanager
def gunicorn(tmp_path, trusted_proxies, log=subprocess.DEVNULL):
    port = free_port()
    environment = {
        **os.environ,
        **PRODUCTION,
        "TRUSTED_PROXIES": str(trusted_proxies),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "BIND": f"127.0.0.1:{port}",
    }
    command = [sys.executable, "-m", "gunicorn", "-c", "python:igfarchive.gunicorn"]
    process = subprocess.Popen(
        [*command, "--workers", "1", "igfarchive.wsgi:application"],
        env=environment,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(url, **headers):
    opener = urllib.request.build_opener(NoRedirects)
    try:
        # Generous: the first answer of a fresh worker on a busy machine can take seconds.
        return opener.open(urllib.request.Request(url, headers=headers), timeout=60)
    except urllib.error.HTTPError as error:
        return error


def test_a_forwarded_scheme_from_loopback_is_not_believed_without_trusted_proxies(tmp_path):
    with gunicorn(tmp_path, trusted_proxies=0) as base:
        response = get(base + "/sessions/", **{"X-Forwarded-Proto": "https"})

    assert response.status == 301
    assert (
        response.headers["Location"]
        == "https://127.0.0.1" + base[len("http://127.0.0.1") :] + "/sessions/"
    )
    assert "Strict-Transport-Security" not in response.headers


def test_a_forwarded_scheme_is_believed_from_a_trusted_proxy(tmp_path):
    with gunicorn(tmp_path, trusted_proxies=1) as base:
        # The schema needs neither the database nor collected static files.
        response = get(base + "/api/schema/", **{"X-Forwarded-Proto": "https"})

    assert response.status == 200
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_a_worker_freezes_what_it_loaded_after_its_first_requests(tmp_path):
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log, gunicorn(tmp_path, trusted_proxies=1, log=log) as base:
        for _ in range(SETTLED_AFTER - 1):
            get(base + "/api/schema/", **{"X-Forwarded-Proto": "https"})
        time.sleep(0.5)
        before = log_path.read_text()
        for _ in range(3):
            get(base + "/api/schema/", **{"X-Forwarded-Proto": "https"})
        time.sleep(0.5)
        after = log_path.read_text()

    assert "settled" not in before
    # Once only: the requests that follow do not freeze again.
    [served] = re.findall(r"Worker \d+ settled after (\d+) requests: \d+ objects frozen", after)
    # A response reaches the client before its post_request hook runs, so the next request
    # may already be counted when the hook reads the worker's count: 100, or a few more.
    assert SETTLED_AFTER <= int(served) <= SETTLED_AFTER + 3
    assert after.count("settled") == 1
