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
each collection's rows are written: sessions/importers/writers.py.
"""

from dataclasses import asdict, dataclass, field

from django.utils.text import slugify

from sessions import derived
from sessions.importers import writers
from sessions.importers.checks import meeting_slug_and_name, values_and_people
from sessions.importers.parsed import ParsedSession
from sessions.importers.snapshot import SCALAR_FIELDS, as_json, digest, written_digest
from sessions.importers.spellings import collect_spellings
from sessions.models import CuratedFact, InferredFact, Meeting, Organizer, Session
from sessions.search import SEARCH_FIELDS
from speakers.identity import resolve_organization, unique_slug
from speakers.models import Person


class ImportRefused(Exception):
    """A document that cannot be imported, with every reason found, as (line, reason) pairs."""

    def __init__(self, problems):
        super().__init__("; ".join(f"{line}: {reason}" for line, reason in problems))
        self.problems = problems


@dataclass
class LoadResult:
    session: Session
    created: bool
    changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


class SessionLoader:
    """Loads one ParsedSession; `load()` returns a LoadResult or raises ImportRefused."""

    def __init__(self, parsed: ParsedSession, document, curated):
        self.parsed = parsed
        self.document = document
        self.curated = curated
        self.changes = []
        self.conflicts = []
        self.organizations = {}

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
        # Why the session needs an editor's review, as "line: reason" (see checks.kept_for_review).
        self.review = [f"{line}: {reason}" for line, reason in reviews]
        meeting = self.meeting()
        curated_facts, curated_source = self.curated.session_facts(meeting.slug, values)
        # Curated facts fill what the document lacks; they never replace what it says.
        curated_facts = {
            name: value for name, value in curated_facts.items() if values[name] in (None, "")
        }
        values.update(curated_facts)
        values["session_type"] = values["session_type"] or Session.Type.OTHER
        if not values["title"]:
            raise ImportRefused([(1, "no title, and no curated title for this session")])
        session, created = self.find_or_create_session(meeting, values)
        if not created:
            self.apply_scalars(session, values)
        self.record_curated(session, curated_facts, curated_source)
        participants = self.apply_collections(session, people, created)
        self.record_inferred(session, created)
        if not created:
            self.mark_review(session)
        if created:
            # This second write only stores the import's snapshot, which history leaves out.
            session.save_without_historical_record()
        elif self.changes:
            session.save()
        self.changes += collect_spellings(self.document.text, participants)
        if self.changes:
            derived.touch(session.pk)
        return LoadResult(session, created, self.changes, self.conflicts)

    def meeting(self):
        parsed = self.parsed
        slug, name = meeting_slug_and_name(parsed)
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

    def record_inferred(self, session, created):
        """One row per fact the parser read by a rule. A fact the rule still gives is left as it
        is, confirmed or not; one it no longer gives (or gives another value) goes."""
        recorded = {}
        if not created:
            recorded = {(f.field, f.subject, f.value): f for f in session.inferred_facts.all()}
        for inference in self.parsed.inferred:
            fact = recorded.pop((inference.field, inference.subject, inference.value), None)
            if fact is None:
                InferredFact.objects.create(
                    session=session,
                    field=inference.field,
                    subject=inference.subject,
                    value=inference.value,
                    rule=inference.rule,
                    line=inference.line,
                )
                self.changes.append(f"inferred {inference.field} {inference.value}")
            elif (fact.rule, fact.line) != (inference.rule, inference.line):
                fact.rule, fact.line = inference.rule, inference.line
                fact.save()
        for fact in recorded.values():
            fact.delete()
            self.changes.append(f"no longer inferred: {fact.field} {fact.value}")

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
            session.source_document = self.document
            self.changes.append("source document")

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
        organizers = (
            [{"name": parsed.host, "role": Organizer.Role.HOST}] if parsed.host else []
        ) + [
            {"name": name, "role": Organizer.Role.ORGANIZER}
            for name in dict.fromkeys(organizer_names)
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
            ("takeaways", [asdict(item) for item in parsed.takeaways], writers.write_takeaways),
            ("arguments", [asdict(item) for item in parsed.arguments], writers.write_arguments),
            ("transcript", [asdict(turn) for turn in parsed.transcript], writers.write_transcript),
        )
        snapshot = session.import_snapshot.setdefault("collections", {})
        for name, published, write in collections:
            published_digest = digest(published)
            previous = snapshot.get(name)
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
            }
        return list(
            Person.objects.filter(participations__session=session)
            .distinct()
            .prefetch_related("aliases")
        )

    def organization(self, name, is_media_outlet=False):
        """The organization of a published name, looked up once per document."""
        if name not in self.organizations:
            organization, created = resolve_organization(name, is_media_outlet)
            if created:
                self.changes.append(f"organization {organization.name} created")
            self.organizations[name] = organization
        return self.organizations[name]
