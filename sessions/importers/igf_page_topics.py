"""Speakers listed by topic on an IGF session page (sessions/importers/igf_page.py reads the
page): a main session's table of sub-themes and their speakers, and its bullets.

- 2020: a table under its header "Subtheme Speakers", flattened by the copy into one line a
  speaker, the sub-theme glued before the first of its speakers:

      Subtheme Speakers
      Access Smita Vanniyar (DC Gender)
      Gerry Ellis (DCAD)

- 2015 (the first sites): a bullet a sub-theme, its speakers after a semicolon or a colon,
  each with an affiliation in parentheses or after a comma:

      • Openness; Vint Cerf, Google,
      • Inclusiveness and diversity; Hasanul Haq Inu (Min. ICT Bangladesh) & Rahul Gosain (…),

Only what reads as a person's name is a speaker: capitalised words, none in capitals alone
("CIRA- Byron" is no one), none an organization's word; a first name alone is no one.
"""

import re
from collections import Counter

from speakers.names import fold

from .names import NAME_JOINERS, PARENTHESES, reads_as_person
from .parsed import ParsedPerson
from .text import Line

_TABLE_HEADER = re.compile(r"^(?:Sub-?themes?|Topics?|Themes?|Issues?) Speakers$", re.I)
# What ends a table: another header, a phase's heading ("Phase 2: Education"), a label.
_TABLE_END = re.compile(r"^(?:Phase \d{1,2}\b|[^()]{1,60}:$)")
_ROW = re.compile(r"^(?P<before>[^()]{3,160}) \((?P<affiliation>[^()]{1,100})\)$")
_TOPIC_BULLET = re.compile(r"^[•●▪◦*-] ?(?P<topic>[^;:•]{2,80})[;:] (?P<people>\S.*)$")
# The fewest bullets with a semicolon that make a list of topics, not an agenda whose items
# name their speakers after a colon ("• Update on …: Mr Vladimir Stankovic, …"), which
# igf_page_unlabelled.py reads.
_FEWEST_BULLETS = 3
# "… Constance Bommelear, ISOC Goal: The goal of this session …": the copy ran the next
# paragraph, a label first, into the last bullet.
_NEXT_LABEL = re.compile(r" [A-Z][a-z]{2,20}: ")
_SEPARATOR = re.compile(r",|\s[&–—-]\s|\sand\s")
_MOST_NAME_WORDS = 4


def topic_speakers(lines: list[Line]) -> list[ParsedPerson]:
    """The speakers of the page's topic tables and topic bullets, in the order printed."""
    return _table_speakers(lines) + _bullet_speakers(lines)


def _table_speakers(lines: list[Line]) -> list[ParsedPerson]:
    rows, in_table = [], False
    for line in lines:
        if _TABLE_HEADER.match(line.text):
            in_table = True
        elif in_table and _TABLE_END.match(line.text):
            in_table = False
        elif in_table and (row := _ROW.match(line.text)):
            rows.append((line, row["before"].split(), row["affiliation"]))
    printed = Counter(" ".join(words) for _line, words, _affiliation in rows)
    people: dict[str, ParsedPerson] = {}
    for line, words, affiliation in rows:
        if name := _name_at_end(words, printed):
            people.setdefault(fold(name), _speaker(name, affiliation, line))
    return list(people.values())


def _name_at_end(words: list[str], printed: Counter) -> str:
    """The name that ends a row: one the table prints on a line of its own ("Smita Vanniyar"
    below "Access Smita Vanniyar"), or the capitalised words at the row's end, less the first
    of three or more printed once (the sub-theme's: "Education Gustavo Paiva")."""
    for start in range(1, len(words) - 1):
        if printed[" ".join(words[start:])]:
            return " ".join(words[start:])
    run = []
    for word in reversed(words):
        if not (word[:1].isupper() or word in NAME_JOINERS) or len(run) == _MOST_NAME_WORDS:
            break
        run.insert(0, word)
    if len(run) == len(words) >= 3 and printed[" ".join(words)] == 1:
        run = run[1:]
    return " ".join(run) if reads_as_person(" ".join(run)) else ""


def _bullet_speakers(lines: list[Line]) -> list[ParsedPerson]:
    bullets = [(line, match) for line in lines if (match := _TOPIC_BULLET.match(line.text))]
    if sum(bullet.group(0).count(";") > 0 for _line, bullet in bullets) < _FEWEST_BULLETS:
        return []
    people = []
    for line, bullet in bullets:
        listed = _NEXT_LABEL.split(bullet["people"], maxsplit=1)[0]
        people += [_speaker(name, affiliation, line) for name, affiliation in _named(listed)]
    return people


def _named(listed: str) -> list[tuple[str, str]]:
    """(name, affiliation) of each person a bullet lists: "Name (affiliation)" or "Name,
    affiliation"; what is neither ("CIRA- Byron", "UNESCO rep") is passed over."""
    asides = {}

    def set_aside(match: re.Match) -> str:
        asides[key := f"\x00{len(asides)}\x00"] = match["inside"]
        return key

    found: list[tuple[str, str]] = []
    waiting = False  # the last part was a name without its affiliation
    for part in _SEPARATOR.split(PARENTHESES.sub(set_aside, listed)):
        words = [word for word in part.split() if word not in asides]
        affiliation = next((asides[word] for word in part.split() if word in asides), "")
        text = " ".join(words).strip(" .;")
        if reads_as_person(text):
            found.append((text, affiliation))
            waiting = not affiliation
        elif waiting and text:
            found[-1] = (found[-1][0], text)  # "Vint Cerf, Google"
            waiting = False
    return found


def _speaker(name: str, affiliation: str, line: Line) -> ParsedPerson:
    return ParsedPerson(name=name, role="speaker", line=line.number, affiliation=affiliation)
