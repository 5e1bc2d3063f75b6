"""People an IGF session page's agenda and report name (sessions/importers/igf_page.py reads
the page; igf_page_people.py the people of its lists).

- Agendas (2016): the speaker on the line below an item, "Name, affiliation".
- Agendas (2021-2023): people named in parentheses at a line's end ("(Moderators: A, B;
  Panelist: C)"), "by Name (affiliation)", "• Name (organization)", "• moderator: Name" and
  "• Speaker: Name, affiliation" bullets, and the bullets under a "Presenter's, moderators
  and panelists" heading. An agenda item ("• Opening Remarks (Jane Doe)") is never read as a name.
- Agendas (2018): a line of people alone, each with its affiliation in parentheses.
- Agendas (2020): a bullet of prose that opens with its speakers ("• Paulina Lewandowska has
  done …"); a numbered item, then its speakers after a dash ("3. Introduction – Gerry
  Ellis").
- Agendas (2017-2018): an item and its people on one line, "Review of Sao Paulo Principles: Uri
  Rosentthal, former foreign Minister of the Netherlands, Anriette Esterhuysen, Chair APC",
  read where a paragraph holds two such lines or the agenda has its heading (`segment_people`).
- Reports: "moderated by Name, affiliation" and "speeches from …, including Name, …; Name, …".

Only what reads as a person's name (PERSON_NAME) becomes a person.
"""

import re

from speakers.affiliations import COUNTRIES, POSITION_NOUNS
from speakers.names import fold

from .groups import has_organization_word
from .igf_page_people import JOB_WORDS
from .names import (
    HONORIFIC_PERSON,
    NAME_JOINERS,
    is_name,
    names_a_person,
    names_a_place_or_body,
)
from .parsed import ROLE_LABELS, ParsedPerson, once_each
from .text import LIST_BULLET, Line, Paragraph, flat

