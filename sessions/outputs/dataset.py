"""The whole archive as a dataset: a Frictionless Data Package (CSV tables and
`datapackage.json`, in a zip) and a SQLite file with the same tables.

The one declaration of the dataset's tables: TABLES says what each table and column means,
its type, its keys, and where its rows come from. The package's table schemas, the SQLite
file's CREATE TABLE statements (dataset_files.py), the package's descriptor (datapackage.py),
the public Data page and docs/open-data.md are all written from it (a test holds
docs/open-data.md to `datapackage.tables_markdown()`).
"""

from typing import NamedTuple

from igfarchive.links import link
from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    SdgGoal,
    SdgTarget,
    Session,
    SourceDocument,
    Takeaway,
    TranscriptTurn,
)
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias

# Rows read per query: large enough that the queries do not dominate, small enough that a chunk
# of sessions with their long texts stays a few megabytes.
CHUNK_SIZE = 2000
# Frictionless types, and the SQLite column type each is stored as (dates and times as ISO
# 8601 text, booleans as 0 or 1, arrays and objects as JSON text).
SQLITE_TYPES = {
    "integer": "INTEGER",
    "string": "TEXT",
    "boolean": "INTEGER",
    "date": "TEXT",
    "time": "TEXT",
    "datetime": "TEXT",
    "array": "TEXT",
    "object": "TEXT",
}


class Field(NamedTuple):
    name: str
    type: str
    description: str
    lookup: str = ""  # what values_list reads, when it is not the name


class ForeignKey(NamedTuple):
    field: str
    table: str
    reference: str = "id"


class Table(NamedTuple):
    name: str
    description: str
    fields: list
    primary_key: list
    foreign_keys: list
    rows: object  # a callable: the table's rows, tuples in the order of `fields`


def values(queryset, fields, order=("pk",)):
    """The rows of a queryset, the fields' lookups as tuples, streamed in chunks."""
    lookups = [field.lookup or field.name for field in fields]
    return queryset.order_by(*order).values_list(*lookups).iterator(chunk_size=CHUNK_SIZE)


def table_rows(model, fields, order=("pk",)):
    return lambda: values(model.objects.all(), fields, order)


def session_rows():
    """Sessions' columns, then the path of each session's page."""
    for *row, meeting_slug, slug in values(Session.objects.all(), SESSION_FIELDS[:-1] + SLUGS):
        yield (*row, link("sessions:detail", meeting_slug, slug))


def sdg_link_rows():
    """A session's links to goals (no target), then its links to targets (with their goal)."""
    goal_links = Session.sdg_goals.through.objects.order_by("session_id", "sdggoal_id")
    for session, goal in goal_links.values_list("session_id", "sdggoal_id").iterator(
        chunk_size=CHUNK_SIZE
    ):
        yield session, goal, None
    target_links = Session.sdg_targets.through.objects.order_by(
        "session_id", "sdgtarget__goal_id", "sdgtarget__position"
    )
    yield from target_links.values_list(
        "session_id", "sdgtarget__goal_id", "sdgtarget_id"
    ).iterator(chunk_size=CHUNK_SIZE)


def argument_response_rows():
    """Who agreed with an argument, then who disagreed."""
    for stance, links in [
        ("agreed", Argument.agreed_with.through),
        ("disagreed", Argument.disagreed_with.through),
    ]:
        for argument, person in (
            links.objects.order_by("argument_id", "person_id")
            .values_list("argument_id", "person_id")
            .iterator(chunk_size=CHUNK_SIZE)
        ):
            yield argument, person, stance


ID = Field("id", "integer", "The record's id, as in the archive's API and pages.")
SESSION_ID = Field("session_id", "integer", "The session (sessions.id).")
POSITION = Field("position", "integer", "Order within the session, as the source gives it.")

