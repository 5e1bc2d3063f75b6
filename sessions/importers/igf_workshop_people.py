"""The people of an IGF workshop page (2019-2023 layouts): organizers, speakers and the
moderator slots, each line read into a person with their stakeholder and regional groups.

The rest of the page is read in sessions/importers/igf_workshop.py.
"""

import re

from sessions.models import RegionalGroup, StakeholderGroup
from speakers.affiliations import vocabulary

from .groups import has_organization_word, is_group
from .igf_page_posts import post_or_body
from .names import (
    HONORIFIC_PERSON,
    NAME_WORD,
    could_be_a_name,
    looks_like_name,
    reads_as_person,
    said_once,
)
from .parsed import ROLE_LABELS, ParsedPerson, ParsedSession
from .text import DURATION, LIST_BULLET, Line, heading_key

ORGANIZER_LINE = re.compile(r"^Organi[sz]er\s+\d+\s*:\s*(?P<person>\S.*)$", re.I)
SPEAKER_LINE = re.compile(r"^Speaker\s+\d+\s*:\s*(?P<person>\S.*)$", re.I)
# "Speaker 1Carl Gahnberg", "Speaker 3:Richard …", "Speaker: Silvia Díaz Molina, …" (2018).
GLUED_SPEAKER_LABEL = re.compile(r"^Speaker ?(?:\d{1,2}:?|:) ?(?=[A-Z])")
ADDITIONAL_SPEAKERS = re.compile(r"^Additional Speakers\s*:?$", re.I)
NAME_THEN_DASH = re.compile(r"^(?P<name>[^,:]{3,80}): -")
NAME_THEN_COLON = re.compile(r"^(?P<name>[^,:()]{3,60}): (?P<post>\S.{0,600})$")
# The words of the template's labels, which a label before a colon holds and no name does.
_LABEL_WORDS = vocabulary(
    "agenda description format hybrid moderator moderators organizer organizers outcomes "
    "participation policy questions rapporteur report session speaker speakers takeaways theme"
)
# "Nicky Jackson Colaco - Roblox, VP, Global Public Policy": a name, a spaced dash, the post.
NAME_BEFORE_DASH = re.compile(r"^(?P<name>[^,:]{3,80}?) [-–] ")
# The page shows a lock before an organization whose details are hidden; it is no part of it.
# A copy that read the glyph's UTF-8 bytes in a Windows code page prints it as four letters
# ("ðŸ”’"), the first varying with the code page ("πŸ”’").
LOCK = re.compile(r"\N{LOCK}|\S?Ÿ”’")
# The template's moderator slots in order, and the slot each label names.
MODERATOR_SLOTS = ("onsite_moderator", "online_moderator", "rapporteur")
# Each label's slot; a plain "Moderator" takes the onsite moderator's.
MODERATOR_LABELS = {
    label: MODERATOR_SLOTS.index(role) if role in MODERATOR_SLOTS else 0
    for label, role in ROLE_LABELS.items()
}
# "João Pedro Martins (Delegation of the Youth Department of Council of Europe)": a name, its
# organization in parentheses.
NAME_THEN_ORGANIZATION = re.compile(
    r"^(?P<name>[^()]{3,80}?)\s?\((?P<organization>[^()]{2,200})\)$"
)
# A note after a moderator's name: "Nicolas Chagny/Daniel Shavit-Additional Online moderator".
_SLOT_NOTE = re.compile(
    r" ?- ?(?:Additional )?(?:(?:Online|Onsite|Remote) )?(?:moderator|rapporteur)$", re.I
)
# "Name, Stakeholder group, Regional group": short, at most a few commas, no sentence marks.
PERSON_SHAPE = re.compile(r"^[^:?,]{1,80}(?:,[^:?,]{1,80}){0,3}$")


def is_listed_person(text: str) -> bool:
    return bool(ORGANIZER_LINE.match(text) or SPEAKER_LINE.match(text))


