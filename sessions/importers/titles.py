"""How the IGF's pages title a session: the title line ("IGF 2019 WS #414 <title>") and its
variants, the type before a colon or glued to the number, the abbreviations spelled out, and a
page that heads several sessions (a listing, no session's page).
"""

import re

from .parsed import ParsedSession, ParseError
from .text import Line

# Not a proposal form's answer, which ends with " |" ("IGF 2014 sub theme that this workshop
# fall under … |", the first sites' mirror).
TITLE_LINE = re.compile(
    r"^(?!.*\s\|$)IGF\s+(?P<year>\d{4})\s+(?:(?P<type>[^#]{0,60}?[^#\s])\s*#\s*(?P<number>\d+)\s+)?"
    r"(?P<title>\S.*)$"
)
# A title that opens with an IGF session's type and number, without its meeting ("Open Forum
# #12 …", "Day 0 Event #191 …"), as dig.watch titles them: a sign of the IGF (detection.py).
IGF_SESSION_TITLE = re.compile(
    r"(?P<type>Open Forum|Workshop|WS|Town Hall|Lightning Talk|Networking Session|Day 0 Event"
    r"|Launch / Award Event) ?#(?P<number>\d{1,5}) "
)
# Abbreviations spelled out so that every family names a session type the same way.
SESSION_TYPES = {
    "WS": "Workshop",
    "OF": "Open Forum",  # "IGF 2019 OF #26 FOC Open Forum"
    "NS": "Networking Session",
    "TH": "Town Hall",
    "LT": "Lightning Talk",
    "DC": "Dynamic Coalition Session",
}


def refuse_a_listing(numbered: list[Line]) -> None:
    """ParseError when the page heads two or more numbered sessions: a theme or programme page
    listing sessions ("IGF 2018 LIGHTNING SESSION #12 ...", "IGF 2018 OF #14 ..."), not one
    session's page. A session's own title line may come twice (a bare one, then in full). So
    too a list whose copy stops within its first session: its heading ("Day 0 Events") opens
    the page, above the first session's title line; and the schedule site's list of one kind of
    session, however many its copy shows."""
    headed: dict[tuple[str, str, str], Line] = {}
    for line in numbered:
        match = TITLE_LINE.match(line.text) or BARE_TITLE_LINE.match(line.text)
        if match and match["number"]:
            kind = match["type"].strip().casefold()
            headed.setdefault((match["year"], kind, match["number"]), line)
    if len(headed) > 1:
        first, second, *_ = headed.values()
        raise ParseError(
            second.number,
            f"not one session's page: it heads {len(headed)} sessions "
            f"('{first.text[:60]}', '{second.text[:60]}', ...)",
        )
    if filtered := next((line for line in numbered if SCHEDULE_FILTER.search(line.text)), None):
        raise ParseError(
            filtered.number,
            f"not one session's page: a schedule's list of one kind ('{filtered.text[:60]}')",
        )
    heading, title, *_rest = [line for line in numbered if line.text] + [None, None]
    if heading and title and LISTING_HEADING.match(heading.text) and TITLE_LINE.match(title.text):
        raise ParseError(
            heading.number,
            f"not one session's page: a list of sessions ('{heading.text}') above its first",
        )


# The schedule site's list of the sessions of one kind: "Capacity-Building Session [clear filter]".
SCHEDULE_FILTER = re.compile(r" \[clear filter\]$")
# A list's own heading above its first session's title: "Day 0 Events", "Received DC Sessions".
LISTING_HEADING = re.compile(
    r"^(?:[A-Z0-9][\w-]{0,20} ){0,3}(?:Sessions|Events|Workshops|Forums|Talks|Launches)$"
)


# A session without a number may name its type before a colon: "IGF 2016 Main Session: <title>",
# "High Level Panel Discussion: <title>", or after its own numeral: "High Level Panel III -
# <title>", "Parliamentary Track Session III: <title>". The 2018 main-session template ends the
# line at the colon and prints the title on the next line.
TYPED_TITLE = re.compile(
    r"^(?P<type>(?:[A-Z][\w-]{0,20} ){0,3}(?:Session|Forum|Event|Hall|Panel|Panel Discussion))"
    r"(?: [IVX]{1,4})?(?::| [-–—])(?: (?P<title>\S.*))?$"
)


# "OF88 WSIS Action Lines …" (2017), "WS 152" (2014): a type's abbreviation glued to its number.
NUMBERED_TITLE = re.compile(
    r"^(?P<type>WS|OF|NS|TH|LT|DC) ?(?P<number>\d{1,4})(?: ?[:–—-])?(?: (?P<title>\S.*))?$"
)


# "Unpacking UN Processes [Closed]" (2022): a session's access, no part of its title.
CLOSED_MARK = re.compile(r"\[Closed\]$", re.I)  # no space before it: a run of them backtracks


def read_title(match: re.Match, line: Line, session: ParsedSession) -> None:
    """Fill the session from a TITLE_LINE match: year, session type, number and title."""
    session.meeting_year = int(match["year"])
    # A line without a type leaves the type the page gave elsewhere (its report form's).
    session.session_type = SESSION_TYPES.get(match["type"], match["type"]) or session.session_type
    session.number = int(match["number"]) if match["number"] else None
    # "IGF 2021 – Official Opening of …": the dash after the year is not the title's.
    session.title = match["title"].lstrip("–—- ")
    if status := CLOSED_MARK.search(session.title):
        session.title = session.title[: status.start()].rstrip()
        session.unplaced.append(status[0])
    session.title_line = line.number
    type_from_title(session)


def type_from_title(session: ParsedSession) -> None:
    """A session without a number whose title opens with its type ("Main Session: …") is of
    that type, under the rest of the title."""
    if session.number is None and (typed := TYPED_TITLE.match(session.title)):
        session.session_type, session.title = typed["type"], typed["title"] or ""
    elif session.number is None and (numbered := NUMBERED_TITLE.match(session.title)):
        session.session_type = SESSION_TYPES[numbered["type"]]
        session.number, session.title = int(numbered["number"]), numbered["title"] or ""


# "IGF 2019 WS #414" alone on its line: the title is printed on the next line.
BARE_TITLE_LINE = re.compile(r"^IGF\s+(?P<year>\d{4})\s+(?P<type>[^#]{1,40})#\s*(?P<number>\d+)$")


def read_bare_title(match: re.Match, line: Line, session: ParsedSession) -> None:
    """Fill year, session type and number from a BARE_TITLE_LINE match; the title comes from
    the next line (see `read_title_text`)."""
    session.meeting_year = int(match["year"])
    kind = match["type"].strip()
    session.session_type = SESSION_TYPES.get(kind, kind)
    session.number = int(match["number"])
    session.title_line = line.number


def read_title_text(line: Line, session: ParsedSession) -> None:
    """The line after a bare title line is the session's title."""
    session.title = line.text
    session.title_line = line.number
