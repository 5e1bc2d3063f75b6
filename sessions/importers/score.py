"""Score an import against what a correct import yields, written by hand per document.

`expected` maps a file name to what its page holds (fixtures/documents/real/expected.json):
"title" (None when the text has none) and "title_alternatives", "people" (each a "name",
"roles", and where the page says them "stakeholder_group" and "regional_group", as labels),
and "expected", a sentence that says whether refusing the page is acceptable ("refuse ...").

Each document is imported into the database in use; `manage.py score_import` runs this in a
scratch database of its own, never in the archive. A queued page (it lacks what identifies its
session) is scored from what it waits with: its title and people as parsed, in the archive's
vocabularies, which the import writes once an editor gives the page what it lacks. Its people
are counted apart, as waiting, never as found in the archive.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from sessions.importers.checks import values_and_people
from sessions.importers.documents import DocumentQueued, DocumentRefused, prepare, write
from sessions.importers.groups import choice_of
from sessions.models import Participation, RegionalGroup, StakeholderGroup
from speakers.names import fold, person_key

# The archive's roles have no "chairperson": the chair of a press conference, who gives the
# floor, is its host (sessions/importers/press.py).
ROLE_SYNONYMS = {"chairperson": Participation.Role.HOST}

# Labels that are never a person's or an organization's name: stakeholder groups, regional
# groups (with and without "Group"), and the role labels the pages print beside names.
# The scorer's own list of labels, not the parsers': a label a parser lets through must still
# count against it.
LABELS = {
    fold(label)
    for label in (
        *StakeholderGroup.labels,
        *RegionalGroup.labels,
        *(label.removesuffix(" Group") for label in RegionalGroup.labels),
        "WEOG",
        "GRULAC",
        "Western European and Others Group",
        "Latin American and Caribbean Group",
        "Asia Pacific",
        "Academia",
        "Intergovernmental",
        "Government",
        "Speaker",
        "Speakers",
        "Organizer",
        "Moderator",
        "Onsite Moderator",
        "Online Moderator",
        "Rapporteur",
        "TBD",
    )
}


# A field's label before a colon ("Organizational Affiliation: ...", "Speaker 2: ..."): a name
# may hold a colon of its own ("Initiate: Digital Rights in Society"), a field's label may not.
FIELD_LABEL = re.compile(
    r"\b(?:affiliation|organi[sz]ation|organi[sz]er|speaker|moderator|rapporteur|name|group"
    r"|region|sector)s?(?: \d{1,3})?\s?:",
    re.I,
)


def is_label(name):
    """True when a name is made only of labels (comma-separated), holds no letter at all, or
    holds a field's label ("Organizational Affiliation: ...")."""
    if not re.search(r"[^\W\d_]", name) or FIELD_LABEL.search(name):
        return True
    parts = [fold(part) for part in re.split(r"[,;/]", name)]
    return all(part in LABELS or not part for part in parts)


@dataclass
class DocumentScore:
    name: str
    outcome: str  # "imported", "queued" (waits for an editor), "refused" or "missing"
    reason: str = ""
    refusal_acceptable: bool = False
    title_listed: bool = False
    title_right: bool = False
    people_listed: int = 0
    people_found: int = 0
    roles_right: int = 0
    groups_listed: int = 0
    groups_right: int = 0
    # A queued page's people, found as parsed: they wait with the page for an editor.
    people_waiting: int = 0
    roles_waiting: int = 0
    groups_waiting: int = 0
    # People read whom the expected answer neither lists nor names as mentioned only.
    unlisted_people: list[str] = field(default_factory=list)
    false_people: list[str] = field(default_factory=list)
    false_organizations: list[str] = field(default_factory=list)

    @property
    def handled(self):
        # A queued page is kept whole for an editor to complete: handled, not lost.
        return self.outcome in {"imported", "queued"} or (
            self.outcome == "refused" and self.refusal_acceptable
        )

    def line(self):
        what = self.outcome + (f" ({self.reason})" if self.reason else "")
        title = ("yes" if self.title_right else "no") if self.title_listed else "-"
        return (
            f"{self.name}: {what}; handled {'yes' if self.handled else 'no'}; "
            f"title right {title}; people found {self.people_found}/{self.people_listed}; "
            f"roles right {self.roles_right}/{self.people_listed}; "
            f"stakeholder/region right {self.groups_right}/{self.groups_listed}; "
            + (
                f"waiting for an editor: people {self.people_waiting}, roles right "
                f"{self.roles_waiting}, stakeholder/region right {self.groups_waiting}; "
                if self.outcome == "queued"
                else ""
            )
            + f"people not listed {len(self.unlisted_people)}"
            + "".join(f" {name!r}" for name in self.unlisted_people)
            + f"; false people {len(self.false_people)}"
            + "".join(f" {name!r}" for name in self.false_people)
            + f"; false organizations {len(self.false_organizations)}"
            + "".join(f" {name!r}" for name in self.false_organizations)
        )


def total_line(scores):
    def total(attribute):
        return sum(getattr(score, attribute) for score in scores)

    queued = sum(score.outcome == "queued" for score in scores)
    return (
        f"total: handled {sum(score.handled for score in scores)}/{len(scores)}; "
        f"titles right {total('title_right')}/{total('title_listed')}; "
        f"people found {total('people_found')}/{total('people_listed')}; "
        f"roles right {total('roles_right')}/{total('people_listed')}; "
        f"stakeholder/region right {total('groups_right')}/{total('groups_listed')}; "
        + (
            f"waiting for an editor on {queued} queued page(s): people "
            f"{total('people_waiting')}, roles right {total('roles_waiting')}, "
            f"stakeholder/region right {total('groups_waiting')}; "
            if queued
            else ""
        )
        + f"people not listed {sum(len(score.unlisted_people) for score in scores)}; "
        f"false people {sum(len(score.false_people) for score in scores)}; "
        f"false organizations {sum(len(score.false_organizations) for score in scores)}"
    )


