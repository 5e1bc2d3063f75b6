"""Helpers for the document-shape tests (test_shape_*.py), one test file a bundled document.

Each test reads the session that the `imported` fixture imported from its document, from a fresh
query, and compares it with expected values written out by hand, the long texts whole: with
the lines the test reads from the document itself, and with what the parser read.
"""

from django.db.models import Count

from sessions.importers.detection import detect_format
from sessions.importers.documents import BUNDLED_DOCUMENTS, PARSERS
from sessions.models import Participation, Session, Takeaway

Role = Participation.Role
Kind = Takeaway.Kind


def read_document(file_name):
    return (BUNDLED_DOCUMENTS / file_name).read_text(encoding="utf-8")


def parsed_document(file_name):
    """What the document's parser reads from it: the long texts the loader must write whole."""
    text = read_document(file_name)
    return PARSERS[detect_format(text)](text)


def lines_of(text):
    """A text's lines, blank ones left out: compared with the document's own lines."""
    return [line for line in text.split("\n") if line]


def imported_session(file_name):
    """The session imported from a bundled document, with what its detail page reads."""
    return Session.objects.for_detail().get(source_document__file_name=file_name)


def nonempty_lines(text):
    """The document's lines, stripped, blank ones left out: one paragraph each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def index_of(lines, prefix, start=0):
    return next(i for i in range(start, len(lines)) if lines[i].startswith(prefix))


def between(lines, first, stop):
    """The lines from the one starting with `first` to the next one starting with `stop`."""
    start = index_of(lines, first)
    return lines[start : index_of(lines, stop, start + 1)]


def after(lines, anchor, label):
    """The line that follows the first line `label` after the line starting with `anchor`."""
    return lines[lines.index(label, index_of(lines, anchor)) + 1]


def takeaway_counts(session):
    return dict(
        Takeaway.objects.filter(session=session)
        .values_list("kind")
        .annotate(count=Count("id"))
        .order_by("kind")
    )


def texts_of(takeaways, kind):
    return [takeaway.text for takeaway in takeaways if takeaway.kind == kind]


def participation_rows(session):
    return [
        (p.position, p.role, p.published_name, p.person.name) for p in session.participations.all()
    ]


# Every long text a session holds, compared whole with what the parser read.
LONG_TEXT_FIELDS = (
    "format_description",
    "description",
    "background",
    "participant_gains",
    "expected_outcomes",
    "online_participation",
    "agenda",
    "sdg_rationale",
    "summary",
    "report",
    "overall_purpose",
    "overall_tone",
    "disclaimer",
)


def written_long_texts(session):
    """The session's long texts as the archive holds them."""
    return {
        **{name: getattr(session, name) for name in LONG_TEXT_FIELDS},
        "unplaced_text": session.unplaced_text,
        "policy_questions": [q.text for q in session.policy_questions.all()],
        "takeaways": [(t.kind, t.text) for t in session.takeaways.order_by("position")],
        "arguments": [
            (a.claim, a.explanation, a.evidence, a.agreed_on, a.disagreed_on)
            for a in session.arguments.all()
        ],
        "transcript": [t.text for t in session.transcript_turns.all()],
    }


def published_long_texts(parsed):
    """The same long texts as the parser read them from the document."""
    return {
        **{name: getattr(parsed, name) for name in LONG_TEXT_FIELDS},
        "unplaced_text": "\n\n".join(parsed.unplaced),
        "policy_questions": list(parsed.policy_questions),
        "takeaways": [(t.kind, t.text) for t in parsed.takeaways],
        "arguments": [
            (a.claim, a.explanation, a.evidence, a.agreed_on, a.disagreed_on)
            for a in parsed.arguments
        ],
        "transcript": [t.text for t in parsed.transcript],
    }
