"""What sets dig.watch's session reports of 2017-2019 apart from the DiploAI reports after them
(sessions/importers/diploai.py reads both): a banner that names the meeting by its ordinal,

    [Read more session reports and live updates from the 12th Internet Governance Forum]

(the 12th IGF met in 2017) or its year ("[Read more session reports from WSIS Forum 2017]"),
and people named only in the report's prose. Each is introduced once, with an honorific:

    Mr Steffen Eisentraut (Head, International Affairs, jugendschutz.net) shared that …
    The session was opened by Ms Krystyna Marty Lang addressing the attendees …
    … chaired by Ambassador Thomas Schneider, Head of …, Mr Armin Plum, UNDESA, and Ms Lynn
    St Amour, the Chair of the MAG.

The reports of 2018-2022 have no banner but their heading, "Event report", and their people
likewise. Later reports mention people in their summaries and AI-written reports without such
an introduction, or people the session only spoke of ("Dr. Bosun Tijani from Nigeria
highlighted …"): those are not read as the session's people.

The honorific is what makes a person of the words after it: a capitalised phrase without one
("Internet Society", "Geneva Messages") never becomes a person. Whom a sentence says it was
"chaired by" hosted the session (role_text "chair"), "moderated by" moderated it, as does one
who "(…) moderated the session" or whom it calls a moderator right before the name ("The
second moderator, Mr Maarten Van Horenbeeck, …"); the others spoke. What follows the name in
parentheses, or after a comma up to the next one, is the affiliation as published, unless it
opens another person or a clause ("and Ms …", "adding that …").
"""

import re

from .names import NAME_JOINERS, TITLE
from .parsed import ParsedPerson
from .text import Line

REPORTS_BANNER = re.compile(
    r"^\[Read more session reports (?:and (?:live )?updates )?from (?:the )?"
    r"(?:(?P<ordinal>\d{1,2})(?:st|nd|rd|th) Internet Governance Forum"
    r"|WSIS Forum (?P<year>\d{4}))\.?\]$",  # "… from the WSIS Forum 2016.]"
    re.I,
)
# The heading of a report a person wrote (2017-2022); the AI's after it ("Session report",
# "Full session report") mention people the session heard of as well as those it heard.
WRITTEN = {"event report"}
# The IGF has met once a year since its first meeting, in 2006.
FIRST_IGF_YEAR = 2006

_WORD = r"[A-Z][\w'’-]{0,30}\.?"  # "Ms Lynn St. Amour"
# Two to four capitalised words, and no fifth: "Ms Krystyna Marty Lang addressing".
_JOINER = r"(?:(?:" + "|".join(sorted(NAME_JOINERS)) + r") )?"  # "Ms Moira de Roche"
PROSE_PERSON = re.compile(
    r"\b"
    + TITLE
    + r"\.? (?P<name>"
    + _WORD
    + r"(?: "
    + _JOINER
    + _WORD
    + r"){1,3})(?![\w'’-]| [A-Z])"
)
# A list's entry whose bullet the copy lost, told by its honorific ("H.E. Mr. Hiroshi Yoshida,
# Vice Minister, …", 2023; diploai.py reads the lists), and the moderator above the list:
# "Moderator: Ms. Gitanjali Sah, …".
TITLED_ENTRY = re.compile(r"(?:" + TITLE + r"\.? ){1,3}[A-Z]")
MODERATOR_ENTRY = re.compile(r"Moderators?: (?P<entry>" + TITLED_ENTRY.pattern + r".{0,300})$")
_IN_PARENTHESES = re.compile(r" \((?P<affiliation>[^()\n]{1,300})\)")
# An unclosed parenthesis runs into the sentence: its affiliation is not told.
_AFTER_COMMA = re.compile(
    r", (?P<affiliation>(?:the )?[A-Z][^,.;()\n]{0,150}(?:\([^()\n]{1,40}\))?)"
)
_ANOTHER = re.compile(TITLE + r"\.? ")
_ROLE_CUE = re.compile(r"\b(?P<cue>chaired|moderated) by\b")
# "One of the moderators, Mr Markus Kummer, …", "The second moderator, Mr …", "Moderator, Mr …":
# the role named right before the name.
_ROLE_BEFORE = re.compile(r"\bmoderators?,? $", re.I)
# "Mr Jaroslaw Ponder (ITU) and Ms Gitanjali Sah (ITU) co-moderated the session" (2016): the
# cue after a pair of people is both's.
_ACTIVE_CUE = re.compile(
    r"(?: and " + TITLE + r"\.? [^.;()\n]{1,60}?(?: \([^()\n]{1,80}\))?)?"
    r",? (?:co-)?(?P<cue>chaired|moderated) (?:the|this) (?:session|discussion|panel)\b"
)
# A sentence ends at a full stop that does not close an honorific ("Mr. Lee" goes on).
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bProf)[.!?]\s")
_LOOK_BACK = 400  # characters: a role's cue and its people share a sentence


def banner_meeting(lines: list[Line]) -> tuple[str, int] | None:
    """The meeting the page's banner names, ("igf", 2017) or ("wsis", 2017), or None: no
    banner, no early report."""
    for _number, text in lines:
        if match := REPORTS_BANNER.match(text):
            if match["year"]:
                return "wsis", int(match["year"])
            return "igf", FIRST_IGF_YEAR - 1 + int(match["ordinal"])
    return None


def prose_people(lines: list[Line]) -> list[ParsedPerson]:
    """Everyone the lines name with an honorific, once each, in the order of first mention."""
    people: dict[str, ParsedPerson] = {}
    for number, text in lines:
        for match in PROSE_PERSON.finditer(text):
            if match["name"] in people:
                continue
            affiliation, end = _affiliation(text, match.end())
            role, role_text = _role(text, match.start(), end)
            people[match["name"]] = ParsedPerson(
                name=match["name"],
                role=role,
                line=number,
                affiliation=affiliation,
                role_text=role_text,
            )
    return list(people.values())


def _affiliation(text: str, end: int) -> tuple[str, int]:
    """The affiliation after a name ending at `end`, and where it ends."""
    if text.startswith(", (", end):
        end += 1  # "Mr Philipp Metzger, (Director-General, …) started …"
    if text.startswith(" (", end):
        closed = _IN_PARENTHESES.match(text, end)
        return (closed["affiliation"], closed.end()) if closed else ("", end)
    after = _AFTER_COMMA.match(text, end)
    if after is None or _ANOTHER.match(after["affiliation"]):
        return "", end
    return after["affiliation"].strip(), after.end()


def _role(text: str, start: int, end: int) -> tuple[str, str]:
    """The role a sentence gives the person named from `start` to `end`: "chaired by …" or
    "moderated by …" before the name, "… moderated the session" after it."""
    before = text[max(0, start - _LOOK_BACK) : start]
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end() :] if ends else before
    cues = list(_ROLE_CUE.finditer(sentence))
    cue = cues[-1]["cue"] if cues else (_ACTIVE_CUE.match(text, end) or {"cue": ""})["cue"]
    if _ROLE_BEFORE.search(sentence):
        cue = "moderated"
    if cue == "chaired":
        return "host", "chair"
    if cue == "moderated":
        return "moderator", ""
    return "speaker", ""