def read_people(lines: list[Line], start: int, session: ParsedSession, opens_body) -> int:
    """Read organizer, speaker and moderator lines from lines[start]; return where the body
    begins. `opens_body(text)` tells a line that starts the page's body (a format line, a
    field's heading), which no moderator line is."""
    index = start
    additional = False  # inside an "Additional Speakers" block, which a field boundary ends
    blanks = 0
    while index < len(lines):
        text = lines[index].text
        blanks = 0 if text else blanks + 1
        additional = additional and blanks < 2
        if match := ORGANIZER_LINE.match(text):
            _read_organizer(match["person"], lines[index], session)
        elif match := SPEAKER_LINE.match(text):
            _read_speaker(match["person"], lines[index], session)
        elif ADDITIONAL_SPEAKERS.match(text):
            additional = True
        elif additional and text and opens_body(text):
            break  # "Round Table - Circle - 60 Min": the block ends, not at a blank line
        elif additional and text and (person := _additional_speaker(text, lines[index])):
            session.people.append(person)
        elif additional and text and _is_sub_heading(text, opens_body):
            session.unplaced.append(text)  # "Propose speakers" above the bullets (2020)
        elif _below_speakers(session) and (person := _speaker_before_colon(lines[index])):
            session.people.append(person)
        elif LIST_BULLET.match(text) and (person := _additional_speaker(text, lines[index])):
            # The same bullets, the block's heading lost in the copy (2019: "• Michael
            # Bültmann, Managing Director, HERE Technologies" under the organizers).
            session.people.append(person)
        elif text:
            break
        index += 1
    moderator_lines = []
    while (
        index < len(lines)
        and _is_moderator_line(lines[index].text, opens_body)
        and not _names_the_format(lines, index)
    ):
        if lines[index].text:
            moderator_lines.append(lines[index])
        index += 1
    _read_moderators(moderator_lines, session)
    return index


def _names_the_format(lines: list[Line], index: int) -> bool:
    """ "Roundtable" above "Duration (minutes): 90" (2024-2025): the session's format, which
    opens the body, and no person."""
    following = next((line.text for line in lines[index + 1 :] if line.text), "")
    return bool(DURATION.match(following))


def _is_moderator_line(text: str, opens_body) -> bool:
    if not text or _moderator_label(text) is not None:
        return True
    return bool(PERSON_SHAPE.match(text)) and not opens_body(text)


def _moderator_label(text: str) -> str | None:
    label = heading_key(text)
    return label if label in MODERATOR_LABELS else None


def _read_moderators(lines: list[Line], session: ParsedSession) -> None:
    """Give each moderator-block person a role by template slot: onsite moderator, online
    moderator, rapporteur. A label moves to its slot; an unlabelled person takes the slot after
    the previous person's. So when "Online Moderator" is the only label left, the person before
    it is the onsite moderator and the second person after it the rapporteur. Without any
    label, the last three are the slots' and any before them additional speakers; so too any
    above the first slot's own label."""
    labels = [_moderator_label(line.text) for line in lines]
    named = all(len(line.text.partition(",")[0].split()) > 1 for line in lines)
    if not any(labels) and named and len(lines) > len(MODERATOR_SLOTS):
        # More people than slots, and no label: the first are additional speakers whose
        # heading the copy lost (2023: "William J. Drake" alone below the speakers' lines).
        extra = len(lines) - len(MODERATOR_SLOTS)
    else:
        # People above the first slot's own label ("Philippe Dumont, Chief Executive Officer,
        # Eulalink Cable" / "Moderator" / "Felix blanc", 2018) are additional speakers whose
        # block a field boundary cut: the label names the first slot's person.
        first = next((index for index, label in enumerate(labels) if label), None)
        extra = first if first and MODERATOR_LABELS[labels[first]] == 0 else 0
    for line in lines[:extra]:
        if _no_one(line.text):
            session.unplaced.append(line.text)
            continue
        person = _additional_speaker(line.text, line) or _listed_person(line.text, "speaker", line)
        person.inferred_by = "role_from_layout"
        session.people.append(person)
    lines, labels = lines[extra:], labels[extra:]
    # "Moderator" alone names the onsite moderator only when an online moderator is also labelled.
    plain_moderator_role = "onsite_moderator" if "online moderator" in labels else "moderator"
    slot = 0
    slot_zero_role = MODERATOR_SLOTS[0]
    # A person right under their label has the role it states; any other, by its slot.
    labelled_by = None
    for line, label in zip(lines, labels, strict=True):
        if label is not None:
            slot = MODERATOR_LABELS[label]
            if label == "moderator":
                slot_zero_role = plain_moderator_role
            labelled_by = label
        elif _no_one(line.text):
            session.unplaced.append(line.text)
        elif slot < len(MODERATOR_SLOTS):
            role = slot_zero_role if slot == 0 else MODERATOR_SLOTS[slot]
            for person in _slot_people(line.text, role, line):
                if labelled_by is None:
                    person.inferred_by = "role_from_layout"
                elif labelled_by == "moderator" and role == "onsite_moderator":
                    person.inferred_by = "onsite_moderator_beside_online"
                session.people.append(person)
            slot += 1
            labelled_by = None
        else:
            session.unplaced.append(line.text)


