"""The one owner of a session's copied and derived columns.

- `year`: a copy of the meeting's year, so that a page of the session list reads one table in
  the order of one index;
- `has_takeaways`, `has_transcript`, `has_report`: the record marks the list shows, filters
  and counts (a report is a long text: counting `report <> ''` read every report, 3.8 s for
  the whole archive's counts at 100,000 sessions on SQLite);
- `search_document` (and on PostgreSQL `search_vector`): the text a search reads.

Only this module computes them, and every writer goes through it:
- saving a session sets its year, and saving a meeting moves its sessions' years (signals);
- saving or deleting a session or any row of it refreshes that session's text and marks
  (signals), at once, or once per session at the end of a `batch()`;
- writers that bypass signals (bulk inserts, raw saves) name the sessions they wrote with
  `touch()` inside a `batch()`, or call `refresh_derived()`: the importer, the admin, an archive
  restore and `refresh_search`;
- the synthetic generator, which writes by COPY, takes its columns from `derived_columns()`.

Refreshing a session also refreshes the counts copied onto the people and organizations of its
rows (sessions/record_counts.py), and of those named by a row deleted or moved to another
person or organization (noted by the signals below, as the sessions are).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save, pre_save

from sessions import record_counts
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
from sessions.search import SEARCH_FIELDS, TEXT_FIELDS, on_postgres, search_vector

# The kinds of takeaway that make a session's "Key takeaways" mark.
KEY_TAKEAWAYS = {Takeaway.Kind.KEY_TAKEAWAY, Takeaway.Kind.CALL_TO_ACTION}
# The rows whose text is part of their session's search text or marks.
SESSION_ROWS = [PolicyQuestion, Organizer, Participation, Takeaway, Argument, TranscriptTurn]

# The rows whose person or organization a list counts, and the fields that name them.
COUNTED_ROWS = {Participation: ["person_id", "organization_id"], Organizer: ["organization_id"]}

# Sessions refreshed at a time: their rows, transcripts included, are read into memory.
REFRESH_CHUNK = 200

# What was touched inside the current batch(): {"sessions", "people", "organizations"}: sets
# of ids; None outside one.
_touched = ContextVar("touched_sessions", default=None)


def derived_columns(
    *,
    meeting_year,
    label,
    texts,
    sub_themes=(),
    questions=(),
    organizers=(),
    participations=(),
    takeaways=(),
    arguments=(),
    turns=(),
):
    """A session's derived columns (but the vector) from its values and its rows' values.

    `texts` maps TEXT_FIELDS to the session's values; `participations` are (name, affiliation)
    pairs, `takeaways` (kind, text, speaker) in the model's order, `arguments` (claim,
    explanation, evidence), `turns` (speaker label, text); the others are strings.
    """
    parts = [label, *(texts[name] for name in TEXT_FIELDS), *map(str, sub_themes)]
    parts += [*questions, *organizers]
    for pair in participations:
        parts += pair
    takeaway_kinds = set()
    for kind, text, speaker in takeaways:
        takeaway_kinds.add(kind)
        parts += [text, speaker]
    for argument in arguments:
        parts += argument
    has_transcript = False
    for turn in turns:
        has_transcript = True
        parts += turn
    return {
        "year": meeting_year,
        "search_document": "\n\n".join(part for part in parts if part),
        "has_takeaways": bool(takeaway_kinds & KEY_TAKEAWAYS),
        "has_transcript": has_transcript,
        "has_report": bool(texts["report"]),
    }


def columns_of(session):
    """derived_columns() of a saved session, its rows prefetched (refresh_derived)."""
    return derived_columns(
        meeting_year=session.meeting.year,
        label=session.label,
        texts={name: getattr(session, name) for name in TEXT_FIELDS},
        sub_themes=session.sub_themes or [],
        questions=[question.text for question in session.policy_questions.all()],
        organizers=[organizer.published_name for organizer in session.organizers.all()],
        participations=[(p.published_name, p.affiliation) for p in session.participations.all()],
        takeaways=[(t.kind, t.text, t.speaker) for t in session.takeaways.all()],
        arguments=[(a.claim, a.explanation, a.evidence) for a in session.arguments.all()],
        turns=[(turn.speaker_label, turn.text) for turn in session.transcript_turns.all()],
    )


def refresh_derived(session_ids, people=(), organizations=()):
    """Rebuild the derived columns of these sessions (and on PostgreSQL their vectors), and
    the counts of their people and organizations and of those given.

    Sessions are refreshed REFRESH_CHUNK at a time, their rows in memory; each chunk reads the
    sessions with their meetings, one query per related table (6), one UPDATE, and on
    PostgreSQL one UPDATE of the vectors; then the counts (record_counts.refresh_of_sessions).
    """
    session_ids = list(session_ids)
    for start in range(0, len(session_ids), REFRESH_CHUNK):
        chunk = session_ids[start : start + REFRESH_CHUNK]
        refresh_sessions(chunk)
        record_counts.refresh_of_sessions(chunk, people, organizations)
        people = organizations = ()  # those given are counted once, with the first chunk
    if people or organizations:
        record_counts.refresh_of_sessions([], people, organizations)


def refresh_sessions(session_ids):
    sessions = list(
        Session.objects.filter(pk__in=session_ids)
        .select_related("meeting")
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
    columns = ["year", "search_document", "has_takeaways", "has_transcript", "has_report"]
    for session in sessions:
        for name, value in columns_of(session).items():
            setattr(session, name, value)
    Session.objects.bulk_update(sessions, columns)
    if on_postgres():
        Session.objects.filter(pk__in=session_ids).update(search_vector=search_vector())


@contextmanager
def batch():
    """Refresh each session touched inside the block once, when the block ends without error.

    Writers that save a session and many of its rows (the importer, the admin) use it so that
    the session is refreshed once, not once per row. Nested batches join the outermost one.
    """
    if _touched.get() is not None:
        yield
        return
    touched = {"sessions": set(), "people": set(), "organizations": set()}
    token = _touched.set(touched)
    try:
        yield
    finally:
        _touched.reset(token)
    refresh_derived(sorted(touched["sessions"]), touched["people"], touched["organizations"])


def touch(session_id=None, people=(), organizations=()):
    """Say that a session or its rows were written, or that rows of these people and
    organizations were deleted or moved: refreshed now, or at the end of the batch."""
    people, organizations = set(people) - {None}, set(organizations) - {None}
    touched = _touched.get()
    if touched is None:
        refresh_derived([] if session_id is None else [session_id], people, organizations)
        return
    if session_id is not None:
        touched["sessions"].add(session_id)
    touched["people"] |= people
    touched["organizations"] |= organizations


def counted_owners(instance):
    """(people, organizations) that a row of COUNTED_ROWS names."""
    values = {name: getattr(instance, name, None) for name in ["person_id", "organization_id"]}
    return [values["person_id"]], [values["organization_id"]]


def copy_meeting_year(sender, instance, raw=False, **kwargs):
    """Before a session is saved: its year is its meeting's (a restore's raw save too)."""
    instance.year = instance.meeting.year


def move_sessions_year(sender, instance, raw=False, **kwargs):
    """After a meeting is saved: its sessions follow a change of its year."""
    if not raw:
        moved = instance.sessions.exclude(year=instance.year)
        session_ids = list(moved.values_list("pk", flat=True))
        if session_ids:
            moved.update(year=instance.year)
            # The first and last years of their people follow.
            record_counts.refresh_of_sessions(session_ids)


def session_written(sender, instance, raw=False, **kwargs):
    if not raw:
        touch(instance.pk)


def row_written(sender, instance, raw=False, **kwargs):
    if not raw:
        before = instance.__dict__.pop("_counted_before", {})
        touch(
            instance.session_id,
            people=[before.get("person_id")],
            organizations=[before.get("organization_id")],
        )


def row_moving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a counted row is saved again: the person and organization it named so far
    lose it when it moves (a merge, a split, an editor's change), refreshed with its session
    after the save (row_written)."""
    if raw or instance.pk is None:
        return
    fields = COUNTED_ROWS[sender]
    if update_fields is not None and not {f.removesuffix("_id") for f in fields} & {
        f.removesuffix("_id") for f in update_fields
    }:
        return
    before = sender.objects.filter(pk=instance.pk).values(*fields).first()
    if before:
        instance._counted_before = before


def row_deleted(sender, instance, origin=None, **kwargs):
    # Rows deleted with their session (one, or a queryset of them) leave no session to
    # refresh; the people and organizations they named lose them all the same.
    with_session = isinstance(origin, Session) or getattr(origin, "model", None) is Session
    people, organizations = counted_owners(instance) if sender in COUNTED_ROWS else ([], [])
    touch(None if with_session else instance.session_id, people, organizations)


def connect():
    """Connect the receivers above (SessionsConfig.ready)."""
    pre_save.connect(copy_meeting_year, sender=Session, dispatch_uid="derived_year")
    post_save.connect(move_sessions_year, sender=Meeting, dispatch_uid="derived_meeting_year")
    post_save.connect(session_written, sender=Session, dispatch_uid="derived_session")
    for model in SESSION_ROWS:
        uid = f"derived_{model.__name__}"
        post_save.connect(row_written, sender=model, dispatch_uid=uid)
        post_delete.connect(row_deleted, sender=model, dispatch_uid=uid)
    for model in COUNTED_ROWS:
        pre_save.connect(row_moving, sender=model, dispatch_uid=f"derived_moving_{model.__name__}")
