"""A synthetic archive for benchmarks: `generate(sessions, seed)`, the same rows for the same two.

Shapes follow the real archive, scaled to the number of sessions asked for:

- meetings from 2006 to 2025: the annual IGF, the WSIS Forum (from 2009), five regional and
  twelve national IGFs (each from its first year), press conferences. A meeting gets sessions in
  proportion to its series' weight, growing with the year (the IGF of 2025 holds the most); a
  meeting that would get none is not created;
- every session type, by meeting kind; numbers within a meeting and type, with gaps;
- 5 to 15 people a session (in 1 to 3 roles: organizers, moderators, a rapporteur, speakers,
  presenters, the host and questioners of a press conference), drawn from a Zipf-Mandelbrot
  distribution so that a few people are in hundreds of sessions and most in one or two; the
  same for organizations (organizers, and each person's affiliation), with their stakeholder and
  regional groups;
- 0 to 4 SDG goals, and on some sessions 1 or 2 targets of a linked goal; 0 to 3 policy
  questions; 0 to 8 takeaways (key takeaways and calls to action; the DiploAI kinds on
  sessions with a machine-generated report);
- a transcript on TRANSCRIPT_SHARE of the sessions (and on every press conference), 40 to 360
  turns, with arguments and speech times; a report on REPORT_SHARE of the others;
- text of realistic length (descriptions of 4 to 16 sentences, reports of 2 to 8 paragraphs,
  turns of 1 to 5 sentences or a short "Thank you.") made of sentences drawn from a pool of
  SENTENCE_POOL, themselves drawn from a fixed word list with a Zipf distribution (a head of
  real words in rough frequency order, a tail of made-up words), so that some words are in
  almost every session and most are rare.

One session is clearly the largest (FLAGSHIP_*: the opening session of the last IGF, with 40
people, 2,000 transcript turns, 24 takeaways, 12 arguments), one person the busiest (the head
of the Zipf distribution has a head start). For the search benchmark, COMMON_WORD is in most
sessions (96% of 100,000) and RARE_WORD in exactly max(RARE_WORD_MIN_SESSIONS,
sessions // 1000) descriptions and nowhere else; no other word holds either of them.

Everything is written in one transaction (a failed run leaves nothing), a chunk of
CHUNK_SESSIONS sessions at a time, with explicit primary keys (related rows need no
read-back, and the same seed gives the same ids on any database): COPY on PostgreSQL,
executemany of one INSERT on SQLite, both several times faster than bulk_create (which on
SQLite sends at most 999 values a statement, and builds a model instance per row). The
search text of each session is built with its rows, as `sessions.search.search_document`
builds it; on PostgreSQL one UPDATE a chunk sets the vector. analyze() then gives the planner
its statistics. No history is recorded: the synthetic rows have no audit trail.
"""

import bisect
import datetime
import itertools
import json
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils.text import slugify

from sessions.backup import RECORD_MODELS
from sessions.derived import KEY_TAKEAWAYS
from sessions.models import (
    Argument,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    RegionalGroup,
    SdgTarget,
    Session,
    StakeholderGroup,
    Takeaway,
    TranscriptTurn,
)
from sessions.search import TEXT_FIELDS, search_vector
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias
from speakers.names import organization_key, person_key

# In most sessions (a description rarely lacks it): a search that matches nearly everything.
COMMON_WORD = "internet"
# In the descriptions of max(RARE_WORD_MIN_SESSIONS, sessions // 1000) sessions, nowhere else.
RARE_WORD = "zettabyte"
RARE_WORD_MIN_SESSIONS = 3

CHUNK_SESSIONS = 5000
# Connection settings while writing (see tuned_connection) and vacuuming, in KiB.
SQLITE_CACHE_KIB = 1024 * 1024
GIN_PENDING_LIST_KIB = 2 * 1024 * 1024 - 1  # the largest; 100,000 sessions fill ~1.5 GiB
GIN_CLEANUP_MEMORY_KIB = 1024 * 1024
VACUUM_MEMORY_KIB = 1024 * 1024
TRANSCRIPT_SHARE = 0.1
REPORT_SHARE = 0.3
PEOPLE_PER_SESSION = (5, 15)
TURNS_PER_TRANSCRIPT = (40, 360)
MAX_TAKEAWAYS = 8
MAX_GOALS = 4

# The largest session: the opening of the last IGF.
FLAGSHIP_TITLE = "Opening Ceremony and High-Level Leaders Session"
FLAGSHIP_PEOPLE = 40
FLAGSHIP_TURNS = 2000
FLAGSHIP_TAKEAWAYS = 24
FLAGSHIP_ARGUMENTS = 12

# People and organizations: pool sizes and the Zipf-Mandelbrot offset, as shares of the
# number of sessions and of the pool. 100,000 sessions draw from 100,000 people (94,465 are
# drawn at least once) and 20,000 organizations; the busiest person is in 856 sessions.
PEOPLE_PER_SESSION_POOL = 1.0
ORGANIZATIONS_PER_SESSION_POOL = 0.2
PEOPLE_OFFSET_SHARE = 0.003
ORGANIZATIONS_OFFSET_SHARE = 0.002
# The first person's weight is multiplied by this, so that the busiest person is clear.
HEAD_START = 1.5

YEARS = range(2006, 2026)
GROWTH_PER_YEAR = 0.15
SENTENCE_POOL = 30_000
TAIL_WORDS = 20_000

# ---------------------------------------------------------------------------------------------
# Fixed vocabularies (they do not depend on the seed).


def words(text):
    return text.split()


