"""The importer on damaged documents (hypothesis): imported, or refused with `file:line: reason`.

Each of the five bundled documents is truncated, has its lines shuffled, deleted, duplicated
or taken from another document, its numbers changed, random characters (NUL, control and
format characters) or bytes (invalid UTF-8) put in; whole binary files, empty and blank files
and very large versions are tried too. Most of those stop at the decoding or the format's
first lines; these reach the parsers: lines edited (moved, swapped, joined, split, indented,
blanked, their case changed), spans of lines replaced by other valid text, blocks of lines
repeated, and long runs of one character put in a line.

For every input `import_file` either imports it, and then a second import of the same file
changes nothing, or refuses it with `DocumentRefused` (or queues it for an editor with
`DocumentQueued`, a kind of it), every line `<file>:<line>: <reason>`,
and the archive's export is unchanged. Any other exception fails the test. Whenever the input
parses, every long text the parser hands over (description, report, summary, takeaways,
turns, ...) is text of the input: each of its lines occurs in a line of the input, after the
normalisation the parsers document (control characters removed; lines stripped of surrounding
space; DiploAI's bold markers "**" dropped). An imported session's long texts are text of the
input or of the document imported before it. Inputs that once crashed the importer are kept
as fixed cases.

Every example starts from the same archive (the five documents, imported once for the module)
and is rolled back. How many inputs were tried, parsed, imported and refused is printed after
the run. ARCHIVE_FUZZ_EXAMPLES sets the examples per test (6 by default; docs/reliability.md).
"""

import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.backup import dumps, export_archive
from sessions.importers.detection import detect_format
from sessions.importers.documents import (
    BUNDLED_DOCUMENTS,
    PARSERS,
    Curated,
    DocumentRefused,
    import_file,
)
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.parsed import ParseError
from speakers.text import without_control_characters

pytestmark = pytest.mark.django_db

