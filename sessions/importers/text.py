"""Text helpers every parser shares: numbered lines and paragraphs, headings and labelled
blocks, month names, SDG codes and names in running text (titles: titles.py).

Pure functions over strings; what a line means in a page is the parser's business.
"""

import bisect
import datetime
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from speakers.text import without_control_characters

from .parsed import ParsedSession, ParseError


class Line(NamedTuple):
    number: int  # 1-based, as an editor counts
    text: str  # stripped of indentation and trailing whitespace


class Paragraph(NamedTuple):
    lines: list[Line]
    after_gap: bool  # two or more blank lines before it: a field boundary


def numbered_lines(text: str) -> list[Line]:
    """Every line of a document, blank ones included; byte-order marks at either end and the
    kind of line ending (\\r\\n, \\r or \\n) make no difference. Control characters (C0 and
    C1, DEL, U+2028 and U+2029) are removed: a source holds them by accident, and no output of
    the archive may carry them (speakers/text.py)."""
    text = without_control_characters(text.strip("\ufeff"))
    return [
        Line(number, raw.strip()) for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1)
    ]


def nonblank_lines(text: str) -> list[Line]:
    """The document's lines that hold any text, each with its number."""
    return [line for line in numbered_lines(text) if line.text]


def split_paragraphs(numbered: list[Line]) -> list[Paragraph]:
    """Runs of non-blank lines, each saying whether two or more blank lines came before it."""
    found: list[Paragraph] = []
    current: list[Line] = []
    blanks = 0
    after_gap = False
    for line in numbered:
        if line.text:
            if not current:
                after_gap = blanks >= 2
            current.append(line)
            blanks = 0
        else:
            if current:
                found.append(Paragraph(current, after_gap))
                current = []
            blanks += 1
    if current:
        found.append(Paragraph(current, after_gap))
    return found


def flat(grouped: list[Paragraph]) -> list[Line]:
    return [line for paragraph in grouped for line in paragraph.lines]


def join(grouped: list[Paragraph]) -> str:
    """Lines of a paragraph keep their line breaks; paragraphs are separated by a blank line."""
    return "\n\n".join("\n".join(line.text for line in p.lines) for p in grouped)


def heading_key(text: str) -> str:
    """'Speech speed:' -> 'speech speed': how a heading or label line is looked up."""
    return text.rstrip(":").strip().lower()


def heading_pattern(label: str) -> re.Pattern:
    """A line holding only `label` (a regular expression), with an optional colon, a
    parenthesised note ("(max. 250 words)", "Agenda (60min):") and a " - click on ..."
    instruction after it."""
    return re.compile(rf"^{label}\s*(?::\s*)?(?:\([^)]*\)\s*)?(?::\s*)?(?:-\s.*)?$", re.I)


# --- IGF pages -------------------------------------------------------------------------------

FURNITURE = re.compile(r"^Check-in and access this session from the IGF Schedule\.?$", re.I)


# The label above a page's room ("Room" / "Salle XI", 2018; "Room" / "WS 1 – Annex Hall 1",
# 2020-2023).
ROOM_LABEL = re.compile(r"^Room\s?:?$", re.I)


def take_room(lines: list[Line], session: ParsedSession) -> list[Line]:
    """Read the room printed under its own label; the lines with the two made blank, so that
    neither the label nor the room is read as anything else (a format, a theme)."""
    for index, line in enumerate(lines[:-1]):
        room = lines[index + 1]
        if ROOM_LABEL.match(line.text) and room.text and not ROOM_LABEL.match(room.text):
            session.room = room.text
            session.furniture.append(line.text)
            blank = [Line(line.number, ""), Line(room.number, "")]
            return lines[:index] + blank + lines[index + 2 :]
    return lines


# The IGF site before 2017 dates a session on one line: "IGF Day 4: Friday, 9 December 2016,
# 10:00 - 11:30am (90 Minutes)"; a half of the day given once, after the end, holds for both.
DAY_LINE = re.compile(
    r"^IGF Day \d{1,2}: [A-Z][a-z]{2,8},? (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8}),? "
    r"(?P<year>\d{4}),? (?P<start>\d{1,2}:\d{2}) ?(?P<start_half>[ap]m)? ?- ?"
    r"(?P<end>\d{1,2}:\d{2}) ?(?P<end_half>[ap]m)?(?: \((?P<minutes>\d{1,3}) Minutes\))?$",
    re.I,
)


def read_day_line(match: re.Match, line: Line, session: ParsedSession) -> None:
    """Fill date, start and end time, duration and (if unknown) the year from a DAY_LINE
    match; ParseError when the line names no such day or time."""
    month = month_number(match["month"])
    if month is None:
        raise ParseError(line.number, f"unknown month '{match['month']}' in the date line")
    try:
        session.date = datetime.date(int(match["year"]), month, int(match["day"]))
        read_times(match, session)
    except ValueError as error:
        raise ParseError(line.number, f"no such date or time in the date line: {error}") from None
    if session.meeting_year is None:
        session.meeting_year = session.date.year


