"""What the loader refuses or sends to review, checked before anything is written.

A document is refused, with every reason found as (line, reason) pairs, when it names an SDG
goal or target that does not exist, or a value that a column cannot hold on every database the
archive runs on. A document that lacks what identifies its session (`missing_identity`: its
meeting's year) is not refused: it waits for an editor.

A session type, or a person's role, stakeholder group or regional group, outside the archive's
vocabularies does not refuse a real page: the session is filed as Other, the people's words
are kept verbatim (the groups in the affiliation text, the role in the role text), and the
session is marked for review with the reason. Without a list for those reasons (the loader
always passes one) they are refused as before.
"""

import re

from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.text import slugify

from sessions.importers.groups import choice_of
from sessions.importers.snapshot import SCALAR_FIELDS
from sessions.models import (
    Argument,
    Inference,
    Meeting,
    Participation,
    PolicyQuestion,
    RegionalGroup,
    SdgGoal,
    SdgTarget,
    Session,
    StakeholderGroup,
    Takeaway,
    TranscriptTurn,
)
from speakers.models import OrganizationAlias, PersonAlias
from speakers.names import organization_key, person_key

SESSION_TYPE_WORDS = {
    **{label.casefold(): value for value, label in Session.Type.choices},
    "ws": Session.Type.WORKSHOP,
    "high-level": Session.Type.HIGH_LEVEL,
    # The first sites' "A Dynamic Coalition on …".
    "dynamic coalition": Session.Type.DYNAMIC_COALITION,
    "": "",
}


def vocabulary(choices, published, line, what, problems):
    """Map a published word onto a TextChoices value, accepting it with or without "Group"."""
    if not published:
        return ""
    value = choice_of(published, choices)
    if not value:
        problems.append((line, f"unknown {what} {published!r}"))
    return value


# The integer ranges of the columns on every database the archive runs on (PostgreSQL's).
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def misfit(model, name, value):
    """Why `value` cannot be stored in `model`'s column `name` on every database, or "".

    PostgreSQL refuses a text longer than its column and a number outside its column's range;
    SQLite stores the text, and fails on a number past 64 bits. The loader refuses such a
    document before it writes anything, on both databases alike (found by the importer's
    fuzzing: tests/sessions/importers/test_fuzz_documents.py).
    """
    field = model._meta.get_field(name)
    if isinstance(value, str) and field.max_length and len(value) > field.max_length:
        return f"longer than {field.max_length} characters ({len(value)})"
    kind = field.get_internal_type()
    if isinstance(value, int) and not isinstance(value, bool) and kind in INTEGER_RANGES:
        low, high = INTEGER_RANGES[kind]
        if not low <= value <= high:
            return f"out of range ({low} to {high}): {value}"
    return ""


def kept_for_review(person, reviews):
    """The person's role and groups in the archive's vocabularies, with what fits none of them
    kept verbatim: a group joins the affiliation text, a role label the role text, and each
    becomes a (line, reason) in `reviews`. A role outside the vocabulary is recorded as a
    speaker's: the archive has no participation without a role, and the role text says what
    the source published."""
    found = {}
    for key, choices, what in (
        ("role", Participation.Role, "role"),
        ("stakeholder_group", StakeholderGroup, "stakeholder group"),
        ("regional_group", RegionalGroup, "regional group"),
    ):
        unknown = []
        found[key] = vocabulary(choices, getattr(person, key), person.line, what, unknown)
        reviews.extend((line, f"{reason}, kept as published") for line, reason in unknown)
    affiliation = person.affiliation
    for key in ("stakeholder_group", "regional_group"):
        published = getattr(person, key).strip()
        if published and not found[key]:
            affiliation = f"{affiliation}, {published}" if affiliation else published
    role_text = person.role_text
    if not found["role"]:
        found["role"] = Participation.Role.SPEAKER
        role_text = role_text or person.role
    return {**found, "affiliation": affiliation, "role_text": role_text}


def values_and_people(parsed, reviews=None):
    """The session's values and people in the archive's vocabularies, and every problem found:
    (line, reason) pairs. Nothing is written. With a `reviews` list, a person's role or group
    outside the vocabularies is kept (see `kept_for_review`) and its reason goes to `reviews`
    instead of the problems."""
    problems = []
    session_type = SESSION_TYPE_WORDS.get(parsed.session_type.casefold().strip())
    if session_type is None and reviews is not None:
        # "Day 0 Event #95": the title line keeps the published type, the session is filed
        # under Other and an editor told why.
        reason = f"unknown session type {parsed.session_type!r}, filed as Other"
        reviews.append((parsed.title_line or 1, reason))
        session_type = Session.Type.OTHER
    elif session_type is None:
        problems.append((parsed.title_line or 1, f"unknown session type {parsed.session_type!r}"))
    people = []
    for person in parsed.people:
        if reviews is not None:
            kept = kept_for_review(person, reviews)
            people.append(
                {
                    "name": person.name,
                    "role": kept["role"],
                    "affiliation": kept["affiliation"],
                    "organization": person.organization,
                    "stakeholder_group": kept["stakeholder_group"],
                    "regional_group": kept["regional_group"],
                    "role_text": kept["role_text"],
                    "is_tbd": person.is_tbd,
                    "is_remote": person.is_remote,
                    "inferred_by": person.inferred_by,
                    "words_per_minute": person.words_per_minute,
                    "words": person.words,
                    "speech_seconds": person.seconds,
                }
            )
            continue
        people.append(
            {
                "name": person.name,
                "role": vocabulary(Participation.Role, person.role, person.line, "role", problems),
                "affiliation": person.affiliation,
                "organization": person.organization,
                "stakeholder_group": vocabulary(
                    StakeholderGroup,
                    person.stakeholder_group,
                    person.line,
                    "stakeholder group",
                    problems,
                ),
                "regional_group": vocabulary(
                    RegionalGroup,
                    person.regional_group,
                    person.line,
                    "regional group",
                    problems,
                ),
                "role_text": person.role_text,
                "is_tbd": person.is_tbd,
                "is_remote": person.is_remote,
                "inferred_by": vocabulary(
                    Inference, person.inferred_by, person.line, "inference rule", problems
                ),
                "words_per_minute": person.words_per_minute,
                "words": person.words,
                "speech_seconds": person.seconds,
            }
        )
    for model, column, codes, what in (
        (SdgGoal, "number", parsed.sdg_goals, "SDG"),
        (SdgTarget, "code", parsed.sdg_targets, "SDG target"),
    ):
        known = (
            set(model.objects.filter(**{f"{column}__in": codes}).values_list(column, flat=True))
            if codes
            else set()
        )
        problems.extend((1, f"{what} {code} does not exist") for code in codes if code not in known)
    values = {
        "title": parsed.title,
        "session_type": session_type or "",
        "number": parsed.number,
        **{
            name: getattr(parsed, name)
            for name in SCALAR_FIELDS
            if name not in {"title", "session_type", "number", "unplaced_text"}
        },
        "unplaced_text": "\n\n".join(parsed.unplaced),
    }
    problems += misfits(parsed, values)
    return values, people, problems


