"""Parse a WSIS Forum session's page on ITU's agenda site (format family "wsis_agenda_page",
itu.int/net4/wsis/forum/<year>/Agenda/Session/<number>, 2017 onwards).

    Moderated High-Level Policy Session 7
    Session 396
    16:45–17:30, Tuesday, 13 June 2017 Popov Room, ITU Tower Captioning Interpretation:
    E/F/R/S/C/A High-Level Policy Session
    Theme: Bridging Digital Divides
    High-Level Track Facilitator: Dr. Habib Kammoun, Chairperson of the IEEE Tunisia Section …
      1. Chairman of WSIS Forum
      2. WSIS Action Line Facilitator ITU – Mr. Reinhard Scholl, Deputy Director, …

The title comes first, then (from 2025 above a line "WSIS") the session's number, and one line
of facts run together: the time and day ("Wednesday, 9 July 2025 11:30–12:00 (UTC+02:00)" from
2025), the way to take part, the room, captioning and interpretation, and the session's type
("High-Level Policy Session", "Leaders TalkX"), sometimes with a count of documents.

The people: the high-level track facilitator moderates. Until 2024 the speakers are a numbered
list, "<country or organization> – <title> <name>, <position>"; an item without a name
("Chairman of WSIS Forum") is a seat, kept unread. From 2023 a "Panellists" heading (lost in
some copies) lists each person twice, their name alone then with their position and role
("Prof. Lucien CASTEX Advisor to the CEO, … AFNIC High-Level Track Facilitator Moderator"),
then a biography.

The forum's site of 2010 prints a banner ("Image of a World Map Home - WSIS Forum 2010"), the
session's type, its title and its day and times ("Monday 10 May 2010, 10:30-12:00"), then its
people after their roles' labels ("Interactive Moderator: Mr Adrian Finnegan, ex CNN") and on
bullets ("• H.E. Janis Karklins, Former President of …").
"""

import datetime
import re

from .names import (
    HONORIFIC_PERSON,
    TITLE,
    is_name,
    reads_as_person,
    where_from,
    without_honorifics,
)
from .parsed import ParsedPerson, ParsedSession, ParseError
from .text import month_number, with_paragraph

