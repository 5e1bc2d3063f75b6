"""One line of an IGF session page's people: "Name, affiliation", with the stakeholder group
and the regional group that may end it, a role before the name or after it, or several people's
records run together (numbered, titled or separated by their groups). The readers of the page's
sections and of its heading-less paragraphs (sessions/importers/igf_page_unlabelled.py) give
each line here.
"""

import re

from .groups import has_organization_word, person_with_groups, records_after_regions
from .igf_page_people import name_and_job_title, numbered_records, record_with_name, titled_records
from .igf_page_posts import names_alone
from .names import (
    could_be_a_name,
    is_name,
    names_a_person,
    names_a_post,
    where_from,
    without_honorifics,
)
from .parsed import ParsedPerson, ParsedSession
from .text import LIST_BULLET, Line

ITEM_SEPARATOR = " - "
# A record's number, alone on its line ("1. Theorose Dzineku, …"); an SDG's ("16. Peace, …")
# is no person's.
ONE_RECORD_NUMBER = re.compile(r"^\d{1,2}\. (?=\S)")
# Cloudflare's stand-in for an e-mail address, left where the page had one.
EMAIL_PLACEHOLDER = "[email protected]"
TBD_FLAG = re.compile(r"\(TBD\)$", re.I)
_CLOSING_STOP = re.compile(r"\)[.,;]$")
# "- Kyung Ryul Park (KAIST): Technical Community, Asia-Pacific Group" (2023): a dashed record,
# the affiliation in parentheses and the groups after a colon.
DASHED_RECORD = re.compile(
    r"^- (?P<name>[^():,]{3,80}) \((?P<affiliation>[^()]{1,150})\): (?P<groups>.{3,200})$"
)
# "• Chair/Moderator: Mr Andrew Puddephatt, Head of the Support Unit" (2018): a bulleted
# record in a list of speakers, its role before the name.
ROLE_BEFORE_NAME = re.compile(
    r"^(?P<label>(?:Co-)?(?:Chair|Moderator|Rapporteur)(?:/(?:Co-)?(?:Chair|Moderator))?):\s?",
    re.I,
)
# "• Charles Bradley, Freedom Online Coalition Support Unit (Moderator)." (2019): the role a
# bulleted speaker's line ends with; and the list's punctuation, no part of the affiliation.
ROLE_NOTE = re.compile(r"\s?\((?P<role>Moderator|Rapporteur)\)$", re.I)


def people_of_line(
    line: Line, role: str, inferred_by: str, session: ParsedSession
) -> list[ParsedPerson]:
    """The person of a "Name, affiliation" line (its bullet dropped, a role before the name
    read: ROLE_BEFORE_NAME), or of each of its numbered records; a record whose name cannot be
    told from its affiliation is kept as text, not made a person."""
    line = Line(line.number, LIST_BULLET.sub("", line.text))
    role_text = ""
    if label := ROLE_BEFORE_NAME.match(line.text):
        role_text, line = label["label"], Line(line.number, line.text[label.end() :])
        role = "rapporteur" if "rapporteur" in role_text.casefold() else "moderator"
    elif note := ROLE_NOTE.search(line.text.rstrip()):
        # "Sorina Teleanu | Diplo, IGF Secretariat (moderator)" among the speakers (2022).
        role_text, role, inferred_by = note["role"], note["role"].casefold(), ""
        line = Line(line.number, line.text.rstrip()[: note.start()])
    records = numbered_records(line.text) or titled_records(line.text) or names_alone(line.text)
    if records is None and len(run := records_after_regions(line.text)) > 1:
        records = run  # "Sraddha Kedia, …, Asia-Pacific Group Manish Jaiswal, …" (2025)
    if records is None:
        person = line_person(line, role, inferred_by)
        numbered = ONE_RECORD_NUMBER.match(line.text)
        if numbered and _a_numbered_person(unnumbered := _unnumbered(line, numbered, role)):
            person = unnumbered  # "1. Theorose Dzineku, DigiSpace Africa, Academia, WOEG" (2025)
        person.role_text = role_text
        if not could_be_a_name(person.name) or names_a_post(person.name):
            # A sentence, another field's label ("Session Time:"), an SDG ("16. Peace") or
            # the post of the person above ("MAG Member"), under a people heading.
            session.unplaced.append(line.text)
            return []
        return [person]
    people = []
    for record in records:
        head, comma, rest = record.partition(",")
        head, is_remote = where_from(head)  # "Mr. David Fairchild (onsite), First Secretary …"
        if with_name := record_with_name(head + comma + rest, session.organizers):
            person = line_person(Line(line.number, with_name), role, inferred_by)
            person.is_remote = is_remote
            people.append(person)
        else:
            session.unplaced.append(record)
    return people


def _unnumbered(line: Line, number: re.Match, role: str) -> ParsedPerson:
    return line_person(Line(line.number, line.text[number.end() :]), role)


def _a_numbered_person(person: ParsedPerson) -> bool:
    """Whether a numbered record names a person, a surname in lower case too ("Issa Mahamat
    addia"), and not an SDG ("4. Quality Education": no affiliation after the name)."""
    name = person.name
    return bool(person.affiliation) and (
        names_a_person(name)
        or (len(name.split()) >= 2 and name[:1].isupper() and could_be_a_name(name))
    )


def line_person(line: Line, role: str, inferred_by: str = "") -> ParsedPerson:
    """'LONG Kai,Deputy Director, ..., Cyberspace Administration of China,' splits at the first
    comma into name and affiliation, 'Pedro de Perdigao Lana - Internet Society Brazil Chapter,
    GRULAC' at the dash after the name, 'João Pedro Martins (Delegation of …)' at the
    parenthesis; a trailing comma and a '(TBD)' flag are not kept. A DASHED_RECORD reads as
    'Name, affiliation, groups'."""
    if match := DASHED_RECORD.match(line.text):
        line = Line(line.number, ", ".join(match.group("name", "affiliation", "groups")))
    # "Carlos Vera Sanchez (Ecuador IGF).": the list's stop is no part of the record.
    line = Line(line.number, _CLOSING_STOP.sub(")", line.text))
    line = Line(line.number, line.text.replace(f", {EMAIL_PLACEHOLDER}", ""))  # no one's text
    name, bar, rest = line.text.partition(" | ")
    if bar and "," not in name:  # "Tobias Bacherle | MP, Germany" (2022): a bar after the name
        line = Line(line.number, f"{name}, {rest}")
    name, _, affiliation = line.text.partition(",")
    name, is_remote = where_from(without_honorifics(name.strip()))
    dashed, separator, after_dash = line.text.partition(ITEM_SEPARATOR)
    if separator and len(dashed) < len(name) and is_name(dashed.strip()):
        name, affiliation = dashed, after_dash
    name = name.strip()
    is_tbd = bool(TBD_FLAG.search(name))
    affiliation = affiliation.strip().removesuffix(",").rstrip()
    named, parenthesis, inside = TBD_FLAG.sub("", name).rstrip().partition(" (")
    if parenthesis and inside.endswith(")") and is_name(named) and not has_organization_word(named):
        name = named + (" (TBD)" if is_tbd else "")
        affiliation = ", ".join(part for part in [inside[:-1].strip(), affiliation] if part)
    name, title = name_and_job_title(name)
    if title:
        affiliation = f"{title}, {affiliation}".removesuffix(", ")
    person = person_with_groups(
        TBD_FLAG.sub("", name).rstrip(),
        affiliation,
        role,
        line.number,
        is_tbd=is_tbd,
        inferred_by=inferred_by,
    )
    person.is_remote = is_remote
    return person