def score_folder(folder, expected, curated):
    """Import each document `expected` lists from `folder`, in name order; their scores."""
    scores = []
    for name, wanted in sorted(expected.items()):
        score = DocumentScore(
            name=name,
            outcome="imported",
            refusal_acceptable="refuse" in wanted.get("expected", "").casefold(),
        )
        path = Path(folder) / name
        session, queued = None, None
        if not path.is_file():
            score.outcome, score.reason = "missing", "no such file"
        else:
            try:
                prepared = prepare(path)
                session = write(prepared, curated).session
            except DocumentQueued as error:
                score.outcome = "queued"
                score.reason = "; ".join(line.split(": ", 1)[-1] for line in error.lines)
                # The page waits whole, as parsed: what the editor completes it from.
                queued = prepared.parsed
            except DocumentRefused as error:
                score.outcome = "refused"
                score.reason = "; ".join(line.split(": ", 1)[-1] for line in error.lines)
        if not (score.outcome == "refused" and score.refusal_acceptable):
            # A page rightly refused (a photo page) has no session to title.
            _score_title(score, wanted, session.title if session else queued and queued.title)
        if session is not None:
            people = imported_people(session)
            organizations = [organizer.published_name for organizer in session.organizers.all()]
        elif queued is not None:
            people, organizations = waiting_people(queued), list(queued.organizers)
        else:
            people, organizations = [], []
        _score_people(score, wanted, people, waiting=queued is not None)
        organizations += [person.organization for person in people if person.organization]
        score.false_people = [person.name for person in people if is_label(person.name)]
        score.false_organizations = [name for name in organizations if is_label(name)]
        scores.append(score)
    return scores


def _same_text(one, other):
    return " ".join(one.split()) == " ".join(other.split())


def _score_title(score, wanted, title_read):
    """`title_read`: the imported session's title, or a queued page's title as parsed."""
    titles = [wanted.get("title"), *wanted.get("title_alternatives", [])]
    titles = [title for title in titles if title]
    score.title_listed = bool(titles)
    score.title_right = bool(title_read) and any(_same_text(title_read, title) for title in titles)


class PersonRead(NamedTuple):
    """One person in one role, as the import wrote or will write them."""

    name: str  # as published
    role: str
    stakeholder_group: str  # the label, e.g. "Civil Society"; "" when none
    regional_group: str
    organization: str  # the organization's name; "" when none


def imported_people(session):
    return [
        PersonRead(
            participation.published_name,
            participation.role,
            participation.get_stakeholder_group_display(),
            participation.get_regional_group_display(),
            participation.organization.name if participation.organization else "",
        )
        for participation in session.participations.select_related("organization")
    ]


def waiting_people(parsed):
    """A queued page's people, as its import will write them."""
    _values, people, _problems = values_and_people(parsed, reviews=[])
    return [
        PersonRead(
            person["name"],
            person["role"],
            StakeholderGroup(person["stakeholder_group"]).label
            if person["stakeholder_group"]
            else "",
            RegionalGroup(person["regional_group"]).label if person["regional_group"] else "",
            person["organization"],
        )
        for person in people
    ]


def _groups(stakeholder_group, regional_group):
    """The groups as the archive's values where its vocabulary names them ("Technical
    community" and "Technical Community", "Africa" and "African Group" alike), else as
    written: an expected.json may give a group as the page published it."""
    return tuple(
        choice_of(label, choices) or label.casefold()
        for label, choices in [
            (stakeholder_group, StakeholderGroup),
            (regional_group, RegionalGroup),
        ]
    )


def _score_people(score, wanted, rows, waiting):
    people = wanted.get("people", [])
    score.people_listed = len(people)
    score.groups_listed = sum(
        bool(person.get("stakeholder_group") or person.get("regional_group")) for person in people
    )
    by_key = {}
    for row in rows:
        by_key.setdefault(person_key(row.name), []).append(row)
    found = roles_right = groups_right = 0
    for person in people:
        rows_of_person = by_key.get(person_key(person["name"]), [])
        if not rows_of_person:
            continue
        found += 1
        roles = {ROLE_SYNONYMS.get(role, role) for role in person["roles"]}
        roles_right += roles == {row.role for row in rows_of_person}
        if person.get("stakeholder_group") or person.get("regional_group"):
            wanted_groups = _groups(
                person.get("stakeholder_group") or "", person.get("regional_group") or ""
            )
            groups_right += any(
                _groups(row.stakeholder_group, row.regional_group) == wanted_groups
                for row in rows_of_person
            )
    named = [*people, *wanted.get("mentioned_only", [])]
    listed = {person_key(person if isinstance(person, str) else person["name"]) for person in named}
    score.unlisted_people = sorted({row.name for row in rows if person_key(row.name) not in listed})
    if waiting:
        score.people_waiting, score.roles_waiting, score.groups_waiting = (
            found,
            roles_right,
            groups_right,
        )
    else:
        score.people_found, score.roles_right, score.groups_right = found, roles_right, groups_right