# People the report names in a role: "moderated by Zhang Fang, Associate Professor at …",
# "facilitated by Jutta Croll and Markus Kummer, with …" and "keynote speeches from …,
# including Gong Ke, former President …; Su Jun, Dean …; and …".
REPORT_MODERATOR = re.compile(r"\b(?:moderated|facilitated|chaired) by (?P<item>[^.;]+)")
REPORT_PRESENTERS = re.compile(
    r"\b(?:speeches|presentations|remarks) from [^.]{0,300}?including (?P<list>.+)"
)
# Capitalised words, an initial among them ("J. Smith"), but no acronym ("DC Gender").
# A name's particles between its words: "Bertrand de La Chappelle".
_PARTICLES = r"(?:(?:" + "|".join(sorted(NAME_JOINERS)) + r")\s){0,2}"
PERSON_NAME = re.compile(
    r"^(?:[A-Z](?:[a-z’'-][\w’'-]*\.?|\.)\s" + _PARTICLES + r"){1,3}[A-Z][a-z’'-][\w’'-]*$"
)
# An agenda line names its people in parentheses at its end: "(Moderators: A, B;  Panelist:
# C, D)" or "(A, MAG BPF Facilitator / B, BPF Facilitator )".
AGENDA_PEOPLE = re.compile(r"\((?P<people>[^()]{1,600})\)$")
AGENDA_ROLES = {"moderator": "moderator", "moderators": "moderator"}
PEOPLE_HEADING = re.compile(r"^Presenter.{0,3}s?,? moderators and panelists$", re.I)
# "• Louise Marie Hurel (RUSI)", "Intro to … by Wim Degezelle (IGF consultant)": a name with
# its affiliation in parentheses, on a bullet or after "by" (2023 best practice forum pages).
NAME_THEN_AFFILIATION = re.compile(
    "(?:" + LIST_BULLET.pattern + r"|\bby )(?P<name>(?:[A-Z][\w’'.-]*\s" + _PARTICLES + r"){1,3}"
    r"[A-Z][\w’'-]*)\s{0,4}\((?P<affiliation>[^()]{1,120})\)$"
)
# "• Keynote address by David Souter, Managing Director, ICT Development Associates" (2021): an
# agenda item (AGENDA_WORDS) and its speaker, whose affiliation follows a comma.
ITEM_BY_NAME = re.compile(
    LIST_BULLET.pattern
    + r"(?P<item>[^,]{1,80}?) by (?P<name>(?:[A-Z][\w’'.-]*\s){1,3}[A-Z][\w’'-]*),"
    r"\s*(?P<affiliation>\S.{0,300})$"
)
# "• moderator: Klée Aiken", "• Speaker: Avri Doria, ICANN Board Member" (2021-2023), with or
# without the bullet ("Moderator: Frederic Donck, Regional Bureau Director, Europe", 2018);
# where the moderator is ("• In-person moderator: Axel Klaphake, …", "• Online moderator: …").
BULLETED_ROLE = re.compile(
    "(?:" + LIST_BULLET.pattern + r")?(?:(?P<where>in-person|on-?site|online) (?=moderator))?"
    r"(?P<role>moderator|speaker|panelist|presenter)s?:\s*(?P<item>.{1,300})$",
    re.I,
)
# An agenda's item, numbered and timed: "I. Introduction on DCs and their Role within the IGF
# [~5 mins]", "2. Scene-Setting Remarks (10 minutes)"; a numbered question is none.
AGENDA_ITEM = re.compile(
    r"^(?:[IVX]{1,5}|\d{1,2})[.)] \S.{0,200}[\[(]~?\d{1,3} ?(?:mins?|minutes)[\])]$", re.I
)
MODERATORS = re.compile(r"\bmoderators?\b", re.I)
# "3. Introduction – Gerry Ellis", "8. National/Regional Initiatives – Judy Okite & Judith
# Hellerstein" (2020): a numbered item, then its speakers' names alone after a dash.
ITEM_THEN_NAMES = re.compile(r"^\d{1,2}\. [^–]{2,120}? [–-] (?P<names>[^–]{3,200})$")
_NAMES_APART = re.compile(r" & | and |, ")
# "Concettina Casa (BPF Co-facilitator), Sumon A. Sabir (BPF Co-facilitator), Wim Degezelle
# (BPF Consultant)" (2018): a line of people alone, each with its affiliation in parentheses.
NAME_WITH_AFFILIATION = re.compile(
    r"(?P<name>[^(),]{3,60}?)\s{0,4}\((?P<affiliation>[^()]{1,120})\)(?:,\s*|\s+and\s+|$)"
)
# "• Paulina Lewandowska has done extensive research …", "• Petra Rezar or Damjan Šebjan have
# set up a project …" (2020): an agenda's bullet that opens with its speakers, then their verb.
BULLET_SUBJECT = re.compile(
    LIST_BULLET.pattern + r"(?P<names>[^\W\d_][^.,;:()]{2,100}?) "
    r"(?:has|have|had|will|is|are|was|were|presents?|shares?|speaks?|discuss(?:es)?) "
)
_SUBJECTS_APART = re.compile(r" (?:or|and|&) ")
# "<item>: <name>, <affiliation>, <name>, <affiliation>": the item is short, the rest no sentence.
SEGMENT = re.compile(r"^(?P<item>[^:?]{1,80}): {1,8}(?P<people>[^:?]{3,600})$")
# Labels of a page's fields, whose values are no people ("Theme: Digital Inclusion, Access").
FIELD_LABELS = {"date", "format", "keywords", "sub-theme", "subtheme", "tags", "theme", "time"}
BULLETED_ROLES = {"moderator": "moderator", "panelist": "speaker", "presenter": "presenter"}
# Words of an agenda item, never of a name: "• Opening Remarks (Jane Doe)" names Jane Doe.
AGENDA_WORDS = {
    "break",
    "closing",
    "conclusion",
    "discussion",
    "introduction",
    "keynote",
    "opening",
    "panel",
    "presentation",
    "remarks",
    "session",
    "welcome",
}


