"""The IGF workshop page parser on real pages of 2019-2024 (fixtures/documents/real/, each the
top of its page as copied; sources.json beside them says where each came from).

People are compared as (name, role, organization, stakeholder group, regional group), in the
order the page lists them.
"""

from pathlib import Path

from django.conf import settings

from sessions.importers.igf_workshop import parse
from sessions.importers.text import sdg_line

REAL = Path(settings.BASE_DIR, "fixtures/documents/real")
WEOG = "Western European and Others Group (WEOG)"
IGO = "Intergovernmental Organization"
GRULAC = "Latin American and Caribbean Group (GRULAC)"


def _parse(name):
    return parse((REAL / name).read_text(encoding="utf-8"))


def _people(session):
    return [
        (p.name, p.role, p.organization, p.stakeholder_group, p.regional_group)
        for p in session.people
    ]


def test_2019_additional_speakers_and_goal_lines():
    session = _parse("igf2019_ws170_childrens-privacy.txt")
    assert (session.meeting_year, session.session_type, session.number, session.title) == (
        2019,
        "Workshop",
        170,
        "Children's Privacy and data protection in digital contexts",
    )
    assert _people(session) == [
        ("William Bird", "organizer", "Media Monitoring Africa", "", ""),
        ("Daniela Tews", "organizer", "Deutsches Kinderhilfswerk e.V.", "", ""),
        ("Steffen Eisentraut", "speaker", "", "Civil Society", WEOG),
        ("Sonia Livingstone", "speaker", "", "Technical Community", WEOG),
        ("Phakamile Phakamile", "speaker", "", "Civil Society", "African Group"),
        # "Additional Speakers": name, organization, stakeholder group, regional group.
        (
            "Gehad Madi",
            "speaker",
            "UN Committee on the Rights of the Child",
            "Intergovernmental Organization",
            "African Group",
        ),
        ("Kai Hanke", "speaker", "Deutsches Kinderhilfswerk e.V.", "Civil Society", WEOG),
        ("Rebekka Weiß", "speaker", "Bitkom e.V.", "Technical Community", WEOG),
        # The moderator block after a field boundary: onsite, "Online Moderator", rapporteur.
        ("Daniela Tews", "onsite_moderator", "", "Civil Society", WEOG),
        ("William Bird", "online_moderator", "", "Civil Society", "African Group"),
        ("Daniela Tews", "rapporteur", "", "Civil Society", WEOG),
    ]
    # "GOAL 3: Good Health and Well-Being" ... "GOAL 17: Partnerships for the Goals".
    assert session.sdg_goals == [3, 4, 10, 12, 17]
    assert (session.format, session.duration_minutes) == (
        "Break-out Group Discussions - Flexible Seating",
        90,
    )
    assert session.policy_questions == [
        "What are the views and positions of different stakeholders on children's rights to "
        "privacy and data protection? Who is responsible for the protection of data of children "
        "and how to fill the gaps of implementation? How to responsibly balance between "
        "protection and participation rights of children?"
    ]
    assert session.unplaced == []


def test_2019_unnamed_organizer_and_labelled_answers_stay_unplaced():
    session = _parse("igf2019_ws225_ai-trustworthiness.txt")
    assert session.title == "AI Trustworthiness & The Role of Internet Governance"
    # "Organizer 1: Private Sector, WEOG" names no one: no person, no organization.
    assert _people(session) == [
        ("Imane Bello", "speaker", "", "Civil Society", WEOG),
        ("Ansgar Koene", "speaker", "", "Civil Society", WEOG),
        ("Yik Chan Chin", "speaker", "", "Civil Society", "Asia-Pacific Group"),
    ]
    assert session.policy_questions == [
        "What are the opportunities and implications associated with AI?",
        "What are the Internet policy and regulatory matters associated with trustworthy AI?",
        "What Internet governance approaches might be considered regarding AI to help the "
        "creation of environment in which will provide confidence and trustworthiness for all "
        "stakeholders?",
    ]
    assert [text[:40] for text in session.unplaced] == [
        "Organizer 1: Private Sector, Western Eur",
        "Relevance to Theme: As AI innovations co",
        "Relevance to Internet Governance: Intern",
    ]
    assert session.unplaced[0] == f"Organizer 1: Private Sector, {WEOG}"
    assert session.unplaced[2].endswith(
        "governing what trustworthiness means in the context of AI."
    )
    assert (session.format, session.duration_minutes) == ("Round Table - U-shape", 90)
    assert session.description.startswith("Description: Machine learning and artificial")


