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

Other pages of the family (SCIO and China.org.cn, 2006-2023) vary the heading: navigation
lines ("Home > Press Room >", "CHINA SCIO", "ㄑ Press Room ㄑ ...", "Read in Chinese", "White
Paper") before or after the title, a bullet before a press-room list's title; the dateline
as "China.org.cn | Updated: November 15, 2022", "China.org.cnUpdated: November 15, 2022",
"Updated: 2006-02-17 19:45", "Beijing | 10 a.m. March 19, 2021", at the end
of the title ("SCIO Briefing on ... | September 22, 2020") or of an introductory paragraph; and
a first page lists its people before the transcript, under "Speakers:" and "Chairperson:" (or
with the headings lost), one "Name, position" a line, with the conference's date alone on a
line, sometimes under "Date:". A page may open with that list and have no title at all.

Readings of text the page leaves open:
- The dateline's comment counter and "Print E-mail" are furniture; what precedes the date is
  the publisher when it names a website ("China.org.cn", "China SCIO"), else the place
  ("Beijing"), which goes to unplaced. A date alone on a line, or under "Date:", is the day
  of the conference (date); a dateline's date is the day the page was published
  (published_on). Without either the page waits for an editor: the meeting's year comes
  from it.
- A page with no title and no publisher that names the State Council Information Office (its
  chair is the office's spokesperson) is the SCIO's own page: publisher "SCIO", which names its
  conference (the loader titles such a page after it).
- A listed "Chairperson" (or "Host") is the host. When the headings are lost, the listed person
  who opens the transcript is its host: at these conferences the host speaks first. A page with
  no turn (its copy stops before the transcript) sets its chair apart: the person listed last
  after a wider gap than any between the speakers is the host (role from the layout).
- A page with no transcript and no list whose text credits a photo ("[Photo by ...]") is a
  photo page: there is no session on it, and it is refused as such. A page with its list and
  no turn yet (the copy stops before the transcript) is a session page all the same.
- A turn starts only at a line holding nothing but a label and a colon ("Wang Song:"); a label
  is at most six words, each capitalised (or a number, or a joining word such as "of"). Inline
  "Name: text" is not a turn: in running text it is too often "For example: ...".
- The transcript ends at the first furniture line; later lines that are not furniture go to
  unplaced, as do lines before the first turn other than the title and the dateline.
- A label naming a media outlet (it holds a word such as News, Daily, TV, Agency, Xinhua, or is
  an acronym alone: "CRNTT") or a generic asker ("Reporter", "Journalist") keeps its turns but
  makes no person: the loader attaches outlets to organizations.
- Every other label is a person: role "host" when one of their turns only gives the floor
  ("The last question.", "Now, we'll take the last question.") or, when nobody's does, when
  one of their turns names the speaker of the turn after it ("Mr. Wang Song will answer it.",
  "I'd like to invite Ms. Sun to answer"), else role "speaker".
- session_type is "Press conference" when the title says "press conference" or "news
  conference", else "".
"""

import datetime
import re
from itertools import pairwise, takewhile

from speakers.affiliations import POSITION_NOUNS
from speakers.names import fold

from .names import NAME_JOINERS, TITLE, looks_like_name, without_honorifics
from .parsed import ParsedPerson, ParsedSession, ParsedTurn, ParseError
from .press_introduction import introduced
from .text import (
    Line,
    continue_turn,
    heading_key,
    month_number_abbreviated,
    nonblank_lines,
)

# A date ending a line: "November 15, 2022", "Sept. 18, 2019", "2006-02-17 19:45".
_DATE_AT_END = re.compile(
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}), (?P<year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))(?: \d{1,2}:\d{2})?$"
)
_TIME_OF_DAY = re.compile(r"\d{1,2}(?::\d{2})? [ap]\.m\.$")
# The conference's own dateline gives its hour: "Beijing | 3 p.m. Feb. 26, 2021".
_CONFERENCE_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))? (?P<half>[ap])\.m\. "
    r"(?=[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$)"
)
_SCIO = re.compile(r"\bState Council Information Office\b|\bSCIO\b")
_PUBLISHER = re.compile(r"[\w-]{1,30}(?:\.[\w-]{1,30}){1,3}|China SCIO|SCIO")
_LIST_LABELS = {
    "speakers": "speaker",
    "speaker": "speaker",
    "chairperson": "host",
    "chairman": "host",
    "host": "host",
    "moderator": "host",
    "date": "date",
}
# "Liu Liehong, vice minister of the Cyberspace Administration of China;"
_LISTED = re.compile(r"(?P<name>[^,]{3,60}), (?P<position>[A-Za-z][^\n]{0,600}?)[;.]?")
_INLINE_LABEL = re.compile(r"(?P<label>[^:\n]{3,60}): (?P<said>\S.*)")
_FEWEST_INLINE_LABELS = 2
_LETTER = re.compile(r"[^\W\d_]")  # a line without one (".") is furniture, no title
_PHOTO_CREDIT = re.compile(r"\[Photo\b", re.IGNORECASE)
_LABEL = re.compile(r"(?P<label>[^:]{1,80}):")
_LABEL_JOINERS = NAME_JOINERS | {"of", "and", "the", "for"}
_NAME_WORD = re.compile(r"[^\W_][\w.'’&-]*")

# Media outlets and generic askers: labels that name no person.
_NOT_A_PERSON = re.compile(
    r"\b(?:News|Daily|Times|TV|Television|Radio|Agency|Press|Xinhua|CCTV|CGTN|Post|Journal|"
    r"Media|Network|Broadcasting|Channel|Magazine|Weekly|Tribune|Herald|Reuters|Bloomberg|AFP|"
    r"Reporter|Journalist|Online|Net|Paper|Caixin|Yicai|Kyodo|Nikkei|Yonhap|NHK|TASS|Sputnik|"
    r"Zaobao|Phoenix|Shimbun)\b"
)

# "<  1  2  3 ... 13  >": the page is one of a document's pages (the numbers are furniture; how
# many there are is kept).
_PAGE_NUMBERS = re.compile(r"<?\s*(?:\d+\s+)+\d+\s*>?")
# The site's furniture, written to hold on its other pages too.
_FURNITURE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\d+\s*Comment\(s\)(?:\s*Print\s*E-?mail)?",
        r"Adjust font size:?",
        _PAGE_NUMBERS.pattern,
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
# Navigation at the top of a page.
_TOP_FURNITURE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"Press Room",
        r"ㄑ.*",
        r"Read in Chinese",
        r"White Paper",
        r"China SCIO",
        r"Home ?>[^\n]{0,200}",  # the breadcrumb "Home > Press Room >"
        r"[^<>\n]{0,40}\">",  # what the copy kept of a link's markup: '中文">' (2015)
    )
)
# The rest of a title wrapped onto a second line is short.
TITLE_CONTINUATION_LENGTH = 200
# A press-room list prints its item's title after a bullet: "• SCIO briefing on ...".
_BULLET = re.compile(r"^[•·▪] ?")
# A turn that only gives the floor is the chair's: "The last question.", "Now, we'll take the
# last question.", "Next question, please.", "And now for the final question.", "The floor is
# now open for questions."
_GIVES_THE_FLOOR = re.compile(
    r"(?:And )?(?:(?:Now|OK|Okay|Well),? )?(?:for )?(?:we(?:'|’)ll take |let(?:'|’)s take )?"
    r"(?:The )?(?:last|next|final) question\b|The floor is (?:now )?open\b",
    re.IGNORECASE,
)
# An acronym alone ("CRNTT", "CCTV") names a media outlet: no person's name is one word in capitals.
_ACRONYM = re.compile(r"[A-Z]{2,10}")


def parse(text: str) -> ParsedSession:
    """Read one press-conference transcript page; raise ParseError if it lacks any turn. A page
    without a dateline is read all the same, with the reason in `missing` (its date is
    unknown); one without a title has an empty title."""
    lines = nonblank_lines(text)
    if not lines:
        raise ParseError(1, "empty document: no title line")
    session = ParsedSession(
        format_family="press_transcript", meeting_kind="press", meeting_year=None
    )
    if not any(_label(text) for _, text in lines) and any(
        _PHOTO_CREDIT.search(text) for _, text in lines
    ):
        raise ParseError(
            lines[0][0],
            "a photo page: a photo and its caption, with no press-conference transcript "
            "or list of speakers on it",
        )
    listed: list[ParsedPerson] = []
    body = _read_heading(lines, session, listed)
    # Older pages run each label and what was said on one line ("Guo Weimin: Ladies and …",
    # 2010): read so when no label stands alone and two lines at least open with one.
    inline = not any(_label(text) for _, text in body) and (
        sum(bool(_inline_label(text)) for _, text in body) >= _FEWEST_INLINE_LABELS
    )
    _read_transcript(body, session, inline)
    if not session.transcript and not listed:
        raise ParseError(
            body[0][0] if body else lines[-1][0] + 1,
            "no transcript turn: no line holding only a speaker label such as 'Cao Shumin:'",
        )
    session.people = _people(session.transcript, listed)
    if not session.title and not session.publisher and any(_SCIO.search(t) for _, t in lines):
        session.publisher = "SCIO"
    return session


def _continues_title(title: str, text: str) -> bool:
    """Whether the line below a title carries on its words: the title ends mid-sentence and the
    line opens in lower case, and is no dateline."""
    return (
        text[:1].islower()
        and not title.endswith((".", ":", "?", "!"))
        and len(text) <= TITLE_CONTINUATION_LENGTH
        and not _dateline(text)
    )


def _read_heading(lines: list[Line], session: ParsedSession, listed: list) -> list[Line]:
    """Read the title, the dates and the list of people before the transcript; return the
    lines after the last of them."""
    index = 0
    while index < len(lines) and (
        _is_top_furniture(lines[index][1]) or not _LETTER.search(lines[index][1])
    ):
        session.furniture.append(lines[index][1])
        index += 1
    if index == len(lines):
        raise ParseError(lines[0][0], "no title line")
    title_line, title = lines[index][0], _BULLET.sub("", lines[index][1])
    role, dated = "", _dateline(title)
    # A copy that starts at the dateline ("China.org.cn | June 11, 2020") has no title, which
    # an editor gives the page while it waits; the dateline is read below with the list.
    starts_at_dateline = dated and (not dated[0] or _PUBLISHER.fullmatch(dated[0]))
    if heading_key(title) in _LIST_LABELS and _opens_list(title, lines[index + 1 :]):
        role = _LIST_LABELS[heading_key(title)]  # a list before any title: no title
    elif _label(title) or _listed_entry(title):
        pass  # a copy that starts at a turn ("Reuters:") or at its list of people: no title
    elif not starts_at_dateline:
        index += 1
        if dated:
            title = dated[0]
            session.published_on = _checked(title_line, dated[2])
        elif index < len(lines) and _continues_title(title, lines[index][1]):
            # "SCIO briefing on … preparatory work for" / "the 2021 World Internet Conference …"
            title, index = f"{title} {lines[index][1]}", index + 1
        session.title, session.title_line = title, title_line
    if re.search(r"\b(?:press|news) conference\b|\bbriefing\b", title, re.IGNORECASE):
        session.session_type = "Press conference"
    consumed, pending = index - 1, []
    for position in range(index, len(lines)):
        number, text = lines[position]
        if _label(text) and heading_key(text) not in _LIST_LABELS:
            break  # the transcript's first turn
        if heading_key(text) in _LIST_LABELS and _opens_list(text, lines[position + 1 :]):
            role = _LIST_LABELS[heading_key(text)]
        elif _is_top_furniture(text):
            session.furniture.append(text)
        elif (dated := _dateline(text)) and _read_dateline(session, number, dated, role, pending):
            role = "" if role == "date" else role
            if (clock := _conference_time(text)) and session.start_time is None:
                # An hour is the conference's, never a publication's: so is the line's date.
                session.start_time = clock
                session.date = session.date or session.published_on
        elif entry := _listed_entry(text):
            listed.append(
                ParsedPerson(
                    name=without_honorifics(entry["name"].strip()),
                    role=role if role in {"speaker", "host"} else "speaker",
                    line=number,
                    affiliation=entry["position"].strip(),
                )
            )
        else:
            pending.append(text)
            continue
        session.unplaced.extend(pending)
        pending, consumed = [], position
    if session.date is None and session.published_on is None:
        # The date tells the press conference: without it the page waits for an editor.
        session.missing.append(
            (
                title_line + 1,
                "no dateline such as 'China.org.cn, November 15, 2022' after the title",
            )
        )
    else:
        session.meeting_year = (session.date or session.published_on).year
    return lines[consumed + 1 :]


def _opens_list(text: str, below: list[Line]) -> bool:
    """Whether a list's label ("Speakers:", "Chairperson:", "Date:") opens its list here: with
    its colon, or without it right above a listed person ("Speakers" / "Cao Shumin, …")."""
    return text.endswith(":") or bool(below and _listed_entry(below[0][1]))


def _listed_entry(text: str) -> re.Match | None:
    """The match of a listed person's line, "Cao Shumin, vice minister of …", or None."""
    entry = _LISTED.fullmatch(text)
    if not entry or not looks_like_name(entry["name"], 4, _NAME_WORD):
        return None
    if any(character.isdigit() for character in entry["name"]):
        return None  # "On Jan. 28, the State Council Information Office … held …" (2022)
    # A position opens in lower case, or with a post's word ("Secretary of the CPC …"); a
    # place after a comma ("Digital China Summit, Fuzhou") makes no person.
    first = fold(entry["position"].split()[0])
    if entry["position"][0].isupper() and first not in POSITION_NOUNS:
        return None
    return entry if len(entry["name"].split()) > 1 else None


def _is_top_furniture(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in _TOP_FURNITURE)


def _dateline(text: str) -> tuple[str, str, tuple[int, int, int], bool] | None:
    """(what precedes the date, furniture, (year, month, day), whether the date is marked as
    a dateline by "Updated:", "|" or ",") of a line ending in a date."""
    match = _DATE_AT_END.search(text)
    if not match:
        return None
    if match["iso_year"]:
        day = (int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
    elif month_number_abbreviated(match["month"]):
        day = (int(match["year"]), month_number_abbreviated(match["month"]), int(match["day"]))
    else:
        return None
    before = text[: match.start()].rstrip()
    before = _TIME_OF_DAY.sub("", before).rstrip()
    unmarked = before
    before = before.removesuffix("Updated:").rstrip().rstrip("|,").rstrip()
    furniture = re.match(r"(?:\d{1,9} ?Comment\(s\))?(?:Print ?E-?mail)?", before)[0]
    return before[len(furniture) :].strip(), furniture, day, before != unmarked


def _conference_time(text: str) -> datetime.time | None:
    match = _CONFERENCE_TIME.search(text)
    if match is None or not 1 <= int(match["hour"]) <= 12:
        return None
    hour = int(match["hour"]) % 12 + (12 if match["half"] == "p" else 0)
    return datetime.time(hour, int(match["minute"] or 0))


def _checked(number: int, day: tuple[int, int, int]) -> datetime.date:
    try:
        return datetime.date(*day)
    except ValueError as error:
        # The dateline's shape holds "November 31, 2022" and year 0000: no date.
        raise ParseError(number, f"no such date in the dateline: {error}") from None


def _read_dateline(session, number, dated, role, pending) -> bool:
    """Read a dateline or a conference date; False when the line is neither. What precedes a
    dateline's date and is no publisher (a place, an introduction) joins `pending`, the lines
    kept as unplaced."""
    before, furniture, day, marked = dated
    if (not before and not marked) or role == "date":
        if session.date is None:
            session.date = _checked(number, day)
            return True
        return False
    if session.published_on is not None:
        return False
    session.published_on = _checked(number, day)
    if furniture:
        session.furniture.append(furniture)
    if _PUBLISHER.fullmatch(before):
        session.publisher = before
    elif before:
        pending.append(before)
    return True


def _read_transcript(lines: list[Line], session: ParsedSession, inline: bool) -> None:
    """Turns run from their label line to the next label or the first furniture line; with
    `inline`, a label opens its line and what was said follows it."""
    ended = False
    for number, text in lines:
        label = _label(text)
        if inline and not ended and (opened := _inline_label(text)):
            session.transcript.append(ParsedTurn(opened["label"], opened["said"], number))
        elif _is_furniture(text):
            session.furniture.append(text)
            ended = ended or bool(session.transcript)
            numbers = re.findall(r"\d+", text) if _PAGE_NUMBERS.fullmatch(text) else []
            # Page numbers run 1, 2, ... N; other numbers on a line of their own say nothing.
            if len(numbers) > 1 and numbers == [str(n) for n in range(1, len(numbers) + 1)]:
                session.source_page_count = len(numbers)
        elif label and not ended:
            session.transcript.append(ParsedTurn(label, "", number))
        elif session.transcript and not ended:
            continue_turn(session.transcript[-1], text)
        else:
            session.unplaced.append(text)


def _is_furniture(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in _FURNITURE)


def _inline_label(text: str) -> re.Match | None:
    """A label that opens a line, then what was said: a person's name of two words or more
    ("Zhu Weiqun: Ladies and gentlemen, …"), no outlet's and no field's ("Note: …")."""
    match = _INLINE_LABEL.match(text)
    if not match or len(match["label"].split()) < 2 or _names_no_person(match["label"]):
        return None
    return match if looks_like_name(match["label"], 4, _NAME_WORD, NAME_JOINERS) else None


def _label(text: str) -> str | None:
    match = _LABEL.fullmatch(text)
    if not match:
        return None
    if looks_like_name(match["label"], 6, _NAME_WORD, _LABEL_JOINERS):
        return _without_role_word(match["label"].strip())
    return None


def _without_role_word(label: str) -> str:
    """A turn's label without the role it opens with ("Chairperson Xi Yanchun:", 2016): the
    list above gave the role, the label names the person."""
    first, _, rest = label.partition(" ")
    if _LIST_LABELS.get(fold(first)) == "host" and len(rest.split()) >= 2:
        return rest
    return label


def _people(turns: list[ParsedTurn], listed: list[ParsedPerson]) -> list[ParsedPerson]:
    """The people listed before the transcript, then one person per other label that names a
    person, at its first turn, in order of appearance."""
    # One who only gives the floor ("The last question.") hosts; failing one, one who hands
    # it to the next speaker by name (a minister may pass a question on to a colleague so).
    hosts = {turn.speaker for turn in turns if _GIVES_THE_FLOOR.match(turn.text)} or {
        turn.speaker
        for turn, following in pairwise(turns)
        if following.speaker != turn.speaker and _names(turn.text, following.speaker)
    }
    people: dict[str, ParsedPerson] = {person.name: person for person in listed}
    if listed and all(person.role == "speaker" for person in listed):
        # The headings were lost: the chair is the one listed last, set apart from the speakers
        # by a wider gap, where the lost "Chairperson:" heading stood; failing that, the listed
        # person who opens the transcript (the host speaks first; a later page's first turn
        # may be anyone's, hence the layout first).
        if chair := _set_apart(listed):
            people[chair].role, people[chair].inferred_by = "host", "role_from_layout"
        elif turns and (opener := people.get(turns[0].speaker)):
            opener.role, opener.inferred_by = "host", "host_opens_the_conference"
    if turns and not any(person.role == "speaker" for person in listed):
        # No speaker listed (a chair alone, 2016): the host's opening turns introduce them.
        opening = takewhile(lambda turn: turn.speaker == turns[0].speaker, turns)
        for person in (person for turn in opening for person in introduced(turn)):
            people.setdefault(person.name, person)
    for turn in turns:
        if turn.speaker not in people and not _names_no_person(turn.speaker):
            host = turn.speaker in hosts
            people[turn.speaker] = ParsedPerson(
                name=turn.speaker,
                role="host" if host else "speaker",
                line=turn.line,
                inferred_by="host_hands_over" if host else "",
            )
    return list(people.values())


def _names_no_person(label: str) -> bool:
    return bool(_NOT_A_PERSON.search(label) or _ACRONYM.fullmatch(label))


def _names(text: str, speaker: str) -> bool:
    """Whether a turn names a speaker: whole, or one word of the name after a title ("I'd like
    to invite Ms. Sun to answer" gives the floor to Sun Weimin)."""
    words = "|".join(re.escape(word) for word in speaker.split())
    return speaker in text or re.search(TITLE + r"\.? (?:" + words + r")\b", text) is not None


def _set_apart(listed: list[ParsedPerson]) -> str | None:
    """The name of the person listed last when more blank lines part them from the others
    than part any two of the others; the list is read up to its first repeated name."""
    names = [person.name for person in listed]
    first = listed[: next((i for i, name in enumerate(names) if name in names[:i]), len(names))]
    gaps = [following.line - person.line for person, following in pairwise(first)]
    if len(gaps) >= 2 and gaps[-1] > max(gaps[:-1]):
        return first[-1].name
    return None