def agenda_people(lines: list[Line], labelled: bool = False) -> list[ParsedPerson]:
    """People an agenda names in parentheses at a line's end, or with their affiliation in
    parentheses (NAME_THEN_AFFILIATION), its "• moderator: Name" bullets, and the bullets under
    a "Presenter's, moderators and panelists" heading ("• Art Manion, FIRST"); below a timed
    item, or anywhere in a `labelled` agenda (under its own heading), a "Name, affiliation"
    line. Only what reads as a person's name becomes a person; the agenda itself stays where
    it was put."""
    people = []
    under_heading = False
    after_item = False
    above = ""  # the last line that is no bullet: what the bullets below it are
    for line in lines:
        if not line.text:
            continue
        item, after_item = after_item, bool(AGENDA_ITEM.match(line.text))
        bulleted = LIST_BULLET.sub("", line.text)
        if bulleted == line.text:
            above = line.text
        named = item or (labelled and "," in line.text)
        if named and not after_item and (speaker := _speaker_below_item(line)):
            people.append(speaker)
        elif bulleted != line.text and (titled := HONORIFIC_PERSON.match(bulleted + ",")):
            # "• Mr. Markus Kummer, former …" under "Introduction by moderators (TBC)" (2023).
            if is_name(name := titled["name"].strip()):
                role = "moderator" if MODERATORS.search(above) else "speaker"
                affiliation = bulleted[titled.end() - 1 :].strip(" ,")
                people.append(
                    ParsedPerson(name=name, role=role, line=line.number, affiliation=affiliation)
                )
        elif PEOPLE_HEADING.match(line.text):
            under_heading = True
        elif under_heading and LIST_BULLET.match(line.text):
            name, _, organization = LIST_BULLET.sub("", line.text).partition(",")
            if PERSON_NAME.match(name.strip()):
                people.append(
                    ParsedPerson(
                        name=name.strip(),
                        role="speaker",
                        line=line.number,
                        organization=organization.strip(),
                        affiliation=organization.strip(),
                    )
                )
        elif match := _speaker_with_affiliation(line.text):
            # The affiliation as published: an organization ("RUSI") or a description
            # ("IGF consultant"), which the archive tells apart when it writes it.
            people.append(
                ParsedPerson(
                    name=match["name"],
                    role="speaker",
                    line=line.number,
                    affiliation=match["affiliation"].strip(),
                )
            )
        elif labelled and (segment := _segment(line)):
            people += segment
        elif match := BULLETED_ROLE.match(line.text):
            # "• Speaker: Executive Director, Diplo Foundation" names a post, not a person.
            name, _, affiliation = match["item"].partition(",")
            if is_name(name.strip()) and not JOB_WORDS & set(name.casefold().split()):
                role = BULLETED_ROLES.get(match["role"].casefold(), "speaker")
                if match["where"]:
                    role = ROLE_LABELS[f"{match['where']} {match['role']}".casefold()]
                people.append(
                    ParsedPerson(
                        name=name.strip(),
                        role=role,
                        line=line.number,
                        affiliation=affiliation.strip(),
                    )
                )
        elif (match := ITEM_THEN_NAMES.match(line.text)) and (named := _names(match["names"])):
            people += [ParsedPerson(name=name, role="speaker", line=line.number) for name in named]
        elif listed := _people_with_affiliations(line):
            people += listed
        elif subjects := _bullet_subjects(line):
            people += subjects
        elif match := AGENDA_PEOPLE.search(line.text):
            people.extend(_named_in_parentheses(match["people"], line.number))
    return once_each(people)


def _bullet_subjects(line: Line) -> list[ParsedPerson]:
    """The speakers a bullet of prose opens with (BULLET_SUBJECT), when each reads as a name."""
    if not (match := BULLET_SUBJECT.match(line.text)):
        return []
    names = _SUBJECTS_APART.split(match["names"])
    if not all(map(names_a_person, names)):
        return []
    return [ParsedPerson(name, "speaker", line.number) for name in names]


def _people_with_affiliations(line: Line) -> list[ParsedPerson]:
    """The people of a line of two or more "Name (affiliation)", and nothing else."""
    people, end = [], 0
    for match in NAME_WITH_AFFILIATION.finditer(line.text):
        name = match["name"].strip()
        if match.start() != end or not _agenda_name(name):
            return []
        affiliation = match["affiliation"].strip()
        people.append(ParsedPerson(name, "speaker", line.number, affiliation=affiliation))
        end = match.end()
    return people if end == len(line.text) and len(people) > 1 else []


def _names(text: str) -> list[str]:
    """The names of a run of names alone, or none when a part is no name."""
    names = [name.strip() for name in _NAMES_APART.split(text.strip())]
    return names if all(PERSON_NAME.match(name) for name in names) else []


def _speaker_below_item(line: Line) -> ParsedPerson | None:
    """The speaker of an agenda item, on the line below it: "Markus Kummer, ICANN Board
    Member" (2016); a post ("Executive Director, …") or an agenda's words are no one."""
    name, _, affiliation = line.text.partition(",")
    words = set(name.casefold().split())
    if not is_name(name.strip()) or words & (JOB_WORDS | AGENDA_WORDS):
        return None
    return ParsedPerson(
        name=name.strip(), role="speaker", line=line.number, affiliation=affiliation.strip()
    )


def segment_people(paragraphs: list[Paragraph]) -> list[ParsedPerson]:
    """The people of agenda lines that name an item's people after it (SEGMENT), in a
    paragraph of two such lines at least, with its "Moderator: Name" line; only those: a
    paragraph of prose or of labelled fields names nobody."""
    people = []
    for paragraph in paragraphs:
        segments = [_segment(line) for line in paragraph.lines]
        if sum(map(bool, segments)) < 2:
            continue
        for line, segment in zip(paragraph.lines, segments, strict=True):
            people += segment or _moderator_line(line)
    return people


