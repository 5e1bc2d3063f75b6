"""The archive's models, one module per part of the record.

meetings: Meeting, SourceDocument, CuratedFact, WaitingDocument; marks: Inference (the rules of
inferred facts); sdgs: SdgGoal, SdgTarget; session: Session, its queries and SessionGoal;
full_text: SessionFullText (the SQLite full-text index of sessions); rows: what hangs off a
session (questions, organizers, people, takeaways, arguments, transcript turns).
"""

from sessions.models.full_text import SessionFullText
from sessions.models.marks import Inference
from sessions.models.meetings import CuratedFact, Meeting, SourceDocument, WaitingDocument
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
    "Inference",
    "Meeting",
    "Organizer",
    "Participation",
    "PolicyQuestion",
    "RegionalGroup",
    "SdgGoal",
    "SdgTarget",
    "Session",
    "SessionFullText",
    "SessionGoal",
    "SessionQuerySet",
    "SourceDocument",
    "StakeholderGroup",
    "Takeaway",
    "TranscriptTurn",
    "WaitingDocument",
]
