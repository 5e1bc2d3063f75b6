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

Session pages of 2021-2023 (main sessions, Day 0 events, networking sessions) share the
title line, then print a date line and the room, the themes, and often lose the headings of
their organizers and speakers: an organizing organization on a line of its own above a line
of organizers ("Name, Organization, stakeholder, region - Name, ..."), and the speakers run
together in one paragraph, each closed by an "[email protected]" placeholder. Best practice
forums print their title alone above the date line ("BPF on Cybersecurity"), which gives the
year. A page whose copy stops before its people (most real copies are the top of a page) is
still a session page.
"""

import datetime
import re

from .first_site import read_first_site_top
from .igf_page_agenda import agenda_people, report_people
from .igf_page_compact import read_compact
from .igf_page_people import (
    honorific_speakers,
    labelled_records,
    numbered_records,
    role_line_person,
    speakers_after_moderators,
)
from .igf_page_proposal import proposal_people
from .igf_page_records import people_of_line
from .igf_page_report_form import read_report_form
from .igf_page_sched import read_sched_top, read_schedule_block
from .igf_page_sections import (
    PERSON_SECTIONS,
    after_people,
    moderator_slots,
    move_goal_lines,
    role_inference,
    section_role,
    split_sections,
)
from .igf_page_template import (
    TEMPLATE_FIELD,
    TEMPLATE_HEADING,
    read_objective,
    read_session_time,
    read_template_field,
)
from .igf_page_topics import topic_speakers
from .igf_page_unlabelled import (
    join_dashed_records,
    labelled_panel,
    listed_people,
    numbered_people,
    read_grouped_people,
    read_heading_less,
    read_names_alone,
    read_numbered_people,
    read_organizers,
)
from .parsed import ParsedSession, ParsedTakeaway, ParseError
from .text import (
    DATE_LINE,
    DAY_LINE,
    DURATION,
    FURNITURE,
    Line,
    Paragraph,
    first_content_line,
    flat,
    is_short_line,
    join,
    month_number,
    numbered_lines,
    read_date_line,
    read_day_line,
    sdg_line,
    split_paragraphs,
    take_room,
)
from .titles import (
    BARE_TITLE_LINE,
    TITLE_LINE,
    read_bare_title,
    read_title,
    read_title_text,
    refuse_a_listing,
    type_from_title,
)

FORMAT_FAMILY = "igf_page_2024"

TITLE_SHAPE = "'IGF <year> <session type> #<number> <title>'"
FORMAT_DESCRIPTION = re.compile(r"^Format description\s*:\s*(?P<text>(?:\S.*)?)$", re.I)
# "Panel - Auditorium - 90 Min" (2017-2022): the format and the minutes on one line, after
# their label on a 2017 proposal page ("Session Format: Debate - 60 Min").
FORMAT_LINE = re.compile(
    r"^(?:Session Format:\s*)?(?P<format>[^\n]*?\S)\s*-\s*(?P<minutes>\d{1,5})\s*Min(?:utes)?\.?$",
    re.I,
)
# A format is a short name ("Roundtable", "Other - Hybrid"), never a sentence, nor the label
# "Short Title" that opens a 2017 proposal page's block.
FORMAT_NAME = re.compile(r"^(?!Short Title\b)[^.:]{1,60}$")

# The report states the day only ("On December 19, ..."); the year comes from the title line.
REPORT_DATE = re.compile(
    r"^On\s+(?:(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month_after>[A-Za-z]+))\b"
)


# The labels of a 2020-2021 page's date line and room, each on a line of its own above them.
LAYOUT_LABEL = re.compile(r"^(?:Time|Room)$")
SUB_THEME_LABEL = re.compile(r"^Sub-?theme(?: description)?:\s?", re.I)


def parse(text: str) -> ParsedSession:
    """Read one IGF session page. A page without its title line is read all the same, with
    the reason in `missing`; one with nothing that tells a session (number, date, section,
    people) is no session's page: ParseError."""
    numbered = numbered_lines(text)
    if not any(line.text for line in numbered):
        raise ParseError(1, "empty document")
    refuse_a_listing(numbered)
    session = ParsedSession(format_family=FORMAT_FAMILY, meeting_kind="igf", meeting_year=None)
    below_top = read_sched_top(numbered, session)
    first_site = below_top is None
    if first_site:
        below_top = read_first_site_top(numbered, session)
    if below_top is not None:
        numbered = below_top
    elif (below_block := read_schedule_block(numbered, session)) is not None:
        numbered = below_block  # the rest is an ordinary page's (2019)
    numbered = take_room(numbered, session)
    numbered = read_report_form(numbered, session)
    preamble, sections = split_sections(numbered)
    leftovers, dated = _read_preamble(preamble, session, first_content_line(numbered))
    leftovers += sections.pop("about", [])
    leftovers += _read_format_block(sections.pop("format", []), session)[0]
    leftovers = read_compact(leftovers, session)
    move_goal_lines(sections, leftovers)
    session.unplaced.extend(join([paragraph]) for paragraph in after_people(sections))
    _read_duration(sections, session)
    if issues := [line.text for line in flat(sections.pop("issues", []))]:
        session.theme, *rest = issues
        session.sub_themes = [SUB_THEME_LABEL.sub("", text) for text in rest]

    if "description" in sections:
        session.unplaced.extend(join([paragraph]) for paragraph in leftovers)
        _read_description(sections["description"], session)
    elif "objective" in sections:
        session.unplaced.extend(join([paragraph]) for paragraph in leftovers)
        read_objective(sections["objective"], session)
    elif dated:
        # A page dated at its top (2021-2023, or before 2017) prints no online-participation
        # answer here: after the first paragraph come agendas and notes the session has no
        # field for.
        session.description = join(leftovers[:1])
        rest, speakers, organizers = honorific_speakers(leftovers[1:])
        rest, listed = speakers_after_moderators(rest, session.people)
        session.organizers += organizers
        speakers += listed
        session.unplaced.extend(join([paragraph]) for paragraph in rest)
        session.people.extend(agenda_people(flat(rest)) + speakers)
    else:
        # Without its label the description follows the format block directly; a proposal
        # page (2017-2018) prints its people there instead, and the rest (a short title, an
        # agenda, a line of people that cannot be told apart) fits no field.
        leftovers, listed = listed_people(leftovers)
        leftovers, panel = labelled_panel(leftovers)
        leftovers, proposed = proposal_people(leftovers)
        session.people.extend(proposed + listed + panel)
        if proposed:
            session.unplaced.extend(join([paragraph]) for paragraph in leftovers)
        elif below_top is not None:
            # The schedule site and the first sites print the session's text whole, no
            # online-participation answer, but their people's lines: an agenda on a first site,
            # "Speaker: Name, affiliation" on the schedule site.
            session.description = join(leftovers)
            listed = agenda_people(flat(leftovers)) if first_site else proposal_people(leftovers)[1]
            session.people.extend(listed)
        else:
            # Speakers listed by their titles, each in a paragraph, may follow the description
            # (2023), the organizing organizations above them.
            rest, speakers, organizers = honorific_speakers(leftovers[1:])
            _read_description(leftovers[:1] + rest, session)
            session.organizers += organizers
            session.people.extend(agenda_people(flat(leftovers[:1] + rest)) + speakers)
    read_organizers(flat(sections.get("organizers", [])), session)
    for key in PERSON_SECTIONS:
        role = section_role(key, sections)
        for paragraph_role, paragraph in moderator_slots(key, role, sections):
            inferred_by = role_inference(key, role, paragraph_role)
            for line, labelled in labelled_records(paragraph.lines):
                if labelled is None:
                    labelled = people_of_line(line, paragraph_role, inferred_by, session)
                session.people.extend(labelled)
    _read_sdgs(sections.get("sdgs", []), session)
    for kind in ("key_takeaway", "call_to_action"):
        session.takeaways.extend(
            ParsedTakeaway(kind=kind, text=line.text, line=line.number)
            for line in flat(sections.get(kind, []))
        )
    session.report = join(sections.get("report", [])) or session.report  # or the form's
    if session.date is None:
        session.date = _report_date(session.report, session.meeting_year)
        if session.date is not None:
            session.inferred["date"] = "date_from_report"
    session.people.extend(report_people(sections.get("report", [])))
    if "session_time" in sections:
        read_session_time(sections["session_time"], session)
    if "agenda" in sections:
        session.agenda = join(sections["agenda"])
        session.people.extend(agenda_people(flat(sections["agenda"]), labelled=True))
    session.people.extend(topic_speakers(numbered))
    # "… - 90 Min"; a room under its label (2018)
    told = session.number or session.date or session.duration_minutes or session.room
    if not (told or sections or session.people or session.missing):
        # "IGF 2019 Daily 1" (a newsletter of many sessions): a title line and prose.
        raise ParseError(
            session.title_line,
            "not one session's page: no session number, date, labelled section or people",
        )
    return session


