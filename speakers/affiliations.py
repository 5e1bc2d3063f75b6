"""What organization an affiliation names, told apart from positions, places and labels.

Sources publish a person's affiliation as free text: "Director of Privacy Policy, Meta",
"vice minister of the Cyberspace Administration of China", "Deputy Director, Cyber Information
Development Bureau, Cyberspace Administration of China", "ISOC Foundation, technical community,
Africa". `organization_of` reads such a text and returns the organization it names as a path of
levels, the organization first and then its units ("Cyberspace Administration of China" ›
"Cyber Information Development Bureau"), each with the spellings the text used for it; or None
when the text names only a position, a place or a stakeholder label ("MP, Nepal",
"Myanmar APAC", "BPF Lead expert").

The rules, in the order they are tried on each comma-separated part of the text:
- a label is a part made only of countries, the cities the sources name, regions and
  stakeholder groups ("Civil Society Asia-Pacific (APAC)", "Georgia United States of America");
- a position is a part whose head (the words before "of", "at", "for", "in") ends in a
  position's noun ("Deputy Director General", "Program Coordinator", "ISOC Ambassador");
  what follows the head is an organization when it shows one (below), else the position's
  field ("Director of Privacy Policy");
- a part shows an organization by a word such organizations are named with (University,
  Bureau, Commission, e.V., ...), a capitalised acronym, or by coming after a position;
- in a chain of organization parts, a unit (a Bureau, a School, an Office, or a part with no
  such word) comes before what it is part of; "X of Y" and "X at Y" are a unit and its parent
  when X is a unit and Y shows an organization; an acronym the archive knows followed by more
  words ("ITU Telecom Communication Standardization Bureau", "IGF Secretariat") is a unit of it;
- "Full Name (ACRONYM)", "ACRONYM (Full Name)" and "Full Name - ACRONYM" give the full name,
  and teach the pair; so does any "Full Name (ACRONYM)" in the document's text
  (`acronym_pairs`), and the curated ACRONYMS below.

Of several affiliations ("Senior Professor, Tsinghua University; Dean, Schwarzman College") the
first is linked, a "former" one only when there is no other. The module is pure: no database,
and time linear in the text, which is cut at MAX_TEXT characters.
"""

import re
from dataclasses import dataclass

import pycountry

from speakers.names import fold

MAX_TEXT = 1000
# A part longer than this is a run of text, not an organization's name (the longest in the
# sources is under 100 characters; an organization's name holds 300): the affiliation stays
# text, linked to no organization, as it does for a part without a letter or digit.
MAX_NAME = 200


def vocabulary(text, separator=None):
    """A set of words or phrases written as one string: shorter to read than a list."""
    return frozenset(text.split(separator))


# Well-known acronyms and the full name each organization gives itself, each checked on the
# organization's own site (the address beside it). Other names the organization goes by are
# listed after the full name.
ACRONYMS = {
    "APC": ["Association for Progressive Communications"],  # apc.org
    "CAC": ["Cyberspace Administration of China"],  # cac.gov.cn (English pages)
    "CAS": ["Chinese Academy of Sciences"],  # english.cas.cn
    "CASS": ["Chinese Academy of Social Sciences"],  # casseng.cssn.cn
    "CAST": ["China Association for Science and Technology"],  # en.cast.org.cn
    "CPC": ["Communist Party of China"],  # english.news.cn "CPC" glossary; idcpc.org.cn
    "FGV": ["Fundação Getulio Vargas"],  # portal.fgv.br/en
    "FIRST": ["Forum of Incident Response and Security Teams"],  # first.org/about
    "IGF": ["Internet Governance Forum"],  # intgovforum.org
    "IPU": ["Inter-Parliamentary Union"],  # ipu.org
    "ISOC": ["Internet Society"],  # internetsociety.org
    "ITU": ["International Telecommunication Union"],  # itu.int/en/about
    "MIIT": ["Ministry of Industry and Information Technology"],  # miit.gov.cn (English)
    "NDRC": ["National Development and Reform Commission"],  # en.ndrc.gov.cn
    "SCIO": ["State Council Information Office"],  # english.scio.gov.cn
    "UN": ["United Nations"],  # un.org
    # UNCTAD has called itself "UN Trade and Development" since April 2024 (unctad.org,
    # "UNCTAD at 60: new name, new logo").
    "UNCTAD": ["United Nations Conference on Trade and Development", "UN Trade and Development"],
    "UNESCO": ["United Nations Educational, Scientific and Cultural Organization"],  # unesco.org
    "WFEO": ["World Federation of Engineering Organizations"],  # wfeo.org
    "WIPO": ["World Intellectual Property Organization"],  # wipo.int/about-ip
}

