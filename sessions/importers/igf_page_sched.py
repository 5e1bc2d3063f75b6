"""The top of an IGF session's page on the schedule site of 2015-2019 (sched.com), which
sessions/importers/igf_page.py reads for the rest of the page:

    Welcome to IGF2017! Create your schedule below and participate!      the meeting's year
    (or, once the meeting is over, "IGF 2015 has ended")
    Venue Map / Back To Schedule                                          furniture
    Monday, December 18 • 09:00 - 10:30                                   day and times
    Social Responsibility and Ethics in Artificial Intelligence (WS12)   title (type, number)
    Sign up or log in to save this to your schedule, …                    furniture

then the proposal's fields, as on the IGF's own pages of 2017.
"""

import datetime
import re

from .parsed import ParsedSession
from .text import Line, month_number_abbreviated
from .titles import SESSION_TYPES

BANNER = re.compile(r"^(?:Welcome to IGF ?(?P<year>\d{4})!|IGF (?P<ended>\d{4}) has ended$)")
FURNITURE = re.compile(
    r"^(?:Venue Map|Back To Schedule|Sign up or log in to save this\b.{0,200}"
    r"|By accessing any session here, below the description you will find\b.{0,200})$"
)
# What the site prints while its page loads, above the banner.
LOADING = re.compile(r"^Loading(?:…|\.\.\.)$")
DAY = re.compile(
    r"^[A-Z][a-z]{2,8}, (?P<month>[A-Z][a-z]{2,8}) (?P<day>\d{1,2}) • "
    r"(?P<start>\d{1,2}:\d{2}) - (?P<end>\d{1,2}:\d{2})$"
)
# "… in Artificial Intelligence (WS12)", "… (OF 5)": the session's type and number at the end.
# A title in quotes ("‘Dynamic Coalitions: Contribute to the Digital Future!’") is read without
# them.
CODE = re.compile(r"^(?P<title>.{3,300}?) \((?P<type>[A-Z]{2}) ?#?(?P<number>\d{1,4})\)$")
QUOTED = re.compile(r"^[‘“'\"](?P<title>[^‘’“”\n]{3,300})[’”'\"]$")


def read_sched_top(numbered: list[Line], session: ParsedSession) -> list[Line] | None:
    """Read the top of a schedule site's page into the session (year, date, times, title, type
    and number); the page below its top, or None when the page opens with no such banner."""
    shown = [line for line in numbered if line.text]
    while shown and LOADING.match(shown[0].text):
        session.furniture.append(shown.pop(0).text)
    if not shown or not (banner := BANNER.match(shown[0].text)):
        return None
    session.meeting_year = int(banner["year"] or banner["ended"])
    session.furniture.append(shown[0].text)
    for position, line in enumerate(numbered):
        if line is shown[0]:
            continue  # the banner, kept above
        if FURNITURE.match(line.text):
            session.furniture.append(line.text)
        elif (day := DAY.match(line.text)) and session.date is None:
            month = month_number_abbreviated(day["month"])
            session.date = datetime.date(session.meeting_year, month, int(day["day"]))
            session.start_time = datetime.time.fromisoformat(day["start"].zfill(5))
            session.end_time = datetime.time.fromisoformat(day["end"].zfill(5))
        elif session.date is not None and session.title_line is None and line.text:
            coded = CODE.match(line.text) or QUOTED.match(line.text)
            session.title = coded["title"] if coded else line.text
            session.title_line = line.number
            if coded and "type" in coded.groupdict():
                session.session_type = SESSION_TYPES.get(coded["type"], coded["type"])
                session.number = int(coded["number"])
        elif session.title_line is not None and line.text:
            return numbered[position:]
    return []
