"""Parse an IGF session page in the 2024 layout (format family "igf_page_2024").

A page of this family, as copied from intgovforum.org, reads (lines may be indented):

    Check-in and access this session from the IGF Schedule.    page furniture
    IGF 2024 Open Forum #9 <title>                             title line
    Roundtable                                                 format
    Duration (minutes): 60
    Format description: <text>
    Description
    <description paragraph>
    <online-participation paragraph(s), unlabelled>
    Organizers / Speakers / Onsite Moderator / Online Moderator / Rapporteur / SDGs /
    Key Takeaways (...) / Call to Action (...) / Session Report (...)   labelled sections

The labelled sections may come in any order. Labels are matched case-insensitively, and a
parenthesised deadline note or " - click on ..." instruction after a label is ignored.
"""

import datetime
import re
from typing import NamedTuple

from .parsed import ParsedPerson, ParsedSession, ParsedTakeaway, ParseError

FORMAT_FAMILY = "igf_page_2024"

TITLE_LINE = re.compile(
    r"^IGF\s+(?P<year>\d{4})\s+(?:(?P<type>[^#]+?)\s*#\s*(?P<number>\d+)\s+)?(?P<title>\S.*)$"
)
TITLE_SHAPE = "'IGF <year> <session type> #<number> <title>'"
# Abbreviations spelled out so that every family names a session type the same way.
SESSION_TYPES = {"WS": "Workshop"}
FURNITURE = re.compile(r"^Check-in and access this session from the IGF Schedule\.?$", re.I)
DURATION = re.compile(r"^Duration\s*\(minutes\)\s*:\s*(?P<minutes>\d+)$", re.I)
FORMAT_DESCRIPTION = re.compile(r"^Format description\s*:\s*(?P<text>.*)$", re.I)
# A format is a short name ("Roundtable", "Other - Hybrid"), never a sentence.
FORMAT_NAME = re.compile(r"^[^.:]{1,60}$")

SECTION_LABELS = {
    "description": r"description",
    "organizers": r"organi[sz]ers?",
    "speakers": r"speakers?",
    "onsite_moderator": r"on-?site moderators?",
    "online_moderator": r"online moderators?",
    "moderator": r"moderators?",
    "rapporteur": r"rapporteurs?",
    "sdgs": r"sdgs?",
    "key_takeaway": r"key takeaways?",
    "call_to_action": r"calls? to action",
    "report": r"session report",
}
SECTION_HEADINGS = {
    key: re.compile(rf"^{label}\s*:?\s*(?:\([^)]*\))?\s*(?:-\s.*)?$", re.I)
    for key, label in SECTION_LABELS.items()
}
PERSON_SECTIONS = ("speakers", "onsite_moderator", "moderator", "online_moderator", "rapporteur")
TBD_FLAG = re.compile(r"\s*\(TBD\)$", re.I)

# "7. Affordable and Clean Energy" names a goal; "7.a" or "8.2" names a target.
SDG_GOAL = re.compile(r"^(?P<goal>\d{1,2})\.\s+[^.]{1,60}$")
SDG_TARGET = re.compile(r"^\d{1,2}\.(?:\d{1,2}|[a-z])$", re.I)

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# The report states the day only ("On December 19, ..."); the year comes from the title line.
REPORT_DATE = re.compile(
    r"^On\s+(?:(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month_after>[A-Za-z]+))\b"
)


# People the report names in a role: "moderated by Zhang Fang, Associate Professor at …" and
# "keynote speeches from …, including Gong Ke, former President …; Su Jun, Dean …; and …".
REPORT_MODERATOR = re.compile(r"\bmoderated by (?P<item>[^.;]+)")
REPORT_PRESENTERS = re.compile(
    r"\b(?:speeches|presentations|remarks) from [^.]*?including (?P<list>.+)"
)
PERSON_NAME = re.compile(r"^(?:[A-Z][\w’'-]*\.?\s){1,3}[A-Z][\w’'-]*$")


class Line(NamedTuple):
    number: int  # 1-based, as an editor counts
    text: str  # stripped of indentation and trailing whitespace