DOCUMENTS = sorted(BUNDLED_DOCUMENTS.glob("*.txt"))
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in DOCUMENTS}
LINES = {name: text.splitlines(keepends=True) for name, text in TEXTS.items()}
BY_DOCUMENT = pytest.mark.parametrize("name", list(TEXTS), ids=lambda name: name.split("-")[0])
# Examples per test: every test below runs for each of the five documents; quick on both databases
# by default, as many as ARCHIVE_FUZZ_EXAMPLES says for a long run.
EXAMPLES = settings(
    max_examples=int(os.environ.get("ARCHIVE_FUZZ_EXAMPLES", "6")),
    deadline=None,
    # The archive is imported once for the module and each example rolls its changes back, so
    # function-scoped fixtures need no reset; imports of whole documents are slow by nature.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LARGE = 2 * 1024 * 1024  # bytes: a "very large" document

# Inputs tried, imported and refused, by test: printed after the run (docs/reliability.md).
TALLY = {}


@pytest.fixture(scope="module", autouse=True)
def tally_lines(request):
    """Print the tally at the end of the run, after pytest's summary."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    yield
    if reporter is None or not TALLY:
        return
    rows = {
        kind: (counts["parsed"], counts["imported"], counts["refused"])
        for kind, counts in TALLY.items()
    }
    parsed, imported, refused = (sum(column) for column in zip(*rows.values(), strict=True))
    lines = [
        f"importer fuzzing: {imported + refused} documents tried, {parsed} parsed, "
        f"{imported} imported, {refused} refused",
        *(
            f"  {kind}: {i + r} tried, {p} parsed, {i} imported, {r} refused"
            for kind, (p, i, r) in rows.items()
        ),
    ]
    request.config.add_cleanup(lambda: [reporter.write_line(line) for line in lines])


@dataclass
class Archive:
    """What every example starts from: the archive's export, a file for the input, the test."""

    export: str = field(repr=False)
    path: Path
    kind: str


@pytest.fixture(scope="module")
def export_before(imported, django_db_blocker):
    """The export of the five documents, `imported` once for the module; tests roll back."""
    with django_db_blocker.unblock():
        return dumps(export_archive())


@pytest.fixture
def archive(export_before, tmp_path, request):
    kind = request.node.originalname.removeprefix("test_")
    return Archive(export_before, tmp_path / "input.txt", kind)


# The session's long texts, as the parser hands them over and as the archive keeps them.
LONG_FIELDS = [
    "theme",
    "format_description",
    "description",
    "background",
    "participant_gains",
    "expected_outcomes",
    "online_participation",
    "agenda",
    "sdg_rationale",
    "report",
    "summary",
    "overall_purpose",
    "overall_tone",
    "disclaimer",
]


def normalised_lines(text):
    """The text's non-blank lines as the parsers keep them: without control characters,
    stripped, without "**" markers."""
    lines = without_control_characters(text).splitlines()
    return [line.replace("**", "").strip() for line in lines if line.strip()]


def parsed_texts(parsed):
    """(what, text) for every long text of a ParsedSession."""
    yield from ((name, getattr(parsed, name)) for name in LONG_FIELDS)
    yield from (("policy question", question) for question in parsed.policy_questions)
    yield from (("takeaway", takeaway.text) for takeaway in parsed.takeaways)
    yield from (("turn", turn.text) for turn in parsed.transcript)
    yield from (("unplaced", paragraph) for paragraph in parsed.unplaced)
    for argument in parsed.arguments:
        yield from (
            ("argument", text) for text in (argument.claim, argument.explanation, argument.evidence)
        )


def lines_not_in(texts, *sources):
    """The (what, line) of `texts` whose line occurs in no line of the sources."""
    source = "\n".join(line for text in sources for line in normalised_lines(text))
    return [
        (what, line)
        for what, text in texts
        for line in normalised_lines(text)
        if line not in source
    ]


def parse(data):
    """The ParsedSession of `data`, or None where decoding, the format or the parser stops."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None, None
    family = detect_format(text) if "\x00" not in text and text.strip() else None
    if family is None:
        return None, text
    try:
        return PARSERS[family](text), text
    except ParseError:
        return None, text


def assert_imported_or_refused(archive, data):
    """Import `data`: it lands and a re-import changes nothing, or it is refused cleanly.

    Where it parses, the parser's long texts are text of `data`; where it is imported, the
    session's long texts are text of `data` or of the document imported before.

    Returns the refusal's lines, or None when the document was imported.
    """
    path = archive.path
    path.write_bytes(data)
    counts = TALLY.setdefault(archive.kind, {"parsed": 0, "imported": 0, "refused": 0})
    parsed, text = parse(data)
    if parsed is not None:
        counts["parsed"] += 1
        assert lines_not_in(parsed_texts(parsed), text) == []
    with transaction.atomic():
        try:
            outcome = import_file(path, Curated())
        except DocumentRefused as refused:
            counts["refused"] += 1
            pattern = re.compile(rf"{re.escape(str(path))}:\d+: .+")
            assert refused.lines
            assert [line for line in refused.lines if not pattern.fullmatch(line)] == []
            assert dumps(export_archive()) == archive.export
            lines = refused.lines
        else:
            counts["imported"] += 1
            session = outcome.session
            stored = [(name, getattr(session, name)) for name in LONG_FIELDS]
            assert lines_not_in(stored, text, *TEXTS.values()) == []
            again = import_file(path, Curated())
            assert (again.created, again.changes, again.conflicts) == (False, [], [])
            lines = None
        transaction.set_rollback(True)
    return lines


def encoded(lines):
    return "".join(lines).encode()


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_truncated_document(archive, name, data):
    cut = data.draw(st.integers(0, len(TEXTS[name])), label="cut")
    assert_imported_or_refused(archive, TEXTS[name][:cut].encode())


@BY_DOCUMENT
@EXAMPLES
@given(seed=st.integers(0, 2**32))
def test_document_with_lines_shuffled(archive, name, seed):
    lines = list(LINES[name])
    random.Random(seed).shuffle(lines)
    assert_imported_or_refused(archive, encoded(lines))


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_lines_deleted_duplicated_or_borrowed(archive, name, data):
    lines = list(LINES[name])
    borrowed = [line for other, text in LINES.items() if other != name for line in text]
    for _ in range(data.draw(st.integers(1, 12), label="edits")):
        at = data.draw(st.integers(0, len(lines) - 1), label="line")
        edit = data.draw(st.sampled_from(["delete", "duplicate", "borrow"]), label="edit")
        if edit == "delete" and len(lines) > 1:
            del lines[at]
        elif edit == "duplicate":
            lines.insert(at, lines[at])
        else:
            lines.insert(at, data.draw(st.sampled_from(borrowed), label="borrowed"))
    assert_imported_or_refused(archive, encoded(lines))


# Characters that trouble parsers: NUL, control and format characters, line and paragraph
# separators, a byte-order mark, a right-to-left override, letters outside the BMP.
ODD_CHARACTERS = st.one_of(
    st.sampled_from(list("\x00\x01\x07\x08\x0b\x0c\r\x1b\x7f\x85\u2028\u2029\ufeff\u202e\u200b#:")),
    st.characters(codec="utf-8"),
)


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_characters_put_in(archive, name, data):
    text = TEXTS[name]
    for _ in range(data.draw(st.integers(1, 8), label="insertions")):
        at = data.draw(st.integers(0, len(text)), label="at")
        piece = data.draw(st.text(ODD_CHARACTERS, min_size=1, max_size=20), label="piece")
        text = text[:at] + piece + text[at:]
    assert_imported_or_refused(archive, text.encode())


NUMBERS = st.one_of(st.integers(0, 99), st.integers(0, 10**24)).map(str) | st.just("0000")


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_numbers_changed(archive, name, data):
    # Years, days, times, durations, session numbers, SDGs, speech statistics.
    text = TEXTS[name]
    numbers = list(re.finditer(r"\d+", text))
    chosen = data.draw(st.sets(st.sampled_from(numbers), min_size=1, max_size=4), label="numbers")
    for number in sorted(chosen, key=lambda match: match.start(), reverse=True):
        text = text[: number.start()] + data.draw(NUMBERS, label="number") + text[number.end() :]
    assert_imported_or_refused(archive, text.encode())


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_bytes_put_in(archive, name, data):
    raw = TEXTS[name].encode()
    for _ in range(data.draw(st.integers(1, 4), label="insertions")):
        at = data.draw(st.integers(0, len(raw)), label="at")
        raw = raw[:at] + data.draw(st.binary(min_size=1, max_size=8), label="bytes") + raw[at:]
    assert_imported_or_refused(archive, raw)


LINE_EDITS = ["move", "swap", "join", "split", "indent", "unindent", "blank", "upper", "lower"]


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_lines_edited(archive, name, data):
    # Valid UTF-8 and the document's own lines, so that most inputs reach the parser.
    lines = [line.rstrip("\n") for line in LINES[name]]
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        at = data.draw(st.integers(0, len(lines) - 2), label="line")
        edit = data.draw(st.sampled_from(LINE_EDITS), label="edit")
        if edit == "move":
            lines.insert(data.draw(st.integers(0, len(lines) - 1), label="to"), lines.pop(at))
        elif edit == "swap":
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif edit == "join":
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
        elif edit == "split":
            cut = data.draw(st.integers(0, len(lines[at])), label="cut")
            lines[at : at + 1] = [lines[at][:cut], lines[at][cut:]]
        elif edit == "indent":
            lines[at] = "    " + lines[at]
        elif edit == "unindent":
            lines[at] = lines[at].lstrip()
        elif edit == "blank":
            lines[at] = ""
        else:
            lines[at] = getattr(lines[at], edit)()
    assert_imported_or_refused(archive, "\n".join(lines).encode())


# Text a document could hold: letters, digits, punctuation and spaces, no line breaks.
PLAIN_TEXT = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=60
)


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_text_replaced(archive, name, data):
    # A span of one line replaced by other valid text (or nothing): labels, names, dates and
    # headings misspelt, cut short or run on.
    lines = [line.rstrip("\n") for line in LINES[name]]
    for _ in range(data.draw(st.integers(1, 6), label="replacements")):
        at = data.draw(st.integers(0, len(lines) - 1), label="line")
        start = data.draw(st.integers(0, len(lines[at])), label="start")
        end = data.draw(st.integers(start, len(lines[at])), label="end")
        piece = data.draw(PLAIN_TEXT, label="piece")
        lines[at] = lines[at][:start] + piece + lines[at][end:]
    assert_imported_or_refused(archive, "\n".join(lines).encode())


LONG_RUNS = st.tuples(
    st.sampled_from([" ", "\t", "-", ":", "*", "#", "a", "1", "é", "–", "(", "\u200b"]),
    st.integers(1_000, 200_000),
)


@BY_DOCUMENT
@EXAMPLES
@given(data=st.data())
def test_document_with_repetitions_and_long_runs(archive, name, data):
    # A block of lines repeated (sections, people, turns many times over), and long runs of
    # one character in a line (the parsers' patterns must stay linear on them).
    lines = [line.rstrip("\n") for line in LINES[name]]
    start = data.draw(st.integers(0, len(lines) - 1), label="block start")
    end = data.draw(st.integers(start + 1, min(len(lines), start + 40)), label="block end")
    times = data.draw(st.integers(2, 50), label="times")
    lines[end:end] = lines[start:end] * (times - 1)
    for _ in range(data.draw(st.integers(0, 3), label="runs")):
        at = data.draw(st.integers(0, len(lines) - 1), label="line")
        character, length = data.draw(LONG_RUNS, label="run")
        cut = data.draw(st.integers(0, len(lines[at])), label="cut")
        lines[at] = lines[at][:cut] + character * length + lines[at][cut:]
    assert_imported_or_refused(archive, "\n".join(lines).encode())


@EXAMPLES
@given(raw=st.binary(max_size=4096))
def test_binary_file(archive, raw):
    assert_imported_or_refused(archive, raw)


@pytest.mark.parametrize(
    "raw",
    [b"", b" ", b"\n\n\n", b" \t\r\n\x0b\x0c ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n  \n", b"\x00"],
    ids=["empty", "space", "newlines", "whitespace", "bom", "bom-and-blank", "nul"],
)
def test_empty_or_blank_file(archive, raw):
    assert_imported_or_refused(archive, raw)


@BY_DOCUMENT
def test_very_large_document(archive, name):
    # The whole document again and again: duplicated sections, thousands of people and turns.
    text = TEXTS[name]
    assert_imported_or_refused(archive, (text * (LARGE // len(text) + 1)).encode())


@BY_DOCUMENT
def test_document_with_a_very_large_body(archive, name):
    # One document whose text after its first lines is one huge paragraph.
    head, body = TEXTS[name][:2000], TEXTS[name][2000:].replace("\n", " ")
    assert_imported_or_refused(archive, (head + body * (LARGE // len(body) + 1)).encode())


# Inputs that once crashed the importer (found by the tests above), each refused now.
PRESS = "scio2022-cyberspace-white-paper-press-conference.txt"
DIPLOAI = "wsis2025-digital-governance-diploai-report.txt"
OPEN_FORUM = "igf2024-open-forum-9-session-page.txt"
CRASHES = {
    # ValueError from datetime.date: the dateline's shape holds year 0000.
    "press-dateline-year-0000": (
        PRESS,
        ("China.org.cn, November 15, 2022", "China.org.cn, November 15, 0000"),
        "3: no such date in the dateline: year 0 is out of range",
    ),
    # The same in a DiploAI report's date line (found by reading, next to the one above).
    "diploai-date-31-february": (
        DIPLOAI,
        ("11 Jul 2025 09:00h", "31 Feb 2025 09:00h"),
        "2: no such date or time in the date line: day is out of range for month",
    ),
    # OverflowError on SQLite (past 64 bits), DataError on PostgreSQL (past 32).
    "session-number-past-64-bits": (
        OPEN_FORUM,
        ("IGF 2024 Open Forum #9 ", "IGF 2024 Open Forum #9223372036854775808 "),
        "3: number out of range (0 to 2147483647): 9223372036854775808",
    ),
    # DataError on PostgreSQL: without its "Reason" label a comment's speaker runs on into
    # the reason, a 417-character speaker.
    "diploai-speaker-runs-on": (
        DIPLOAI,
        ("Francis Gurry\nReason\nThis comment provides", "Francis Gurry\nThis comment provides"),
        "732: speaker longer than 200 characters (417)",
    ),
}


@pytest.mark.parametrize("name, replacement, refusal", CRASHES.values(), ids=list(CRASHES))
def test_input_that_crashed_the_importer_is_refused(archive, name, replacement, refusal):
    old, new = replacement
    assert TEXTS[name].count(old) == 1
    data = TEXTS[name].replace(old, new).encode()
    assert assert_imported_or_refused(archive, data) == [f"{archive.path}:{refusal}"]


def test_a_rapporteur_without_the_sdgs_heading_does_not_run_on_into_the_rationale(archive):
    # Once a DataError on PostgreSQL (a 265-character name), then refused: without its "SDGs"
    # heading and goal lines, the rapporteur ran on into the SDG rationale. The "Targets:"
    # paragraph now ends the people section as goal lines do (real copies lose that heading).
    old = "\n    SDGs\n\n    7. Affordable and Clean Energy\n    7.a\n"
    assert TEXTS[OPEN_FORUM].count(old) == 1
    data = TEXTS[OPEN_FORUM].replace(old, "\n").encode()

    assert assert_imported_or_refused(archive, data) is None
    session = parse_igf_page(data.decode())
    assert [(p.role, p.name) for p in session.people if p.role == "rapporteur"] == [
        ("rapporteur", "Xu Jin")
    ]
    assert session.sdg_rationale.startswith("Targets: ")
