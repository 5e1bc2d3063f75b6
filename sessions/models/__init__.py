"""The archive's models, one module per part of the record.

meetings: Meeting, SourceDocument, CuratedFact, InferredFact; sdgs: SdgGoal, SdgTarget;
session: Session, its queries and SessionGoal; rows: what hangs off a session (questions,
organizers, people, takeaways, arguments, transcript turns).
"""

from sessions.models.meetings import CuratedFact, InferredFact, Meeting, SourceDocument
from sessions.models.rows import (
    Argument,
    Organizer,
    Participation,
    PolicyQuestion,
    RegionalGroup,
    StakeholderGroup,
    Takeaway,
    TranscriptTurn,
)
from sessions.models.sdgs import SdgGoal, SdgTarget
from sessions.models.session import (
    DERIVED_FIELDS,
    EXPORT_FIELDS,
    NEWEST_FIRST,
    Session,
    SessionGoal,
    SessionQuerySet,
)

__all__ = [
    "DERIVED_FIELDS",
    "EXPORT_FIELDS",
    "NEWEST_FIRST",
    "Argument",
    "CuratedFact",
    "InferredFact",
    "Meeting",
    "Organizer",
    "Participation",
    "PolicyQuestion",
    "RegionalGroup",
    "SdgGoal",
    "SdgTarget",
    "Session",
    "SessionGoal",
    "SessionQuerySet",
    "SourceDocument",
    "StakeholderGroup",
    "Takeaway",
    "TranscriptTurn",
]
