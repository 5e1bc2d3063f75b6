"""Parser for DiploAI session reports as dig.watch publishes them (format family "diploai_report").

Layout of a page, top to bottom; each heading is a line of its own and any section may be missing:

    <title>
    11 Jul 2025 09:00h - 09:45h           the date line: date, start and end time (zone optional)
    <title again>
    Session at a glance
    Summary                               paragraphs
    Keypoints                             "## Major Discussion Points:" with "– **Title**: text"
                                          bullets, "## Overall Purpose:", "## Overall Tone:"
    Speakers                              "– **Name** – affiliation (role note)" bullets under
                                          "**Speakers from the provided list:**" and
                                          "**Additional speakers:**"
    Full session report                   markdown with its own "#" / "##" headings
    Session transcript                    turns "Name: text"
    <Name> / Speech speed / 142 words per minute / Speech length / 844 words / Speech time /
        355 seconds, then that speaker's arguments: a claim line followed by labelled parts
        (Explanation, Evidence, Major discussion point, Topics "A | B", Agreed with "– Name"
        lines, Agreed on, Disagreed with, Disagreed on)
    Agreements / Differences / Partial agreements, each with sub-sections (Agreement points,
        Similar viewpoints, Unexpected consensus, Different viewpoints, Unexpected differences,
        Overall assessment) of items: a text line followed by labelled parts (Speakers,
        Arguments, Summary, Explanation, Topics, Consensus level, Disagreement level)
    Takeaways
        Key takeaways, Resolutions and action items, Unresolved issues, Suggested compromises:
            one statement a line
        Thought provoking comments: quote, Speaker, Reason, Impact; then "Overall assessment"
        Follow-up questions: question, Speaker, Explanation
    Disclaimer: This is not an official session record. DiploAI generates ...

Readings of text the page leaves open:
- A title that opens with an IGF session's type and number ("Open Forum #20 ...") is an IGF
  session, whatever the text names first: the IGF numbers its sessions so, and such sessions
  often discuss the WSIS+20 review. The type and number are read apart from the title, which
  is the rest, as on the IGF's own pages (until 2026-12-06 the title was kept whole, so that
  one session had two titles by its two families); so is the meeting before a dash ("IGF 2018
  – Open mic/taking stock") or after a bar ("… | IGF 2023 side event").
- Otherwise meeting_kind is the meeting the text names first (title, then summary, then the rest):
  "wsis" for WSIS, "igf" for IGF or Internet Governance Forum. First mention, not "WSIS
  anywhere", because IGF reports often mention the WSIS+20 review in passing. A text naming
  neither is refused. A page without its date line waits for an editor (the date holds the
  meeting's year) unless its title opens with the meeting ("IGF 2024 Newcomers Session").
- host is X in "The X hosted the ..." or else "hosted by (the) X", looked for in the summary,
  then in the full session report.
- Key discussion points lose their bullet and the "**" bold markers, nothing else.
- A speaker's trailing parenthesis is a role note (role_text) only when it speaks of a role or of
  taking part ("moderator", "host", "via video", ...); otherwise, e.g. "(WIPO)", it stays in the
  affiliation. A note naming a moderator gives role "moderator"; a remote one sets is_remote.
- Speech statistics attach to the listed speaker of that name, else make a "speaker" there.
- A transcript turn starts at a line "Label: text" whose label is a listed speaker or looks like
  a name (at most five capitalised words); other lines continue the turn above them.
- Agreement items become takeaways of kind "agreement" (Agreement points, Similar viewpoints,
  Unexpected consensus, Partial agreements) or "disagreement" (Different viewpoints, Unexpected
  differences); their text is the item's opening line, their details the group ("Agreements"),
  the section and every labelled part. An "Overall assessment" block becomes one such takeaway
  whose text is its Summary. Items repeated under "Partial agreements" are kept as published;
  details["group"] tells them apart.
- The "Overall assessment" closing the thought provoking comments goes to unplaced; "Additional
  speakers: None – all speakers ... were included ..." (the generator's note) to furniture.
- The session is machine generated when its "Disclaimer:" line names DiploAI or says it is not
  an official session record.
"""

import re
from dataclasses import dataclass, field

from speakers.affiliations import vocabulary

from .diploai_analysis import (
    BULLET,
    LABELLED_KINDS,
    LISTED_KINDS,
    opens_statistics,
    read_agreements,
    read_arguments,
    read_labelled_takeaways,
    read_listed_takeaways,
)
from .diploai_header import IGF_TITLE_PREFIX, read_header
from .diploai_prose import (
    MODERATOR_ENTRY,
    REPORTS_BANNER,
    TITLED_ENTRY,
    WRITTEN,
    banner_meeting,
    prose_people,
)
from .groups import name_and_groups
from .names import NAME_WORD, looks_like_name, without_honorifics
from .parsed import (
    ROLE_LABELS,
    ParsedPerson,
    ParsedSession,
    ParsedTakeaway,
    ParsedTurn,
    ParseError,
)
from .text import Line, continue_turn, heading_key, nonblank_lines

