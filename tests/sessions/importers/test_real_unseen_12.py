"""A twelfth set of real pages (fixtures/documents/real_unseen_12/, sources.json gives each
page's address), scored once with the code of its hour before any rule was written for it (the
README gives that score). Its transcripts are tested in test_igf_transcript.py."""

import pytest

from sessions.importers.diploai import parse as parse_diploai
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWELFTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twelfth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWELFTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2012_main_taking-stock-and-the-way-forward_transcript.txt": "queued",
        "neg_digwatch_13th-igf-2018-event-page.txt": "refused",
    }
    # The dig.watch report of Town Hall #25 and the IGF's page of it are one session.
    assert (changed, unchanged) == ({}, 18)
    assert Session.objects.count() == 17


def test_a_role_where_the_affiliation_would_be_and_an_affiliation_with_a_dash():
    # "• Raashi Saxena, Onsite Moderator" had made an organization of the role, and "• Raashi
    # Saxena, Scientific Committee Member …, Strategy Consultant & Trainer – Accessibility Lab,
    # Asia Pacific" a name of everything before the dash.
    session = parse_diploai(
        (
            TWELFTH_UNSEEN_REAL_DOCUMENTS
            / "digwatch_igf2023_th25_next-global-dialogue-ai-metaverses.txt"
        ).read_text(encoding="utf-8")
    )

    publiques = "Missions Publiques, civil society organisation, WEOG"
    assert people_and_groups(session) == [
        ("speaker", "Antoine Vergne", publiques, "", ""),
        (
            "speaker",
            "Desiree Miloshevic Evans",
            "ISOC Serbia, civil society organisation, Eastern Europe",
            "",
            "",
        ),
        (
            "speaker",
            "Raashi Saxena",
            "Scientific Committee Member of the WTI project, and Co-chair, Internet Rights "
            "Principles Coalition (IRPC) Strategy Consultant & Trainer – Accessibility Lab, Asia "
            "Pacific",
            "",
            "",
        ),
        ("speaker", "Noha Ashraf", "ISOC Egypt, Pan-African Youth Ambassadors, Egypt", "", ""),
        ("speaker", "Juliana Harsianti", "Global Voices Indonesia, Asia Pacific", "", ""),
        ("speaker", "Roberto Zambrana", "ISOC Bolivia, GRULAC", "", ""),
        ("speaker", "Maria Tazi", publiques, "", ""),
        ("onsite_moderator", "Raashi Saxena", "", "", ""),
        ("online_moderator", "Antoine Vergne", "", "", ""),
    ]
