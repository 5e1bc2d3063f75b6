"""The importer's detection and parsers take time in proportion to the text, on the shapes that
once made them backtrack (issue 17): a heading followed by a long run of spaces, tens of
thousands of blank lines, a phrase repeated tens of thousands of times, a press dateline after
thousands of spaces, and others of the same kinds, built on one document of each family.

Each shape is given to the detector and to every family's parser (not only the one detection
picks), and must be handled in under a second per 100 KB. The limits that bound the rest (the
document's size and its longest line) are checked here too, as is the order of the work:
parsing reads nothing from the database, so it runs before the write transaction opens."""

import contextlib
import gc
import time

import pytest

from sessions.importers.detection import detect
from sessions.importers.documents import (
    BUNDLED_DOCUMENTS,
    MAX_DOCUMENT_BYTES,
    MAX_LINE_CHARACTERS,
    PARSERS,
    DocumentRefused,
    prepare,
)
from sessions.importers.parsed import ParseError

FAMILIES = {
    "igf_page": "igf2024-open-forum-9-session-page.txt",
    "igf_workshop": "igf2023-ws-377-workshop-page.txt",
    "igf_workshop_2021": "igf2021-ws-125-workshop-page.txt",
    "diploai": "wsis2025-digital-governance-diploai-report.txt",
    "press": "scio2022-cyberspace-white-paper-press-conference.txt",
}
TEXTS = {
    family: (BUNDLED_DOCUMENTS / name).read_text(encoding="utf-8")
    for family, name in FAMILIES.items()
}
RUN = 40_000  # characters of one run: under the line limit
REPEATS = 30_000

# Phrases the families' patterns look for, each repeated with nothing that completes it.
PHRASES = [
    "The Forum ",
    "speeches from the panel ",
    "hosted by the ",
    "Organizer 1: ",
    "Speaker 1: ",
    "**A** ",
    "IGF 2024 Open Forum ",
    "Name (TBD) ",
    "China.org.cn | Updated: ",
    "Roundtable - ",
    "Dr. A, ",
    "Cao Shumin: ",
    "11 Jul 2025 ",
    "Duration (minutes): ",
    "GOAL 4: ",
    "(moderator ",
]


def lines_of(text):
    return text.split("\n")


def with_runs(text, character, count=8):
    """The first `count` non-blank lines each followed, or split after their first word, by a
    long run of one character, then a word."""
    lines, done = lines_of(text), 0
    for index, line in enumerate(lines):
        if done == count:
            break
        if line.strip():
            head, _, tail = line.partition(" ")
            lines[index] = (
                f"{line}{character * RUN}x" if done % 2 == 0 else f"{head}{character * RUN}{tail}"
            )
            done += 1
    return "\n".join(lines)


def shapes():
    for family, text in TEXTS.items():
        first, _, rest = text.partition("\n")
        yield f"{family}-heading-then-spaces", with_runs(text, " ")
        yield f"{family}-heading-then-tabs", with_runs(text, "\t")
        yield f"{family}-runs-of-dashes", with_runs(text, "-")
        yield f"{family}-runs-of-colons", with_runs(text, ":")
        yield f"{family}-blank-lines", f"{first}\n{chr(10) * 60_000}{rest}"
        yield f"{family}-space-lines", f"{first}\n{'   ' + chr(10) * 30_000}{rest}"
        # Lines each unlike the others (a page's lines are compared with one another: a title
        # repeated below it, 2010).
        distinct = "\n".join(f"Line {n} of a header block" for n in range(3_000))
        yield f"{family}-distinct-lines", f"{first}\n{distinct}\n{rest}"
        yield (
            f"{family}-dateline-after-spaces",
            (
                f"{first}\n{' ' * 5_000}China.org.cn | Updated: November 15, 2022\n"
                f"{' ' * 5_000}11 Jul 2025 09:00h - 09:45h\n{rest}"
            ),
        )
        for number, phrase in enumerate(PHRASES):
            per_line = (MAX_LINE_CHARACTERS - 1) // len(phrase)
            yield f"{family}-phrase-{number}-in-a-line", f"{first}\n{phrase * per_line}\n{rest}"
        yield (
            f"{family}-phrases-as-lines",
            "\n".join([first, *(PHRASES[n % len(PHRASES)] for n in range(REPEATS)), rest]),
        )


SHAPES = dict(shapes())


def seconds_allowed(text):
    return max(len(text.encode()), 100_000) / 100_000


def seconds_to(work):
    """The processor time `work()` takes, the garbage collector kept out. A reading that takes
    0.2 s alone took 1.13 s late in a run of the whole suite, when the process's heap is at its
    largest and one full collection of it can cost most of a second: the parser's time is
    what is measured, not the collector's. And the process's own time, not the clock's: the
    suite runs in one process per core (pytest-xdist), and a browser test beside it would be
    counted in a reading's wall-clock time."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        work()
        return time.process_time() - started
    finally:
        gc.enable()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_detection_and_every_parser_take_under_a_second_per_100_kb(shape):
    text = SHAPES[shape]

    def read():
        detect(text)
        for parse in PARSERS.values():
            with contextlib.suppress(ParseError):
                parse(text)

    elapsed = seconds_to(read)

    # Five readings of the text (the detector and four parsers), each under the limit.
    assert elapsed < 5 * seconds_allowed(text), f"{elapsed:.2f} s for {len(text):,} characters"


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_import_reads_each_shape_in_under_a_second_per_100_kb(shape, tmp_path):
    path = tmp_path / "shape.txt"
    path.write_text(SHAPES[shape], encoding="utf-8")

    def read():
        with contextlib.suppress(DocumentRefused):
            prepare(path)

    elapsed = seconds_to(read)

    assert elapsed < seconds_allowed(SHAPES[shape]), f"{elapsed:.2f} s"


def test_a_document_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "large.txt"
    path.write_bytes(b"IGF 2024 Open Forum #9 A title\n" + b"x\n" * (MAX_DOCUMENT_BYTES // 2))

    with pytest.raises(DocumentRefused) as refused:
        prepare(path)

    size = 31 + MAX_DOCUMENT_BYTES
    assert refused.value.lines == [
        f"{path}:1: document larger than {MAX_DOCUMENT_BYTES:,} bytes ({size:,})"
    ]


def test_a_line_over_the_length_limit_is_refused_with_its_number(tmp_path):
    path = tmp_path / "long-line.txt"
    text = TEXTS["press"].split("\n")
    text[3] = "a" * (MAX_LINE_CHARACTERS + 1)
    path.write_text("\n".join(text), encoding="utf-8")

    with pytest.raises(DocumentRefused) as refused:
        prepare(path)

    assert refused.value.lines == [
        f"{path}:4: line longer than {MAX_LINE_CHARACTERS:,} characters "
        f"({MAX_LINE_CHARACTERS + 1:,})"
    ]


@pytest.mark.django_db
def test_parsing_reads_nothing_from_the_database(django_assert_num_queries):
    # So `import_documents` parses every document before it opens the write transaction, and
    # SQLite's write lock is held only while the run writes.
    with django_assert_num_queries(0):
        for name in FAMILIES.values():
            prepare(BUNDLED_DOCUMENTS / name)
