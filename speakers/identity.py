"""Finding the one record of a person or organization behind a published name.

Rules for a person, in order; each spelling keeps the rule that joined it
(PersonAlias.rule and rule_detail, shown on the person's admin page):
- a spelling is the same person's when the name's key (speakers.names.person_key:
  case, accents, word order and leading titles ignored) matches one of their
  aliases, unless what the source published with it says it is a namesake
  (`compare`: another regional group and another affiliation); when that is
  unsure (another regional group alone, or in the same year another affiliation
  in another stakeholder group), a new record is made and the pair offered to
  editors;
- within one document one key is one person (a person listed in two roles);
- two people whose names differ by one letter in one word ("DU Guimei" and
  "Dou Guimei") are never merged here: an editor is offered the pair.

An organization is the same when its key matches an alias, or when both names
share the same acronym and differ only slightly ("Chinese Association for
Sciences and Technology" and "China Association for Science and Technology
(CAST)"); an affiliation's organization comes as a path (speakers.affiliations):
the organization, then its units; a unit is the same when its key matches an
alias of a unit of the same parent, or of an organization not yet placed under
any; a new organization whose name is close to another's without meeting these
rules ("Chinese Institute of …" and "Chinese Academy of …") is offered to an
editor as a pair.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import F
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from speakers.affiliations import ORGANIZATION_WORDS
from speakers.history import current_change_reason
from speakers.models import (
    DuplicateSuggestion,
    Organization,
    OrganizationAlias,
    OrganizationDuplicateSuggestion,
    Person,
    PersonAlias,
)
from speakers.names import (
    ACRONYM_SUFFIX,
    fold,
    organization_key,
    person_key,
    without_honorifics,
)

MINOR_WORDS = {"of", "for", "and", "the", "on", "in", "de", "du", "la", "at", "to"}
ORGANIZATION_SIMILARITY = 0.85
REASON_LENGTH = 300
# Below ORGANIZATION_SIMILARITY, or with other initials, but this close: an editor decides.
ORGANIZATION_UNSURE = 0.8


def unique_slug(queryset, name, fallback="unnamed"):
    """A slug of `name` that no row of `queryset` has yet: "gong-ke", then "gong-ke-2"."""
    base = slugify(name)[:100] or fallback
    slug, suffix = base, 2
    while queryset.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@dataclass(frozen=True)
class Listing:
    """What a source published beside a name that tells namesakes apart; any part may be empty.

    `affiliation` is folded (speakers.names.organization_key); `region` is a group of
    countries, empty for none and for an organization's own "region" (an intergovernmental
    organization belongs to no country's group).
    """

    year: int | None = None
    affiliation: str = ""
    region: str = ""
    stakeholder: str = ""


SAME, UNSURE, APART = "same", "unsure", "apart"


def compare(listing, past):
    """(SAME, UNSURE or APART, why) for a name published with `listing`, against the listings
    of a person of the same name (`past`).

    People change affiliations and stakeholder groups over the years: that alone never tells
    two people apart. A country's regional group rarely changes: another group and another
    affiliation are two people; another group alone, or another affiliation in another
    stakeholder group in the same year, is for an editor to decide.
    """
    if listing is None or not past:
        return SAME, ""
    if listing.affiliation and any(p.affiliation == listing.affiliation for p in past):
        return SAME, "same affiliation"
    regions = {p.region for p in past if p.region}
    other_region = bool(listing.region and regions and listing.region not in regions)
    affiliations = {p.affiliation for p in past if p.affiliation}
    other_affiliation = bool(listing.affiliation and affiliations)
    same_year_other_group = any(
        p.year == listing.year
        and p.affiliation
        and listing.affiliation
        and p.stakeholder
        and listing.stakeholder
        and p.stakeholder != listing.stakeholder
        for p in past
    )
    if other_region and other_affiliation:
        return APART, "another regional group and another affiliation"
    if other_region:
        return UNSURE, "another regional group"
    if same_year_other_group:
        return UNSURE, "in the same year, another affiliation and stakeholder group"
    return SAME, ""


def find_person(name):
    """The person whose alias has this name's key, or None. Lowest id wins a tie."""
    aliases = PersonAlias.objects.filter(key=person_key(name)).select_related("person")
    alias = aliases.order_by("person_id").first()
    return alias.person if alias else None


def resolve_person(name, listing=None, past_listings=None):
    """Return (person, created) for a published name, recording the spelling as an alias."""
    found, created = resolve_people(
        [name], {name: listing} if listing else None, past_listings=past_listings
    )
    return found[name], bool(created)


