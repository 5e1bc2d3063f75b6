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
TEMPLATE_FIELD = re.compile(r"^(?P<label>Title|Date|Time|Format|Venue):\s*(?P<value>\S.*)$")
TEMPLATE_DATE = re.compile(
    r"^(?:[A-Z][a-z]{2,8},? )?(?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<month>[A-Z][a-z]{2,8}),? "
    r"(?P<year>\d{4})$"
)
TEMPLATE_TIME = re.compile(
    r"^(?P<start>\d{1,2}:\d{2}) ?(?P<start_half>[ap]m)? ?- ?(?P<end>\d{1,2}:\d{2}) ?"
    r"(?P<end_half>[ap]m)?(?: \((?P<minutes>\d{1,3}) minutes\))?$",
    re.I,
)
# A numbered heading of the template ends the description: "3. Agenda".
TEMPLATE_NEXT_HEADING = re.compile(r"^\d{1,2}\.\s+[A-Z][^.:]{0,80}$")


def read_template_field(match: re.Match, line: Line, session: ParsedSession) -> None:
    """Fill the session from one of the template's "Label: value" lines (TEMPLATE_FIELD)."""
    label, value = match["label"], match["value"].strip()
    if label == "Title" and not session.title:
        session.title, session.title_line = value, line.number
    elif label == "Title" and value == session.title:
        session.furniture.append(line.text)  # the title line's title, labelled again
    elif label == "Format":
        session.format = value
    elif label == "Venue":
        session.room = value
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
