"""People of IGF session pages in the layouts other than the 2024 one's labelled sections
(sessions/importers/igf_page.py reads the page; this module its people).

- Proposal pages (2014, 2017-2018): sessions/importers/igf_page_proposal.py.
- 2025 pages: one line of labelled fields under "Organizers" or "Speakers":
  "Organizational Affiliation: <organization> Moderator and Organizer: A (main), B (sub)
  Stakeholder: Government Regional Group: Asia-Pacific". Each name takes every role its label
  names, the organization and the groups; a "(main)" or "(sub)" note is not kept. Such a line
  is never itself a person or an organization, even when it names nobody. The 2024 pages print
  the same fields one to a line: consecutive labelled lines are one record.
- 2021 session pages whose headings were lost: speakers as "Mr Vinton G. Cerf, affiliation"
  paragraphs, each opening with a title, after the organizing organizations ("European
  Commission", "In collaboration with <organization>"). The roles come from the layout.

- Pages before 2017: "Co-Moderator: Name (Organization)" lines, then the speakers with their
  heading lost, one "Name, Organization" or "<what they present> - Name, Name" line each.
  The role comes from the layout; a placeholder ("Speakers TBC") names no one.
- 2025 pages whose lists run their numbered records together on one line ("1. Name ,
  affiliation, group, region 2. Name Affiliation, …"), under "Speakers" or, heading lost,
  below the organizing organization: one person a record whose name can be told from its
  affiliation (`record_with_name`); any other record is kept as text.

Only what reads as a person's name (at most six capitalised words) becomes a person.
"""

import re

from speakers.affiliations import POSITION_NOUNS

from .groups import has_organization_word, person_with_groups
from .igf_page_posts import dashed_run, dashed_speakers, name_then_post
from .names import (
    HONORIFIC_PERSON,
    NAME_JOINERS,
    TITLE,
    is_name,
    names_a_person,
    without_honorifics,
)
from .parsed import ParsedPerson
from .text import LIST_BULLET, Line, Paragraph, join

_FIELD_LABEL = re.compile(
    r"(?P<label>Organizational Affiliation|Moderators? and Organizers?|Organizers? and "
    r"Moderators?|Organizers?|Moderators?|Speakers?|Stakeholder(?: Group)?|Regional Group):",
    re.I,
)
_ROLE_WORDS = {"organizer": "organizer", "moderator": "moderator", "speaker": "speaker"}
_NOTE = re.compile(r"\s?\([^()]{0,40}\)$")

# A mark some pages print before a listed name ("✓Bocar A.BA, CEO & Board Member, …", 2020).
_CHECK_MARK = re.compile(r"^[✓✔]\s?")
_IN_COLLABORATION = re.compile(r"In collaboration with ", re.I)
_TITLED = re.compile(TITLE + r"\.? [A-Z]")

# "Dr. Konstantinos Komaitis/Resident Senior Fellow, …": a job title after a slash ends the name.
JOB_WORDS = {
    "adviser",
    "advisor",
    "ceo",
    "chair",
    "coordinator",
    "counsel",
    "director",
    "fellow",
    "founder",
    "head",
    "lead",
    "manager",
    "member",
    "minister",
    "officer",
    "president",
    "professor",
    "researcher",
    "secretary",
}


# "Co-Moderator: Helani Galpaya (LIRNEasia)" on a line of its own (pages before 2017).
_ROLE_LABEL = re.compile(r"(?:Co-?)?(?P<role>Moderator|Organi[sz]er|Rapporteur)s?: ", re.I)


def role_line_person(line: Line) -> ParsedPerson | None:
    """The person of a "<role>: <name>" or "<role>: <name> (<organization>)" line, or None."""
    label = _ROLE_LABEL.match(line.text)
    if label is None:
        return None
    name, _, organization = line.text[label.end() :].partition(" (")
    if not is_name(name.strip()) or (organization and not organization.endswith(")")):
        return None
    organization = organization.removesuffix(")").strip()
    return ParsedPerson(
        name=name.strip(),
        role=label["role"].lower().replace("organiser", "organizer"),
        line=line.number,
        organization=organization,
        affiliation=organization,
    )


