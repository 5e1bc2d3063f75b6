"""The top of a dig.watch report (sessions/importers/diploai.py): the title, with the IGF
session's type and number before it or the meeting after it, and the date line below it."""

import datetime
import re

from .parsed import ParsedSession, ParseError
from .text import Line, date_line, date_of, heading_key
from .titles import IGF_SESSION_TITLE, SESSION_TYPES

# "11 Jul 2025 09:00h - 09:45h", "10 Apr 2019 14:30h", "6 May 2016 - 14:00".
_DATE_LINE = re.compile(
    r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3,9})\.? (?P<year>\d{4})"
    r"(?:\s+(?:[-–]\s+)?(?P<start>\d{1,2}:\d{2})h?(?:\s*[-–]\s*(?P<end>\d{1,2}:\d{2})h?)?)?"
    r"(?:\s+(?P<zone>[A-Z]{2,5}(?:[+-]\d{1,2})?))?"
)
# dig.watch 2023 titles end with the meeting and the session's number, or its kind ("| IGF
# 2023 side event").
_TITLE_SUFFIX = re.compile(
    r" \| (?:IGF|WSIS) \d{4}(?: (?:"
    + IGF_SESSION_TITLE.pattern.rstrip()
    + r"|[a-z][a-z -]{1,30}))?$"
)
# "IGF 2018 – Open mic/taking stock", "WSIS 2019 – High-level policy statements: …": the meeting
# and a dash before the title.
_MEETING_BEFORE_TITLE = re.compile(r"^(?:IGF|WSIS) \d{4} [-–—] (?=\S)")
# dig.watch 2024-2025 titles open with the IGF session's type and number; the IGF numbers its
# sessions so, the WSIS Forum does not ("Open Forum #20 WSis+20 High Level Event 2025 ...").
IGF_TITLE_PREFIX = re.compile("^" + IGF_SESSION_TITLE.pattern)
# A title that opens with its meeting ("IGF 2024 Opening Ceremony") places a page without a date.
_TITLE_MEETING = re.compile(r"^(IGF|WSIS) (\d{4})\b")
# dig.watch's labels of an early report's fields (2017-2019), whose values the copy may lose
# with the title: "Related event", "Session date", "Session ID:", "Resource type" and its value.
_PAGE_LABELS = {"resource type", "related event", "session date", "session id", "event reports"}
# A type alone where the title would be (2019: "Main Session" under "Session ID:").
_TYPE_ALONE = {"main session": "Main Session"}
# "Session: 236" under the title (2016): the WSIS Forum's number of the session.
_SESSION_NUMBER = re.compile(r"^Session: (?P<number>\d{1,5})$")


def read_header(lines: list[Line], first_line: int, session: ParsedSession) -> None:
    """Read the title, the session's type and number, and the date line above the first
    heading."""
    # A page without its title is read all the same: it waits for an editor to supply it.
    session.furniture += [text for _, text in lines if heading_key(text) in _PAGE_LABELS]
    lines = [line for line in lines if heading_key(line[1]) not in _PAGE_LABELS]
    if not lines:
        session.missing.append((first_line, "no title line before the first heading"))
        return
    (title_line, title), *rest = lines
    if kind := _TYPE_ALONE.get(heading_key(title)):
        session.session_type = kind
        session.missing.append((title_line, "no title line before the first heading"))
        title = ""
    elif date_line(_DATE_LINE, title):
        session.missing.append((title_line, "no title line before the date line"))
        title, rest = "", lines
    session.title, session.title_line = title, title_line
    suffix = _TITLE_SUFFIX.search(title)
    prefix = IGF_TITLE_PREFIX.match(title)
    if prefix and not suffix:
        # The type and number are read apart, and the title is the rest, as on the IGF's own
        # pages: one title for the session whichever family names it.
        session.session_type = SESSION_TYPES.get(prefix["type"], prefix["type"])
        session.number = int(prefix["number"])
        session.meeting_kind = "igf"
        session.title = title[prefix.end() :]
    elif meeting := _MEETING_BEFORE_TITLE.match(title):
        session.title = title[meeting.end() :]
    if suffix:
        # "A bottom-up approach ... | IGF 2023 Open Forum #23": the title, then where it was.
        session.title = title[: suffix.start()]
        if suffix["type"]:
            session.session_type = "Workshop" if suffix["type"] == "WS" else suffix["type"]
            session.number = int(suffix["number"])
    for number, text in rest:
        if (match := date_line(_DATE_LINE, text)) and session.date is None:
            try:
                _set_date(session, match)
            except ValueError as error:
                # The date line's shape holds "31 Feb 2025", year 0000 and "25:00h": no date.
                reason = f"no such date or time in the date line: {error}"
                raise ParseError(number, reason) from None
        elif numbered := _SESSION_NUMBER.match(text):
            session.number = int(numbered["number"])
        elif text != title:  # the page repeats its title under the date line
            session.unplaced.append(text)
    if session.date is None and (named := _TITLE_MEETING.match(title)):
        session.meeting_kind, session.meeting_year = named[1].casefold(), int(named[2])
    elif session.date is None and session.meeting_year is None:
        # The date line (or an early report's banner) holds the meeting's year: without it
        # the page waits for an editor.
        session.missing.append(
            (title_line + 1, "no date line such as '11 Jul 2025 09:00h - 09:45h' after the title")
        )


def _set_date(session: ParsedSession, match: re.Match) -> None:
    session.date = date_of(match)
    session.meeting_year = session.date.year
    if match["start"]:
        session.start_time = datetime.time.fromisoformat(match["start"].zfill(5))
    if match["end"]:  # "10 Apr 2019 14:30h": a start alone (2019)
        session.end_time = datetime.time.fromisoformat(match["end"].zfill(5))
    session.time_zone = match["zone"] or ""