def test_2019_title_on_the_line_after_the_number_and_labelled_moderators():
    session = _parse("igf2019_ws414_human-centric-ai.txt")
    assert (session.meeting_year, session.session_type, session.number) == (2019, "Workshop", 414)
    assert (session.title, session.title_line) == (
        "Discussing strategies for a human-centric A.I.",
        2,
    )
    # "Subtheme" is a label whose value the copy lost: neither a theme nor content.
    assert (session.theme, session.sub_themes, session.furniture) == ("", [], ["Subtheme"])
    assert _people(session) == [
        ("Luisa Verónica Arroyo Revatta", "organizer", "Access Now / Youth Observatory", "", ""),
        ("Juliana Novaes", "organizer", "Youth@IGF", "", ""),
        ("Ana Carolina Rodrigues Dias Silveira", "organizer", "Internet Society Youth@IGF", "", ""),
        (
            "Isabela Inês Bernardino de Souza Silva",
            "organizer",
            "Federal University of Pernambuco",
            "",
            "",
        ),
        ("Bruna Santos", "speaker", "", "Civil Society", GRULAC),
        ("Desh Deepak Dwivedi", "speaker", "", "Private Sector", "Asia-Pacific Group"),
        ("Aaranson Susan", "speaker", "", "Civil Society", "Intergovernmental Organization"),
        ("Franz von Weizsaecker", "speaker", "", "Government", WEOG),
        ("Ana Carolina Rodrigues Dias Silveira", "onsite_moderator", "", "Civil Society", GRULAC),
        ("Juliana Novaes", "online_moderator", "", "Civil Society", GRULAC),
        ("Isabela Inês Bernardino de Souza Silva", "rapporteur", "", "Civil Society", GRULAC),
    ]
    assert (session.format, session.duration_minutes) == ("Round Table - Circle", 90)
    assert session.sdg_goals == [4, 8, 9, 10, 11]
    assert session.unplaced == []


def test_2020_both_organizers_unnamed():
    session = _parse("igf2020_ws229_a-changin-times-data-governance.txt")
    assert (session.number, session.title) == (229, "A-changin’ times for data governance?")
    assert [person.name for person in session.people] == [
        "Farzaneh Badii",
        "Guilherme Canela Godoi",
        "Gabriella Schittek",
        "Enrico Calandro",
        "Vargas Paula",
    ]
    assert {person.role for person in session.people} == {"speaker"}
    assert session.unplaced == [
        f"Organizer 1: Civil Society, {GRULAC}",
        f"Organizer 2: Technical Community, {GRULAC}",
    ]


def test_2021_title_on_the_next_line_and_moderators_by_position():
    session = _parse("igf2021_ws222_cybernorms-irl.txt")
    assert (session.meeting_year, session.number, session.title) == (
        2021,
        222,
        "Cybernorms - do they hold up IRL (in real-life)? Take 2",
    )
    assert _people(session) == [
        ("Basu Arindrajit", "organizer", "Centre for Internet & Society, India", "", ""),
        ("Paula Martins", "organizer", "Association for Progressive Communications - APC", "", ""),
        ("Mallory Knodel", "speaker", "", "Civil Society", WEOG),
        ("Enrico Calandro", "speaker", "", "Civil Society", "African Group"),
        ("Paula Martins", "speaker", "", "Civil Society", "Intergovernmental Organization"),
        ("Sheetal Kumar", "speaker", "", "Civil Society", WEOG),
        (
            "Paula Martins",
            "onsite_moderator",
            "",
            "Civil Society",
            "Intergovernmental Organization",
        ),
        ("Basu Arindrajit", "online_moderator", "", "Civil Society", "Asia-Pacific Group"),
        ("Sheetal Kumar", "rapporteur", "", "Civil Society", WEOG),
    ]
    assert session.sdg_goals == [9, 16]