HEAD_WORDS = words(
    """
the of and to in a for is on that with as internet by be are this it digital from at or
governance an data we can will policy have not access more online their which also how all
has stakeholders they its development these security should new need rights but our
technology been cooperation global countries was there national such regional people who
community infrastructure other connectivity between inclusion human through protection into
privacy many platforms must artificial intelligence about cybersecurity while sustainable
framework across innovation both public private most sector society civil well government
international so capacity building education youth women gender economy trade regulation
standards multistakeholder openness trust content freedom expression information knowledge
skills networks services users children safety environment climate energy health research
evidence principles accountability transparency participation dialogue local languages
diversity accessibility disabilities broadband mobile spectrum satellite cloud computing
algorithms systems models risks harms misinformation disinformation elections democracy
journalism media encryption identity authentication domain names addresses protocol routing
resilience interoperability fragmentation sovereignty jurisdiction law enforcement courts
treaty norms diplomacy conflict peace crime fraud abuse exploitation labour jobs workers
entrepreneurs startups investment finance payments taxation competition markets consumers
business industry companies universities academia experts researchers engineers developers
communities rural urban cities villages schools teachers students libraries culture heritage
ensure support promote address discuss share develop strengthen improve protect enable create
build provide include identify explore highlight consider recognize encourage implement
measure monitor coordinate engage empower bridge reduce increase expand design deploy adopt
respect open inclusive secure safe free fair meaningful affordable responsible ethical
effective emerging critical key important significant diverse practical technical legal
social economic political cultural environmental collective shared common future current
recent long clear strong better different specific potential existing available relevant
approach approaches challenge challenges opportunity opportunities issue issues question
questions discussion session panel speakers participants experience experiences example
examples practice practices lesson lessons recommendation recommendations outcome outcomes
role roles responsibility responsibilities level levels process processes mechanism
mechanisms tool tools solution solutions strategy strategies plan plans program programs
initiative initiatives project projects partnership partnerships collaboration coordination
agenda goals targets progress impact impacts benefits costs resources funding support gaps
divide divides barriers needs demand supply quality speed coverage devices phones computers
applications software hardware code source licences patents copyright intellectual property
cross border flows localization storage transfer processing collection consent surveillance
tracking profiling advertising recommendation ranking moderation removal takedown appeal
oversight audit assessment evaluation review reporting indicators statistics metrics survey
study analysis findings results conclusions report summary notes year years time today
decade generation world region country continent south north africa asia europe americas
pacific island small developing least developed landlocked states nations organizations
institutions agencies bodies councils committees forums networks coalitions alliances
"""
)

SYLLABLES = words(
    """
ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne
ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za zo ran
tel mor vin dar kel sor lim pan ter dos
"""
)

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

TOPICS = [
    "Data Governance",
    "Artificial Intelligence",
    "Cybersecurity",
    "Digital Inclusion",
    "Meaningful Connectivity",
    "Child Online Safety",
    "Content Moderation",
    "Digital Public Infrastructure",
    "Internet Fragmentation",
    "Human Rights Online",
    "Gender and Digital Rights",
    "Community Networks",
    "Cross-border Data Flows",
    "Misinformation",
    "Digital Trade",
    "Green Digital Transformation",
    "Privacy and Encryption",
    "Open Source",
    "Platform Accountability",
    "Emerging Technologies",
    "Digital Literacy",
    "Youth Engagement",
    "Cloud Computing",
    "The Domain Name System",
    "IPv6 Deployment",
    "Internet Resilience",
    "Digital Identity",
    "Accessibility",
    "Local Content",
    "A Multilingual Internet",
    "Spectrum Policy",
    "Satellite Broadband",
    "E-government",
    "Cybercrime",
    "Election Integrity",
    "Digital Health",
    "Smart Cities",
    "Digital Skills",
    "Online Education",
    "Quantum Computing",
    "The Internet of Things",
    "Data Protection",
    "Algorithmic Transparency",
    "Digital Sovereignty",
    "Net Neutrality",
    "Universal Acceptance",
    "Digital Commons",
    "Sustainable Development",
    "The Environmental Impact of ICTs",
    "The Digital Divide",
]
TITLE_PHRASES = [
    "Challenges and Opportunities",
    "Lessons from the Global South",
    "Building Trust",
    "Towards a Shared Agenda",
    "What Comes Next?",
    "Bridging the Gap",
    "A Multistakeholder Approach",
    "From Principles to Practice",
    "Voices from the Regions",
    "Rights, Risks and Remedies",
]
REGIONS = ["Africa", "Asia and the Pacific", "Latin America", "Europe", "Small Island States"]
THEMES = [
    "Universal Access and Meaningful Connectivity",
    "Trust, Security and Stability",
    "Data Governance",
    "Inclusion",
    "Environment",
    "Economic and Social Inclusion and Human Rights",
    "Emerging and Future Technologies",
    "Addressing Advanced Technologies, including AI",
]
FORMATS = [
    "Panel",
    "Roundtable",
    "Round Table - Circle",
    "Birds of a Feather",
    "Debate",
    "Break-out Group Discussions",
    "Other - Hybrid",
]
ROLE_TEXTS = [
    "Director",
    "Professor",
    "Senior Policy Advisor",
    "Chief Executive Officer",
    "Researcher",
    "Minister",
    "Head of Unit",
    "Programme Officer",
]
SHORT_TURNS = ["Thank you.", "Thank you very much.", "Yes.", "Please go ahead.", "Next, please."]
DISCLAIMER = (
    "This is not an official session record. DiploAI generates these resources from "
    "audiovisual recordings, and they are presented as-is."
)

# SDG goals from the most to the least discussed at internet-governance events.
GOAL_POPULARITY = [9, 16, 17, 4, 5, 10, 8, 3, 11, 1, 13, 12, 7, 6, 2, 15, 14]
GOAL_COUNT_WEIGHTS = [30, 20, 20, 15, 15]  # 0, 1, 2, 3, 4 goals

