"""The people and organizations of the synthetic archive: their names, and the pools they are
drawn from (Zipf-Mandelbrot, so that a few are in hundreds of sessions and most in one or two).
"""

from django.utils.text import slugify

from benchmarks.synthetic.text import SYLLABLES, words
from benchmarks.synthetic.zipf import Zipf
from sessions.models import RegionalGroup, StakeholderGroup
from speakers.models import Organization, Person
from speakers.names import organization_key, person_key, sort_key

# People and organizations: pool sizes and the Zipf-Mandelbrot offset, as shares of the
# number of sessions and of the pool. 100,000 sessions draw from 100,000 people (94,465 are
# drawn at least once) and 20,000 organizations; the busiest person is in 856 sessions.
PEOPLE_PER_SESSION_POOL = 1.0
ORGANIZATIONS_PER_SESSION_POOL = 0.2
PEOPLE_OFFSET_SHARE = 0.003
ORGANIZATIONS_OFFSET_SHARE = 0.002
# The first person's weight is multiplied by this, so that the busiest person is clear.
HEAD_START = 1.5


FIRST_NAMES = words(
    """
Maria Jose Ahmed Fatima Wei Li Anna Olga Ivan Priya Rahul Amina Kwame Ngozi Chen Yuki Hiroshi
Sofia Lucas Mateo Camila Diego Valentina Emma Noah Liam Olivia Lars Ingrid Torbjörn Sven
Astrid Pierre Claire Jean Marie Hans Ulrike Jürgen Katarzyna Piotr Tomasz Nadia Omar Layla
Youssef Samir Hana Daniel David Sarah Rachel Michael Elena Andrei Irina Dmitri Nikolai Ayesha
Bilal Zainab Tunde Chinedu Adaeze Kofi Abena Thandiwe Sipho Lerato Juan Carlos Luis Ana
Gabriela Fernanda Rafael Beatriz Joao Paulo Thiago Min Jin Soo Hyun Ji Arjun Ananya Vikram
Meera Raj Nguyen Thi Minh Siti Budi Dewi Ali Reza Zahra Mehmet Ayse Emre Elif Giorgi Nino
Aram Anahit Mariam Tamar Kateryna Oksana Bogdan Milan Jelena Stefan Ioana Mihai Anders Karin
Mette Jonas Paula Veronica Carmen Alejandro Ricardo Patricia Roberto Monica Akua Yaw Efua
"""
)

LAST_NAMES = words(
    """
Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Silva Santos
Oliveira Souza Costa Pereira Almeida Ferreira Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou
Xu Sun Ma Zhu Hu Guo Kim Lee Park Choi Jung Kang Cho Yoon Sato Suzuki Takahashi Tanaka
Watanabe Ito Yamamoto Nakamura Kobayashi Kato Singh Kumar Sharma Patel Gupta Das Reddy Rao
Iyer Nair Khan Ahmed Hussain Rahman Ali Hassan Ibrahim Mohamed Abdullah Mansour Haddad Nasser
Okafor Okonkwo Adeyemi Mensah Owusu Boateng Nkosi Dlamini Mokoena Kamau Otieno Wanjiru
Mwangi Ndlovu Diallo Traore Keita Coulibaly Smith Johnson Williams Brown Jones Miller Davis
Wilson Anderson Taylor Thomas Moore Jackson White Harris Martin Thompson Clark Lewis Walker
Young Allen Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter
Phillips Evans Turner Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann
Dubois Moreau Laurent Lefebvre Bernard Petit Durand Leroy Rossi Russo Ferrari Esposito
Bianchi Romano Kowalski Nowak Wisniewski Wojcik Kaminski Ivanov Petrov Smirnov Popov Volkov
Kuznetsov Novak Horvat Kovacs Nagy Popescu Ionescu Andersson Johansson Karlsson Nilsson
Hansen Jensen Nielsen Larsen Olsen Berg Haugen Virtanen Korhonen Nguyen Tran Le Pham
Hoang Santoso Wijaya Suharto Yilmaz Kaya Demir Sahin Celik Beridze Kapanadze Grigoryan
Hakobyan Shevchenko Bondarenko Melnyk Jovanovic Petrovic Nikolic Cohen Levi Mizrahi
"""
)

