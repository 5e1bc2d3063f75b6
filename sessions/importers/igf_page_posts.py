"""People an IGF session page lists by name and post alone, without a label or their groups
(sessions/importers/igf_page.py and igf_page_unlabelled.py read the page):

    YANG ZHOU, TAIGE SHI, TIANXIANG LIU, LI LI                  names alone (2025)
    Kerry-Anne Barret - CyberSecurity Program Manager - OAS     a name, then its post (2022)
    Dr. Bushra Al Blooshi - Head of Research and Innovation …   a titled name, then its post (2023)
    - Adama OUANE, Administrator of OIF - Pierre DANDJINOU, …   names and posts run together (2018)
    YouthxPolicymakers - Elisabeth Schauermann, Demetria Lee     a body, then its people (2021)
"""

import itertools
import re

from speakers.affiliations import ORGANIZATION_WORDS, POSITION_NOUNS
from speakers.names import fold

from .groups import has_organization_word, person_with_groups
from .names import is_name, names_a_person, reads_as_person, without_honorifics
from .parsed import ParsedPerson
from .text import Paragraph

# "YANG ZHOU, TAIGE SHI, TIANXIANG LIU, LI LI" (2025); two could be a name and an affiliation.
_FEWEST_NAMES_ALONE = 3
_NAMES_SEPARATOR = re.compile(r", (?:and )?| and ")


def names_alone(text: str) -> list[str] | None:
    """The names of a line that lists people by their names alone, or None."""
    names = [name.strip() for name in _NAMES_SEPARATOR.split(text.rstrip(". "))]
    if len(names) < _FEWEST_NAMES_ALONE or not all(map(_named, names)):
        return None
    return names


# "Kerry-Anne Barret - CyberSecurity Program Manager - Organization of American States" (2022):
# a name, then its post after a spaced dash (a hyphen within the name is none).
NAME_THEN_POST = re.compile(r"^(?P<name>[^–,]{3,80}?) {1,3}[-–] (?P<post>\S.{1,300})$")
ACRONYM = re.compile(r"\b[A-Z]{2,10}\b")


def _named(text: str) -> bool:
    """A person's name, and no number in it (a name's shape allows one: "IGF 2016 BPF")."""
    return names_a_person(text) and not any(character.isdigit() for character in text)


def dashed_speakers(paragraph: Paragraph) -> list[ParsedPerson] | None:
    """The speakers of a paragraph of "Name - post" lines, a title before the name or not ("Dr.
    Bushra Al Blooshi - Head of Research …", 2023), or None when it is none."""
    people = []
    for line in paragraph.lines:
        if not (match := NAME_THEN_POST.match(without_honorifics(line.text))):
            return None
        name, post = " ".join(match["name"].split()), match["post"]
        if not _named(name) or not post_or_body(post):
            return None  # "2016 IGF BPF IXPs - Speakers TBC" names no one
        person = person_with_groups(name, post.strip().removesuffix("."), "speaker", line.number)
        if person.stakeholder_group or person.regional_group:
            return None  # an organizers' or speakers' record with its groups: read_grouped_people
        person.inferred_by = "role_from_layout"
        people.append(person)
    return people


def body_then_names(paragraph: Paragraph) -> list[ParsedPerson] | None:
    """The speakers of a paragraph of "Body - Name, Name, post" lines, each line's people the
    body's (2021 Day 0 events: "Digital Youth Jam Project - Marko Paloski, Generation Connect
    Europe Youth Envoy"), or None when a line is none: its left a person's name, or its right
    opening with no name."""
    people = []
    for line in paragraph.lines:
        if not (match := NAME_THEN_POST.match(line.text.rstrip(" ,"))):
            return None
        body, parts = match["name"].strip(), match["post"].split(", ")
        named = list(itertools.takewhile(_reads_as_named, parts))
        if not named or (is_name(body) and not post_or_body(body)):
            return None
        affiliation = ", ".join([body, *parts[len(named) :]])
        people += [
            ParsedPerson(
                name=name,
                role="speaker",
                line=line.number,
                affiliation=affiliation,
                inferred_by="role_from_layout",
            )
            for name in named
        ]
    return people


def _reads_as_named(text: str) -> bool:
    return reads_as_person(text) and not any(character.isdigit() for character in text)


def post_or_body(affiliation: str) -> bool:
    """Whether an affiliation names a post or an organization: "Head of Digital, Article19",
    "Chief Operating Officer, CIS"."""
    words = set(fold(affiliation).replace(",", " ").split())
    return bool(words & (POSITION_NOUNS | ORGANIZATION_WORDS) or ACRONYM.search(affiliation))


# "- Adama OUANE, Administrator of OIF - Pierre DANDJINOU, RVP, … ; Mr Abdelkader ZIGHIED, …"
# (2018): the items of a dashed list whose line breaks the copy lost.
_DASHED_RUN_ITEM = re.compile(r" - | ; ")


def dashed_run(paragraph: Paragraph) -> list[ParsedPerson] | None:
    """The speakers of a paragraph of one line that is a dashed list run together, each "Name,
    post", a title before the name or not; None when it is none, or when an item names no one
    (the paragraph is then kept as published)."""
    line, *others = paragraph.lines
    if others or not line.text.startswith("- "):
        return None
    items = [
        without_honorifics(item.strip()).removesuffix(".")
        for item in _DASHED_RUN_ITEM.split(line.text.removeprefix("- "))
    ]
    if len(items) < 2 or not all(item.partition(",")[2].strip() for item in items):
        return None
    people = [
        name_then_post(item, "speaker", line.number, inferred_by="role_from_layout")
        for item in items
    ]
    return None if None in people else people


def name_then_post(text: str, role: str, number: int, **details) -> ParsedPerson | None:
    """The person of a "Name, post" text ("Wisdom Donkor, MAG Member"), the post's groups read
    off its end; None when it opens with no person's name ("Internet Society")."""
    name, _, post = text.partition(",")
    name = name.strip()
    if not is_name(name) or has_organization_word(name):
        return None
    return person_with_groups(name, post, role, number, **details)