# Meeting series: (slug stem, name stem, kind, first year, weight, place). A weight is
# sessions relative to the other series; the place is (city, country), "igf" for IGF_PLACES,
# or None for a capital drawn each year.
IGF_PLACES = {
    2006: ("Athens", "Greece"),
    2007: ("Rio de Janeiro", "Brazil"),
    2008: ("Hyderabad", "India"),
    2009: ("Sharm El Sheikh", "Egypt"),
    2010: ("Vilnius", "Lithuania"),
    2011: ("Nairobi", "Kenya"),
    2012: ("Baku", "Azerbaijan"),
    2013: ("Bali", "Indonesia"),
    2014: ("Istanbul", "Türkiye"),
    2015: ("João Pessoa", "Brazil"),
    2016: ("Guadalajara", "Mexico"),
    2017: ("Geneva", "Switzerland"),
    2018: ("Paris", "France"),
    2019: ("Berlin", "Germany"),
    2020: ("", ""),
    2021: ("Katowice", "Poland"),
    2022: ("Addis Ababa", "Ethiopia"),
    2023: ("Kyoto", "Japan"),
    2024: ("Riyadh", "Saudi Arabia"),
    2025: ("Lillestrøm", "Norway"),
}
SERIES = [
    ("igf", "IGF", Meeting.Kind.IGF, 2006, 10.0, "igf"),
    ("wsis", "WSIS Forum", Meeting.Kind.WSIS, 2009, 5.0, ("Geneva", "Switzerland")),
    ("eurodig", "EuroDIG", Meeting.Kind.OTHER, 2008, 1.5, None),
    ("aprigf", "Asia Pacific Regional IGF", Meeting.Kind.IGF, 2010, 1.5, None),
    ("afigf", "African IGF", Meeting.Kind.IGF, 2012, 1.5, None),
    ("lacigf", "LACIGF", Meeting.Kind.IGF, 2008, 1.5, None),
    ("arab-igf", "Arab IGF", Meeting.Kind.IGF, 2012, 1.0, None),
    ("igf-usa", "IGF-USA", Meeting.Kind.IGF, 2011, 0.6, ("Washington", "United States")),
    ("uk-igf", "UK IGF", Meeting.Kind.IGF, 2011, 0.5, ("London", "United Kingdom")),
    ("igf-de", "IGF Deutschland", Meeting.Kind.IGF, 2017, 0.5, ("Berlin", "Germany")),
    ("nigf", "Nigeria IGF", Meeting.Kind.IGF, 2012, 0.5, ("Abuja", "Nigeria")),
    ("kigf", "Kenya IGF", Meeting.Kind.IGF, 2011, 0.5, ("Nairobi", "Kenya")),
    ("fib", "Forum da Internet no Brasil", Meeting.Kind.IGF, 2011, 0.6, ("São Paulo", "Brazil")),
    ("jigf", "Japan IGF", Meeting.Kind.IGF, 2015, 0.4, ("Tokyo", "Japan")),
    ("iigf", "India IGF", Meeting.Kind.IGF, 2021, 0.6, ("New Delhi", "India")),
    ("cigf", "Canadian IGF", Meeting.Kind.IGF, 2018, 0.3, ("Ottawa", "Canada")),
    ("pigf", "Polish IGF", Meeting.Kind.IGF, 2016, 0.3, ("Warsaw", "Poland")),
    ("igf-ua", "IGF Ukraine", Meeting.Kind.IGF, 2013, 0.3, ("Kyiv", "Ukraine")),
    ("igf-mx", "IGF Mexico", Meeting.Kind.IGF, 2014, 0.3, ("Mexico City", "Mexico")),
    ("scio", "SCIO press conference", Meeting.Kind.PRESS, 2016, 0.03, ("Beijing", "China")),
    ("igf-press", "IGF press briefing", Meeting.Kind.PRESS, 2013, 0.03, None),
]
# Session types and their weights, by meeting kind.
Type = Session.Type
TYPE_WEIGHTS = {
    # The annual IGF (series "igf"), the WSIS Forum, press conferences and the smaller meetings.
    "igf": {
        Type.WORKSHOP: 40,
        Type.OPEN_FORUM: 14,
        Type.TOWN_HALL: 4,
        Type.MAIN_SESSION: 3,
        Type.HIGH_LEVEL: 2,
        Type.LIGHTNING_TALK: 10,
        Type.NETWORKING: 7,
        Type.DYNAMIC_COALITION: 8,
        Type.LAUNCH_AWARD: 4,
        Type.OTHER: 8,
    },
    Meeting.Kind.WSIS: {
        Type.WORKSHOP: 35,
        Type.HIGH_LEVEL: 30,
        Type.OTHER: 20,
        Type.LAUNCH_AWARD: 10,
    },
    "small": {
        Type.WORKSHOP: 45,
        Type.MAIN_SESSION: 20,
        Type.OTHER: 20,
        Type.TOWN_HALL: 10,
        Type.HIGH_LEVEL: 5,
    },
    Meeting.Kind.PRESS: {Type.PRESS_CONFERENCE: 1},
}
UNNUMBERED_TYPES = {Type.MAIN_SESSION, Type.HIGH_LEVEL, Type.OTHER, Type.PRESS_CONFERENCE}
TYPE_LABELS = dict(Session.Type.choices)
IGF_TAKEAWAY_KINDS = [Takeaway.Kind.KEY_TAKEAWAY, Takeaway.Kind.CALL_TO_ACTION]
ANALYSIS_KINDS = [
    Takeaway.Kind.KEY_DISCUSSION_POINT,
    Takeaway.Kind.AGREEMENT,
    Takeaway.Kind.DISAGREEMENT,
    Takeaway.Kind.ACTION_ITEM,
    Takeaway.Kind.UNRESOLVED_ISSUE,
    Takeaway.Kind.SUGGESTED_COMPROMISE,
    Takeaway.Kind.THOUGHT_PROVOKING_COMMENT,
    Takeaway.Kind.FOLLOW_UP_QUESTION,
]


def tail_words():
    """TAIL_WORDS made-up words of two or three syllables, in a fixed order."""
    head = set(HEAD_WORDS)
    order = random.Random(0)
    candidates = [a + b for a in SYLLABLES for b in SYLLABLES]
    candidates += [a + b + c for a in SYLLABLES for b in SYLLABLES[::3] for c in SYLLABLES]
    order.shuffle(candidates)
    words = []
    for word in dict.fromkeys(candidates):
        # The search words must mean one thing: no other word may hold them.
        if word not in head and COMMON_WORD not in word and RARE_WORD not in word:
            words.append(word)
        if len(words) == TAIL_WORDS:
            return words
    raise AssertionError("not enough syllables for the word list")


VOCABULARY = HEAD_WORDS + tail_words()