def resolve_people(names, listings=None, past_listings=None):
    """({name: person}, [people created]) for published names, every spelling kept as an alias.

    `listings` gives what each name was published with ({name: Listing}); `past_listings`,
    a function of person ids, the listings of the people those names may be
    ({person id: [Listing]}): the caller knows where they are kept. Without them a name
    joins the person its key names (the lowest id of several). One query finds the known
    names; a new person is created with its first alias at once (so that the next new name
    can be compared with it); the other spellings are added in one insert, each with the
    rule that joined it.
    """
    names = list(dict.fromkeys(names))
    listings = listings or {}
    keys = {name: person_key(name) for name in names}
    candidates, spellings = {}, set()
    known = PersonAlias.objects.filter(key__in=set(keys.values())).select_related("person")
    for alias in known.order_by("person_id", "pk"):
        candidates.setdefault(alias.key, {}).setdefault(alias.person_id, alias)
        spellings.add((alias.person_id, alias.name))
    past = {}
    if past_listings and listings and candidates:
        past = past_listings({pk for people in candidates.values() for pk in people})
    chosen, joined, created = {}, {}, []
    for name in names:
        key = keys[name]
        if key in chosen:
            person, first = chosen[key]
            joined[name] = (person, PersonAlias.Rule.SAME_NAME, f"“{first}”, in the same source")
            continue
        person, detail, unsure = choose(candidates.get(key, {}), listings.get(name), past)
        rule = PersonAlias.Rule.SAME_NAME
        if person is None:
            person, rule = new_person(name, detail, unsure), PersonAlias.Rule.FIRST
            created.append(person)
            spellings.add((person.pk, name))
        chosen[key] = (person, name)
        joined[name] = (person, rule, detail)
    # Only the new spellings, so that each gets one history row and nothing is written twice.
    bulk_create_with_history(
        [
            PersonAlias(
                person=person,
                name=name,
                key=keys[name],
                rule=rule,
                rule_detail=detail[:REASON_LENGTH],
            )
            for name, (person, rule, detail) in joined.items()
            if (person.pk, name) not in spellings
        ],
        PersonAlias,
        default_change_reason=current_change_reason(),
    )
    return {name: joined[name][0] for name in names}, created


def choose(candidates, listing, past):
    """(person, why, []) for the first of the candidates (aliases of the same key, one a
    person) that `compare` finds the same; else (None, why, unsure aliases with why)."""
    unsure, apart = [], []
    for alias in candidates.values():
        verdict, why = compare(listing, past.get(alias.person_id, []))
        if verdict == SAME:
            return alias.person, f"“{alias.name}”" + (f"; {why}" if why else ""), []
        (unsure if verdict == UNSURE else apart).append((alias, why))
    why = "; ".join(
        f"kept apart from {alias.person.name} (“{alias.name}”): {why}" for alias, why in apart
    )
    return None, why, unsure


def new_person(name, detail, unsure):
    """A new record for `name` with its first alias; each unsure pair is offered to editors."""
    shown = without_honorifics(name)
    person = Person.objects.create(name=shown, slug=unique_slug(Person.objects, shown))
    notes = [detail] if detail else []
    for alias, why in unsure:
        offer_pair(person, alias.person, f"“{alias.name}” and “{name}”: same name, {why}")
        notes.append(f"offered to editors with {alias.person.name} (“{alias.name}”): {why}")
    add_person_alias(person, name, PersonAlias.Rule.FIRST, "; ".join(notes))
    suggest_duplicates(person, name)
    return person


def offer_pair(one, other, reason):
    first, second = sorted([one, other], key=lambda person: person.pk)
    DuplicateSuggestion.objects.get_or_create(
        person=first, other=second, defaults={"reason": reason[:REASON_LENGTH]}
    )


def add_person_alias(person, name, rule=PersonAlias.Rule.EDITOR, detail=""):
    """Keep a spelling, with the rule that joined it; True when it is new."""
    _, created = PersonAlias.objects.get_or_create(
        person=person, name=name, defaults={"rule": rule, "rule_detail": detail[:REASON_LENGTH]}
    )
    return created


def edit_distance(first, second):
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def near_keys(key, other):
    """Same words but one, and that one differs by a single letter."""
    words, other_words = key.split(), other.split()
    if len(words) != len(other_words) or words == other_words:
        return False
    unmatched = [(a, b) for a, b in zip(words, other_words, strict=True) if a != b]
    return len(unmatched) == 1 and edit_distance(*unmatched[0]) == 1


def suggest_duplicates(person, name):
    key = person_key(name)
    words = key.split()
    if not words:
        return
    candidates = PersonAlias.objects.exclude(person=person).filter(
        key__regex=r"(^| )(" + "|".join(re.escape(word) for word in words) + r")( |$)"
    )
    for alias in candidates.select_related("person"):
        if near_keys(key, alias.key):
            offer_pair(person, alias.person, f"“{alias.name}” and “{name}” differ by one letter")


