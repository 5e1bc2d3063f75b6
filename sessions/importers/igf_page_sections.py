"""An IGF session page cut at its section labels ("Speakers", "Onsite Moderator", "SDGs", …),
and the roles its people sections give (sessions/importers/igf_page.py reads the sections)."""

from .names import NAME_JOINERS, names_a_post
from .text import Line, Paragraph, heading_pattern, sdg_line, split_paragraphs

SECTION_LABELS = {
    "description": r"description",
    "agenda": r"(?:agenda|session outline)",  # "Session outline:" (2019)
    "session_time": r"session time",
    # 2020-2021: what follows is the description, then an agenda or notes (as after a date line).
    "about": r"about this session",
    # The main-session template of 2018 numbers its headings: "2. Brief Description/Objective".
    "objective": r"\d{1,2}\.\s*brief description\s*/\s*objectives?",
    "organizers": r"organi[sz]ers?(?:\s*/\s*facilitators?)?",
    # A best practice forum's (2019): people, by their names alone, who organize it.
    "coordinators": r"session coordinators?",
    # "Lead discussants" (the parliamentary track, 2022), "Panelists".
    "speakers": r"(?:speakers?|(?:lead )?discussants|panell?ists)",
    "onsite_moderator": r"on-?site moderators?",
    "online_moderator": r"(?:online|remote) moderators?",
    "moderator": r"moderators?",
    "rapporteur": r"rapporteurs?",
    "sdgs": r"sdgs?",
    # A 2021-2024 copy may keep this label alone, without its value.
    "duration": r"duration",
    # 2023-2024: "Format" under the rapporteur, then "Theater" or "Round Table - 90 Min".
    "format": r"format",
    "key_takeaway": r"key takeaways?",
    "call_to_action": r"calls? to action",
    "report": r"(?:session )?report",  # "Report" (2018)
    # 2018: the theme, then "Sub-theme description: Internet Freedom".
    "issues": r"issue\(s\)",
}
SECTION_HEADINGS = {key: heading_pattern(label) for key, label in SECTION_LABELS.items()}
PERSON_SECTIONS = (
    "coordinators",
    "speakers",
    "onsite_moderator",
    "moderator",
    "online_moderator",
    "rapporteur",
)

# The moderators' headings, which the 2021-2024 copies keep (see `moderator_slots`).
MODERATOR_HEADINGS_KEPT = ("onsite_moderator", "online_moderator")
# The SDGs' rationale, whose heading the copies lose with the SDGs'.
SDG_RATIONALE = "Targets:"


def section_key(text: str) -> str | None:
    if not text:
        return None  # a blank line is no label: thousands of them cost no pattern each
    return next((key for key, rx in SECTION_HEADINGS.items() if rx.match(text)), None)


def split_sections(numbered: list[Line]) -> tuple[list[Line], dict[str, list[Paragraph]]]:
    """Cut the page at its section labels; a label given twice collects both bodies."""
    preamble: list[Line] = []
    bodies: list[tuple[str, list[Line]]] = []
    current = preamble
    for line in numbered:
        key = section_key(line.text)
        if key is None:
            current.append(line)
        else:
            current = []
            bodies.append((key, current))
    sections: dict[str, list[Paragraph]] = {}
    for key, body in bodies:
        sections.setdefault(key, []).extend(split_paragraphs(body))
    return preamble, sections


def move_goal_lines(sections: dict[str, list[Paragraph]], leftovers: list[Paragraph]) -> None:
    """A people section whose heading-less SDG goal lines, or "Targets:" rationale, follow it
    ends where they start: they and what comes after them belong to the SDGs. A paragraph of
    goal lines among the heading-less paragraphs (2019: "GOAL 5: Gender Equality") is theirs."""
    kept = [p for p in leftovers if not all(sdg_line(line.text) for line in p.lines)]
    if len(kept) < len(leftovers):
        sections.setdefault("sdgs", []).extend(p for p in leftovers if p not in kept)
        leftovers[:] = kept
    for key in PERSON_SECTIONS:
        body = sections.get(key, [])
        start = next(
            (
                index
                for index, paragraph in enumerate(body)
                if all(sdg_line(line.text) for line in paragraph.lines)
                or paragraph.lines[0].text.startswith(SDG_RATIONALE)
            ),
            None,
        )
        if start is not None:
            sections[key] = body[:start]
            sections.setdefault("sdgs", [])[:0] = body[start:]


def after_people(sections: dict[str, list[Paragraph]]) -> list[Paragraph]:
    """What follows a people section's own sub-heading, taken out of the section: a short line
    alone, in sentence case, that is no one's name ("Practical details", 2022), and what comes
    after it are no one's records."""
    rest = []
    for key in PERSON_SECTIONS:
        body = sections.get(key, [])
        start = next((index for index, p in enumerate(body) if index and _subheading(p)), None)
        if start is not None:
            sections[key], rest = body[:start], rest + body[start:]
    return rest


def _subheading(paragraph: Paragraph) -> bool:
    first, *rest = paragraph.lines[0].text.split() or [""]
    return (
        len(paragraph.lines) == 1
        and 1 <= len(rest) <= 3
        and first[:1].isupper()
        and all(word.isalpha() and word.islower() and word not in NAME_JOINERS for word in rest)
    )


def moderator_slots(key: str, role: str, sections: dict[str, list[Paragraph]]):
    """(role, paragraph) for each paragraph of a section. In the 2021-2024 layout a field
    boundary (two blank lines) under a moderator heading moves to the rapporteur, whose heading
    the copies lose (those of the onsite and online moderators they keep): the person after
    the online moderator, or after the onsite one when the page has no online moderator. A
    second person under the online moderator's heading is the rapporteur, a blank line apart
    or on the next line (2023: "Online Moderator", "Pavel Pozdnyakov", "Theorose Elikplim
    Dzineku"), as on workshop pages; a post on that line is the moderator's ("MAG Member"). A
    name the heading already held, with no field boundary above it, is the section printed again
    under its heading, in the heading's role (2022); after one, it is the rapporteur (2021)."""
    moves = role in MODERATOR_HEADINGS_KEPT and "rapporteur" not in sections
    heading_role, held = role, set()
    for index, paragraph in enumerate(sections.get(key, [])):
        if paragraph.lines[0].text in held and not paragraph.after_gap:
            yield heading_role, paragraph
            continue
        held.update(line.text for line in paragraph.lines)
        if moves and index and (paragraph.after_gap or role == "online_moderator"):
            role = "rapporteur"
        second = paragraph.lines[1:2]
        if moves and role == "online_moderator" and second and not names_a_post(second[0].text):
            yield role, Paragraph(paragraph.lines[:1], paragraph.after_gap)
            role, paragraph = "rapporteur", Paragraph(paragraph.lines[1:], after_gap=False)
        yield role, paragraph


def section_role(key: str, sections: dict[str, list[Paragraph]]) -> str:
    if key == "speakers":
        return "speaker"
    if key == "coordinators":
        return "organizer"
    # A plain "Moderator" beside an "Online Moderator" can only be the onsite one; alone it
    # does not say which, so its people keep role "moderator".
    if key == "moderator" and "online_moderator" in sections:
        return "onsite_moderator"
    return key


def role_inference(key: str, section_role: str, role: str) -> str:
    """The rule that gave a section's people their role, or "" when the heading states it."""
    if role != section_role:
        return "role_from_layout"
    if key == "moderator" and role == "onsite_moderator":
        return "onsite_moderator_beside_online"
    return ""
