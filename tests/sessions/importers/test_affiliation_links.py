"""Affiliations become organizations on import: the five bundled documents and the 25 real
pages (those the loader takes), each affiliation that names an organization linked to one
record, its units under it; organizer lines too. The lists below were checked by hand against
each document."""

import pytest

from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, DocumentRefused, import_file
from sessions.importers.score import is_label
from sessions.importers.snapshot import written_digest
from sessions.models import Organizer, Participation
from speakers.affiliations import split_position
from speakers.models import Organization, OrganizationAlias
from tests.bundled import import_bundled
from tests.sessions.importers.real_pages import REAL_DOCUMENTS

pytestmark = pytest.mark.django_db

# (name as published, affiliation as published, the organization linked: its path of units),
# by year and title of the session, in the order the source lists its people.
LINKS = [
    ("William Bird", "Media Monitoring Africa", "Media Monitoring Africa"),
    ("Daniela Tews", "Deutsches Kinderhilfswerk e.V.", "Deutsches Kinderhilfswerk e.V."),
    (
        "Gehad Madi",
        "UN Committee on the Rights of the Child",
        "United Nations › UN Committee on the Rights of the Child",
    ),
    ("Kai Hanke", "Deutsches Kinderhilfswerk e.V.", "Deutsches Kinderhilfswerk e.V."),
    ("Rebekka Weiß", "Bitkom e.V.", "Bitkom e.V."),
    (
        "Gehad Madi",
        "Member, UN Committee on the Rights of the Child, Egypt",
        "United Nations › UN Committee on the Rights of the Child",
    ),
    (
        "Phakamile Phakamile",
        "Head, Webrangers Program, Media Monitoring Africa",
        "Media Monitoring Africa › Webrangers Program",
    ),
    ("Rebekka Weiß", "Head, Trust and Security, Bitkom e.V.", "Bitkom e.V. › Trust and Security"),
    ("Luisa Verónica Arroyo Revatta", "Access Now / Youth Observatory", "Access Now"),
    ("Juliana Novaes", "Youth@IGF", "Youth@IGF"),
    (
        "Ana Carolina Rodrigues Dias Silveira",
        "Internet Society Youth@IGF",
        "Internet Society Youth@IGF",
    ),
    (
        "Isabela Inês Bernardino de Souza Silva",
        "Federal University of Pernambuco",
        "Federal University of Pernambuco",
    ),
    # The 2019 SCIO press conference (its page has no title of its own).
    (
        "Liu Liehong",
        "vice minister of the Cyberspace Administration of China",
        "Cyberspace Administration of China",
    ),
    (
        "Zhu Guoxian",
        "member of the Standing Committee of the Communist Party of China (CPC) Zhejiang "
        "Provincial Committee, head of the Publicity Department of the CPC Zhejiang Provincial "
        "Committee",
        "Communist Party of China › CPC Zhejiang Provincial Committee › Standing Committee",
    ),
    (
        "Sheng Yongjun",
        "secretary of the CPC Tongxiang Municipal Committee in Zhejiang province",
        "Communist Party of China › CPC Tongxiang Municipal Committee",
    ),
    (
        "Xi Yanchun",
        "spokesperson of the State Council Information Office",
        "State Council Information Office",
    ),
    (
        "Yang Xiaowei",
        "vice minister of the Cyberspace Administration of China",
        "Cyberspace Administration of China",
    ),
    (
        "Zhao Long",
        "member of the Standing Committee of the CPC Fujian Provincial Committee, vice governor "
        "of Fujian province",
        "Communist Party of China › CPC Fujian Provincial Committee › Standing Committee",
    ),
    (
        "You Mengjun",
        "deputy secretary of the CPC Fuzhou Municipal Committee, mayor of Fuzhou Municipal "
        "People's Government",
        "Communist Party of China › CPC Fuzhou Municipal Committee",
    ),
    (
        "Shen Zhulin",
        "deputy director general of the Department of High-Tech Industry of the National "
        "Development and Reform Commission (NDRC)",
        "National Development and Reform Commission › Department of High-Tech Industry",
    ),
    (
        "Xie Shaofeng",
        "spokesperson for the Ministry of Industry and Information Technology (MIIT), director of "
        "MIIT's Department of Information Technology Development",
        "Ministry of Industry and Information Technology",
    ),
    (
        "Shou Xiaoli",
        "deputy head of the Press Bureau of the State Council Information Office",
        "State Council Information Office › Press Bureau",
    ),
    (
        "Xiang Zhou",
        "China Association for Science and Technology (CAST)",
        "China Association for Science and Technology",
    ),
    (
        "Chuang Liu",
        "Chinese Association for Sciences and Technology",
        "China Association for Science and Technology",
    ),
    (
        "Jieyao Wang",
        "China Association for Science and Technology",
        "China Association for Science and Technology",
    ),
    (
        "Jing MA",
        "China Association for Science and Technology",
        "China Association for Science and Technology",
    ),
    ("Rui ZHONG", "Internet Society of China", "Internet Society of China"),
    # Listed without an affiliation, given one by the report's bullet that names them as
    # presenters (igf2021 workshop 125).
    (
        "Chuang Liu",
        "Professor of Institute of Geographical Sciences and Natural Resources Research, "
        "Chinese Academy of Sciences, China",
        "Chinese Academy of Sciences › Institute of Geographical Sciences and Natural Resources "
        "Research",
    ),
    (
        "Horst Kremers",
        "General Secretary of CODATA-Germany, Germany",
        "CODATA-Germany",
    ),
    (
        "Ricardo Israel Robles Pelayo",
        "Professor of Universidad Anahuac online, Mexico",
        "Universidad Anahuac online",
    ),
    (
        "Gong Ke",
        "President of the World Federation of Engineering Organizations, Chair of CAST UN "
        "Consultative Committee on Information Technology",
        "World Federation of Engineering Organizations",
    ),
    (
        "Daisy Selematsela",
        "Executive Director of Library & Information Services, University of South Africa, "
        "South Africa",
        "University of South Africa › Library & Information Services",
    ),
    (
        "Xiang Zhou",
        "Professor of Aerospace Information Research Institute, the Chinese Academy of "
        "Sciences, China",
        "Chinese Academy of Sciences › Aerospace Information Research Institute",
    ),
    (
        "Dr. Tomoko Doko",
        "president and CEO, Nature & Science Consulting Co. Ltd., Japan",
        "Nature & Science Consulting Co. Ltd.",
    ),
    ("Basu Arindrajit", "Centre for Internet & Society, India", "Centre for Internet & Society"),
    (
        "Paula Martins",
        "Association for Progressive Communications - APC",
        "Association for Progressive Communications",
    ),
    ("Hariniombonana Andriamampionona", "MAG BPF Facilitator", None),
    ("Markus Kummer", "BPF Facilitator", None),
    ("Maarten Van Horenbeeck", "BPF Lead expert", None),
    ("Art Manion", "FIRST", "Forum of Incident Response and Security Teams"),
    ("Laura Schwartz-Henderson", "Internews", "Internews"),
    ("Chinmayi S K", "The Bachchao Project", "The Bachchao Project"),
    ("Benjamin Whitehead", "Internews", "Internews"),
    ("XIAO YANG", "China Internet Development Foundation", "China Internet Development Foundation"),
    ("Xiaobo YANG", "Fuxi Institution", "Fuxi Institution"),
    ("Jingzhe REN", "All-China Environment Federation", "All-China Environment Federation"),
    ("Li ZHANG", "All-China Environment Federation", "All-China Environment Federation"),
    (
        "Stepovaya Daria",
        "International Information Security School",
        "International Information Security School",
    ),
    (
        "David Manukyan",
        "International Information Security School",
        "International Information Security School",
    ),
    (
        "Arevik Martirosyan",
        "Diplomatic Academy of Russian MFA,International Information Security School",
        "Diplomatic Academy of Russian MFA",
    ),
    (
        "Mauricia Cindy Abdol",
        "ISOC Foundation",
        "Internet Society › ISOC Foundation",
    ),
    ("Mona Gaballa", "ISOC, technical community, NA", "Internet Society"),
    (
        "Pranav Tiwari",
        "ISOC Foundation",
        "Internet Society › ISOC Foundation",
    ),
    ("Nicolas Fiumarelli", "ISOC Alumni", "Internet Society"),
    ("Veronica Piccolo", "ISOC Alumni, technical community, EU", "Internet Society"),
    ("Athanase Bahizire", "ISOC Ambassador", "Internet Society"),
    (
        "Saba Tiku",
        "ITU Africa",
        "International Telecommunication Union",
    ),
    (
        "Bo Han",
        "Institute of Journalism and Communication, Chinese Academy of Social Sciences",
        "Chinese Academy of Social Sciences › Institute of Journalism and Communication",
    ),
    ("Kateryna Bovsunovksa", "EE, Technical Community Europe", "EE"),
    (
        "Temilade Adelakun",
        "Google Sub-Saharan Africa (Nigeria)",
        "Google",
    ),
    (
        "Yug Desai",
        "Doctoral candidate in the Department of International Relations at South Asian "
        "University, Civil Society, New Delhi (India) APAC",
        "South Asian University › Department of International Relations",
    ),
    ("Zin Myo Htet", "Myanmar APAC", None),
    ("Kamesh Shekar", "The Dialogue , Civil Society, (India) APAC", "The Dialogue"),
    (
        "Edgar Brutyan",
        "Institute for Development of Freedom of Information, Georgia United States of America",
        "Institute for Development of Freedom of Information",
    ),
    (
        "Carol Roach",
        "Under-Secretary, Ministry of Economic Affairs, Government of the Bahamas",
        "Government of the Bahamas › Ministry of Economic Affairs",
    ),
    ("Chengetai Masango", "Head, IGF Secretariat", "Internet Governance Forum › IGF Secretariat"),
    ("Deborah Allen", "Director & CEO, Find Out Why", "Find Out Why"),
    (
        "Markus Kummer",
        "Senior Advisor, Geneva Internet Platform & DiploFoundation",
        "Geneva Internet Platform & DiploFoundation",
    ),
    ("Paul Mitchell", "Chair, IGF MAG", "Internet Governance Forum › IGF MAG"),
    (
        "Vint Cerf",
        "Chair, IGF Leadership Panel",
        "Internet Governance Forum › IGF Leadership Panel",
    ),
    ("Brando Benifei", "Member, European Parliament", "European Parliament"),
    (
        "Jeehan Mahmood",
        "MP, Maldives, IPUs Democracy and Human Rights Committee",
        "IPUs Democracy and Human Rights Committee",
    ),
    ("Junhua Li", "UN Under-Secretary-General for Economic and Social Affairs", "United Nations"),
    (
        "Latifa Al-Abdulkarim",
        "Assistant Professor of Computer Science, King Saud University",
        "King Saud University",
    ),
    ("Sumana Shrestha", "MP, Nepal", None),
    ("Tomoko Ukishima", "MP, Japan", None),
    (
        "Vint Cerf",
        "Chair, IGF Leadership Panel",
        "Internet Governance Forum › IGF Leadership Panel",
    ),
    (
        "LONG Kai",
        "Deputy Director, Cyber Information Development Bureau, Cyberspace Administration of China",
        "Cyberspace Administration of China › Cyber Information Development Bureau",
    ),
    ("PENG Gang", "Vice President, Tsinghua University", "Tsinghua University"),
    (
        "GONG Ke",
        "Former President of the World Federation of Engineering Organizations; Executive "
        "Director, Chinese Institute of New Generation Artificial Intelligence Development "
        "Strategies; Former President of Nankai University",
        "Chinese Institute of New Generation Artificial Intelligence Development Strategies",
    ),
    (
        "Torbjorn Fredriksson",
        "Director, Office of Information and Communication Technology Policy, United Nations "
        "Conference on Trade and Development (UNCTAD)",
        "United Nations Conference on Trade and Development › Office of Information and "
        "Communication Technology Policy",
    ),
    (
        "SU Jun",
        "Dean, Institute for Intelligent Social Governance, Tsinghua University; Director, Center "
        "for Science, Technology & Education Policy, Tsinghua University; Director of Think Tank "
        "Center and Professor, Tsinghua University",
        "Tsinghua University › Institute for Intelligent Social Governance",
    ),
    (
        "Kevin C. Desouza",
        "Professor of Business, Technology, and Strategy, School of Business, Queensland "
        "University of Technology",
        "Queensland University of Technology › School of Business",
    ),
    (
        "Eduardo Araral",
        "Professor, Lee Kuan Yew School of Public Policy, National University of Singapore",
        "National University of Singapore › Lee Kuan Yew School of Public Policy",
    ),
    ("ZHOU Chaonan", "Range IDC", "Range IDC"),
    (
        "XUE Lan",
        "Senior Professor, Tsinghua University; Dean, Schwarzman College; Member of the "
        "Leadership Group, UN Internet Governance Forum (IGF)",
        "Tsinghua University",
    ),
    (
        "Dou Guimei",
        "Co-Director of the National Experimental Base for Intelligent Society Governance "
        "(Education) and Principal of Tsinghua University Primary School",
        "National Experimental Base for Intelligent Society Governance (Education)",
    ),
    (
        "Zhang Fang",
        "Associate Professor at the School of Public Policy and Management, Tsinghua University",
        "Tsinghua University › School of Public Policy and Management",
    ),
    (
        "Zhiqiang Lin",
        "From the Data and Technical Support Center of Cyberspace Administration of China",
        "Cyberspace Administration of China › Data and Technical Support Center",
    ),
    (
        "Jiang Bai",
        "Deputy Director General of Chinese Academy of Cyberspace Studies, representative of the "
        "forum organizers",
        "Chinese Academy of Cyberspace Studies",
    ),
    (
        "Francis Gurry",
        "Vice Chair of the World Internet Conference, former Director-General of WIPO",
        "World Internet Conference",
    ),
    (
        "Thomas Basikolo",
        "Program Coordinator of the ITU Telecom Communication Standardization Bureau, works in "
        "the AI for Good team",
        "International Telecommunication Union › ITU Telecom Communication Standardization Bureau",
    ),
    (
        "Yuhong Huang",
        "General Manager of China Mobile Research Institute",
        "China Mobile Research Institute",
    ),
    (
        "Ke Gong",
        "Executive Director of Chinese Institute of New Generation Artificial Intelligence "
        "Development Strategy, former President of World Federal of Engineering Organization",
        "Chinese Institute of New Generation Artificial Intelligence Development Strategies",
    ),
    (
        "Torbjorn Fredriksson",
        "Head of the Economical and Digital Economy branch at the UN Trade and Development",
        "United Nations Conference on Trade and Development › Economical and Digital Economy "
        "branch",
    ),
    (
        "Wolfgang Kleinwaechter",
        "Professor Emeritus of University of Aarhus, Denmark",
        "University of Aarhus",
    ),
    (
        "Luca Belli",
        "Director of the CyberBRICS Project at FGV Law School, Professor at FGV Law School where "
        "he directs the Center for Technology and Society",
        "Fundação Getulio Vargas › FGV Law School › CyberBRICS Project",
    ),
]
ORGANIZERS = [
    ("Media Monitoring Africa", "Media Monitoring Africa"),
    ("Deutsches Kinderhilfswerk e.V.", "Deutsches Kinderhilfswerk e.V."),
    ("Access Now / Youth Observatory", "Access Now"),
    ("Youth@IGF", "Youth@IGF"),
    ("Internet Society Youth@IGF", "Internet Society Youth@IGF"),
    ("Federal University of Pernambuco", "Federal University of Pernambuco"),
    (
        "China Association for Science and Technology (CAST)",
        "China Association for Science and Technology",
    ),
    ("Internet Society of China", "Internet Society of China"),
    ("Centre for Internet & Society, India", "Centre for Internet & Society"),
    (
        "Association for Progressive Communications - APC",
        "Association for Progressive Communications",
    ),
    ("Internews", "Internews"),
    ("The Bachchao Project", "The Bachchao Project"),
    ("China Internet Development Foundation", "China Internet Development Foundation"),
    ("Fuxi Institution", "Fuxi Institution"),
    ("All-China Environment Federation", "All-China Environment Federation"),
    ("International Information Security School", "International Information Security School"),
    (
        "Diplomatic Academy of Russian MFA,International Information Security School",
        "Diplomatic Academy of Russian MFA",
    ),
    ("Internet Society", "Internet Society"),
    ("Cyberspace Administration of China", "Cyberspace Administration of China"),
    (
        "Bureau of Information Technology Development, CAC",
        "Cyberspace Administration of China › Bureau of Information Technology Development",
    ),
    ("Chinese Academy of Cyberspace Studies", "Chinese Academy of Cyberspace Studies"),
]
# Every organization record the thirty documents make: no position, place or label among them.
ORGANIZATIONS = [
    "Access Now",
    "Aerospace Information Research Institute",
    "All-China Environment Federation",
    "Association for Progressive Communications",
    "Bitkom e.V.",
    "Bureau of Information Technology Development",
    "CODATA-Germany",
    "CPC Fujian Provincial Committee",
    "CPC Fuzhou Municipal Committee",
    "CPC Tongxiang Municipal Committee",
    "CPC Zhejiang Provincial Committee",
    "Centre for Internet & Society",
    "China Association for Science and Technology",
    "China Daily",
    "China Internet Development Foundation",
    "China Mobile Research Institute",
    "Chinese Academy of Cyberspace Studies",
    "Chinese Academy of Sciences",
    "Chinese Academy of Social Sciences",
    "Chinese Institute of New Generation Artificial Intelligence Development Strategies",
    "Communist Party of China",
    "Cyber Information Development Bureau",
    "CyberBRICS Project",
    "Cyberspace Administration of China",
    "Data and Technical Support Center",
    "Department of High-Tech Industry",
    "Department of International Relations",
    "Deutsches Kinderhilfswerk e.V.",
    "Diplomatic Academy of Russian MFA",
    "EE",
    "Economical and Digital Economy branch",
    "European Parliament",
    "FGV Law School",
    "Federal University of Pernambuco",
    "Find Out Why",
    "Forum of Incident Response and Security Teams",
    "Fundação Getulio Vargas",
    "Fuxi Institution",
    "Geneva Internet Platform & DiploFoundation",
    "Google",
    "Government of the Bahamas",
    "IGF Leadership Panel",
    "IGF MAG",
    "IGF Secretariat",
    "IPUs Democracy and Human Rights Committee",
    "ISOC Foundation",
    "ITU Telecom Communication Standardization Bureau",
    "Institute for Development of Freedom of Information",
    "Institute for Intelligent Social Governance",
    "Institute of Geographical Sciences and Natural Resources Research",
    "Institute of Journalism and Communication",
    "International Information Security School",
    "International Telecommunication Union",
    "Internet Governance Forum",
    "Internet Society",
    "Internet Society Youth@IGF",
    "Internet Society of China",
    "Internews",
    "King Saud University",
    "Kyodo News",
    "Lee Kuan Yew School of Public Policy",
    "Library & Information Services",
    "Media Monitoring Africa",
    "Ministry of Economic Affairs",
    "Ministry of Industry and Information Technology",
    "National Development and Reform Commission",
    "National Experimental Base for Intelligent Society Governance (Education)",
    "National University of Singapore",
    "Nature & Science Consulting Co. Ltd.",
    "Office of Information and Communication Technology Policy",
    "Press Bureau",
    "Queensland University of Technology",
    "Range IDC",
    "School of Business",
    "School of Public Policy and Management",
    "South Asian University",
    # Two units of that name: the Fujian and the Zhejiang provincial committees'.
    "Standing Committee",
    "Standing Committee",
    "State Council Information Office",
    "The Bachchao Project",
    "The Dialogue",
    "Tianmu News",
    "Trust and Security",
    "Tsinghua University",
    "UN Committee on the Rights of the Child",
    "United Nations",
    "United Nations Conference on Trade and Development",
    "Universidad Anahuac online",
    "University of Aarhus",
    "University of South Africa",
    "Webrangers Program",
    "World Federation of Engineering Organizations",
    "World Internet Conference",
    "Youth@IGF",
]


