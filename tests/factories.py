"""factory_boy factories for the archive's models.

Each factory builds the smallest valid row: required fields only, unique fields
from sequences, and related rows through SubFactory (one extra row each, so that
query-count tests stay cheap). Pass values explicitly wherever a test asserts them.
"""

import datetime
import hashlib

import factory
from factory.django import DjangoModelFactory

from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    Session,
    SourceDocument,
    Takeaway,
    TranscriptTurn,
)
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    slug = factory.Sequence(lambda n: f"meeting-{n}")
    name = factory.Sequence(lambda n: f"Meeting {n}")
    kind = Meeting.Kind.IGF
    year = 2024


class SourceDocumentFactory(DjangoModelFactory):
    class Meta:
        model = SourceDocument

    file_name = factory.Sequence(lambda n: f"document-{n}.txt")
    format = SourceDocument.Format.IGF_PAGE_2024
    text = factory.Sequence(lambda n: f"Text of document {n}.")
    # The digest of the text, as the importer stores it: unique because the text is.
    sha256 = factory.LazyAttribute(lambda doc: hashlib.sha256(doc.text.encode()).hexdigest())
    imported_at = factory.LazyFunction(lambda: datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    meeting = factory.SubFactory(MeetingFactory)
    session_type = Session.Type.WORKSHOP
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class PersonAliasFactory(DjangoModelFactory):
    class Meta:
        model = PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.LazyAttribute(lambda alias: alias.person.name)


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")


class OrganizationAliasFactory(DjangoModelFactory):
    class Meta:
        model = OrganizationAlias

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.LazyAttribute(lambda alias: alias.organization.name)


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    role = Participation.Role.SPEAKER
    position = factory.Sequence(lambda n: n + 1)
    published_name = factory.LazyAttribute(lambda participation: participation.person.name)


class OrganizerFactory(DjangoModelFactory):
    class Meta:
        model = Organizer

    session = factory.SubFactory(SessionFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Organizer.Role.ORGANIZER
    position = factory.Sequence(lambda n: n + 1)
    published_name = factory.LazyAttribute(lambda organizer: organizer.organization.name)


class TakeawayFactory(DjangoModelFactory):
    class Meta:
        model = Takeaway

    session = factory.SubFactory(SessionFactory)
    kind = Takeaway.Kind.KEY_TAKEAWAY
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Takeaway {n}.")


class PolicyQuestionFactory(DjangoModelFactory):
    class Meta:
        model = PolicyQuestion

    session = factory.SubFactory(SessionFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Policy question {n}?")


class TranscriptTurnFactory(DjangoModelFactory):
    class Meta:
        model = TranscriptTurn

    session = factory.SubFactory(SessionFactory)
    position = factory.Sequence(lambda n: n + 1)
    person = factory.SubFactory(PersonFactory)
    speaker_label = factory.LazyAttribute(lambda turn: turn.person.name if turn.person else "")
    text = factory.Sequence(lambda n: f"Utterance {n}.")


class ArgumentFactory(DjangoModelFactory):
    class Meta:
        model = Argument

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(lambda n: n + 1)
    claim = factory.Sequence(lambda n: f"Claim {n}.")


class CuratedFactFactory(DjangoModelFactory):
    """A fact about a session; pass meeting=... and session=None for a fact about a meeting."""

    class Meta:
        model = CuratedFact

    session = factory.SubFactory(SessionFactory)
    meeting = None
    field = factory.Sequence(lambda n: f"field_{n}")
    value = factory.Sequence(lambda n: f"Value {n}")
    source = factory.Sequence(lambda n: f"https://example.org/source/{n}")
