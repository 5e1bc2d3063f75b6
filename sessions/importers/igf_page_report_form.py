"""The IGF's reporting template as a session page prints it filled in (2015-2018;
sessions/importers/igf_page.py reads the rest of the page): one labelled field a line, "- "
before each label in 2018, the value after the colon or on the lines below it.

    - Session Type (Workshop, Open Forum, etc.): BPF
    - Title: BPF Gender & Internet Governance
    - Date & Time: Tuesday, 13 November, 2018 - 15:00 to 16:30
    - Organizer(s): Radhika Radhakrishnan, Agustina Callegari , Renata Aquino Ribeiro,
    Raquel Gatto                                   a field's value may go on below it
    - Chair/Moderator: Agustina Callegari and Radhika Radhakrishnan
    - Rapporteur/Notetaker: Paula Real
    - List of speakers and their institutional affiliations (Indicate male/female/ …):
    Speakers for segment 1                         a sub-heading, no one's record
      • Anri van der Spuy -ICT Africa - Civil society - Africa. (TBC)

The form is told by its own labels: a moderator's and a rapporteur's field, "Chair/Moderator"
and "Rapporteur/Notetaker" (or "Chairperson/Moderator", "Rapporteur/Note Taker"), which no
other layout prints. A field's people are names, "and" or commas between them; what is no
name there is an organization (an organizer's field). A speaker's record is "Name -
affiliation - groups", a dash with a space on one side at least between its parts (a hyphen
inside a name has none). Any other field ends a field; it and what follows it (the key
messages, the discussion) are the session's report. What is above the form (the title line,
the room) is left to the page's reader.
"""

import re

from .groups import person_with_groups
from .igf_page_template import read_session_time
from .names import names_a_person
from .parsed import ParsedPerson, ParsedSession
from .text import Line, Paragraph, join, split_paragraphs

FORM_FIELD = re.compile(
    r"^(?:- )?(?P<label>Session Type|Session title|Title|Date & Time|Workshop Organi[sz]er"
    r"|Organi[sz]er\(s\)|Chair(?:person)?/Moderator|Rapporteur/Note ?taker|Remote moderator"
    r"|List of speakers"
    r"|Theme|Subtheme)(?!\w)[^:\n]{0,160}:[ \t]*(?P<value>.{0,2000})$",
    re.I,
)
# The moderator's and the rapporteur's labels: the form's own.
_FORM_ONLY = re.compile(r"^(?:- )?(?:Chair(?:person)?/Moderator|Rapporteur/Note ?taker):", re.I)
# Any field of the form, known or not, ends the one before it: a dashed line ("- Please state
# no more than three (3) key messages …"), or a label alone ("Key Issues raised:").
_ANY_FIELD = re.compile(r"^(?:- \S|[A-Z][^:\n]{1,200}:$)")
_ROLES = {
    "workshop organiser": "organizer",
    "workshop organizer": "organizer",
    "organizer(s)": "organizer",
    "organiser(s)": "organizer",
    "chair/moderator": "moderator",
    "chairperson/moderator": "moderator",
    "rapporteur/notetaker": "rapporteur",
    "rapporteur/note taker": "rapporteur",
    "remote moderator": "online_moderator",
}
# "Concettina Casa (BPF Co-facilitator)": a name, then the post the form gives it.
_POST_AFTER = re.compile(r" ?\((?P<post>[^()]{1,120})\)$")
_NAMES_APART = re.compile(r"\s*,\s*|\s+and\s+")
_PARTS = re.compile(r"\s+-\s*|\s*-\s+")
_BULLET = re.compile(r"^[•●▪*]\s{0,3}")
_TO_BE_CONFIRMED = re.compile(r"\s?\((?:TBC|TBD)\)\.?$", re.I)


def read_report_form(numbered: list[Line], session: ParsedSession) -> list[Line]:
    """Fill the session from the form's fields; the lines left to read as the page's own, or
    all of them when the page prints no form."""
    if sum(bool(_FORM_ONLY.match(line.text)) for line in numbered) < 2:
        return numbered
    left: list[Line] = []
    fields: list[tuple[str, Line, list[str]]] = []  # label ("" when not read here), lines
    for line in numbered:
        if field := FORM_FIELD.match(line.text):
            fields.append((field["label"].casefold(), line, [field["value"].strip()]))
        elif _ANY_FIELD.match(line.text):
            fields.append(("", line, []))
            left.append(line)
        elif fields and fields[-1][0] and len(line.text.split()) > 1:
            # A word alone is a heading ("Report" below the form's first field), no value's.
            fields[-1][2].append(line.text.strip())
        else:
            left.append(line)
    for label, line, values in fields:
        if label:
            _read_field(label, line, [value for value in values if value], session)
    # Below the form's first field, what it does not read is the report: key messages, the
    # discussion, the way forward. A label of its own above the form ("Discussion catalysts :"
    # in an agenda) is the page's.
    first = next(line.number for label, line, _values in fields if label)
    session.report = join(split_paragraphs([line for line in left if line.number > first]))
    return [line for line in left if line.number < first]


def _read_field(label: str, line: Line, values: list[str], session: ParsedSession) -> None:
    text = " ".join(values)
    if label in ("title", "session title") and text:
        session.title, session.title_line = text, line.number
    elif label == "session type":
        session.session_type = text
    elif label == "date & time":
        read_session_time([Paragraph([Line(line.number, text)], after_gap=False)], session)
    elif label == "theme":
        session.theme = text
    elif label == "subtheme":
        session.sub_themes.append(text)
    elif label == "list of speakers":
        session.people.extend(filter(None, (_speaker(value, line.number) for value in values)))
    elif role := _ROLES.get(label):
        for name in filter(None, _NAMES_APART.split(text.removesuffix(","))):
            post = _POST_AFTER.search(name)
            if post and names_a_person(bare := name[: post.start()]):
                person = ParsedPerson(bare, role, line.number, affiliation=post["post"])
                session.people.append(person)
            elif names_a_person(name):
                session.people.append(ParsedPerson(name=name, role=role, line=line.number))
            elif role == "organizer":
                session.organizers.append(name)
            else:
                session.unplaced.append(name)


def _speaker(value: str, number: int) -> ParsedPerson | None:
    """The speaker of a "Name - affiliation - groups (TBC)" record, or None for a sub-heading
    ("Speakers for segment 1") or a line that opens with no name."""
    record = _BULLET.sub("", value)
    is_tbd = bool(_TO_BE_CONFIRMED.search(record))
    name, *parts = _PARTS.split(_TO_BE_CONFIRMED.sub("", record).strip().rstrip("."))
    if not parts or not names_a_person(name):
        return None
    return person_with_groups(name, ", ".join(parts), "speaker", number, is_tbd=is_tbd)
