"""An organization's page across years with the five bundled documents imported: its units'
people are its own (sessions/browse/organization_record.py)."""

import pytest

from tests.bundled import import_bundled
from tests.page_checks import assert_good_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def bundled():
    import_bundled()


def people_by_year(response):
    return [
        (p["session"]["year"], p["person"]["name"], p["organization_name"], p["affiliation"])
        for p in response.context["affiliations"]
    ]


def test_cyberspace_administration_of_china_lists_its_people_and_its_units(client, bundled):
    response = client.get("/organizations/cyberspace-administration-of-china/")
    assert response.status_code == 200
    assert people_by_year(response) == [
        (
            2025,
            "Zhiqiang Lin",
            "Data and Technical Support Center",
            "From the Data and Technical Support Center of Cyberspace Administration of China",
        ),
        (
            2024,
            "LONG Kai",
            "Cyber Information Development Bureau",
            "Deputy Director, Cyber Information Development Bureau, Cyberspace Administration of "
            "China",
        ),
    ]
    assert response.context["years"] == [
        {"year": 2025, "sessions": 1, "people": 1, "participations": 1, "turns": 0},
        {"year": 2024, "sessions": 1, "people": 1, "participations": 1, "turns": 0},
    ]
    sessions = [
        (s["year"], s["title"], s["organized"], s["people_affiliated"])
        for s in response.context["sessions"]
    ]
    assert sessions == [
        (
            2025,
            "Strengthen Digital Governance and International Cooperation to Build an Inclusive "
            "Digital Future",
            False,
            1,
        ),
        (2024, "Digital Technology Empowers Green and Low-carbon Development", True, 1),
    ]
    assert [unit.name for unit in response.context["units"]] == [
        "Bureau of Information Technology Development",
        "Cyber Information Development Bureau",
        "Data and Technical Support Center",
    ]
    content = response.content.decode()
    assert "CAC; Cyberspace Administration of China" in content
    unit = "/organizations/cyber-information-development-bureau-cyberspace-administration-of-china/"
    assert f'<a href="{unit}">Cyber Information Development Bureau</a>' in content
    assert_good_page(response)


def test_a_unit_names_the_organization_it_is_part_of(client, bundled):
    response = client.get(
        "/organizations/cyber-information-development-bureau-cyberspace-administration-of-china/"
    )
    assert response.status_code == 200
    assert [
        (p["session"]["year"], p["person"]["name"]) for p in response.context["affiliations"]
    ] == [(2024, "LONG Kai")]
    content = response.content.decode()
    assert (
        '<dt>Part of</dt>\n  <dd><a href="/organizations/cyberspace-administration-of-china/">'
        "Cyberspace Administration of China</a></dd>"
    ) in content
    assert_good_page(response)


@pytest.mark.parametrize(
    ("slug", "people"),
    [
        ("chinese-academy-of-cyberspace-studies", [(2025, "Jiang Bai")]),
        # Zhang Fang of its School of Public Policy and Management: a unit's person.
        (
            "tsinghua-university",
            [(2024, "PENG Gang"), (2024, "SU Jun"), (2024, "XUE Lan"), (2024, "Zhang Fang")],
        ),
        ("international-telecommunication-union", [(2025, "Thomas Basikolo")]),
        ("fundacao-getulio-vargas", [(2025, "Luca Belli")]),
        ("china-mobile-research-institute", [(2025, "Yuhong Huang")]),
        (
            "united-nations-conference-on-trade-and-development",
            [(2025, "Torbjorn Fredriksson"), (2024, "Torbjorn Fredriksson")],
        ),
        (
            "china-association-for-science-and-technology",
            [(2021, "Chuang Liu"), (2021, "Jieyao Wang"), (2021, "Jing MA"), (2021, "Xiang Zhou")],
        ),
    ],
)
def test_the_organizations_the_issue_found_without_a_record(client, bundled, slug, people):
    response = client.get(f"/organizations/{slug}/")
    assert response.status_code == 200
    assert [
        (p["session"]["year"], p["person"]["name"]) for p in response.context["affiliations"]
    ] == people
