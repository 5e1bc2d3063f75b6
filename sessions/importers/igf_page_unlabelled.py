"""People of an IGF session page whose headings the copy lost (sessions/importers/igf_page.py
reads the page): the organizers' and speakers' paragraphs of the 2021-2025 layouts, told by
their shape, and the "Name, affiliation" line that every people section of the page holds.

- 2021-2023: the organizing organization on a line of its own above one line of organizers,
  "Name, Organization, stakeholder, region - Name, ..."; the speakers run together in one
  paragraph, each closed by an "[email protected]" placeholder.
- 2024: the organizing organization, then one organizer a line, "Name, affiliation,
  stakeholder group, regional group"; after a gap the speakers, one a line, in the same shape.
- 2025: the organizing organization, then the organizers' numbered records run together on one
  line ("1. Name, affiliation 2. Name ...").
- 2024 Day 0 events: the speakers one a line after the group they speak for ("Civil Society:
  Felicia Anthonio, Campaign Manager …"), then a line of names for each of the onsite
  moderators, the online moderators and the rapporteurs, above the goals.
- 2018-2019 open forums: the speakers on bullets ("• Mallory Knodel, Head of Digital,
  Article19"), or after an agenda item's colon with their honorific ("• Update on …: Mr
  Vladimir Stankovic, WSIS Secretariat, ITU"); the organizers, one a line, after the line
  that says who submitted the session.
"""

import itertools
import re

from sessions.models import RegionalGroup, StakeholderGroup

from .groups import has_organization_word, is_group, person_with_groups, records_after_regions
from .igf_page_people import (
    bulleted_person,
    dashed_person,
    labelled_records,
    labelled_runs,
    listed_below,
    name_and_job_title,
    numbered_records,
    record_with_name,
    titled_records,
    titled_speaker,
)
from .igf_page_posts import dashed_speakers, names_alone, post_or_body
from .igf_workshop_people import without_lock
from .names import (
    HONORIFIC_PERSON,
    could_be_a_name,
    is_name,
    names_a_person,
    names_a_post,
    where_from,
    without_honorifics,
)
from .parsed import ParsedPerson, ParsedSession
from .text import LIST_BULLET, SDG_GOAL_LINE, Line, Paragraph, is_short_line

ITEM_SEPARATOR = " - "
# A record's number, alone on its line ("1. Theorose Dzineku, …"); an SDG's ("16. Peace, …")
# is no person's.
ONE_RECORD_NUMBER = re.compile(r"^\d{1,2}\. (?=\S)")
# "Organisers: AU-EU D4D Hub Project (Western Europe-Africa Region), European Commission, …"
# (2022): the organizing organizations on one labelled line, no people.
ORGANIZERS_LINE = re.compile(r"^Organi[sz]ers?: (?P<organizations>\S.{0,600})$")
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
LIST_PUNCTUATION = re.compile(r"(?:[;,]\s?and|[;.,])$")
# "This session is being submitted by the FOC Support Unit and the governments of …:" (2019):
# the organizers' names follow, one a line.
SUBMITTED_BY = re.compile(r"\b(?:submitted|organi[sz]ed|proposed) by\b.{0,300}:$", re.I)
ITEM_THEN_SPEAKER = re.compile(LIST_BULLET.pattern + r"[^:]{1,120}: (?P<speaker>.{3,300})$")


def read_heading_less(paragraph: Paragraph, session: ParsedSession, below_people: bool) -> bool:
    """Read a heading-less organizers' or speakers' paragraph of the 2021-2023 layout; False
    when it is none. `below_people`: the paragraph above was one; a "Name, post" line right
    below speakers is one more of them (2022: "Simone Toussi, Project Officer at …" below a
    speaker whose line ended with a region)."""
    if (
        read_organizations_line(paragraph, session)
        or read_people_paragraph(paragraph, session)
        or read_grouped_people(paragraph, session)
        or read_bulleted_speakers(paragraph, session)
        or read_dashed_speakers(paragraph, session)
    ):
        return True
    above = session.people[-1] if below_people and session.people else None
    if above and above.role == "speaker" and (person := listed_below(paragraph)):
        session.people.append(person)
        return True
    return False