class Zipf:
    """Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1 + offset)."""

    def __init__(self, n, offset=0.0, head_start=1.0):
        weights = [1.0 / (rank + 1 + offset) for rank in range(n)]
        weights[0] *= head_start
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]
        self.size = n

    def draw(self, rng):
        return bisect.bisect(self.cumulative, rng.random() * self.total, 0, self.size - 1)


# ---------------------------------------------------------------------------------------------
# Rows and how they are written.


class Table:
    """The rows of one table waiting to be written, with explicit ids where the table has one.

    A row is given as keyword arguments named after the model's fields (attnames, such as
    meeting_id); a field left out takes its default. Values must be ready for the database:
    JSON as text, times and timestamps through connection.ops.
    """

    def __init__(self, model, with_ids=True):
        self.model = model
        fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
        self.names = [f.attname for f in fields]
        self.columns = [f.column for f in fields]
        self.defaults = {f.attname: database_default(f) for f in fields}
        self.key = model._meta.pk.attname if with_ids else None
        self.rows = []
        self.taken = 0
        self.last_id = 0

    def next_id(self):
        self.last_id += 1
        return self.last_id

    def add(self, **values):
        """Queue a row; its id, the next one unless given, is returned."""
        if self.key and self.key not in values:
            values[self.key] = self.next_id()
        self.rows.append(tuple(map({**self.defaults, **values}.__getitem__, self.names)))
        return values.get(self.key)

    def take(self):
        rows, self.rows = self.rows, []
        self.taken += len(rows)
        return rows


def database_default(model_field):
    if isinstance(model_field, models.JSONField):
        return json.dumps(model_field.get_default())
    return model_field.get_default()