def read_times(match: re.Match, session: ParsedSession) -> None:
    """Start and end time, and the duration when given, from a match of DAY_LINE's clock
    groups (start, start_half, end, end_half, minutes); ValueError for no such time."""
    end = clock(match["end"], match["end_half"])
    start = clock(match["start"], match["start_half"] or match["end_half"])
    if start > end:
        start = clock(match["start"], match["start_half"])  # "11:00 - 12:30pm"
    session.start_time, session.end_time = start, end
    if match["minutes"]:
        session.duration_minutes = int(match["minutes"])


def clock(text: str, half: str | None) -> datetime.time:
    hour, minute = (int(part) for part in text.split(":"))
    if half and half.lower() == "pm" and hour < 12:
        hour += 12
    elif half and half.lower() == "am" and hour == 12:
        hour = 0
    return datetime.time(hour, minute)


def first_content_line(numbered: list[Line]) -> int:
    """Where a title line was expected: the first line that is neither blank nor furniture."""
    return next(
        (line.number for line in numbered if line.text and not FURNITURE.match(line.text)), 1
    )


# "7. Affordable and Clean Energy" names a goal; "7.a" or "8.2" names a target.
SDG_GOAL = re.compile(r"^(?P<goal>\d{1,2})\.\s+[^.]{1,60}$")
SDG_TARGET = re.compile(r"^\d{1,2}\.(?:\d{1,2}|[a-z])$", re.I)


def sdg_code(text: str) -> int | str | None:
    """7 for '7. Affordable and Clean Energy', '8.2' for '8.2', None for anything else."""
    goal = SDG_GOAL.match(text)
    if goal and 1 <= int(goal["goal"]) <= 17:
        return int(goal["goal"])
    return text if SDG_TARGET.match(text) else None


# --- dates ------------------------------------------------------------------------------------

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def month_number(name: str) -> int | None:
    """1 for 'January' in any case; None for a word that is no month's full name."""
    return MONTHS.index(name.lower()) + 1 if name.lower() in MONTHS else None


def month_number_abbreviated(name: str) -> int | None:
    """1 for 'Jan', 'Jan.' or 'January': a month is told by its first three letters."""
    abbreviations = [month[:3] for month in MONTHS]
    prefix = name[:3].lower()
    return abbreviations.index(prefix) + 1 if prefix in abbreviations else None


