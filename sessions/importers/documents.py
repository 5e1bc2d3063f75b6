"""Import source documents: read, recognise the format family, parse, load.

Every document of a run is read and parsed first (`prepare`), outside any
transaction: parsing takes no lock, so an editor's save never waits on it.
Then the writing (`write`) is one transaction: a run that is killed or
crashes half-way commits nothing, and the archive stays as it was before it
started. Inside it each document has its own savepoint: a document that
cannot be read, is too large, has a line too long, whose format is unknown,
or that lacks what its format requires is refused whole with
`file:line: reason` and rolled back alone, while the other documents of the
run still land. A page of a known family that lacks what identifies its
session (a title, its meeting) is not refused: it is kept verbatim with its
problems as a WaitingDocument, for an editor to complete
(sessions/importers/waiting.py).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sessions import derived
from sessions.importers import (
    diploai,
    igf_page,
    igf_transcript,
    igf_workshop,
    press,
    wsis_agenda,
)
from sessions.importers.detection import detect
from sessions.importers.loader import (
    TRANSCRIPT_DELAY,
    ImportQueued,
    ImportRefused,
    SessionLoader,
)
from sessions.importers.parsed import ParsedSession, ParseError, named_people
from sessions.models import Meeting, Session, SourceDocument, WaitingDocument
from speakers.history import change_reason, import_reason

BUNDLED_DOCUMENTS = Path(settings.BASE_DIR) / "fixtures" / "documents"
CURATED_FACTS = Path(settings.BASE_DIR) / "fixtures" / "curated_facts.json"

# Limits on what a parser is given, so that no document can hold the importer for long: the
# largest real page is about 120 KB and its longest line under 10,000 characters.
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
MAX_LINE_CHARACTERS = 50_000

PARSERS = {
    SourceDocument.Format.IGF_PAGE_2024: igf_page.parse,
    SourceDocument.Format.IGF_WORKSHOP_PAGE: igf_workshop.parse,
    SourceDocument.Format.DIPLOAI_REPORT: diploai.parse,
    SourceDocument.Format.PRESS_TRANSCRIPT: press.parse,
    SourceDocument.Format.IGF_TRANSCRIPT: igf_transcript.parse,
    SourceDocument.Format.WSIS_AGENDA_PAGE: wsis_agenda.parse,
}


class DocumentRefused(Exception):
    """A document refused whole; `lines` are `file:line: reason` strings."""

    def __init__(self, path, problems):
        self.lines = [f"{path}:{line}: {reason}" for line, reason in problems]
        super().__init__("\n".join(self.lines))


class DocumentQueued(DocumentRefused):
    """A document not imported but kept, with its problems, for an editor: `waiting`."""

    def __init__(self, path, problems, waiting):
        super().__init__(path, problems)
        self.waiting = waiting


@dataclass
class PreparedDocument:
    """A document read and parsed, before anything is written."""

    path: Path
    sha256: str
    text: str
    format: str
    parsed: ParsedSession


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
    review: list[str] = field(default_factory=list)  # why the session needs a review
    replaced_document: str = ""  # the source document this one replaced, described

    def summary(self):
        what = "created" if self.created else f"{len(self.changes)} changes"
        line = (
            f"{self.path}: {self.format}: {self.session.meeting.slug}/{self.session.slug} {what}; "
            f"unplaced text: {self.unplaced_paragraphs} paragraphs, "
            f"{self.unplaced_characters} characters"
        )
        if self.replaced_document:
            line += f"; source document {self.replaced_document}"
        if self.review:
            line += f"; needs review: {'; '.join(self.review)}"
        if self.conflicts:
            line += f"; {len(self.conflicts)} conflicts kept: " + ", ".join(self.conflicts)
        return line


def read_text(path, data):
    """The document's text, or DocumentRefused if it is not text the archive can read, or
    larger than the limits (MAX_DOCUMENT_BYTES, MAX_LINE_CHARACTERS)."""
    if len(data) > MAX_DOCUMENT_BYTES:
        reason = f"document larger than {MAX_DOCUMENT_BYTES:,} bytes ({len(data):,})"
        raise DocumentRefused(path, [(1, reason)])
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
    text = text.removeprefix("\ufeff")
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARACTERS:
            reason = f"line longer than {MAX_LINE_CHARACTERS:,} characters ({len(line):,})"
            raise DocumentRefused(path, [(number, reason)])
    return text


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


@dataclass
class RunSummary:
    """What a run did besides the documents imported: `file:line: reason` lines."""

    imported: int = 0
    queued: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def line(self):
        return (
            f"imported {self.imported}, queued for an editor "
            f"{len({line.split(':', 1)[0] for line in self.queued})}, "
            f"refused {len({line.split(':', 1)[0] for line in self.refused})}"
        )


def import_documents(paths, curated, report):
    """Import the documents named (files or folders); a RunSummary.

    Every document is read and parsed first, before the write transaction opens (on SQLite it
    takes the database's write lock). Then, in one transaction, each document is written in a
    savepoint of its own (`write`), so that a refused one is rolled back alone; nothing is
    committed before the last document is done, so a run killed half-way leaves the archive as
    it was. `report(outcome)` is called for each document imported, as soon as it is (before
    the commit).
    """
    summary = RunSummary()
    prepared = []
    for path in document_paths(paths):
        try:
            prepared.append(prepare(path))
        except DocumentRefused as error:
            summary.refused.extend(error.lines)
    # The derived columns and copied counts of every session written are refreshed once, at
    # the end of the run (sessions.derived.batch), not once per document: a busy person's
    # counts would otherwise be recomputed for each of their sessions.
    with transaction.atomic(), derived.batch():
        for document in prepared:
            try:
                outcome = write(document, curated)
            except DocumentQueued as error:
                summary.queued.extend(error.lines)
                continue
            except DocumentRefused as error:
                summary.refused.extend(error.lines)
                continue
            summary.imported += 1
            report(outcome)
    return summary


def import_file(path, curated):
    """Import one document (a savepoint inside a run); an ImportOutcome, or DocumentQueued
    when it waits for an editor, or DocumentRefused."""
    return write(prepare(path), curated)


def prepare(path):
    """Read, check, recognise and parse one document; a PreparedDocument or DocumentRefused.
    Nothing is read from or written to the database."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentRefused(path, [(0, f"cannot be read ({error.strerror})")]) from None
    return prepare_data(path, data, hashlib.sha256(data).hexdigest())


def prepare_data(path, data, sha256):
    """`prepare` for a document's bytes, named `path` in messages."""
    text = read_text(path, data)
    detection = detect(text)
    family = detection.format
    if family is None:
        raise DocumentRefused(path, [(1, detection.refusal())])
    try:
        parsed = PARSERS[family](text)
    except ParseError as error:
        raise DocumentRefused(path, [(error.line, error.reason)]) from None
    named_people(parsed)
    return PreparedDocument(path, sha256, text, family, parsed)


def write(prepared, curated, supplied=None):
    """Write one prepared document in a savepoint of its own; an ImportOutcome.

    `supplied` is a WaitingDocument an editor completed: its values fill what the page lacks.
    A document that an editor completed before is imported again with the same values, so a
    re-import changes nothing. A page that lacks what identifies its session is kept as a
    WaitingDocument and DocumentQueued raised; one that cannot be imported, DocumentRefused.
    """
    path, parsed = prepared.path, prepared.parsed
    if supplied is None:
        supplied = WaitingDocument.objects.filter(
            sha256=prepared.sha256, status=WaitingDocument.Status.RESOLVED
        ).first()
    if supplied is not None:
        parsed, curated = supplied_values(parsed, curated, supplied)
    try:
        with (
            transaction.atomic(),
            change_reason(import_reason(path.name, SourceDocument.Format(prepared.format).label)),
        ):
            document = SourceDocument.objects.filter(sha256=prepared.sha256).first()
            if document is None:
                document = SourceDocument.objects.create(
                    sha256=prepared.sha256,
                    file_name=path.name,
                    format=prepared.format,
                    text=prepared.text,
                    imported_at=timezone.now(),
                )
            result = SessionLoader(parsed, document, curated).load()
            if result.created:
                result.changes += adopt_later_pages(result.session, curated)
    except ImportQueued as error:
        queued = DocumentRefused(path, error.problems)
        waiting = keep_waiting(prepared, queued.lines)
        raise DocumentQueued(path, error.problems, waiting) from None
    except ImportRefused as error:
        raise DocumentRefused(path, error.problems) from None
    return ImportOutcome(
        path=path,
        format=prepared.format,
        session=result.session,
        created=result.created,
        changes=result.changes,
        conflicts=result.conflicts,
        replaced_document=result.replaced_document,
        unplaced_paragraphs=len(parsed.unplaced),
        unplaced_characters=sum(len(paragraph) for paragraph in parsed.unplaced),
        # Why the session still needs a review; none once an editor cleared the mark.
        review=list(result.session.import_snapshot.get("review", []))
        if result.session.needs_review
        else [],
    )


def adopt_later_pages(session, curated):
    """The later pages of a press conference's transcript imported before its first page: each
    was filed on the day it was published (no conference of its title had been held in the
    weeks before, `SessionLoader.conference_held`) as a session of its own. Now that the first
    page brought the conference, each such page is imported again and joins it, and the session
    it made, which nobody edited since, is removed, with its day if that is left empty. So the
    pages of a conference add up to one session in whatever order they come."""
    if session.meeting.kind != Meeting.Kind.PRESS or session.date is None:
        return []
    orphans = (
        Session.objects.filter(
            meeting__kind=Meeting.Kind.PRESS,
            date=None,
            title__iexact=session.title,
            published_on__range=(session.date, session.date + TRANSCRIPT_DELAY),
        )
        .exclude(pk=session.pk)
        .select_related("meeting")
    )
    joined = []
    for orphan in orphans:
        if orphan.history.count() > 1:
            continue  # an editor's work on it is not undone
        files = [page["file"] for page in orphan.import_snapshot.get("pages", [])]
        pages = SourceDocument.objects.filter(file_name__in=files) | SourceDocument.objects.filter(
            pk=orphan.source_document_id
        )
        meeting = orphan.meeting
        orphan.delete()
        if not meeting.sessions.exists():
            meeting.delete()
        for page in pages.order_by("pk").distinct():
            parsed = PARSERS[page.format](page.text)
            SessionLoader(parsed, page, curated).load()
            joined.append(f"later page {page.file_name} joined")
    return joined


def keep_waiting(prepared, problems):
    """The document's WaitingDocument, created or its problems brought up to date."""
    waiting, created = WaitingDocument.objects.get_or_create(
        sha256=prepared.sha256,
        defaults={
            "file_name": prepared.path.name,
            "format": prepared.format,
            "text": prepared.text,
            "problems": "\n".join(problems),
            "received_at": timezone.now(),
        },
    )
    if not created and waiting.problems != "\n".join(problems):
        waiting.problems = "\n".join(problems)
        waiting.save(update_fields=["problems"])
    return waiting


class SuppliedCurated:
    """Curated facts with an editor's supplied title first (recorded with the editor's source)."""

    def __init__(self, curated, facts, source):
        self.curated, self.facts, self.source = curated, facts, source

    def meeting_facts(self, slug):
        return self.curated.meeting_facts(slug)

    def session_facts(self, meeting_slug, values):
        facts, source = self.curated.session_facts(meeting_slug, values)
        if not self.facts:
            return facts, source
        return {**facts, **self.facts}, self.source


def supplied_values(parsed, curated, waiting):
    """The parsed session with the year and date an editor supplied where the page has none,
    and the curated facts with the supplied title. A supplied meeting kind replaces the
    parser's: the parser reads it from the meeting the text names first, a guess."""
    supplied = waiting.supplied()
    changes = {}
    if "meeting_kind" in supplied:
        changes["meeting_kind"] = supplied["meeting_kind"]
    if parsed.meeting_year is None and "meeting_year" in supplied:
        changes["meeting_year"] = supplied["meeting_year"]
    if parsed.date is None and "date" in supplied:
        changes["date"] = supplied["date"]
        if parsed.meeting_year is None and "meeting_year" not in changes:
            changes["meeting_year"] = supplied["date"].year
    title = {"title": supplied["title"]} if "title" in supplied and not parsed.title else {}
    return replace(parsed, **changes), SuppliedCurated(curated, title, waiting.source)


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