# What stands in a speaker's place until one is named: "2016 IGF BPF IXPs - Speakers TBC".
_PLACEHOLDER_WORDS = {"tbc", "tbd", "speaker", "speakers"}


def speakers_after_moderators(
    paragraphs: list[Paragraph], people: list[ParsedPerson]
) -> tuple[list[Paragraph], list[ParsedPerson]]:
    """Heading-less speakers right after a page's "Moderator: ..." lines (pages before 2017),
    and the paragraphs that held none of them. A speaker line is "Name, Organization"
    ("Constance Bommelaer, ISOC") or "<what they present> - Name, Name" ("2016 IGF BPF
    Cybersecurity - Markus Kummer, Maarten Van Horenbeeck"); the first paragraph that holds
    anything else ends the speakers. The role comes from the layout."""
    moderators = [person.line for person in people if person.role == "moderator"]
    found: list[ParsedPerson] = []
    rest: list[Paragraph] = []
    ended = not moderators
    for paragraph in paragraphs:
        follows = not ended and paragraph.lines[0].number > max(moderators)
        listed = [_speakers_of(line) for line in paragraph.lines] if follows else []
        if listed and all(listed):
            found += [person for persons in listed for person in persons]
        else:
            ended = ended or follows
            rest.append(paragraph)
    return rest, found


def _speakers_of(line: Line) -> list[ParsedPerson]:
    presented, dash, names = line.text.rpartition(" - ")
    if dash:
        items = [(name.strip(), "") for name in names.split(",")]
    else:
        name, _, organization = line.text.partition(", ")
        items = [(name.strip(), organization.strip())] if organization else []
    if not items or not all(
        is_name(name) and not _PLACEHOLDER_WORDS & set(name.casefold().split()) for name, _ in items
    ):
        return []
    return [
        ParsedPerson(
            name=name,
            role="speaker",
            line=line.number,
            organization=organization,
            affiliation=organization or presented,
            inferred_by="role_from_layout",
        )
        for name, organization in items
    ]


def dashed_person(item: str, role: str, number: int) -> ParsedPerson | None:
    """'Saba Tiku - ITU Africa, Intergovernmental Organization Africa': name, then the
    affiliation and the groups after it as published (2021-2023 session pages)."""
    name, separator, affiliation = item.strip().partition("-")
    name = name.strip()
    if not separator or not name:
        return None
    return person_with_groups(name, affiliation, role, number)


def bulleted_person(line: Line, role: str) -> ParsedPerson | None:
    """The person of a bulleted "● Name, affiliation" line ("● Wisdom Donkor, MAG Member"), or
    None when the line has no bullet or opens with no person's name ("• Internet Society")."""
    if not LIST_BULLET.match(line.text):
        return None
    return name_then_post(LIST_BULLET.sub("", line.text), role, line.number)


def labelled_records(lines: list[Line]) -> list[tuple[Line, list[ParsedPerson] | None]]:
    """Each line with the people of its labelled fields, or None when it is no labelled line.
    Consecutive labelled lines are read as one record ("Stakeholder: Government" on a line of
    its own belongs to the names above it), up to a label the record already holds: that one
    opens the next person's record."""
    records: list[tuple[Line, list[ParsedPerson] | None]] = []
    run: list[Line] = []
    held: set[str] = set()

    def close() -> None:
        if run:
            merged = Line(run[0].number, " ".join(line.text for line in run))
            records.append((merged, labelled_people(merged)))
        run.clear()
        held.clear()

    for line in lines:
        labels = {field["label"].casefold() for field in _FIELD_LABEL.finditer(line.text)}
        if not _FIELD_LABEL.match(line.text):
            close()
            records.append((line, None))
            continue
        if held & labels:
            close()
        run.append(line)
        held.update(labels)
    close()
    return records


