"""The top of an IGF session's page on the schedule site of 2015-2019 (sched.com), which
sessions/importers/igf_page.py reads for the rest of the page:

    Welcome to IGF2017! Create your schedule below and participate!      the meeting's year
    (or, once the meeting is over, "IGF 2015 has ended")
    Venue Map / Back To Schedule                                          furniture
    Monday, December 18 • 09:00 - 10:30                                   day and times
    Social Responsibility and Ethics in Artificial Intelligence (WS12)   title (type, number)
    Sign up or log in to save this to your schedule, …                    furniture

then the proposal's fields, as on the IGF's own pages of 2017, and its people (2014-2019),
each under its section's heading ("Moderators", "Speakers", "Session Organizers"):

    avatar for Bill Woodcock (Packet Clearing House)                    the picture's text
    Bill Woodcock (Packet Clearing House)                               the name
    Executive Director, Packet Clearing House                           the post
    Packet Clearing House is the international organization …          a biography, kept

A person without a picture has their initials in its place ("RS" above "Rohan Samarajiva").
"""

import datetime
import re

from .names import is_name
from .parsed import ParsedPerson, ParsedSession
from .text import Line, clock, month_number_abbreviated
from .titles import SESSION_TYPES

BANNER = re.compile(r"^(?:Welcome to IGF ?(?P<year>\d{4})!|IGF (?P<ended>\d{4}) has ended$)")
FURNITURE = re.compile(
    r"^(?:Venue Map|Back To Schedule|Sign up or log in to save this\b.{0,200}"
    r"|By accessing any session here, below the description you will find\b.{0,200})$"
)
# A person's picture on the site, or their initials where they have none.
AVATAR = re.compile(r"^avatar for (?=\S)")
INITIALS = re.compile(r"^[A-Z]{1,4}$")
PEOPLE_HEADINGS = {
    "session organizers": "organizer",
    "moderators": "moderator",
    "moderator": "moderator",
    "remote moderators": "online_moderator",
    "remote moderator": "online_moderator",
    "speakers": "speaker",
    "speaker": "speaker",
}
# What the site prints while its page loads, above the banner.
LOADING = re.compile(r"^Loading(?:…|\.\.\.)$")
# "Monday, December 18 • 09:00 - 10:30", "Tuesday, September 2 • 11:00am - 12:30pm" (2014).
DAY = re.compile(
    r"^[A-Z][a-z]{2,8}, (?P<month>[A-Z][a-z]{2,8}) (?P<day>\d{1,2}) • "
    r"(?P<start>\d{1,2}:\d{2})(?P<start_half>[ap]m)? - (?P<end>\d{1,2}:\d{2})(?P<end_half>[ap]m)?$"
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
            session.start_time = clock(day["start"], day["start_half"])
            session.end_time = clock(day["end"], day["end_half"])
        elif session.date is not None and session.title_line is None and line.text:
            coded = CODE.match(line.text) or QUOTED.match(line.text)
            session.title = coded["title"] if coded else line.text
            session.title_line = line.number
            if coded and "type" in coded.groupdict():
                session.session_type = SESSION_TYPES.get(coded["type"], coded["type"])
                session.number = int(coded["number"])
        elif session.title_line is not None and line.text:
            return _without_avatars(numbered[position:], session)
    return []


# A 2019 page of the IGF's own site that prints the schedule site's block under its heading
# (best practice forums): the schedule's title, the date and times, the room.
#
#     BPF on Local Content                        the page's heading: the title
#     BPF local content – IGF 2019                the schedule's title, kept as published
#     Thursday November 28, 2019 09:30 - 11:00    date and times
#     Estrel Saal C                               the room
SCHEDULE_DATE = re.compile(
    r"^[A-Z][a-z]{2,8},? (?P<month>[A-Z][a-z]{2,8}) (?P<day>\d{1,2}), (?P<year>\d{4}) "
    r"(?P<start>\d{1,2}:\d{2}) - (?P<end>\d{1,2}:\d{2})$"
)
# Where the schedule's date may be: below the heading and the schedule's title.
_SCHEDULE_DATE_WITHIN = 3
# A room's name, not a sentence: "Estrel Saal C", "Saal Europa Sonnenallee 225, 12057 Berlin".
_ROOM = re.compile(r"^[^.]{2,120}$")


def read_schedule_block(numbered: list[Line], session: ParsedSession) -> list[Line] | None:
    """Read a page's heading and the schedule's block below it into the session (title, year,
    date, times, room); the page below the block, or None when the page prints no such block."""
    shown = [line for line in numbered if line.text][: _SCHEDULE_DATE_WITHIN + 2]
    at = next(
        (index for index, line in enumerate(shown[1:-1], 1) if SCHEDULE_DATE.match(line.text)),
        None,
    )
    if at is None or at > _SCHEDULE_DATE_WITHIN:
        return None
    when = SCHEDULE_DATE.match(shown[at].text)
    month = month_number_abbreviated(when["month"])
    try:
        date = datetime.date(int(when["year"]), month, int(when["day"])) if month else None
        start, end = clock(when["start"], None), clock(when["end"], None)
    except ValueError:  # "31 November", "25:00": no date or time; the lines stay as published
        return None
    if date is None:
        return None
    session.title, session.title_line = shown[0].text, shown[0].number
    session.unplaced += [line.text for line in shown[1:at]]
    session.date, session.start_time, session.end_time = date, start, end
    session.meeting_year = date.year
    last = shown[at]
    if _ROOM.match(shown[at + 1].text):
        session.room, last = shown[at + 1].text, shown[at + 1]
    return [line for line in numbered if line.number > last.number]


def _without_avatars(lines: list[Line], session: ParsedSession) -> list[Line]:
    """The page below its top, less its people: each under its section's heading, its picture
    ("avatar for Megan Metzger", or the initials "RS" of one without), then the name, then the
    post ("Research Scholar …, Stanford University, …"). Their biographies stay in the text;
    the pictures and headings are furniture."""
    shown = [line for line in lines if line.text]
    headings = [PEOPLE_HEADINGS.get(line.text.casefold(), "") for line in shown]
    pictured = [
        _pictured(line.text, shown[index + 1 : index + 2]) for index, line in enumerate(shown)
    ]
    taken = {line.number for line, heading in zip(shown, headings, strict=True) if heading}
    role = ""
    for index, line in enumerate(shown):
        role = headings[index] or role
        if not role or not pictured[index]:
            continue
        named, _, organization = pictured[index].partition(" (")
        below = index + 2
        opens_a_person = below < len(shown) and (headings[below] or pictured[below])
        post = shown[below] if below < len(shown) and not opens_a_person else None
        session.people.append(
            ParsedPerson(
                name=named,
                role=role,
                line=shown[index + 1].number,
                affiliation=post.text if post else organization.removesuffix(")"),
            )
        )
        session.furniture.append(line.text)
        taken |= {line.number, shown[index + 1].number} | ({post.number} if post else set())
    session.furniture += [
        line.text for line, heading in zip(shown, headings, strict=True) if heading
    ]
    return [line for line in lines if line.number not in taken]


def _pictured(text: str, below: list[Line]) -> str:
    """The name a person's picture stands for, when the line below it prints that name."""
    name = below[0].text if below else ""
    if (avatar := AVATAR.match(text)) and text[avatar.end() :] == name:
        return name
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    return name if INITIALS.match(text) and text == initials and is_name(name) else ""
