"""Affiliations become organizations on import: the five bundled documents and the 25 real
pages, each affiliation that names an organization linked to one record."""

import pytest

from sessions.importers.documents import REAL_DOCUMENTS, Curated, DocumentRefused, import_file
from sessions.models import Organizer, Participation
from speakers.models import Organization
from tests.bundled import import_bundled

pytestmark = pytest.mark.django_db


def import_everything():
    outcomes = import_bundled()
    curated = Curated()
    for path in sorted(REAL_DOCUMENTS.glob("*.txt")):
        try:
            outcomes[path.name] = import_file(path, curated)
        except DocumentRefused:
            outcomes[path.name] = None
    return outcomes


def path_of(organization):
    names = []
    while organization is not None:
        names.insert(0, organization.name)
        organization = organization.parent
    return " › ".join(names)


def test_dump():
    import_everything()
    for row in (
        Participation.objects.exclude(affiliation="")
        .select_related("organization__parent__parent__parent")
        .order_by("session__year", "session_id", "position")
    ):
        print(repr(row.affiliation), "->", path_of(row.organization) if row.organization else None)
    for row in Organizer.objects.select_related("organization__parent").order_by(
        "session_id", "position"
    ):
        print("ORGANIZER", repr(row.published_name), "->", path_of(row.organization))
    for org in Organization.objects.prefetch_related("aliases").order_by("name"):
        print("ORG", org.name, "|", org.slug, "|", [a.name for a in org.aliases.all()])
    from speakers.models import OrganizationDuplicateSuggestion

    for s in OrganizationDuplicateSuggestion.objects.all():
        print("SUGGEST", s, s.reason)
    assert False
