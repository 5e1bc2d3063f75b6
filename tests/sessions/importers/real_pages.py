"""What importing a folder of real pages gave, page by page: for the re-import tests of each
folder (test_real_wider.py, test_real_unseen*.py), and one page as the importer parses it."""

from sessions.importers.documents import (
    Curated,
    DocumentQueued,
    DocumentRefused,
    import_file,
    prepare,
)

UNCHANGED = (False, [], [])


def parsed_page(folder, file_name):
    """The session a page of `folder` parses into, nothing written."""
    return prepare(folder / file_name).parsed


def import_all(folder, curated):
    """{file name: "queued", "refused" or (created, changes, conflicts)} of every page."""
    outcomes = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            outcome = import_file(path, curated)
        except DocumentQueued:
            outcomes[path.name] = "queued"
        except DocumentRefused:
            outcomes[path.name] = "refused"
        else:
            outcomes[path.name] = (outcome.created, outcome.changes, outcome.conflicts)
    return outcomes


def second_import(folder):
    """Import a folder twice; of the second round, the pages not imported ({file name:
    "queued" or "refused"}), those it changed ({file name: outcome}) and how many it left as
    they were."""
    curated = Curated()
    import_all(folder, curated)
    second = import_all(folder, curated)
    not_imported = {name: outcome for name, outcome in second.items() if isinstance(outcome, str)}
    changed = {
        name: outcome
        for name, outcome in second.items()
        if not isinstance(outcome, str) and outcome != UNCHANGED
    }
    return not_imported, changed, sum(outcome == UNCHANGED for outcome in second.values())


def people_and_groups(session):
    """(role, name, affiliation, stakeholder group, regional group) of each person parsed."""
    return [
        (
            person.role,
            person.name,
            person.affiliation,
            person.stakeholder_group,
            person.regional_group,
        )
        for person in session.people
    ]