def labelled_people(line: Line) -> list[ParsedPerson] | None:
    """The people of a 2025 line of labelled fields, or None when the line is not one."""
    fields = list(_FIELD_LABEL.finditer(line.text))
    if not fields or fields[0].start() != 0:
        return None
    values = {}
    for field, following in zip(fields, [*fields[1:], None], strict=True):
        end = following.start() if following else len(line.text)
        values.setdefault(field["label"].casefold(), line.text[field.end() : end].strip())
    organization = values.pop("organizational affiliation", "")
    stakeholder = values.pop("stakeholder", values.pop("stakeholder group", ""))
    region = values.pop("regional group", "")
    people = []
    for label, names in values.items():
        roles = [role for word, role in _ROLE_WORDS.items() if word in label]
        for name in names.split(","):
            name = _NOTE.sub("", name.strip())
            if not is_name(name):
                continue
            people.extend(
                ParsedPerson(
                    name=name,
                    role=role,
                    line=line.number,
                    organization=organization,
                    affiliation=organization,
                    stakeholder_group=stakeholder,
                    regional_group=region,
                )
                for role in roles
            )
    return people


def honorific_speakers(
    paragraphs: list[Paragraph],
) -> tuple[list[Paragraph], list[ParsedPerson], list[str]]:
    """Heading-less speakers ("Mr Name, affiliation" paragraphs) and the organizing
    organizations just above them; the other paragraphs are returned as they were."""
    people: list[ParsedPerson] = []
    organizers: list[str] = []
    rest: list[Paragraph] = []
    for paragraph in paragraphs:
        titled = _titled_people(paragraph)
        if titled is None:
            if people and (person := listed_below(paragraph)):
                people.append(person)
            else:
                rest.append(paragraph)
            continue
        if not people and rest and _names_organizations(rest[-1]):
            organizers += [_IN_COLLABORATION.sub("", line.text) for line in rest.pop().lines]
        people.extend(titled)
    return rest, people, organizers


def _titled_people(paragraph: Paragraph) -> list[ParsedPerson] | None:
    """The speakers of a paragraph of titled names, each before a comma or a spaced dash ("Dr.
    Bushra Al Blooshi - Head of Research …", 2023), or None when a line is none."""
    found = [(line, HONORIFIC_PERSON.match(line.text)) for line in paragraph.lines]
    if all(match and is_name(match["name"].strip()) for _, match in found):
        return [titled_speaker(match, line.text, line.number) for line, match in found]
    if all(_TITLED.match(line.text) for line in paragraph.lines):
        return dashed_speakers(paragraph)
    return dashed_run(paragraph)


def listed_below(paragraph: Paragraph) -> ParsedPerson | None:
    """A "Name, post" line below speakers: one more of them, printed without the honorific
    ("Casper KLYNGE, Vice President …") or without the groups of those above it; a line of
    prose or an organization is none."""
    if len(paragraph.lines) != 1:
        return None
    line = paragraph.lines[0]
    name, comma, post = _CHECK_MARK.sub("", line.text).partition(",")
    if not comma or not is_name(name.strip()) or has_organization_word(name):
        return None
    return ParsedPerson(
        name=name.strip(),
        role="speaker",
        line=line.number,
        affiliation=post.strip(),
        inferred_by="role_from_layout",
    )


def _names_organizations(paragraph: Paragraph) -> bool:
    """A short paragraph of short lines that end without a full stop: names, not prose."""
    text = join([paragraph])
    return (
        len(paragraph.lines) <= 4
        and all(
            len(line.text) <= 120 and not line.text.endswith((".", ":", "?"))
            for line in paragraph.lines
        )
        and len(text) <= 400
    )


