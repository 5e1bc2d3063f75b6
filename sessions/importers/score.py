"""Score an import against what a correct import yields, written by hand per document.

`expected` maps a file name to what its page holds (fixtures/documents/real/expected.json):
"title" (None when the text has none) and "title_alternatives", "people" (each a "name",
"roles", and where the page says them "stakeholder_group" and "regional_group", as labels),
and "expected", a sentence that says whether refusing the page is acceptable ("refuse ...").

Each document is imported into the database in use; `manage.py score_import` runs this in a
scratch database of its own, never in the archive.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from sessions.importers.documents import DocumentQueued, DocumentRefused, prepare, write
from sessions.models import Participation, RegionalGroup, StakeholderGroup
from speakers.names import fold, person_key

# The archive's roles have no "chairperson": the chair of a press conference, who gives the
# floor, is its host (sessions/importers/press.py).
ROLE_SYNONYMS = {"chairperson": Participation.Role.HOST}

# Labels that are never a person's or an organization's name: stakeholder groups, regional
# groups (with and without "Group"), and the role labels the pages print beside names.
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


def is_label(name):
    """True when a name is made only of labels (comma-separated), holds no letter at all, or
    holds a field's label ("Organizational Affiliation: ..."): no name has a colon."""
    if not re.search(r"[^\W\d_]", name) or ":" in name:
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
            f"false people {len(self.false_people)}"
            + "".join(f" {name!r}" for name in self.false_people)
            + f"; false organizations {len(self.false_organizations)}"
            + "".join(f" {name!r}" for name in self.false_organizations)
        )


def total_line(scores):
    def total(attribute):
        return sum(getattr(score, attribute) for score in scores)

    return (
        f"total: handled {sum(score.handled for score in scores)}/{len(scores)}; "
        f"titles right {total('title_right')}/{total('title_listed')}; "
        f"people found {total('people_found')}/{total('people_listed')}; "
        f"roles right {total('roles_right')}/{total('people_listed')}; "
        f"stakeholder/region right {total('groups_right')}/{total('groups_listed')}; "
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
        session, queued_title = None, None
        if not path.is_file():
            score.outcome, score.reason = "missing", "no such file"
        else:
            try:
                prepared = prepare(path)
                session = write(prepared, curated).session
            except DocumentQueued as error:
                score.outcome = "queued"
                score.reason = "; ".join(line.split(": ", 1)[-1] for line in error.lines)
                # The page waits whole, its title as parsed: what the editor completes it from.
                queued_title = prepared.parsed.title
            except DocumentRefused as error:
                score.outcome = "refused"
                score.reason = "; ".join(line.split(": ", 1)[-1] for line in error.lines)
        _score_title(score, wanted, session.title if session else queued_title)
        _score_people(score, wanted, session)
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


def _score_people(score, wanted, session):
    people = wanted.get("people", [])
    score.people_listed = len(people)
    score.groups_listed = sum(
        bool(person.get("stakeholder_group") or person.get("regional_group")) for person in people
    )
    if session is None:
        return
    participations = list(session.participations.select_related("person", "organization"))
    by_key = {}
    for participation in participations:
        by_key.setdefault(person_key(participation.published_name), []).append(participation)
    for person in people:
        found = by_key.get(person_key(person["name"]), [])
        if not found:
            continue
        score.people_found += 1
        roles = {ROLE_SYNONYMS.get(role, role) for role in person["roles"]}
        score.roles_right += roles == {participation.role for participation in found}
        if person.get("stakeholder_group") or person.get("regional_group"):
            score.groups_right += any(
                participation.get_stakeholder_group_display()
                == (person.get("stakeholder_group") or "")
                and participation.get_regional_group_display()
                == (person.get("regional_group") or "")
                for participation in found
            )
    score.false_people = [
        participation.published_name
        for participation in participations
        if is_label(participation.published_name)
    ]
    organizations = [organizer.published_name for organizer in session.organizers.all()] + [
        participation.organization.name
        for participation in participations
        if participation.organization is not None
    ]
    score.false_organizations = [name for name in organizations if is_label(name)]
