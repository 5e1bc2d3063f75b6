"""The one owner of the counts copied onto people and organizations.

A person's sessions, first and last year; an organization's sessions, sessions organized and
people (speakers.models.COUNTS). The people and organization lists show them and sort by them:
copied, a page of either list is the first rows of an index (speakers_person_by_sessions, ...),
where counting at each visit would group every one of a million participations.

Only this module computes them, and every writer reaches it through sessions/derived.py:
refreshing a session's derived columns refreshes the counts of the people and organizations
of its rows, and of those a deleted or moved row named (`derived.touch`); the synthetic
generator and the archive's migration 0015 refresh all of them.
"""

from django.apps import apps as global_apps
from django.db.models import Count, Exists, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce


def column(rows, owner, aggregate):
    """aggregate over `rows` (which name OuterRef("pk") as `owner`), as a column of owners."""
    grouped = rows.order_by().values(owner).annotate(value=aggregate).values("value")
    return Subquery(grouped)


def refresh_people(ids=None, apps=global_apps):
    """Recompute the counts of these people (every person with None); one UPDATE."""
    Person = apps.get_model("speakers", "Person")
    Participation = apps.get_model("archive", "Participation")
    people = Person.objects.all() if ids is None else Person.objects.filter(pk__in=ids)
    rows = Participation.objects.filter(person=OuterRef("pk"))
    people.update(
        session_count=Coalesce(column(rows, "person", Count("session", distinct=True)), 0),
        first_year=column(rows, "person", Min("session__year")),
        last_year=column(rows, "person", Max("session__year")),
    )


def refresh_organizations(ids=None, apps=global_apps):
    """Recompute the counts of these organizations (every one with None); one UPDATE.

    Its sessions are those organized, plus those its people took part in, less those of both:
    each part reads its own table by the organization's index, where one count over sessions
    joined to both (organized OR took part) would read every session for every organization.
    """
    Organization = apps.get_model("speakers", "Organization")
    Organizer = apps.get_model("archive", "Organizer")
    Participation = apps.get_model("archive", "Participation")
    organizations = (
        Organization.objects.all() if ids is None else Organization.objects.filter(pk__in=ids)
    )
    organized = Organizer.objects.filter(organization=OuterRef("pk"))
    took_part = Participation.objects.filter(organization=OuterRef("pk"))
    both = took_part.filter(
        Exists(
            Organizer.objects.filter(
                session=OuterRef("session"), organization=OuterRef("organization")
            )
        )
    )
    sessions = Count("session", distinct=True)
    organized_count = Coalesce(column(organized, "organization", sessions), 0)
    organizations.update(
        organized_count=organized_count,
        people_count=Coalesce(column(took_part, "organization", Count("person", distinct=True)), 0),
        session_count=organized_count
        + Coalesce(column(took_part, "organization", sessions), 0)
        - Coalesce(column(both, "organization", sessions), 0),
    )


def refresh_of_sessions(session_ids, people=(), organizations=()):
    """Refresh the people and organizations named by these sessions' rows, and those given
    (named by rows deleted or moved since)."""
    Organizer = global_apps.get_model("archive", "Organizer")
    Participation = global_apps.get_model("archive", "Participation")
    participations = Participation.objects.filter(session__in=session_ids).order_by()
    people = {*people, *participations.values_list("person", flat=True)}
    organizations = {
        *organizations,
        *participations.exclude(organization=None).values_list("organization", flat=True),
        *Organizer.objects.filter(session__in=session_ids).values_list("organization", flat=True),
    }
    organizations.discard(None)
    if people:
        refresh_people(sorted(people))
    if organizations:
        refresh_organizations(sorted(organizations))