def _read_duration(sections: dict[str, list[Paragraph]], session: ParsedSession) -> None:
    """A "Duration (minutes)" label alone: its value, when the copy kept it, then what the
    copy printed under it, the description, whose own label the copy lost."""
    minutes, *rest = sections.pop("duration", []) or [None]
    if minutes is not None and join([minutes]).isdigit() and len(join([minutes])) <= 4:
        session.duration_minutes = int(join([minutes]))
    elif minutes is not None:
        rest.insert(0, minutes)
    if rest and "description" in sections:
        session.unplaced.extend(join([paragraph]) for paragraph in rest)
    elif rest:
        sections["description"] = rest


def _read_preamble(
    preamble: list[Line], session: ParsedSession, expected_at: int
) -> tuple[list[Paragraph], bool]:
    """Read furniture, the title line and the format block, or the date line and what follows
    it (the 2021-2023 layout); the paragraphs left over, and whether the top dated the session
    (that date line, or a day line before 2017: "IGF Day 4: Friday, 9 December 2016, …")."""
    after_title: list[Line] = []
    above_title: list[Line] = []
    titled_above_date = _title_above_date_line(preamble)
    for line in preamble:
        if not line.text:
            after_title.append(line)
        elif _furniture(line.text):
            session.furniture.append(line.text)
        elif line is titled_above_date:
            session.title, session.title_line = line.text, line.number
            type_from_title(session)
        elif session.title_line is None and (match := BARE_TITLE_LINE.match(line.text)):
            read_bare_title(match, line, session)  # "IGF 2017 WS #256", the title below it
        elif _above_any_title(line, session) and (match := TITLE_LINE.match(line.text)):
            # The page's title line, above the report form's "Title:" (2018), is its title.
            session.unplaced += [session.title] if session.title else []
            read_title(match, line, session)
        elif session.title_line is not None and not session.title:
            read_title_text(line, session)  # below "IGF 2017 WS #256" or "IGF 2018 Main Session:"
        elif session.title_line is None:
            above_title.append(line)
        else:
            after_title.append(line)
    if session.title_line is not None:
        session.unplaced += [line.text for line in above_title]
    else:
        # A page whose copy lost its title line ("Session" above its organizers, 2024) is
        # read all the same; it waits for an editor to give the title.
        after_title = sorted(above_title + after_title, key=lambda line: line.number)
        # The title line holds the meeting's year and the title: the page waits for an editor.
        session.missing.append(
            (expected_at, f"no title line {TITLE_SHAPE} before the first section")
        )
    block = split_paragraphs(after_title)
    if block and (match := DATE_LINE.match(block[0].lines[0].text)):
        return _read_session_top(match, block, session), True
    return _read_format_block(block, session)


