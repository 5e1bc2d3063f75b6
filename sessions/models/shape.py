"""A session's own columns, by part of the record, in reading order.

The one declaration of a session's shape: the admin's fieldsets, the loader's published values
(sessions/importers/snapshot.py), the search text, the exports and the API take their members
from these parts, each saying why it takes the members it takes. The copied columns
(sessions/derived.py) and the bookkeeping columns (review, import snapshot) are not part of the
public shape.
"""

IDENTITY = ["meeting", "session_type", "number", "title", "slug"]
WHEN_AND_WHERE = ["date", "start_time", "end_time", "time_zone", "room"]
FORMAT = ["format", "duration_minutes", "format_description", "theme", "sub_themes"]
PROPOSAL = [
    "description",
    "background",
    "participant_gains",
    "expected_outcomes",
    "online_participation",
    "agenda",
]
SDGS = ["sdg_goals", "sdg_targets", "sdg_rationale"]
OUTCOME = ["summary", "report", "overall_purpose", "overall_tone"]
SOURCE = [
    "source_document",
    "publisher",
    "published_on",
    "source_page_count",
    "inferred",
    "is_machine_generated",
    "disclaimer",
    "unplaced_text",
]
TIMESTAMPS = ["created_at", "updated_at"]

# The parts under the headings an editor sees (the admin's fieldsets).
PARTS = [
    (None, IDENTITY),
    ("When and where", WHEN_AND_WHERE),
    ("Format", FORMAT),
    ("Proposal", PROPOSAL),
    ("SDGs", SDGS),
    ("Outcome", OUTCOME),
    ("Source", [*SOURCE, *TIMESTAMPS]),
]

# What one line of a list says about a session, without its long texts: the columns that
# exports, calendars and API lists read (SessionQuerySet.for_export).
LIST_FIELDS = [*IDENTITY, *WHEN_AND_WHERE, "format", "duration_minutes"]

# The free texts a search reads, in reading order: what the session is about and what came
# of it. The format's description, the disclaimer and the unplaced text are the page's
# furniture, not the session's subject.
SEARCHED_TEXTS = ["theme", "format", *PROPOSAL, "sdg_rationale", *OUTCOME]
