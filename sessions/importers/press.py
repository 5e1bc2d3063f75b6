"""Parser for press-conference transcript pages as China.org.cn publishes them
(format family "press_transcript").

Layout of a page:

    <title>
    0 Comment(s)Print E-mail China.org.cn, November 15, 2022     the dateline
    Adjust font size:
    Tianmu News:                        a label line: the speaker (or media outlet) alone + ":"
    <paragraphs of that turn>
    Cao Shumin:
    <paragraphs>
    ...
    <  1  2  3 ... 13  >                the page numbers, then the site's sharing and comment
    Follow China.org.cn on ...          furniture to the end of the page

Readings of text the page leaves open:
- The dateline's comment counter and "Print E-mail" are furniture; what follows them is
  "<publisher>, <Month day, year>". The dateline is required: it is the only date on the page.
- A turn starts only at a line holding nothing but a label and a colon ("Wang Song:"); a label
  is at most six words, each capitalised (or a number, or a joining word such as "of"). Inline
  "Name: text" is not a turn: in running text it is too often "For example: ...".
- The transcript ends at the first furniture line; later lines that are not furniture go to
  unplaced, as do lines before the first turn other than the title and the dateline.
- A label naming a media outlet (it holds a word such as News, Daily, TV, Agency, Xinhua) or a
  generic asker ("Reporter", "Journalist") keeps its turns but makes no person: the loader
  attaches outlets to organizations.
- Every other label is a person: role "host" when one of their turns names the speaker of the
  turn after it ("Mr. Wang Song will answer it." gives the floor), else role "speaker".
- session_type is "Press conference" when the title says "press conference" or "news
  conference", else "".
"""

import re
from itertools import pairwise

from .parsed import ParsedPerson, ParsedSession, ParsedTurn, ParseError
from .text import Line, continue_turn, date_line, date_of, looks_like_name, nonblank_lines

_DATELINE = re.compile(
    r"(?P<furniture>(?:\d+\s*Comment\(s\))?\s*(?:Print\s*E-?mail)?)\s*"
    r"(?P<publisher>[^,]+?),\s*(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}), (?P<year>\d{4})"
)
_LABEL = re.compile(r"(?P<label>[^:]{1,80}):")
_LABEL_JOINERS = {"of", "and", "the", "for", "de", "du", "van", "von"}
_NAME_WORD = re.compile(r"[^\W_][\w.'’&-]*")

# Media outlets and generic askers: labels that name no person.
_NOT_A_PERSON = re.compile(
    r"\b(?:News|Daily|Times|TV|Television|Radio|Agency|Press|Xinhua|CCTV|CGTN|Post|Journal|"
    r"Media|Network|Broadcasting|Channel|Magazine|Weekly|Tribune|Herald|Reuters|Bloomberg|AFP|"
    r"Reporter|Journalist)\b"
)

# The site's furniture, written to hold on its other pages too.
_FURNITURE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\d+\s*Comment\(s\)(?:\s*Print\s*E-?mail)?",
        r"Adjust font size:?",
        r"<?\s*(?:\d+\s+)+\d+\s*>?",  # page numbers
        r"Follow \S+ on .* to join the conversation\.?",
        r".*\bApp Download",
        r"Print\s*E-?mail(?:\s*Bookmark and Share)?",
        r"Go to Forum\b.*",
        r"No comments\.?",
        r"Add your comments.*",
        r"•?\s*User Name(?: Required)?",
        r"•?\s*Your Comment",
        r"•?\s*Enter the words you see:?",
        r".*comments may be removed by the moderator\.?",
        r"Send your stories.*",
    )
)


def parse(text: str) -> ParsedSession:
    """Read one press-conference transcript page; raise ParseError if it lacks a title, its
    dateline, or any turn."""
    lines = nonblank_lines(text)
    if not lines:
        raise ParseError(1, "empty document: no title line")
    session = ParsedSession(
        format_family="press_transcript", meeting_kind="press", meeting_year=None
    )
    body = _read_heading(lines, session)
    _read_transcript(body, session)
    if not session.transcript:
        raise ParseError(
            body[0][0] if body else lines[-1][0] + 1,
            "no transcript turn: no line holding only a speaker label such as 'Cao Shumin:'",
        )
    session.people = _people(session.transcript)
    return session


def _read_heading(lines: list[Line], session: ParsedSession) -> list[Line]:
    """Read the title and the dateline; return the lines after the dateline."""
    (title_line, title), *rest = lines
    if date_line(_DATELINE, title):
        raise ParseError(title_line, "no title line before the dateline")
    session.title, session.title_line = title, title_line
    if re.search(r"\b(?:press|news) conference\b", title, re.IGNORECASE):
        session.session_type = "Press conference"
    for index, (number, text) in enumerate(rest):
        match = date_line(_DATELINE, text)
        if match:
            try:
                _set_dateline(session, match)
            except ValueError as error:
                # The dateline's shape holds "November 31, 2022" and year 0000: no date.
                raise ParseError(number, f"no such date in the dateline: {error}") from None
            session.unplaced.extend(text for _, text in rest[:index])
            return rest[index + 1 :]
    raise ParseError(
        title_line + 1, "no dateline such as 'China.org.cn, November 15, 2022' after the title"
    )


def _set_dateline(session: ParsedSession, match: re.Match) -> None:
    # The dateline says when the page was published, not when the conference was held.
    session.published_on = date_of(match)
    session.meeting_year = session.published_on.year
    session.publisher = match["publisher"].strip()
    if match["furniture"].strip():
        session.furniture.append(match["furniture"].strip())


def _read_transcript(lines: list[Line], session: ParsedSession) -> None:
    """Turns run from their label line to the next label or the first furniture line."""
    ended = False
    for number, text in lines:
        label = _label(text)
        if _is_furniture(text):
            session.furniture.append(text)
            ended = ended or bool(session.transcript)
        elif label and not ended:
            session.transcript.append(ParsedTurn(label, "", number))
        elif session.transcript and not ended:
            continue_turn(session.transcript[-1], text)
        else:
            session.unplaced.append(text)


def _is_furniture(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in _FURNITURE)


def _label(text: str) -> str | None:
    match = _LABEL.fullmatch(text)
    if not match:
        return None
    if looks_like_name(match["label"], 6, _NAME_WORD, _LABEL_JOINERS):
        return match["label"].strip()
    return None


def _people(turns: list[ParsedTurn]) -> list[ParsedPerson]:
    """One person per label that names a person, at its first turn, in order of appearance."""
    hosts = {
        turn.speaker
        for turn, following in pairwise(turns)
        if following.speaker != turn.speaker and following.speaker in turn.text
    }
    people: dict[str, ParsedPerson] = {}
    for turn in turns:
        if turn.speaker not in people and not _NOT_A_PERSON.search(turn.speaker):
            role = "host" if turn.speaker in hosts else "speaker"
            people[turn.speaker] = ParsedPerson(name=turn.speaker, role=role, line=turn.line)
    return list(people.values())