def _above_any_title(line: Line, session: ParsedSession) -> bool:
    return session.title_line is None or line.number < session.title_line


def _furniture(text: str) -> bool:
    return bool(FURNITURE.match(text) or LAYOUT_LABEL.match(text))


def _title_above_date_line(preamble: list[Line]) -> Line | None:
    """The page's first line when the date line follows it: the 2021-2024 pages of best
    practice forums, main sessions and other sessions without a number print their title
    alone ("BPF on Cybersecurity"), and the date line gives the meeting's year. Furniture
    and the "Time" label between them do not count."""
    shown = [line for line in preamble if line.text and not _furniture(line.text)]
    first, second, *_rest = shown + [None, None]
    if first and second and DATE_LINE.match(second.text) and not TITLE_LINE.match(first.text):
        return first
    return None


def _read_session_top(
    date: re.Match, block: list[Paragraph], session: ParsedSession
) -> list[Paragraph]:
    """The 2021-2023 layout: date line, room, themes, then heading-less organizers and
    speakers; return the paragraphs left over."""
    first, *rest = block
    read_date_line(date, first.lines[0], session)
    leftovers: list[Paragraph] = []
    if len(first.lines) > 1:
        session.room = first.lines[1].text
        if len(first.lines) > 2:
            leftovers.append(Paragraph(first.lines[2:], after_gap=False))
    if rest and all(is_short_line(line.text) for line in rest[0].lines) and not leftovers:
        session.theme, *session.sub_themes = [line.text for line in rest[0].lines]
        rest = rest[1:]
    read = False  # the paragraph above was read as people
    for paragraph in join_dashed_records(rest):
        text = join([paragraph])
        if text == session.theme:
            session.furniture.append(text)  # the theme, printed again above the organizers
        elif not (read := read_heading_less(paragraph, session, below_people=read)):
            leftovers.append(paragraph)
    return leftovers