def date_line(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern`'s match of the whole text, when its group "month" names a month."""
    match = pattern.fullmatch(text)
    return match if match and month_number_abbreviated(match["month"]) else None


def date_of(match: re.Match) -> datetime.date:
    """The date a `date_line` match names; ValueError when there is no such day."""
    month = month_number_abbreviated(match["month"])
    return datetime.date(int(match["year"]), month, int(match["day"]))


# --- turns in running text ------------------------------------------------------------


def with_paragraph(text: str, paragraph: str) -> str:
    """The text with one paragraph more, either of them perhaps empty."""
    return "\n\n".join(filter(None, [text, paragraph]))


def continue_turn(turn, text: str) -> None:
    """A line that opens no turn is a new paragraph of the turn above it."""
    turn.text = with_paragraph(turn.text, text)


# --- labelled blocks: an opening line, then "Label" lines each followed by its value ----------


@dataclass
class Item:
    """An unlabelled opening line and the labelled parts that follow it."""

    line: int
    text: str
    parts: dict = field(default_factory=dict)  # label -> str, or list[str] for list labels


def read_items(
    numbered: list[Line], labels, list_labels, starters, bullet: re.Pattern
) -> tuple[list[Item], list[str]]:
    """Group lines into items; return them and the lines that belong to none.

    A label's value is the line after it, or for a list label every line up to the next label
    (each with its `bullet` dropped). An unlabelled line opens a new item when the line after it
    is one of `starters`; otherwise it continues the value above it as a new paragraph.
    """
    canonical = {label.lower(): label for label in labels}
    items: list[Item] = []
    stray: list[str] = []
    item, label, filled = None, None, False
    for index, (number, text) in enumerate(numbered):
        found = canonical.get(heading_key(text))
        if found:
            if item is None or found in item.parts:
                item = Item(number, "")
                items.append(item)
            label, filled = found, False
            item.parts[found] = [] if found in list_labels else ""
        elif label and label not in list_labels and not filled:
            item.parts[label], filled = text, True
        elif _next_is(numbered, index, canonical, starters):
            item, label = Item(number, text), None
            items.append(item)
        elif label in list_labels:
            item.parts[label].append(bullet.sub("", text))
        elif label:
            item.parts[label] += "\n\n" + text
        elif item:
            item.text += "\n\n" + text
        else:
            stray.append(text)
    return items, stray


def _next_is(numbered: list[Line], index: int, canonical: dict, starters) -> bool:
    following = numbered[index + 1][1] if index + 1 < len(numbered) else ""
    return canonical.get(heading_key(following)) in starters


def subsections(numbered: list[Line], names) -> list[tuple[str, list[Line]]]:
    """Split lines at the headings in `names`; the first part (heading "") may be empty."""
    parts: list[tuple[str, list[Line]]] = [("", [])]
    for number, text in numbered:
        if heading_key(text) in names:
            parts.append((text, []))
        else:
            parts[-1][1].append(Line(number, text))
    return parts


# --- IGF title lines split over two lines; SDG goal lines in every published form ---------------

# "GOAL 4: Quality Education" (2019-2020 pages) or "4. Quality Education" (later pages).
SDG_GOAL_LINE = re.compile(
    r"^(?:GOAL\s+(?P<labelled>\d{1,2})\s*:|(?P<numbered>\d{1,2})\.)\s(?P<name>[^.]{1,80})$", re.I
)
SDG_REFERENCE = Path(__file__).resolve().parents[2] / "fixtures/reference/sdg_goals_targets.json"


def _name_words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", name.casefold().replace("&", " and ")))


@lru_cache(maxsize=1)
def _goal_names() -> dict[int, set[frozenset[str]]]:
    goals = json.loads(SDG_REFERENCE.read_text(encoding="utf-8"))["goals"]
    return {
        goal["number"]: {_name_words(goal["short"]), _name_words(goal["short_source"])}
        for goal in goals
    }


def sdg_line(text: str) -> int | str | None:
    """4 for 'GOAL 4: Quality Education' or '4. Quality Education', '8.2' for '8.2', None for
    anything else. A goal line must carry its goal's own short name (in any case and word
    order, "&" for "and"), so that a numbered agenda or outcome line ("1. Introductory
    remarks") is never read as an SDG."""
    if match := SDG_GOAL_LINE.match(text):
        number = int(match["labelled"] or match["numbered"])
        names = _goal_names().get(number, set())
        return number if _name_words(match["name"]) in names else None
    return text if SDG_TARGET.match(text) else None


# --- IGF date lines: "Friday, 10th December, 2021 (10:15 UTC) - Friday, ... (11:45 UTC)" ---


def _moment(name: str) -> str:
    """'Friday, 10th December, 2021 (10:15 UTC)', its groups prefixed with name."""
    return (
        rf"[A-Za-z]+,\s+(?P<{name}_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<{name}_month>[A-Za-z]+),?"
        rf"\s+(?P<{name}_year>\d{{4}})\s+\((?P<{name}_time>\d{{1,2}}:\d{{2}})\s*(?P<{name}_zone>\w+)\)"
    )


# An introductory session of 2021 gives its start alone.
DATE_LINE = re.compile(rf"^{_moment('start')}(?:\s*-\s*{_moment('end')})?$")


def read_date_line(match: re.Match, line: Line, session: ParsedSession) -> None:
    """Fill date, start and end time, time zone and (if unknown) the year from a DATE_LINE
    match; ParseError when the line names no such day or time."""
    month = month_number(match["start_month"])
    if month is None:
        raise ParseError(line.number, f"unknown month '{match['start_month']}' in the date line")
    try:
        session.date = datetime.date(int(match["start_year"]), month, int(match["start_day"]))
        session.start_time = datetime.time.fromisoformat(match["start_time"].zfill(5))
        if match["end_time"]:
            session.end_time = datetime.time.fromisoformat(match["end_time"].zfill(5))
    except ValueError as error:
        raise ParseError(line.number, f"no such date or time in the date line: {error}") from None
    session.time_zone = match["start_zone"]
    session.meeting_year = session.meeting_year or session.date.year


# A name or a theme on a line of its own is short and no sentence.
SHORT_LINE_LENGTH = 100


def is_short_line(text: str) -> bool:
    """A line that names something (a theme, an organization), never a sentence."""
    return len(text) <= SHORT_LINE_LENGTH and not text.endswith((".", ":", "?"))


# "Duration (minutes): 90" (2024-2025), below the session's format.
DURATION = re.compile(r"^Duration\s*\(minutes\)\s*:\s*(?P<minutes>\d+)$", re.I)

# A list item's bullet, as the IGF pages print it ("• Art Manion, FIRST").
LIST_BULLET = re.compile(r"^[•●▪◦·]\s*")

WORD = re.compile(r"\w+")


class DocumentWords:
    """A document's words (case-folded), counted and sorted once: what `cut_off` compares a
    statement's last word with, in a time that grows with the log of the document's size."""

    def __init__(self, text: str):
        self.counts: dict[str, int] = {}
        for word in WORD.findall(text.casefold()):
            self.counts[word] = self.counts.get(word, 0) + 1
        self.sorted = sorted(self.counts)

    def cut_off(self, statement: str) -> bool:
        """Whether the source cut a statement off mid-word: "...big data in promoting enviro".

        The statement ends in a word, with no closing punctuation, that the document has
        nowhere else as a word of its own but that begins a longer word of the document
        ("environmental"). A statement that merely lacks a full stop (DiploAI reports write
        them so) is not cut off.
        """
        text = statement.rstrip()
        if not text or not text[-1].isalnum():
            return False
        last = WORD.findall(text[-200:].casefold())[-1]
        if self.counts.get(last, 0) > 1:
            return False
        # The words that begin with `last` follow it in sorted order: is the next one such?
        index = bisect.bisect_right(self.sorted, last)
        return index < len(self.sorted) and self.sorted[index].startswith(last)
