"""One person across the sources: the five bundled documents and the 25 real pages imported
together, and what the person pages and the admin then show (speakers/identity.py,
sessions/browse/people.py)."""

import re

import pytest

from sessions.importers.documents import DocumentRefused
from speakers.identity import find_person
from speakers.models import DuplicateSuggestion, Person, PersonAlias
from tests.bundled import import_bundled_and_real, wipe_archive
from tests.page_checks import assert_good_page

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outcomes = import_bundled_and_real()
    yield outcomes
    with django_db_blocker.unblock():
        wipe_archive()


def person(name):
    return Person.objects.get(aliases__name=name)


def spellings(record):
    return sorted(record.aliases.values_list("name", flat=True))


def test_thirty_documents_read_one_waiting_for_an_editor_one_refused(archive):
    # The dig.watch page without its date waits for an editor; the photo page is no session.
    refused = sorted(
        name for name, outcome in archive.items() if isinstance(outcome, DocumentRefused)
    )
    assert (len(archive), refused) == (
        30,
        [
            "digwatch_igf2024_of33_wsis-forum-2025-consultation.txt",
            "scio2021_photo-page_sheng-ronghua.txt",
        ],
    )


def test_gong_ke_is_one_person_however_spelled(archive):
    gong = person("Ke Gong")
    assert spellings(gong) == ["GONG Ke", "Gong Ke", "Ke Gong", "Prof. GONG Ke"]
    # A spelling no source used yet finds him too.
    assert find_person("KE GONG") == gong
    assert find_person("GONG Ke (TBD)".removesuffix(" (TBD)")) == gong


@pytest.mark.parametrize(
    ("spellings_of_one", "sessions"),
    [
        (["Torbjorn Fredriksson", "Torbjörn Fredriksson"], 2),
        (["Jiang Bai", "Bai Jiang"], 1),
        (["Zhiqiang Lin", "Lin Zhiqiang"], 1),
        (["Yuhong Huang", "Huang Yuhong"], 1),
        (["Chuang Liu", "LIU Chuang", "Prof. LIU Chuang"], 1),
        (["Xiang Zhou", "ZHOU Xiang", "Prof. ZHOU Xiang"], 1),
        (["PENG Gang", "Peng Gang"], 1),
        # Organizer and online moderator of one workshop: one person, two participations.
        (["Li ZHANG"], 1),
        # Two real pages, 2021 and 2024.
        (["Pablo Hinojosa", "PABLO HINOJOSA"], 2),
    ],
)
def test_one_person_per_real_person(archive, spellings_of_one, sessions):
    one = person(spellings_of_one[0])
    assert spellings(one) == sorted(spellings_of_one)
    assert one.participations.values("session").distinct().count() == sessions


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("XIAO YANG", "Xiaobo YANG"),
        ("Yijie Peng", "PENG Gang"),
        ("Shaozhong DU", "DU Guimei"),
        ("DU Guimei", "Dou Guimei"),
    ],
)
def test_different_people_stay_apart(archive, first, second):
    assert person(first) != person(second)


def test_no_name_is_split_over_two_records_and_one_pair_is_for_editors(archive):
    owners = {}
    for key, person_id in PersonAlias.objects.values_list("key", "person_id"):
        owners.setdefault(key, set()).add(person_id)
    assert [key for key, people in owners.items() if len(people) > 1] == []
    assert [
        (suggestion.person.name, suggestion.other.name, suggestion.reason, suggestion.status)
        for suggestion in DuplicateSuggestion.objects.select_related("person", "other")
    ] == [("DU Guimei", "Dou Guimei", "“DU Guimei” and “Dou Guimei” differ by one letter", "open")]


def test_every_spelling_says_which_rule_joined_it(archive):
    assert PersonAlias.objects.filter(rule="").count() == 0
    gong = person("Ke Gong")
    assert list(gong.aliases.order_by("pk").values_list("name", "rule", "rule_detail")) == [
        ("Gong Ke", "first", ""),
        ("Prof. GONG Ke", "same_name", "“Gong Ke”, in the same source"),
        (
            "GONG Ke",
            "running_text",
            "“GONG Ke” in the text; import of igf2021-ws-125-workshop-page.txt"
            " (IGF workshop page (2019-2023 layout))",
        ),
        ("Ke Gong", "same_name", "“Gong Ke”"),
    ]


def test_the_admin_page_of_a_person_shows_each_rule(archive, editor_client):
    gong = person("Ke Gong")
    content = editor_client.get(f"/admin/speakers/person/{gong.pk}/change/").content.decode()
    assert "Spellings, and the rule that joined each" in content
    for shown in [
        "First spelling: the record was made for it",
        "Same name as a spelling of the record",
        "Same name as a participant, in the text of a source",
        "“Gong Ke”, in the same source",
        "“GONG Ke” in the text; import of igf2021-ws-125-workshop-page.txt"
        " (IGF workshop page (2019-2023 layout))",
    ]:
        assert shown in content


def test_gong_ke_page_lists_his_sessions_of_2021_2024_and_2025_with_his_2025_speech(
    archive, client
):
    gong = person("Ke Gong")
    response = client.get(gong.get_absolute_url())
    assert response.status_code == 200
    assert [
        (
            p["session"]["year"],
            p["session"]["title"],
            p["role_label"],
            p["published_name"],
            p["is_tbd"],
        )
        for p in response.context["participations"]
    ] == [
        (
            2025,
            "Strengthen Digital Governance and International Cooperation to Build an Inclusive "
            "Digital Future",
            "Speaker",
            "Ke Gong",
            False,
        ),
        (
            2024,
            "Digital Technology Empowers Green and Low-carbon Development",
            "Speaker",
            "GONG Ke",
            True,
        ),
        (2021, "Big Data for Environmental Sustainability", "Speaker", "Gong Ke", False),
    ]
    wsis = response.context["participations"][0]
    assert (wsis["words_per_minute"], wsis["words"], wsis["speech_seconds"]) == (117, 458, 233)
    content = response.content.decode()
    assert re.findall(r'<h3 class="year-heading">(\d+)</h3>', content) == ["2025", "2024", "2021"]
    assert "Spoke 3:53 (233 seconds), 458 words, 117 words per minute" in content
    assert [
        (y["year"], y["sessions"], y["seconds"], y["words"]) for y in response.context["years"]
    ] == [
        (2025, 1, 233, 458),
        (2024, 1, None, None),
        (2021, 1, None, None),
    ]
    assert "<dd>GONG Ke; Gong Ke; Ke Gong; Prof. GONG Ke</dd>" in content
    # What he said in 2025: one turn of the transcript, one argument of the report.
    assert [(t["session"]["year"], t["position"]) for t in response.context["turns"]] == [
        (2025, 10)
    ]
    assert [(a["session"]["year"], a["excerpt"]) for a in response.context["arguments"]] == [
        (
            2025,
            "Engineering capacity building programs in Africa show successful model for "
            "international AI collaboration",
        )
    ]
    url = wsis["session"]["url"]
    assert f'<a href="{url}transcript/#turn-10">Turn 10</a>' in content
    assert f'<a href="{url}#argument-14">' in content
    assert_good_page(response)


def test_du_guimei_and_dou_guimei_pages_say_the_same(archive, client):
    du, dou = person("DU Guimei"), person("Dou Guimei")
    words = (
        "the sources spell the names alike, and editors are checking whether they are one person."
    )
    for page, other in [(du, dou), (dou, du)]:
        content = client.get(page.get_absolute_url()).content.decode()
        assert f'See also <a href="{other.get_absolute_url()}">{other.name}</a>: {words}' in content
