"""Reading an affiliation (speakers/affiliations.py): the organization it names, with its units,
apart from positions, places and labels."""

import time

import pytest

from speakers.affiliations import (
    MAX_NAME,
    MAX_TEXT,
    Level,
    acronym_pairs,
    affiliations,
    is_label,
    organization_of,
)


def path(text, pairs=None):
    found = organization_of(text, pairs)
    return None if found is None else [level.name for level in found.path]


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("Director of Privacy Policy, Meta", "Director of Privacy Policy", ["Meta"]),
        (
            "vice minister of the Cyberspace Administration of China",
            "vice minister",
            ["Cyberspace Administration of China"],
        ),
        (
            "Cyber Information Development Bureau, Cyberspace Administration of China",
            "",
            ["Cyberspace Administration of China", "Cyber Information Development Bureau"],
        ),
        (
            "the Data and Technical Support Center of Cyberspace Administration of China",
            "",
            ["Cyberspace Administration of China", "Data and Technical Support Center"],
        ),
        (
            "Bureau of Information Technology Development, CAC",
            "",
            ["Cyberspace Administration of China", "Bureau of Information Technology Development"],
        ),
        ("UNCTAD", "", ["United Nations Conference on Trade and Development"]),
        (
            "Head of the Economical and Digital Economy branch at the UN Trade and Development",
            "Head",
            [
                "United Nations Conference on Trade and Development",
                "Economical and Digital Economy branch",
            ],
        ),
        (
            "Program Coordinator of the ITU Telecom Communication Standardization Bureau",
            "Program Coordinator",
            [
                "International Telecommunication Union",
                "ITU Telecom Communication Standardization Bureau",
            ],
        ),
        (
            "Vice Chair of the World Internet Conference, former Director-General of WIPO",
            "Vice Chair",
            ["World Internet Conference"],
        ),
        (
            "Professor of Business, Technology, and Strategy, School of Business, "
            "Queensland University of Technology",
            "Professor of Business",
            ["Queensland University of Technology", "School of Business"],
        ),
        (
            "deputy director general of the Department of High-Tech Industry of the National "
            "Development and Reform Commission (NDRC)",
            "deputy director general",
            ["National Development and Reform Commission", "Department of High-Tech Industry"],
        ),
        ("ISOC Ambassador, technical community, Africa", "ISOC Ambassador", ["Internet Society"]),
        (
            "ITU Africa, Intergovernmental Organization Africa",
            "",
            ["International Telecommunication Union"],
        ),
        ("Google Sub-Saharan Africa, Technical Community, Africa (Nigeria)", "", ["Google"]),
        ("Head, Trust and Security, Bitkom e.V.", "Head", ["Bitkom e.V.", "Trust and Security"]),
        ("Access Now / Youth Observatory", "", ["Access Now"]),
    ],
)
def test_organization_and_position(text, position, expected):
    found = organization_of(text)
    assert (found.position, [level.name for level in found.path]) == (position, expected)


@pytest.mark.parametrize(
    "text",
    [
        "MP, Nepal",
        "Myanmar APAC",
        "BPF Lead expert",
        "MAG BPF Facilitator",
        "Civil Society, New Delhi (India) APAC",
        "Norway in Lillestrøm",
        "vice governor of Fujian province",
        "Director of Privacy Policy",
        "",
    ],
)
def test_positions_places_and_labels_name_no_organization(text):
    assert organization_of(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # A long run inside a real affiliation (found by the fuzz tests on PostgreSQL, whose
        # organization names hold 300 characters).
        "-" * 1000 + "Deputy Director, Cyber Information Development Bureau, Cyberspace",
        "Ministry of " + "Digital " * 30 + "Affairs",
        "-" * 150,
        "***, Bureau of Information Technology Development",
    ],
)
def test_a_name_too_long_or_without_a_word_links_no_organization(text):
    found = affiliations(text)

    assert [item.path for item in found if item.path] == []
    assert organization_of(text) is None


def test_a_name_as_long_as_allowed_is_an_organization():
    name = "Ministry of " + "x" * (MAX_NAME - len("Ministry of "))

    assert path(name) == [name]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Georgia United States of America", True),
        ("Technical Community Europe", True),
        ("Civil Society Asia-Pacific (APAC)", True),
        ("Zhejiang province", True),
        ("Geneva", True),
        ("Internet Society of China", False),
        ("EE", False),
    ],
)
def test_is_label(text, label):
    assert is_label(text) is label


def test_the_first_current_affiliation_is_linked_before_a_former_one():
    text = (
        "Former President of the World Federation of Engineering Organizations; Executive "
        "Director, Chinese Institute of New Generation Artificial Intelligence Development "
        "Strategies; Former President of Nankai University"
    )
    assert [(item.position, item.organization, item.former) for item in affiliations(text)] == [
        ("Former President", "World Federation of Engineering Organizations", True),
        (
            "Executive Director",
            "Chinese Institute of New Generation Artificial Intelligence Development Strategies",
            False,
        ),
        ("Former President", "Nankai University", True),
    ]
    assert organization_of(text).organization == (
        "Chinese Institute of New Generation Artificial Intelligence Development Strategies"
    )


def test_a_full_name_with_its_acronym_teaches_the_pair_with_no_table():
    found = organization_of("Head, Office of Policy, Global Digital Alliance (GDA)")
    assert found.path == (
        Level("Global Digital Alliance", ("Global Digital Alliance (GDA)", "GDA")),
        Level("Office of Policy", ("Office of Policy",)),
    )
    assert organization_of("GDA (Global Digital Alliance)").path == (
        Level("Global Digital Alliance", ("GDA (Global Digital Alliance)", "GDA")),
    )
    assert organization_of("Association for Progressive Communications - APC").path == (
        Level(
            "Association for Progressive Communications",
            ("Association for Progressive Communications - APC", "APC"),
        ),
    )


def test_pairs_in_a_documents_text_resolve_a_bare_acronym():
    text = "Remarks by the Global Digital Alliance (GDA) and the Cyber Rules Unit (CRU) ..."
    pairs = acronym_pairs(text)
    assert pairs == {"GDA": "Global Digital Alliance", "CRU": "Cyber Rules Unit"}
    assert path("Policy Officer, GDA", pairs) == ["Global Digital Alliance"]
    assert path("Policy Officer, GDA") == ["GDA"]
    # The words before an acronym that do not make it are no pair.
    assert acronym_pairs("a report of the Working Group (XYZ)") == {}


def test_the_acronym_inside_a_name_makes_a_unit_of_it():
    text = (
        "member of the Standing Committee of the Communist Party of China (CPC) Zhejiang "
        "Provincial Committee"
    )
    assert path(text) == [
        "Communist Party of China",
        "CPC Zhejiang Provincial Committee",
        "Standing Committee",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Director of " * 5000,
        "A (" * 5000,
        "X, " * 5000,
        "Aaaa " * 5000 + "(GDA)",
        "of the " * 5000,
        "\x00\ufeff\u202e" * 1000,
    ],
)
def test_hostile_text_is_read_in_bounded_time(text):
    # The process's own time: the suite runs beside other processes (pytest-xdist).
    start = time.process_time()
    organization_of(text)
    acronym_pairs(text)
    assert time.process_time() - start < 0.5
    assert len(text) > MAX_TEXT
