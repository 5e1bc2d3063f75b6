"""Parse an IGF workshop page in the 2019-2023 layout (format family "igf_workshop_page").

A page of this family reads as below (lines may be indented). Most field labels were lost when
the page was copied; where a label was lost the page often shows two blank lines instead.

    IGF 2023 WS #377 <title>                        title line; missing on some 2021 pages;
                                                    on some 2019-2021 pages the title is on the
                                                    line after "IGF 2019 WS #414"
    Friday, 10th December, 2021 (10:15 UTC) - Friday, 10th December, 2021 (11:45 UTC)
    Conference Room 3                               room: the line after the date line
    Sustainability & Environment                    theme, then sub-themes (unlabelled)
    Organizer 1: <name>, <organization>             or, unnamed, "<stakeholder group>, <region>"
    Speaker 1: <name>, <stakeholder group>, <regional group>
    Additional Speakers                             2019: free-form lines follow,
    <name>, <organization>, <stakeholder group>, <regional group>
    <name>, <stakeholder group>, <regional group>   onsite moderator
    Online Moderator                                often the only moderator label left
    <name>, <stakeholder group>, <regional group>   online moderator
    <name>, <stakeholder group>, <regional group>   rapporteur
    Panel - 90 Min                                  format and duration

then the proposal and report fields, in this template order (2023 pages use the first part,
2021 pages most of it): policy questions, "What will participants gain ...", description, SDG
goal and target lines, "Targets: ..." rationale, background, expected outcomes, "Hybrid Format:"
and agenda, online participation, key takeaways, calls to action, session report ("• " bullets).
"""

import re
from collections import defaultdict

from .igf_page import FORMAT_DESCRIPTION, FORMAT_LINE
from .igf_page_agenda import segment_people
from .igf_workshop_people import (
    is_listed_person,
    read_people,
)
from .parsed import ParsedPerson, ParsedSession, ParsedTakeaway, ParseError, once_each
from .text import (
    DATE_LINE,
    DURATION,
    FURNITURE,
    Line,
    Paragraph,
    first_content_line,
    flat,
    heading_pattern,
    join,
    numbered_lines,
    read_date_line,
    sdg_line,
    split_paragraphs,
    take_room,
    with_paragraph,
)
from .titles import (
    BARE_TITLE_LINE,
    TITLE_LINE,
    read_bare_title,
    read_title,
    read_title_text,
    refuse_a_listing,
)

FORMAT_FAMILY = "igf_workshop_page"


MISSING_TOP = (
    "no title line ('IGF <year> WS #<number> <title>') or date line"
    " ('<weekday>, <day> <month>, <year> (<hh:mm> UTC) - ...') before the organizers"
)
# Theme and sub-theme names are short; a longer line at the top is not one of them.
THEME_MAX_LENGTH = 100

# Bare labels left without their value when the page was copied ("Subtheme").
EMPTY_LABEL = re.compile(r"^(?:Theme|Sub-?themes?|Time)\s*:?$", re.I)
# 2020: the description under this heading, above the organizers.
ABOUT_LABEL = re.compile(r"^About this Session\s*:?$", re.I)

# Body fields, named after the ParsedSession attribute they fill where there is one.
PQ = "policy_questions"
GAINS = "participant_gains"
DESCRIPTION = "description"
SDGS = "sdgs"
RATIONALE = "sdg_rationale"
BACKGROUND = "background"
OUTCOMES = "expected_outcomes"
AGENDA = "agenda"
ONLINE = "online_participation"
STATEMENTS = "statements"  # unlabelled key takeaways followed by calls to action
TAKEAWAYS = "key_takeaway"
CALLS = "call_to_action"
REPORT = "report"
FORMAT = "format"
UNPLACED = "unplaced"  # labelled proposal answers the session has no field for
TEXT_FIELDS = (GAINS, DESCRIPTION, RATIONALE, BACKGROUND, OUTCOMES, AGENDA, ONLINE)

