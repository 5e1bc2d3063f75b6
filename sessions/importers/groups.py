"""Stakeholder groups and regional groups as the pages write them beside a person's name:
"Name, Civil Society, African Group", "Org, Civil Society, WEOG", "Org (GRULAC)". A group is
taken only where what stands there is one; anything else stays affiliation text, whole, so
that an unknown group is never lost nor turned into a name."""

import re

from sessions.importers.parsed import ParsedPerson
from sessions.models import RegionalGroup, StakeholderGroup
from speakers.affiliations import ORGANIZATION_WORDS

from .names import names_a_person

# "… Digital Action (GRULAC)", "… Civil Society (WEOG)": a group in parentheses ending the text.
_GROUP_IN_PARENTHESES = re.compile(r"\(([^()]{1,60})\)$")


# The regions as 2023-2025 pages also write them ("…, Civil Society, Africa", "…, technical
# community, APAC"), each the UN regional group it can only mean. "Europe", "EU" and "NA" are
# not here: they do not say which group, and stay affiliation text.
REGION_FORMS = {
    "africa": RegionalGroup.AFRICAN,
    "asia": RegionalGroup.ASIA_PACIFIC,
    "asia pacific": RegionalGroup.ASIA_PACIFIC,
    "apac": RegionalGroup.ASIA_PACIFIC,
    "lac": RegionalGroup.GRULAC,
    "latin america and the caribbean": RegionalGroup.GRULAC,
    "eastern europe": RegionalGroup.EASTERN_EUROPEAN,
    # The groups' own UN names ("Group of African States"), as 2024 pages write them.
    "african states": RegionalGroup.AFRICAN,
    "asia pacific states": RegionalGroup.ASIA_PACIFIC,
    "eastern european states": RegionalGroup.EASTERN_EUROPEAN,
    "latin american and caribbean states": RegionalGroup.GRULAC,
    "western european and other states": RegionalGroup.WEOG,
    # "Western Europe and other Group" (2025).
    "western europe and other": RegionalGroup.WEOG,
    "western europe and others": RegionalGroup.WEOG,
    "western european and others": RegionalGroup.WEOG,
}


# A region with a note in parentheses: "Asia-Pacific (APAC)", "Africa (Nigeria)".
_REGION_WITH_NOTE = re.compile(r"^(?P<region>[^()]{1,60}?) ?\((?P<note>[^()]{1,40})\)$")


def choice_of(text: str, choices) -> str:
    """The value of `choices` that `text` names: its label with or without "Group", the value
    itself ("WEOG", "grulac"), or for a region one of REGION_FORMS, with or without a note in
    parentheses after it, in any case; "" when none. What the archive's vocabulary accepts
    (checks.vocabulary), and so what the parsers take for a group. A trailing "Group" or
    "Region" is no part of the name ("Civil Society Group", "Africa Region", 2024)."""
    wanted = _folded(text)
    forms = {wanted, wanted.removesuffix(" group"), wanted.removesuffix(" region")}
    for value, label in choices.choices:
        label = _folded(label)
        if _squeezed(forms) & _squeezed({label, label.removesuffix(" group"), value}):
            return value
    if choices is not RegionalGroup:
        return ""
    if form := next((form for form in forms if form in REGION_FORMS), None):
        return REGION_FORMS[form]
    noted = _REGION_WITH_NOTE.match(wanted)
    return choice_of(noted["region"], choices) if noted else ""


def _folded(text: str) -> str:
    """'Asia Pacific  Group' and 'Asia-Pacific Group' alike: 'asia pacific group'."""
    return " ".join(text.replace("-", " ").split()).casefold()


def _squeezed(forms: set[str]) -> set[str]:
    """The forms without their spaces: "Inter-governmental Organization" is the
    intergovernmental organizations' group."""
    return {form.replace(" ", "") for form in forms}


def is_group(text: str, groups) -> bool:
    return bool(choice_of(text, groups))


def name_and_groups(entry: str) -> tuple[str, str, str, str]:
    """Read "Name, <stakeholder group>, <regional group>" or "Name, affiliation":
    (name, affiliation, stakeholder group, regional group), each as published."""
    name, _, rest = entry.partition(",")
    parts = [part.strip() for part in rest.split(",")] if rest.strip() else []
    if (
        len(parts) == 2
        and is_group(parts[0], StakeholderGroup)
        and is_group(parts[1], RegionalGroup)
    ):
        return name.strip(), "", parts[0], parts[1]
    if len(parts) == 1 and is_group(parts[0], StakeholderGroup):
        return name.strip(), "", parts[0], ""
    return name.strip(), rest.strip(), "", ""


