"""The import benchmark refuses a database that already holds sessions."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from benchmarks.management.commands import benchmark_import

ADD_A_SESSION = (
    "from sessions.models import Meeting, Session; "
    "meeting = Meeting.objects.create(slug='igf-2024', name='IGF 2024', year=2024); "
    "Session.objects.create(meeting=meeting, number=1, title='Kept', slug='kept')"
)


def manage(database_url, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_a_database_with_sessions_is_refused_and_left_as_it_was(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    manage(database_url, "migrate", "-v0")
    manage(database_url, "shell", "-c", ADD_A_SESSION)

    with pytest.raises(CommandError) as refused:
        call_command(benchmark_import.Command(), documents=5, database_url=database_url)

    assert str(refused.value) == (
        "--database-url names a database that holds sessions: the benchmark would add its own "
        "to them. Give it an empty database."
    )
    count = "from sessions.models import Session; print(Session.objects.count())"
    assert manage(database_url, "shell", "-v0", "-c", count) == "1\n"


def test_an_empty_database_is_benchmarked(tmp_path, capsys):
    database_url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"

    call_command(benchmark_import.Command(), documents=5, database_url=database_url)

    assert capsys.readouterr().out.startswith("imported 5 documents in ")
