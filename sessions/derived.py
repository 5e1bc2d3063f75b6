"""A session's columns derived from its related rows: the search text and vector
(sessions/search.py) and the record marks the session list shows and filters on.

Whoever writes a session or its related rows calls refresh_derived afterwards: the importer
after each session, the admin after saving a session with its inlines, an archive import at
its end. (The year, copied from the meeting, is kept by Session.save and Meeting.save.)
"""

from django.db.models import Prefetch

from sessions.models import Organizer, Participation, Session, Takeaway
from sessions.search import SEARCH_FIELDS, on_postgres, search_document, search_vector

# The kinds of takeaway that make a session's "Key takeaways" mark.
KEY_TAKEAWAYS = {Takeaway.Kind.KEY_TAKEAWAY, Takeaway.Kind.CALL_TO_ACTION}


def refresh_derived(session_ids):
    """Rebuild the search text, the vector (PostgreSQL) and the record marks of these sessions.

    Queries for a batch: the sessions, one per related table (6), one UPDATE of the texts and
    marks, and on PostgreSQL one UPDATE of the vectors; whatever the number of sessions.
    """
    session_ids = list(session_ids)
    if not session_ids:
        return
    sessions = list(
        Session.objects.filter(pk__in=session_ids)
        .defer(*SEARCH_FIELDS)
        .prefetch_related(
            "policy_questions",
            Prefetch("organizers", queryset=Organizer.objects.only("session", "published_name")),
            Prefetch(
                "participations",
                queryset=Participation.objects.only("session", "published_name", "affiliation"),
            ),
            "takeaways",
            "arguments",
            "transcript_turns",
        )
    )
    for session in sessions:
        session.search_document = search_document(session)
        session.has_takeaways = any(t.kind in KEY_TAKEAWAYS for t in session.takeaways.all())
        session.has_transcript = bool(session.transcript_turns.all())
    Session.objects.bulk_update(sessions, ["search_document", "has_takeaways", "has_transcript"])
    if on_postgres():
        Session.objects.filter(pk__in=session_ids).update(search_vector=search_vector())
