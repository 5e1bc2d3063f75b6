"""The README's first command prepares the archive; here without serving it."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings
from django.core.management import call_command

from sessions.models import Session
from sessions.outputs import dataset_files

LOGIN_HINT = (
    "To edit records, create a login: uv run python manage.py createsuperuser "
    "(then add editors to the Editors group in the admin)."
)


@pytest.mark.django_db
def test_start_imports_the_five_documents_once_and_says_how_to_log_in(settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.DATA_DIR = tmp_path / "data"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    call_command("start", "--no-serve")
    first = capsys.readouterr().out.splitlines()
    call_command("start", "--no-serve")
    second = capsys.readouterr().out.splitlines()

    assert Session.objects.count() == 5
    assert [line.split(": ")[1] for line in first[:5]] == [
        "igf_workshop_page",
        "igf_workshop_page",
        "igf_page_2024",
        "press_transcript",
        "diploai_report",
    ]
    assert [" created;" in line for line in first[:5]] == [True] * 5
    assert [" 0 changes;" in line for line in second[:5]] == [True] * 5
    assert first[5] == second[5] == "imported 5, queued for an editor 0, refused 0"
    # The dataset is built once: the second start changed nothing, so has nothing to build.
    built = dataset_files.current()
    assert first[6].startswith(f"Dataset of version {built.version} built: 5 session(s), ")
    assert second[6] == f"Dataset of version {built.version} already built: nothing to do."
    assert first[7:] == second[7:] == [LOGIN_HINT]
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_start_serves_the_prepared_archive_with_gunicorn(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}"}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "start", "--addrport", f"127.0.0.1:{port}"],
        env=environment,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sessions/", timeout=30) as page:
            assert page.status == 200
            assert page.headers["Server"] == "gunicorn"
            assert "Open Forum #9" in page.read().decode()
        css = f"http://127.0.0.1:{port}/static/css/archive.css"
        with urllib.request.urlopen(css, timeout=30) as static_file:
            assert static_file.status == 200
            assert static_file.headers["Content-Type"] == 'text/css; charset="utf-8"'
            assert static_file.read().startswith(b"/*")
    finally:
        process.terminate()
        output = process.communicate(timeout=60)[0]
    # The last line of the preparation; gunicorn's access log follows it.
    serving = output.splitlines().index(f"Serving at http://127.0.0.1:{port}/ (Ctrl-C stops).")
    assert output.splitlines()[serving - 1] == LOGIN_HINT
