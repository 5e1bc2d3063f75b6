"""What importing a folder of real pages gave, page by page: for the re-import tests of each
folder (test_real_wider.py, test_real_unseen*.py), and one page as the importer parses it."""

from sessions.importers.documents import (
    BUNDLED_DOCUMENTS,
    Curated,
    DocumentQueued,
    DocumentRefused,
    import_file,
    prepare,
)

# The folders of real pages, test data only: docs/real-pages.md tells how each was gathered
# and scored.
REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real"
WIDER_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_wider"
UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen"
SECOND_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_2"
THIRD_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_3"
FOURTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_4"
FIFTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_5"
SIXTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_6"
SEVENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_7"
EIGHTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_8"
NINTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_9"
TENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_10"
ELEVENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_11"
TWELFTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_12"
THIRTEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_13"
FOURTEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_14"
FIFTEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_15"
SIXTEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_16"
SEVENTEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_17"
EIGHTEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_18"
NINETEENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_19"
TWENTIETH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_20"
TWENTY_FIRST_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_21"
TWENTY_SECOND_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_22"
TWENTY_THIRD_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_23"
TWENTY_FOURTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_24"
TWENTY_FIFTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_25"
TWENTY_SIXTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_26"
TWENTY_SEVENTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_27"
TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_28"
TWENTY_NINTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_29"
THIRTIETH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_30"
THIRTY_FIRST_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_31"
THIRTY_SECOND_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_32"
THIRTY_THIRD_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_33"
THIRTY_FOURTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_34"
THIRTY_FIFTH_UNSEEN_REAL_DOCUMENTS = BUNDLED_DOCUMENTS / "real_unseen_35"

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