SESSION_NUMBER = re.compile(r"^Session (?P<number>\d{1,5})$")
# The page as its session's report replaced it (2024): "WSIS Action Line C7 E-health: Summary
# Report" above the organizers and the number; the date is gone.
SUMMARY_REPORT = re.compile(r"[^\n]{3,200}(?P<report>: Summary Report)[ \t]{0,8}$")
# "16:45–17:30, Tuesday, 13 June 2017 <rest>", "Wednesday, 9 July 2025 11:30–12:00 (UTC+02:00)
# <rest>", "Monday 10 May 2010, 10:30-12:00".
_TIME = r"(?P<{0}start>\d{{1,2}}:\d{{2}}) ?[–-] ?(?P<{0}end>\d{{1,2}}:\d{{2}})"
FACTS = re.compile(
    rf"^(?:{_TIME.format('')},? )?(?:[A-Z][a-z]{{2,8}},? )?(?P<day>\d{{1,2}}) "
    rf"(?P<month>[A-Z][a-z]{{2,8}}) (?P<year>\d{{4}})(?:,? {_TIME.format('later_')})?"
    r"(?: \((?P<zone>UTC[+−-]\d{1,2}(?::\d{2})?)\))?(?: (?P<rest>.{1,600}))?$"
)
# "Physical (on-site) and Virtual (remote) participation".
_TAKING_PART = re.compile(
    r"^(?:Physical|Virtual) \([^()]{1,20}\)(?: and (?:Physical|Virtual) \([^()]{1,20}\))? "
    r"participation "
)
# What follows the room: captioning and interpretation ("Captioning Interpretation: E/F/R/S").
_SERVICES = re.compile(r" ?\b(?:Real-time captioning|Captioning|Interpretation:)")
_DOCUMENTS = re.compile(r" ?\b\d{1,3} {1,2}Documents?$")
# The session types of the WSIS Forum's agenda, which end the line.
_TYPE = re.compile(
    r"(?:^| )(?P<type>High-Level Policy Session|Leaders TalkX|Interactive Session|Thematic "
    r"Workshop|Country Workshop|Action Line Facilitation Meeting|Ministerial Round ?Table|"
    r"Special Session|Side Event|Knowledge Café|Hackathon|Opening Ceremony|Closing Ceremony)$",
    re.I,
)
FACILITATOR = re.compile(r"^High-Level Track Facilitator: (?P<person>.{3,600})$")
# The forum's site of 2010: its banner's alternative text and link, then the session's type and
# its title; the decorations before its headings ("image: squares decoration Description"),
# the organizer ("Organised by WHO"), and the programme's talks ("WHO's Global e-Health
# Survey, Misha Kay, WHO": the talk, its speaker, their organization).
SITE_BANNER = re.compile(r"^(?:Image of [^\n]{1,60} )?Home - WSIS Forum (?P<year>\d{4})$")
_DECORATION = re.compile(r"^image: [a-z ]{1,40}decoration ?(?P<heading>.{0,200})$")
_ORGANISED_BY = re.compile(r"^Organi[sz]ed by (?P<organizers>\S.{1,300})$")
_ROOM_ALONE = re.compile(r"^Room [\w-]{1,20}$")
_TALK = re.compile(r"^(?P<talk>[^,]{3,200}), (?P<name>[^,]{3,60}), (?P<organization>[^,]{2,100})$")
# "Interactive Moderator: Mr Adrian Finnegan, ex CNN", "Introductory Remarks: Mr Sami …" (2010).
_ROLE_LABEL = re.compile(
    r"^(?P<label>(?:Interactive |Session )?(?:Moderator|Chair(?:man|person)?)|Introductory "
    r"Remarks|Keynote(?: Speaker| Address)?|Opening Remarks|Speakers?|Panell?ists?): "
    r"(?P<person>.{3,600})$"
)
ITEM = re.compile(r"^\d{1,3}\. {1,3}(?P<item>.{1,600})$")
_SEAT_AND_PERSON = re.compile(r"^(?P<seat>.{1,200}?) [–—-] (?P<person>.{3,400})$")
# "1. Mr Ban Ki-Moon, UN Secretary-General (Video Message)", "3. Visionary Speech: H.E. Mr
# Majed El Mesmar, …" (2016): a titled person without a seat, after a part's name or not.
_TITLED_ITEM = re.compile(rf"^(?:[^:]{{1,60}}: )?(?P<person>{TITLE}\.? .{{3,400}})$")
# "WSIS Forum 2016 Official Opening Ceremony": a title that names the meeting's year, which a
# page without its line of facts (2016) gives no other way.
TITLE_YEAR = re.compile(r"^WSIS Forum (?P<year>\d{4}) (?=\w)")
PANEL_HEADINGS = {"panellists", "panelists", "speakers", "moderators", "speakers / panellists"}
# "• Carlos Alberto Afonso, Brazilian Internet Steering Committee" under the panel's heading,
# "(remote)" at the end of some.
BULLET = re.compile(r"^[•●▪*] {1,3}(?P<person>.{3,600})$")
_ROLE_AT_END = re.compile(
    r" ?(?:High-Level Track Facilitator )?(?P<role>Moderator|Speaker|Panell?ist)$"
)
THEME = re.compile(r"^Theme: (?P<theme>.{1,300})$")
_ROLE_LINES = {"moderator": "moderator", "speaker": "speaker", "panellist": "speaker"}
# What follows the panel on the page: its action lines ("WSIS Action Lines" / "-" / "C1. …").
_PANEL_ENDS = re.compile(r"^(?:WSIS Action Lines|Sustainable Development Goals|-)$")
_FURNITURE = re.compile(r"^(?:WSIS|\d{1,3} {1,2}Documents?|Share on:.{0,80})$")
_PARAGRAPH = 200  # a line this long is prose, not a fact or a name


