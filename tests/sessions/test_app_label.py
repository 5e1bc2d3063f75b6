"""The app in `sessions/` is labelled `archive`, so its Session never meets Django's."""

import django.contrib.sessions.models
from django.apps import apps
from django.core.management import call_command

import sessions.models


def test_get_model_archive_session_is_the_archive_model():
    assert apps.get_model("archive", "Session") is sessions.models.Session


def test_get_model_sessions_session_is_django_model():
    assert apps.get_model("sessions", "Session") is django.contrib.sessions.models.Session


def test_archive_session_table_name_has_archive_prefix():
    assert sessions.models.Session._meta.db_table == "archive_session"


def test_shell_auto_import_session_is_the_archive_model(capsys):
    call_command("shell", command="print(Session._meta.label)", verbosity=0)

    assert capsys.readouterr().out == "archive.Session\n"


def test_shell_imports_every_name_it_offers(capsys):
    call_command("shell", command="pass", verbosity=1)

    output = capsys.readouterr()
    assert "could not be automatically imported" not in output.out + output.err
    assert "objects imported automatically" in output.out
