"""The people of an IGF proposal page, as the first sites and the schedule site print it:

- 2014 (the first sites' mirror): the proposal form, each question then its answer and " |"
  ("Name of Moderator(s) William Drake |");
- 2017-2018: "Proposer's Name:" and "Co-Proposer's Name:" with their organizations, the
  co-organizers' records ("Ms.,Anriette,Esterhuysen,Civil Society,APC", or run together after
  their titles), "Speaker: Name" lines, and the "Name, post" lines below "Confirmed speakers:"
  or "Additional Speakers" (the name closed by a comma, a semicolon or a full stop; or after
  the seat the speaker takes, "Youth: Su Sonia Hering"), up to the first line that names nobody.
"""

import re

from sessions.models import StakeholderGroup

from .groups import is_group
from .igf_workshop_people import ADDITIONAL_SPEAKERS
from .names import TITLE, is_name, names_a_person, said_once, without_honorifics
from .parsed import ParsedPerson
from .text import Line, Paragraph

_PROPOSER = re.compile(r"(?:Co-)?Proposer'?s Name:\s?(?P<value>.{1,200})", re.I)
_PROPOSER_ORGANIZATION = re.compile(r"(?:Co-)?Proposer'?s Organi[sz]ation:\s?(?P<value>.{1,300})")
# "Ms.,Anriette,Esterhuysen,Civil Society,APC" or "Mr. Hartmut, GLASER, Technical Community,
# CGI.br": a record is a title, then four comma-separated fields.
_RECORD = re.compile(TITLE + r"\.?(?:,|\s)[^,]{1,60},[^,]{1,60},[^,]{1,60},")
# A record's honorific, with or without its comma ("Mr.,Carlos", "Mr. Hartmut").
_RECORD_TITLE = re.compile(r"^\s?" + TITLE + r"\.?,?\s?")
# "Ms., Jia HE, Private Sector, Bytedance" (2017, the schedule site): the name in one field.
_NAMED_RECORD = re.compile(
    TITLE + r"\.?, (?P<name>[^,]{3,60}), (?P<group>[^,]{3,60}), "
    r"(?P<organization>[^,]{1,200})"
)
# "Mr Belisario Contreras, Inter-governmental Organization, Organization of American States Ms
# Sophie Tomlinson, Private Sector, ICC BASIS" (2017): co-organizers run together, each a title,
# the name, the stakeholder group, then the organization up to the next title.
_NEXT_TITLED_RECORD = re.compile(rf" (?={TITLE}\.? [A-Z][^,]{{1,60}}, )")
_TITLED_RECORD = re.compile(
    TITLE + r"\.? (?P<name>[^,]{3,60}), (?P<group>[^,]{3,60}), (?P<organization>.{1,200})"
)
# The 2014 proposal form as the first sites' mirror prints it: each question, then its answer,
# then " |" ("Name of Moderator(s) William Drake |"); the people's answers, and their roles.
_FORM_PEOPLE = {
    "Name(s) and stakeholder and organizational affiliation(s) of institutional co-organizer(s)": (
        "organizer"
    ),
    "Names and affiliations (stakeholder group, organization) of speakers the proposer is "
    "planning to invite": "speaker",
    "Name of Moderator(s)": "moderator",
    "Name of Remote Moderator(s)": "online_moderator",
}
_FORM_ANSWER = re.compile(
    "(?P<question>" + "|".join(map(re.escape, _FORM_PEOPLE)) + r") (?P<answer>[^|]{3,600}) \|"
)
# "Confirmed speakers:" above "Name, post" lines in a 2017 proposal's text; "Other possible
# speakers:" names no one who spoke.
_CONFIRMED_SPEAKERS = re.compile(r"^(?:Confirmed |Invited )?Speakers\s?:?$", re.I)
# "Speaker: Urs Gasser" (2017, the schedule site), "Speaker: Rohan Samarajiva, LirneAsia, Sri
# Lanka" (2014).
_LISTED_SPEAKER = re.compile(r"Speaker: (?P<name>[^,:]{3,80})(?:, (?P<affiliation>\S.{0,300}))?")
# "As we had too many speakers, we skipped a few names on the list. This is the new list of
# speakers:" (2017): the speakers follow.
_SPEAKERS_FOLLOW = re.compile(r"\blist of speakers\s?:$", re.I)
# "Government/Politics: Arda Gerkens", "Youth: Su Sonia Hering" (2017): a speaker after the seat
# they take on the panel; a role's label is another field's ("Moderator: …").
_SEATED = re.compile(r"^(?P<seat>[^:,]{2,40}): (?P<name>[^,:;]{3,80})$")
_NOT_A_SEAT = re.compile(r"\b(?:moderat|rapporteur|organi[sz]er|chair)", re.I)
# The name ends at the first comma, semicolon or full stop followed by a space.
_NAME_END = re.compile(r",|;|\. ")