_MEETING = re.compile(r"\b(?:WSIS|IGF)(?![A-Za-z])|\bInternet Governance Forum\b")
_HOST_PATTERNS = (
    # Bounded: a sentence naming no host is not scanned to the end from each "The".
    re.compile(r"\bThe ([A-Z][^.!?]{0,300}?) (?:co-)?hosted the\b"),
    re.compile(r"\b[Hh]osted by (?:the )?([A-Z][^,.;:!?]*)"),
)
_ROLE_NOTE = re.compile(
    r"(?i)moderat|host|chair|video|remote|online|virtual|particip|speaker|rapporteur|organi[sz]er"
)
# dig.watch's page of a whole event ("Event Statistics", "Total session reports: 5", 2025).
_OVERVIEW = re.compile(r"^Total session reports: \d{1,5}$")
_ROLE_FIRST = re.compile(r"(?P<label>[A-Za-z -]{3,30}):\s+(?P<entries>\S.{0,600})")
_AND_NEXT = re.compile(r";\s(?:and\s)?")
_REMOTE_NOTE = re.compile(r"\bvideo\b|\bremote(?:ly)?\b|\bonline\b|\bvirtual(?:ly)?\b", re.I)

# Headings that end whatever section they follow.
_SECTION_HEADINGS = {
    "full session report": "report",
    # Reports of 2019 ("Event report") and 2023 ("Session report").
    "session report": "report",
    "event report": "report",
    # The page's navigation, not the session's.
    "table of contents": "contents",
    "knowledge graph of debate": "contents",
    "session transcript": "transcript",
    "agreements": "agreements",
    "differences": "agreements",
    "partial agreements": "agreements",
    "takeaways": "takeaways",
    "key takeaways": "key_takeaway",
    "resolutions and action items": "action_item",
    "unresolved issues": "unresolved_issue",
    "suggested compromises": "suggested_compromise",
    "thought provoking comments": "thought_provoking_comment",
    "thought-provoking comments": "thought_provoking_comment",
    "follow-up questions": "follow_up_question",
    "follow up questions": "follow_up_question",
}
# Headings of the "at a glance" part; inside agreement sections "Summary" and "Speakers" are labels.
_GLANCE_HEADINGS = {
    "session at a glance": "glance",
    "summary": "summary",
    "keypoints": "keypoints",
    "key points": "keypoints",
    "speakers": "speakers",
    "speakers and moderators": "speakers",  # 2023; "Speakers" or "Moderators" may follow
    "moderators": "moderators",
    "moderator": "moderators",
}


@dataclass
class _Section:
    key: str
    heading: str
    line: int
    lines: list[Line] = field(default_factory=list)


def parse(text: str) -> ParsedSession:
    """Read one DiploAI report page. A page without its title line or its date line is read
    all the same, with the reasons in `missing`: it waits for an editor."""
    lines = nonblank_lines(text)
    if not lines:
        raise ParseError(1, "empty document: no title line")
    session = ParsedSession(format_family="diploai_report", meeting_kind="", meeting_year=None)
    early = banner_meeting(lines)
    if early is not None:
        # A date line, where the page has one, gives the same year.
        session.meeting_kind, session.meeting_year = early
    if overview := next((number for number, text in lines if _OVERVIEW.match(text)), None):
        raise ParseError(overview, "an event's overview of its session reports, not one session's")
    sections = _sections(lines)
    for section in sections:
        _READERS[section.key](section, session)
    if not session.people:
        for section in sections:
            if section.key == "report" and (early or heading_key(section.heading) in WRITTEN):
                session.people += prose_people(section.lines)
    session.meeting_kind = session.meeting_kind or _meeting_kind(lines)
    if not session.meeting_kind:
        # The meeting only in the page's address (2025): the page waits for its editor.
        session.missing.append((1, "the text names neither WSIS nor the IGF"))
    session.host = _host(session)
    return session


def _sections(lines: list[Line]) -> list[_Section]:
    """Cut the page at its section headings; the part before the first heading is the header."""
    sections = [_Section("header", "", lines[0][0])]
    for index, (number, text) in enumerate(lines):
        current = sections[-1]
        key = _SECTION_HEADINGS.get(heading_key(text))
        if key is None and current.key != "agreements":
            key = _GLANCE_HEADINGS.get(heading_key(text))
        if text.startswith("Disclaimer:"):
            sections.append(_Section("disclaimer", "", number))
        elif current.key != "arguments" and opens_statistics(lines, index):
            sections.append(_Section("arguments", "", number))
        elif current.key == "header" and REPORTS_BANNER.match(text):
            # An early report without an "Event report" heading: its banner opens the report.
            sections.append(_Section("report", "", number))
        elif key and heading_key(text) == heading_key(current.heading):
            continue  # the same heading repeated
        elif key:
            sections.append(_Section(key, text, number))
            continue
        sections[-1].lines.append((number, text))
    return sections


