"""The importer's changes are in the audit trail, authored by the file they came from."""

import hashlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from sessions.backup import RECORD_MODELS
from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, import_file
from sessions.models import Participation, Session, SourceDocument, Takeaway
from tests.bundled import import_bundled
from tests.factories import MeetingFactory, SessionFactory
from tests.sessions.importers.test_import_safety import DIPLOAI, OPEN_FORUM, changed_copy

pytestmark = pytest.mark.django_db

BUNDLED = sorted(path.name for path in BUNDLED_DOCUMENTS.glob("*.txt"))


def history_counts():
    """Rows of history per model with history (source documents have none)."""
    counts = {}
    for label in RECORD_MODELS:
        model = apps.get_model(label)
        if hasattr(model, "history"):
            counts[label] = model.history.count()
    return counts


def rows_by_reason(model):
    """(change reason, type, user) -> number of history rows of `model`."""
    counts = {}
    for row in model.history.values_list("history_change_reason", "history_type", "history_user"):
        counts[row] = counts.get(row, 0) + 1
    return counts


def expected_by_reason(model):
    """One "+" row per row the import wrote, with the reason naming the session's file."""
    counts = {}
    documents = model.objects.values_list(
        "session__source_document__file_name", "session__source_document__format"
    )
    for file_name, family in documents:
        key = (f"import of {file_name} ({SourceDocument.Format(family).label})", "+", None)
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_import_records_participations_and_takeaways_with_the_file_as_reason():
    import_bundled()

    assert rows_by_reason(Participation) == expected_by_reason(Participation)
    assert rows_by_reason(Takeaway) == expected_by_reason(Takeaway)
    assert sorted(reason.split()[2] for reason, _, _ in rows_by_reason(Participation)) == BUNDLED
    assert sorted(reason for reason, _, _ in rows_by_reason(Takeaway)) == [
        "import of igf2021-ws-125-workshop-page.txt (IGF workshop page (2019-2023 layout))",
        "import of igf2024-open-forum-9-session-page.txt (IGF session page (2024 layout))",
        "import of wsis2025-digital-governance-diploai-report.txt"
        " (DiploAI session report (dig.watch))",
    ]


def test_every_imported_record_has_its_creation_in_history():
    import_bundled()

    created = {
        label: apps.get_model(label).history.filter(history_type="+").count()
        for label in history_counts()
    }
    assert created == {label: apps.get_model(label).objects.count() for label in created}
    # A new session is one version: storing the import's snapshot afterwards adds none.
    assert list(Session.history.values_list("history_type", flat=True)) == ["+"] * 5


def test_reimport_without_changes_records_no_history():
    import_bundled()
    before = history_counts()

    import_bundled()

    assert history_counts() == before


def test_reimport_with_changes_records_the_rows_it_deletes_and_writes(tmp_path):
    curated = Curated()
    import_file(DIPLOAI, curated)
    before = set(Participation.objects.values_list("pk", flat=True))
    last = Participation.history.latest().history_id
    changed = changed_copy(
        tmp_path,
        DIPLOAI,
        ("Speech speed\n142 words per minute", "Speech speed\n143 words per minute"),
    )

    import_file(changed, curated)

    reason = f"import of {changed.name} (DiploAI session report (dig.watch))"
    deleted = Participation.history.filter(history_type="-")
    added = Participation.history.filter(history_id__gt=last, history_type="+")
    assert sorted(deleted.values_list("id", flat=True)) == sorted(before)
    assert set(deleted.values_list("history_change_reason", "history_user")) == {(reason, None)}
    assert set(added.values_list("history_change_reason", "history_user")) == {(reason, None)}
    assert sorted(added.values_list("id", flat=True)) == sorted(
        Participation.objects.values_list("pk", flat=True)
    )


def test_reimport_from_another_document_says_so_in_its_output_and_history(tmp_path):
    call_command("import_documents", str(OPEN_FORUM), stdout=io.StringIO())
    session = Session.objects.get(slug="open-forum-9")
    corrected = tmp_path / "igf2024-open-forum-9-corrected.txt"
    corrected.write_text(
        OPEN_FORUM.read_text(encoding="utf-8").replace("for synergy.", "for synergy and trust."),
        encoding="utf-8",
    )
    new_sha256 = hashlib.sha256(corrected.read_bytes()).hexdigest()
    replaced = (
        "igf2024-open-forum-9-session-page.txt (sha256 a8220111b445…) replaced by "
        f"igf2024-open-forum-9-corrected.txt (sha256 {new_sha256[:12]}…)"
    )

    output = io.StringIO()
    call_command("import_documents", str(corrected), stdout=output)

    assert output.getvalue().splitlines()[0] == (
        f"{corrected}: igf_page_2024: igf-2024/open-forum-9 2 changes; "
        f"unplaced text: 0 paragraphs, 0 characters; source document {replaced}"
    )
    latest, first = session.history.order_by("-history_id")[:2]
    assert (latest.history_type, latest.history_user, latest.history_change_reason) == (
        "~",
        None,
        "import of igf2024-open-forum-9-corrected.txt (IGF session page (2024 layout)): "
        f"source document {replaced}",
    )
    assert [row.source_document.file_name for row in (first, latest)] == [
        "igf2024-open-forum-9-session-page.txt",
        "igf2024-open-forum-9-corrected.txt",
    ]
    assert [change.field for change in latest.diff_against(first).changes] == ["source_document"]


def test_an_import_onto_a_session_without_a_source_document_names_none_replaced():
    # A session an editor made, or the synthetic archive's, has no source document.
    meeting = MeetingFactory(slug="igf-2024", name="IGF 2024")
    session = SessionFactory(meeting=meeting, session_type="open_forum", number=9)

    output = io.StringIO()
    call_command("import_documents", str(OPEN_FORUM), stdout=output)

    assert output.getvalue().splitlines()[0] == (
        f"{OPEN_FORUM}: igf_page_2024: igf-2024/{session.slug} 44 changes; "
        "unplaced text: 0 paragraphs, 0 characters"
    )
    assert session.history.latest().history_change_reason == (
        "import of igf2024-open-forum-9-session-page.txt (IGF session page (2024 layout))"
    )