def test_2022_bare_connection_label_is_furniture_and_goals_follow_it():
    session = _parse("igf2022_ws482_internet-shutdowns.txt")
    assert (session.number, session.date.isoformat(), session.room) == (
        482,
        "2022-12-02",
        "Large Briefing Room",
    )
    assert [(p.name, p.role) for p in session.people] == [
        ("Laura Schwartz-Henderson", "organizer"),
        ("Chinmayi S K", "organizer"),
        ("Benjamin Whitehead", "organizer"),
        ("Laura Schwartz-Henderson", "speaker"),
        ("Chinmayi S K", "speaker"),
        ("DIAGNE El Hadji Daouda", "speaker"),
        ("Miraj Chowdhury", "speaker"),
        ("Laura Schwartz-Henderson", "onsite_moderator"),
        ("DIAGNE El Hadji Daouda", "online_moderator"),
        ("Benjamin Whitehead", "rapporteur"),
    ]
    assert session.furniture == ["Connection with previous Messages:"]
    assert session.sdg_goals == [3, 4, 5, 8, 9, 10, 16]
    assert session.unplaced == []


def test_2023_lock_glyph_is_no_organization():
    session = _parse("igf2023_ws385_icts-sdgs-international-practice.txt")
    organizers = [(p.name, p.organization) for p in session.people if p.role == "organizer"]
    assert organizers == [
        ("Baktybek Batyrkanov", ""),
        ("Stepovaya Daria", "International Information Security School"),
        ("David Manukyan", "International Information Security School"),
        (
            "Arevik Martirosyan",
            "Diplomatic Academy of Russian MFA,International Information Security School",
        ),
    ]
    assert not any("\N{LOCK}" in p.organization + p.affiliation for p in session.people)
    assert [(p.name, p.role) for p in session.people if p.role != "organizer"] == [
        ("ABRAHAM SELBY", "speaker"),
        ("Denise Leal", "speaker"),
        ("Dasig Daniel Jr", "speaker"),
        ("Stepovaya Daria", "speaker"),
        ("Arevik Martirosyan", "onsite_moderator"),
        ("David Manukyan", "online_moderator"),
        ("Baktybek Batyrkanov", "rapporteur"),
    ]
    assert (session.theme, session.sub_themes) == (
        "Sustainability & Environment",
        ["Digital Technologies to Achieve Sustainable Development Goals"],
    )
    assert (session.format, session.duration_minutes) == ("Round Table", 60)


def test_2024_workshop_without_blank_lines():
    session = _parse("igf2024_ws124_untold-stories-of-techies.txt")
    assert (session.meeting_year, session.number, session.title) == (
        2024,
        124,
        "Untold stories of techies contributing to a safer Internet",
    )
    assert _people(session) == [
        ("Carlos Martinez Cagnazzo", "speaker", "", "Technical Community", GRULAC),
        ("Carolina Caeiro", "speaker", "", "Private Sector", GRULAC),
        ("PABLO HINOJOSA", "speaker", "", "Technical Community", "Asia-Pacific Group"),
        ("Mallory Knodel", "speaker", "", "Technical Community", WEOG),
    ]
    assert len(session.unplaced) == 4
    assert session.duration_minutes == 90
    assert session.format_description.startswith("To achieve a high level of interaction")
    assert session.policy_questions == [
        "What are the main protocols on which the Internet runs and how have security solutions "
        "for these protocols been developed? What impact do you think improvements to the "
        "Internet, such as new protocol versions and additional security measures, have on our "
        "daily online experience? On whom does the implementation of these improvements depend "
        "and how is the world doing in this respect?"
    ]
    assert session.participant_gains.startswith("What will participants gain from attending")
    assert session.description == ""


def test_goal_lines_carry_their_goal_name_and_numbered_lines_do_not():
    assert [
        sdg_line(text)
        for text in (
            "GOAL 12: Responsible Production and Consumption",
            "12. Responsible Consumption and Production",
            "9. Industry, Innovation and Infrastructure",
            "7.a",
            "1. Introductory remarks",
            "2. the BPF 2021's three workstreams",
            "GOAL 4: Introductory remarks",
            "18. Partnerships for the Goals",
        )
    ] == [12, 12, 9, "7.a", None, None, None, None]
