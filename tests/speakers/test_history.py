"""History says who and why in words: the editor's name, the importer with the document's
file name and format, a merge with what it merged; never "None"."""

import re

import pytest

from sessions.models import Session
from speakers.models import Person
from tests.bundled import import_bundled
from tests.sessions.test_admin_saves import as_a_browser_posts

pytestmark = pytest.mark.django_db

OPEN_FORUM_IMPORT = (
    "import of igf2024-open-forum-9-session-page.txt (IGF session page (2024 layout))"
)


def who_and_why(html):
    """(author, reason) of each row of an admin history page, in its order (newest first)."""
    authors = re.findall(r'<td class="history-author">([^<]*)</td>', html)
    reasons = re.findall(r'<td class="history-reason">([^<]*)</td>', html)
    return list(zip(authors, reasons, strict=True))


@pytest.fixture
def named_editor(editor_client, editor):
    editor.first_name, editor.last_name = "Ada", "Lovelace"
    editor.save()
    return editor_client


def test_a_session_history_names_the_editor_and_the_imported_document(named_editor):
    import_bundled()
    session = Session.objects.get(slug="open-forum-9")
    url = f"/admin/archive/session/{session.pk}/change/"
    data = as_a_browser_posts(named_editor.get(url))
    data["room"] = "Room 7"
    assert named_editor.post(url, data).status_code == 302

    html = named_editor.get(f"/admin/archive/session/{session.pk}/history/").content.decode()

    assert who_and_why(html) == [
        ("Ada Lovelace", "changed in the admin"),
        ("the importer", OPEN_FORUM_IMPORT),
    ]
    assert "None" not in html
    first = session.history.earliest().history_id
    version = named_editor.get(f"/admin/archive/session/{session.pk}/history/{first}/")
    assert version.status_code == 200
    assert "None" not in version.content.decode()


def test_a_merge_is_named_with_both_records_and_the_editor(named_editor):
    import_bundled()
    keep, other = Person.objects.get(name="LONG Kai"), Person.objects.get(name="PENG Gang")
    answer = named_editor.post(
        "/admin/speakers/person/",
        {"action": "merge_selected", "_selected_action": [keep.pk, other.pk]},
    )
    assert answer.status_code == 302

    html = named_editor.get(f"/admin/speakers/person/{other.pk}/history/").content.decode()

    assert who_and_why(html) == [
        ("Ada Lovelace", "merge of “PENG Gang” into “LONG Kai”"),
        ("the importer", OPEN_FORUM_IMPORT),
    ]
    assert "None" not in html


def test_a_split_is_named_with_the_spelling_and_its_record(named_editor):
    import_bundled()
    alias = Person.objects.get(name="Gong Ke").aliases.get(name="Ke Gong")
    answer = named_editor.post(
        "/admin/speakers/personalias/",
        {"action": "split_selected", "_selected_action": [alias.pk]},
    )
    assert answer.status_code == 302

    html = named_editor.get(f"/admin/speakers/personalias/{alias.pk}/history/").content.decode()

    assert who_and_why(html)[0] == ("Ada Lovelace", "split of “Ke Gong” off “Gong Ke”")


def test_a_row_without_author_or_reason_says_so_in_words(editor_client):
    person = Person.objects.create(name="Nobody Known", slug="nobody-known")
    person.history.update(history_change_reason=None, history_user=None)

    html = editor_client.get(f"/admin/speakers/person/{person.pk}/history/").content.decode()

    assert who_and_why(html) == [("not recorded", "not recorded")]
    assert "None" not in html


def test_an_editor_without_a_full_name_is_named_by_login(editor_client):
    import_bundled()
    person = Person.objects.get(name="LONG Kai")
    url = f"/admin/speakers/person/{person.pk}/change/"
    data = as_a_browser_posts(editor_client.get(url))
    data["name"] = "Long Kai"
    assert editor_client.post(url, data).status_code == 302

    html = editor_client.get(f"/admin/speakers/person/{person.pk}/history/").content.decode()

    assert who_and_why(html)[0] == ("editor", "changed in the admin")
