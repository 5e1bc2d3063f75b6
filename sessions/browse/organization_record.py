"""An organization's record across years, its units' included: the queries of its page.

A unit (a bureau of a ministry, a school of a university: `Organization.parent`) is part of its
organization, so the organization's page counts and lists the people affiliated with its units
too, and the sessions they spoke at. Each function is one query, whatever the size of the
organization, so that the page's query count stays fixed
(tests/sessions/browse/test_views_query_counts.py).
"""

from collections import defaultdict

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from sessions.models import Organizer, Participation, Session, TranscriptTurn
from speakers.models import Organization


def newest(year):
    """Newest year first, as an expression rather than the column.

    Ordered by the column, the planner walks every session in the order of the index
    archive_session_newest, probing each for the person's or organization's rows (0.4 s for
    the busiest person at 100,000 sessions); by an expression no index holds, it reads their
    own rows by their own index and sorts those (hundreds, or one year's with ByYear).
    """
    return Coalesce(year, Value(0)).desc()


def family_ids(organization):
    """The organization's id, then its units' at any depth (one query over every unit link)."""
    units = defaultdict(list)
    for pk, parent_id in Organization.objects.filter(parent__isnull=False).values_list(
        "pk", "parent_id"
    ):
        units[parent_id].append(pk)
    ids, seen = [organization.pk], {organization.pk}
    for pk in ids:
        for unit in units[pk]:
            if unit not in seen:
                seen.add(unit)
                ids.append(unit)
    return ids


def family_years(organization):
    """(family_ids, years): what the organization's page keeps per archive version."""
    ids = family_ids(organization)
    return ids, years(ids)


def sessions_of(ids):
    """The sessions the organizations organized or hosted, or their people took part in."""
    # One set of ids (a UNION), which the database reads by the organization's indexes and
    # then finds each session by its key; "IN (…) OR IN (…)" would test every session.
    organized = Organizer.objects.filter(organization_id__in=ids).order_by().values("session_id")
    attended = Participation.objects.filter(organization_id__in=ids).order_by()
    return Session.objects.filter(pk__in=organized.union(attended.values("session_id")))


def years(ids):
    """[{year, sessions, people, participations, turns}], newest year first: three grouped
    counts. The turns are the organization's own (the first of `ids`), as its page lists."""
    by_year = defaultdict(lambda: {"sessions": 0, "people": 0, "participations": 0, "turns": 0})
    for row in sessions_of(ids).order_by().values("year").annotate(count=Count("pk")):
        by_year[row["year"]]["sessions"] = row["count"]
    people = (
        Participation.objects.filter(organization_id__in=ids)
        .order_by()
        .values("session__year")
        .annotate(people=Count("person", distinct=True), participations=Count("pk"))
    )
    for row in people:
        by_year[row["session__year"]].update(
            people=row["people"], participations=row["participations"]
        )
    turns = (
        TranscriptTurn.objects.filter(organization_id=ids[0])
        .order_by()
        .values("session__year")
        .annotate(count=Count("pk"))
    )
    for row in turns:
        by_year[row["session__year"]]["turns"] = row["count"]
    newest_first = sorted(by_year, key=lambda year: (year is None, -(year or 0)))
    return [{"year": year, **by_year[year]} for year in newest_first]


def sessions_by_year(ids):
    """The sessions of `sessions_of`, newest first, each marked when one of the organizations
    organized or hosted it, with how many of their people took part."""
    organized = Organizer.objects.filter(session=OuterRef("pk"), organization_id__in=ids)
    people = (
        Participation.objects.filter(session=OuterRef("pk"), organization_id__in=ids)
        .order_by()
        .values("session")
        .annotate(count=Count("person", distinct=True))
        .values("count")
    )
    return (
        sessions_of(ids)
        .annotate(
            organized=Exists(organized),
            people_affiliated=Coalesce(Subquery(people, output_field=IntegerField()), Value(0)),
        )
        .order_by(newest("year"), "-date", "-pk")
    )


def people_by_year(ids):
    """The participations of the organizations' people, newest year first, by name within a
    year. The id settles a tie (one person in two roles of a session), so that a page chosen
    by keys (pagination.KeysFirst) is the same rows in the same order every time."""
    return Participation.objects.filter(organization_id__in=ids).order_by(
        newest("session__year"),
        "person__name",
        "person_id",
        "-session__date",
        "session_id",
        "pk",
    )