def without_lock(text: str) -> str:
    return LOCK.sub("", text).strip()


def _no_one(text: str) -> bool:
    """A moderators' block line that names no one: "Courtney Radsch is substituting for Jan as
    …"; "Intergovernmental Organization, Intergovernmental Organization", a slot's groups
    without its person (2021)."""
    name = text.partition(",")[0]
    return not could_be_a_name(name) or _a_group(name)


def _a_group(text: str) -> bool:
    return is_group(text, StakeholderGroup) or is_group(text, RegionalGroup)


def _read_organizer(text: str, line: Line, session: ParsedSession) -> None:
    """'XIAO YANG, China Internet Development Foundation': the organization may hold commas; a
    lock glyph before it is not kept, nor an organization of glyphs alone ("??"). An organizer
    published without a name ("Private Sector, Western European and Others Group (WEOG)")
    names no person and no organization, nor does an empty one: the line is kept whole in the
    unplaced text."""
    name, _, organization = text.partition(",")
    if not name.strip() or _a_group(name):
        session.unplaced.append(line.text)  # also "Organizer 3: ,", a slot left empty
        return
    organization = without_lock(organization).removesuffix(",").strip()
    if not any(character.isalnum() for character in organization):
        organization = ""  # the lock glyph lost in a copy ("??"): no organization
    session.people.append(
        ParsedPerson(
            name=said_once(name.strip()),
            role="organizer",
            line=line.number,
            affiliation=organization,
            organization=organization,
        )
    )


def _read_speaker(text: str, line: Line, session: ParsedSession) -> None:
    """A "Speaker N:" line's person; a slot filled with an organization ("Internet Society
    Saudi, Civil Society, Asia-Pacific Group") names no one, and its line is kept unplaced."""
    person = _listed_person(text, "speaker", line)
    if has_organization_word(person.name):
        session.unplaced.append(line.text)
    else:
        session.people.append(person)


def _is_additional_speaker(text: str) -> bool:
    """'Gehad Madi, UN Committee on the Rights of the Child, Intergovernmental Organization,
    African Group': a name, then parts of which the last is a regional group."""
    *_, last = text.split(",")
    return "," in text and len(text) <= 300 and is_group(last, RegionalGroup)


def _additional_speaker(text: str, line: Line) -> ParsedPerson | None:
    """An "Additional Speakers" line: a listed person's (`_is_additional_speaker`), or one
    written freely, "Mr. Yang Xiaobo, Head of …", "Pablo Fernández, Executive Director of
    Chequeado", "• Fuatai Gisa Purcell: - Chief Executive Officer, …", "Keith Andere - Executive
    Director, …", or a name alone on a
    bullet ("• Thoko Miya", 2022): a name before the first comma, the affiliation after it,
    bullet and numbers not kept. None for a line that opens with no name ("UN Committee on the
    Rights of the Child, …")."""
    item = LIST_BULLET.sub("", text)
    # "Speaker 1Carl Gahnberg, …", "Speaker 3:Richard …"; "Name: - post".
    item = NAME_THEN_DASH.sub(r"\g<name>,", GLUED_SPEAKER_LABEL.sub("", item))
    if _is_additional_speaker(item):
        return _listed_person(item, "speaker", line)
    dashed = NAME_BEFORE_DASH.match(item)
    if titled := HONORIFIC_PERSON.match(item):
        name, affiliation = titled["name"].strip(), item[titled.end() :]
    elif dashed and looks_like_name(dashed["name"], 6, NAME_WORD):
        name, affiliation = dashed["name"], item[dashed.end() :]
    else:
        name, _, affiliation = item.partition(",")
    name = name.strip()
    alone = item != text and "," not in item  # a bullet's name alone
    if (
        not ("," in item or alone or dashed)
        or len(name.split()) < 2
        or not looks_like_name(name, 6, NAME_WORD)
    ):
        return None
    return ParsedPerson(
        name=name, role="speaker", line=line.number, affiliation=affiliation.strip(" ,.")
    )