def parse(text: str) -> ParsedSession:
    session = ParsedSession(
        format_family="wsis_agenda_page", meeting_kind="wsis", meeting_year=None
    )
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line]
    # In the panel (below its heading; a list of bullets ends at its last), and the line read
    # with the one above it (a panellist's name repeated with their position, a room).
    panel, read_with_above, site_2010 = "", None, False
    heading = None  # on the 2010 site, the first decoration's: the title where no line holds it
    for index, (number, line) in enumerate(lines):
        if panel == "bullets" and not BULLET.match(line):
            panel = ""
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if banner := SITE_BANNER.match(line):
            session.furniture.append(line)
            session.meeting_year, site_2010 = int(banner["year"]), True
        elif site_2010 and (decoration := _DECORATION.match(line)):
            session.furniture.append(line)
            heading = heading or (decoration["heading"], number)
        elif site_2010 and not session.session_type and _above_the_text(line, session):
            session.session_type = line  # "High Level Plenary Session", "Action Line IFM"
        elif site_2010 and (organised := _ORGANISED_BY.match(line)):
            session.organizers.append(organised["organizers"])
        elif site_2010 and (talk := _TALK.match(line)) and reads_as_person(talk["name"]):
            session.people.append(
                ParsedPerson(talk["name"], "speaker", number, affiliation=talk["organization"])
            )
        elif session.title_line is None and (not site_2010 or _above_the_text(line, session)):
            report = SUMMARY_REPORT.match(line)
            session.title = line[: report.start("report")] if report else line
            session.title_line = number
        elif line is read_with_above:
            continue  # read with the name or the day above it
        elif _FURNITURE.match(line):
            session.furniture.append(line)
        elif match := SESSION_NUMBER.match(line):
            session.number = int(match["number"])
        elif session.date is None and (facts := FACTS.match(line)) and _read_facts(facts, session):
            if site_2010 and _ROOM_ALONE.match(following):
                session.room = read_with_above = following  # "Room L", under the day
        elif theme := THEME.match(line):
            session.theme = theme["theme"]
        elif (
            listed := FACILITATOR.match(line) or _ROLE_LABEL.match(line) or ITEM.match(line)
        ) and (person := _listed(listed, number)):
            session.people.append(person)
        elif line.casefold() in PANEL_HEADINGS:
            panel = "heading"
        elif (
            (bullet := BULLET.match(line))
            and (panel or HONORIFIC_PERSON.match(bullet["person"]))
            and (person := _bulleted(bullet, number))
        ):
            # Under the panel's heading, or a titled person under any ("Opening Ceremony
            # (Statements):" / "• Mr Antonio Guterres, UN Secretary-General", 2017).
            session.people.append(person)
            panel = "bullets"
        elif _repeated_below(line, following, panel):
            session.people.append(_panellist(line, following, number))
            read_with_above = following
        elif panel and (stacked := _stacked_name(line, number)):
            session.people.append(stacked)
            panel = "stacked"
        elif panel == "stacked" and _PANEL_ENDS.match(line):
            panel = ""
            session.unplaced.append(line)
        elif panel == "stacked" and (role := _ROLE_LINES.get(line.casefold())):
            session.people[-1].role = role
        elif panel == "stacked" and len(line) < _PARAGRAPH:
            above = session.people[-1]
            above.affiliation = ", ".join(filter(None, [above.affiliation, line]))
        elif len(line) >= _PARAGRAPH and not panel:
            session.description = with_paragraph(session.description, line)
        else:
            session.unplaced.append(line)
    if session.title_line is None and heading:
        session.title, session.title_line = heading  # "EXECUTIVE BRIEFING: WSIS FORUM 2010"
    if session.meeting_year is None and (named := TITLE_YEAR.match(session.title)):
        session.meeting_year = int(named["year"])
        if session.number is None and not session.people:
            # "WSIS Forum 2019", then the forum described: the meeting's page, no session's.
            raise ParseError(session.title_line, "not one session's page: no number or people")
    if session.meeting_year is None:
        session.missing.append((1, "no day ('Tuesday, 13 June 2017') dates the session"))
    return session