def titled_speaker(titled: re.Match, text: str, number: int) -> ParsedPerson:
    """A speaker the layout lists after their title (a HONORIFIC_PERSON match of `text`), their
    affiliation after it, a post that ends the name ("… Garza CEO, Orestia") its first part."""
    name, post = name_and_job_title(titled["name"].strip())
    affiliation = text[titled.end() :].strip()
    return ParsedPerson(
        name=name,
        role="speaker",
        line=number,
        affiliation=f"{post}, {affiliation}" if post else affiliation,
        inferred_by="role_from_layout",
    )


def name_and_job_title(name: str) -> tuple[str, str]:
    """'Dr. Konstantinos Komaitis/Resident Senior Fellow': (name, job title) when what follows
    a slash is a job title; 'Maria-Fernanda Garza CEO': (name, post) when a post in capitals
    ends the name; else (name, "")."""
    before, slash, title = name.partition("/")
    if slash and JOB_WORDS & set(title.casefold().split()):
        return before.strip(), title.strip()
    *named, last = name.split() or [""]
    if len(named) >= 2 and last.isupper() and last.casefold() in POSITION_NOUNS:
        return " ".join(named), last
    return name, ""


# "1. Raymond Mamatta , EGIGFA/ WIG, Civil Society, Africa 2. Gloria F. Amofah-Adjekum Women
# in Internet Governance (WIG) , Civil Society , Africa 3. …": a 2025 page's list of people
# run together on one line, each record opened by its number, 1, 2, 3, … in turn.
_RECORD_NUMBER = re.compile(r"(?<!\S)(\d{1,2})\. ")
# A run of capitals inside a record's head ("Natalie Tercova IGF Czechia/…") opens its
# affiliation when two words precede it and more follow: "LONG Kai", "Houda CHICHI" stay names.
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_MOST_NAME_WORDS = 4


def numbered_records(text: str) -> list[str] | None:
    """The records of a line that numbers them from 1 in turn, or None (fewer than two)."""
    starts: list[tuple[int, int]] = []
    for match in _RECORD_NUMBER.finditer(text):
        if int(match[1]) == len(starts) + 1 and (starts or match.start() == 0):
            starts.append((match.start(), match.end()))
    if len(starts) < 2:
        return None
    ends = [number for number, _body in starts[1:]] + [len(text)]
    return [
        unlabelled(text[body:end].strip())
        for (_number, body), end in zip(starts, ends, strict=True)
    ]


# "Name: Garima Saxena | Organizational Affiliation: The Dialogue | Stakeholder: Civil Society |
# Regional Group of Speakers: APAC" (2025): a record written as the form's fields, each labelled.
_FORM_RECORD = re.compile(r"^Name ?: ?(?=[^|]{2,80}\|)")


def unlabelled(record: str) -> str:
    """A record of the form's labelled fields as "Name, affiliation, …", the labels dropped;
    any other record as it is."""
    if not _FORM_RECORD.match(record):
        return record
    return ", ".join(value.partition(":")[2].strip() for value in record.split("|"))


# The next of several people run together on one line, each after their title: "Ms. Hoda Al
# Khzaimi, Director …, Middle East (Asia-Pacific States) Mr. David Fairchild (onsite), First …".
_NEXT_TITLED = re.compile(rf" (?={TITLE}\.? [A-Z][^,()]{{1,60}}(?:,| \())")


def titled_records(text: str) -> list[str] | None:
    """The records of a line that runs several titled people together, or None (fewer than
    two, or the line does not open with a title)."""
    if not re.match(rf"{TITLE}\.? [A-Z]", text):
        return None
    records = _NEXT_TITLED.split(text)
    return records if len(records) > 1 else None


_POST_OR_BODY = re.compile(r"\b(?:Representatives?|Members|Delegation)\b", re.I)


