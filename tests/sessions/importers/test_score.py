"""The import's score against hand-written expectations, on real documents."""

import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated
from sessions.importers.score import is_label, score_folder, total_line
from sessions.models import Session
from tests.sessions.importers.real_pages import REAL_DOCUMENTS, UNSEEN_REAL_DOCUMENTS

WORKSHOP = "igf2023-ws-377-workshop-page.txt"
PRESS = "scio2022-cyberspace-white-paper-press-conference.txt"
PHOTO = "scio2021_photo-page_sheng-ronghua.txt"

EXPECTED = {
    WORKSHOP: {
        "title": "Enhance Digital Governance for Less CO2 future: AP' Practice",
        "people": [
            {"name": "XIAO YANG", "roles": ["organizer"]},
            {"name": "Xiaobo YANG", "roles": ["organizer", "rapporteur"]},
            {"name": "li zhang", "roles": ["online_moderator", "organizer"]},
            # Also the onsite moderator on the page: roles wrong.
            {"name": "XIAODONG LI", "roles": ["speaker"]},
            # The page's third organizer, Jingzhe REN, is not listed: a person not listed.
            {
                "name": "Peng Yijie",
                "roles": ["speaker"],
                "stakeholder_group": "Private Sector",
                "regional_group": "Asia-Pacific Group",
            },
            {
                "name": "Shaozhong DU",
                "roles": ["speaker"],
                "stakeholder_group": "Government",
                "regional_group": "Asia-Pacific Group",
            },
            {"name": "Nobody Here", "roles": ["speaker"]},
        ],
        "expected": "accept",
    },
    PRESS: {
        "title": "SCIO press conference",
        "title_alternatives": [
            "SCIO press conference on white paper 'Jointly Build a Community with a Shared "
            "Future in Cyberspace'"
        ],
        "people": [
            {"name": "Cao Shumin", "roles": ["chairperson"]},
            {"name": "Wang Song", "roles": ["speaker"]},
        ],
        "expected": "accept",
    },
    # A title, which is not scored: a page rightly refused has no session to title.
    PHOTO: {"title": "A caption", "people": [], "expected": "refuse (photo caption page)"},
    "absent.txt": {
        "title": "Absent",
        "people": [{"name": "A Person", "roles": ["speaker"]}],
        "expected": "accept",
    },
}


@pytest.fixture
def folder(tmp_path):
    for source in (BUNDLED_DOCUMENTS / WORKSHOP, BUNDLED_DOCUMENTS / PRESS, REAL_DOCUMENTS / PHOTO):
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "expected.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    return tmp_path


@pytest.mark.django_db
def test_score_folder_counts_titles_people_roles_and_groups(folder):
    absent, workshop, photo, press = score_folder(folder, EXPECTED, Curated())

    assert workshop.line() == (
        f"{WORKSHOP}: imported; handled yes; title right yes; people found 6/7; "
        "roles right 5/7; stakeholder/region right 1/2; people not listed 1 'Jingzhe REN'; "
        "false people 0; false organizations 0"
    )
    assert press.line() == (
        f"{PRESS}: imported; handled yes; title right yes; people found 2/2; roles right 2/2; "
        "stakeholder/region right 0/0; people not listed 0; false people 0; "
        "false organizations 0"
    )
    assert (photo.outcome, photo.handled, photo.title_listed) == ("refused", True, False)
    assert absent.line() == (
        "absent.txt: missing (no such file); handled no; title right no; people found 0/1; "
        "roles right 0/1; stakeholder/region right 0/0; people not listed 0; false people 0; "
        "false organizations 0"
    )
    assert total_line([absent, workshop, photo, press]) == (
        "total: handled 3/4; titles right 2/3; people found 8/10; roles right 7/10; "
        "stakeholder/region right 1/2; people not listed 1; false people 0; "
        "false organizations 0"
    )


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Private Sector", True),
        ("Civil Society", True),
        ("Technical Community", True),
        ("Civil Society, Western European and Others Group (WEOG)", True),
        ("Asia-Pacific", True),
        ("GRULAC", True),
        ("🔒", True),
        ("Organizational Affiliation: Ministry of Internal Affairs and Communications", True),
        ("Speaker 2: Chioma Agwuegbo", True),
        ("Stakeholder Group: Civil Society", True),
        # An organization's own colon is no field's label.
        ("Initiate: Digital Rights in Society / Paris Peace Forum", False),
        ("Nighat Dad", False),
        ("Government of Japan", False),
        ("Civil Society Coalition", False),
    ],
)
def test_is_label_tells_labels_and_glyphs_from_names(name, label):
    assert is_label(name) is label


