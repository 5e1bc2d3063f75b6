"""The address of a session's original page on its publisher's site, given or implied.

No document the archive reads states its own address (fixtures/documents and the real pages
beside them). So the address is either:

- **given**: the page an editor read the session's curated title from (a CuratedFact of the
  session's `title`, with its source), as for the IGF 2021 workshop whose page names no title;
- **implied**: built by the publisher's own rule for its pages' addresses from what the record
  says, never checked against the site:
  - intgovforum.org (IGF session and workshop pages): `/en/content/` and the page's heading
    ("IGF 2023 WS #377 Enhance ...") as a Drupal path alias: lower case, ASCII punctuation left
    out, spaces to hyphens, other characters kept (percent-encoded, "society%E2%80%99s");
  - dig.watch (DiploAI reports): `/event/<the meeting's event>/` and the title as a WordPress
    slug: lower case, letters, digits and hyphens only; only for the meetings whose event
    address is known (DIGWATCH_EVENTS).

A press page (china.org.cn, english.scio.gov.cn) is numbered by its publisher
("content_78520349_9.htm") and its text does not say the number: it has no implied address.
tests/sessions/outputs/test_origin.py measures the rule against the real pages' addresses.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.utils.text import slugify

from sessions.models import Meeting, Session, SourceDocument

GIVEN = "given"
IMPLIED = "implied"

# The words a session page's heading names its type with; a type not here implies nothing.
IGF_HEADING_TYPES = {
    Session.Type.WORKSHOP: "WS",
    Session.Type.OPEN_FORUM: "Open Forum",
    Session.Type.TOWN_HALL: "Town Hall",
    Session.Type.MAIN_SESSION: "Main Session",
    Session.Type.LIGHTNING_TALK: "Lightning Talk",
    Session.Type.NETWORKING: "Networking Session",
}
IGF_PAGES = "https://www.intgovforum.org/en/content/"
IGF_FORMATS = {SourceDocument.Format.IGF_PAGE_2024, SourceDocument.Format.IGF_WORKSHOP_PAGE}

# From 2024 dig.watch titles an IGF session's report with its type and number first ("Open Forum
# #20 …"), and its address follows the title; the archive keeps them apart from the title.
# Main sessions have no number; launches and awards do.
DIGWATCH_TYPES = {
    **{
        kind: words
        for kind, words in IGF_HEADING_TYPES.items()
        if kind != Session.Type.MAIN_SESSION
    },
    Session.Type.LAUNCH_AWARD: "Launch / Award Event",
}
DIGWATCH_NUMBERED_FROM = 2024
# dig.watch's event of each meeting (kind, year) whose event address is known.
DIGWATCH_EVENTS = {
    (Meeting.Kind.IGF, 2023): "internet-governance-forum-2023",
    (Meeting.Kind.IGF, 2024): "internet-governance-forum-2024",
    (Meeting.Kind.IGF, 2025): "internet-governance-forum-2025",
    (Meeting.Kind.WSIS, 2025): "wsis20-high-level-event-2025",
}
DIGWATCH_PAGES = "https://dig.watch/event/"

# Drupal's path aliases are at most this long, cut at a hyphen.
ALIAS_LENGTH = 100


@dataclass(frozen=True)
class Origin:
    url: str
    basis: str  # GIVEN or IMPLIED
    # Who gave it (the editors' source) or by which rule it is implied, in words.
    how: str

    @property
    def host(self):
        """The publisher's site: "www.intgovforum.org"."""
        return urlsplit(self.url).hostname


def origin(session, curated_facts):
    """The session's original page as an Origin, or None. `curated_facts`: its CuratedFacts."""
    for fact in curated_facts:
        if fact.field == "title":
            return Origin(fact.source, GIVEN, "the page the archive's editors read its title from")
    document = session.source_document
    if document is None:
        return None
    meeting = session.meeting
    if document.format in IGF_FORMATS and session.session_type in IGF_HEADING_TYPES:
        number = f" #{session.number}" if session.number else ""
        heading = (
            f"IGF {meeting.year} {IGF_HEADING_TYPES[session.session_type]}{number} {session.title}"
        )
        how = "by intgovforum.org's rule for its session pages' addresses, not checked"
        return Origin(IGF_PAGES + quote(drupal_alias(heading)), IMPLIED, how)
    event = DIGWATCH_EVENTS.get((meeting.kind, meeting.year))
    if document.format == SourceDocument.Format.DIPLOAI_REPORT and event:
        how = "by dig.watch's rule for its session reports' addresses, not checked"
        title = session.title
        label = DIGWATCH_TYPES.get(session.session_type)
        if label and session.number and meeting.year >= DIGWATCH_NUMBERED_FROM:
            title = f"{label} #{session.number} {title}"
        return Origin(f"{DIGWATCH_PAGES}{event}/{wordpress_slug(title)}", IMPLIED, how)
    return None


def drupal_alias(text):
    """A heading as intgovforum.org's path alias: "IGF 2023 WS #385 ICTs & SDGs: an overview"
    -> "igf-2023-ws-385-icts-sdgs-an-overview"."""
    kept = "".join(c for c in text.lower() if c.isspace() or c == "-" or not is_punctuation(c))
    alias = re.sub(r"[\s-]+", "-", kept).strip("-")
    if len(alias) > ALIAS_LENGTH:
        alias = alias[:ALIAS_LENGTH].rsplit("-", 1)[0]
    return alias


def is_punctuation(char):
    return char.isascii() and not char.isalnum()


def wordpress_slug(text):
    """A title as dig.watch's slug: "Welcome to Norway! – Building Digital Governance" ->
    "welcome-to-norway-building-digital-governance": WordPress's rule is Django's slugify
    (lower-case ASCII letters, digits, underscores and hyphens)."""
    return slugify(text)
