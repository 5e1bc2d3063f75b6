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
from speakers.history import change_reason

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


def detect_format(text):
    """The format family of a document's text, or None.

    Told by each family's own markers, not by one file's words: a DiploAI
    report has speech statistics or its disclaimer; a press transcript page
    has a "press conference" title and speaker labels alone on a line; an IGF
    workshop page numbers its organizers and speakers ("Organizer 1:"); a 2024
    session page has an "IGF <year> <type> #<n>" title or labelled sections.
    """
    head = "\n".join(text.splitlines()[:5]).casefold()
    if re.search(r"^\s*speech speed\s*$", text, re.MULTILINE | re.IGNORECASE) or (
        "diploai" in text.casefold() and "session at a glance" in text.casefold()
    ):
        return SourceDocument.Format.DIPLOAI_REPORT
    if "press conference" in head and re.search(r"^\s*[^\s:][^:\n]{0,60}:\s*$", text, re.MULTILINE):
        return SourceDocument.Format.PRESS_TRANSCRIPT
    if re.search(r"^\s*(organizer|speaker) \d+:", text, re.MULTILINE | re.IGNORECASE):
        return SourceDocument.Format.IGF_WORKSHOP_PAGE
    if re.search(r"^\s*IGF \d{4} .*#\s?\d+", text, re.MULTILINE) or re.search(
        r"^\s*(duration \(minutes\)|speakers|organizers)\s*:?", text, re.MULTILINE | re.IGNORECASE
    ):
        return SourceDocument.Format.IGF_PAGE_2024
    return None


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
    family = detect_format(text)
    if family is None:
        raise DocumentRefused(
            path,
            [
                (
                    1,
                    "unknown format: not an IGF session or workshop page, a DiploAI report "
                    "or a press-conference transcript",
                )
            ],
        )
    try:
        parsed = PARSERS[family](text)
    except ParseError as error:
        raise DocumentRefused(path, [(error.line, error.reason)]) from None
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        with transaction.atomic(), change_reason(f"import of {path.name}"):
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