def import_everything():
    outcomes = import_bundled()
    curated = Curated()
    for path in sorted(REAL_DOCUMENTS.glob("*.txt")):
        try:
            outcomes[path.name] = import_file(path, curated)
        except DocumentRefused:
            outcomes[path.name] = None
    return outcomes


def path_of(organization):
    names = []
    while organization is not None:
        names.insert(0, organization.name)
        organization = organization.parent
    return " › ".join(names)


def links():
    rows = Participation.objects.exclude(affiliation="").select_related(
        "organization__parent__parent__parent"
    )
    return [
        (
            row.published_name,
            row.affiliation,
            path_of(row.organization) if row.organization else None,
        )
        for row in rows.order_by("session__year", "session__title", "position")
    ]


def test_every_affiliation_that_names_an_organization_is_linked_to_one():
    import_everything()
    assert links() == LINKS
    organizers = Organizer.objects.select_related("organization__parent")
    assert [
        (row.published_name, path_of(row.organization))
        for row in organizers.order_by("session__year", "session__title", "position")
    ] == ORGANIZERS


def test_no_organization_is_a_position_a_place_or_a_label():
    import_everything()
    names = list(Organization.objects.order_by("name").values_list("name", flat=True))
    assert names == ORGANIZATIONS
    assert [name for name in names if is_label(name) or split_position(name, {})[0]] == []


