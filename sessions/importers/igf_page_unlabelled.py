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
- 2022 launches: the organizers' numbered records, then the speakers', one a line.
- 2024 Day 0 events: the speakers one a line after the group they speak for ("Civil Society:
  Felicia Anthonio, Campaign Manager …"), then a line of names for each of the onsite
  moderators, the online moderators and the rapporteurs, above the goals.
- 2018-2019 open forums: the speakers on bullets ("• Mallory Knodel, Head of Digital,
  Article19"), or after an agenda item's colon with their honorific ("• Update on …: Mr
  Vladimir Stankovic, WSIS Secretariat, ITU"); the organizers, one a line, after the line
  that says who submitted the session.

Each line of people is read by sessions/importers/igf_page_records.py.
"""

import itertools
import re

from sessions.models import RegionalGroup, StakeholderGroup

from .groups import has_organization_word, is_group, records_after_regions
from .igf_page_people import (
    bulleted_person,
    dashed_person,
    labelled_records,
    labelled_runs,
    listed_below,
    numbered_records,
    record_with_name,
    titled_records,
    titled_speaker,
)
from .igf_page_posts import body_then_names, dashed_speakers, names_alone, post_or_body
from .igf_page_records import (
    DASHED_RECORD,
    EMAIL_PLACEHOLDER,
    ITEM_SEPARATOR,
    ONE_RECORD_NUMBER,
    ROLE_NOTE,
    line_person,
    people_of_line,
)
from .igf_workshop_people import without_lock
from .names import (
    HONORIFIC_PERSON,
    is_name,
    names_a_person,
)
from .parsed import ParsedPerson, ParsedSession
from .text import LIST_BULLET, SDG_GOAL_LINE, Line, Paragraph, is_short_line

# "Organisers: AU-EU D4D Hub Project (Western Europe-Africa Region), European Commission, …"
# (2022): the organizing organizations on one labelled line, no people.
ORGANIZERS_LINE = re.compile(r"^Organi[sz]ers?: (?P<organizations>\S.{0,600})$")
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
        or read_numbered_people(paragraph, session)
    ):
        return True
    above = session.people[-1] if below_people and session.people else None
    if above and above.role == "speaker" and (person := listed_below(paragraph)):
        session.people.append(person)
        return True
    return False


def read_dashed_speakers(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less paragraph of "Name - post" lines (2022 open forums), or of "Body -
    Name, post" lines (2021); False when it is none."""
    people = dashed_speakers(paragraph) or body_then_names(paragraph)
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


def read_names_alone(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less paragraph of the organizing organization's line, then its people's
    names alone on one line, then maybe their e-mails' stand-ins (2024 networking sessions:
    "Digital Government Authority (DGA)", "Fahad K. Al-Thobaiti , Shuruq Aloufi, …",
    "[email protected], …"); False when it is none."""
    lines = paragraph.lines
    stand_ins = [line.text for line in lines if _stand_ins_only(line.text)]
    *organizations, names = [line.text for line in lines if line.text not in stand_ins] or [""]
    people = names_alone(names)
    if not organizations or people is None or not all(map(is_short_line, organizations)):
        return False
    role = _layout_role(session, organizations)
    number = next(line.number for line in lines if line.text == names)
    session.organizers += organizations
    session.furniture += stand_ins
    session.people += [
        ParsedPerson(name=name, role=role, line=number, inferred_by="role_from_layout")
        for name in people
    ]
    return True


def _stand_ins_only(text: str) -> bool:
    return not text.replace(EMAIL_PLACEHOLDER, "").replace(",", "").strip()


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


def read_numbered_people(paragraph: Paragraph, session: ParsedSession) -> bool:
    """A heading-less paragraph of people's numbered records, most of them opening with a name:
    the organizers of 2025, after the organizing organization (when the copy kept it), run
    together on one line; or one record a line (2022: "1. Wisdom Donkor, …", "2. Prof. Lee W.
    McKnight, …"), the organizers' and then the speakers' (`_layout_role`). False when the
    paragraph is not one."""
    *organizations, records = paragraph.lines
    lines = [records]
    if organizations and all(ONE_RECORD_NUMBER.match(line.text) for line in paragraph.lines):
        organizations, lines = [], paragraph.lines
    texts = [
        text
        for line in lines
        for text in numbered_records(line.text) or [ONE_RECORD_NUMBER.sub("", line.text)]
    ]
    if len(texts) < 2 or not _mostly_named(texts):
        return False  # numbered questions or agenda items, not people
    role = _layout_role(session, organizations) if len(lines) > 1 else "organizer"
    session.organizers += [line.text for line in organizations]
    session.people += [
        person for line in lines for person in people_of_line(line, role, "", session)
    ]
    return True


def numbered_people(line: Line, session: ParsedSession) -> list[ParsedPerson] | None:
    """The people of a line of numbered records run together, in a paragraph of other lines
    (2025, the copy's blank lines lost: "Session", the organizing organization, "1. Saba Tiku
    Beyene, …, Africa - 2. Ananda Gautam, …", then the speakers' line), the organizers' first
    (`_layout_role`); None when it is no such line."""
    records = numbered_records(line.text)
    if records is None or not _mostly_named(records):
        return None
    return people_of_line(line, _layout_role(session, []), "role_from_layout", session)


def _mostly_named(records: list[str]) -> bool:
    """Whether half the records at least open with a name: not numbered questions or agenda
    items."""
    return sum(bool(record_with_name(record, [])) for record in records) * 2 >= len(records)


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