def insert(table, rows):
    """Write rows of a Table: COPY on PostgreSQL, one INSERT run for every row elsewhere."""
    if not rows:
        return
    name = connection.ops.quote_name(table.model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in table.columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(f"INSERT INTO {name} ({columns}) VALUES ({placeholders})", rows)


@dataclass
class Chunk:
    """The rows of a run of sessions and of what they brought in (people, organizations)."""

    rows: dict  # table key -> rows
    sessions_so_far: int


def write(chunk, tables):
    """Write a chunk's rows; on PostgreSQL, set the search vector of its sessions as soon as
    they are in (with one UPDATE, the expression of sessions.search.search_vector)."""
    for key, rows in chunk.rows.items():
        insert(tables[key], rows)
        if key == "sessions" and rows and connection.vendor == "postgresql":
            first_id, last_id = rows[0][0], rows[-1][0]  # the id is a row's first value
            Session.objects.filter(pk__range=(first_id, last_id)).update(
                search_vector=search_vector()
            )


@contextmanager
def tuned_connection():
    """Settings of this connection while the rows go in, put back afterwards.

    SQLite: a page cache of SQLITE_CACHE_KIB instead of 2 MiB, or the indexes of a large
    archive are read back from the file again and again. PostgreSQL, for this transaction: a
    GIN pending list of GIN_PENDING_LIST_KIB, so that the new search vectors wait there instead
    of being merged into the large index every 4 MiB (2 to 3 times slower), and memory for the
    merge if the list fills up all the same; the VACUUM of analyze() merges them in one pass.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL gin_pending_list_limit = {GIN_PENDING_LIST_KIB}")
            cursor.execute(f"SET LOCAL work_mem = {GIN_CLEANUP_MEMORY_KIB}")
        yield
        return
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


# ---------------------------------------------------------------------------------------------
# The generator.


class SyntheticRefused(Exception):
    pass


@dataclass
class Summary:
    sessions: int
    seed: int
    counts: dict = field(default_factory=dict)
    largest_session: str = ""  # meeting slug/session slug
    largest_session_rows: dict = field(default_factory=dict)
    busiest_person: str = ""  # slug
    busiest_person_sessions: int = 0
    rare_word_sessions: int = 0
    seconds: float = 0.0


def generate(sessions, seed, chunk_size=CHUNK_SESSIONS, progress=None):
    """Write a synthetic archive of `sessions` sessions into the empty archive, in one
    transaction: all of it or nothing. The same `sessions` and `seed` give the same rows
    (`chunk_size` only says how many sessions are written at a time). `progress`, if given,
    is called with a line of text after each chunk. Returns a Summary.
    """
    if sessions < 1:
        raise SyntheticRefused("the number of sessions must be at least 1")
    started = time.perf_counter()
    with transaction.atomic(), tuned_connection():
        for label in RECORD_MODELS:
            model = apps.get_model(label)
            if model.objects.exists():
                raise SyntheticRefused(
                    f"the archive is not empty (it has {label} rows): "
                    "generate into a new, migrated database"
                )
        goal_targets = {}
        for code, goal in SdgTarget.objects.order_by("goal_id", "position").values_list(
            "code", "goal_id"
        ):
            goal_targets.setdefault(goal, []).append(code)
        generator = Generator(sessions, seed, chunk_size, goal_targets, connection.ops)
        for chunk in generator.chunks():
            write(chunk, generator.tables)
            if progress and chunk.rows["sessions"]:
                seconds = time.perf_counter() - started
                progress(f"{chunk.sessions_so_far:,} of {sessions:,} sessions ({seconds:.0f} s)")
        with connection.cursor() as cursor:
            tables = [table.model for table in generator.tables.values()]
            for statement in connection.ops.sequence_reset_sql(no_style(), tables):
                cursor.execute(statement)
    summary = generator.summary()
    summary.seconds = time.perf_counter() - started
    return summary


def analyze():
    """Give the planner statistics of the new rows: VACUUM ANALYZE on PostgreSQL (which also
    merges the GIN pending list, with VACUUM_MEMORY_KIB of memory), ANALYZE on SQLite. Inside
    a transaction (a test's) PostgreSQL cannot VACUUM: ANALYZE alone then."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            cursor.execute("ANALYZE")
            return
        cursor.execute(f"SET maintenance_work_mem = {VACUUM_MEMORY_KIB}")
        try:
            cursor.execute("VACUUM ANALYZE")
        finally:
            cursor.execute("RESET maintenance_work_mem")


class Generator:
    """Makes the rows, chunk by chunk, from one random stream. It reads nothing from the
    database: what it needs (the SDG targets, the value adapters `ops`) is handed to it."""

    def __init__(self, sessions, seed, chunk_size, goal_targets, ops):
        self.total = sessions
        self.seed = seed
        self.rng = random.Random(seed)
        self.chunk_size = chunk_size
        self.goal_targets = goal_targets
        self.ops = ops
        self.goal_zipf = Zipf(len(GOAL_POPULARITY), offset=2.0)
        self.word_zipf = Zipf(len(VOCABULARY), offset=2.7)
        self.sentences = [self.make_sentence() for _ in range(SENTENCE_POOL)]

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
        self.sessions_of_person = {}
        self.flagship = None
        self.rare_count = 0

        self.tables = {
            "organizations": Table(Organization),
            "organization_aliases": Table(OrganizationAlias),
            "people": Table(Person),
            "person_aliases": Table(PersonAlias),
            "meetings": Table(Meeting),
            "sessions": Table(Session),
            "goals": Table(Session.sdg_goals.through, with_ids=False),
            "targets": Table(Session.sdg_targets.through, with_ids=False),
            "policy_questions": Table(PolicyQuestion),
            "organizers": Table(Organizer),
            "participations": Table(Participation),
            "takeaways": Table(Takeaway),
            "arguments": Table(Argument),
            "agreed": Table(Argument.agreed_with.through, with_ids=False),
            "disagreed": Table(Argument.disagreed_with.through, with_ids=False),
            "turns": Table(TranscriptTurn),
        }

    # -- text ---------------------------------------------------------------------------------

    def make_sentence(self):
        rng, vocabulary, zipf = self.rng, VOCABULARY, self.word_zipf
        words = [vocabulary[zipf.draw(rng)] for _ in range(rng.randint(6, 24))]
        if len(words) > 10 and rng.random() < 0.3:
            words[rng.randint(3, len(words) - 4)] += ","
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def sentences_text(self, low, high):
        return " ".join(self.rng.choices(self.sentences, k=self.rng.randint(low, high)))

    def paragraphs(self, low, high):
        return "\n\n".join(self.sentences_text(3, 7) for _ in range(self.rng.randint(low, high)))

    def question(self):
        sentence = self.rng.choice(self.sentences)
        return "How can " + sentence[0].lower() + sentence[1:-1] + "?"

    def title(self, session_type):
        rng = self.rng
        topic = rng.choice(TOPICS)
        if session_type == Type.PRESS_CONFERENCE:
            return f"Press conference on {topic}"
        if session_type == Type.MAIN_SESSION:
            return f"Main Session on {topic}"
        if session_type == Type.HIGH_LEVEL:
            return f"High-Level Session: {topic} and {rng.choice(TOPICS)}"
        template = rng.randrange(6)
        if template == 0:
            return f"{topic}: {rng.choice(TITLE_PHRASES)}"
        if template == 1:
            return f"{topic} and {rng.choice(TOPICS)}"
        if template == 2:
            return f"{topic} in {rng.choice(REGIONS)}"
        if template == 3:
            return f"The Future of {topic}"
        if template == 4:
            return f"{topic} for Sustainable Development"
        return f"Rethinking {topic}: {rng.choice(TITLE_PHRASES)}"

    # -- people and organizations -----------------------------------------------------------------

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
        person_id = table.add(name=name, slug=slug)
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

    # -- meetings ---------------------------------------------------------------------------

    def plan_meetings(self):
        """Each meeting with its number of sessions: shares of the total by weight (largest
        remainders), the meetings with none left out. Returns [(series stem, row values,
        number of sessions)]."""
        rng = self.rng
        planned = []
        for stem, name, kind, first_year, weight, place in SERIES:
            for year in range(max(first_year, YEARS.start), YEARS.stop):
                if place == "igf":
                    city, country = IGF_PLACES[year]
                elif place is None:
                    country, city, _region = rng.choice(COUNTRIES)
                else:
                    city, country = place
                days = 5 if weight >= 5 else (1 if kind == Meeting.Kind.PRESS else 3)
                start = datetime.date(year, rng.randint(1, 12), rng.randint(1, 24))
                values = {
                    "slug": f"{stem}-{year}",
                    "name": f"{name} {year}",
                    "kind": kind,
                    "year": year,
                    "city": city,
                    "country": country,
                    "venue": f"{city} Conference Centre" if city else "",
                    "start_date": start,
                    "end_date": start + datetime.timedelta(days=days - 1),
                }
                growth = 1 + GROWTH_PER_YEAR * (year - YEARS.start)
                planned.append((stem, values, weight * growth))
        total_weight = sum(weight for _stem, _values, weight in planned)
        shares = [self.total * weight / total_weight for _stem, _values, weight in planned]
        counts = [int(share) for share in shares]
        by_remainder = sorted(
            range(len(planned)), key=lambda index: (counts[index] - shares[index], index)
        )
        for index in by_remainder[: self.total - sum(counts)]:
            counts[index] += 1
        return [
            (stem, values, count)
            for (stem, values, _weight), count in zip(planned, counts, strict=True)
            if count
        ]

    # -- sessions ---------------------------------------------------------------------------

    def chunks(self):
        """Chunk after chunk of rows, the last one when every session is made."""
        rng = self.rng
        plan = self.plan_meetings()
        self.rare_count = min(self.total, max(RARE_WORD_MIN_SESSIONS, self.total // 1000))
        rare_sessions = set(rng.sample(range(self.total), self.rare_count))
        # The annual IGF of the last year has the largest weight: it always has sessions.
        flagship_meeting = max(
            (values["year"], values["slug"]) for stem, values, _count in plan if stem == "igf"
        )[1]
        meetings = self.tables["meetings"]
        index = 0
        for stem, values, count in plan:
            meeting_id = meetings.add(**values)
            type_weights = TYPE_WEIGHTS.get(stem) or TYPE_WEIGHTS.get(values["kind"])
            type_weights = type_weights or TYPE_WEIGHTS["small"]
            types, weights = list(type_weights), list(type_weights.values())
            numbers = {}
            for position in range(count):
                is_flagship = position == 0 and values["slug"] == flagship_meeting
                session_type = Type.MAIN_SESSION if is_flagship else rng.choices(types, weights)[0]
                session = self.session(
                    meeting_id,
                    values,
                    session_type,
                    self.number(session_type, numbers),
                    position,
                    is_flagship,
                    index in rare_sessions,
                )
                if is_flagship:
                    self.flagship = session
                index += 1
                if index % self.chunk_size == 0:
                    yield self.take(index)
        yield self.take(index)

    def number(self, session_type, numbers):
        """The number of a session within its meeting and type (None for unnumbered types):
        increasing, with gaps, as numbers of withdrawn proposals leave them."""
        if session_type in UNNUMBERED_TYPES:
            return None
        number = numbers.get(session_type, 0) + 1
        if self.rng.random() < 0.2:
            number += self.rng.randint(1, 5)
        numbers[session_type] = number
        return number

    def session(
        self, meeting_id, meeting, session_type, number, position, is_flagship, has_rare_word
    ):
        rng = self.rng
        tables = self.tables
        session_id = tables["sessions"].next_id()
        title = FLAGSHIP_TITLE if is_flagship else self.title(session_type)
        if number is None:
            slug = self.title_slug(meeting_id, title)
        else:
            slug = slugify(f"{TYPE_LABELS[session_type]} {number}")

        start, end = meeting["start_date"], meeting["end_date"]
        if rng.random() < 0.03:
            date = start_time = end_time = None
        else:
            date = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
            start_time = datetime.time(rng.randint(8, 17), rng.choice([0, 15, 30, 45]))
        duration = rng.choice([30, 60, 60, 75, 90, 90])
        if date is not None:
            finish = datetime.datetime.combine(date, start_time) + datetime.timedelta(
                minutes=duration
            )
            end_time = finish.time()
        is_press = session_type == Type.PRESS_CONFERENCE
        has_transcript = is_flagship or is_press or rng.random() < TRANSCRIPT_SHARE
        has_report = has_transcript or rng.random() < REPORT_SHARE

        description = self.sentences_text(4, 16)
        if has_rare_word:
            words = rng.choice(self.sentences).split()
            words.insert(rng.randint(1, len(words) - 1), RARE_WORD)
            description += " " + " ".join(words)
        text = {name: "" for name in TEXT_FIELDS}
        text["description"] = description
        text["format"] = rng.choice(FORMATS)
        text["theme"] = rng.choice(THEMES) if meeting["year"] >= 2015 else ""
        if rng.random() < 0.5:
            text["background"] = self.paragraphs(1, 2)
        if rng.random() < 0.4:
            text["participant_gains"] = self.sentences_text(1, 4)
            text["expected_outcomes"] = self.sentences_text(1, 4)
        if rng.random() < 0.2:
            text["online_participation"] = self.sentences_text(1, 3)
            text["agenda"] = self.sentences_text(2, 6)
        sub_themes = rng.sample(TOPICS, rng.randint(1, 3)) if text["theme"] else []

        goals = self.goals(is_flagship)
        targets = self.targets(goals, is_flagship)
        if goals and rng.random() < 0.5:
            text["sdg_rationale"] = self.sentences_text(1, 3)
        if has_report:
            text["report"] = self.paragraphs(2, 8)
            text["summary"] = self.sentences_text(2, 4)
        if has_transcript:
            text["overall_purpose"] = self.sentences_text(1, 2)
            text["overall_tone"] = self.sentences_text(1, 2)

        question_count = 8 if is_flagship else rng.choice([0, 0, 1, 2, 3])
        questions = [self.question() for _ in range(question_count)]
        organizers = self.organizers(is_flagship)
        people = self.roles(session_type, meeting["year"], is_flagship)
        turns = self.transcript(people, is_press, is_flagship) if has_transcript else []
        takeaways = self.takeaways(has_transcript, has_report, people, is_flagship)
        arguments = self.arguments(people, is_flagship) if has_transcript else []

        created = datetime.datetime.combine(
            end + datetime.timedelta(days=14), datetime.time(9), tzinfo=datetime.UTC
        ) + datetime.timedelta(seconds=position)
        created = self.ops.adapt_datetimefield_value(created)
        label = f"{TYPE_LABELS[session_type]} #{number}" if number is not None else ""
        document = search_document(
            label,
            text,
            sub_themes,
            questions,
            organizers,
            people,
            takeaways,
            arguments,
            turns,
            self.people,
            self.organizations,
        )
        tables["sessions"].add(
            id=session_id,
            meeting_id=meeting_id,
            session_type=session_type,
            number=number,
            title=title,
            slug=slug,
            date=date,
            start_time=self.ops.adapt_timefield_value(start_time),
            end_time=self.ops.adapt_timefield_value(end_time),
            time_zone="UTC" if date else "",
            room=f"Room {rng.randint(1, 12)}" if date else "",
            duration_minutes=duration,
            sub_themes=json.dumps(sub_themes),
            **text,
            publisher=(
                "Digital Watch Observatory"
                if has_transcript
                else "IGF Secretariat"
                if has_report
                else ""
            ),
            published_on=end + datetime.timedelta(days=7) if has_report else None,
            is_machine_generated=has_transcript,
            disclaimer=DISCLAIMER if has_transcript else "",
            search_document=document,
            year=meeting["year"],
            has_takeaways=any(kind in KEY_TAKEAWAYS for kind, *_rest in takeaways),
            has_transcript=bool(turns),
            created_at=created,
            updated_at=created,
        )
        for goal in goals:
            tables["goals"].add(session_id=session_id, sdggoal_id=goal)
        for code in targets:
            tables["targets"].add(session_id=session_id, sdgtarget_id=code)
        for number_in_session, text_of_question in enumerate(questions, 1):
            table = tables["policy_questions"]
            table.add(
                session_id=session_id,
                position=number_in_session,
                text=text_of_question,
            )
        for number_in_session, (organization_id, role) in enumerate(organizers, 1):
            table = tables["organizers"]
            table.add(
                session_id=session_id,
                organization_id=organization_id,
                role=role,
                position=number_in_session,
                published_name=self.organizations[organization_id][0],
            )
        self.write_people(session_id, people, turns, is_press)
        for number_in_session, (kind, text_of_takeaway, speaker, details) in enumerate(
            takeaways, 1
        ):
            table = tables["takeaways"]
            table.add(
                session_id=session_id,
                kind=kind,
                position=number_in_session,
                text=text_of_takeaway,
                speaker=speaker,
                details=json.dumps(details),
            )
        for number_in_session, argument in enumerate(arguments, 1):
            table = tables["arguments"]
            argument_id = table.add(
                session_id=session_id,
                person_id=argument["person"],
                position=number_in_session,
                claim=argument["claim"],
                explanation=argument["explanation"],
                evidence=argument["evidence"],
                major_discussion_point=argument["point"],
                topics=json.dumps(argument["topics"]),
                agreed_on=argument["agreed_on"],
                disagreed_on=argument["disagreed_on"],
            )
            for person_id in argument["agreed"]:
                tables["agreed"].add(argument_id=argument_id, person_id=person_id)
            for person_id in argument["disagreed"]:
                tables["disagreed"].add(argument_id=argument_id, person_id=person_id)
        for number_in_session, (speaker_label, person_id, organization_id, utterance) in enumerate(
            turns, 1
        ):
            table = tables["turns"]
            table.add(
                session_id=session_id,
                position=number_in_session,
                speaker_label=speaker_label,
                person_id=person_id,
                organization_id=organization_id,
                text=utterance,
            )
        for person_id in dict.fromkeys(person_id for person_id, *_rest in people):
            self.sessions_of_person[person_id] = self.sessions_of_person.get(person_id, 0) + 1
        return {
            "id": session_id,
            "path": f"{meeting['slug']}/{slug}",
            "participations": len(people),
            "transcript turns": len(turns),
            "takeaways": len(takeaways),
        }

    def title_slug(self, meeting_id, title):
        seen = self.slugs.setdefault(("session", meeting_id), {})
        base = slugify(title)[:100] or "session"
        count = seen.get(base, 0) + 1
        seen[base] = count
        return base if count == 1 else f"{base}-{count}"

    def goals(self, is_flagship):
        rng = self.rng
        if is_flagship:
            count = MAX_GOALS
        else:
            count = rng.choices(range(MAX_GOALS + 1), GOAL_COUNT_WEIGHTS)[0]
        goals = []
        while len(goals) < count:
            goal = GOAL_POPULARITY[self.goal_zipf.draw(rng)]
            if goal not in goals:
                goals.append(goal)
        return goals

    def targets(self, goals, is_flagship):
        rng = self.rng
        if not goals or not (is_flagship or rng.random() < 0.4):
            return []
        targets = []
        for goal in goals:
            candidates = self.goal_targets[goal]
            targets += rng.sample(candidates, min(len(candidates), rng.randint(0, 2)))
        return targets

    def organizers(self, is_flagship):
        rng = self.rng
        count = 6 if is_flagship else rng.choice([1, 1, 2, 2, 3])
        chosen = []
        while len(chosen) < count:
            organization_id = self.organization()
            if organization_id not in chosen:
                chosen.append(organization_id)
        host = rng.random() < 0.15
        return [
            (
                organization_id,
                Organizer.Role.HOST if host and place == 0 else Organizer.Role.ORGANIZER,
            )
            for place, organization_id in enumerate(chosen)
        ]

    def roles(self, session_type, year, is_flagship):
        """[(person id, role)] of a session: its people in order, a few in two roles."""
        rng = self.rng
        Role = Participation.Role
        count = FLAGSHIP_PEOPLE if is_flagship else rng.randint(*PEOPLE_PER_SESSION)
        chosen = self.distinct_people(count)
        if session_type == Type.PRESS_CONFERENCE:
            roles = [Role.HOST] + [Role.SPEAKER] * (count - 3) + [Role.QUESTIONER, Role.QUESTIONER]
        else:
            organizers = rng.randint(1, 2)
            roles = [Role.ORGANIZER] * organizers
            if year >= 2020:
                roles += [Role.ONSITE_MODERATOR, Role.ONLINE_MODERATOR]
            else:
                roles += [Role.MODERATOR]
            if rng.random() < 0.6:
                roles.append(Role.RAPPORTEUR)
            speaking = Role.PRESENTER if session_type == Type.LIGHTNING_TALK else Role.SPEAKER
            roles += [speaking] * (count - len(roles))
            if is_flagship:
                roles[-3:] = [Role.QUESTIONER, Role.HOST, Role.PRESENTER]
        people = list(zip(chosen, roles, strict=True))
        if rng.random() < 0.15 and roles[0] == Role.ORGANIZER:
            people.append((chosen[0], Role.SPEAKER))
        return people

    def transcript(self, people, is_press, is_flagship):
        """[(speaker label, person id, organization id, text)] of a transcript."""
        rng = self.rng
        count = FLAGSHIP_TURNS if is_flagship else rng.randint(*TURNS_PER_TRANSCRIPT)
        speakers = list(dict.fromkeys(person_id for person_id, _role in people))
        chair = speakers[0] if is_press else speakers[min(2, len(speakers) - 1)]
        turns = []
        for _ in range(count):
            draw = rng.random()
            if is_press and draw < 0.15:
                organization_id = self.media_outlet()
                turns.append(
                    (self.organizations[organization_id][0], None, organization_id, self.question())
                )
                continue
            if draw < 0.05:
                turns.append(("Audience", None, None, self.sentences_text(1, 3)))
                continue
            person_id = chair if draw < 0.35 else rng.choice(speakers)
            short = rng.random() < 0.3
            utterance = rng.choice(SHORT_TURNS) if short else self.sentences_text(1, 5)
            turns.append((self.people[person_id][0], person_id, None, utterance))
        return turns

    def takeaways(self, has_transcript, has_report, people, is_flagship):
        """[(kind, text, speaker, details)], at most MAX_TAKEAWAYS (FLAGSHIP_TAKEAWAYS)."""
        rng = self.rng
        if is_flagship:
            kinds = (IGF_TAKEAWAY_KINDS + ANALYSIS_KINDS) * 3
            kinds = kinds[:FLAGSHIP_TAKEAWAYS]
        elif has_transcript:
            count = rng.randint(2, MAX_TAKEAWAYS)
            kinds = rng.choices(ANALYSIS_KINDS + IGF_TAKEAWAY_KINDS, k=count)
        elif has_report or rng.random() < 0.3:
            kinds = rng.choices(IGF_TAKEAWAY_KINDS, [3, 1], k=rng.randint(0, 4))
        else:
            kinds = []
        takeaways = []
        for kind in kinds:
            speaker = ""
            details = {}
            if kind == Takeaway.Kind.THOUGHT_PROVOKING_COMMENT:
                speaker = self.people[rng.choice(people)[0]][0]
            elif kind in ANALYSIS_KINDS and rng.random() < 0.3:
                details = {"Reason": rng.choice(self.sentences)}
            takeaways.append((kind, self.sentences_text(1, 3), speaker, details))
        return takeaways

    def arguments(self, people, is_flagship):
        rng = self.rng
        count = FLAGSHIP_ARGUMENTS if is_flagship else rng.randint(0, 6)
        speakers = list(dict.fromkeys(person_id for person_id, _role in people))
        arguments = []
        for _ in range(count):
            person_id, *others = rng.sample(speakers, min(len(speakers), 4))
            agreed = others[: rng.randint(0, 2)]
            disagreed = others[2:3] if rng.random() < 0.3 else []
            arguments.append(
                {
                    "person": person_id,
                    "claim": rng.choice(self.sentences),
                    "explanation": self.sentences_text(1, 3),
                    "evidence": rng.choice(self.sentences) if rng.random() < 0.5 else "",
                    "point": rng.choice(TOPICS),
                    "topics": rng.sample(TOPICS, rng.randint(1, 3)),
                    "agreed": agreed,
                    "agreed_on": rng.choice(self.sentences) if agreed else "",
                    "disagreed": disagreed,
                    "disagreed_on": rng.choice(self.sentences) if disagreed else "",
                }
            )
        return arguments

    def write_people(self, session_id, people, turns, is_press):
        rng = self.rng
        table = self.tables["participations"]
        spoken = {}
        for _label, person_id, _organization, utterance in turns:
            if person_id is not None:
                spoken[person_id] = spoken.get(person_id, 0) + len(utterance.split())
        timed = set()
        for position, (person_id, role) in enumerate(people, 1):
            name, organization_id = self.people[person_id]
            organization = self.organizations.get(organization_id)
            words = spoken.get(person_id) if person_id not in timed else None
            timed.add(person_id)
            speed = rng.randint(110, 180) if words else None
            table.add(
                session_id=session_id,
                person_id=person_id,
                role=role,
                position=position,
                published_name=name,
                affiliation=organization[0] if organization else "",
                organization_id=organization_id,
                stakeholder_group=organization[1] if organization else "",
                regional_group=organization[2] if organization else "",
                role_text=rng.choice(ROLE_TEXTS) if rng.random() < 0.2 else "",
                is_tbd=rng.random() < 0.02,
                is_remote=rng.random() < 0.1,
                words_per_minute=speed,
                words=words,
                speech_seconds=words * 60 // speed if words else None,
            )

    # -- writing ----------------------------------------------------------------------------

    def take(self, sessions_so_far):
        rows = {key: table.take() for key, table in self.tables.items()}
        return Chunk(rows=rows, sessions_so_far=sessions_so_far)

    def summary(self):
        busiest, busiest_sessions = max(
            self.sessions_of_person.items(), key=lambda item: (item[1], -item[0])
        )
        return Summary(
            sessions=self.total,
            seed=self.seed,
            counts={
                name: self.tables[key].taken
                for name, key in [
                    ("meetings", "meetings"),
                    ("sessions", "sessions"),
                    ("people", "people"),
                    ("person aliases", "person_aliases"),
                    ("organizations", "organizations"),
                    ("organization aliases", "organization_aliases"),
                    ("participations", "participations"),
                    ("organizers", "organizers"),
                    ("SDG goal links", "goals"),
                    ("SDG target links", "targets"),
                    ("policy questions", "policy_questions"),
                    ("takeaways", "takeaways"),
                    ("arguments", "arguments"),
                    ("agreements", "agreed"),
                    ("disagreements", "disagreed"),
                    ("transcript turns", "turns"),
                ]
            },
            largest_session=self.flagship["path"],
            largest_session_rows={
                name: self.flagship[name]
                for name in ("participations", "transcript turns", "takeaways")
            },
            busiest_person=self.person_slugs[busiest],
            busiest_person_sessions=busiest_sessions,
            rare_word_sessions=self.rare_count,
        )


def search_document(
    label,
    text,
    sub_themes,
    questions,
    organizers,
    people,
    takeaways,
    arguments,
    turns,
    people_by_id,
    organizations_by_id,
):
    """The text sessions.search.search_document builds from the saved rows, from the rows
    about to be written (takeaways in the model's order: by kind, then position)."""
    parts = [label]
    parts += [text[name] for name in TEXT_FIELDS]
    parts += sub_themes
    parts += questions
    parts += [organizations_by_id[organization_id][0] for organization_id, _role in organizers]
    for person_id, _role in people:
        name, organization_id = people_by_id[person_id]
        organization = organizations_by_id.get(organization_id)
        parts += [name, organization[0] if organization else ""]
    in_order = sorted(enumerate(takeaways), key=lambda item: (item[1][0], item[0]))
    for _position, (_kind, text_of_takeaway, speaker, _details) in in_order:
        parts += [text_of_takeaway, speaker]
    for argument in arguments:
        parts += [argument["claim"], argument["explanation"], argument["evidence"]]
    for speaker_label, _person, _organization, utterance in turns:
        parts += [speaker_label, utterance]
    return "\n\n".join(part for part in parts if part)
