"""Import source documents: read, recognise the format family, parse, load.

One run (`import_documents`) is one transaction: a run that is killed or
crashes half-way commits nothing, and the archive stays as it was before it
started. Inside it each document has its own savepoint: a document that
cannot be read, whose format is unknown, or that lacks what its format
requires is refused whole with `file:line: reason` and rolled back alone,
while the other documents of the run still land.
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sessions.importers import diploai, igf_page, igf_workshop, press
from sessions.importers.loader import ImportRefused, SessionLoader
from sessions.importers.parsed import ParseError
from sessions.models import Session, SourceDocument
from speakers.history import change_reason, import_reason

BUNDLED_DOCUMENTS = Path(settings.BASE_DIR) / "fixtures" / "documents"
# Real pages kept as test data and for `score_import`; never bundled into the archive.
REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real"
CURATED_FACTS = Path(settings.BASE_DIR) / "fixtures" / "curated_facts.json"

PARSERS = {
    SourceDocument.Format.IGF_PAGE_2024: igf_page.parse,
    SourceDocument.Format.IGF_WORKSHOP_PAGE: igf_workshop.parse,
    SourceDocument.Format.DIPLOAI_REPORT: diploai.parse,
    SourceDocument.Format.PRESS_TRANSCRIPT: press.parse,
}


class DocumentRefused(Exception):
    """A document refused whole; `lines` are `file:line: reason` strings."""

    def __init__(self, path, problems):
        self.lines = [f"{path}:{line}: {reason}" for line, reason in problems]
        super().__init__("\n".join(self.lines))


@dataclass
class ImportOutcome:
    path: Path
    format: str
    session: Session
    created: bool
    changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    unplaced_paragraphs: int = 0
    unplaced_characters: int = 0

    def summary(self):
        what = "created" if self.created else f"{len(self.changes)} changes"
        line = (
            f"{self.path}: {self.format}: {self.session.meeting.slug}/{self.session.slug} {what}; "
            f"unplaced text: {self.unplaced_paragraphs} paragraphs, "
            f"{self.unplaced_characters} characters"
        )
        if self.conflicts:
            line += f"; {len(self.conflicts)} conflicts kept: " + ", ".join(self.conflicts)
        return line


@dataclass(frozen=True)
class Marker:
    """One sign of a format family: what it is (for messages), its pattern, its weight."""

    what: str
    pattern: re.Pattern
    weight: int = 1


@dataclass(frozen=True)
class Family:
    format: str
    name: str
    threshold: int
    markers: tuple[Marker, ...]


def _marker(what, pattern, weight=1, flags=0):
    return Marker(what, re.compile(pattern, re.MULTILINE | flags), weight)


# Each family by its own markers, weighed: a family is recognised when the weight of the markers
# found reaches its threshold, and the heaviest family recognised wins (ties in this order).
# Markers are written for the family across years, not for one page: dig.watch reports of 2019
# ("Event report"), 2023 ("Session report", DiploGPT) and 2024-2025 (DiploAI, "Session at a
# glance"); SCIO / China.org.cn press pages with their several datelines; IGF workshop pages
# numbering their organizers and speakers; IGF session pages with labelled sections.
FAMILIES = (
    Family(
        SourceDocument.Format.DIPLOAI_REPORT,
        "a dig.watch / DiploAI report",
        2,
        (
            _marker(
                "a date line such as '11 Jul 2025 09:00h - 09:45h'",
                r"^\s{0,8}\d{1,2} [A-Z][a-z]{2,8}\.? \d{4} \d{1,2}:\d{2}h\b",
                2,
            ),
            _marker("a DiploAI or DiploGPT disclaimer", r"\bDiplo(?:AI|GPT)\b", 2),
            _marker("speech statistics ('Speech speed')", r"^\s{0,8}Speech speed\s{0,8}$", 2),
            _marker(
                "a 'Session at a glance' heading",
                r"^\s{0,8}Session at a glance\s{0,8}$",
                flags=re.IGNORECASE,
            ),
            _marker(
                "a report heading ('Event report', 'Session report', 'Full session report')",
                r"^\s{0,8}(?:Event|Session|Full session) report\s{0,8}$",
                flags=re.IGNORECASE,
            ),
            _marker(
                "a 'Table of contents' or 'Keypoints' heading",
                r"^\s{0,8}(?:Table of contents|Keypoints|Knowledge Graph of Debate)\s{0,8}$",
                flags=re.IGNORECASE,
            ),
        ),
    ),
    Family(
        SourceDocument.Format.PRESS_TRANSCRIPT,
        "a press-conference page",
        2,
        (
            _marker(
                "'press conference' or 'SCIO briefing' in its first lines",
                r"\A(?:[^\n]{0,400}\n){0,8}[^\n]{0,400}"
                r"(?:\b(?:press|news) conference\b|\bSCIO briefing\b)",
                flags=re.IGNORECASE,
            ),
            _marker(
                "the publisher (China.org.cn, China SCIO, the State Council Information Office)",
                r"China\.org\.cn|\bChina SCIO\b|\bState Council Information Office\b",
            ),
            _marker(
                "a dateline such as 'China.org.cn | Updated: November 15, 2022', "
                "'Updated: 2006-02-17 19:45' or 'Beijing | 10 a.m. March 19, 2021'",
                r"(?:Updated:|\||China\.org\.cn,) {0,3}(?:\d{1,2}(?::\d{2})? [ap]\.m\. )?"
                r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})",
            ),
            _marker(
                "a 'Speakers:' or 'Chairperson:' list",
                r"^\s{0,8}(?:Speakers?|Chairperson|Host|Date):[ \t]{0,8}$",
            ),
            _marker(
                "speaker labels alone on a line ('Cao Shumin:')",
                r"^[ \t]{0,8}[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){1,4}:[ \t]{0,8}$",
            ),
        ),
    ),
    Family(
        SourceDocument.Format.IGF_WORKSHOP_PAGE,
        "an IGF workshop page",
        2,
        (
            _marker(
                "numbered organizers or speakers ('Organizer 1:', 'Speaker 1:')",
                r"^\s{0,8}(?:organizer|speaker) \d+:",
                4,
                re.IGNORECASE,
            ),
        ),
    ),
    Family(
        SourceDocument.Format.IGF_PAGE_2024,
        "an IGF session page",
        1,
        (
            _marker(
                "a title such as 'IGF 2024 Open Forum #9 ...'",
                r"^\s{0,8}IGF \d{4} [^\n#]{0,80}#\s?\d+",
                2,
            ),
            _marker(
                "an 'IGF <year> ...' title without a number",
                r"\A(?:[^\n]{0,400}\n){0,4}\s{0,8}IGF \d{4} [^\n#]{1,400}$",
            ),
            _marker(
                "labelled sections ('Duration (minutes)', 'Organizers', 'Speakers')",
                r"^\s{0,8}(?:Duration \(minutes\)[^\n]{0,40}|Organizers:?|Speakers:?)\s{0,8}$",
                flags=re.IGNORECASE,
            ),
        ),
    ),
)


@dataclass
class Detection:
    """What detection found: the family recognised, or the one that came closest and why not."""

    format: str | None
    closest: Family | None = None
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def refusal(self):
        reason = (
            "unknown format: not an IGF session or workshop page, a DiploAI report or a "
            "press-conference transcript"
        )
        if self.closest is None:
            return reason
        return (
            f"{reason}; closest: {self.closest.name}, with {'; '.join(self.found)}, "
            f"but without {'; '.join(self.missing)}"
        )


def detect(text):
    """Weigh each family's markers in the text; a Detection."""
    best, best_weight, best_found = None, 0, []
    closest, closest_weight = None, 0
    for family in FAMILIES:
        found = [marker for marker in family.markers if marker.pattern.search(text)]
        weight = sum(marker.weight for marker in found)
        if weight >= family.threshold and weight > best_weight:
            best, best_weight, best_found = family, weight, found
        if weight > closest_weight:
            closest, closest_weight = family, weight
            closest_found = found
    if best is not None:
        return Detection(best.format, best, [marker.what for marker in best_found])
    if closest is None:
        return Detection(None)
    return Detection(
        None,
        closest,
        [marker.what for marker in closest_found],
        [marker.what for marker in closest.markers if marker not in closest_found],
    )


