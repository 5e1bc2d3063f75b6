"""The analysis half of a DiploAI report: speakers' statistics and arguments, the groups of
agreements and differences, and the takeaways listed or labelled under their headings.

The report's page structure (its sections, header, summary, transcript) is read in
sessions/importers/diploai.py, which hands each of these sections to its reader here.
"""

import re

from .parsed import ParsedArgument, ParsedPerson, ParsedSession, ParsedTakeaway
from .text import Item, Line, heading_key, read_items, subsections

BULLET = re.compile(r"^(?:[–—•·]\s*|[-*]\s+|\d+[.)]\s+)")

SPEECH_LABELS = {
    "speech speed": "words_per_minute",
    "speech length": "words",
    "speech time": "seconds",
}

_ARGUMENT_LABELS = (
    "Explanation",
    "Evidence",
    "Major discussion point",
    "Topics",
    "Agreed with",
    "Agreed on",
    "Disagreed with",
    "Disagreed on",
)
_ARGUMENT_LISTS = {"Agreed with", "Disagreed with"}
_ARGUMENT_STARTERS = {"Explanation", "Evidence", "Major discussion point", "Topics"}

_AGREEMENT_LABELS = (
    "Speakers",
    "Arguments",
    "Summary",
    "Explanation",
    "Topics",
    "Consensus level",
    "Disagreement level",
)
_AGREEMENT_LISTS = {"Speakers", "Arguments"}
_AGREEMENT_SECTION_KINDS = {
    "agreement points": "agreement",
    "similar viewpoints": "agreement",
    "unexpected consensus": "agreement",
    "different viewpoints": "disagreement",
    "unexpected differences": "disagreement",
    "overall assessment": "",  # the kind of its group
}
_AGREEMENT_GROUP_KINDS = {
    "agreements": "agreement",
    "differences": "disagreement",
    "partial agreements": "agreement",
}

_COMMENT_LABELS = ("Speaker", "Reason", "Impact", "Explanation")
LISTED_KINDS = {"key_takeaway", "action_item", "unresolved_issue", "suggested_compromise"}
LABELLED_KINDS = {"thought_provoking_comment", "follow_up_question"}


def opens_statistics(lines: list[Line], index: int) -> bool:
    """A speaker's name is the line above "Speech speed" (or length, or time) that is no value."""
    return (
        index + 1 < len(lines)
        and heading_key(lines[index + 1][1]) in SPEECH_LABELS
        and heading_key(lines[index][1]) not in SPEECH_LABELS
        and (index == 0 or heading_key(lines[index - 1][1]) not in SPEECH_LABELS)
    )


def read_arguments(section, session: ParsedSession) -> None:
    """Speaker blocks: a name, its speech statistics, then that speaker's arguments."""
    starts = [i for i in range(len(section.lines)) if opens_statistics(section.lines, i)]
    session.unplaced.extend(text for _, text in section.lines[: starts[0]])
    for start, end in zip(starts, starts[1:] + [len(section.lines)], strict=True):
        number, name = section.lines[start]
        person = _person_named(session, name, number)
        rest = _read_statistics(section.lines[start + 1 : end], person)
        items, stray = read_items(
            rest, _ARGUMENT_LABELS, _ARGUMENT_LISTS, _ARGUMENT_STARTERS, BULLET
        )
        session.arguments.extend(_argument(name, item) for item in items)
        session.unplaced.extend(stray)


def _person_named(session: ParsedSession, name: str, number: int) -> ParsedPerson:
    for person in session.people:
        if person.name == name:
            return person
    person = ParsedPerson(name=name, role="speaker", line=number)
    session.people.append(person)
    return person


def _read_statistics(lines: list[Line], person: ParsedPerson) -> list[Line]:
    """Set the person's statistics from the label/value pairs; return the lines after them."""
    index = 0
    while index < len(lines) and heading_key(lines[index][1]) in SPEECH_LABELS:
        attribute = SPEECH_LABELS[heading_key(lines[index][1])]
        value = lines[index + 1][1] if index + 1 < len(lines) else ""
        # At most 31 digits: a longer run is no count, and int() refuses 4,300 digits.
        number = re.match(r"\d[\d,]{0,30}", value)
        if number:
            setattr(person, attribute, int(number[0].replace(",", "")))
            index += 2
        else:
            index += 1  # a label without its value (the page was cut off)
    return lines[index:]


def _argument(speaker: str, item: Item) -> ParsedArgument:
    parts = item.parts
    return ParsedArgument(
        speaker=speaker,
        claim=item.text,
        line=item.line,
        explanation=parts.get("Explanation", ""),
        evidence=parts.get("Evidence", ""),
        major_discussion_point=parts.get("Major discussion point", ""),
        topics=[topic.strip() for topic in parts.get("Topics", "").split("|") if topic.strip()],
        agreed_with=parts.get("Agreed with", []),
        agreed_on=parts.get("Agreed on", ""),
        disagreed_with=parts.get("Disagreed with", []),
        disagreed_on=parts.get("Disagreed on", ""),
    )


def read_agreements(section, session: ParsedSession) -> None:
    """One group (Agreements, Differences, Partial agreements) of sub-sections of items."""
    group = section.heading
    for subsection, lines in subsections(section.lines, _AGREEMENT_SECTION_KINDS):
        kind = _AGREEMENT_SECTION_KINDS.get(heading_key(subsection)) or _AGREEMENT_GROUP_KINDS.get(
            heading_key(group), "agreement"
        )
        items, stray = read_items(lines, _AGREEMENT_LABELS, _AGREEMENT_LISTS, {"Speakers"}, BULLET)
        session.takeaways.extend(_agreement(kind, group, subsection, item) for item in items)
        session.unplaced.extend(stray)


def _agreement(kind: str, group: str, subsection: str, item: Item) -> ParsedTakeaway:
    parts = item.parts
    text = item.text or parts.get("Summary") or parts.get("Explanation", "")
    details = {"group": group, "section": subsection, **parts}
    return ParsedTakeaway(kind, text, item.line, details=details)


def read_listed_takeaways(section, session: ParsedSession) -> None:
    """Key takeaways, action items, unresolved issues, compromises: one statement a line."""
    for number, text in section.lines:
        session.takeaways.append(ParsedTakeaway(section.key, BULLET.sub("", text), number))


def read_labelled_takeaways(section, session: ParsedSession) -> None:
    """Comments and questions, each with its Speaker and explaining parts."""
    (_, lines), *assessments = subsections(section.lines, {"overall assessment"})
    for _, assessment in assessments:
        session.unplaced.extend(text for _, text in assessment)
    items, stray = read_items(lines, _COMMENT_LABELS, set(), {"Speaker"}, BULLET)
    for item in items:
        details = dict(item.parts)
        speaker = details.pop("Speaker", "")
        session.takeaways.append(
            ParsedTakeaway(section.key, item.text, item.line, speaker=speaker, details=details)
        )
    session.unplaced.extend(stray)