# The nouns that end a position's head: "Deputy Director", "Program Coordinator", "MP".
POSITION_NOUNS = vocabulary(
    "adviser advisor alumni alumnus ambassador analyst candidate ceo cfo chair chairman "
    "chairperson chairwoman chief commissioner consultant coo coordinator counsel "
    "counsellor counselor cto dean delegate director editor emeritus engineer envoy "
    "expert facilitator fellow founder general governor head intern lead leader lecturer "
    "manager mayor member minister mp officer partner president principal professor "
    "rapporteur representative researcher scientist secretary senator specialist "
    "spokesman spokesperson spokeswoman student vice"
)
# Words that name an organization, and among them those that name a unit of a larger one.
UNIT_WORDS = vocabulary(
    "branch bureau center centre college committee department division faculty institute "
    "laboratory library ministry office panel program programme project school "
    "secretariat section team unit"
)
ORGANIZATION_WORDS = UNIT_WORDS | vocabulary(
    "academy administration agency alliance association authority bank board coalition "
    "commission company conference consortium corporation council court federation forum "
    "foundation fund fundação gmbh government group inc initiative institution instituto "
    "lab league ltd network observatory organisation organization organizations "
    "parliament party platform society union universidad universidade university "
    "université"
)
# The places the sources name that are not countries.
CITIES = vocabulary(
    "addis ababa|beijing|berlin|fuzhou|geneva|hangzhou|kyoto|lillestrøm|lillestrom|"
    "new delhi|new york|oslo|paris|riyadh|shanghai|tongxiang|wuzhen",
    "|",
)
REGIONS = vocabulary(
    "africa|americas|apac|arab states|asia|asia pacific|caribbean|eastern europe|eu|"
    "europe|global|grulac|lac|latin america|mena|middle east|na|north america|oceania|"
    "pacific|south asia|sub saharan africa|weog|western europe",
    "|",
)
# "Zhejiang province", "Fuzhou city": a place by the word that follows its name.
PLACE_WORDS = vocabulary("city county prefecture province region")
STAKEHOLDER_LABELS = vocabulary(
    "academia|civil society|government|intergovernmental organization|"
    "intergovernmental organisation|private sector|technical community|youth",
    "|",
)
COUNTRIES = {
    fold(name)
    for country in pycountry.countries
    for name in (
        country.name,
        getattr(country, "common_name", ""),
        getattr(country, "official_name", ""),
    )
    if name and "," not in name
}
LABEL_PHRASES = COUNTRIES | CITIES | REGIONS | STAKEHOLDER_LABELS | {"in", "the", "and"}
LONGEST_LABEL = max(len(phrase.split()) for phrase in LABEL_PHRASES)

MINOR_WORDS = {"of", "for", "and", "the", "on", "in", "de", "du", "la", "at", "to", "&"}
CONNECTORS = re.compile(r" (?:of|at|for|in|with|where|from) ")
TRAILING_ACRONYM = re.compile(r"^(?P<full>[^()]{3,300}?) ?[(](?P<acronym>[A-Z][A-Z&]{1,9})[)]$")
LEADING_ACRONYM = re.compile(r"^(?P<acronym>[A-Z][A-Z&]{1,9}) ?[(](?P<full>[^()]{3,300})[)]$")
DASH_ACRONYM = re.compile(r"^(?P<full>[^()]{3,300}?) [-–] (?P<acronym>[A-Z]{2,10})$")
LEGAL_FORM = re.compile(r"\b(?:e\.V\.|Co\.|Ltd\.?|Inc\.?|GmbH|LLC|S\.A\.)(?!\w)")
# "Full Name (ACR)" in running text: up to twelve words before the parenthesis.
TEXT_PAIR = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]{0,30} (?:(?:of|for|and|the|on|in|&) ){0,2}){1,12})"
    r"\(([A-Z]{2,10})\)"
)
AND_POSITION = re.compile(r",? and (?=[A-Za-z-]+ )")


@dataclass(frozen=True)
class Level:
    """One organization of a path: the name the archive gives it, and the spellings seen."""

    name: str
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class Affiliation:
    """One affiliation of a text: the position held, and the organization as a path of levels,
    the organization first and its units after it."""

    position: str
    path: tuple[Level, ...]
    former: bool = False

    @property
    def organization(self):
        """The level the participation is linked to: the innermost unit named."""
        return self.path[-1].name if self.path else ""


