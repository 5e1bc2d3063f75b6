"""Importing is repeatable and safe: no duplicates, editors' corrections kept, bad input refused."""

import json
import shutil
from html import escape

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sessions.backup import dumps, export_archive
from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, DocumentRefused, import_file
from sessions.importers.snapshot import written_digest
from sessions.models import Session
from tests.bundled import import_bundled
from tests.sessions.importers.real_pages import REAL_DOCUMENTS

pytestmark = pytest.mark.django_db(transaction=False)

OPEN_FORUM = BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt"


def ids_of_everything():
    return json.loads(dumps(export_archive()))


def test_second_import_changes_nothing():
    import_bundled()
    before = ids_of_everything()
    again = import_bundled()
    assert {name: (o.created, o.changes, o.conflicts) for name, o in again.items()} == {
        name: (False, [], []) for name in again
    }
    assert ids_of_everything() == before


def test_command_prints_format_changes_and_unplaced_text(capsys):
    call_command("import_documents", str(OPEN_FORUM))
    call_command("import_documents", str(OPEN_FORUM))
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{OPEN_FORUM}: igf_page_2024: igf-2024/open-forum-9 created; "
        "unplaced text: 0 paragraphs, 0 characters",
        "imported 1, queued for an editor 0, refused 0",
        f"{OPEN_FORUM}: igf_page_2024: igf-2024/open-forum-9 0 changes; "
        "unplaced text: 0 paragraphs, 0 characters",
        "imported 1, queued for an editor 0, refused 0",
    ]


def test_editor_correction_survives_reimport_of_changed_source(tmp_path):
    curated = Curated()
    import_file(OPEN_FORUM, curated)
    session = Session.objects.get(slug="open-forum-9")
    session.title = "Digital Technology Empowers Green and Low-Carbon Development"
    session.save()

    changed = tmp_path / OPEN_FORUM.name
    text = OPEN_FORUM.read_text(encoding="utf-8")
    changed.write_text(
        text.replace("Low-carbon Development", "Low-carbon Growth").replace(
            "    Roundtable", "    Panel"
        ),
        encoding="utf-8",
    )
    outcome = import_file(changed, curated)

    session.refresh_from_db()
    assert session.title == "Digital Technology Empowers Green and Low-Carbon Development"
    assert session.format == "Panel"
    assert (outcome.changes, outcome.conflicts) == (
        ["format", "source document"],
        ["title: kept the editor's value"],
    )


def test_editor_correction_survives_reimport_of_same_source():
    curated = Curated()
    import_file(OPEN_FORUM, curated)
    session = Session.objects.get(slug="open-forum-9")
    session.room = "Workshop Room 6"
    session.save()
    takeaway = session.takeaways.get(position=1)
    takeaway.text = "Corrected by an editor."
    takeaway.save()

    outcome = import_file(OPEN_FORUM, curated)

    session.refresh_from_db()
    assert (session.room, session.takeaways.get(position=1).text) == (
        "Workshop Room 6",
        "Corrected by an editor.",
    )
    assert (outcome.changes, outcome.conflicts) == ([], [])


def malformed_copies(tmp_path):
    text = OPEN_FORUM.read_text(encoding="utf-8")
    copies = {
        "empty.txt": b"",
        "blank.txt": b"\n  \n",
        "binary.txt": b"IGF 2024 Open Forum #9 Title\n\x00\x01\x02",
        "latin1.txt": "IGF 2024 Open Forum #9 Caf\u00e9\n".encode("latin-1"),
        "unknown.txt": b"Minutes of the meeting\n\nNothing here looks like a session.\n",
        "no-title.txt": text.replace(
            "IGF 2024 Open Forum #9 Digital Technology Empowers Green and Low-carbon Development",
            "",
        ).encode(),
        "bad-sdg.txt": text.replace("    7.a\n", "    7.z\n").encode(),
    }
    paths = {}
    for name, data in copies.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