def misfits(parsed, values):
    """(line, reason) for each published value that its column cannot hold (see `misfit`)."""
    problems = []
    title_line = parsed.title_line or 1

    def check(line, what, model, field_name, value):
        if reason := misfit(model, field_name, value):
            problems.append((line, f"{what} {reason}"))
        return bool(reason)

    # A name's folded key is mostly shorter, but can outgrow it ("ﷺ" folds to 18 letters).
    def check_person(line, name):
        if not check(line, "name", PersonAlias, "name", name):
            check(line, "name (folded)", PersonAlias, "key", person_key(name))

    def check_organization(line, name):
        if not check(line, "organization", OrganizationAlias, "name", name):
            key = organization_key(name)
            check(line, "organization (folded)", OrganizationAlias, "key", key)

    for name in SCALAR_FIELDS:
        line = title_line if name in {"title", "number"} else 1
        check(line, name, Session, name, values[name])
    # A press page without its date waits for an editor (`missing_identity`): no meeting yet.
    if parsed.meeting_kind == Meeting.Kind.PRESS and (parsed.date or parsed.published_on):
        slug, name = meeting_slug_and_name(parsed)
        check(title_line, "meeting", Meeting, "slug", slug)
        check(title_line, "meeting", Meeting, "name", name)
    for person in parsed.people:
        line = person.line
        check_person(line, person.name)
        check_organization(line, person.organization)
        check(line, "role", Participation, "role_text", person.role_text)
        check(line, "speech speed", Participation, "words_per_minute", person.words_per_minute)
        check(line, "speech length", Participation, "words", person.words)
        check(line, "speech time", Participation, "speech_seconds", person.seconds)
    for name in [*parsed.organizers, parsed.host]:
        check_organization(1, name)
    for takeaway in parsed.takeaways:
        check(takeaway.line, "speaker", Takeaway, "speaker", takeaway.speaker)
    for argument in parsed.arguments:
        point = argument.major_discussion_point
        check(argument.line, "discussion point", Argument, "major_discussion_point", point)
        for name in [argument.speaker, *argument.agreed_with, *argument.disagreed_with]:
            check_person(argument.line, name)
    for turn in parsed.transcript:
        check(turn.line, "speaker", TranscriptTurn, "speaker_label", turn.speaker)
        # A press-conference label that names no person becomes a media outlet.
        check_organization(turn.line, turn.speaker)
    for model, rows in [
        (Participation, parsed.people),
        (PolicyQuestion, parsed.policy_questions),
        (Takeaway, parsed.takeaways),
        (Argument, parsed.arguments),
        (TranscriptTurn, parsed.transcript),
    ]:
        # Rows are numbered from 1: the last one's position is their count.
        line = getattr(rows[-1], "line", 1) if rows else 1
        plural = model._meta.verbose_name_plural
        check(line, f"number of {plural}", model, "position", len(rows))
    return problems


def missing_identity(parsed):
    """What the page lacks to tell its meeting, as (line, reason) pairs: the parser's reasons,
    or the missing year when the parser gave none. Such a page waits for an editor. A press
    conference is its date (see `meeting_slug_and_name`); another meeting is its kind and year."""
    if parsed.meeting_kind == Meeting.Kind.PRESS:
        told = parsed.date or parsed.published_on
    else:
        told = parsed.meeting_kind and parsed.meeting_year is not None
    if told:
        return []
    return list(parsed.missing) or [(parsed.title_line or 1, "no year: the meeting cannot be told")]


def meeting_slug_and_name(parsed):
    """The slug and name of the meeting a parsed session belongs to."""
    if parsed.meeting_kind == Meeting.Kind.PRESS:
        prefix = re.match(r"^(\S+)\s+press conference", parsed.title, re.IGNORECASE)
        who = prefix.group(1) if prefix else parsed.publisher
        # A press transcript page is dated when it was published; the parser requires it.
        when = parsed.date or parsed.published_on
        return (
            slugify(f"{who} press conference {when}"),
            f"{who} press conference, {when:%B %Y}",
        )
    return (
        f"{parsed.meeting_kind}-{parsed.meeting_year}",
        f"{parsed.meeting_kind.upper()} {parsed.meeting_year}",
    )
