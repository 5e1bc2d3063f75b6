"""The words of the synthetic archive, and the sentences and titles made of them.

The vocabulary is fixed (it does not depend on the seed): a head of real words in rough
frequency order and a tail of made-up words. The sentences are drawn from it with a Zipf
distribution, so that some words are in almost every session and most are rare.
"""

import random

from benchmarks.synthetic.zipf import Zipf
from sessions.models import Session

# In most sessions (a description rarely lacks it): a search that matches nearly everything.
COMMON_WORD = "internet"
# In the descriptions of max(RARE_WORD_MIN_SESSIONS, sessions // 1000) sessions, nowhere else.
RARE_WORD = "zettabyte"
RARE_WORD_MIN_SESSIONS = 3

SENTENCE_POOL = 30_000
TAIL_WORDS = 20_000


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


class Text:
    """Sentences, paragraphs, questions and titles, drawn with the generator's random stream
    from a pool of SENTENCE_POOL sentences made when the Text is."""

    def __init__(self, rng):
        self.rng = rng
        self.word_zipf = Zipf(len(VOCABULARY), offset=2.7)
        self.sentences = [self.make_sentence() for _ in range(SENTENCE_POOL)]

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
        if session_type == Session.Type.PRESS_CONFERENCE:
            return f"Press conference on {topic}"
        if session_type == Session.Type.MAIN_SESSION:
            return f"Main Session on {topic}"
        if session_type == Session.Type.HIGH_LEVEL:
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
