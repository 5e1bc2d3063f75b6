"""The generator: the rows of the synthetic archive, chunk by chunk, from one random stream.

Each session's copied and derived columns (year, record marks, search text) come from
`sessions.derived.derived_columns`, given the values of the rows written with the session, as
`refresh_derived` gives it the saved rows.
"""

import datetime
import json
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from benchmarks.synthetic.meetings import (
    TYPE_LABELS,
    TYPE_WEIGHTS,
    UNNUMBERED_TYPES,
    plan_meetings,
)
from benchmarks.synthetic.people import Directory
from benchmarks.synthetic.related import Related
from benchmarks.synthetic.text import (
    DISCLAIMER,
    FORMATS,
    RARE_WORD,
    RARE_WORD_MIN_SESSIONS,
    THEMES,
    TOPICS,
    Text,
)
from benchmarks.synthetic.writing import Chunk, Table
from sessions.derived import derived_columns
from sessions.models import (
    Argument,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    Session,
    Takeaway,
    TranscriptTurn,
)
from sessions.search import TEXT_FIELDS
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias

TRANSCRIPT_SHARE = 0.1
REPORT_SHARE = 0.3
# The largest session: the opening of the last IGF.
FLAGSHIP_TITLE = "Opening Ceremony and High-Level Leaders Session"

# The rows counted in a Summary: its name for them, and the generator's table.
COUNTED_TABLES = [
    ("meetings", "meetings"),
    ("sessions", "sessions"),
    ("people", "people"),
    ("person aliases", "person_aliases"),
    ("organizations", "organizations"),
    ("organization aliases", "organization_aliases"),
    ("participations", "participations"),
    ("organizers", "organizers"),
    ("SDG goal links", "goals"),
    ("SDG target links", "targets"),
    ("policy questions", "policy_questions"),
    ("takeaways", "takeaways"),
    ("arguments", "arguments"),
    ("agreements", "agreed"),
    ("disagreements", "disagreed"),
    ("transcript turns", "turns"),
]


@dataclass
class Summary:
    sessions: int
    seed: int
    counts: dict = field(default_factory=dict)
    largest_session: str = ""  # meeting slug/session slug
    largest_session_rows: dict = field(default_factory=dict)
    busiest_person: str = ""  # slug
    busiest_person_sessions: int = 0
    rare_word_sessions: int = 0
    seconds: float = 0.0