def test_spellings_of_one_organization_are_one_record():
    import_everything()
    cast = Organization.objects.get(name="China Association for Science and Technology")
    assert sorted(cast.aliases.values_list("name", flat=True)) == [
        "CAST",
        "China Association for Science and Technology",
        "China Association for Science and Technology (CAST)",
        "Chinese Association for Sciences and Technology",
    ]
    assert sorted(
        Participation.objects.filter(organization=cast).values_list("published_name", flat=True)
    ) == ["Chuang Liu", "Jieyao Wang", "Jing MA", "Xiang Zhou"]
    unctad = Organization.objects.get(name="United Nations Conference on Trade and Development")
    assert sorted(unctad.aliases.values_list("name", flat=True)) == [
        "UN Trade and Development",
        "UNCTAD",
        "United Nations Conference on Trade and Development",
        "United Nations Conference on Trade and Development (UNCTAD)",
    ]
    cac = Organization.objects.get(slug="cyberspace-administration-of-china")
    assert sorted(cac.units.values_list("name", flat=True)) == [
        "Bureau of Information Technology Development",
        "Cyber Information Development Bureau",
        "Data and Technical Support Center",
    ]


def organization_state():
    return (
        Organization.objects.count(),
        OrganizationAlias.objects.count(),
        Organization.history.count(),
        OrganizationAlias.history.count(),
    )


