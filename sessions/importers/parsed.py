"""What a parser hands to the loader: one session as the source published it.

Parsers are pure functions from text to these dataclasses. They keep text as
published (no case changes, no spelling fixes) and record the 1-based line
where each fact was read, so that the loader can report `file:line: reason`.
Mapping published words ("Civil Society", "Asia-Pacific Group") to the
archive's vocabularies is the loader's job, not the parser's.
"""

import datetime
import re
from dataclasses import dataclass, field


class ParseError(Exception):
    """The document cannot be read as its format family requires."""

    def __init__(self, line, reason):
        super().__init__(f"{line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass
class ParsedPerson:
    """One person in one role, as one source lists them."""

    name: str  # as published, without flags such as "(TBD)" or titles such as "Prof."
    role: str  # one of ROLES below
    line: int
    affiliation: str = ""  # free text as published
    organization: str = ""  # an organization's name, where the source gives one on its own
    stakeholder_group: str = ""  # as published, e.g. "Civil Society"
    regional_group: str = ""  # as published, e.g. "Asia-Pacific Group"
    role_text: str = ""  # a role described in words, e.g. "Forum moderator/host"
    is_tbd: bool = False
    is_remote: bool = False
    # The rule (one of INFERENCES) by which the parser gave the role, when the source does not
    # state it as such; empty when the source labels the person with the role.
    inferred_by: str = ""
    words_per_minute: int | None = None
    words: int | None = None
    seconds: int | None = None

    def __post_init__(self):
        # "Doreen    Bogdan-Martin": runs of space a copy leaves in a name are no part of it.
        self.name = " ".join(self.name.split())


# What stands where a person will be named: "TBD", "(TBD)", "TBD (LACIGF)", "To be confirmed".
PLACEHOLDER = re.compile(
    r"^\(?(?:TBD|TBC|TBA|N/?A|to be (?:confirmed|determined|announced|named))\)?"
    r"(?: ?\([^()]{1,80}\))?$",
    re.I,
)


def named_people(session: "ParsedSession") -> None:
    """Take out of the session's people those a list names only by a placeholder ("TBD, Youth
    LACIGF, Civil Society, GRULAC"), or by nothing: no one, whatever the parser made of the
    line; their text stays in the unplaced text."""
    named = []
    for person in session.people:
        if person.name.strip() and not PLACEHOLDER.match(person.name):
            named.append(person)
        else:
            session.unplaced.append(person.name)
    session.people = named


def once_each(people: list["ParsedPerson"]) -> list["ParsedPerson"]:
    """One person in one role once, in the order first listed, with the affiliation wherever a
    list gave it (an agenda's "Vint Cerf, Google, USA" below the speakers' lines)."""
    found: dict[tuple[str, str], ParsedPerson] = {}
    for person in people:
        first = found.setdefault((person.name, person.role), person)
        if not first.affiliation and person.affiliation:
            first.affiliation, first.organization = person.affiliation, person.organization
    return list(found.values())


# The roles a parser may give; the loader maps them onto Participation.Role.
ROLES = (
    "speaker",
    "organizer",
    "onsite_moderator",
    "online_moderator",
    "moderator",
    "rapporteur",
    "host",
    "questioner",
    "presenter",
)
# The labels the pages print for a moderator's or rapporteur's role, and the role each names.
ROLE_LABELS = {
    "moderator": "moderator",
    "onsite moderator": "onsite_moderator",
    "on-site moderator": "onsite_moderator",
    "in-person moderator": "onsite_moderator",
    "online moderator": "online_moderator",
    "rapporteur": "rapporteur",
}

# The rules by which a parser states a fact that its source does not publish as such: a
# person's role (ParsedPerson.inferred_by) or a session's value (ParsedSession.inferred). The
# archive's vocabulary of them, with what each means, is sessions.models.Inference.
INFERENCES = (
    "date_from_report",
    "role_from_layout",
    "onsite_moderator_beside_online",
    "host_opens_the_conference",
    "host_hands_over",
    "introduced_in_transcript",
)

# The kinds of short statement a parser may give; the loader maps them onto Takeaway.Kind.
TAKEAWAY_KINDS = (
    "key_takeaway",
    "call_to_action",
    "key_discussion_point",
    "action_item",
    "unresolved_issue",
    "suggested_compromise",
    "thought_provoking_comment",
    "follow_up_question",
    "agreement",
    "disagreement",
)


@dataclass
class ParsedTakeaway:
    kind: str  # one of TAKEAWAY_KINDS
    text: str
    line: int
    speaker: str = ""  # who said it, as published, where the source says
    # Labelled parts, e.g. {"Reason": "...", "Impact": "..."}.
    details: dict = field(default_factory=dict)


@dataclass
class ParsedArgument:
    speaker: str
    claim: str
    line: int
    explanation: str = ""
    evidence: str = ""
    major_discussion_point: str = ""
    topics: list[str] = field(default_factory=list)
    agreed_with: list[str] = field(default_factory=list)
    agreed_on: str = ""
    disagreed_with: list[str] = field(default_factory=list)
    disagreed_on: str = ""


@dataclass
class ParsedTurn:
    speaker: str  # the label before the colon, as published
    text: str  # the utterance; paragraphs joined with a blank line
    line: int


@dataclass
class ParsedSession:
    """Everything one document says about one session."""

    format_family: str  # "igf_page_2024", "igf_workshop_page", "igf_transcript", …
    meeting_kind: str  # "igf", "wsis" or "press"
    meeting_year: int | None
    title: str = ""
    title_line: int | None = None
    session_type: str = ""  # as published: "Open Forum", "WS", "Workshop", "Press conference", ...
    number: int | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    time_zone: str = ""  # "UTC" where the source says so; empty when it does not
    room: str = ""
    format: str = ""  # as published: "Roundtable", "Panel", "Round Table - Circle"
    format_description: str = ""
    duration_minutes: int | None = None
    theme: str = ""
    sub_themes: list[str] = field(default_factory=list)
    description: str = ""
    background: str = ""
    participant_gains: str = ""  # "What will participants gain from attending this session?"
    expected_outcomes: str = ""
    online_participation: str = ""
    agenda: str = ""  # hybrid format and agenda text
    policy_questions: list[str] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)  # organizations, as published
    host: str = ""  # the hosting organization, as published
    publisher: str = ""  # who published the page, e.g. "China.org.cn"
    published_on: datetime.date | None = None  # when the page was published
    # The page is one of this many pages of one document (its page numbers, "< 1 2 ... 13 >").
    source_page_count: int | None = None
    # The session's values the source does not state as such: field name -> rule (INFERENCES).
    inferred: dict[str, str] = field(default_factory=dict)
    people: list[ParsedPerson] = field(default_factory=list)
    sdg_goals: list[int] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)  # codes such as "7.a"
    sdg_rationale: str = ""
    takeaways: list[ParsedTakeaway] = field(default_factory=list)
    report: str = ""  # paragraphs joined with a blank line
    summary: str = ""
    overall_purpose: str = ""
    overall_tone: str = ""
    arguments: list[ParsedArgument] = field(default_factory=list)
    transcript: list[ParsedTurn] = field(default_factory=list)
    is_machine_generated: bool = False
    disclaimer: str = ""
    unplaced: list[str] = field(default_factory=list)  # paragraphs that fit no field
    furniture: list[str] = field(default_factory=list)  # page furniture left out on purpose
    # What the page lacks to identify its session, as (line, reason): such a page waits for an
    # editor (sessions.models.WaitingDocument) instead of being refused.
    missing: list[tuple[int, str]] = field(default_factory=list)
