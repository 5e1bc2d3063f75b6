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

import contextlib
import datetime
import itertools
import re

from speakers.names import fold

from .first_site import DATED_HEADING, TYPE_ONLY, read_day
from .igf_transcript_people import people
from .parsed import ParsedSession, ParsedTurn
from .text import Line, clock, continue_turn
from .titles import NUMBERED_TITLE, TITLE_LINE, read_title, type_from_title

# "IGF 2019 – Day 0 – Raum IV – <session>", "IGF 2022 Day 1 Opening Ceremony – RAW".
# What opens the heading and the captioners' notice: detection looks for them too.
HEADING_START = r"IGF (?P<year>\d{4}) ?[-–—]? ?Day (?P<day>\d{1,2})\b"
NOTICE = (
    r"(?:(?:(?:Note: )?The following (?:are|is) the outputs?|This is the(?: the)? output) of the "
    r"(?:real[-‑ ]?time )?captioning\b"
    r"|(?:This text is being provided in a rough draft format\. {1,3})?"
    r"Communication Access Realtime Translation \(CART\) is provided)"
)
HEADING = re.compile(rf"^{HEADING_START} ?[-–—]? ?(?P<rest>\S.{{0,600}})$")
_RAW = re.compile(r"(?: ?[-–—] ?| )RAW$", re.I)
# A dash with a space on one side at least ("Workshop Room 10 -OF 33 …", 2024): a hyphen
# within a word ("High-Level") has none.
_SEPARATOR = re.compile(r" [-–—] ?|[-–—] ")
# A room's name: "Raum IV", "Assembly Hall", "Plenary", "Workshop Room 3", "Salle XI".
_ROOM = re.compile(
    r"^(?:[\w.'-]{1,20} ){0,3}(?:Room|Raum|Salle|Sala|Saal|Hall|Plenary|Auditorium|Stage"
    r"|Studio|Ballroom)(?: [\w.'-]{1,12}){0,2}$",
    re.I,
)
DISCLAIMER = re.compile(rf"^{NOTICE}")
# "… the Fourteenth Annual Meeting of the Internet Governance Forum (IGF) in Berlin, Germany,
# from 25 to 29 November 2019.": the meeting's year where no heading names it.
# "… during the IGF 2014 Istanbul, Turkey, meetings." likewise.
_DISCLAIMER_YEAR = re.compile(
    r"Meeting of the Internet Governance Forum \(IGF\) in [^.\n]{1,160}\b(?P<year>(?:19|20)\d{2})\."
    r"|\bduring the IGF (?P<named>(?:19|20)\d{2})\b"
)
TURN = re.compile(r"^>>(?: {0,3}(?P<label>[^:\n]{1,80}):)? {0,3}(?P<text>.*)$")
# Before 2015 a turn opens with its label alone: "Chengetai Masango:  Good morning, …",
# "CHAIR:  Thank you …", below the captioners' notice.
LABELLED_TURN = re.compile(
    r"^(?P<label>[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,4}): {1,3}(?P<text>\S.*)$"
)
# "9 November 2012", "OCTOBER 23, 2013", "Sunday, 15 November 2009", "September 30, 2011 -
# 14:30" above the notice (before 2015): the session's day, and its start.
_DAY = re.compile(
    r"^(?:[A-Z][a-z]{2,8},? )?(?:(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3,9})"
    r"|(?P<month_first>[A-Za-z]{3,9}) (?P<day_after>\d{1,2}),?) (?P<year>(?:19|20)\d{2})"
    r"(?: ?[-–] ?(?P<start>\d{1,2}:\d{2}) ?(?P<half>[AP]M)?)?$",
    re.I,
)
# The first site's name of the meeting above its dates (2011): "Sixth Annual Meeting of the
# Internet Governance Forum"; the line above it is the session's title, unless it is the site's
# banner ("Welcome to the United Nations | Department of Economic and Social Affairs", or the
# forum's name alone: "Internet Governance Forum", 2012), and the notices of the site's software
# printed above it ("Deprecated: Function get_magic_quotes_gpc() is deprecated in … on line 63").
MEETING_NAME = r"(?:[A-Z][a-z]{2,12} )?(?:Annual )?Meeting of the Internet Governance Forum"
_MEETING_NAME = re.compile(rf"^{MEETING_NAME}$")
_BANNER = re.compile(
    r"^(?:Welcome to the United Nations\b|Internet Governance Forum$"
    r"|(?:Deprecated|Warning|Notice): .{1,300} on line \d{1,6}$)"
)
# The 2015 site's heading: "2015 11 13 Closing Ceremony Main Meeting Hall FINISHED", the day
# in numbers, the session's name, its room, and whether it had ended.
_NUMBERED_DAY_HEADING = re.compile(
    r"^(?P<year>20\d{2}) (?P<month>\d{2}) (?P<day>\d{2}) (?P<rest>\S.{2,300}?)(?: FINISHED)?$"
)
# "IGF 2010" alone on its line above the captioners' notice (2010): the meeting.
_MEETING_LINE = re.compile(r"^IGF (?P<year>(?:19|20)\d{2})$")
UNNAMED = ">>"
_FURNITURE = re.compile(r"^[*\s]{1,20}$")


