"""Public pages of people and organizations.

`speakers` imports nothing from `sessions` (the dependency points sessions -> speakers):
participations, organizers and transcript turns are read through the reverse relations of
Person and Organization (person.participations, organization.organized, ...), never by
importing their models.
"""

from django.db.models import Count, Max, Min
from django.shortcuts import get_object_or_404, render

from speakers.filters import OrganizationFilter, PersonFilter
from speakers.models import Organization, Person
from speakers.pagination import paginate

PER_PAGE = 50

# A person's or an organization's sessions, newest first, the rows of one session together.
NEWEST_SESSION_FIRST = ["-session__meeting__year", "-session__date", "-session_id", "position"]


def ignored(filterset):
    """One message per parameter the FilterSet could not use; it is left out, not an error."""
    return [
        f"Ignored {name}={filterset.data.get(name)}: {' '.join(errors)}"
        for name, errors in filterset.form.errors.items()
    ]


def person_list(request):
    people = (
        Person.objects.annotate(
            session_count=Count("participations__session", distinct=True),
            first_year=Min("participations__session__meeting__year"),
            last_year=Max("participations__session__meeting__year"),
        )
        .order_by("name", "pk")
        .prefetch_related("aliases")
    )
    filterset = PersonFilter(request.GET, queryset=people)
    page, page_ignored = paginate(request, filterset.qs, PER_PAGE)
    context = {
        "filter": filterset,
        "page": page,
        "ignored": [*ignored(filterset), *([page_ignored] if page_ignored else [])],
    }
    return render(request, "speakers/person_list.html", context)


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), slug=slug)
    participations = list(
        person.participations.select_related("session__meeting", "organization").order_by(
            *NEWEST_SESSION_FIRST
        )
    )
    context = {
        "person": person,
        "participations": participations,
        "session_count": len({p.session_id for p in participations}),
        "speech_seconds": sum(p.speech_seconds or 0 for p in participations),
    }
    return render(request, "speakers/person_detail.html", context)


def organization_list(request):
    organizations = (
        Organization.objects.annotate(
            organized_count=Count("organized__session", distinct=True),
            people_count=Count("participations__person", distinct=True),
        )
        .order_by("name", "pk")
        .prefetch_related("aliases")
    )
    filterset = OrganizationFilter(request.GET, queryset=organizations)
    page, page_ignored = paginate(request, filterset.qs, PER_PAGE)
    context = {
        "filter": filterset,
        "page": page,
        "ignored": [*ignored(filterset), *([page_ignored] if page_ignored else [])],
    }
    return render(request, "speakers/organization_list.html", context)


def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.prefetch_related("aliases"), slug=slug)
    context = {
        "organization": organization,
        "organized": organization.organized.select_related("session__meeting").order_by(
            *NEWEST_SESSION_FIRST
        ),
        "affiliations": organization.participations.select_related(
            "person", "session__meeting"
        ).order_by("person__name", "person_id", *NEWEST_SESSION_FIRST),
        "turns": organization.transcript_turns.select_related("session__meeting").order_by(
            *NEWEST_SESSION_FIRST
        ),
    }
    return render(request, "speakers/organization_detail.html", context)
