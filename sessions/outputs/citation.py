"""A session as a reference: BibTeX, RIS and CSL-JSON to download, APA and Chicago to read.

Every format is written from one `Reference` (`reference()`), so that they all cite the same
authors, title, date, place and address. The authors are the session's organizing
organizations (as one name each: an organization is no "Last, First"); a session with none
is cited by the people who organized or hosted it, and failing them by its source's publisher.
"""

import datetime
import json
from dataclasses import dataclass

from sessions.models import Participation

ARCHIVE_NAME = "IGF session archive"
# The people a session without organizing organizations is cited by.
CITED_ROLES = (Participation.Role.ORGANIZER, Participation.Role.HOST)
# What BibTeX treats as syntax in a field's value, and how to write it as text.
BIBTEX_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "%": r"\%",
        "&": r"\&",
        "#": r"\#",
        "_": r"\_",
        "$": r"\$",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


@dataclass(frozen=True)
class Reference:
    key: str  # "igf-2024-open-forum-9": the meeting's and the session's slugs
    title: str
    authors: list[str]
    date: datetime.date | None
    year: int
    label: str  # "Open Forum #9", or the session's type
    meeting: str
    place: str  # "Riyadh, Saudi Arabia", or ""
    url: str


def reference(session, url):
    """A session (meeting, organizers and participations loaded) as a Reference."""
    meeting = session.meeting
    # Organizers as the source names them: a unit's record is named without its parent
    # ("Bureau of Information Technology Development"), the source with it ("…, CAC").
    authors = [
        organizer.published_name or organizer.organization.name
        for organizer in session.organizers.all()
    ]
    if not authors:
        people = [p.person.name for p in session.participations.all() if p.role in CITED_ROLES]
        authors = list(dict.fromkeys(people)) or ([session.publisher] if session.publisher else [])
    return Reference(
        key=f"{meeting.slug}-{session.slug}",
        title=session.title,
        authors=authors,
        date=session.date,
        year=session.date.year if session.date else meeting.year,
        label=session.label or session.get_session_type_display(),
        meeting=meeting.name,
        place=", ".join(part for part in [meeting.city, meeting.country] if part),
        url=url,
    )


def bibtex(ref):
    """A BibTeX @misc entry; authors in double braces, each an institution's whole name."""
    fields = {
        "title": braced(ref.title),
        "author": " and ".join("{" + bibtex_text(name) + "}" for name in ref.authors),
        "year": str(ref.year),
        "month": ref.date.strftime("%b").lower() if ref.date else "",
        "howpublished": bibtex_text(", ".join(part for part in event_parts(ref) if part)),
        "url": ref.url,
        "note": bibtex_text(f"Record in the {ARCHIVE_NAME}"),
    }
    lines = [
        f"  {name} = {value if name == 'month' else '{' + value + '}'}"
        for name, value in fields.items()
        if value
    ]
    return f"@misc{{{ref.key},\n" + ",\n".join(lines) + "\n}\n"


def bibtex_text(text):
    return " ".join(text.translate(BIBTEX_ESCAPES).split())


def braced(text):
    """A title whose case BibTeX styles keep as written."""
    return "{" + bibtex_text(text) + "}"


def ris(ref):
    """A RIS record (conference paper), one tag a line, ending with ER."""
    tags = [("TY", "CPAPER"), ("TI", ref.title)]
    tags += [("AU", name) for name in ref.authors]
    tags += [("PY", str(ref.year))]
    if ref.date:
        tags.append(("DA", ref.date.strftime("%Y/%m/%d")))
    tags += [("T2", ref.meeting), ("M1", ref.label)]
    if ref.place:
        tags.append(("CY", ref.place))
    tags += [("UR", ref.url), ("DB", ARCHIVE_NAME)]
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in tags]
    return "\r\n".join([*lines, "ER  - ", ""])


def csl_json(ref):
    """A CSL-JSON list of one item, as Zotero, Pandoc and citeproc read it."""
    item = {
        "id": ref.key,
        "type": "speech",
        "title": ref.title,
        "author": [{"literal": name} for name in ref.authors],
        "issued": {"date-parts": [date_parts(ref.date) if ref.date else [ref.year]]},
        "genre": ref.label,
        "event-title": ref.meeting,
        "URL": ref.url,
        "source": ARCHIVE_NAME,
    }
    if ref.place:
        item["event-place"] = ref.place
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def date_parts(date):
    return [date.year, date.month, date.day]


def event_parts(ref):
    return [ref.label, ref.meeting, ref.place]


def authors_text(authors, conjunction):
    """ "A", "A and B", "A, B, and C" (APA writes "&" for "and")."""
    if len(authors) <= 2:
        return f" {conjunction} ".join(authors)
    return ", ".join(authors[:-1]) + f", {conjunction} " + authors[-1]


def apa(ref):
    """APA 7: Authors. (Year, Month Day). Title [Label]. Meeting, Place. URL"""
    when = f"{ref.year}, {ref.date:%B} {ref.date.day}" if ref.date else str(ref.year)
    who = authors_text(ref.authors, "&") if ref.authors else ref.title
    title = "" if not ref.authors else f" {ref.title} [{ref.label}]."
    where = ", ".join(part for part in [ref.meeting, ref.place] if part)
    return f"{sentence(who)} ({when}).{title} {where}. {ref.url}"


def chicago(ref):
    """Chicago (notes and bibliography): Authors. "Title." Label, Meeting, Place, Date. URL."""
    when = f"{ref.date:%B} {ref.date.day}, {ref.year}" if ref.date else str(ref.year)
    who = f"{sentence(authors_text(ref.authors, 'and'))} " if ref.authors else ""
    event = ", ".join(part for part in [*event_parts(ref), when] if part)
    return f"{who}“{ref.title}.” {event}. {ref.url}."


def sentence(text):
    """Text that ends a sentence: with a full stop unless it has one."""
    return text if text.endswith(".") else f"{text}."
