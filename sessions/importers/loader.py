"""Write one parsed document into the archive, repeatably.

Re-importing must change nothing, and must never overwrite an editor's
correction. Each session keeps, in `import_snapshot`, what the last import
wrote: for each field its value, and for each collection (people, takeaways,
…) a digest of what was published and a digest of the rows written. On a
re-import a field or collection is rewritten only when the source now says
something new AND the record still holds what the last import wrote; when an
editor changed it in between, the editor's version stays and the import
reports a conflict.
"""

import datetime
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from sessions import derived
from sessions.importers.parsed import ParsedSession
from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    RegionalGroup,
    SdgGoal,
    SdgTarget,
    Session,
    StakeholderGroup,
    Takeaway,
    TranscriptTurn,
)
from sessions.search import SEARCH_FIELDS
from speakers.history import current_change_reason
from speakers.identity import (
    add_person_alias,
    resolve_organization,
    resolve_people,
    unique_slug,
)
from speakers.models import OrganizationAlias, Person, PersonAlias
from speakers.names import fold_letters, organization_key, person_key


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


SCALAR_FIELDS = [
    "title",
    "session_type",
    "number",
    "date",
    "start_time",
    "end_time",
    "time_zone",
    "room",
    "format",
    "format_description",
    "duration_minutes",
    "theme",
    "sub_themes",
    "description",
    "background",
    "participant_gains",
    "expected_outcomes",
    "online_participation",
    "agenda",
    "sdg_rationale",
    "publisher",
    "published_on",
    "summary",
    "report",
    "overall_purpose",
    "overall_tone",
    "is_machine_generated",
    "disclaimer",
    "unplaced_text",
]

ARGUMENT_LINKS = ("agreed_with", "disagreed_with")

SESSION_TYPE_WORDS = {
    **{label.casefold(): value for value, label in Session.Type.choices},
    "ws": Session.Type.WORKSHOP,
    "high-level": Session.Type.HIGH_LEVEL,
    "": "",
}


def vocabulary(choices, published, line, what, problems):
    """Map a published word onto a TextChoices value, accepting it with or without "Group"."""
    if not published:
        return ""
    wanted = published.casefold().strip()
    for value, label in choices.choices:
        label = label.casefold()
        if wanted in {label, label.removesuffix(" group"), value}:
            return value
    problems.append((line, f"unknown {what} {published!r}"))
    return ""


def as_json(value):
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def digest(value):
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# The integer ranges of the columns on every database the archive runs on (PostgreSQL's).
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def misfit(model, name, value):
    """Why `value` cannot be stored in `model`'s column `name` on every database, or "".

    PostgreSQL refuses a text longer than its column and a number outside its column's range;
    SQLite stores the text, and fails on a number past 64 bits. The loader refuses such a
    document before it writes anything, on both databases alike (found by the importer's
    fuzzing: tests/importers/test_fuzz_documents.py).
    """
    field = model._meta.get_field(name)
    if isinstance(value, str) and field.max_length and len(value) > field.max_length:
        return f"longer than {field.max_length} characters ({len(value)})"
    kind = field.get_internal_type()
    if isinstance(value, int) and not isinstance(value, bool) and kind in INTEGER_RANGES:
        low, high = INTEGER_RANGES[kind]
        if not low <= value <= high:
            return f"out of range ({low} to {high}): {value}"
    return ""