def _segment(line: Line) -> list[ParsedPerson]:
    """The people after an agenda item's name, each a name then the parts of its affiliation;
    none when a part before the first name, or a name without an affiliation, says that the
    line lists something else ("Topics: Data Protection, Artificial Intelligence")."""
    match = SEGMENT.match(line.text)
    if not match or fold(match["item"]) in FIELD_LABELS:
        return []
    role = "moderator" if MODERATORS.search(match["item"]) else "speaker"
    named: list[tuple[str, list[str]]] = []
    for part in (part.strip() for part in match["people"].rstrip(" .").split(",")):
        if _segment_name(part):
            named.append((part, []))
        elif named and part:
            named[-1][1].append(part)
        else:
            return []
    if not named or not all(parts for _name, parts in named):
        return []
    return [
        ParsedPerson(name=name, role=role, line=line.number, affiliation=", ".join(parts))
        for name, parts in named
    ]


def _segment_name(part: str) -> bool:
    """Whether a part of a segment's list is a person's name: no post ("Chair APC"), no
    organization ("German Foreign Office"), no country ("South Africa")."""
    words = set(fold(part).split())
    return (
        is_name(part)
        and not words & (POSITION_NOUNS | JOB_WORDS | AGENDA_WORDS)
        and not has_organization_word(part)
        and fold(part) not in COUNTRIES
    )


def _speaker_with_affiliation(text: str) -> re.Match | None:
    """A speaker and their affiliation: "• Louise Marie Hurel (RUSI)", "Intro … by Wim
    Degezelle (IGF consultant)" (NAME_THEN_AFFILIATION), "• Keynote address by David Souter,
    Managing Director, …" (ITEM_BY_NAME); an agenda item's words are no name."""
    match = NAME_THEN_AFFILIATION.search(text)
    if match and not AGENDA_WORDS & set(match["name"].casefold().split()):
        return match
    match = ITEM_BY_NAME.match(text)
    if match and AGENDA_WORDS & set(fold(match["item"]).split()) and _segment_name(match["name"]):
        return match
    return None


def _moderator_line(line: Line) -> list[ParsedPerson]:
    """ "Moderator: Wolfgang Kleinwächter" below a segment's lines."""
    match = BULLETED_ROLE.match(line.text)
    if not match or match["role"].casefold() != "moderator":
        return []
    name, _, affiliation = match["item"].partition(",")
    if not _segment_name(name.strip()):
        return []
    return [
        ParsedPerson(
            name=name.strip(), role="moderator", line=line.number, affiliation=affiliation.strip()
        )
    ]


def _named_in_parentheses(text: str, number: int) -> list[ParsedPerson]:
    people = []
    if ":" in text:
        for group in text.split(";"):
            label, _, names = group.partition(":")
            role = AGENDA_ROLES.get(label.strip().casefold(), "speaker")
            for name in names.split(","):
                if _agenda_name(name.strip()):
                    people.append(ParsedPerson(name=name.strip(), role=role, line=number))
    else:
        for item in text.split(" / "):
            people.extend(_named_person(item, "speaker", number))
    return people


def report_people(report: list[Paragraph]) -> list[ParsedPerson]:
    """People the report names as moderator or presenters, each "Name, affiliation"."""
    people = []
    for line in flat(report):
        for match in REPORT_MODERATOR.finditer(line.text):
            named = match["item"].partition(",")[0]
            pair = named.split(" and ")
            if len(pair) == 2 and all(PERSON_NAME.match(name.strip()) for name in pair):
                people += [ParsedPerson(name.strip(), "moderator", line.number) for name in pair]
            else:
                people.extend(_named_person(match["item"], "moderator", line.number))
        for match in REPORT_PRESENTERS.finditer(line.text):
            for item in match["list"].split(";"):
                item = re.sub(r"^\s*and\s+", "", item).strip().rstrip(".")
                people.extend(_named_person(item, "presenter", line.number))
    return people


def _named_person(item: str, role: str, number: int) -> list[ParsedPerson]:
    name, _, affiliation = item.strip().partition(",")
    name = name.strip()
    if not _agenda_name(name):
        return []
    return [ParsedPerson(name=name, role=role, line=number, affiliation=affiliation.strip())]


def _agenda_name(text: str) -> bool:
    """A person's name, not a place's or a body's in the same shape ("(Western European
    Region)", "(Think Tank Africa)")."""
    return bool(PERSON_NAME.match(text)) and not names_a_place_or_body(text)