def test_reimport_changes_nothing():
    import_bundled()
    state, participations = organization_state(), Participation.history.count()
    again = import_bundled()
    assert {name: outcome.changes for name, outcome in again.items()} == {
        name: [] for name in again
    }
    assert (organization_state(), Participation.history.count()) == (state, participations)


def test_reimport_of_the_real_pages_too_leaves_the_organizations_as_they_were():
    import_everything()
    state = organization_state()
    again = import_everything()
    assert [
        change
        for outcome in again.values()
        if outcome
        for change in outcome.changes
        if "organization" in change
    ] == []
    assert organization_state() == state


def test_an_editors_organization_survives_a_reimport_that_would_link_again():
    import_everything()
    long_kai = Participation.objects.get(published_name="LONG Kai")
    tsinghua = Organization.objects.get(name="Tsinghua University")
    long_kai.organization = tsinghua
    long_kai.save()
    # As when a better rule links the people again: the people as published are new.
    session = long_kai.session
    session.import_snapshot["collections"]["people"]["published"] = "an older rule's"
    session.save()

    outcome = import_file(BUNDLED_DOCUMENTS / session.source_document.file_name, Curated())

    assert outcome.conflicts == ["people: kept the editor's version"]
    assert Participation.objects.get(pk=long_kai.pk).organization == tsinghua


def test_a_rule_that_links_anew_relinks_where_no_editor_changed_the_rows():
    import_everything()
    long_kai = Participation.objects.get(published_name="LONG Kai")
    long_kai.organization = None
    long_kai.save()
    session = long_kai.session
    # As before this rule: the rows written had no organization.
    session.import_snapshot["collections"]["people"] = {
        "published": "an older rule's",
        "written": written_digest(session, "people"),
    }
    session.save()

    outcome = import_file(BUNDLED_DOCUMENTS / session.source_document.file_name, Curated())

    assert outcome.conflicts == []
    assert "people" in outcome.changes
    relinked = Participation.objects.select_related("organization__parent").get(
        session=session, published_name="LONG Kai"
    )
    assert path_of(relinked.organization) == (
        "Cyberspace Administration of China › Cyber Information Development Bureau"
    )