def initials(name):
    acronym = re.search(r"\(([A-Z][A-Za-z&]{1,14})\)\s*$", name)
    if acronym:
        return acronym.group(1).upper()
    words = fold(ACRONYM_SUFFIX.sub("", name)).split()
    return "".join(word[0] for word in words if word not in MINOR_WORDS).upper()


def find_organization(name):
    key = organization_key(name)
    alias = (
        OrganizationAlias.objects.filter(key=key)
        .select_related("organization")
        .order_by("organization_id")
        .first()
    )
    if alias:
        return alias.organization
    acronym = initials(name)
    if len(acronym) < 3:
        return None
    # Candidates share the name's longest word, which keeps the scan short.
    longest = max(key.split(), key=len)
    candidates = OrganizationAlias.objects.filter(key__contains=longest)
    for alias in candidates.select_related("organization").order_by("organization_id"):
        if initials(alias.name) == acronym and (
            SequenceMatcher(None, key, alias.key).ratio() >= ORGANIZATION_SIMILARITY
        ):
            return alias.organization
    return None


def resolve_organization(name, is_media_outlet=False):
    """Return (organization, created) for a published name, recording the spelling."""
    organization = find_organization(name)
    created = organization is None
    if created:
        organization = Organization.objects.create(
            name=name, slug=unique_slug(Organization.objects, name), is_media_outlet=is_media_outlet
        )
    OrganizationAlias.objects.get_or_create(organization=organization, name=name)
    return organization, created


def resolve_organization_path(path, is_media_outlet=False):
    """Return (organization, [organizations created]) for an affiliation's path of levels
    (speakers.affiliations.Level: the organization first, then its units), recording every
    spelling of each level as an alias. The organization returned is the innermost unit."""
    parent, created = None, []
    for level in path:
        organization = find_level(level, parent)
        if organization is None:
            slug_name = level.name if parent is None else f"{level.name} {parent.name}"
            organization = Organization.objects.create(
                name=level.name,
                slug=unique_slug(Organization.objects, slug_name),
                parent=parent,
                is_media_outlet=is_media_outlet,
            )
            created.append(organization)
            if parent is None:
                suggest_organization_duplicates(organization)
        elif (
            parent is not None
            and organization.parent_id is None
            and not is_within(parent, organization)
        ):
            # A unit first named on its own is placed under the organization now named with it.
            organization.parent = parent
            organization.save(update_fields=["parent"])
        for spelling in dict.fromkeys([level.name, *level.spellings]):
            OrganizationAlias.objects.get_or_create(organization=organization, name=spelling)
        parent = organization
    return parent, created


def find_level(level, parent):
    """The organization of one level of a path, or None (see the module's rules)."""
    keys = {organization_key(spelling) for spelling in (level.name, *level.spellings)}
    aliases = OrganizationAlias.objects.filter(key__in=keys).select_related("organization")
    if parent is not None:
        # A unit of this parent first, then one not yet placed under any.
        candidates = [
            alias.organization
            for alias in aliases.order_by("organization_id")
            if alias.organization.parent_id in (parent.pk, None)
            and alias.organization_id != parent.pk
        ]
        candidates.sort(key=lambda organization: organization.parent_id is None)
        return candidates[0] if candidates else None
    # An organization before a unit of the same name, on every database.
    alias = aliases.order_by(
        F("organization__parent_id").asc(nulls_first=True), "organization_id"
    ).first()
    return alias.organization if alias else find_organization(level.name)


def is_within(organization, other):
    """True when `organization` is `other` or one of its units, at any depth."""
    seen = set()
    while organization is not None and organization.pk not in seen:
        if organization.pk == other.pk:
            return True
        seen.add(organization.pk)
        organization = organization.parent
    return False


def suggest_organization_duplicates(organization):
    """Offer an editor the organizations whose names are close to a new one's."""
    key = organization_key(organization.name)
    # The pair shares the name's longest word that is not a kind ("University", "Society").
    words = [word for word in key.split() if word not in MINOR_WORDS | ORGANIZATION_WORDS]
    if not words:
        return
    longest = max(words, key=len)
    candidates = OrganizationAlias.objects.exclude(organization=organization).filter(
        key__contains=longest
    )
    for alias in candidates.select_related("organization").order_by("organization_id"):
        if SequenceMatcher(None, key, alias.key).ratio() >= ORGANIZATION_UNSURE:
            first, second = sorted([organization, alias.organization], key=lambda o: o.pk)
            OrganizationDuplicateSuggestion.objects.get_or_create(
                organization=first,
                other=second,
                defaults={"reason": f"“{alias.name}” and “{organization.name}” are close"},
            )
            return