# (country, capital, UN regional group)
COUNTRIES = [
    ("Kenya", "Nairobi", RegionalGroup.AFRICAN),
    ("Nigeria", "Abuja", RegionalGroup.AFRICAN),
    ("Ghana", "Accra", RegionalGroup.AFRICAN),
    ("South Africa", "Pretoria", RegionalGroup.AFRICAN),
    ("Egypt", "Cairo", RegionalGroup.AFRICAN),
    ("Ethiopia", "Addis Ababa", RegionalGroup.AFRICAN),
    ("Senegal", "Dakar", RegionalGroup.AFRICAN),
    ("Rwanda", "Kigali", RegionalGroup.AFRICAN),
    ("Tunisia", "Tunis", RegionalGroup.AFRICAN),
    ("India", "New Delhi", RegionalGroup.ASIA_PACIFIC),
    ("China", "Beijing", RegionalGroup.ASIA_PACIFIC),
    ("Japan", "Tokyo", RegionalGroup.ASIA_PACIFIC),
    ("Indonesia", "Jakarta", RegionalGroup.ASIA_PACIFIC),
    ("Pakistan", "Islamabad", RegionalGroup.ASIA_PACIFIC),
    ("Bangladesh", "Dhaka", RegionalGroup.ASIA_PACIFIC),
    ("Philippines", "Manila", RegionalGroup.ASIA_PACIFIC),
    ("Viet Nam", "Hanoi", RegionalGroup.ASIA_PACIFIC),
    ("Saudi Arabia", "Riyadh", RegionalGroup.ASIA_PACIFIC),
    ("Nepal", "Kathmandu", RegionalGroup.ASIA_PACIFIC),
    ("Republic of Korea", "Seoul", RegionalGroup.ASIA_PACIFIC),
    ("Poland", "Warsaw", RegionalGroup.EASTERN_EUROPEAN),
    ("Ukraine", "Kyiv", RegionalGroup.EASTERN_EUROPEAN),
    ("Romania", "Bucharest", RegionalGroup.EASTERN_EUROPEAN),
    ("Georgia", "Tbilisi", RegionalGroup.EASTERN_EUROPEAN),
    ("Armenia", "Yerevan", RegionalGroup.EASTERN_EUROPEAN),
    ("Lithuania", "Vilnius", RegionalGroup.EASTERN_EUROPEAN),
    ("Estonia", "Tallinn", RegionalGroup.EASTERN_EUROPEAN),
    ("Serbia", "Belgrade", RegionalGroup.EASTERN_EUROPEAN),
    ("Brazil", "Brasília", RegionalGroup.GRULAC),
    ("Mexico", "Mexico City", RegionalGroup.GRULAC),
    ("Argentina", "Buenos Aires", RegionalGroup.GRULAC),
    ("Chile", "Santiago", RegionalGroup.GRULAC),
    ("Colombia", "Bogotá", RegionalGroup.GRULAC),
    ("Jamaica", "Kingston", RegionalGroup.GRULAC),
    ("Costa Rica", "San José", RegionalGroup.GRULAC),
    ("Uruguay", "Montevideo", RegionalGroup.GRULAC),
    ("United States", "Washington", RegionalGroup.WEOG),
    ("United Kingdom", "London", RegionalGroup.WEOG),
    ("Germany", "Berlin", RegionalGroup.WEOG),
    ("France", "Paris", RegionalGroup.WEOG),
    ("Canada", "Ottawa", RegionalGroup.WEOG),
    ("Australia", "Canberra", RegionalGroup.WEOG),
    ("Norway", "Oslo", RegionalGroup.WEOG),
    ("Sweden", "Stockholm", RegionalGroup.WEOG),
    ("Netherlands", "The Hague", RegionalGroup.WEOG),
    ("Switzerland", "Bern", RegionalGroup.WEOG),
    ("Italy", "Rome", RegionalGroup.WEOG),
    ("Spain", "Madrid", RegionalGroup.WEOG),
    ("New Zealand", "Wellington", RegionalGroup.WEOG),
    ("Finland", "Helsinki", RegionalGroup.WEOG),
]

INTERGOVERNMENTAL = [
    "International Telecommunication Union (ITU)",
    "United Nations Educational, Scientific and Cultural Organization (UNESCO)",
    "United Nations Conference on Trade and Development (UNCTAD)",
    "United Nations Development Programme (UNDP)",
    "Council of Europe",
    "Organisation for Economic Co-operation and Development (OECD)",
    "African Union Commission",
    "World Bank Group",
    "World Intellectual Property Organization (WIPO)",
    "United Nations Children's Fund (UNICEF)",
    "Office of the UN Secretary-General's Envoy on Technology",
    "European Commission",
]

MEDIA_OUTLETS = ["CCTV", "Xinhua News Agency", "Reuters", "Agence France-Presse", "BBC", "NHK"]

ORGANIZATION_WORDS = words(
    """
Digital Open Global Youth Women Data Rights Policy Cyber Access Future Tech Network Media
Civic Public Community Knowledge Information Innovation Freedom Citizen Research Governance
"""
)
CIVIL_SOCIETY_KINDS = ["Foundation", "Initiative", "Alliance", "Coalition", "Institute", "Forum"]
COMPANY_KINDS = ["Technologies", "Networks", "Telecom", "Systems", "Labs", "Group", "Inc."]
PORTFOLIOS = ["Digital Affairs", "ICT", "Communications", "Foreign Affairs", "Innovation"]


