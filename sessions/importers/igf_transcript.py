"""Parse an IGF session's transcript page: the real-time captions the IGF publishes for each
session (format family "igf_transcript", 2006 onwards).

    IGF 2019 – Day 0 – Raum IV – High Level Internet Governance Exchange Panels on Data Governance

    The following are the outputs of the real-time captioning taken during the Fourteenth
    Annual Meeting of the Internet Governance Forum (IGF) in Berlin, Germany, from 25 to 29
    November 2019. Although it is largely accurate, …

    >> STEPHANIE CZERNY:  My dear friends, maybe we should start, …

The heading names the meeting, the day, often the room, then the session as its page titles it
("Networking Session #4 …", "WS #377 …", "Opening Ceremony"), and sometimes "– RAW". Each turn
opens with ">>" and the speaker's label in capitals; a turn without a label is a voice the
captioner could not name, kept under the ">>" it was published with.

Pages before 2015 open with the site's banner, the meeting and the day ("9 November 2012"),
and label each turn without the ">>" ("Chengetai Masango:  Good morning, …").

The people are its voices and those its opening introduces
(sessions/importers/igf_transcript_people.py).
"""

import datetime
import re

from .igf_transcript_people import people
from .parsed import ParsedSession, ParsedTurn
from .text import TITLE_LINE, Line, continue_turn, month_number, read_title

# "IGF 2019 – Day 0 – Raum IV – <session>", "IGF 2022 Day 1 Opening Ceremony – RAW".
# What opens the heading and the captioners' notice: detection looks for them too.
HEADING_START = r"IGF (?P<year>\d{4}) ?[-–—]? ?Day (?P<day>\d{1,2})\b"
NOTICE = r"The following (?:are|is) the outputs? of the (?:real-time )?captioning\b"
HEADING = re.compile(rf"^{HEADING_START} ?[-–—]? ?(?P<rest>\S.{{0,600}})$")
_RAW = re.compile(r"(?: ?[-–—] ?| )RAW$", re.I)
_SEPARATOR = re.compile(r" [-–—] ")
# A room's name: "Raum IV", "Assembly Hall", "Plenary", "Workshop Room 3", "Salle XI".
_ROOM = re.compile(
    r"^(?:[\w.'-]{1,20} ){0,3}(?:Room|Raum|Salle|Sala|Saal|Hall|Plenary|Auditorium|Stage"
    r"|Studio|Ballroom)(?: [\w.'-]{1,12}){0,2}$",
    re.I,
)
DISCLAIMER = re.compile(rf"^{NOTICE}")
# "… the Fourteenth Annual Meeting of the Internet Governance Forum (IGF) in Berlin, Germany,
# from 25 to 29 November 2019.": the meeting's year where no heading names it.
_DISCLAIMER_YEAR = re.compile(
    r"Meeting of the Internet Governance Forum \(IGF\) in [^.\n]{1,160}\b(?P<year>(?:19|20)\d{2})\."
)
TURN = re.compile(r"^>>(?: {0,3}(?P<label>[^:\n]{1,80}):)? {0,3}(?P<text>.*)$")
# Before 2015 a turn opens with its label alone: "Chengetai Masango:  Good morning, …",
# "CHAIR:  Thank you …", below the captioners' notice.
LABELLED_TURN = re.compile(
    r"^(?P<label>[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,4}): {1,3}(?P<text>\S.*)$"
)
# "9 November 2012" above the notice (before 2015): the session's day.
_DAY = re.compile(r"^(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8}) (?P<year>(?:19|20)\d{2})$")
UNNAMED = ">>"
_FURNITURE = re.compile(r"^[*\s]{1,20}$")


def parse(text: str) -> ParsedSession:
    session = ParsedSession(format_family="igf_transcript", meeting_kind="igf", meeting_year=None)
    lines = [line.strip() for line in text.splitlines()]
    turns = TURN if any(TURN.match(line) for line in lines) else LABELLED_TURN
    turn = None
    for number, line in enumerate(lines, 1):
        if not line or _FURNITURE.match(line):
            continue
        if (match := turns.match(line)) and (turns is TURN or session.disclaimer):
            label = (match["label"] or "").strip() or UNNAMED
            turn = ParsedTurn(speaker=label, text=match["text"].strip(), line=number)
            session.transcript.append(turn)
        elif turn is not None:
            continue_turn(turn, line)
        elif DISCLAIMER.match(line):
            session.disclaimer = line
        elif session.title_line is None and (heading := HEADING.match(line)):
            _read_heading(heading, Line(number, line), session)
        elif session.date is None and (day := _DAY.match(line)):
            _read_day(day, session)
        else:
            session.unplaced.append(line)
    if session.meeting_year is None and (year := _DISCLAIMER_YEAR.search(session.disclaimer)):
        session.meeting_year = int(year["year"])
    session.people = people(session.transcript)
    if session.meeting_year is None:
        session.missing.append((1, "no heading ('IGF <year> – Day <n> – …') names the meeting"))
    return session


def _read_day(day: re.Match, session: ParsedSession) -> None:
    month = month_number(day["month"])
    try:
        session.date = datetime.date(int(day["year"]), month or 0, int(day["day"]))
    except ValueError:
        return  # no such month or day: the line stays where it is, unread
    session.meeting_year = session.meeting_year or session.date.year


def _read_heading(heading: re.Match, line: Line, session: ParsedSession) -> None:
    """The meeting, the room and the session named by the heading."""
    named = _RAW.sub("", heading["rest"])
    first, *rest = _SEPARATOR.split(named, maxsplit=1)
    if rest and _ROOM.match(first):
        session.room, named = first, rest[0]
    if title := TITLE_LINE.match(f"IGF {heading['year']} {named}"):
        read_title(title, line, session)
    session.meeting_year = int(heading["year"])