def detect_format(text):
    """The format family of a document's text, or None (see `detect` and FAMILIES)."""
    return detect(text).format


def read_text(path, data):
    """The document's text, or DocumentRefused if it is not text the archive can read."""
    if not data.strip():
        raise DocumentRefused(path, [(1, "empty document")])
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DocumentRefused(path, [(line, "binary data (a NUL byte), not a text document")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocumentRefused(
            path, [(line, f"not UTF-8 text (byte 0x{data[error.start]:02x})")]
        ) from None
    return text.removeprefix("\ufeff")


class Curated:
    """Curated facts (fixtures/curated_facts.json): what documents lack, with a source each."""

    def __init__(self, path=CURATED_FACTS):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.meetings = data["meetings"]
        self.sessions = data["sessions"]

    def meeting_facts(self, slug):
        entry = self.meetings.get(slug)
        if not entry:
            return {}, ""
        facts = {
            name: datetime.date.fromisoformat(value) if name.endswith("_date") else value
            for name, value in entry["facts"].items()
        }
        return facts, entry["source"]

    def session_facts(self, meeting_slug, values):
        for entry in self.sessions:
            match = dict(entry["match"])
            if match.pop("meeting") != meeting_slug:
                continue
            if all(
                str(values.get(name) or "")[: len(str(want))] == str(want)
                for name, want in match.items()
            ):
                return dict(entry["facts"]), entry["source"]
        return {}, ""


def import_documents(paths, curated, report):
    """Import the documents named (files or folders) in one transaction; return the refusals.

    Each document is imported in a savepoint of its own (`import_file`), so that a refused
    one is rolled back alone; nothing is committed before the last document is done, so a
    run killed half-way leaves the archive as it was. `report(outcome)` is called for each
    document imported, as soon as it is (before the commit); the `file:line: reason` lines
    of the refused documents are returned, in the order met.
    """
    refused = []
    with transaction.atomic():
        for path in document_paths(paths):
            try:
                outcome = import_file(path, curated)
            except DocumentRefused as error:
                refused.extend(error.lines)
                continue
            report(outcome)
    return refused


def import_file(path, curated):
    """Import one document in its own transaction (a savepoint inside a run); an ImportOutcome."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentRefused(path, [(0, f"cannot be read ({error.strerror})")]) from None
    text = read_text(path, data)
    detection = detect(text)
    family = detection.format
    if family is None:
        raise DocumentRefused(path, [(1, detection.refusal())])
    try:
        parsed = PARSERS[family](text)
    except ParseError as error:
        raise DocumentRefused(path, [(error.line, error.reason)]) from None
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        with (
            transaction.atomic(),
            change_reason(import_reason(path.name, SourceDocument.Format(family).label)),
        ):
            document = SourceDocument.objects.filter(sha256=sha256).first()
            if document is None:
                document = SourceDocument.objects.create(
                    sha256=sha256,
                    file_name=path.name,
                    format=family,
                    text=text,
                    imported_at=timezone.now(),
                )
            result = SessionLoader(parsed, document, curated).load()
    except ImportRefused as error:
        raise DocumentRefused(path, error.problems) from None
    return ImportOutcome(
        path=path,
        format=family,
        session=result.session,
        created=result.created,
        changes=result.changes,
        conflicts=result.conflicts,
        unplaced_paragraphs=len(parsed.unplaced),
        unplaced_characters=sum(len(paragraph) for paragraph in parsed.unplaced),
    )


def bundled_documents():
    """The five bundled documents: the text files at the top of fixtures/documents only."""
    return sorted(BUNDLED_DOCUMENTS.glob("*.txt"))


def document_paths(paths):
    """The files named, and the files in the folders named, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(child for child in path.rglob("*") if child.is_file())
        else:
            yield path