class SessionLoader:
    """Loads one ParsedSession; `load()` returns a LoadResult or raises ImportRefused."""

    def __init__(self, parsed: ParsedSession, document, curated):
        self.parsed = parsed
        self.document = document
        self.curated = curated
        self.changes = []
        self.conflicts = []
        self.organizations = {}

    # Reading and checking, before anything is written.

    def values_and_people(self):
        parsed, problems = self.parsed, []
        session_type = SESSION_TYPE_WORDS.get(parsed.session_type.casefold().strip())
        if session_type is None:
            problems.append(
                (parsed.title_line or 1, f"unknown session type {parsed.session_type!r}")
            )
        if parsed.meeting_year is None:
            problems.append((1, "no year: the meeting cannot be told"))
        people = []
        for person in parsed.people:
            people.append(
                {
                    "name": person.name,
                    "role": vocabulary(
                        Participation.Role, person.role, person.line, "role", problems
                    ),
                    "affiliation": person.affiliation,
                    "organization": person.organization,
                    "stakeholder_group": vocabulary(
                        StakeholderGroup,
                        person.stakeholder_group,
                        person.line,
                        "stakeholder group",
                        problems,
                    ),
                    "regional_group": vocabulary(
                        RegionalGroup,
                        person.regional_group,
                        person.line,
                        "regional group",
                        problems,
                    ),
                    "role_text": person.role_text,
                    "is_tbd": person.is_tbd,
                    "is_remote": person.is_remote,
                    "words_per_minute": person.words_per_minute,
                    "words": person.words,
                    "speech_seconds": person.seconds,
                }
            )
        known_goals = (
            set(
                SdgGoal.objects.filter(number__in=parsed.sdg_goals).values_list("number", flat=True)
            )
            if parsed.sdg_goals
            else set()
        )
        for goal in parsed.sdg_goals:
            if goal not in known_goals:
                problems.append((1, f"SDG {goal} does not exist"))
        known_targets = (
            set(
                SdgTarget.objects.filter(code__in=parsed.sdg_targets).values_list("code", flat=True)
            )
            if parsed.sdg_targets
            else set()
        )
        for code in parsed.sdg_targets:
            if code not in known_targets:
                problems.append((1, f"SDG target {code} does not exist"))
        values = {
            "title": parsed.title,
            "session_type": session_type or "",
            "number": parsed.number,
            **{
                name: getattr(parsed, name)
                for name in SCALAR_FIELDS
                if name not in {"title", "session_type", "number", "unplaced_text"}
            },
            "unplaced_text": "\n\n".join(parsed.unplaced),
        }
        problems += self.misfits(values)
        return values, people, problems

    def misfits(self, values):
        """(line, reason) for each published value that its column cannot hold (see `misfit`)."""
        parsed, problems = self.parsed, []
        title_line = parsed.title_line or 1

        def check(line, what, model, field_name, value):
            if reason := misfit(model, field_name, value):
                problems.append((line, f"{what} {reason}"))
            return bool(reason)

        # A name's folded key is mostly shorter, but can outgrow it ("ﷺ" folds to 18 letters).
        def check_person(line, name):
            if not check(line, "name", PersonAlias, "name", name):
                check(line, "name (folded)", PersonAlias, "key", person_key(name))

        def check_organization(line, name):
            if not check(line, "organization", OrganizationAlias, "name", name):
                key = organization_key(name)
                check(line, "organization (folded)", OrganizationAlias, "key", key)

        for name in SCALAR_FIELDS:
            line = title_line if name in {"title", "number"} else 1
            check(line, name, Session, name, values[name])
        if parsed.meeting_kind == Meeting.Kind.PRESS:
            slug, name = self.meeting_slug_and_name()
            check(title_line, "meeting", Meeting, "slug", slug)
            check(title_line, "meeting", Meeting, "name", name)
        for person in parsed.people:
            line = person.line
            check_person(line, person.name)
            check_organization(line, person.organization)
            check(line, "role", Participation, "role_text", person.role_text)
            check(line, "speech speed", Participation, "words_per_minute", person.words_per_minute)
            check(line, "speech length", Participation, "words", person.words)
            check(line, "speech time", Participation, "speech_seconds", person.seconds)
        for name in [*parsed.organizers, parsed.host]:
            check_organization(1, name)
        for takeaway in parsed.takeaways:
            check(takeaway.line, "speaker", Takeaway, "speaker", takeaway.speaker)
        for argument in parsed.arguments:
            point = argument.major_discussion_point
            check(argument.line, "discussion point", Argument, "major_discussion_point", point)
            for name in [argument.speaker, *argument.agreed_with, *argument.disagreed_with]:
                check_person(argument.line, name)
        for turn in parsed.transcript:
            check(turn.line, "speaker", TranscriptTurn, "speaker_label", turn.speaker)
            # A press-conference label that names no person becomes a media outlet.
            check_organization(turn.line, turn.speaker)
        for model, rows in [
            (Participation, parsed.people),
            (PolicyQuestion, parsed.policy_questions),
            (Takeaway, parsed.takeaways),
            (Argument, parsed.arguments),
            (TranscriptTurn, parsed.transcript),
        ]:
            # Rows are numbered from 1: the last one's position is their count.
            line = getattr(rows[-1], "line", 1) if rows else 1
            plural = model._meta.verbose_name_plural
            check(line, f"number of {plural}", model, "position", len(rows))
        return problems

    # Writing.

    def load(self):
        # The session and its rows are written one by one and in bulk: their derived columns
        # are rebuilt once, at the end (sessions.derived).
        with derived.batch():
            return self.write()

    def write(self):
        values, people, problems = self.values_and_people()
        if problems:
            raise ImportRefused(problems)
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
        if created:
            # This second write only stores the import's snapshot, which history leaves out.
            session.save_without_historical_record()
        elif self.changes:
            session.save()
        self.collect_spellings(session, participants)
        if self.changes:
            derived.touch(session.pk)
        return LoadResult(session, created, self.changes, self.conflicts)

    def meeting_slug_and_name(self):
        parsed = self.parsed
        if parsed.meeting_kind == Meeting.Kind.PRESS:
            prefix = re.match(r"^(\S+)\s+press conference", parsed.title, re.IGNORECASE)
            who = prefix.group(1) if prefix else parsed.publisher
            # A press transcript page is dated when it was published; the parser requires it.
            when = parsed.date or parsed.published_on
            return (
                slugify(f"{who} press conference {when}"),
                f"{who} press conference, {when:%B %Y}",
            )
        return (
            f"{parsed.meeting_kind}-{parsed.meeting_year}",
            f"{parsed.meeting_kind.upper()} {parsed.meeting_year}",
        )

    def meeting(self):
        parsed = self.parsed
        slug, name = self.meeting_slug_and_name()
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
            "fields": {name: as_json(values[name]) for name in SCALAR_FIELDS}
        }
        session.save()
        self.changes.append(f"session {session.slug} created")
        return session, True

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
        collections = {
            "organizers": (
                [{"name": parsed.host, "role": Organizer.Role.HOST}] if parsed.host else []
            )
            + [
                {"name": name, "role": Organizer.Role.ORGANIZER}
                for name in dict.fromkeys(organizer_names)
            ],
            "people": people,
            "policy_questions": parsed.policy_questions,
            "sdgs": {"goals": parsed.sdg_goals, "targets": parsed.sdg_targets},
            "takeaways": [asdict(takeaway) for takeaway in parsed.takeaways],
            "arguments": [asdict(argument) for argument in parsed.arguments],
            "transcript": [asdict(turn) for turn in parsed.transcript],
        }
        snapshot = session.import_snapshot.setdefault("collections", {})
        for name, published in collections.items():
            published_digest = digest(published)
            previous = snapshot.get(name)
            if previous and previous["published"] == published_digest:
                continue
            if previous and previous["written"] != written_digest(session, name):
                self.conflicts.append(f"{name}: kept the editor's version")
                continue
            if not created:
                self.delete_rows(session, name)
                self.changes.append(name)
            written = getattr(self, f"write_{name}")(session, published)
            snapshot[name] = {
                "published": published_digest,
                "written": written_digest(session, name, written),
            }
        return list(
            Person.objects.filter(participations__session=session)
            .distinct()
            .prefetch_related("aliases")
        )

    def delete_rows(self, session, name):
        if name == "sdgs":
            session.sdg_goals.clear()
            session.sdg_targets.clear()
            return
        related, _ = WRITTEN_ROWS[name]
        getattr(session, related).all().delete()

    def organization(self, name, is_media_outlet=False):
        """The organization of a published name, looked up once per document."""
        if name not in self.organizations:
            organization, created = resolve_organization(name, is_media_outlet)
            if created:
                self.changes.append(f"organization {organization.name} created")
            self.organizations[name] = organization
        return self.organizations[name]

    def write_organizers(self, session, published):
        rows = {}
        for position, item in enumerate(published, 1):
            organization = self.organization(item["name"])
            # Spellings of one organization ("… (CAST)", "…") give one organizer row.
            rows.setdefault(
                (organization.pk, item["role"]),
                Organizer(
                    session=session,
                    organization=organization,
                    role=item["role"],
                    position=position,
                    published_name=item["name"],
                ),
            )
        return bulk_create_with_history(list(rows.values()), Organizer, **history_reason())

    def write_people(self, session, published):
        people, created = resolve_people([item["name"] for item in published])
        self.changes += [f"person {person.name} created" for person in created]
        organizations = {}
        rows, seen = [], set()
        for position, item in enumerate(published, 1):
            person = people[item["name"]]
            # A presenter named only in the report is recorded once; when the
            # person is already listed in another role, the spelling is enough.
            if item["role"] == Participation.Role.PRESENTER and any(
                pk == person.pk for pk, _ in seen
            ):
                continue
            if (person.pk, item["role"]) in seen:
                continue
            seen.add((person.pk, item["role"]))
            name = item["organization"]
            if name and name not in organizations:
                organizations[name] = self.organization(name)
            rows.append(
                Participation(
                    session=session,
                    person=person,
                    position=position,
                    published_name=item["name"],
                    organization=organizations.get(name),
                    **{k: v for k, v in item.items() if k not in {"name", "organization"}},
                )
            )
        return bulk_create_with_history(rows, Participation, **history_reason())

    def write_policy_questions(self, session, published):
        return bulk_create_with_history(
            [
                PolicyQuestion(session=session, position=position, text=text)
                for position, text in enumerate(published, 1)
            ],
            PolicyQuestion,
            **history_reason(),
        )

    def write_sdgs(self, session, published):
        # add() needs no read of the links; the old ones were deleted with delete_rows.
        session.sdg_goals.add(*published["goals"])
        session.sdg_targets.add(*published["targets"])
        return published["goals"], published["targets"]

    def write_takeaways(self, session, published):
        kinds = {value for value, _ in Takeaway.Kind.choices}
        return bulk_create_with_history(
            [
                Takeaway(
                    session=session,
                    kind=item["kind"],
                    position=position,
                    text=item["text"],
                    speaker=item["speaker"],
                    details=item["details"],
                )
                for position, item in enumerate(published, 1)
                if item["kind"] in kinds
            ],
            Takeaway,
            **history_reason(),
        )

    @staticmethod
    def people_by_key(session):
        """The session's people, by the key of each name they were published under."""
        rows = session.participations.values_list("published_name", "person_id")
        return {person_key(name): person_id for name, person_id in rows}

    def write_arguments(self, session, published):
        people = self.people_by_key(session)
        # Names that are no participant of the session (rare) are resolved in one go.
        others = [
            name
            for item in published
            for name in [item["speaker"], *item["agreed_with"], *item["disagreed_with"]]
            if person_key(name) not in people
        ]
        people.update(
            {person_key(name): person.pk for name, person in resolve_people(others)[0].items()}
        )

        def person_id(name):
            return people[person_key(name)]

        arguments = bulk_create_with_history(
            [
                Argument(
                    session=session,
                    person_id=person_id(item["speaker"]),
                    position=position,
                    claim=item["claim"],
                    explanation=item["explanation"],
                    evidence=item["evidence"],
                    major_discussion_point=item["major_discussion_point"],
                    topics=item["topics"],
                    agreed_on=item["agreed_on"],
                    disagreed_on=item["disagreed_on"],
                )
                for position, item in enumerate(published, 1)
            ],
            Argument,
            **history_reason(),
        )
        links = []
        for relation in ARGUMENT_LINKS:
            through = getattr(Argument, relation).through
            rows = through.objects.bulk_create(
                through(argument_id=argument.pk, person_id=pid)
                for argument, item in zip(arguments, published, strict=True)
                for pid in dict.fromkeys(person_id(name) for name in item[relation])
            )
            positions = {argument.pk: argument.position for argument in arguments}
            links += [[relation, positions[row.argument_id], row.person_id] for row in rows]
        return arguments, links

    def write_transcript(self, session, published):
        keys = self.people_by_key(session)
        turns = []
        for position, item in enumerate(published, 1):
            person_id = keys.get(person_key(item["speaker"]))
            organization = None
            if person_id is None and self.parsed.meeting_kind == Meeting.Kind.PRESS:
                # A press-conference label that names no listed person is a media outlet asking.
                organization = self.organization(item["speaker"], is_media_outlet=True)
            turns.append(
                TranscriptTurn(
                    session=session,
                    position=position,
                    speaker_label=item["speaker"],
                    person_id=person_id,
                    organization=organization,
                    text=item["text"],
                )
            )
        return bulk_create_with_history(turns, TranscriptTurn, **history_reason())

    # Spellings in running text: "Lin Zhiqiang" for Zhiqiang Lin, "Torbjörn" for Torbjorn.

    def collect_spellings(self, session, participants):
        keys, known = {}, set()
        for person in participants:
            for alias in person.aliases.all():
                keys.setdefault(alias.key, person)
                known.add((person.pk, alias.name))
        name_words = {word for key in keys for word in key.split()}
        for spelling in dict.fromkeys(name_like_phrases(self.document.text, name_words)):
            person = keys.get(person_key(spelling))
            if person is not None and (person.pk, spelling) not in known:
                add_person_alias(person, spelling)
                known.add((person.pk, spelling))
                self.changes.append(f"spelling {spelling!r} for {person.name}")


