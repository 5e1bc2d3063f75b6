"""Write one parsed document into the archive, repeatably.

Re-importing must change nothing, and must never overwrite an editor's
correction. Each session keeps, in `import_snapshot`, what the last import
wrote: for each field its value, and for each collection (people, takeaways,
…) a digest of what was published and a digest of the rows written
(sessions/importers/snapshot.py). On a re-import a field or collection is
rewritten only when the source now says something new AND the record still
holds what the last import wrote; when an editor changed it in between, the
editor's version stays and the import reports a conflict.

What is refused before anything is written: sessions/importers/checks.py; how
each collection's rows are written: sessions/importers/writers.py. A document
that lacks what identifies its session (its meeting, its title) raises
ImportQueued: it waits for an editor (sessions/importers/waiting.py).

Several documents may tell of one session: the pages of one press conference's
transcript, or an IGF session's page, its transcript and a report on it. The
first makes the session; each other adds to it and replaces nothing another
document wrote (`adds`). Each document's people are kept in the snapshot's
"pages", one slot for each page of a press conference and one for each family
otherwise, and the session's people are all slots' together (so are a press
conference's turns). Any other list is its writer's, whose document family the
snapshot records: another family's document writes it only where its writer
published nothing. A later document fills only the fields the session lacks.
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.utils.text import slugify

from sessions import derived
from sessions.importers import writers
from sessions.importers.checks import meeting_slug_and_name, missing_identity, values_and_people
from sessions.importers.parsed import ParsedSession
from sessions.importers.snapshot import SCALAR_FIELDS, as_json, digest, written_digest
from sessions.importers.spellings import collect_spellings
from sessions.importers.text import DocumentWords
from sessions.models import CuratedFact, Meeting, Organizer, Session, SourceDocument
from sessions.search import SEARCH_FIELDS
from speakers.affiliations import Level, acronym_pairs, organization_of
from speakers.history import current_change_reason
from speakers.identity import resolve_organization, resolve_organization_path, unique_slug
from speakers.models import Person

# A title shorter than this ("Press conference") names no one conference: no page joins a
# conference by it.
CONFERENCE_TITLE_MIN_WORDS = 4
# What a collection published empty digests to.
EMPTY = digest([])
# How long after a press conference a page of its transcript is published, at most: real
# pages came out two days to nearly three weeks after their conference.
TRANSCRIPT_DELAY = datetime.timedelta(days=21)


class ImportRefused(Exception):
    """A document that cannot be imported, with every reason found, as (line, reason) pairs."""

    def __init__(self, problems):
        super().__init__("; ".join(f"{line}: {reason}" for line, reason in problems))
        self.problems = problems


class ImportQueued(ImportRefused):
    """A document that lacks what identifies its session (its title, its meeting): it waits
    for an editor instead of being refused; `problems` say what is missing."""


@dataclass
class LoadResult:
    session: Session
    created: bool
    changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    # "old.txt (sha256 …) replaced by new.txt (sha256 …)" when the session's source changed.
    replaced_document: str = ""


def described(document):
    """A source document told apart from another of the same name: its name and digest."""
    return f"{document.file_name} (sha256 {document.sha256[:12]}…)"


class SessionLoader:
    """Loads one ParsedSession; `load()` returns a LoadResult or raises ImportRefused."""

    def __init__(self, parsed: ParsedSession, document, curated):
        self.parsed = parsed
        self.document = document
        self.curated = curated
        self.changes = []
        self.conflicts = []
        self.organizations = {}
        self.pages_changed = False
        self.replaced_document = ""
        self.slot = slot_of(document.format, document.file_name)
        # The slot of the document that made the session (`adds` tells).
        self.source_slot = self.slot

    def load(self):
        # The session and its rows are written one by one and in bulk: their derived columns
        # are rebuilt once, at the end (sessions.derived).
        with derived.batch():
            return self.write()

    def write(self):
        reviews = []
        values, people, problems = values_and_people(self.parsed, reviews)
        if problems:
            raise ImportRefused(problems)
        if missing := missing_identity(self.parsed):
            raise ImportQueued(missing)
        # Why the session needs an editor's review, as "line: reason" (see checks.kept_for_review).
        self.review = [f"{line}: {reason}" for line, reason in reviews]
        meeting = self.meeting()
        curated_facts, curated_source = self.curated.session_facts(meeting.slug, values)
        # Curated facts fill what the document lacks; they never replace what it says.
        curated_facts = {
            name: value for name, value in curated_facts.items() if values[name] in (None, "")
        }
        values.update(curated_facts)
        values["session_type"] = values["session_type"] or Session.Type.NOT_STATED
        if not values["title"] and self.parsed.meeting_kind == Meeting.Kind.PRESS:
            values["title"] = self.conference_title(meeting)
        if not values["title"]:
            line = self.parsed.title_line or 1
            raise ImportQueued([(line, "no title, and no curated title for this session")])
        session, created = self.find_or_create_session(meeting, values)
        if not created and self.adds(session):
            self.fill_scalars(session, values)
        elif not created:
            self.apply_scalars(session, values)
        self.record_curated(session, curated_facts, curated_source)
        participants = self.apply_collections(session, people, created)
        if not created:
            self.mark_review(session)
        if created:
            # This second write only stores the import's snapshot, which history leaves out.
            session.save_without_historical_record()
        elif self.changes:
            if self.replaced_document:
                # The session's history row says which document the import replaced.
                reason = current_change_reason()
                session._change_reason = f"{reason}: source document {self.replaced_document}"
            session.save()
        elif self.pages_changed:
            # Only the snapshot's list of pages changed, which history leaves out.
            session.save_without_historical_record()
        self.changes += collect_spellings(self.document.text, participants)
        if self.changes:
            derived.touch(session.pk)
        return LoadResult(session, created, self.changes, self.conflicts, self.replaced_document)

    def meeting(self):
        parsed = self.parsed
        slug, name = meeting_slug_and_name(parsed)
        if (held := self.conference_held(parsed)) is not None:
            slug, name = held.slug, held.name
        facts, source = self.curated.meeting_facts(slug)
        meeting, created = Meeting.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "kind": parsed.meeting_kind, "year": parsed.meeting_year},
        )
        if created:
            self.changes.append(f"meeting {slug} created")
        recorded = {fact.field: fact for fact in meeting.curated_facts.all()} if facts else {}
        changed = False
        for field_name, value in facts.items():
            fact = recorded.get(field_name) or CuratedFact(meeting=meeting, field=field_name)
            # Like a session's fields: an editor's change to the meeting is kept.
            if fact.pk is None or (
                fact.value != str(value) and as_json(getattr(meeting, field_name)) == fact.value
            ):
                setattr(meeting, field_name, value)
                fact.value, fact.source = str(value), source
                fact.save()
                changed = True
                self.changes.append(f"meeting {slug}: {field_name}")
        if changed:
            meeting.save()
        return meeting

    @staticmethod
    def conference_held(parsed):
        """The meeting of the press conference a later page of its transcript belongs to, or
        None. Such a page gives only the day it was published (page 9 of a conference held on
        28 August 2019, "Updated: August 30, 2019"): it joins the one conference of its title
        held in the weeks before. Two such conferences leave the page to its own day."""
        if parsed.meeting_kind != Meeting.Kind.PRESS or parsed.date or not parsed.title:
            return None
        published = parsed.published_on
        held = list(
            Session.objects.filter(
                meeting__kind=Meeting.Kind.PRESS,
                title__iexact=parsed.title,
                date__range=(published - TRANSCRIPT_DELAY, published),
            )
            .values_list("meeting", flat=True)
            .distinct()[:2]
        )
        return Meeting.objects.get(pk=held[0]) if len(held) == 1 else None

    def conference_title(self, meeting):
        """The title of a press-conference page that has none: the conference's session's,
        when another page brought it, or else the conference's name, for an editor to review.
        A press conference is one session, told by its date: the page needs no title. When the
        day held several conferences, the page cannot be told apart: it waits for an editor."""
        titles = list(meeting.sessions.order_by("pk").values_list("title", flat=True)[:2])
        if len(titles) > 1:
            line = self.parsed.title_line or 1
            raise ImportQueued([(line, "no title, and the day held several press conferences")])
        if titles:
            return titles[0]
        self.review.append("1: no title on the page, titled after its press conference")
        return meeting.name

    @staticmethod
    def same_conference(sessions, title):
        """The session of the day's press conference this page's title names, or None. Pages
        of one conference word its title apart ("Press conference on achievements in ..."
        on the mobile transcript, "Publicity Department ... holds press conference on
        achievements in ..." on its own page): one title holds the other. Another title on the
        same day is another conference, a session of its own, never merged into the first."""
        words = " ".join(title.casefold().split())
        for session in sessions.only("pk", "title"):
            other = " ".join(session.title.casefold().split())
            shorter = min(words, other, key=len)
            if len(shorter.split()) >= CONFERENCE_TITLE_MIN_WORDS and (
                words in other or other in words
            ):
                return sessions.get(pk=session.pk)
        return None

    def find_or_create_session(self, meeting, values):
        # The search columns are large and rebuilt afterwards: not read here.
        sessions = Session.objects.filter(meeting=meeting).defer(*SEARCH_FIELDS)
        if values["number"] is not None:
            session = sessions.filter(
                session_type=values["session_type"], number=values["number"]
            ).first()
        else:
            session = (
                sessions.filter(source_document=self.document).first()
                or sessions.filter(slug=slugify(values["title"])[:100]).first()
            )
            if session is None and meeting.kind == Meeting.Kind.PRESS:
                session = self.same_conference(sessions, values["title"])
        if session:
            return session, False
        session = Session(meeting=meeting, **values)
        session.slug = self.new_slug(meeting, values)
        session.source_document = self.document
        session.import_snapshot = {
            "fields": {name: as_json(values[name]) for name in SCALAR_FIELDS},
            "review": self.review,
        }
        session.needs_review = bool(self.review)
        session.save()
        self.changes.append(f"session {session.slug} created")
        return session, True

    def mark_review(self, session):
        """Mark the session for review when the source now holds values the vocabularies do
        not know; the reasons are kept in the import's snapshot. The same reasons as last time
        change nothing, so an editor who reviewed the session and cleared the mark keeps it
        cleared."""
        if session.import_snapshot.get("review", []) == self.review:
            return
        session.import_snapshot["review"] = self.review
        if self.review and not session.needs_review:
            session.needs_review = True
            self.changes.append("needs review")

    @staticmethod
    def new_slug(meeting, values):
        if values["number"] is not None:
            label = Session.Type(values["session_type"]).label
            return slugify(f"{label} {values['number']}")
        return unique_slug(meeting.sessions.all(), values["title"], fallback="session")

    def apply_scalars(self, session, values):
        """Take the source's new values where no editor changed the field since the last import."""
        snapshot = session.import_snapshot.setdefault("fields", {})
        for name in SCALAR_FIELDS:
            new = as_json(values[name])
            current = as_json(getattr(session, name))
            if name in snapshot and snapshot[name] != new and current != new:
                if current != snapshot[name]:
                    self.conflicts.append(f"{name}: kept the editor's value")
                    continue
                setattr(session, name, values[name])
                self.changes.append(name)
            snapshot[name] = new
        if session.source_document_id != self.document.pk:
            # A session an editor (or a restore) made has no source document to replace.
            replaced = (
                SourceDocument.objects.only("file_name", "sha256")
                .filter(pk=session.source_document_id)
                .first()
            )
            if replaced is not None:
                self.replaced_document = (
                    f"{described(replaced)} replaced by {described(self.document)}"
                )
            session.source_document = self.document
            self.changes.append("source document")

    def adds(self, session):
        """Whether this document adds to a session another document made: another page of a
        press conference's transcript (China.org.cn publishes a long transcript as pages of
        one conference), or a document of another family (a session page's transcript)."""
        source = (
            SourceDocument.objects.filter(pk=session.source_document_id)
            .values_list("format", "file_name")
            .first()
        )
        if source is None:  # a session an editor (or a restore) made
            return False
        self.source_slot = slot_of(*source)
        return self.source_slot != self.slot

    def fill_scalars(self, session, values):
        """Another page's values fill only what the session lacks: they replace nothing. The
        snapshot keeps the first page's values, which a re-import of that page compares with."""
        for name in SCALAR_FIELDS:
            if values[name] in (None, "") or getattr(session, name) not in (None, ""):
                continue
            setattr(session, name, values[name])
            self.changes.append(name)

    def pages_together(self, session, name, published):
        """The session's `name` collection: each slot's (see the module's docstring), in the
        order the slots were first written, this document's replacing what it published
        before; None when the session's list came before slots were kept, and this document
        of another family leaves it as it is."""
        pages = session.import_snapshot.setdefault("pages", [])
        page = next((page for page in pages if page.get(self.slot[0]) == self.slot[1]), None)
        if page is None:
            if self.slot != self.source_slot and not any(
                page.get(self.source_slot[0]) == self.source_slot[1] for page in pages
            ):
                return None
            page = {self.slot[0]: self.slot[1]}
            pages.append(page)
        if page.get(name) != published:
            page[name] = published
            self.pages_changed = True
        return [item for page in pages for item in page.get(name, [])]

    def writes(self, previous, published):
        """Whether this document writes a collection that is no slots' together: when it wrote
        it itself (or a document of its family did), or when its writer published nothing."""
        if previous is None:
            return True
        writer = tuple(previous.get("by", self.source_slot))
        return writer == self.slot or (bool(published) and previous["published"] == EMPTY)

    def record_curated(self, session, facts, source):
        recorded = {fact.field: fact for fact in session.curated_facts.all()} if facts else {}
        for name, value in facts.items():
            fact = recorded.get(name)
            if fact is None:
                CuratedFact.objects.create(
                    session=session, field=name, value=str(value), source=source
                )
                self.changes.append(f"curated {name}")
            # Written only when it changed, so that a re-import leaves no history behind.
            elif (fact.value, fact.source) != (str(value), source):
                fact.value, fact.source = str(value), source
                fact.save()

    # Collections: rewritten whole when the source changed and no editor touched them.

    def apply_collections(self, session, people, created):
        parsed = self.parsed
        # The organizing organizations: those listed, and those of the people listed as organizers.
        organizer_names = list(parsed.organizers) + [
            person.organization
            for person in parsed.people
            if person.role == "organizer" and person.organization
        ]
        # Each organization as a path (speakers.affiliations): the organization, then the unit
        # named; a name that names none ("Norway in Lillestrøm", a place) is no organizer row.
        # The paths are part of what was published, so that a better rule re-links on the next
        # import where no editor has changed the rows.
        pairs = acronym_pairs(self.document.text)
        named = ([(parsed.host, Organizer.Role.HOST)] if parsed.host else []) + [
            (name, Organizer.Role.ORGANIZER) for name in dict.fromkeys(organizer_names)
        ]
        organizers = [
            {"name": name, "role": role, "path": path}
            for name, role in named
            if (path := organization_path(name, pairs))
        ]
        people = [
            {
                **item,
                "organization": organization_path(
                    item["affiliation"] or item["organization"] or "", pairs
                ),
            }
            for item in people
        ]
        # In this order: arguments and the transcript look up the people written before them.
        collections = (
            ("organizers", organizers, writers.write_organizers),
            ("people", people, writers.write_people),
            ("policy_questions", parsed.policy_questions, writers.write_policy_questions),
            (
                "sdgs",
                {"goals": parsed.sdg_goals, "targets": parsed.sdg_targets},
                writers.write_sdgs,
            ),
            ("takeaways", self.takeaways(), writers.write_takeaways),
            ("arguments", [asdict(item) for item in parsed.arguments], writers.write_arguments),
            ("transcript", [asdict(turn) for turn in parsed.transcript], writers.write_transcript),
        )
        snapshot = session.import_snapshot.setdefault("collections", {})
        # A press conference's pages add up their turns too; a transcript of another family is
        # one document's.
        together = (
            {"people", "transcript"} if parsed.meeting_kind == Meeting.Kind.PRESS else {"people"}
        )
        for name, published, write in collections:
            previous = snapshot.get(name)
            if name in together:
                published = self.pages_together(session, name, published)
                if published is None:
                    continue
            elif not self.writes(previous, published):
                continue
            published_digest = digest(published)
            if previous and previous["published"] == published_digest:
                continue
            if previous and previous["written"] != written_digest(session, name):
                self.conflicts.append(f"{name}: kept the editor's version")
                continue
            if not created:
                writers.delete_rows(session, name)
                self.changes.append(name)
            written = write(self, session, published)
            snapshot[name] = {
                "published": published_digest,
                "written": written_digest(session, name, written),
                "by": list(self.slot),
            }
        return list(
            Person.objects.filter(participations__session=session)
            .distinct()
            .prefetch_related("aliases")
        )

    def takeaways(self):
        """The published statements, each marked when the source cut it off mid-word."""
        words = DocumentWords(self.document.text)
        return [
            {**asdict(item), "is_cut_off": words.cut_off(item.text)}
            for item in self.parsed.takeaways
        ]

    def organization_at(self, path):
        """The organization (the innermost unit) of a path, looked up once per document."""
        key = repr(path)
        if key not in self.organizations:
            organization, created = resolve_organization_path(
                [Level(name, tuple(spellings)) for name, spellings in path]
            )
            self.changes += [f"organization {item.name} created" for item in created]
            self.organizations[key] = organization
        return self.organizations[key]

    def organization(self, name, is_media_outlet=False):
        """The organization of a published name, looked up once per document."""
        if name not in self.organizations:
            organization, created = resolve_organization(name, is_media_outlet)
            if created:
                self.changes.append(f"organization {organization.name} created")
            self.organizations[name] = organization
        return self.organizations[name]


def slot_of(format, file_name):
    """Where a document's people are kept in its session's snapshot: a page of a press
    conference's transcript has a slot of its own, any other document its family's."""
    if format == SourceDocument.Format.PRESS_TRANSCRIPT:
        return ("file", file_name)
    return ("family", format)


def organization_path(text, pairs):
    """The organization an affiliation or organizer line names, as [[name, [spellings]], …]
    from the organization to the unit named; [] when it names none."""
    found = organization_of(text, pairs)
    return [[level.name, list(level.spellings)] for level in found.path] if found else []