class Directory:
    """The people and organizations drawn so far, and their rows in `tables` (organizations,
    people and their aliases), drawn with the generator's random stream."""

    def __init__(self, rng, tables, sessions):
        self.rng = rng
        self.tables = tables
        people_pool = max(100, int(sessions * PEOPLE_PER_SESSION_POOL))
        organizations_pool = max(50, int(sessions * ORGANIZATIONS_PER_SESSION_POOL))
        self.person_zipf = Zipf(people_pool, people_pool * PEOPLE_OFFSET_SHARE, HEAD_START)
        self.organization_zipf = Zipf(
            organizations_pool, organizations_pool * ORGANIZATIONS_OFFSET_SHARE
        )
        self.person_by_rank = {}
        self.organization_by_rank = {}
        self.people = {}  # id -> (name, organization id or None)
        self.person_slugs = {}
        self.organizations = {}  # id -> (name, stakeholder group, regional group)
        self.media = {}  # outlet name -> organization id
        self.slugs = {Person: {}, Organization: {}}

    def unique_slug(self, model, name):
        base = slugify(name)[:100] or "unnamed"
        seen = self.slugs[model]
        count = seen.get(base, 0) + 1
        seen[base] = count
        return base if count == 1 else f"{base}-{count}"

    def add_organization(self, name, stakeholder, region, is_media_outlet=False):
        table = self.tables["organizations"]
        organization_id = table.add(
            name=name,
            slug=self.unique_slug(Organization, name),
            sort_name=sort_key(name),
            is_media_outlet=is_media_outlet,
        )
        aliases = self.tables["organization_aliases"]
        aliases.add(
            organization_id=organization_id,
            name=name,
            key=organization_key(name),
        )
        self.organizations[organization_id] = (name, stakeholder, region)
        return organization_id

    def organization(self):
        rank = self.organization_zipf.draw(self.rng)
        if rank not in self.organization_by_rank:
            self.organization_by_rank[rank] = self.new_organization()
        return self.organization_by_rank[rank]

    def new_organization(self):
        rng = self.rng
        country, _capital, region = rng.choice(COUNTRIES)
        kind = rng.random()
        if kind < 0.06:
            name = rng.choice(INTERGOVERNMENTAL)
            return self.add_organization(
                name, StakeholderGroup.INTERGOVERNMENTAL, RegionalGroup.INTERGOVERNMENTAL
            )
        if kind < 0.25:
            name = f"Ministry of {rng.choice(PORTFOLIOS)}, {country}"
            stakeholder = StakeholderGroup.GOVERNMENT
        elif kind < 0.45:
            brand = (rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).capitalize()
            name = f"{brand} {rng.choice(COMPANY_KINDS)}"
            stakeholder = StakeholderGroup.PRIVATE_SECTOR
        elif kind < 0.6:
            name = rng.choice(
                [f"{country} Network Information Centre", f"{country} Internet Society Chapter"]
            )
            stakeholder = StakeholderGroup.TECHNICAL_COMMUNITY
        elif kind < 0.75:
            name = f"University of {rng.choice(LAST_NAMES)}, {country}"
            stakeholder = StakeholderGroup.CIVIL_SOCIETY
        else:
            words = rng.sample(ORGANIZATION_WORDS, 2)
            name = f"{words[0]} {words[1]} {rng.choice(CIVIL_SOCIETY_KINDS)} {country}"
            stakeholder = StakeholderGroup.CIVIL_SOCIETY
        return self.add_organization(name, stakeholder, region)

    def media_outlet(self):
        name = self.rng.choice(MEDIA_OUTLETS)
        if name not in self.media:
            self.media[name] = self.add_organization(name, "", "", is_media_outlet=True)
        return self.media[name]

    def person(self):
        rank = self.person_zipf.draw(self.rng)
        if rank not in self.person_by_rank:
            self.person_by_rank[rank] = self.new_person()
        return self.person_by_rank[rank]

    def new_person(self):
        rng = self.rng
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if rng.random() < 0.1:
            name = name.replace(" ", f" {rng.choice('ABCDEFGHJKLMNOPRSTW')}. ", 1)
        organization_id = self.organization() if rng.random() < 0.85 else None
        table = self.tables["people"]
        slug = self.unique_slug(Person, name)
        person_id = table.add(name=name, slug=slug, sort_name=sort_key(name))
        self.person_slugs[person_id] = slug
        aliases = self.tables["person_aliases"]
        aliases.add(person_id=person_id, name=name, key=person_key(name))
        self.people[person_id] = (name, organization_id)
        return person_id

    def distinct_people(self, count):
        chosen = []
        while len(chosen) < count:
            person_id = self.person()
            if person_id not in chosen:
                chosen.append(person_id)
        return chosen
