"""A server error reaches standard error with its traceback, whatever DEBUG says."""

import os
import subprocess
import sys

from django.conf import settings

# A request to a view that fails, in a fresh process with production-like DEBUG off.
FAILING_REQUEST = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "igfarchive.settings"
django.setup()
from django.test import Client
from django.urls import path
import igfarchive.urls

def broken(request):
    raise RuntimeError("the view broke")

igfarchive.urls.urlpatterns.insert(0, path("broken/", broken))
response = Client(raise_request_exception=False).get("/broken/", SERVER_NAME="127.0.0.1")
print(response.status_code)
"""


def test_a_server_error_is_logged_to_stderr_with_its_traceback():
    result = subprocess.run(
        [sys.executable, "-c", FAILING_REQUEST],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "0", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "127.0.0.1"},
        timeout=60,
        check=False,
    )

    assert result.stdout == "500\n"
    assert "Internal Server Error: /broken/" in result.stderr
    assert "Traceback (most recent call last):" in result.stderr
    assert result.stderr.endswith("in broken\nRuntimeError: the view broke\n")