def read_dashed_speakers(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less paragraph of "Name - post" lines (2022 open forums); False when it is
    none."""
    people = dashed_speakers(paragraph)
    session.people += people or []
    return people is not None


def read_organizations_line(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read the organizing organizations' labelled line, with the organizations' lines above
    it; False when the paragraph is none. They are kept as published, less a lock glyph."""
    *above, last = paragraph.lines
    labelled = ORGANIZERS_LINE.match(last.text)
    if not labelled or not all(is_short_line(line.text) for line in above):
        return False
    session.organizers += [without_lock(line.text) for line in above]
    session.organizers.append(labelled["organizations"])
    return True


def read_people_paragraph(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less organizers or speakers paragraph; False when it is neither."""
    lines = paragraph.lines
    if EMAIL_PLACEHOLDER in lines[0].text:
        for line in lines:
            for item in line.text.split(EMAIL_PLACEHOLDER):
                if person := dashed_person(item, "speaker", line.number):
                    session.people.append(person)
        return True
    records = [
        record for item in _dashed_items(lines[-1].text) for record in records_after_regions(item)
    ]
    if len(records) < 2 or not all("," in record for record in records):
        return False
    # The organizing organization, printed above its people.
    organizations = [line.text for line in lines[:-1]]
    role = _layout_role(session, organizations)
    inferred_by = "role_from_layout" if role == "speaker" else ""
    session.organizers += organizations
    # "Nicolás Fiumarelli (Youth IGF Uruguay), Civil Society, GRULAC": line_person reads the
    # affiliation in parentheses too.
    session.people += [
        line_person(Line(lines[-1].number, record), role, inferred_by) for record in records
    ]
    return True


def _dashed_items(text: str) -> list[str]:
    """The records of a line that parts them with dashes, each ending with its groups ("Name,
    Organization, Civil Society, GRULAC - Name, …"); a dash within a record ("Bia Barbosa -
    Conselhera Programa Youth Brazil, Civil Society, GRULAC") parts nothing."""
    items: list[str] = []
    for part in text.split(ITEM_SEPARATOR):
        last = items[-1].rpartition(",")[2].strip() if items else ""
        groups = is_group(last, RegionalGroup) or is_group(last, StakeholderGroup)
        if last and is_name(last) and not groups:
            items[-1] += ITEM_SEPARATOR + part  # "… GRULAC Bia Barbosa - Conselhera …"
        else:
            items.append(part)
    return items


def read_grouped_people(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less paragraph of the 2024 layout whose last lines are each a person
    with the groups that end it; False when it is none. Lines above them (short, no sentence)
    name the organizing organization (`_layout_role` gives the people's role)."""
    split = _below_organizations(paragraph, _grouped)
    if split is None:
        return False
    organizations, people = split
    role = _layout_role(session, organizations)
    session.organizers += organizations
    session.people += [
        line_person(record, role, "role_from_layout")
        for line in people
        for record in _records(line)
    ]
    return True


def read_bulleted_speakers(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less 2022 paragraph of the organizing organization's line, then one
    speaker a bullet, with the honorific and the post after a dash ("  • Ms. Nele Leosk -
    Ambassador-at-large for Digital Affairs, …"); False when it is none."""
    split = _below_organizations(paragraph, _titled_bullet)
    if split is None:
        return False
    organizations, people = split
    session.organizers += organizations
    session.people += [_titled_bullet(line) for line in people]
    return True


def _below_organizations(paragraph: Paragraph, is_person) -> tuple[list[str], list[Line]] | None:
    """A paragraph's organizations' lines (short, no sentence) and the people's lines below
    them (each `is_person`, at least one), or None when it is not so made."""
    lines = paragraph.lines
    start = len(lines)
    while start and is_person(lines[start - 1]):
        start -= 1
    organizations = [line.text for line in lines[:start]]
    if start == len(lines) or not all(map(is_short_line, organizations)):
        return None
    return organizations, lines[start:]


def _titled_bullet(line: Line) -> ParsedPerson | None:
    bare = LIST_BULLET.sub("", line.text)
    text = bare.replace(" - ", ", ", 1)
    titled = bare != line.text and HONORIFIC_PERSON.match(text)
    if not titled or not is_name(titled["name"].strip()):
        return None
    return titled_speaker(titled, text, line.number)


def join_dashed_records(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Dashed records printed a blank line apart (2023) are one paragraph with the lines above
    them, as records printed without the blank lines are; a field boundary still parts them."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        dashed = all(DASHED_RECORD.match(line.text) for line in paragraph.lines)
        if joined and dashed and not paragraph.after_gap:
            joined[-1] = Paragraph(joined[-1].lines + paragraph.lines, joined[-1].after_gap)
        else:
            joined.append(paragraph)
    return joined


# "Civil Society: Felicia Anthonio, Campaign Manager …", "Academia: Joss Wright. Oxford
# Internet Institute …", "Moderator/government: Kanbar Hussein Bor – UK Country Chair …".
LABELLED_SPEAKER = re.compile(
    r"^(?P<label>[^:]{2,120}): (?P<name>[^,.–:]{3,60}?)(?:[,.]| –) (?P<post>\S.{0,600})$"
)
_FEWEST_LABELLED = 2
# The layout's sections after the speakers, in its order, each a line of names once its
# heading is lost.
_SLOTS_AFTER_SPEAKERS = ("onsite_moderator", "online_moderator", "rapporteur")


def labelled_panel(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[ParsedPerson]]:
    """The heading-less speakers of a paragraph with two "<group>: Name, post" lines or more,
    and the lines of names alone between the last of them and the goals: one line for each of
    _SLOTS_AFTER_SPEAKERS ("Nicola Burgess/Laura O’Brian"), or none is read. Returns the
    paragraphs left (less those lines) and the people."""
    people: list[ParsedPerson] = []
    rest: list[Paragraph] = []
    for paragraph in paragraphs:
        speakers = {line.number: person for line in paragraph.lines if (person := _labelled(line))}
        if len(speakers) < _FEWEST_LABELLED:
            rest.append(paragraph)
            continue
        last = max(speakers)
        below = [line for line in paragraph.lines if line.number > last]
        names = list(itertools.takewhile(lambda line: not SDG_GOAL_LINE.match(line.text), below))
        slotted = {}
        if len(names) == len(_SLOTS_AFTER_SPEAKERS) < len(below) and all(map(_names_alone, names)):
            slotted = dict(zip((line.number for line in names), _SLOTS_AFTER_SPEAKERS, strict=True))
        kept = []
        for line in paragraph.lines:
            if line.number in speakers:
                people.append(speakers[line.number])
            elif line.number in slotted:
                people += [
                    ParsedPerson(
                        name.strip(),
                        slotted[line.number],
                        line.number,
                        inferred_by="role_from_layout",
                    )
                    for name in line.text.split("/")
                ]
            else:
                kept.append(line)
        rest.append(Paragraph(kept, paragraph.after_gap))
    return rest, people


def _labelled(line: Line) -> ParsedPerson | None:
    match = LABELLED_SPEAKER.match(line.text)
    if not match or not names_a_person(name := match["name"].strip()):
        return None
    if "moderator" in match["label"].casefold():
        return ParsedPerson(name, "moderator", line.number, affiliation=match["post"])
    # The group a speaker speaks for says nothing of their role: the lost heading did.
    return ParsedPerson(
        name, "speaker", line.number, affiliation=match["post"], inferred_by="role_from_layout"
    )


def _names_alone(line: Line) -> bool:
    return all(names_a_person(name.strip()) for name in line.text.split("/"))


def listed_people(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[ParsedPerson]]:
    """The heading-less people of a 2018-2019 open forum page: a paragraph of bulleted "• Name,
    post" lines holds its speakers (ROLE_NOTE gives another role); an agenda's bullet may name
    its speaker (ITEM_THEN_SPEAKER); the "Name, affiliation" lines after the line that says who
    submitted the session (SUBMITTED_BY) are organizers, up to a line that names no one.
    Returns the paragraphs left (agenda items stay in them, with their speakers) and them."""
    people: list[ParsedPerson] = []
    rest: list[Paragraph] = []
    organizers_follow = False
    for paragraph in paragraphs:
        bulleted = [_bulleted_speaker(line) for line in paragraph.lines]
        if all(bulleted):
            people += bulleted
            continue
        kept = []
        for line in paragraph.lines:
            if organizers_follow and (organizer := _named(line.text, "organizer", line.number)):
                people.append(organizer)
                continue
            organizers_follow = bool(SUBMITTED_BY.search(line.text))
            kept.append(line)
            people += labelled_runs(line)
            item = ITEM_THEN_SPEAKER.match(line.text)
            if item and (titled := HONORIFIC_PERSON.match(item["speaker"])):
                # "Mr Vladimir Stankovic, WSIS Secretariat, ITU" -> "Vladimir Stankovic, …"
                text = titled["name"] + item["speaker"][titled.end() - 1 :]
                people += filter(None, [_named(text, "speaker", line.number)])
        if kept:
            rest.append(Paragraph(kept, paragraph.after_gap))
    return rest, people


def _named(text: str, role: str, number: int) -> ParsedPerson | None:
    """The person of a "Name, affiliation" text, or None when it opens with no name."""
    name, _, affiliation = text.partition(",")
    if not is_name(name.strip()) or has_organization_word(name):
        return None
    return ParsedPerson(name=name.strip(), role=role, line=number, affiliation=affiliation.strip())


def _bulleted_speaker(line: Line) -> ParsedPerson | None:
    text = LIST_PUNCTUATION.sub("", line.text.rstrip()).rstrip()
    note = ROLE_NOTE.search(text)
    person = bulleted_person(Line(line.number, ROLE_NOTE.sub("", text)), "speaker")
    if person is None or not post_or_body(person.affiliation):
        return None  # "• Data Protection, Privacy": a list of topics, not of people
    if note:
        person.role = note["role"].casefold()
    return person


def _layout_role(session: ParsedSession, organizations: list[str]) -> str:
    """A heading-less people paragraph's role: the organizers', under their organization's
    line or first on the page; the speakers' when it follows the organizers (people, or
    organizations alone) without one."""
    organized = session.organizers or any(person.role == "organizer" for person in session.people)
    return "speaker" if organized and not organizations else "organizer"


def _records(line: Line) -> list[Line]:
    """A line's records: one, or several run together (`records_after_regions`)."""
    return [Line(line.number, record) for record in records_after_regions(line.text)]


def _grouped(line: Line) -> bool:
    """A line of people records, each with its groups or an e-mail's stand-in (2024: "Denise
    Leal, [email protected], Academia and Civil Society, UnB and YCIG, LAC region")."""
    records = _records(line)
    return all(
        is_name((person := line_person(record, "")).name)
        and (person.stakeholder_group or person.regional_group or EMAIL_PLACEHOLDER in record.text)
        for record in records
    )


def read_numbered_organizers(paragraph: Paragraph, session: ParsedSession) -> bool:
    """A heading-less organizers paragraph of 2025: the organizing organization (when the
    copy kept it), then its people's numbered records on one line, most of them opening with
    a name. False when the paragraph is not one."""
    *organizations, records = paragraph.lines
    named = [record_with_name(record, []) for record in numbered_records(records.text) or []]
    if sum(map(bool, named)) * 2 < max(len(named), 2):
        return False  # numbered questions or agenda items, not people
    session.organizers += [line.text for line in organizations]
    session.people += people_of_line(records, "organizer", "", session)
    return True


def read_organizers(lines: list[Line], session: ParsedSession) -> None:
    """The lines under the organizers' heading: people in labelled fields (2025), on bullets,
    or run together after their titles ("Dr. Margaret Nyambura Ndung'u, PRIDA-African Union
    Commission, Intergovernmental Mr. Adil Sulieman, …", 2022); any other line names an
    organizing organization ("African Union Commission - PRIDA")."""
    for line, labelled in labelled_records(lines):
        if labelled is None and (person := bulleted_person(line, "organizer")):
            labelled = [person]
        elif labelled is None and titled_records(line.text):
            labelled = people_of_line(line, "organizer", "", session)
        session.people.extend(labelled or [])
        session.organizers += [line.text] if labelled is None else []


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