def affiliation_and_groups(text: str) -> tuple[str, str, str]:
    """Read the groups that a 2025 session page writes after a person's affiliation:
    "ICNL, Civil Society, WEOG", "Global Partners Digital, Civil Society (WEOG)", "Digital
    Action (GRULAC)": (affiliation, stakeholder group, regional group), each as published. The
    groups are taken only when what ends the text is one (a regional group, then a stakeholder
    group before it), with or without a comma between the two ("ITU Africa, Intergovernmental
    Organization Africa")."""
    *before, last = text.split(",")
    if joined := _stakeholder_then_region(last):
        return _with_note(", ".join(part.strip() for part in before), *joined)
    rest, stakeholder, region = text.strip(), "", ""
    match = _GROUP_IN_PARENTHESES.search(rest)
    if match and is_group(match[1], RegionalGroup):
        region, rest = match[1].strip(), rest[: match.start()].rstrip()
    parts = [part.strip() for part in rest.split(",")]
    if not region and len(parts) > 1 and is_group(parts[-1], RegionalGroup):
        region = parts.pop()
    if (region or len(parts) > 1) and parts and is_group(parts[-1], StakeholderGroup):
        stakeholder = parts.pop()
    if not stakeholder and not region:
        return text.strip(), "", ""
    return _with_note(", ".join(part for part in parts if part), stakeholder, region)


def _with_note(affiliation: str, stakeholder: str, region: str) -> tuple[str, str, str]:
    """A region's note that is no other name of it ("Africa (Nigeria)") belongs to the
    affiliation ("Google Sub-Saharan Africa (Nigeria)"); "Asia-Pacific (APAC)" stays whole."""
    noted = _REGION_WITH_NOTE.match(region)
    if noted is None or choice_of(noted["note"], RegionalGroup):
        return affiliation, stakeholder, region
    return f"{affiliation} ({noted['note']})".lstrip(), stakeholder, noted["region"]


def _stakeholder_then_region(text: str) -> tuple[str, str] | None:
    """("Civil Society", "Asia-Pacific (APAC)") for "Civil Society Asia-Pacific (APAC)": a
    stakeholder group of one to three words, then a regional group, in one piece of text."""
    words = text.split()
    for cut in range(1, min(len(words), 4)):
        stakeholder, region = " ".join(words[:cut]), " ".join(words[cut:])
        if is_group(stakeholder, StakeholderGroup) and is_group(region, RegionalGroup):
            return stakeholder, region
    return None


# Where one record ends and the next begins when a line runs them together without their
# separator: "…, Civil Society, GRULAC Sheetal Kumar, …" (a 2021 organizers line). A record
# is a name, at least one more part and its region; the next opens with a name (no word of an
# organization's: "…, ISOC, Asia Pacific Network Information Centre, …" is one record) and a comma.
_REGION_NAMES = sorted(
    {
        *(
            form
            for value, label in RegionalGroup.choices
            if value != RegionalGroup.INTERGOVERNMENTAL
            for form in (label, label.removesuffix(" Group"), value)
        ),
        *REGION_FORMS,
        *(f"{form} {noun}" for form in REGION_FORMS for noun in ("region", "group")),
    },
    key=len,
    reverse=True,
)
_AFTER_A_REGION = re.compile(
    r",\s?(?i:"
    # A space of a region's folded form may be a hyphen as published ("Asia-Pacific States").
    + "|".join(re.escape(name).replace(r"\ ", "[ -]") for name in _REGION_NAMES)
    # The next record's name, before its comma, its affiliation in parentheses or after a
    # dash ("GRULAC Roberto Zambrana (IGF Bolivia), …", "GRULAC Bia Barbosa - Conselhera …,").
    + r") (?=[A-Z][\w'’.-]{0,30}(?: [\w'’.-]{1,30}){1,3}(?: \([^(),]{1,80}\)| - [^(),]{1,80})?,)"
)


def has_organization_word(text: str) -> bool:
    """Whether a word of the text names an organization ("Society", "Centre"): no name's."""
    return any(word.casefold() in ORGANIZATION_WORDS for word in text.split())


def person_with_groups(name: str, text: str, role: str, line: int, **details) -> ParsedPerson:
    """A person whose affiliation, as published, may end with their groups."""
    affiliation, stakeholder, region = affiliation_and_groups(text)
    return ParsedPerson(
        name=name,
        role=role,
        line=line,
        affiliation=affiliation,
        stakeholder_group=stakeholder,
        regional_group=region,
        **details,
    )


def records_after_regions(text: str) -> list[str]:
    """The records of a line run together, each ended by its regional group; a record of a
    name and its region alone too ("Lidia Best, WEOG Peter Crosbie, …", 2021)."""
    starts = [0]
    for match in _AFTER_A_REGION.finditer(text):
        name = text[match.end() :].partition(",")[0]
        before = text[starts[-1] : match.start()]
        if not has_organization_word(name) and ("," in before or names_a_person(before.strip())):
            starts.append(match.end())
    ends = [*starts[1:], len(text)]
    return [text[start:end].strip() for start, end in zip(starts, ends, strict=True)]