SESSION_FIELDS = [
    ID,
    Field("meeting_id", "integer", "The meeting the session belongs to (meetings.id)."),
    Field(
        "type",
        "string",
        "Session type: workshop, open_forum, town_hall, main_session, high_level, "
        "lightning_talk, networking, dynamic_coalition, launch_award, press_conference, other.",
        "session_type",
    ),
    Field("number", "integer", "Number within its meeting and type: the 9 of Open Forum #9."),
    Field("title", "string", "Title, as published (or curated, see curated_facts)."),
    Field("slug", "string", "The session's name in its page's address, unique in its meeting."),
    Field("date", "date", "The day the session took place."),
    Field("start_time", "time", "Start time, in `time_zone`."),
    Field("end_time", "time", "End time, in `time_zone`."),
    Field(
        "time_zone", "string", "The time zone as the source gives it, e.g. UTC; empty when unknown."
    ),
    Field("room", "string", "Room, as published."),
    Field("format", "string", "Format as published: Panel, Roundtable, Round Table - Circle…"),
    Field("duration_minutes", "integer", "Duration in minutes."),
    Field("format_description", "string", "What the source says about the format."),
    Field("theme", "string", "Theme, as published."),
    Field("sub_themes", "array", "Sub-themes, as published (a JSON array of strings)."),
    Field("description", "string", "Description, as published."),
    Field("background", "string", "Background, as published."),
    Field("participant_gains", "string", "What participants will gain, as published."),
    Field("expected_outcomes", "string", "Expected outcomes, as published."),
    Field("online_participation", "string", "The online-participation plan, as published."),
    Field("agenda", "string", "Hybrid format and agenda, as published."),
    Field("sdg_rationale", "string", "The organizers' reasons for the SDGs they chose."),
    Field("summary", "string", "Summary of the session."),
    Field("report", "string", "The session report, paragraphs separated by a blank line."),
    Field("overall_purpose", "string", "Overall purpose (machine-generated reports)."),
    Field("overall_tone", "string", "Overall tone (machine-generated reports)."),
    Field("publisher", "string", "Who published the source."),
    Field("published_on", "date", "When the source was published."),
    Field(
        "source_document_id",
        "integer",
        "The document the session was imported from (source_documents.id); empty when an "
        "editor entered it.",
    ),
    Field(
        "is_machine_generated",
        "boolean",
        "Built from a machine-generated report (such as a DiploAI report), not an official "
        "session record: names and quotations may contain errors.",
    ),
    Field("disclaimer", "string", "The machine-generated report's own disclaimer."),
    Field(
        "unplaced_text",
        "string",
        "Paragraphs of the source that the importer could not place in a field.",
    ),
    Field("path", "string", "The session's page, relative to the archive's address."),
]
SLUGS = [Field("meeting_slug", "string", "", "meeting__slug"), Field("slug", "string", "")]

PERSON_FIELDS = [
    ID,
    Field("name", "string", "The name the archive shows."),
    Field("slug", "string", "The person's name in their page's address (/people/<slug>/)."),
]
ORGANIZATION_FIELDS = [
    ID,
    Field("name", "string", "The name the archive shows."),
    Field("slug", "string", "The name in its page's address (/organizations/<slug>/)."),
    Field(
        "is_media_outlet",
        "boolean",
        "A media outlet (its people ask questions at press conferences).",
    ),
]