EXPECTED_REFUSALS = {
    "empty.txt": "1: empty document",
    "blank.txt": "1: empty document",
    "binary.txt": "2: binary data (a NUL byte), not a text document",
    "latin1.txt": "1: not UTF-8 text (byte 0xe9)",
    "unknown.txt": (
        "1: unknown format: not an IGF session page, workshop page or transcript, a DiploAI "
        "report, a press-conference transcript or a WSIS Forum session page"
    ),
    "bad-sdg.txt": "1: SDG target 7.z does not exist",
}


def test_malformed_copies_are_refused_and_change_nothing(tmp_path):
    import_bundled()
    before = ids_of_everything()
    paths = malformed_copies(tmp_path)
    refusals = {}
    for name, path in paths.items():
        with pytest.raises(DocumentRefused) as refused:
            import_file(path, Curated())
        refusals[name] = refused.value.lines
    assert ids_of_everything() == before
    for name, reason in EXPECTED_REFUSALS.items():
        assert refusals[name] == [f"{paths[name]}:{reason}"]
    assert refusals["no-title.txt"][0].startswith(f"{paths['no-title.txt']}:")


def test_an_unknown_region_is_kept_and_the_session_marked_for_review(tmp_path):
    """A value outside a vocabulary does not refuse the page: it is kept verbatim in the
    affiliation text, and the session says why it needs an editor's review."""
    copy = changed_copy(
        tmp_path,
        BUNDLED_DOCUMENTS / "igf2023-ws-377-workshop-page.txt",
        (
            "Speaker 3: Yijie Peng, Private Sector, Asia-Pacific Group",
            "Speaker 3: Yijie Peng, Private Sector, Atlantis Group",
        ),
    )
    outcome = import_file(copy, Curated())
    session = Session.objects.get(pk=outcome.session.pk)
    assert session.needs_review is True
    assert session.import_snapshot["review"] == [
        "15: unknown regional group 'Atlantis Group', kept as published"
    ]
    participation = session.participations.get(published_name="Yijie Peng")
    assert (
        participation.role,
        participation.stakeholder_group,
        participation.regional_group,
        participation.affiliation,
    ) == ("speaker", "private_sector", "", "Atlantis Group")
    again = import_file(copy, Curated())
    assert again.changes == []


def test_review_reasons_are_shown_by_the_command_and_on_the_sessions_admin_page(
    tmp_path, capsys, editor_client
):
    copy = changed_copy(
        tmp_path,
        BUNDLED_DOCUMENTS / "igf2023-ws-377-workshop-page.txt",
        (
            "Speaker 3: Yijie Peng, Private Sector, Asia-Pacific Group",
            "Speaker 3: Yijie Peng, Private Sector, Atlantis Group",
        ),
    )
    reason = "15: unknown regional group 'Atlantis Group', kept as published"

    call_command("import_documents", str(copy))

    assert capsys.readouterr().out.splitlines() == [
        f"{copy}: igf_workshop_page: igf-2023/workshop-377 created; "
        f"unplaced text: 0 paragraphs, 0 characters; needs review: {reason}",
        "imported 1, queued for an editor 0, refused 0",
    ]
    session = Session.objects.get()
    page = editor_client.get(f"/admin/archive/session/{session.pk}/change/")
    assert f"<p>{escape(reason)}</p>" in page.content.decode()


def test_the_command_counts_imported_queued_and_refused_documents(tmp_path, capsys):
    shutil.copy(OPEN_FORUM, tmp_path / "a-good.txt")
    shutil.copy(
        REAL_DOCUMENTS / "digwatch_igf2024_of33_wsis-forum-2025-consultation.txt",
        tmp_path / "b-undated.txt",
    )
    (tmp_path / "c-empty.txt").write_bytes(b"")

    with pytest.raises(CommandError) as error:
        call_command("import_documents", str(tmp_path))

    assert capsys.readouterr().out.splitlines()[1:] == [
        f"{tmp_path / 'b-undated.txt'}:2: no date line such as '11 Jul 2025 09:00h - 09:45h' "
        "after the title (waiting for an editor)",
        "imported 1, queued for an editor 1, refused 1",
    ]
    assert str(error.value) == (
        "1 problem(s); those documents were not imported:\n"
        f"{tmp_path / 'c-empty.txt'}:1: empty document"
    )