def _read_header(section: _Section, session: ParsedSession) -> None:
    read_header(section.lines, section.line, session)


def _read_furniture(section: _Section, session: ParsedSession) -> None:
    session.furniture.append(section.heading)
    session.unplaced.extend(text for _, text in section.lines)


def _read_unplaced(section: _Section, session: ParsedSession) -> None:
    session.unplaced.extend(text for _, text in section.lines)


def _read_summary(section: _Section, session: ParsedSession) -> None:
    session.summary = _paragraphs(section.lines)


def _read_report(section: _Section, session: ParsedSession) -> None:
    """The report's paragraphs, whole. Bullets opening it list the speakers (2023 "Event
    report"); a line that is only a name, or "Name, affiliation", heads one speaker's part of
    a 2023 report: both give people, and stay in the report as published."""
    lines = section.lines
    leading = 0
    while leading < len(lines) and BULLET.match(lines[leading][1]):
        leading += 1
    for number, text in lines[:leading]:
        _add_person(session, _person(number, BULLET.sub("", text)))
    for number, text in lines:
        if match := MODERATOR_ENTRY.match(text):
            _add_person(session, _person(number, match["entry"], "moderator"))
    # Reports in markdown (2024 on) head their parts with "#" or "**": a plain line is prose.
    plain = not any(text.startswith(("#", "**")) for _, text in lines)
    for index, (number, text) in enumerate(lines[leading:], start=leading):
        if plain and index + 1 < len(lines) and _is_speaker_heading(text):
            _add_person(session, _person(number, text))
    if session.report:
        session.report += "\n\n" + _paragraphs(lines[leading:])
    else:
        session.report = _paragraphs(lines[leading:])


# Words of report headings that are not names ("Key Takeaways", "Opening Remarks").
_HEADING_WORDS = vocabulary(
    "analysis background closing conclusion conclusions discussion executive introduction key "
    "next opening overview questions recommendations remarks report session steps summary "
    "takeaways"
)


def _is_speaker_heading(text: str) -> bool:
    name = text.partition(",")[0]
    return (
        not text.endswith((".", ":", "?", "!"))
        and len(text) <= 200  # a heading, not a paragraph that opens with a name
        and looks_like_name(name, 4, NAME_WORD)
        and len(name.split()) >= 2
        and not any(word.casefold() in _HEADING_WORDS for word in name.split())
    )


def _add_person(session: ParsedSession, person: ParsedPerson) -> None:
    if all(known.name != person.name for known in session.people):
        session.people.append(person)


def _paragraphs(lines: list[Line]) -> str:
    return "\n\n".join(text for _, text in lines)


def _subheading(text: str) -> str | None:
    """The name of a markdown heading ("## Overall Tone:") or bold line ("**Speakers:**")."""
    if text.startswith("#") or (text.startswith("**") and text.endswith("**")):
        return text.strip("#* ").rstrip(":").strip("* ").lower()
    return None


def _read_keypoints(section: _Section, session: ParsedSession) -> None:
    purpose, tone = [], []
    part = ""
    for number, text in section.lines:
        name = _subheading(text)
        if name is not None:
            part = _keypoints_part(name)
            if part == "other":
                session.unplaced.append(text)
        elif part == "points" and BULLET.match(text):
            point = BULLET.sub("", text).replace("**", "")
            session.takeaways.append(ParsedTakeaway("key_discussion_point", point, number))
        elif part == "purpose":
            purpose.append((number, text))
        elif part == "tone":
            tone.append((number, text))
        else:
            session.unplaced.append(text)
    session.overall_purpose = _paragraphs(purpose)
    session.overall_tone = _paragraphs(tone)


def _keypoints_part(name: str) -> str:
    if "discussion point" in name:
        return "points"
    if "purpose" in name:
        return "purpose"
    if "tone" in name:
        return "tone"
    return "other"


# A role written where an affiliation would be.
def _read_speakers(section: _Section, session: ParsedSession) -> None:
    role = "moderator" if section.key == "moderators" else "speaker"
    for number, text in section.lines:
        if _subheading(text) is not None:
            continue  # "Speakers from the provided list:", "Additional speakers:"
        if re.match(r"None\b", text):
            session.furniture.append(text)
        elif BULLET.match(text) or TITLED_ENTRY.match(text) or _is_speaker_heading(text):
            session.people += _labelled_people(number, BULLET.sub("", text), role)
        else:
            session.unplaced.append(text)


