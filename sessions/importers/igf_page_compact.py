"""A 2024-2025 session page copied with its headings and its blank lines lost
(sessions/importers/igf_page.py reads the rest): one paragraph that keeps the template's order.

    Session                                             page furniture
    Youth IGF DRC                                       the organizing organizations
    Athanase Bahizire, Youth IGF DRC, …, Africa Jasmine Ko, …   the organizers, run together
    Karen Woo, Project Officer at ITU, …                the speakers, run together
    Athanase Bahizire                                   the onsite moderator
    Denise Leal                                         the online moderator
    (the rapporteur's line, when the page names one)
    7. Affordable and Clean Energy                      the SDGs, then their "Targets:"

Each slot is one line, so the lines are read by their place: organizers, speakers, then one
to three lines each opening with a name, for the onsite moderator, the online moderator and
the rapporteur in that order, right above the SDGs' goal lines. A paragraph of any other shape
is left as it is. Every role read so is marked as taken from the layout.
"""

from .igf_page_records import people_of_line
from .names import is_name, without_honorifics
from .parsed import ParsedSession
from .text import Line, Paragraph, is_short_line, sdg_line

_SLOTS = ("onsite_moderator", "online_moderator", "rapporteur")


def read_compact(paragraphs: list[Paragraph], session: ParsedSession) -> list[Paragraph]:
    """The paragraphs, with a compact paragraph's people read into the session and its goal
    lines and text after them left as two paragraphs of their own."""
    for index, paragraph in enumerate(paragraphs):
        shape = _shape(paragraph.lines)
        if shape is None:
            continue
        organizations, organizers, speakers, moderators, rest = shape
        session.organizers += [line.text for line in organizations]
        for role, line in [("organizer", organizers), ("speaker", speakers)]:
            session.people += people_of_line(line, role, "role_from_layout", session)
        for role, line in zip(_SLOTS, moderators, strict=False):
            session.people += people_of_line(line, role, "role_from_layout", session)
        goals = [line for line in rest if sdg_line(line.text)]
        after = [line for line in rest if not sdg_line(line.text)]
        kept = [Paragraph(part, after_gap=True) for part in (goals, after) if part]
        return paragraphs[:index] + kept + paragraphs[index + 1 :]
    return paragraphs


def _shape(lines: list[Line]):
    """(organizations, organizers' line, speakers' line, moderators' lines, the lines from the
    first goal line on), or None when the lines are not so made."""
    start = 0
    while start < len(lines) and _names_organization(lines[start].text):
        start += 1
    goal = next((i for i, line in enumerate(lines) if sdg_line(line.text)), None)
    if not start or goal is None or not 3 <= goal - start <= 2 + len(_SLOTS):
        return None
    organizers, speakers, *moderators = lines[start:goal]
    if not all(map(_opens_with_name, [organizers, speakers, *moderators])):
        return None
    if "," not in organizers.text:
        return None  # names alone: no organizers' records
    return lines[:start], organizers, speakers, moderators, lines[goal:]


def _names_organization(text: str) -> bool:
    """An organization's line: short, and no record ("Youth IGF DRC", which could be a name,
    is told by its place above the records)."""
    return is_short_line(text) and "," not in text


def _opens_with_name(line: Line) -> bool:
    return is_name(without_honorifics(line.text.partition(",")[0].strip()))