def test_an_editor_who_cleared_the_review_mark_keeps_it_cleared(tmp_path):
    copy = changed_copy(
        tmp_path,
        BUNDLED_DOCUMENTS / "igf2023-ws-377-workshop-page.txt",
        ("Yijie Peng, Private Sector,", "Yijie Peng, Academia,"),
    )
    session = import_file(copy, Curated()).session
    Session.objects.filter(pk=session.pk).update(needs_review=False)
    import_file(copy, Curated())
    assert Session.objects.get(pk=session.pk).needs_review is False


def test_command_refuses_bad_file_and_still_imports_good_ones(tmp_path):
    shutil.copy(OPEN_FORUM, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError) as error:
        call_command("import_documents", str(tmp_path))
    assert str(error.value) == (
        "1 problem(s); those documents were not imported:\n"
        f"{tmp_path / 'empty.txt'}:1: empty document"
    )
    assert list(Session.objects.values_list("slug", flat=True)) == ["open-forum-9"]


DIPLOAI = BUNDLED_DOCUMENTS / "wsis2025-digital-governance-diploai-report.txt"


def changed_copy(tmp_path, source, *replacements):
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    copy = tmp_path / source.name
    copy.write_text(text, encoding="utf-8")
    return copy


@pytest.mark.parametrize("source", [OPEN_FORUM, DIPLOAI], ids=["igf-page", "diploai"])
def test_reimport_of_unchanged_source_finds_every_list_as_written(source):
    # The digest of the rows just written equals the digest of the same rows read back.
    curated = Curated()
    import_file(source, curated)
    session = Session.objects.get(source_document__file_name=source.name)
    snapshot = session.import_snapshot["collections"]

    read_back = {name: written_digest(session, name) for name in snapshot}

    assert read_back == {name: value["written"] for name, value in snapshot.items()}


def test_reimport_rewrites_changed_lists_that_no_editor_touched(tmp_path):
    curated = Curated()
    import_file(DIPLOAI, curated)
    changed = changed_copy(
        tmp_path,
        DIPLOAI,
        ("Speech speed\n142 words per minute", "Speech speed\n143 words per minute"),
        ("– **Zhiqiang Lin** – From the Data", "– **Zhiqiang Lin** – Of the Data"),
    )

    outcome = import_file(changed, curated)

    assert (outcome.changes, outcome.conflicts) == (["source document", "people"], [])
    gurry = Session.objects.get(source_document__file_name=DIPLOAI.name).participations.get(
        published_name="Francis Gurry"
    )
    assert gurry.words_per_minute == 143


def test_reimport_keeps_an_editors_list_and_reports_the_conflict(tmp_path):
    curated = Curated()
    import_file(OPEN_FORUM, curated)
    session = Session.objects.get(slug="open-forum-9")
    session.takeaways.filter(kind="call_to_action").first().delete()
    changed = changed_copy(
        tmp_path,
        OPEN_FORUM,
        ("for synergy.", "for synergy and trust."),
        ("Lu Changbin", "LU Changbin"),
    )

    outcome = import_file(changed, curated)

    assert (outcome.changes, outcome.conflicts) == (
        ["source document", "people"],
        ["takeaways: kept the editor's version"],
    )
    assert (
        list(session.takeaways.values_list("kind", flat=True))
        == ["call_to_action"] + ["key_takeaway"] * 3
    )


def test_a_sources_control_characters_never_reach_the_record(tmp_path):
    hostile = changed_copy(
        tmp_path,
        OPEN_FORUM,
        ("Green and Low-carbon", "Green\x0b and Low-\x85carbon\u2028"),
        ("is both a driver", "is both\x1b a\x7f driver\x0c"),
    )

    outcome = import_file(hostile, Curated())

    session = outcome.session
    assert session.title == "Digital Technology Empowers Green and Low-carbon Development"
    assert session.takeaways.get(position=1).text == (
        "Digital technology is both a driver and enabler of sustainable, low-carbon development, "
        "but coordinated capacity building is essential for synergy."
    )
    assert session.source_document.text == hostile.read_text(encoding="utf-8")