def _labelled_people(number: int, entry: str, role: str) -> list[ParsedPerson]:
    """The person of an entry, or the people after its role's label: "Online moderator: Ms.
    Judith Hellerstein, USA | IGF-USA and DCAD; and Ms. Karen Cruz, …" (2023; the label had
    been read as a person's name)."""
    labelled = _ROLE_FIRST.match(entry)
    if labelled and (labelled_role := ROLE_LABELS.get(heading_key(labelled["label"]))):
        parts = _AND_NEXT.split(labelled["entries"])
        return [_person(number, without_honorifics(part), labelled_role) for part in parts]
    return [_person(number, entry, role)]


def _person(number: int, entry: str, role: str = "speaker") -> ParsedPerson:
    """Read "**Name** – affiliation (role note)" (the bold markers and the note may be absent),
    or "Name, affiliation" and "Name, stakeholder group, regional group" (2023 pages), whose
    affiliation may hold a dash ("Raashi Saxena, … Consultant & Trainer – Accessibility Lab")."""
    # No two unbounded repeats side by side over the same characters (`\s*` before `\S`).
    match = re.match(
        r"\*\*(?P<name>.+?)\*\*\s*(?:[–—:-]\s*)?(?P<rest>(?:\S.*)?)", entry
    ) or re.match(r"(?P<name>[^,]+?)(?:\s[–—-]|:)\s+(?P<rest>(?:\S.*)?)", entry)
    if not match:
        name, rest, stakeholder_group, regional_group = name_and_groups(entry)
        person = ParsedPerson(
            name=name,
            role=role,
            line=number,
            stakeholder_group=stakeholder_group,
            regional_group=regional_group,
        )
        # "Raashi Saxena, Onsite Moderator" (2023): a role, not an affiliation.
        if role_label := ROLE_LABELS.get(heading_key(rest)):
            person.role, rest = role_label, ""
        person.affiliation = rest
        return person
    name, rest = match["name"], match["rest"]
    person = ParsedPerson(name=name.strip().rstrip(":").strip(), role=role, line=number)
    note = re.search(r"\(([^()]*)\)$", rest)
    if note and _ROLE_NOTE.search(note[1]):
        rest = rest[: note.start()]
        person.role_text = note[1]
        person.role = "moderator" if "moderator" in note[1].lower() else "speaker"
        person.is_remote = bool(_REMOTE_NOTE.search(note[1]))
    person.affiliation = rest.strip()
    return person


def _read_transcript(section: _Section, session: ParsedSession) -> None:
    known = {person.name for person in session.people}
    for number, text in section.lines:
        match = re.match(r"(?P<label>[^:]{1,80}):(?:\s+(?P<text>(?:\S.*)?))?$", text)
        is_name = match and looks_like_name(match["label"], 5, NAME_WORD)
        if match and (match["label"] in known or is_name):
            session.transcript.append(ParsedTurn(match["label"], match["text"] or "", number))
        elif session.transcript:
            continue_turn(session.transcript[-1], text)
        else:
            session.unplaced.append(text)


def _read_disclaimer(section: _Section, session: ParsedSession) -> None:
    (_, disclaimer), *rest = section.lines
    session.disclaimer = disclaimer
    session.is_machine_generated = bool(
        re.search(r"DiploAI|not an official session record", disclaimer, re.IGNORECASE)
    )
    session.unplaced.extend(text for _, text in rest)


def _meeting_kind(lines: list[Line]) -> str:
    for _, text in lines:
        if match := _MEETING.search(text):
            return "wsis" if match[0] == "WSIS" else "igf"
    if IGF_TITLE_PREFIX.match(lines[0][1]):
        return "igf"  # "Day 0 Event #191 …": only the IGF numbers its sessions so
    return ""


def _host(session: ParsedSession) -> str:
    for text in (session.summary, session.report):
        for pattern in _HOST_PATTERNS:
            match = pattern.search(text)
            if match:
                return match[1].strip()
    return ""


_READERS = {
    "header": _read_header,
    "glance": _read_unplaced,
    "summary": _read_summary,
    "keypoints": _read_keypoints,
    "speakers": _read_speakers,
    "moderators": _read_speakers,
    "contents": _read_furniture,
    "report": _read_report,
    "transcript": _read_transcript,
    "arguments": read_arguments,
    "agreements": read_agreements,
    "takeaways": _read_unplaced,
    "disclaimer": _read_disclaimer,
    **{kind: read_listed_takeaways for kind in LISTED_KINDS},
    **{kind: read_labelled_takeaways for kind in LABELLED_KINDS},
}