Paragraph = list[Line]


def parse(text: str) -> ParsedSession:
    """Read one 2024 IGF session page; raise ParseError when it has no title or no people."""
    lines = _lines(text)
    if not any(line.text for line in lines):
        raise ParseError(1, "empty document")
    preamble, sections = _split_sections(lines)
    session = ParsedSession(format_family=FORMAT_FAMILY, meeting_kind="igf", meeting_year=None)
    leftovers = _read_preamble(preamble, session, _first_content_line(lines))
    if "organizers" not in sections and "speakers" not in sections:
        raise ParseError(session.title_line, "no 'Organizers' or 'Speakers' section")

    if "description" in sections:
        session.unplaced.extend(_join([paragraph]) for paragraph in leftovers)
        _read_description(sections["description"], session)
    else:
        # Without its label the description follows the format block directly.
        _read_description(leftovers, session)
    session.organizers = [line.text for line in _flat(sections.get("organizers", []))]
    for key in PERSON_SECTIONS:
        role = _section_role(key, sections)
        session.people.extend(_person(line, role) for line in _flat(sections.get(key, [])))
    _read_sdgs(sections.get("sdgs", []), session)
    for kind in ("key_takeaway", "call_to_action"):
        session.takeaways.extend(
            ParsedTakeaway(kind=kind, text=line.text, line=line.number)
            for line in _flat(sections.get(kind, []))
        )
    session.report = _join(sections.get("report", []))
    session.date = _report_date(session.report, session.meeting_year)
    session.people.extend(_report_people(sections.get("report", [])))
    return session


def _lines(text: str) -> list[Line]:
    text = text.strip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [Line(number, raw.strip()) for number, raw in enumerate(text.split("\n"), start=1)]


def _first_content_line(lines: list[Line]) -> int:
    """Where a title line was expected: the first line that is neither blank nor furniture."""
    return next((line.number for line in lines if line.text and not _is_furniture(line)), 1)


def _is_furniture(line: Line) -> bool:
    return bool(FURNITURE.match(line.text))


def _section_key(text: str) -> str | None:
    return next((key for key, rx in SECTION_HEADINGS.items() if rx.match(text)), None)


def _split_sections(lines: list[Line]) -> tuple[list[Line], dict[str, list[Paragraph]]]:
    """Cut the page at its section labels; a label given twice collects both bodies."""
    preamble: list[Line] = []
    bodies: list[tuple[str, list[Line]]] = []
    current = preamble
    for line in lines:
        key = _section_key(line.text)
        if key is None:
            current.append(line)
        else:
            current = []
            bodies.append((key, current))
    sections: dict[str, list[Paragraph]] = {}
    for key, body in bodies:
        sections.setdefault(key, []).extend(_paragraphs(body))
    return preamble, sections


