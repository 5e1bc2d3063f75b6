"""The IGF's main-session template of 2016-2018, as its pages print it (sessions/importers/
igf_page.py reads the rest of the page):

    IGF 2018 Main Session:                         the title on the next line
    Accessibility and Digital Inclusion
    1. Title, Date, Time, Format and Venue, Facilitators
    Title: …   Date: 14 November 2018   Time: 11:30am - 12:50pm (80 minutes)
    Format: Panel Discussion   Venue: UNESCO HQ / room Salle 1     one a line
    Organisers / Facilitators:                     "● Name, affiliation" bullets
    2. Brief Description/Objective                 the description, to the next numbered heading
"""

import datetime
import re

from .parsed import ParsedSession
from .text import Line, Paragraph, join, month_number, read_times

# The main-session template of 2016-2018 labels its top fields ("1. Title, Date, Time, Format
# and Venue, Facilitators"): "Title: …", "Date: 14 November 2018", "Time: 11:30am - 12:50pm
# (80 minutes)", "Format: Panel Discussion", "Venue: UNESCO HQ / room Salle 1".
TEMPLATE_HEADING = re.compile(r"^\d{1,2}\.\s*Title, Date\b[^.]{0,80}$")
TEMPLATE_FIELD = re.compile(
    r"^(?P<label>Title|Date|Time|Format|Venue|Theme|Sub-?theme(?: description)?):\s*"
    r"(?P<value>\S.*)$",
    re.I,
)
TEMPLATE_DATE = re.compile(
    r"^(?:[A-Z][a-z]{2,8},? )?(?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<month>[A-Z][a-z]{2,8}),? "
    r"(?P<year>\d{4})$"
)
TEMPLATE_TIME = re.compile(
    r"^(?P<start>\d{1,2}:\d{2}) ?(?P<start_half>[ap]m)? ?- ?(?P<end>\d{1,2}:\d{2}) ?"
    r"(?P<end_half>[ap]m)?(?: \((?P<minutes>\d{1,3}) minutes\))?$",
    re.I,
)
# Open forums of 2018 give their time under a "Session Time:" label, the room below it:
# "Monday, 12 November, 2018 - 09:20 to 10:20" / "Salle XI"; the report form's "Date & Time"
# field the same, or "Wednesday, 14 November 2018, 1150-1320".
SESSION_TIME = re.compile(
    r"^[A-Z][a-z]{2,8},? (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8}),? (?P<year>\d{4})(?: -|,) "
    r"(?P<start>\d{1,2}:?\d{2}) ?(?:to|-|–) ?(?P<end>\d{1,2}:?\d{2})$"
)
# A format's name is a few words ("Panel Discussion"); the session's column holds 100 characters.
FORMAT_NAME_LENGTH = 100
# A numbered heading of the template ends the description: "3. Agenda".
TEMPLATE_NEXT_HEADING = re.compile(r"^\d{1,2}\.\s+[A-Z][^.:]{0,80}$")


def read_template_field(match: re.Match, line: Line, session: ParsedSession) -> None:
    """Fill the session from one of the template's "Label: value" lines (TEMPLATE_FIELD)."""
    label, value = match["label"].capitalize(), match["value"].strip()
    if label == "Title" and not session.title:
        session.title, session.title_line = value, line.number
    elif label == "Title" and value == session.title:
        session.furniture.append(line.text)  # the title line's title, labelled again
    elif label == "Format" and len(value) <= FORMAT_NAME_LENGTH:
        session.format = value
    elif label == "Format":
        # "Format: Roundtable work meeting, open to everyone. Session divided into …" (2017):
        # sentences that describe the format, not its name.
        session.format_description = value
    elif label == "Venue":
        session.room = value
    elif label == "Theme":
        session.theme = value
    elif label.startswith("Sub"):
        session.sub_themes.append(value)  # "Sub-theme description: Future of Internet Economy"
    elif label == "Date" and (date := _template_date(value)):
        session.date = date
        session.meeting_year = session.meeting_year or date.year
    elif label == "Time" and (times := TEMPLATE_TIME.match(value)):
        try:
            read_times(times, session)
        except ValueError:  # "25:00" is no time; the line stays as published
            session.unplaced.append(line.text)
    else:
        # The full title under the short one, or a date or time written otherwise.
        session.unplaced.append(line.text)


def _template_date(value: str) -> datetime.date | None:
    match = TEMPLATE_DATE.match(value)
    month = month_number(match["month"]) if match else None
    try:
        return datetime.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:  # "31 November 2018" is no date; the line stays as published
        return None


def read_session_time(body: list[Paragraph], session: ParsedSession) -> None:
    """The date, times and room under a "Session Time:" label; what follows (the page's
    contact block) is kept as published."""
    lines = [line for paragraph in body for line in paragraph.lines]
    match = SESSION_TIME.match(lines[0].text) if lines else None
    date = _template_date(f"{match['day']} {match['month']} {match['year']}") if match else None
    if date is None:
        session.unplaced.extend(line.text for line in lines)
        return
    try:
        start, end = _clock(match["start"]), _clock(match["end"])
    except ValueError:  # "25:00" is no time; the lines stay as published
        session.unplaced.extend(line.text for line in lines)
        return
    session.date, session.meeting_year = date, session.meeting_year or date.year
    session.start_time, session.end_time = start, end
    room, *rest = lines[1:] or [None]
    session.room = room.text if room else session.room
    session.unplaced.extend(line.text for line in rest)


def _clock(text: str) -> datetime.time:
    """ "15:00", or "1150" as the 2018 form writes it."""
    digits = text.replace(":", "")
    return datetime.time(int(digits[:-2]), int(digits[-2:]))


def read_objective(body: list[Paragraph], session: ParsedSession) -> None:
    """The template's description runs to its next numbered heading; what follows (an agenda,
    policy questions, people under headings not read here) is kept as published."""
    end = next(
        (
            index
            for index, paragraph in enumerate(body)
            if len(paragraph.lines) == 1 and TEMPLATE_NEXT_HEADING.match(paragraph.lines[0].text)
        ),
        len(body),
    )
    session.description = join(body[:end])
    session.unplaced.extend(join([paragraph]) for paragraph in body[end:])