HEADINGS = {
    PQ: r"policy questions?(?:\(s\))?",
    DESCRIPTION: r"description",
    SDGS: r"sdgs?",
    OUTCOMES: r"expected outcomes?",
    TAKEAWAYS: r"key takeaways?",
    CALLS: r"calls? to action",
    REPORT: r"session report",
    FORMAT: r"format",
}
HEADING_LINES = {field: heading_pattern(label) for field, label in HEADINGS.items()}
# Template labels that survive inline, at the start of their field's first paragraph.
GAINS_LABEL = re.compile(r"^What will participants gain\b", re.I)
MORE_QUESTIONS_LABEL = re.compile(r"^Additional Policy Questions? Information\s*:\s*", re.I)
HYBRID_LABEL = re.compile(r"^Hybrid Format\s*:", re.I)
RATIONALE_LABEL = re.compile(r"^Targets\s*:", re.I)
# Proposal answers printed with their label (2019-2023) that fit no field of a session: they are
# kept, label included, in the unplaced text, never as policy questions.
UNPLACED_LABEL = re.compile(
    r"^(?:Relevance to (?:the )?(?:Theme|Internet Governance)|Connection with previous Messages"
    r"|Interventions?|Diversity)\s*:",
    re.I,
)

# SDG lines follow the description; later, a short numbered list is an outcome list instead.
SDG_PLACES = (None, FORMAT, PQ, GAINS, DESCRIPTION, SDGS, UNPLACED)
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
NUMBER_MARK = re.compile(r"(?<!\S)(?P<number>\d{1,2})[.)]\s+")
# A policy question carries its own label ("Measuring impact: How ...?").
LABELLED_QUESTION = re.compile(r"^[^:?]{1,40}:\s.*\?")
CALL_OPENING = re.compile(r"^We\s+(?:need|call|should|must|urge|ask|invite|encourage)\b", re.I)
BULLET = re.compile(r"^(?:[•▪◦·]\s*|[*-]\s+)")
# Bullets after the online-participation plan are the session report.
REPORT_PLACES = (ONLINE, STATEMENTS, TAKEAWAYS, CALLS, REPORT)
# "Prof. GONG Ke, President of ..., delivered the opening remarks."
PRESENTER = re.compile(
    r"^(?P<name>(?:(?:Prof|Dr|Mr|Mrs|Ms|Amb|H\.E)\.\s+)*[^,]{1,50}?),\s*(?P<affiliation>\S.*?),?"
    r"\s(?:delivered|gave|presented)\b"
)


def parse(text: str) -> ParsedSession:
    """Read one IGF workshop page; raise ParseError without people. A page without its title
    and date lines is read all the same, with the reason in `missing`."""
    numbered = numbered_lines(text)
    if not any(line.text for line in numbered):
        raise ParseError(1, "empty document")
    refuse_a_listing(numbered)
    first_person = next(
        (index for index, line in enumerate(numbered) if is_listed_person(line.text)),
        len(numbered),
    )
    session = ParsedSession(format_family=FORMAT_FAMILY, meeting_kind="igf", meeting_year=None)
    top = take_room(numbered[:first_person], session)
    top_line = _read_top(top, session, first_content_line(numbered))
    if first_person == len(numbered):
        raise ParseError(top_line, "no 'Organizer N:' or 'Speaker N:' lines")
    body_start = read_people(numbered, first_person, session, _opens_body)
    body = _read_format_lines(numbered[body_start:], session)
    fields = _assign_fields(_split_at_labels(split_paragraphs(body)), session)
    _fill_fields(fields, session)
    return session


# --- the top of the page: title, date, room, theme -------------------------------------------