def history_reason():
    """The change reason for bulk-created rows' history: the import's, set by the caller."""
    return {"default_change_reason": current_change_reason()}


def name_like_phrases(text, name_words, longest=4):
    """Runs of 2-4 capitalised words, each one of `name_words`, with only a space between.

    `name_words` are the folded words of the names looked for (no titles such as "Prof.").
    The text is folded letter by letter (accents dropped, same length), so that one regular
    expression finds the candidate words and the phrases keep the text's own spelling:
    "Torbjörn Fredriksson", "Kevin C. Desouza". A phrase never spans punctuation, a line
    break or the end of a sentence.
    """
    if not name_words:
        return
    words = "|".join(sorted(map(re.escape, name_words), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)\.?", re.IGNORECASE)
    run = []
    for match in pattern.finditer(fold_letters(text)):
        start, end = match.span()
        joined = run and not text[run[-1][1] : start].strip(" ")
        ends_sentence = run and text[run[-1][1] - 1] == "." and run[-1][1] - run[-1][0] > 2
        if not text[start].isupper():
            run = []
            continue
        if not joined or ends_sentence:
            run = []
        run.append((start, end))
        for size in range(2, min(len(run), longest) + 1):
            yield text[run[-size][0] : end].rstrip(".")


def argument_links(session):
    """[relation, argument position, person id] for each agreement link of a session's arguments."""
    links = []
    for relation in ARGUMENT_LINKS:
        rows = getattr(Argument, relation).through.objects.filter(argument__session=session)
        links += [[relation, *row] for row in rows.values_list("argument__position", "person_id")]
    return links


# The columns that make a written collection, for its digest.
WRITTEN_ROWS = {
    "organizers": ("organizers", ["organization_id", "role", "position", "published_name"]),
    "people": (
        "participations",
        [
            "person_id",
            "role",
            "position",
            "published_name",
            "affiliation",
            "organization_id",
            "stakeholder_group",
            "regional_group",
            "role_text",
            "is_tbd",
            "is_remote",
            "words_per_minute",
            "words",
            "speech_seconds",
        ],
    ),
    "policy_questions": ("policy_questions", ["position", "text"]),
    "sdgs": None,
    "takeaways": ("takeaways", ["kind", "position", "text", "speaker", "details"]),
    "arguments": (
        "arguments",
        [
            "person_id",
            "position",
            "claim",
            "explanation",
            "evidence",
            "major_discussion_point",
            "topics",
            "agreed_on",
            "disagreed_on",
        ],
    ),
    "transcript": (
        "transcript_turns",
        ["position", "speaker_label", "person_id", "organization_id", "text"],
    ),
}


def written_digest(session, name, written=None):
    """Digest of a collection's rows: those just `written`, or else those in the database.

    Both give the same digest for the same rows, so that a re-import can tell whether
    an editor has changed what the last import wrote.
    """
    if name == "sdgs":
        goals, targets = written or (
            session.sdg_goals.values_list("number", flat=True),
            session.sdg_targets.values_list("code", flat=True),
        )
        return digest([sorted(goals), sorted(targets)])
    related, fields = WRITTEN_ROWS[name]
    objects, links = written, None
    if name == "arguments":
        objects, links = written or (session.arguments.all(), argument_links(session))
    if objects is None:
        objects = getattr(session, related).all()
    rows = [
        [getattr(row, field) for field in fields]
        for row in sorted(objects, key=lambda row: row.position)
    ]
    if name == "arguments":
        rows.append(sorted(links))
    return digest(rows)