def acronym_pairs(text):
    """{ACRONYM: full name} for every "Full Name (ACRONYM)" in a text whose capitals match."""
    pairs = {}
    for match in TEXT_PAIR.finditer(text[:200_000]):
        words, acronym = match.group(1).split(), match.group(2)
        # The full name is the shortest tail of the words whose initials make the acronym.
        for start in range(len(words) - 1, -1, -1):
            tail = words[start:]
            if tail[0] in MINOR_WORDS:
                continue
            if initials(" ".join(tail)) == acronym:
                pairs.setdefault(acronym, " ".join(tail))
                break
    return pairs


def initials(name):
    return "".join(
        word[0] for word in name.replace("-", " ").split() if word not in MINOR_WORDS
    ).upper()


def organization_of(text, pairs=None):
    """The Affiliation whose organization a participation is linked to, or None."""
    found = [item for item in affiliations(text, pairs) if item.path]
    current = [item for item in found if not item.former]
    return (current or found or [None])[0]


def affiliations(text, pairs=None):
    """Every affiliation of an affiliation text, in order (see the module's rules)."""
    known = dict(ACRONYMS)
    for acronym, full in (pairs or {}).items():
        known.setdefault(acronym, [full])
    text = " ".join(text[:MAX_TEXT].replace("\xa0", " ").split())
    found = []
    for segment in text.split(";"):
        found += read_segment(segment, known)
    return found


def read_segment(segment, known):
    parts = [part.strip() for part in AND_POSITION.sub(_split_before_position, segment).split(",")]
    found = []
    position, chain, former = "", [], False
    # After "Director of Privacy Policy" (a field, not an organization), the parts that show
    # no organization continue the field ("Technology, and Strategy") unless one ends the
    # affiliation ("…, Meta"): that one is the organization.
    field_follows, last_after_field = False, ""

    def close():
        if position or chain or last_after_field:
            path = chain_path(chain or ([last_after_field] if last_after_field else []), known)
            names = [name for level in path for name in level.spellings]
            if any(len(name) > MAX_NAME or not words_of(name) for name in names):
                path = ()
            found.append(Affiliation(position, path, former))

    for part in parts:
        enumerated = part.startswith("and ")
        part = re.sub(r"^(?:and|from|of|at|with) ", "", part, flags=re.IGNORECASE).strip()
        # "Access Now / Youth Observatory": two organizations, the first is linked.
        part = re.sub(r"^the ", "", part).split(" / ")[0].strip()
        if not part or is_label(part):
            continue
        head, object_ = split_position(part, known)
        if head is not None:
            if chain or last_after_field:
                close()
                chain = []
            position, former = head, fold(head).startswith("former")
            prefix = head_prefix(head, known)
            chain = [prefix] if prefix else []
            field_follows, last_after_field = False, ""
            if object_ and shows_organization(object_, known):
                chain.append(object_)
            elif object_:
                position, field_follows = part, True
            continue
        if part[0].islower():
            continue
        if not shows_organization(part, known):
            if field_follows and not chain:
                last_after_field = "" if enumerated else part
                continue
            if chain and not is_unit(chain[-1], known):
                # "Center for Science, Technology & Education Policy": a comma in a name.
                chain[-1] = f"{chain[-1]}, {part}"
                continue
        elif chain and not is_unit(chain[-1], known):
            close()
            position, chain, former = "", [], False
        chain.append(part)
        field_follows, last_after_field = False, ""
    close()
    return found


def _split_before_position(match):
    """A new position after "and" (", and Director of …") starts a new part."""
    following = match.string[match.end() :].split(" ", 1)[0]
    return (
        ", "
        if fold(following) in POSITION_NOUNS | {"executive", "deputy", "co", "former"}
        else match.group(0)
    )


def split_position(part, known):
    """(position, what follows it) when the part is a position, else (None, "")."""
    match = CONNECTORS.search(part)
    head = part[: match.start()] if match else part
    rest = part[match.end() :] if match else ""
    words = [word for word in re.split(r"[\s\-&]+", fold(head)) if word]
    if (
        not words
        or words[-1] not in POSITION_NOUNS
        and not (words[-1] == "general" and len(words) > 1)
    ):
        return None, ""
    return head, rest.strip()


def head_prefix(head, known):
    """The known acronym a position starts with: "ISOC" of "ISOC Ambassador"."""
    first = head.split(" ", 1)[0]
    return first if first in known else ""