@pytest.mark.django_db
def test_a_queued_page_is_handled_and_its_title_scored_as_parsed(tmp_path):
    of33 = "digwatch_igf2024_of33_wsis-forum-2025-consultation.txt"
    shutil.copy(REAL_DOCUMENTS / of33, tmp_path / of33)
    expected = {of33: {"title": "Open Consultation Process Meeting for WSIS Forum 2025"}}

    (score,) = score_folder(tmp_path, expected, Curated())

    # No date on the page: it waits for an editor, whole, with the title it was read with.
    assert score.line() == (
        f"{of33}: queued (no date line such as '11 Jul 2025 09:00h - 09:45h' after the title); "
        "handled yes; title right yes; people found 0/0; roles right 0/0; "
        "stakeholder/region right 0/0; waiting for an editor: people 0, roles right 0, "
        "stakeholder/region right 0; people not listed 0; false people 0; false organizations 0"
    )


@pytest.mark.django_db
def test_a_queued_pages_people_are_scored_as_waiting_never_as_found(tmp_path):
    ws194 = "igf2024_ws194_internet-governance-arab-world.txt"
    shutil.copy(UNSEEN_REAL_DOCUMENTS / ws194, tmp_path / ws194)
    expected = json.loads((UNSEEN_REAL_DOCUMENTS / "expected.json").read_text(encoding="utf-8"))
    # One name the page does not hold: neither found nor waiting.
    wanted = {**expected[ws194]}
    wanted["people"] = [*wanted["people"], {"name": "Nobody Here", "roles": ["speaker"]}]

    (score,) = score_folder(tmp_path, {ws194: wanted}, Curated())

    # The copy lost its title line: the page waits with its people as parsed, each of the
    # six expected.json lists among them with its role and groups.
    assert score.line() == (
        f"{ws194}: queued (no title line ('IGF <year> WS #<number> <title>') or date line "
        "('<weekday>, <day> <month>, <year> (<hh:mm> UTC) - ...') before the organizers); "
        "handled yes; title right -; people found 0/7; roles right 0/7; "
        "stakeholder/region right 0/4; waiting for an editor: people 6, roles right 6, "
        "stakeholder/region right 4; people not listed 0; false people 0; false organizations 0"
    )
    assert total_line([score]) == (
        "total: handled 1/1; titles right 0/0; people found 0/7; roles right 0/7; "
        "stakeholder/region right 0/4; waiting for an editor on 1 queued page(s): people 6, "
        "roles right 6, stakeholder/region right 4; people not listed 0; false people 0; "
        "false organizations 0"
    )


@pytest.mark.django_db
def test_score_import_scores_in_a_scratch_database_and_leaves_the_archive_alone(folder):
    output = StringIO()

    call_command("score_import", str(folder), str(folder / "expected.json"), stdout=output)

    assert output.getvalue().splitlines()[-1] == (
        "total: handled 3/4; titles right 2/3; people found 8/10; roles right 7/10; "
        "stakeholder/region right 1/2; people not listed 1; false people 0; "
        "false organizations 0"
    )
    assert Session.objects.count() == 0


def test_score_import_refuses_a_folder_that_is_not_one(tmp_path):
    with pytest.raises(CommandError, match="not a folder"):
        call_command("score_import", str(tmp_path / "nowhere"), str(tmp_path / "expected.json"))