def record_with_name(record: str, organizations: list[str]) -> str | None:
    """The record as "Name, affiliation …", or None when its name cannot be told from its
    affiliation. The name is what precedes the first comma when that reads as a name;
    else what precedes the first of the page's organizations, a slash, a parenthesis or an
    acronym inside it, when that is a name of at most _MOST_NAME_WORDS words."""
    head, _comma, _rest = record.partition(",")
    if _is_person(without_honorifics(head.strip())):
        return record
    folded = record.casefold()
    cuts = [folded.find(organization.casefold()) for organization in organizations]
    cuts += [record.find("/"), record.find("(")]
    cuts += [
        match.start()
        for match in _ACRONYM.finditer(head)
        if len(head[: match.start()].split()) >= 2 and head[match.end() :].strip()
    ]
    for cut in sorted(cut for cut in cuts if cut > 0):
        name = record[:cut].strip()
        if _is_person(name) and len(name.split()) <= _MOST_NAME_WORDS:
            return f"{name}, {record[cut:].strip()}"
    return None


def _is_person(name: str) -> bool:
    """A name, and no post's or body's ("EU Commission Representative", 2018)."""
    return is_name(name) and not (_POST_OR_BODY.search(name) or has_organization_word(name))


# "Moderator: Andrea J. Saks, G3ict Speakers: Gunela Astbrink, Women With Disabilities Australia
# Gerry Ellis, Feel The BenefIT G. Anthony Giannoumis, … Rapporteur: Kaoru Mizuno, ITU" (2018):
# the people of several roles on one line, each "Name, organization", the next name run on to
# the organization before it. A label that names no role ("Secretariat support:") ends a run.
# "Rapporteur Kaoru Mizuno, …" (2019): that label may go without its colon.
_RUN_LABEL = re.compile(
    r"(?:^| )(?:(?P<label>Coordinators?|Moderators?|Speakers?|Rapporteurs?|Organi[sz]ers?|"
    r"Secretariat support): |(?P<bare>Rapporteur) (?=[A-Z]))"
)
_RUN_ROLES = {
    "coordinator": "organizer",
    "moderator": "moderator",
    "speaker": "speaker",
    "rapporteur": "rapporteur",
    "organizer": "organizer",
    "organiser": "organizer",
}
_FEWEST_RUN_LABELS = 2


def labelled_runs(line: Line) -> list[ParsedPerson]:
    """The people of a line of labelled runs (at least two labels), or none when a run cannot
    be told apart into names and organizations."""
    labels = list(_RUN_LABEL.finditer(line.text))
    if len(labels) < _FEWEST_RUN_LABELS:
        return []
    people = []
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        role = _RUN_ROLES.get((label["label"] or label["bare"]).casefold().rstrip("s"))
        text = line.text[label.end() : following.start() if following else len(line.text)]
        if role is None:
            continue
        run = _run_people(text, role, line.number)
        if run is None:
            return []
        people += run
    return people


def _run_people(text: str, role: str, number: int) -> list[ParsedPerson] | None:
    """ "Name, Organization Name, Organization …": each part between commas but the first ends
    with the next name (its last two words, three after an initial or a particle); a part with
    no name at its end, or nothing before it, goes on with the organization before it ("Patrick
    Ojok, Kyambogo University, Uganda Vashkar Bhattacharjee, …", 2019)."""
    first, *middle, last = [part.strip() for part in text.split(", ")] + [""][
        : text.count(",") == 0
    ]
    names, organizations, organization = [first], [], []
    for part in middle:
        words = part.split()
        size = 3 if len(words) > 3 and (len(words[-3]) == 2 or words[-3] in NAME_JOINERS) else 2
        name = " ".join(words[-size:])
        if len(words) <= size or not names_a_person(name):
            organization.append(part)
            continue
        organizations.append(", ".join([*organization, " ".join(words[:-size])]))
        names.append(name)
        organization = []
    organizations.append(", ".join([*organization, last]).removesuffix(", "))
    if not all(organizations) or not all(map(names_a_person, names)):
        return None
    return [
        ParsedPerson(name, role, number, affiliation=organization)
        for name, organization in zip(names, organizations, strict=True)
    ]
