"""People of an IGF session page whose headings the copy lost (sessions/importers/igf_page.py
reads the page): the organizers' and speakers' paragraphs of the 2021-2025 layouts, told by
their shape, and the "Name, affiliation" line that every people section of the page holds.

- 2021-2023: the organizing organization on a line of its own above one line of organizers,
  "Name, Organization, stakeholder, region - Name, ..."; the speakers run together in one
  paragraph, each closed by an "[email protected]" placeholder.
- 2025: the organizing organization, then the organizers' numbered records run together on one
  line ("1. Name, affiliation 2. Name ...").
"""

import re

from .groups import affiliation_and_groups
from .igf_page_people import dashed_person, name_and_job_title, numbered_records, record_with_name
from .parsed import ParsedPerson, ParsedSession
from .text import Line, Paragraph

ITEM_SEPARATOR = " - "
# Cloudflare's stand-in for an e-mail address, left where the page had one.
EMAIL_PLACEHOLDER = "[email protected]"
TBD_FLAG = re.compile(r"\(TBD\)$", re.I)


def read_people_paragraph(paragraph: Paragraph, session: ParsedSession) -> bool:
    """Read a heading-less organizers or speakers paragraph; False when it is neither."""
    lines = paragraph.lines
    if EMAIL_PLACEHOLDER in lines[0].text:
        for line in lines:
            for item in line.text.split(EMAIL_PLACEHOLDER):
                if person := dashed_person(item, "speaker", line.number):
                    session.people.append(person)
        return True
    organizers = lines[-1].text.split(ITEM_SEPARATOR)
    if len(organizers) < 2 or not all("," in item for item in organizers):
        return False
    # The organizing organization, printed above its people.
    session.organizers += [line.text for line in lines[:-1]]
    for item in organizers:
        name, _, rest = item.partition(",")
        affiliation, stakeholder, region = affiliation_and_groups(rest)
        session.people.append(
            ParsedPerson(
                name=name.strip(),
                role="organizer",
                line=lines[-1].number,
                affiliation=affiliation,
                stakeholder_group=stakeholder,
                regional_group=region,
            )
        )
    return True


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


def people_of_line(
    line: Line, role: str, inferred_by: str, session: ParsedSession
) -> list[ParsedPerson]:
    """The person of a "Name, affiliation" line, or of each of its numbered records; a record
    whose name cannot be told from its affiliation is kept as text, not made a person."""
    records = numbered_records(line.text)
    if records is None:
        return [line_person(line, role, inferred_by)]
    people = []
    for record in records:
        if with_name := record_with_name(record, session.organizers):
            people.append(line_person(Line(line.number, with_name), role, inferred_by))
        else:
            session.unplaced.append(record)
    return people


def line_person(line: Line, role: str, inferred_by: str = "") -> ParsedPerson:
    """'LONG Kai,Deputy Director, ..., Cyberspace Administration of China,' splits at the first
    comma into name and affiliation; a trailing comma and a '(TBD)' flag are not kept."""
    name, _, affiliation = line.text.partition(",")
    name = name.strip()
    is_tbd = bool(TBD_FLAG.search(name))
    affiliation = affiliation.strip().removesuffix(",").rstrip()
    name, title = name_and_job_title(name)
    if title:
        affiliation = f"{title}, {affiliation}".removesuffix(", ")
    affiliation, stakeholder, region = affiliation_and_groups(affiliation)
    return ParsedPerson(
        name=TBD_FLAG.sub("", name).rstrip(),
        role=role,
        line=line.number,
        affiliation=affiliation,
        stakeholder_group=stakeholder,
        regional_group=region,
        is_tbd=is_tbd,
        inferred_by=inferred_by,
    )
