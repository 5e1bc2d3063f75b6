"""The heading of a session's page on the IGF's first sites (2006-2017, and their mirror at
friendsoftheigf.org), for its transcripts (sessions/importers/igf_transcript.py) and its other
pages (sessions/importers/igf_page.py) alike:

    Summing Up (1)                                              the title
    01 November 2006 - A Main Session on Athens,Greece          the day, the type, the place

or the day and the title on one line: "27 September 2011, New Delegate Briefing".
"""

import datetime
import re

from .parsed import ParsedSession
from .text import Line, month_number

DATED_HEADING = re.compile(
    r"^(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3,9}) (?P<year>(?:19|20)\d{2})(?:,| -) "
    r"(?P<rest>\S.{0,300})$"
)
# "A Main Session on …", "A Dynamic Coalition on Other in Guadalajara, Mexico", "A Other on …".
TYPE_ONLY = re.compile(r"^A (?P<type>[A-Z][\w-]{0,20}(?: [A-Z][\w-]{0,20}){0,2}) (?:on|in)\b")


def read_day(day: str, month: str, year: str, session: ParsedSession) -> bool:
    """The session's date, and the meeting's year if none is known; False when there is no
    such day."""
    try:
        session.date = datetime.date(int(year), month_number(month) or 0, int(day))
    except ValueError:
        return False
    session.meeting_year = session.meeting_year or session.date.year
    return True


def read_first_site_top(numbered: list[Line], session: ParsedSession) -> list[Line] | None:
    """Read a page's title and the heading under it ("A <type> on …") into the session; the
    page below them, or None when it does not open so."""
    shown = [index for index, line in enumerate(numbered) if line.text][:2]
    if len(shown) < 2:
        return None
    title, below = numbered[shown[0]], numbered[shown[1]]
    heading = DATED_HEADING.match(below.text)
    if not heading or not (typed := TYPE_ONLY.match(heading["rest"])):
        return None
    if not read_day(heading["day"], heading["month"], heading["year"], session):
        return None
    session.title, session.title_line = title.text, title.number
    session.session_type = typed["type"]
    session.furniture.append(below.text)
    return numbered[shown[1] + 1 :]
