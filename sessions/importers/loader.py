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

from django.utils.text import slugify

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
from sessions.search import refresh_search_documents
from speakers.identity import add_person_alias, resolve_organization, resolve_person
from speakers.models import Person
from speakers.names import HONORIFICS, person_key


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

SESSION_TYPE_WORDS = {
    **{label.casefold(): value for value, label in Session.Type.choices},
    "ws": Session.Type.WORKSHOP,
    "high-level": Session.Type.HIGH_LEVEL,
    "": Session.Type.OTHER,
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


class SessionLoader:
    """Loads one ParsedSession; `load()` returns a LoadResult or raises ImportRefused."""

    def __init__(self, parsed: ParsedSession, document, curated):
        self.parsed = parsed
        self.document = document
        self.curated = curated
        self.changes = []
        self.conflicts = []

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
        known_goals = set(SdgGoal.objects.values_list("number", flat=True))
        for goal in parsed.sdg_goals:
            if goal not in known_goals:
                problems.append((1, f"SDG {goal} does not exist"))
        known_targets = set(
            SdgTarget.objects.filter(code__in=parsed.sdg_targets).values_list("code", flat=True)
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
        return values, people, problems

    # Writing.

    def load(self):
        values, people, problems = self.values_and_people()
        if problems:
            raise ImportRefused(problems)
        meeting = self.meeting()
        curated_facts, curated_source = self.curated.session_facts(meeting.slug, values)
        values.update(curated_facts)
        if not values["title"]:
            raise ImportRefused([(1, "no title, and no curated title for this session")])
        session, created = self.find_or_create_session(meeting, values)
        self.apply_scalars(session, values, created)
        self.record_curated(session, curated_facts, curated_source)
        participants = self.apply_collections(session, people, created)
        self.collect_spellings(session, participants)
        if self.changes:
            refresh_search_documents([session.pk])
        return LoadResult(session, created, self.changes, self.conflicts)

    def meeting(self):
        parsed = self.parsed
        if parsed.meeting_kind == Meeting.Kind.PRESS:
            prefix = re.match(r"^(\S+)\s+press conference", parsed.title, re.IGNORECASE)
            who = prefix.group(1) if prefix else parsed.publisher
            # A press transcript page is dated when it was published; the parser requires it.
            when = parsed.date or parsed.published_on
            name = f"{who} press conference, {when:%B %Y}"
            slug = slugify(f"{who} press conference {when}")
        else:
            slug = f"{parsed.meeting_kind}-{parsed.meeting_year}"
            name = f"{parsed.meeting_kind.upper()} {parsed.meeting_year}"
        facts, source = self.curated.meeting_facts(slug)
        meeting, created = Meeting.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "kind": parsed.meeting_kind, "year": parsed.meeting_year},
        )
        if created:
            self.changes.append(f"meeting {slug} created")
        for name_, value in facts.items():
            fact, fact_created = CuratedFact.objects.get_or_create(
                meeting=meeting, field=name_, defaults={"value": str(value), "source": source}
            )
            current = as_json(getattr(meeting, name_))
            if fact_created or (fact.value != str(value) and current == fact.value):
                setattr(meeting, name_, value)
                fact.value, fact.source = str(value), source
                fact.save()
                meeting.save()
                self.changes.append(f"meeting {slug}: {name_}")
        return meeting

    def find_or_create_session(self, meeting, values):
        sessions = Session.objects.filter(meeting=meeting)
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
        session.save()
        self.changes.append(f"session {session.slug} created")
        return session, True

    @staticmethod
    def new_slug(meeting, values):
        if values["number"] is not None:
            label = Session.Type(values["session_type"]).label
            return slugify(f"{label} {values['number']}")
        base = slugify(values["title"])[:100] or "session"
        slug, suffix = base, 2
        while Session.objects.filter(meeting=meeting, slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    def apply_scalars(self, session, values, created):
        snapshot = session.import_snapshot.setdefault("fields", {})
        dirty = created
        for name in SCALAR_FIELDS:
            new = as_json(values[name])
            if not created:
                current = as_json(getattr(session, name))
                if name not in snapshot or snapshot[name] == new or current == new:
                    snapshot[name] = new
                    continue
                if current != snapshot[name]:
                    self.conflicts.append(f"{name}: kept the editor's value")
                    continue
                setattr(session, name, values[name])
                self.changes.append(name)
            snapshot[name] = new
            dirty = True
        if session.source_document_id != self.document.pk:
            session.source_document = self.document
            self.changes.append("source document")
            dirty = True
        if dirty:
            session.save()

    def record_curated(self, session, facts, source):
        for name, value in facts.items():
            fact, created = CuratedFact.objects.update_or_create(
                session=session, field=name, defaults={"value": str(value), "source": source}
            )
            if created:
                self.changes.append(f"curated {name}")

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
            if previous and previous["written"] != self.written_digest(session, name):
                self.conflicts.append(f"{name}: kept the editor's version")
                continue
            getattr(self, f"write_{name}")(session, published)
            if not created:
                self.changes.append(name)
            snapshot[name] = {
                "published": published_digest,
                "written": self.written_digest(session, name),
            }
        session.save(update_fields=["import_snapshot"])
        return list(Person.objects.filter(participations__session=session).distinct())

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

    def written_digest(self, session, name):
        if name == "sdgs":
            return digest(
                [
                    sorted(session.sdg_goals.values_list("number", flat=True)),
                    sorted(session.sdg_targets.values_list("code", flat=True)),
                ]
            )
        related, fields = self.WRITTEN_ROWS[name]
        rows = list(getattr(session, related).order_by("position").values_list(*fields))
        if name == "arguments":
            links = Argument.objects.filter(session=session).order_by("position")
            rows.append(list(links.values_list("agreed_with", "disagreed_with")))
        return digest(rows)

    def write_organizers(self, session, published):
        session.organizers.all().delete()
        for position, item in enumerate(published, 1):
            organization, created = resolve_organization(item["name"])
            if created:
                self.changes.append(f"organization {organization.name} created")
            # Spellings of one organization ("… (CAST)", "…") give one organizer row.
            Organizer.objects.get_or_create(
                session=session,
                organization=organization,
                role=item["role"],
                defaults={"position": position, "published_name": item["name"]},
            )

    def write_people(self, session, published):
        session.participations.all().delete()
        seen = set()
        for position, item in enumerate(published, 1):
            person, created = resolve_person(item["name"])
            if created:
                self.changes.append(f"person {person.name} created")
            # A presenter named only in the report is recorded once; when the
            # person is already listed in another role, the spelling is enough.
            if item["role"] == Participation.Role.PRESENTER and any(
                pk == person.pk for pk, _ in seen
            ):
                continue
            if (person.pk, item["role"]) in seen:
                continue
            seen.add((person.pk, item["role"]))
            organization = None
            if item["organization"]:
                organization, _ = resolve_organization(item["organization"])
            Participation.objects.create(
                session=session,
                person=person,
                position=position,
                published_name=item["name"],
                organization=organization,
                **{k: v for k, v in item.items() if k not in {"name", "organization"}},
            )

    def write_policy_questions(self, session, published):
        session.policy_questions.all().delete()
        PolicyQuestion.objects.bulk_create(
            PolicyQuestion(session=session, position=position, text=text)
            for position, text in enumerate(published, 1)
        )

    def write_sdgs(self, session, published):
        session.sdg_goals.set(published["goals"])
        session.sdg_targets.set(published["targets"])

    def write_takeaways(self, session, published):
        session.takeaways.all().delete()
        kinds = {value for value, _ in Takeaway.Kind.choices}
        Takeaway.objects.bulk_create(
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
        )

    def session_person(self, session, name):
        """The person of this session whose name has this key; else a resolved record."""
        key = person_key(name)
        for participation in session.participations.select_related("person"):
            if person_key(participation.published_name) == key:
                return participation.person
        return resolve_person(name)[0]

    def write_arguments(self, session, published):
        session.arguments.all().delete()
        for position, item in enumerate(published, 1):
            argument = Argument.objects.create(
                session=session,
                person=self.session_person(session, item["speaker"]),
                position=position,
                claim=item["claim"],
                explanation=item["explanation"],
                evidence=item["evidence"],
                major_discussion_point=item["major_discussion_point"],
                topics=item["topics"],
                agreed_on=item["agreed_on"],
                disagreed_on=item["disagreed_on"],
            )
            argument.agreed_with.set(
                [self.session_person(session, name) for name in item["agreed_with"]]
            )
            argument.disagreed_with.set(
                [self.session_person(session, name) for name in item["disagreed_with"]]
            )

    def write_transcript(self, session, published):
        session.transcript_turns.all().delete()
        keys = {
            person_key(p.published_name): p.person_id
            for p in session.participations.only("published_name", "person_id")
        }
        turns = []
        for position, item in enumerate(published, 1):
            person_id = keys.get(person_key(item["speaker"]))
            organization = None
            if person_id is None and self.parsed.meeting_kind == Meeting.Kind.PRESS:
                # A press-conference label that names no listed person is a media outlet asking.
                organization, _ = resolve_organization(item["speaker"], is_media_outlet=True)
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
        TranscriptTurn.objects.bulk_create(turns)

    # Spellings in running text: "Lin Zhiqiang" for Zhiqiang Lin, "Torbjörn" for Torbjorn.

    def collect_spellings(self, session, participants):
        keys = {}
        for person in participants:
            for alias in person.aliases.all():
                keys.setdefault(alias.key, person)
        for spelling in name_like_phrases(self.document.text):
            person = keys.get(person_key(spelling))
            if person is not None and add_person_alias(person, spelling):
                self.changes.append(f"spelling {spelling!r} for {person.name}")


def name_like_phrases(text, longest=4):
    """Runs of 2-4 capitalised words with only spaces between them, titles left out.

    Words keep an inner full stop ("Kevin C. Desouza"); a phrase never spans a
    comma or a sentence's end, and "Prof." or "Mr." is no part of a name.
    """
    run = []
    previous_end = None
    for match in re.finditer(r"[^\W\d_][\w’'-]*\.?", text):
        word = match.group()
        separated = previous_end is not None and text[previous_end : match.start()].strip()
        if separated or run and run[-1].endswith(".") and len(run[-1]) > 2:
            run = []
        previous_end = match.end()
        if not word[0].isupper() or word.rstrip(".").casefold() in HONORIFICS:
            run = []
            continue
        run.append(word)
        for size in range(2, min(len(run), longest) + 1):
            yield " ".join(run[-size:]).rstrip(".")
