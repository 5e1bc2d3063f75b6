"""Writing a session's collections: each writer rewrites one collection's rows whole.

A writer takes the loader (for its organizations looked up once per document and its list of
changes), the session and the collection as published, and returns what it wrote, from which
sessions.importers.snapshot takes the collection's digest. The loader calls them in the order
of `SessionLoader.apply_collections`.
"""

from simple_history.utils import bulk_create_with_history

from sessions.importers.snapshot import ARGUMENT_LINKS, WRITTEN_ROWS
from sessions.models import (
    Argument,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    RegionalGroup,
    Takeaway,
    TranscriptTurn,
)
from speakers.history import current_change_reason
from speakers.identity import Listing, resolve_people
from speakers.names import organization_key, person_key


def delete_rows(session, name):
    """Delete the rows of a collection before it is written again."""
    if name == "sdgs":
        session.sdg_goals.clear()
        session.sdg_targets.clear()
        return
    related, _ = WRITTEN_ROWS[name]
    getattr(session, related).all().delete()


def write_organizers(loader, session, published):
    rows = {}
    for position, item in enumerate(published, 1):
        organization = loader.organization_at(item["path"])
        # Spellings of one organization ("… (CAST)", "…") give one organizer row.
        rows.setdefault(
            (organization.pk, item["role"]),
            Organizer(
                session=session,
                organization=organization,
                role=item["role"],
                position=position,
                published_name=item["name"],
            ),
        )
    return bulk_create_with_history(list(rows.values()), Organizer, **history_reason())


def listing(year, item):
    """What a source published with a name that tells namesakes apart (speakers.identity)."""
    region = item["regional_group"]
    return Listing(
        year=year,
        affiliation=organization_key(item["affiliation"] or item["organization"] or ""),
        # An intergovernmental organization's "region" is no group of countries.
        region="" if region == RegionalGroup.INTERGOVERNMENTAL else region,
        stakeholder=item["stakeholder_group"],
    )


def past_listings(person_ids):
    """{person id: [Listing]} of every participation of these people (one query)."""
    rows = Participation.objects.filter(person_id__in=person_ids).values_list(
        "person_id",
        "session__meeting__year",
        "affiliation",
        "organization__name",
        "regional_group",
        "stakeholder_group",
    )
    past = {}
    for person_id, year, affiliation, organization, region, stakeholder in rows:
        item = {
            "affiliation": affiliation,
            "organization": organization,
            "regional_group": region,
            "stakeholder_group": stakeholder,
        }
        past.setdefault(person_id, []).append(listing(year, item))
    return past


def write_people(loader, session, published):
    listings = {}
    for item in published:
        listings.setdefault(item["name"], listing(session.meeting.year, item))
    people, created = resolve_people([item["name"] for item in published], listings, past_listings)
    loader.changes += [f"person {person.name} created" for person in created]
    # What the report says of a presenter who is also listed ("Prof. GONG Ke, President of
    # the World Federation of Engineering Organizations, ..., delivered ..."): the affiliation
    # and its organization, for a listed row that gives none.
    reported = {}
    for item in published:
        if item["role"] == Participation.Role.PRESENTER and item["affiliation"]:
            reported.setdefault(people[item["name"]].pk, item)
    rows, seen = [], set()
    for position, item in enumerate(published, 1):
        person = people[item["name"]]
        # A presenter named only in the report is recorded once; when the
        # person is already listed in another role, the spelling is enough.
        if item["role"] == Participation.Role.PRESENTER and any(pk == person.pk for pk, _ in seen):
            continue
        if (person.pk, item["role"]) in seen:
            continue
        seen.add((person.pk, item["role"]))
        if not (item["affiliation"] or item["organization"]) and person.pk in reported:
            presented = reported[person.pk]
            item = {
                **item,
                "affiliation": presented["affiliation"],
                "organization": presented["organization"],
            }
        path = item["organization"]
        rows.append(
            Participation(
                session=session,
                person=person,
                position=position,
                published_name=item["name"],
                organization=loader.organization_at(path) if path else None,
                **{k: v for k, v in item.items() if k not in {"name", "organization"}},
            )
        )
    return bulk_create_with_history(rows, Participation, **history_reason())


def write_policy_questions(loader, session, published):
    return bulk_create_with_history(
        [
            PolicyQuestion(session=session, position=position, text=text)
            for position, text in enumerate(published, 1)
        ],
        PolicyQuestion,
        **history_reason(),
    )


def write_sdgs(loader, session, published):
    # add() needs no read of the links; the old ones were deleted with delete_rows.
    session.sdg_goals.add(*published["goals"])
    session.sdg_targets.add(*published["targets"])
    return published["goals"], published["targets"]


def write_takeaways(loader, session, published):
    kinds = {value for value, _ in Takeaway.Kind.choices}
    return bulk_create_with_history(
        [
            Takeaway(
                session=session,
                kind=item["kind"],
                position=position,
                text=item["text"],
                speaker=item["speaker"],
                details=item["details"],
                is_cut_off=item["is_cut_off"],
            )
            for position, item in enumerate(published, 1)
            if item["kind"] in kinds
        ],
        Takeaway,
        **history_reason(),
    )


def people_by_key(session):
    """The session's people, by the key of each name they were published under."""
    rows = session.participations.values_list("published_name", "person_id")
    return {person_key(name): person_id for name, person_id in rows}


def write_arguments(loader, session, published):
    people = people_by_key(session)
    # Names that are no participant of the session (rare) are resolved in one go.
    others = [
        name
        for item in published
        for name in [item["speaker"], *item["agreed_with"], *item["disagreed_with"]]
        if person_key(name) not in people
    ]
    people.update(
        {person_key(name): person.pk for name, person in resolve_people(others)[0].items()}
    )

    def person_id(name):
        return people[person_key(name)]

    arguments = bulk_create_with_history(
        [
            Argument(
                session=session,
                person_id=person_id(item["speaker"]),
                position=position,
                claim=item["claim"],
                explanation=item["explanation"],
                evidence=item["evidence"],
                major_discussion_point=item["major_discussion_point"],
                topics=item["topics"],
                agreed_on=item["agreed_on"],
                disagreed_on=item["disagreed_on"],
            )
            for position, item in enumerate(published, 1)
        ],
        Argument,
        **history_reason(),
    )
    links = []
    for relation in ARGUMENT_LINKS:
        through = getattr(Argument, relation).through
        rows = through.objects.bulk_create(
            through(argument_id=argument.pk, person_id=pid)
            for argument, item in zip(arguments, published, strict=True)
            for pid in dict.fromkeys(person_id(name) for name in item[relation])
        )
        positions = {argument.pk: argument.position for argument in arguments}
        links += [[relation, positions[row.argument_id], row.person_id] for row in rows]
    return arguments, links


def write_transcript(loader, session, published):
    keys = people_by_key(session)
    turns = []
    for position, item in enumerate(published, 1):
        person_id = keys.get(person_key(item["speaker"]))
        organization = None
        if person_id is None and loader.parsed.meeting_kind == Meeting.Kind.PRESS:
            # A press-conference label that names no listed person is a media outlet asking.
            organization = loader.organization(item["speaker"], is_media_outlet=True)
        turns.append(
            TranscriptTurn(
                session=session,
                position=position,
                speaker_label=item["speaker"],
                person_id=person_id,
                organization=organization,
                text=item["text"],
            )
        )
    return bulk_create_with_history(turns, TranscriptTurn, **history_reason())


def history_reason():
    """The change reason for bulk-created rows' history: the import's, set by the caller."""
    return {"default_change_reason": current_change_reason()}