def _read_top(top: list[Line], session: ParsedSession, expected_at: int) -> int:
    """Read the lines before the organizers; return the title (or date) line's number."""
    top_line = None
    theme_lines: list[str] = []
    previous = None
    title_follows = about = False
    for line in top:
        if not line.text:
            previous = None
            continue
        if FURNITURE.match(line.text) or EMPTY_LABEL.match(line.text):
            session.furniture.append(line.text)
        elif ABOUT_LABEL.match(line.text):
            session.furniture.append(line.text)
            about = True
        elif title_follows:
            read_title_text(line, session)
            title_follows = False
        elif session.title_line is None and (match := BARE_TITLE_LINE.match(line.text)):
            read_bare_title(match, line, session)
            top_line = top_line or line.number
            title_follows = True
        elif session.title_line is None and (match := TITLE_LINE.match(line.text)):
            read_title(match, line, session)
            top_line = top_line or line.number
        elif session.date is None and (match := DATE_LINE.match(line.text)):
            read_date_line(match, line, session)
            top_line = top_line or line.number
        elif previous is not None and DATE_LINE.match(previous.text) and not session.room:
            session.room = line.text  # the room is printed on the line under the date
        elif len(line.text) <= THEME_MAX_LENGTH:
            theme_lines.append(line.text)
        elif about:
            session.description = with_paragraph(session.description, line.text)
        else:
            session.unplaced.append(line.text)
        previous = line
    if top_line is None:
        # The title and date lines hold the meeting's year: the page waits for an editor.
        session.missing.append((expected_at, MISSING_TOP))
        top_line = expected_at
    if theme_lines:
        session.theme, *session.sub_themes = theme_lines
    return top_line


# --- the body: proposal and report fields -----------------------------------------------------


def _read_format_lines(body: list[Line], session: ParsedSession) -> list[Line]:
    """Read the 2024 layout's "Duration (minutes): 90" and "Format description: ..." lines;
    each leaves a blank line in its place, so that it still parts the paragraphs around it."""
    kept = []
    for line in body:
        if match := DURATION.match(line.text):
            session.duration_minutes = int(match["minutes"])
            line = Line(line.number, "")
        elif match := FORMAT_DESCRIPTION.match(line.text):
            session.format_description = match["text"]
            line = Line(line.number, "")
        kept.append(line)
    return kept


def _opens_field(text: str) -> bool:
    """A heading line or a line opening with a template label starts a field of its own."""
    return bool(
        _heading(text)
        or any(
            label.match(text)
            for label in (GAINS_LABEL, MORE_QUESTIONS_LABEL, HYBRID_LABEL, UNPLACED_LABEL)
        )
    )