def is_label(part):
    """A part made only of places, regions and stakeholder groups: "Myanmar APAC"."""
    words = fold(part.replace("(", " ").replace(")", " ")).split()
    if 1 < len(words) <= 3 and words[-1] in PLACE_WORDS:
        return True
    start = 0
    while start < len(words):
        for size in range(min(LONGEST_LABEL, len(words) - start), 0, -1):
            if " ".join(words[start : start + size]) in LABEL_PHRASES:
                start += size
                break
        else:
            return False
    return bool(words) and not all(word in {"in", "the", "and"} for word in words)


def words_of(name):
    return re.findall(r"[^\W_]+", name)


def shows_organization(part, known):
    if LEGAL_FORM.search(part):
        return True
    for word in words_of(part):
        if word.casefold() in ORGANIZATION_WORDS or word in known:
            return True
        if word.isupper() and 2 <= len(word) <= 10 and not is_label(word):
            return True
    return False


def is_unit(part, known):
    """A unit of what follows it: a Bureau, a School, or a name that shows no organization."""
    words = {word.casefold() for word in words_of(part)}
    return bool(words & UNIT_WORDS) or not shows_organization(part, known)


def chain_path(chain, known):
    """The levels of a chain of parts, innermost unit first as published: the outermost first."""
    path = []
    for part in reversed(chain):
        levels = name_levels(part, known)
        if path and levels and levels[0].name == path[-1].name:
            levels = levels[1:]
        path += levels
    return tuple(path)


def name_levels(name, known, depth=0):
    """The levels one organization's name holds: "Press Bureau of the State Council Information
    Office" is the unit "Press Bureau" of the State Council Information Office."""
    name = clean(name)
    if not name:
        return []
    if depth < 3 and not names_one_organization(name, known):
        owner, possessive, rest = name.partition("'s ")
        if possessive and owner in known:
            return [level(owner, known), *name_levels(rest, known, depth + 1)]
        for connector in (" at ", " of "):
            parts = name.split(connector)
            for cut in range(len(parts) - 1, 0, -1):
                left, right = connector.join(parts[:cut]), connector.join(parts[cut:])
                right = clean(right)
                if (
                    {word.casefold() for word in words_of(left)} & UNIT_WORDS
                    and shows_organization(right, known)
                    and not is_label(right.split(" ", 1)[0])
                ):
                    return [*name_levels(right, known, depth + 1), level(left, known)]
        first, _, rest = name.partition(" ")
        if first in known and rest and full_name(name, known) is None:
            if is_label(rest):
                return [level(first, known)]
            return [level(first, known), Level(name, (name,))]
        brand, _, region = name.partition(" ")
        if region and is_label(region) and not shows_organization(brand, known):
            # "Google Sub-Saharan Africa": a one-word name and the region of its office.
            return [Level(brand, (brand, name))]
    return [level(name, known)]


def clean(name):
    name = re.sub(r"^the (?=[A-Za-z])", "", name.strip(" ,;:")) if name else ""
    name = re.sub(
        r" in (?:the )?[^,]{1,60}$",
        lambda m: "" if not shows_organization(m.group(0), {}) else m.group(0),
        name,
    )
    # "Communist Party of China (CPC) Zhejiang Provincial Committee": the acronym inside.
    inner = re.match(
        r"^(?P<full>[^()]{3,200}?) [(](?P<acronym>[A-Z]{2,10})[)] (?P<rest>[^()]{2,200})$", name
    )
    if inner and initials(inner["full"]) == inner["acronym"]:
        name = f"{inner['acronym']} {inner['rest']}"
    return name.strip()


def names_one_organization(name, known):
    """True when the name is one organization by its acronym: the table's, or its initials'
    ("Ministry of Industry and Information Technology (MIIT)"), so that it is not cut."""
    found = full_name(name, known)
    if found is None:
        return False
    full, acronym = found
    return fold(full) in {fold(other) for other in known.get(acronym, [])} or (
        initials(full) == acronym
    )


def full_name(name, known):
    """(full name, acronym) when the name carries both, or is an acronym or name the table knows."""
    for pattern in (TRAILING_ACRONYM, LEADING_ACRONYM, DASH_ACRONYM):
        match = pattern.match(name)
        if match and not is_label(match["full"]):
            return match["full"].strip(), match["acronym"]
    if name in known:
        return known[name][0], name
    folded = fold(name)
    for acronym, names in known.items():
        if folded in {fold(other) for other in names}:
            return names[0], acronym
    return None


def level(name, known):
    """One level: the full name where the text or the table gives it, with the spellings seen."""
    found = full_name(name, known)
    if found is None:
        return Level(name, (name,))
    full, acronym = found
    return Level(full, tuple(dict.fromkeys([name, acronym])))