def _below_speakers(session: ParsedSession) -> bool:
    return bool(session.people) and session.people[-1].role == "speaker"


def _speaker_before_colon(line: Line) -> ParsedPerson | None:
    """A speaker written freely below the numbered ones, their heading lost (2025: "Jason
    Millar: Environmental Specialist from Barbados. …"): a name, then a post or a body; None
    when the words before the colon are a label ("Online Moderator: Jane Doe")."""
    match = NAME_THEN_COLON.match(line.text)
    if (
        not match
        or not reads_as_person(match["name"], _LABEL_WORDS)
        or not post_or_body(match["post"])
    ):
        return None
    return ParsedPerson(
        name=match["name"], role="speaker", line=line.number, affiliation=match["post"].strip()
    )


def _is_sub_heading(text: str, opens_body) -> bool:
    """A few words without a comma inside the additional speakers' block, which neither end it
    (a moderator's label, the format line) nor name anyone; or the sentence that introduces
    the list ("…, the following speakers will join additionally:", 2020)."""
    if _moderator_label(text) is not None:
        return False
    if text.endswith(":"):
        return True
    return (
        "," not in text
        and len(text.split()) <= 4
        and not opens_body(text)
        and not looks_like_name(text, 4, NAME_WORD)
    )


def _slot_people(text: str, role: str, line: Line) -> list[ParsedPerson]:
    """The person of a moderator's slot, or two who share it ("Nicolas Chagny/Daniel Shavit",
    2018), without the slot's note ("…-Additional Online moderator")."""
    text = _SLOT_NOTE.sub("", text)
    names, comma, rest = text.partition(",")
    shared = [name.strip() for name in names.split("/")]
    if len(shared) > 1 and all(looks_like_name(name, 6, NAME_WORD) for name in shared):
        return [_listed_person(name + comma + rest, role, line) for name in shared]
    return [_listed_person(text, role, line)]


def _ends_in_groups(parts: list[str]) -> bool:
    return is_group(parts[-1], RegionalGroup) and is_group(parts[-2], StakeholderGroup)


def _listed_person(text: str, role: str, line: Line) -> ParsedPerson:
    """'Horst Kremers, Technical Community, Western European and Others Group (WEOG)'.

    The groups are read from the end of the line: a fourth part between the name and the
    stakeholder group ("Kai Hanke, Deutsches Kinderhilfswerk e.V., Civil Society, ...") is the
    person's organization. A line of three parts keeps its places, so that a value outside the
    vocabularies reaches the loader as what it was published as.
    """
    parts = [part.strip() for part in text.split(",")]
    name, rest = said_once(parts[0]), parts[1:]
    organization = ""
    if len(rest) > 2 and _ends_in_groups(rest):
        organization = ", ".join(rest[:-2])
        rest = rest[-2:]
    stakeholder_group, regional_group = ([*rest[:1], ", ".join(rest[1:]), ""])[:2]
    match = NAME_THEN_ORGANIZATION.match(name)
    if match and not organization and looks_like_name(match["name"], 6, NAME_WORD):
        name, organization = match["name"], match["organization"].strip()
    return ParsedPerson(
        name=name,
        role=role,
        line=line.number,
        affiliation=organization,
        organization=organization,
        stakeholder_group=stakeholder_group.strip(),
        regional_group=regional_group.strip(),
    )
