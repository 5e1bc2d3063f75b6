"""The README's first command prepares the archive; here without serving it."""

import pytest
from django.core.management import call_command

from sessions.models import Session

LOGIN_HINT = (
    "To edit records, create a login: uv run python manage.py createsuperuser "
    "(then add editors to the Editors group in the admin)."
)


@pytest.mark.django_db
def test_start_imports_the_five_documents_once_and_says_how_to_log_in(settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
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
    assert first[5:] == second[5:] == ["imported 5, queued for an editor 0, refused 0", LOGIN_HINT]
    assert (tmp_path / "static" / "staticfiles.json").exists()
