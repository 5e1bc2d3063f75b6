"""A session's reference to download: BibTeX, RIS or CSL-JSON (sessions/outputs/citation.py
writes them; the session's page gives the same reference as APA and Chicago text)."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from sessions.models import Organizer, Participation, Session
from sessions.outputs.citation import CITED_ROLES, bibtex, csl_json, reference, ris

# A session's reference in each format: its writer, media type and file extension.
CITATION_FORMATS = {
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json"),
}


def cited_session(request, meeting, slug):
    """A session and what its reference needs, in three queries: the session with its meeting,
    its organizers with their organizations, its people with theirs."""
    session = get_object_or_404(
        Session.objects.select_related("meeting")
        .only(
            "title",
            "slug",
            "session_type",
            "number",
            "date",
            "publisher",
            "meeting__slug",
            "meeting__name",
            "meeting__year",
            "meeting__city",
            "meeting__country",
        )
        .prefetch_related(
            Prefetch("organizers", queryset=Organizer.objects.select_related("organization")),
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(role__in=CITED_ROLES)
                .select_related("person")
                .only("session", "role", "person__name"),
            ),
        ),
        meeting__slug=meeting,
        slug=slug,
    )
    return reference(session, request.build_absolute_uri(session.get_absolute_url()))


def session_citation(request, meeting, slug, extension):
    """A session's reference as BibTeX, RIS or CSL-JSON, to download."""
    write, content_type = CITATION_FORMATS[extension]
    response = HttpResponse(write(cited_session(request, meeting, slug)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{meeting}-{slug}.{extension}"'
    return response