def _paragraphs(lines: list[Line]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    current: Paragraph = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _flat(paragraphs: list[Paragraph]) -> list[Line]:
    return [line for paragraph in paragraphs for line in paragraph]


def _join(paragraphs: list[Paragraph]) -> str:
    """Lines of a paragraph keep their line breaks; paragraphs are separated by a blank line."""
    return "\n\n".join("\n".join(line.text for line in paragraph) for paragraph in paragraphs)


def _read_preamble(lines: list[Line], session: ParsedSession, expected_at: int) -> list[Paragraph]:
    """Read furniture, the title line and the format block; return the paragraphs left over."""
    after_title: list[Line] = []
    for line in lines:
        if not line.text:
            after_title.append(line)
        elif _is_furniture(line):
            session.furniture.append(line.text)
        elif session.title_line is None and (match := TITLE_LINE.match(line.text)):
            _read_title(match, line, session)
        elif session.title_line is None:
            session.unplaced.append(line.text)
        else:
            after_title.append(line)
    if session.title_line is None:
        raise ParseError(expected_at, f"no title line {TITLE_SHAPE} before the first section")
    return _read_format_block(_paragraphs(after_title), session)


def _read_title(match: re.Match, line: Line, session: ParsedSession) -> None:
    session.meeting_year = int(match["year"])
    session.session_type = SESSION_TYPES.get(match["type"], match["type"] or "")
    session.number = int(match["number"]) if match["number"] else None
    session.title = match["title"]
    session.title_line = line.number


def _read_format_block(paragraphs: list[Paragraph], session: ParsedSession) -> list[Paragraph]:
    leftovers: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        rest: Paragraph = []
        for position, line in enumerate(paragraph):
            is_first_line = index == 0 and position == 0
            if match := DURATION.match(line.text):
                session.duration_minutes = int(match["minutes"])
            elif match := FORMAT_DESCRIPTION.match(line.text):
                session.format_description = match["text"]
            elif is_first_line and FORMAT_NAME.match(line.text):
                session.format = line.text
            else:
                rest.append(line)
        if rest:
            leftovers.append(rest)
    return leftovers


def _read_description(paragraphs: list[Paragraph], session: ParsedSession) -> None:
    # The page prints the online-participation answer, unlabelled, right after the description:
    # the first paragraph is the description, any further ones the online-participation plan.
    session.description = _join(paragraphs[:1])
    session.online_participation = _join(paragraphs[1:])


def _section_role(key: str, sections: dict[str, list[Paragraph]]) -> str:
    if key == "speakers":
        return "speaker"
    # A plain "Moderator" beside an "Online Moderator" can only be the onsite one; alone it
    # does not say which, so its people keep role "moderator".
    if key == "moderator" and "online_moderator" in sections:
        return "onsite_moderator"
    return key


def _person(line: Line, role: str) -> ParsedPerson:
    """'LONG Kai,Deputy Director, ..., Cyberspace Administration of China,' splits at the first
    comma into name and affiliation; a trailing comma and a '(TBD)' flag are not kept."""
    name, _, affiliation = line.text.partition(",")
    name = name.strip()
    is_tbd = bool(TBD_FLAG.search(name))
    return ParsedPerson(
        name=TBD_FLAG.sub("", name),
        role=role,
        line=line.number,
        affiliation=affiliation.strip().removesuffix(",").rstrip(),
        is_tbd=is_tbd,
    )


def _read_sdgs(paragraphs: list[Paragraph], session: ParsedSession) -> None:
    rationale: list[Paragraph] = []
    for paragraph in paragraphs:
        rest: Paragraph = []
        for line in paragraph:
            goal = SDG_GOAL.match(line.text)
            if goal and 1 <= int(goal["goal"]) <= 17:
                session.sdg_goals.append(int(goal["goal"]))
            elif SDG_TARGET.match(line.text):
                session.sdg_targets.append(line.text)
            else:
                rest.append(line)
        if rest:
            rationale.append(rest)
    # Kept verbatim, "Targets: " prefix included: it is part of the published text.
    session.sdg_rationale = _join(rationale)


def _report_date(report: str, year: int | None) -> datetime.date | None:
    match = REPORT_DATE.match(report)
    if match is None or year is None:
        return None
    month_name = (match["month"] or match["month_after"]).lower()
    if month_name not in MONTHS:
        return None
    day = int(match["day"] or match["day_first"])
    try:
        return datetime.date(year, MONTHS.index(month_name) + 1, day)
    except ValueError:  # "On February 30" is no date; the words stay in the report
        return None


def _report_people(paragraphs: list[Paragraph]) -> list[ParsedPerson]:
    """People the report names as moderator or presenters, each "Name, affiliation"."""
    people = []
    for line in _flat(paragraphs):
        for match in REPORT_MODERATOR.finditer(line.text):
            people.extend(_named_person(match["item"], "moderator", line.number))
        for match in REPORT_PRESENTERS.finditer(line.text):
            for item in match["list"].split(";"):
                item = re.sub(r"^\s*and\s+", "", item).strip().rstrip(".")
                people.extend(_named_person(item, "presenter", line.number))
    return people


def _named_person(item: str, role: str, number: int) -> list[ParsedPerson]:
    name, _, affiliation = item.strip().partition(",")
    name = name.strip()
    if not PERSON_NAME.match(name):
        return []
    return [ParsedPerson(name=name, role=role, line=number, affiliation=affiliation.strip())]