def _read_format_block(
    block: list[Paragraph], session: ParsedSession
) -> tuple[list[Paragraph], bool]:
    leftovers: list[Paragraph] = []
    dated = False
    for index, paragraph in enumerate(block):
        if (
            read_numbered_people(paragraph, session)
            or read_grouped_people(paragraph, session)
            or read_names_alone(paragraph, session)
        ):
            continue
        rest: list[Line] = []
        for position, line in enumerate(paragraph.lines):
            is_first_line = index == 0 and position == 0
            if match := DURATION.match(line.text):
                session.duration_minutes = int(match["minutes"])
            elif match := FORMAT_DESCRIPTION.match(line.text):
                session.format_description = match["text"]
            elif match := FORMAT_LINE.match(line.text):
                session.format, session.duration_minutes = match["format"], int(match["minutes"])
            elif is_first_line and FORMAT_NAME.match(line.text):
                session.format = line.text
            elif match := DAY_LINE.match(line.text):
                read_day_line(match, line, session)
                dated = True
            elif person := role_line_person(line):
                session.people.append(person)
            elif _printed_twice(paragraph.lines, position) and numbered_records(line.text):
                session.furniture.append(line.text)  # a run of records, twice over (2025)
            elif people := numbered_people(line, session):
                session.people += people
            elif match := TEMPLATE_FIELD.match(line.text):
                read_template_field(match, line, session)
            elif TEMPLATE_HEADING.match(line.text):
                session.furniture.append(line.text)
            else:
                rest.append(line)
        if rest:
            leftovers.append(Paragraph(rest, paragraph.after_gap))
    return leftovers, dated


def _printed_twice(lines: list[Line], position: int) -> bool:
    return position > 0 and lines[position].text == lines[position - 1].text


def _read_description(body: list[Paragraph], session: ParsedSession) -> None:
    # The page prints the online-participation answer, unlabelled, right after the description:
    # the first paragraph is the description, any further ones the online-participation plan.
    session.description = join(body[:1])
    session.online_participation = join(body[1:])


def _read_sdgs(body: list[Paragraph], session: ParsedSession) -> None:
    rationale: list[Paragraph] = []
    for paragraph in body:
        rest: list[Line] = []
        for line in paragraph.lines:
            code = sdg_line(line.text)
            if isinstance(code, int):
                session.sdg_goals.append(code)
            elif code:
                session.sdg_targets.append(code)
            else:
                rest.append(line)
        if rest:
            rationale.append(Paragraph(rest, paragraph.after_gap))
    # Kept verbatim, "Targets: " prefix included: it is part of the published text.
    session.sdg_rationale = join(rationale)


def _report_date(report: str, year: int | None) -> datetime.date | None:
    match = REPORT_DATE.match(report)
    if match is None or year is None:
        return None
    month = month_number(match["month"] or match["month_after"])
    if month is None:
        return None
    day = int(match["day"] or match["day_first"])
    try:
        return datetime.date(year, month, day)
    except ValueError:  # "On February 30" is no date; the words stay in the report
        return None