def parse(text: str) -> ParsedSession:
    session = ParsedSession(format_family="igf_transcript", meeting_kind="igf", meeting_year=None)
    lines = [line.strip() for line in text.splitlines()]
    turns = _turn_style(lines)
    turn, in_notice, unread = None, False, []
    for number, line in enumerate(lines, 1):
        if not line or _FURNITURE.match(line):
            in_notice = False
            continue
        if _BANNER.match(line):
            session.furniture.append(line)
            continue
        if (match := turns.match(line)) and (turns is TURN or session.disclaimer):
            label = (match["label"] or "").strip() or UNNAMED
            turn = ParsedTurn(speaker=label, text=match["text"].strip(), line=number)
            session.transcript.append(turn)
        elif turn is not None:
            continue_turn(turn, line)
        elif in_notice or DISCLAIMER.match(line):
            # A notice wrapped over several lines ends with its sentence "… record.".
            session.disclaimer = f"{session.disclaimer} {line}".strip()
            in_notice = not line.endswith("record.")
        elif session.title_line is None and (heading := HEADING.match(line)):
            _read_heading(heading, Line(number, line), session)
        elif session.title_line is None and (heading := DATED_HEADING.match(line)):
            _read_dated_heading(heading, Line(number, line), unread, session)
        elif session.date is None and (day := _DAY.match(line)) and _read_day_line(day, session):
            pass
        elif session.meeting_year is None and (meeting := _MEETING_LINE.match(line)):
            session.meeting_year = int(meeting["year"])
            session.furniture.append(line)
        elif session.title_line is None and (heading := _NUMBERED_DAY_HEADING.match(line)):
            _read_numbered_day_heading(heading, number, session)
        elif session.title_line is None and NUMBERED_TITLE.match(line):
            session.title, session.title_line = line, number
            type_from_title(session)
        elif _MEETING_NAME.match(line):
            if unread and session.title_line is None:
                title = unread.pop()
                session.title, session.title_line = title.text, title.number
            session.furniture.append(line)
        else:
            unread.append(Line(number, line))
    if session.title_line is None and (title := _repeated_title(unread)):
        session.title, session.title_line = title.text, title.number
    session.unplaced = [line.text for line in unread if line.number != session.title_line]
    if session.meeting_year is None and (year := _DISCLAIMER_YEAR.search(session.disclaimer)):
        session.meeting_year = int(year["year"] or year["named"])
    session.people = people(session.transcript)
    if session.meeting_year is None:
        session.missing.append((1, "no heading ('IGF <year> – Day <n> – …') names the meeting"))
    return session


def _repeated_title(unread: list[Line]) -> Line | None:
    """The page's title above a header block that repeats it in capitals: "The future of
    privacy", then "IGF 2010", the place, the day, "SESSION 66", "1130" and "THE FUTURE OF
    PRIVACY" (2010)."""
    last_seen = {fold(line.text): index for index, line in enumerate(unread)}
    for index, line in enumerate(unread):
        repeated = last_seen[fold(line.text)] > index
        if repeated and len(line.text.split()) > 1 and not line.text.isupper():
            return line
    return None


def _turn_style(lines: list[str]) -> re.Pattern:
    """How the turns open: ">> LABEL:", or the label alone before 2015 and where the first turn
    below the captioners' notice is a label in capitals ("MODERATOR:  Thank you …", 2017, its
    later turns opening ">> -- of our ICT")."""
    below = itertools.dropwhile(lambda line: not DISCLAIMER.match(line), lines)
    first = next((line for line in below if TURN.match(line) or LABELLED_TURN.match(line)), "")
    if (labelled := LABELLED_TURN.match(first)) and labelled["label"].isupper():
        return LABELLED_TURN
    return TURN if any(TURN.match(line) for line in lines) else LABELLED_TURN


def _read_numbered_day_heading(heading: re.Match, number: int, session: ParsedSession) -> None:
    with contextlib.suppress(ValueError):  # "2015 13 45" is no day; the title still holds
        session.date = datetime.date(*map(int, heading.group("year", "month", "day")))
        session.meeting_year = session.date.year
    words = heading["rest"].split()
    # The room's words end the heading ("… Main Meeting Hall"): at most three, the longest
    # that reads as a room and leaves two words of title.
    cuts = [n for n in (3, 2, 1) if len(words) - n >= 2 and _ROOM.match(" ".join(words[-n:]))]
    cut = cuts[0] if cuts else 0
    session.title, session.title_line = " ".join(words[: len(words) - cut]), number
    session.room = " ".join(words[len(words) - cut :])


def _read_day_line(day: re.Match, session: ParsedSession) -> bool:
    month, date = day["month"] or day["month_first"], day["day"] or day["day_after"]
    if not read_day(date, month, day["year"], session):
        return False
    if day["start"]:
        with contextlib.suppress(ValueError):  # "25:70" is no time; the day still holds
            session.start_time = clock(day["start"], day["half"])
    return True


def _read_dated_heading(
    heading: re.Match, line: Line, unread: list[Line], session: ParsedSession
) -> None:
    """The first site's heading: the day, then the title, or the type below the title."""
    if not read_day(heading["day"], heading["month"], heading["year"], session):
        unread.append(line)
        return
    if not (typed := TYPE_ONLY.match(heading["rest"])):
        session.title, session.title_line = heading["rest"], line.number
        return
    session.session_type = typed["type"]
    if len(unread) == 1:  # the title, alone above the heading
        title = unread.pop()
        session.title, session.title_line = title.text, title.number


def _read_heading(heading: re.Match, line: Line, session: ParsedSession) -> None:
    """The meeting, the room and the session named by the heading."""
    named = _RAW.sub("", heading["rest"])
    first, *rest = _SEPARATOR.split(named, maxsplit=1)
    if rest and _ROOM.match(first):
        session.room, named = first, rest[0]
    if title := TITLE_LINE.match(f"IGF {heading['year']} {named}"):
        read_title(title, line, session)
    session.meeting_year = int(heading["year"])