def _above_the_text(line: str, session: ParsedSession) -> bool:
    """Whether a line of the 2010 site can be its type or title: short, above the text."""
    return not session.description and len(line) < _PARAGRAPH


def _repeated_below(line: str, following: str, panel: str) -> bool:
    """A panellist's name alone, repeated below with their position: under the panel's heading,
    or, where the copy lost it (2023), after the title the name opens with ("Mr. Tomas
    Lamanauskas")."""
    name = without_honorifics(line)
    return bool(panel or name != line) and following.startswith(f"{line} ") and is_name(name)


def _stacked_name(line: str, number: int) -> ParsedPerson | None:
    """A panellist's titled name alone, their position and organization on the lines below it
    and their role last (2024: "Mr. Vladimir Stankovic" / "Programme Officer" / "International
    Telecommunication Union (ITU)" / "Moderator"); None for any other line."""
    name = without_honorifics(line)
    if name == line or not is_name(name):
        return None
    return ParsedPerson(name=name, role="speaker", line=number)


def _read_facts(facts: re.Match, session: ParsedSession) -> bool:
    """The day, times, time zone, room and type run together on the line under the number."""
    try:
        session.date = datetime.date(
            int(facts["year"]), month_number(facts["month"]) or 0, int(facts["day"])
        )
    except ValueError:
        return False
    session.meeting_year = session.date.year
    start, end = facts["start"] or facts["later_start"], facts["end"] or facts["later_end"]
    if start:
        session.start_time = datetime.time.fromisoformat(start.zfill(5))
        session.end_time = datetime.time.fromisoformat(end.zfill(5))
    session.time_zone = (facts["zone"] or "").replace("−", "-")
    rest = _DOCUMENTS.sub("", _TAKING_PART.sub("", facts["rest"] or ""))
    if typed := _TYPE.search(rest):
        session.session_type, rest = typed["type"], rest[: typed.start()]
    session.room = _SERVICES.split(rest, maxsplit=1)[0].strip()
    return True


def _listed(listed: re.Match, number: int) -> ParsedPerson | None:
    """The facilitator, "<title> <name>, <position>", one after their role's label (2010), or a
    numbered speaker, "<seat> – <title> <name>, <position>"; None for a seat alone ("Chairman
    of WSIS Forum")."""
    if "person" in listed.groupdict():
        label = listed.groupdict().get("label") or "Facilitator"
        moderates = re.search(r"Facilitator|Moderator|Chair", label)
        return _person(listed["person"], "moderator" if moderates else "speaker", number)
    if titled := _TITLED_ITEM.match(listed["item"]):
        return _person(titled["person"], "speaker", number)
    if not (item := _SEAT_AND_PERSON.match(listed["item"])):
        return None
    if person := _person(item["person"], "speaker", number):
        person.affiliation = ", ".join(filter(None, [person.affiliation, item["seat"]]))
    return person


def _bulleted(bullet: re.Match, number: int) -> ParsedPerson | None:
    text, remote = where_from(bullet["person"])
    if person := _person(text, "speaker", number):
        person.is_remote = remote
    return person


def _person(text: str, role: str, number: int) -> ParsedPerson | None:
    name, _, position = text.partition(",")
    name = without_honorifics(name.strip())
    if not is_name(name):
        return None
    return ParsedPerson(name=name, role=role, line=number, affiliation=position.strip())


def _panellist(name_line: str, described: str, number: int) -> ParsedPerson:
    """A panellist from their name alone and the line that repeats it with their position."""
    rest = described[len(name_line) :].strip()
    role = "speaker"
    if ended := _ROLE_AT_END.search(rest):
        role = "moderator" if ended["role"] == "Moderator" else "speaker"
        rest = rest[: ended.start()].strip()
    return ParsedPerson(
        name=without_honorifics(name_line), role=role, line=number, affiliation=rest
    )