TABLES = [
    Table(
        "meetings",
        "Events that hold sessions: an annual IGF, a WSIS event, a press conference.",
        meeting_fields := [
            ID,
            Field("slug", "string", "The meeting's name in addresses, e.g. igf-2024."),
            Field("name", "string", "Name, e.g. IGF 2024."),
            Field("kind", "string", "igf, wsis, press (press conference) or other."),
            Field("year", "integer", "Year."),
            Field("city", "string", "City."),
            Field("country", "string", "Country."),
            Field("venue", "string", "Venue."),
            Field("start_date", "date", "First day."),
            Field("end_date", "date", "Last day."),
        ],
        ["id"],
        [],
        table_rows(Meeting, meeting_fields),
    ),
    Table(
        "source_documents",
        "The documents sessions were imported from (their text is served on each session's "
        "page, as received).",
        document_fields := [
            ID,
            Field("file_name", "string", "The document's file name in the archive."),
            Field(
                "format",
                "string",
                "Family of document: igf_page_2024, igf_workshop_page, igf_transcript, "
                "diploai_report, press_transcript, wsis_agenda_page, archive_export.",
            ),
            Field("sha256", "string", "SHA-256 of the document's text, as received."),
            Field("imported_at", "datetime", "When it was imported (UTC)."),
        ],
        ["id"],
        [],
        table_rows(SourceDocument, document_fields),
    ),
    Table(
        "sessions",
        "One session of a meeting, with its own texts as published.",
        SESSION_FIELDS,
        ["id"],
        [
            ForeignKey("meeting_id", "meetings"),
            ForeignKey("source_document_id", "source_documents"),
        ],
        session_rows,
    ),
    Table(
        "people",
        "One real person, however many ways the sources spell the name.",
        PERSON_FIELDS,
        ["id"],
        [],
        table_rows(Person, PERSON_FIELDS),
    ),
    Table(
        "person_aliases",
        "Every spelling of a person's name some source published.",
        person_alias_fields := [
            ID,
            Field("person_id", "integer", "The person (people.id)."),
            Field("name", "string", "The spelling, as published."),
        ],
        ["id"],
        [ForeignKey("person_id", "people")],
        table_rows(PersonAlias, person_alias_fields),
    ),
    Table(
        "organizations",
        "One real organization: an organizer, a host or an affiliation.",
        ORGANIZATION_FIELDS,
        ["id"],
        [],
        table_rows(Organization, ORGANIZATION_FIELDS),
    ),
    Table(
        "organization_aliases",
        "Every spelling of an organization's name some source published.",
        organization_alias_fields := [
            ID,
            Field("organization_id", "integer", "The organization (organizations.id)."),
            Field("name", "string", "The spelling, as published."),
        ],
        ["id"],
        [ForeignKey("organization_id", "organizations")],
        table_rows(OrganizationAlias, organization_alias_fields),
    ),
    Table(
        "participations",
        "A person in a session in one role, with what the source published at the time.",
        participation_fields := [
            ID,
            SESSION_ID,
            Field("person_id", "integer", "The person (people.id)."),
            Field(
                "role",
                "string",
                "speaker, organizer, onsite_moderator, online_moderator, moderator, "
                "rapporteur, host, questioner or presenter.",
            ),
            POSITION,
            Field("published_name", "string", "The name as the source wrote it."),
            Field("affiliation", "string", "The affiliation as published."),
            Field(
                "organization_id",
                "integer",
                "The organization the affiliation names (organizations.id), when known.",
            ),
            Field(
                "stakeholder_group",
                "string",
                "civil_society, private_sector, government, technical_community or "
                "intergovernmental, as published.",
            ),
            Field(
                "regional_group",
                "string",
                "UN regional group: african, asia_pacific, eastern_european, grulac, weog, or "
                "intergovernmental, as published.",
            ),
            Field("role_text", "string", "The role in the source's words."),
            Field("is_tbd", "boolean", "To be confirmed: the source marked the person (TBD)."),
            Field("is_remote", "boolean", "Took part remotely."),
            Field("words_per_minute", "integer", "Speech rate, where the source gives it."),
            Field("words", "integer", "Words spoken, where the source gives it."),
            Field("speech_seconds", "integer", "Seconds spoken, where the source gives it."),
        ],
        ["id"],
        [
            ForeignKey("session_id", "sessions"),
            ForeignKey("person_id", "people"),
            ForeignKey("organization_id", "organizations"),
        ],
        table_rows(Participation, participation_fields),
    ),
    Table(
        "organizers",
        "An organization that organized or hosted a session (people who organized it are "
        "participations with the organizer role).",
        organizer_fields := [
            ID,
            SESSION_ID,
            Field("organization_id", "integer", "The organization (organizations.id)."),
            Field("role", "string", "organizer or host."),
            POSITION,
            Field("published_name", "string", "The name as the source wrote it."),
        ],
        ["id"],
        [ForeignKey("session_id", "sessions"), ForeignKey("organization_id", "organizations")],
        table_rows(Organizer, organizer_fields),
    ),
    Table(
        "policy_questions",
        "The policy questions a session set out to answer.",
        question_fields := [ID, SESSION_ID, POSITION, Field("text", "string", "The question.")],
        ["id"],
        [ForeignKey("session_id", "sessions")],
        table_rows(PolicyQuestion, question_fields),
    ),
    Table(
        "sdg_goals",
        "The 17 Sustainable Development Goals (reference data).",
        goal_fields := [
            Field("number", "integer", "The goal's number, 1 to 17."),
            Field("short", "string", "Short name."),
            Field("title", "string", "The goal's full title."),
            Field("color", "string", "Official colour, #RRGGBB."),
        ],
        ["number"],
        [],
        table_rows(SdgGoal, goal_fields),
    ),
    Table(
        "sdg_targets",
        "The 169 SDG targets (reference data).",
        target_fields := [
            Field("code", "string", "The target's code, e.g. 7.a."),
            Field("goal_number", "integer", "Its goal (sdg_goals.number).", "goal_id"),
            Field("text", "string", "The target's text."),
            Field("position", "integer", "Order within the goal: 7.1 … 7.3, 7.a, 7.b."),
        ],
        ["code"],
        [ForeignKey("goal_number", "sdg_goals", "number")],
        table_rows(SdgTarget, target_fields, order=("goal_id", "position")),
    ),
    Table(
        "sdg_links",
        "A session's SDGs: a row per goal it is linked to (target_code empty), and a row per "
        "target (with the target's goal). A session on a goal is linked to the goal or to one "
        "of its targets.",
        [
            SESSION_ID,
            Field("goal_number", "integer", "The goal (sdg_goals.number)."),
            Field("target_code", "string", "The target (sdg_targets.code); empty for a goal link."),
        ],
        [],
        [
            ForeignKey("session_id", "sessions"),
            ForeignKey("goal_number", "sdg_goals", "number"),
            ForeignKey("target_code", "sdg_targets", "code"),
        ],
        sdg_link_rows,
    ),
    Table(
        "takeaways",
        "Short statements attached to a session, each of a kind.",
        takeaway_fields := [
            ID,
            SESSION_ID,
            Field(
                "kind",
                "string",
                "key_takeaway, call_to_action, key_discussion_point, action_item, "
                "unresolved_issue, suggested_compromise, thought_provoking_comment, "
                "follow_up_question, agreement or disagreement.",
            ),
            Field("position", "integer", "Order among the session's statements of its kind."),
            Field("text", "string", "The statement, as published (a text cut off stays cut off)."),
            Field("speaker", "string", "Who said it, as published."),
            Field("details", "object", "Labelled parts, e.g. Reason, Impact (a JSON object)."),
        ],
        ["id"],
        [ForeignKey("session_id", "sessions")],
        table_rows(Takeaway, takeaway_fields),
    ),
    Table(
        "arguments",
        "A speaker's claim in a machine-generated report (argument_responses: who agreed or "
        "disagreed).",
        argument_fields := [
            ID,
            SESSION_ID,
            Field("person_id", "integer", "Who made the claim (people.id)."),
            POSITION,
            Field("major_discussion_point", "string", "The discussion point it belongs to."),
            Field("claim", "string", "The claim."),
            Field("explanation", "string", "Its explanation."),
            Field("evidence", "string", "Its evidence."),
            Field("topics", "array", "Topics (a JSON array of strings)."),
            Field("agreed_on", "string", "What others agreed on."),
            Field("disagreed_on", "string", "What others disagreed on."),
        ],
        ["id"],
        [ForeignKey("session_id", "sessions"), ForeignKey("person_id", "people")],
        table_rows(Argument, argument_fields),
    ),
    Table(
        "argument_responses",
        "A person who agreed or disagreed with an argument.",
        [
            Field("argument_id", "integer", "The argument (arguments.id)."),
            Field("person_id", "integer", "Who agreed or disagreed (people.id)."),
            Field("stance", "string", "agreed or disagreed."),
        ],
        ["argument_id", "person_id", "stance"],
        [ForeignKey("argument_id", "arguments"), ForeignKey("person_id", "people")],
        argument_response_rows,
    ),
    Table(
        "transcript_turns",
        "One utterance of a session's transcript, in order.",
        turn_fields := [
            ID,
            SESSION_ID,
            POSITION,
            Field("speaker_label", "string", "The label before the colon, as published."),
            Field("person_id", "integer", "The person speaking (people.id), when known."),
            Field(
                "organization_id",
                "integer",
                "The organization speaking (organizations.id), such as a media outlet asking.",
            ),
            Field("text", "string", "What was said."),
        ],
        ["id"],
        [
            ForeignKey("session_id", "sessions"),
            ForeignKey("person_id", "people"),
            ForeignKey("organization_id", "organizations"),
        ],
        table_rows(TranscriptTurn, turn_fields),
    ),
    Table(
        "curated_facts",
        "Facts the archive's editors added that a source document does not state, each with "
        "its source: about a session or about a meeting.",
        fact_fields := [
            ID,
            Field("session_id", "integer", "The session (sessions.id), or empty."),
            Field("meeting_id", "integer", "The meeting (meetings.id), or empty."),
            Field("field", "string", "The column it fills, e.g. title or city."),
            Field("value", "string", "The value."),
            Field("source", "string", "Where the fact comes from (an address)."),
        ],
        ["id"],
        [ForeignKey("session_id", "sessions"), ForeignKey("meeting_id", "meetings")],
        table_rows(CuratedFact, fact_fields),
    ),
]