class Generator:
    """Makes the rows, chunk by chunk, from one random stream. It reads nothing from the
    database: what it needs (the SDG targets, the value adapters `ops`) is handed to it."""

    def __init__(self, sessions, seed, chunk_size, goal_targets, ops):
        self.total = sessions
        self.seed = seed
        self.rng = random.Random(seed)
        self.chunk_size = chunk_size
        self.ops = ops
        self.tables = {
            "organizations": Table(Organization),
            "organization_aliases": Table(OrganizationAlias),
            "people": Table(Person),
            "person_aliases": Table(PersonAlias),
            "meetings": Table(Meeting),
            "sessions": Table(Session),
            "goals": Table(Session.sdg_goals.through, with_ids=False),
            "targets": Table(Session.sdg_targets.through, with_ids=False),
            "policy_questions": Table(PolicyQuestion),
            "organizers": Table(Organizer),
            "participations": Table(Participation),
            "takeaways": Table(Takeaway),
            "arguments": Table(Argument),
            "agreed": Table(Argument.agreed_with.through, with_ids=False),
            "disagreed": Table(Argument.disagreed_with.through, with_ids=False),
            "turns": Table(TranscriptTurn),
        }
        # In this order: the text draws the sentence pool from the stream.
        self.text = Text(self.rng)
        self.directory = Directory(self.rng, self.tables, sessions)
        self.related = Related(self.rng, self.text, self.directory, goal_targets)
        self.session_slugs = {}  # meeting id -> {slug: times used}
        self.sessions_of_person = {}
        self.flagship = None
        self.rare_count = 0

    def chunks(self):
        """Chunk after chunk of rows, the last one when every session is made."""
        rng = self.rng
        plan = plan_meetings(rng, self.total)
        self.rare_count = min(self.total, max(RARE_WORD_MIN_SESSIONS, self.total // 1000))
        rare_sessions = set(rng.sample(range(self.total), self.rare_count))
        # The annual IGF of the last year has the largest weight: it always has sessions.
        flagship_meeting = max(
            (values["year"], values["slug"]) for stem, values, _count in plan if stem == "igf"
        )[1]
        meetings = self.tables["meetings"]
        index = 0
        for stem, values, count in plan:
            meeting_id = meetings.add(**values)
            type_weights = TYPE_WEIGHTS.get(stem) or TYPE_WEIGHTS.get(values["kind"])
            type_weights = type_weights or TYPE_WEIGHTS["small"]
            types, weights = list(type_weights), list(type_weights.values())
            numbers = {}
            for position in range(count):
                is_flagship = position == 0 and values["slug"] == flagship_meeting
                if is_flagship:
                    session_type = Session.Type.MAIN_SESSION
                else:
                    session_type = rng.choices(types, weights)[0]
                session = self.session(
                    meeting_id,
                    values,
                    session_type,
                    self.number(session_type, numbers),
                    position,
                    is_flagship,
                    index in rare_sessions,
                )
                if is_flagship:
                    self.flagship = session
                index += 1
                if index % self.chunk_size == 0:
                    yield self.take(index)
        yield self.take(index)

    def number(self, session_type, numbers):
        """The number of a session within its meeting and type (None for unnumbered types):
        increasing, with gaps, as numbers of withdrawn proposals leave them."""
        if session_type in UNNUMBERED_TYPES:
            return None
        number = numbers.get(session_type, 0) + 1
        if self.rng.random() < 0.2:
            number += self.rng.randint(1, 5)
        numbers[session_type] = number
        return number

    def session(
        self, meeting_id, meeting, session_type, number, position, is_flagship, has_rare_word
    ):
        """Queue a session and its rows; returns its path and its numbers of rows."""
        rng = self.rng
        prose = self.text
        tables = self.tables
        session_id = tables["sessions"].next_id()
        title = FLAGSHIP_TITLE if is_flagship else prose.title(session_type)
        if number is None:
            slug = self.title_slug(meeting_id, title)
        else:
            slug = slugify(f"{TYPE_LABELS[session_type]} {number}")

        start, end = meeting["start_date"], meeting["end_date"]
        if rng.random() < 0.03:
            date = start_time = end_time = None
        else:
            date = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
            start_time = datetime.time(rng.randint(8, 17), rng.choice([0, 15, 30, 45]))
        duration = rng.choice([30, 60, 60, 75, 90, 90])
        if date is not None:
            finish = datetime.datetime.combine(date, start_time) + datetime.timedelta(
                minutes=duration
            )
            end_time = finish.time()
        is_press = session_type == Session.Type.PRESS_CONFERENCE
        has_transcript = is_flagship or is_press or rng.random() < TRANSCRIPT_SHARE
        has_report = has_transcript or rng.random() < REPORT_SHARE

        description = prose.sentences_text(4, 16)
        if has_rare_word:
            words = rng.choice(prose.sentences).split()
            words.insert(rng.randint(1, len(words) - 1), RARE_WORD)
            description += " " + " ".join(words)
        text = {name: "" for name in TEXT_FIELDS}
        text["description"] = description
        text["format"] = rng.choice(FORMATS)
        text["theme"] = rng.choice(THEMES) if meeting["year"] >= 2015 else ""
        if rng.random() < 0.5:
            text["background"] = prose.paragraphs(1, 2)
        if rng.random() < 0.4:
            text["participant_gains"] = prose.sentences_text(1, 4)
            text["expected_outcomes"] = prose.sentences_text(1, 4)
        if rng.random() < 0.2:
            text["online_participation"] = prose.sentences_text(1, 3)
            text["agenda"] = prose.sentences_text(2, 6)
        sub_themes = rng.sample(TOPICS, rng.randint(1, 3)) if text["theme"] else []

        related = self.related
        goals = related.goals(is_flagship)
        targets = related.targets(goals, is_flagship)
        if goals and rng.random() < 0.5:
            text["sdg_rationale"] = prose.sentences_text(1, 3)
        if has_report:
            text["report"] = prose.paragraphs(2, 8)
            text["summary"] = prose.sentences_text(2, 4)
        if has_transcript:
            text["overall_purpose"] = prose.sentences_text(1, 2)
            text["overall_tone"] = prose.sentences_text(1, 2)

        question_count = 8 if is_flagship else rng.choice([0, 0, 1, 2, 3])
        questions = [prose.question() for _ in range(question_count)]
        organizers = related.organizers(is_flagship)
        people = related.roles(session_type, meeting["year"], is_flagship)
        turns = related.transcript(people, is_press, is_flagship) if has_transcript else []
        takeaways = related.takeaways(has_transcript, has_report, people, is_flagship)
        arguments = related.arguments(people, is_flagship) if has_transcript else []
        room = f"Room {rng.randint(1, 12)}" if date else ""
        participations = related.participations(people, turns)

        created = datetime.datetime.combine(
            end + datetime.timedelta(days=14), datetime.time(9), tzinfo=datetime.UTC
        ) + datetime.timedelta(seconds=position)
        created = self.ops.adapt_datetimefield_value(created)
        label = f"{TYPE_LABELS[session_type]} #{number}" if number is not None else ""
        organization_names = self.directory.organizations
        derived = derived_columns(
            meeting_year=meeting["year"],
            label=label,
            texts=text,
            sub_themes=sub_themes,
            questions=questions,
            organizers=[organization_names[organization][0] for organization, _role in organizers],
            participations=[(p["published_name"], p["affiliation"]) for p in participations],
            # In the model's order: by kind, then position (a stable sort keeps the positions).
            takeaways=[
                (kind, text_of_takeaway, speaker)
                for kind, text_of_takeaway, speaker, _details in sorted(
                    takeaways, key=lambda takeaway: takeaway[0]
                )
            ],
            arguments=[(a["claim"], a["explanation"], a["evidence"]) for a in arguments],
            turns=[(speaker_label, utterance) for speaker_label, _p, _o, utterance in turns],
        )
        tables["sessions"].add(
            id=session_id,
            meeting_id=meeting_id,
            session_type=session_type,
            number=number,
            title=title,
            slug=slug,
            date=date,
            start_time=self.ops.adapt_timefield_value(start_time),
            end_time=self.ops.adapt_timefield_value(end_time),
            time_zone="UTC" if date else "",
            room=room,
            duration_minutes=duration,
            sub_themes=json.dumps(sub_themes),
            **text,
            publisher=(
                "Digital Watch Observatory"
                if has_transcript
                else "IGF Secretariat"
                if has_report
                else ""
            ),
            published_on=end + datetime.timedelta(days=7) if has_report else None,
            is_machine_generated=has_transcript,
            disclaimer=DISCLAIMER if has_transcript else "",
            **derived,
            created_at=created,
            updated_at=created,
        )
        self.add_rows(session_id, goals, targets, questions, organizers, participations, takeaways)
        self.add_argument_rows(session_id, arguments)
        for position_in_session, (
            speaker_label,
            person_id,
            organization_id,
            utterance,
        ) in enumerate(turns, 1):
            tables["turns"].add(
                session_id=session_id,
                position=position_in_session,
                speaker_label=speaker_label,
                person_id=person_id,
                organization_id=organization_id,
                text=utterance,
            )
        for person_id in dict.fromkeys(person_id for person_id, *_rest in people):
            self.sessions_of_person[person_id] = self.sessions_of_person.get(person_id, 0) + 1
        return {
            "id": session_id,
            "path": f"{meeting['slug']}/{slug}",
            "participations": len(people),
            "transcript turns": len(turns),
            "takeaways": len(takeaways),
        }

    def add_rows(
        self, session_id, goals, targets, questions, organizers, participations, takeaways
    ):
        """Queue a session's SDG links, policy questions, organizers, participations and
        takeaways."""
        tables = self.tables
        for goal in goals:
            tables["goals"].add(session_id=session_id, sdggoal_id=goal)
        for code in targets:
            tables["targets"].add(session_id=session_id, sdgtarget_id=code)
        for position, text in enumerate(questions, 1):
            tables["policy_questions"].add(session_id=session_id, position=position, text=text)
        for position, (organization_id, role) in enumerate(organizers, 1):
            tables["organizers"].add(
                session_id=session_id,
                organization_id=organization_id,
                role=role,
                position=position,
                published_name=self.directory.organizations[organization_id][0],
            )
        for values in participations:
            tables["participations"].add(session_id=session_id, **values)
        for position, (kind, text, speaker, details) in enumerate(takeaways, 1):
            tables["takeaways"].add(
                session_id=session_id,
                kind=kind,
                position=position,
                text=text,
                speaker=speaker,
                details=json.dumps(details),
            )

    def add_argument_rows(self, session_id, arguments):
        """Queue a session's arguments, with who agreed and who disagreed."""
        tables = self.tables
        for position, argument in enumerate(arguments, 1):
            argument_id = tables["arguments"].add(
                session_id=session_id,
                person_id=argument["person"],
                position=position,
                claim=argument["claim"],
                explanation=argument["explanation"],
                evidence=argument["evidence"],
                major_discussion_point=argument["point"],
                topics=json.dumps(argument["topics"]),
                agreed_on=argument["agreed_on"],
                disagreed_on=argument["disagreed_on"],
            )
            for person_id in argument["agreed"]:
                tables["agreed"].add(argument_id=argument_id, person_id=person_id)
            for person_id in argument["disagreed"]:
                tables["disagreed"].add(argument_id=argument_id, person_id=person_id)

    def title_slug(self, meeting_id, title):
        seen = self.session_slugs.setdefault(meeting_id, {})
        base = slugify(title)[:100] or "session"
        count = seen.get(base, 0) + 1
        seen[base] = count
        return base if count == 1 else f"{base}-{count}"

    def take(self, sessions_so_far):
        rows = {key: table.take() for key, table in self.tables.items()}
        return Chunk(rows=rows, sessions_so_far=sessions_so_far)

    def summary(self):
        busiest, busiest_sessions = max(
            self.sessions_of_person.items(), key=lambda item: (item[1], -item[0])
        )
        return Summary(
            sessions=self.total,
            seed=self.seed,
            counts={name: self.tables[key].taken for name, key in COUNTED_TABLES},
            largest_session=self.flagship["path"],
            largest_session_rows={
                name: self.flagship[name]
                for name in ("participations", "transcript turns", "takeaways")
            },
            busiest_person=self.directory.person_slugs[busiest],
            busiest_person_sessions=busiest_sessions,
            rare_word_sessions=self.rare_count,
        )
