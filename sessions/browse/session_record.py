"""What a session's page reads beyond Session.objects.for_page(), one query each.

The page's time is Python more than SQL (docs/performance.md): each prefetched relation costs
a query compiled and its rows built into models, and each `.all()` in a template a new
queryset. So the rows only the page shows are read here by the session's id, without the
prefetch machinery; where prefetching would read two relations apart, these read them
together; and the template is given plain lists.
"""

from django.db.models import Q, Value

from igfarchive.links import link
from sessions.browse.lines import REGIONAL_LABELS, ROLE_LABELS, STAKEHOLDER_LABELS
from sessions.models import Argument, CuratedFact, PolicyQuestion, SdgTarget, Takeaway

AGREED, DISAGREED = 1, 2


def page_rows(session):
    """{targets, questions, takeaways, arguments, curated, meeting_facts}: the rows of the
    session (from for_page()) that its page shows and its structured data and citation do
    not read, each in its model's order."""
    curated, meeting_facts = editors_facts(session)
    arguments = Argument.objects.filter(session=session.pk).select_related("person")
    return {
        "targets": list(SdgTarget.objects.filter(sessions=session.pk)),
        "questions": list(PolicyQuestion.objects.filter(session=session.pk)),
        "takeaways": list(Takeaway.objects.filter(session=session.pk)),
        "arguments": with_agreements(arguments),
        "curated": curated,
        "meeting_facts": meeting_facts,
    }


def participation_lines(participations):
    """The session's participations (models: its structured data and citation read them) as
    the lines its people, speaking time and importer's notes show: dicts, whose lookups in a
    template cost a fraction of a model's and its person's (the people and speaking time
    were 3.7 ms of the largest session's 8.8 ms of template)."""
    lines = []
    for participation in participations:
        person, organization = participation.person, participation.organization
        lines.append(
            {
                "role": participation.role,
                "role_label": ROLE_LABELS.get(participation.role, participation.role),
                "name": person.name,
                "url": person.get_absolute_url(),
                "published_name": participation.published_name,
                "role_text": participation.role_text,
                "affiliation": participation.affiliation,
                "organization_name": organization and organization.name,
                "organization_url": organization and organization.get_absolute_url(),
                "stakeholder_group": participation.stakeholder_group,
                "stakeholder_label": STAKEHOLDER_LABELS.get(
                    participation.stakeholder_group, participation.stakeholder_group
                ),
                "regional_group": participation.regional_group,
                "regional_label": REGIONAL_LABELS.get(
                    participation.regional_group, participation.regional_group
                ),
                "is_tbd": participation.is_tbd,
                "is_remote": participation.is_remote,
                "inferred_by": participation.inferred_by,
                "inferred_label": participation.inferred_by
                and participation.get_inferred_by_display(),
                "speech_seconds": participation.speech_seconds,
                "words": participation.words,
                "words_per_minute": participation.words_per_minute,
            }
        )
    return lines


def editors_facts(session):
    """The facts the archive's editors added to the session and to its meeting, in one query:
    (the session's, the meeting's), each in the model's order."""
    facts = list(CuratedFact.objects.filter(Q(session=session) | Q(meeting=session.meeting_id)))
    return (
        [fact for fact in facts if fact.session_id is not None],
        [fact for fact in facts if fact.meeting_id is not None],
    )


def with_agreements(arguments):
    """`arguments` (a session's), each given `agreed` and `disagreed`: the people it agreed
    and disagreed with, in people's order (name, id), as {"name", "url"}. One query for both
    link tables of every argument."""
    arguments = list(arguments)
    links = [
        model.objects.filter(argument__in=arguments)
        .annotate(side=Value(side))
        .values_list("argument_id", "person_id", "person__name", "person__slug", "side")
        for model, side in [
            (Argument.agreed_with.through, AGREED),
            (Argument.disagreed_with.through, DISAGREED),
        ]
    ]
    people = {(argument.pk, side): [] for argument in arguments for side in (AGREED, DISAGREED)}
    if arguments:
        rows = links[0].union(links[1], all=True).order_by("person__name", "person_id")
        for argument_id, _person_id, name, slug, side in rows:
            people[argument_id, side].append({"name": name, "url": link("sessions:person", slug)})
    for argument in arguments:
        argument.agreed = people[argument.pk, AGREED]
        argument.disagreed = people[argument.pk, DISAGREED]
    return arguments