def proposal_people(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[ParsedPerson]]:
    """A proposal page's people (the 2014 form, the 2017-2018 layout), and the paragraphs that
    held none of them."""
    people: list[ParsedPerson] = []
    rest: list[Paragraph] = []
    speakers_follow = False
    for paragraph in paragraphs:
        kept: list[Line] = []
        for line in paragraph.lines:
            if speakers_follow and (person := _listed_speaker(line)):
                people.append(person)
            elif ADDITIONAL_SPEAKERS.match(line.text) or _CONFIRMED_SPEAKERS.match(line.text):
                speakers_follow = True
            elif _SPEAKERS_FOLLOW.search(line.text):
                speakers_follow = True
                kept.append(line)  # a sentence of the page's, not a heading
            elif not _proposal_line(line, people):
                speakers_follow = False  # a line that names nobody ends the speakers
                kept.append(line)
        if kept:
            rest.append(Paragraph(kept, paragraph.after_gap))
    return rest, people


def _proposal_line(line: Line, people: list[ParsedPerson]) -> bool:
    """Read a proposer, a proposer's organization, a run of co-organizer records, a "Speaker:"
    line or a form's answer that names people."""
    if match := _PROPOSER.fullmatch(line.text):
        name = without_honorifics(match["value"].strip())
        if is_name(name):
            people.append(ParsedPerson(name=name, role="organizer", line=line.number))
            return True
        return False
    if (match := _PROPOSER_ORGANIZATION.fullmatch(line.text)) and people:
        people[-1].organization = people[-1].affiliation = match["value"].strip()
        return True
    if answer := _FORM_ANSWER.fullmatch(line.text):
        people += _form_people(answer, line.number)
        return True
    if match := _LISTED_SPEAKER.fullmatch(line.text):
        if is_name(name := said_once(match["name"])):  # "Speaker: Karen McCabe Karen McCabe"
            affiliation = match["affiliation"] or ""
            people.append(ParsedPerson(name, "speaker", line.number, affiliation=affiliation))
            return True
        return False
    if (match := _NAMED_RECORD.fullmatch(line.text)) and is_name(match["name"]):
        _organizer(people, match["name"], match["group"], match["organization"], line.number)
        return True
    titled = [_TITLED_RECORD.fullmatch(part) for part in _NEXT_TITLED_RECORD.split(line.text)]
    if all(match and _organizer_record(match) for match in titled):
        for match in titled:
            _organizer(people, match["name"], match["group"], match["organization"], line.number)
        return True
    starts = [match.start() for match in _RECORD.finditer(line.text)]
    if not starts or starts[0] != 0:
        return False
    for start, end in zip(starts, [*starts[1:], len(line.text)], strict=True):
        record = _RECORD_TITLE.sub("", line.text[start:end])
        first, last, group, organization = (part.strip() for part in record.split(",", 3))
        name = f"{first} {last}"
        if not names_a_person(name) or _shifted(group, organization):
            return False  # "Ms. Daria Tsafrir, Legal Advisor, INCD, …" is no record
        _organizer(people, name, group, organization, line.number)
    return True


def _shifted(group: str, organization: str) -> bool:
    """Whether the stakeholder group comes later than a record's field: "Ms Whitney Jolivet,
    Executive Assistant, International Chamber of Commerce (ICC), Private Sector, African
    Group" (2024) is a name, then a post. A group spelt otherwise stays a record's ("Mrs.,
    Vanessa, BERNING, Civiel Society, Young NL IGF", 2017)."""
    later = (part.strip() for part in organization.split(","))
    return not is_group(group, StakeholderGroup) and any(
        is_group(part, StakeholderGroup) for part in later
    )


def _form_people(answer: re.Match, number: int) -> list[ParsedPerson]:
    """The people of a form's answer, "Name, affiliation" each, parted by semicolons."""
    role = _FORM_PEOPLE[answer["question"]]
    people = []
    for item in answer["answer"].split(";"):
        name, _, affiliation = item.partition(",")
        if is_name(name := name.strip()):
            people.append(ParsedPerson(name, role, number, affiliation=affiliation.strip()))
    return people


def _organizer_record(match: re.Match) -> bool:
    return is_name(match["name"]) and is_group(match["group"], StakeholderGroup)


def _organizer(people: list[ParsedPerson], name, group, organization, number) -> None:
    """A co-organizer's record: the proposer's, when it names them (in any case), or another."""
    known = next((p for p in people if p.name.casefold() == name.casefold()), None)
    if known is None:
        known = ParsedPerson(name=name, role="organizer", line=number)
        people.append(known)
    known.stakeholder_group = group
    known.organization = known.affiliation = known.organization or organization


def _listed_speaker(line: Line) -> ParsedPerson | None:
    """'Robert Pepper, Head, ...', 'Keith Drazek; VP, ...', 'Benedicto Fonseca Filho. Director',
    'Youth: Su Sonia Hering' (the seat kept as the role's words)."""
    seated = _SEATED.match(line.text.strip())
    if seated and not _NOT_A_SEAT.search(seated["seat"]):
        name = without_honorifics(seated["name"].strip())
        if not is_name(name):
            return None
        return ParsedPerson(name, "speaker", line.number, role_text=seated["seat"])
    match = _NAME_END.search(line.text)
    if match is None or not is_name(line.text[: match.start()].strip()):
        return None
    return ParsedPerson(
        name=line.text[: match.start()].strip(),
        role="speaker",
        line=line.number,
        affiliation=line.text[match.end() :].strip(),
    )