def _split_at_labels(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Pages copied without blank lines (2024) run their fields together: a paragraph is cut
    before each line that opens a field, the new part not after a field boundary."""
    found = []
    for paragraph in paragraphs:
        current = Paragraph([], paragraph.after_gap)
        for line in paragraph.lines:
            if current.lines and _opens_field(line.text):
                found.append(current)
                current = Paragraph([], after_gap=False)
            current.lines.append(line)
        found.append(current)
    return found


def _opens_body(text: str) -> bool:
    return bool(FORMAT_LINE.match(text)) or _heading(text) is not None


def _heading(text: str) -> str | None:
    return next((field for field, rx in HEADING_LINES.items() if rx.match(text)), None)


def _assign_fields(paragraphs: list[Paragraph], session: ParsedSession) -> dict[str, list]:
    """Give every body paragraph a field: by its label when it kept one, else by the template
    order and the paragraph's shape (see _anchor and _follow)."""
    fields: dict[str, list[Paragraph]] = defaultdict(list)
    field, labelled = None, False
    for paragraph in paragraphs:
        lines = paragraph.lines
        while lines and (heading := _heading(lines[0].text)):
            field, labelled, lines = heading, True, lines[1:]
        if not lines:
            continue
        # A gap before a label is the label's; the lines under it continue the labelled field.
        paragraph = Paragraph(lines, paragraph.after_gap and lines is paragraph.lines)
        if len(lines) == 1 and (match := FORMAT_LINE.match(lines[0].text)):
            session.format = match["format"]
            session.duration_minutes = int(match["minutes"])
            field, labelled = FORMAT, False
            continue
        # A label holds until the next label, an inline label or a field boundary.
        holds = labelled and not paragraph.after_gap
        if anchored := _anchor(paragraph, field, trust_shape=not holds):
            new_field = anchored
        elif holds:
            new_field = field
        else:
            new_field = _follow(field, labelled, paragraph)
        if new_field != field:
            field, labelled = new_field, False
        fields[field].append(paragraph)
    return fields


def _anchor(paragraph: Paragraph, field: str | None, trust_shape: bool) -> str | None:
    """The field a paragraph names by an inline template label or, unless a label holds, by
    its shape."""
    first = paragraph.lines[0].text
    if GAINS_LABEL.match(first):
        return GAINS
    if MORE_QUESTIONS_LABEL.match(first):
        return PQ
    if HYBRID_LABEL.match(first):
        return AGENDA
    if RATIONALE_LABEL.match(first):
        return RATIONALE
    if UNPLACED_LABEL.match(first):
        return UNPLACED
    if not trust_shape:
        return None
    if field in SDG_PLACES and all(sdg_line(line.text) for line in paragraph.lines):
        return SDGS
    if field in REPORT_PLACES and BULLET.match(first):
        return REPORT
    return None


def _follow(field: str | None, labelled: bool, paragraph: Paragraph) -> str:
    """The field of an unlabelled paragraph that comes after a paragraph of `field`.

    Template order decides, helped by shape: policy questions are numbered or end in '?';
    a field boundary (two blank lines) ends the "What will participants gain" answer, the
    description and the SDG rationale; after the background, a numbered paragraph starts the
    expected outcomes; the online-participation plan is the one paragraph after them; what
    follows it is key takeaways then calls to action (split in _split_statements).
    """
    gap = paragraph.after_gap
    if field == UNPLACED and not gap:
        return UNPLACED  # a labelled answer runs on until a field boundary
    if field in (None, FORMAT, PQ, UNPLACED):
        return PQ if _asks_questions(paragraph) or (labelled and not gap) else DESCRIPTION
    if field == GAINS:
        return DESCRIPTION if gap else GAINS
    if field == DESCRIPTION:
        return BACKGROUND if gap else DESCRIPTION
    if field in (SDGS, RATIONALE):
        return BACKGROUND if gap else RATIONALE
    if field == BACKGROUND:
        return OUTCOMES if NUMBERED.match(paragraph.lines[0].text) else BACKGROUND
    if field == OUTCOMES:
        numbered = NUMBERED.match(paragraph.lines[0].text)
        return OUTCOMES if numbered or (labelled and not gap) else ONLINE
    if field == AGENDA:
        return STATEMENTS if gap else AGENDA
    if field == ONLINE:
        return STATEMENTS
    return field  # statements, takeaways, calls and the report run on to the next label


def _asks_questions(paragraph: Paragraph) -> bool:
    return all(
        NUMBERED.match(line.text) or LABELLED_QUESTION.match(line.text) or line.text.endswith("?")
        for line in paragraph.lines
    )


def _fill_fields(fields: dict[str, list[Paragraph]], session: ParsedSession) -> None:
    fields[RATIONALE] = _read_sdgs(fields[SDGS], session) + fields[RATIONALE]
    for name in TEXT_FIELDS:
        # Kept verbatim, inline labels ("Targets: ", "Hybrid Format: ") included; a
        # description read at the top (2020) comes first.
        text = join(fields[name])
        setattr(session, name, with_paragraph(getattr(session, name), text))
    session.policy_questions = _questions(fields[PQ])
    takeaways, calls = _split_statements(flat(fields[STATEMENTS]))
    session.takeaways = [
        *_statements(TAKEAWAYS, flat(fields[TAKEAWAYS]) + takeaways),
        *_statements(CALLS, flat(fields[CALLS]) + calls),
    ]
    _read_report(fields[REPORT], session)
    # Agenda lines that name their people (2017-2018), in whichever field the order put them.
    agenda = segment_people([p for name in (PQ, *TEXT_FIELDS) for p in fields[name]])
    session.people = once_each(session.people + agenda)
    for paragraph in fields[UNPLACED]:
        text = join([paragraph])
        # A label whose answer was lost in the copy is page furniture, not content.
        bare = (match := UNPLACED_LABEL.match(text)) and not text[match.end() :].strip()
        (session.furniture if bare else session.unplaced).append(text)


def _read_sdgs(paragraphs: list[Paragraph], session: ParsedSession) -> list[Paragraph]:
    """Read goal and target codes; return other text under an "SDGs" label, a rationale."""
    rest = []
    for line in flat(paragraphs):
        code = sdg_line(line.text)
        if isinstance(code, int):
            session.sdg_goals.append(code)
        elif code:
            session.sdg_targets.append(code)
        else:
            rest.append(line)
    return [Paragraph(rest, after_gap=False)] if rest else []


def _questions(paragraphs: list[Paragraph]) -> list[str]:
    """One question per line, its '1)' or '1.' marker dropped; a labelled question keeps its
    label ("Measuring impact: ..."). "Additional Policy Questions Information: 1. ... 2. ..."
    is one line holding several numbered questions."""
    questions = []
    for line in flat(paragraphs):
        if match := MORE_QUESTIONS_LABEL.match(line.text):
            questions.extend(_split_numbered(line.text[match.end() :]))
        else:
            questions.append(NUMBERED.sub("", line.text, count=1))
    return questions


def _split_numbered(text: str) -> list[str]:
    """'1. a? 2. b?' -> ['a?', 'b?']. Markers must count up from 1, so that a number inside a
    question ('5G', 'top 10.') does not split it."""
    marks = []
    for mark in NUMBER_MARK.finditer(text):
        if int(mark["number"]) == len(marks) + 1:
            marks.append(mark)
    if not marks:
        return [text.strip()] if text.strip() else []
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    lead = text[: marks[0].start()].strip()
    items = [text[mark.end() : end].strip() for mark, end in zip(marks, ends, strict=True)]
    return [lead, *items] if lead else items


def _split_statements(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Unlabelled statements are key takeaways then calls to action (the template's order).
    Calls to action start at the first statement after the first that opens like one ("We
    need", "We call", "We should", ...); if none does, the first half (rounded up) are taken
    as key takeaways and the rest as calls to action."""
    if not lines:
        return [], []
    split = next(
        (i for i, line in enumerate(lines) if i > 0 and CALL_OPENING.match(line.text)),
        (len(lines) + 1) // 2,
    )
    return lines[:split], lines[split:]


def _statements(kind: str, lines: list[Line]) -> list[ParsedTakeaway]:
    return [ParsedTakeaway(kind=kind, text=line.text, line=line.number) for line in lines]


def _read_report(paragraphs: list[Paragraph], session: ParsedSession) -> None:
    """Each bullet is one report paragraph, its glyph dropped and its text kept; a bullet that
    opens with a presenter ("Prof. GONG Ke, President of ..., delivered ...") also yields that
    presenter, named as published, honorific included ("Prof. GONG Ke" is a spelling too)."""
    items: list[list[Line]] = []
    for paragraph in paragraphs:
        for position, line in enumerate(paragraph.lines):
            if position == 0 or BULLET.match(line.text):
                items.append([])
            items[-1].append(line)
    texts = []
    for item in items:
        first = item[0]
        text = BULLET.sub("", first.text, count=1)
        if BULLET.match(first.text) and (match := PRESENTER.match(text)):
            session.people.append(
                ParsedPerson(
                    name=match["name"].strip(),
                    role="presenter",
                    line=first.number,
                    affiliation=match["affiliation"].rstrip().removesuffix(",").strip(),
                )
            )
        texts.append("\n".join([text, *(line.text for line in item[1:])]))
    session.report = "\n\n".join(texts)
