"""The API's representations: every object carries its id, its API url and its page's url.

Nested objects are the short forms of the objects they point at, with the same three
links, so that a client can follow them without building a URL.
"""

from dataclasses import asdict

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    SdgGoal,
    SdgTarget,
    Session,
    SourceDocument,
    Takeaway,
    TranscriptTurn,
    shape,
)
from sessions.outputs.origin import GIVEN, IMPLIED, origin
from speakers.models import Organization, Person


class LinkedSerializer(serializers.ModelSerializer):
    """Adds `url` (this object in the API) and `html_url` (its public page)."""

    api_view_name = ""

    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return self.absolute(reverse(self.api_view_name, kwargs={"id": obj.pk}))

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, obj):
        return self.absolute(obj.get_absolute_url())

    def absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


def sessions_link(serializer, parameter, value):
    """The API list of sessions filtered by one parameter: a person's or a meeting's sessions."""
    return serializer.absolute(f"{reverse('api:session-list')}?{parameter}={value}")


@extend_schema_field(
    {"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}$", "nullable": True, "example": "10:15:00"}
)
class LocalTimeField(serializers.TimeField):
    """A time of day as the source gives it, HH:MM:SS in the session's `time_zone`.

    Not OpenAPI's "time" format, which is RFC 3339's and requires an offset.
    """


class MeetingShortSerializer(LinkedSerializer):
    api_view_name = "api:meeting-detail"

    class Meta:
        model = Meeting
        fields = ["id", "url", "html_url", "slug", "name", "year"]


class MeetingSerializer(LinkedSerializer):
    api_view_name = "api:meeting-detail"
    sessions_url = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "name",
            "kind",
            "year",
            "city",
            "country",
            "venue",
            "start_date",
            "end_date",
            "sessions_url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_sessions_url(self, obj):
        return sessions_link(self, "meeting", obj.slug)


class PersonShortSerializer(LinkedSerializer):
    api_view_name = "api:person-detail"

    class Meta:
        model = Person
        fields = ["id", "url", "html_url", "slug", "name"]


class PersonSerializer(LinkedSerializer):
    api_view_name = "api:person-detail"
    aliases = serializers.SerializerMethodField()
    sessions_url = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "url", "html_url", "slug", "name", "aliases", "sessions_url"]

    def get_aliases(self, obj) -> list[str]:
        return [alias.name for alias in obj.aliases.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_sessions_url(self, obj):
        return sessions_link(self, "speaker", obj.slug)


class OrganizationShortSerializer(LinkedSerializer):
    api_view_name = "api:organization-detail"

    class Meta:
        model = Organization
        fields = ["id", "url", "html_url", "slug", "name"]


class OrganizationSerializer(LinkedSerializer):
    api_view_name = "api:organization-detail"
    aliases = serializers.SerializerMethodField()
    # The organization this one is a unit of, and its own units (by name): a unit's people are
    # its parent's too, as on the organization's page.
    parent = OrganizationShortSerializer(read_only=True, allow_null=True)
    units = OrganizationShortSerializer(many=True, read_only=True)
    sessions_url = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "name",
            "is_media_outlet",
            "aliases",
            "parent",
            "units",
            "sessions_url",
        ]

    def get_aliases(self, obj) -> list[str]:
        return [alias.name for alias in obj.aliases.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_sessions_url(self, obj):
        return sessions_link(self, "organizer", obj.slug)


class SdgTargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = SdgTarget
        fields = ["code", "text"]


class SdgGoalSerializer(LinkedSerializer):
    api_view_name = "api:sdg-detail"
    id = serializers.IntegerField(source="number", read_only=True)
    targets = SdgTargetSerializer(many=True, read_only=True)
    sessions_url = serializers.SerializerMethodField()

    class Meta:
        model = SdgGoal
        fields = ["id", "url", "html_url", "short", "title", "color", "targets", "sessions_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_sessions_url(self, obj):
        return sessions_link(self, "sdg", obj.number)


class OrganizerSerializer(serializers.ModelSerializer):
    organization = OrganizationShortSerializer(read_only=True)

    class Meta:
        model = Organizer
        fields = ["organization", "role", "published_name"]


class ParticipationSerializer(serializers.ModelSerializer):
    person = PersonShortSerializer(read_only=True)
    organization = OrganizationShortSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participation
        fields = [
            "person",
            "role",
            "published_name",
            "affiliation",
            "organization",
            "stakeholder_group",
            "regional_group",
            "role_text",
            "is_tbd",
            "is_remote",
            "inferred_by",
            "speech_seconds",
            "words",
            "words_per_minute",
        ]


class SessionSerializer(LinkedSerializer):
    """A session as a list shows it: when, where, on which SDGs, organized by whom, with whom."""

    api_view_name = "api:session-detail"
    meeting = MeetingShortSerializer(read_only=True)
    type = serializers.CharField(source="session_type", read_only=True)
    label = serializers.CharField(read_only=True)
    sdg_goals = serializers.SerializerMethodField()
    sdg_targets = serializers.SerializerMethodField()
    organizers = OrganizerSerializer(many=True, read_only=True)
    participants = ParticipationSerializer(many=True, read_only=True, source="participations")
    start_time = LocalTimeField(read_only=True, allow_null=True)
    end_time = LocalTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "url",
            "html_url",
            "meeting",
            "type",
            "number",
            "label",
            "title",
            *shape.WHEN_AND_WHERE,
            "format",
            "sdg_goals",
            "sdg_targets",
            "organizers",
            "participants",
            *shape.TIMESTAMPS,
        ]

    def get_sdg_goals(self, obj) -> list[int]:
        return [goal.number for goal in obj.sdg_goals.all()]

    def get_sdg_targets(self, obj) -> list[str]:
        return [target.code for target in obj.sdg_targets.all()]


class TakeawaySerializer(serializers.ModelSerializer):
    class Meta:
        model = Takeaway
        fields = ["kind", "text", "speaker", "details", "is_cut_off"]


class ArgumentSerializer(serializers.ModelSerializer):
    """A claim, by whom, and who agreed or disagreed (people's ids, as `person.id`)."""

    person = PersonShortSerializer(read_only=True)
    agreed_with = serializers.SerializerMethodField()
    disagreed_with = serializers.SerializerMethodField()

    class Meta:
        model = Argument
        fields = [
            "person",
            "major_discussion_point",
            "claim",
            "explanation",
            "evidence",
            "topics",
            "agreed_with",
            "agreed_on",
            "disagreed_with",
            "disagreed_on",
        ]

    def get_agreed_with(self, obj) -> list[int]:
        return [person.pk for person in obj.agreed_with.all()]

    def get_disagreed_with(self, obj) -> list[int]:
        return [person.pk for person in obj.disagreed_with.all()]


class CuratedFactSerializer(serializers.ModelSerializer):
    class Meta:
        model = CuratedFact
        fields = ["field", "value", "source"]


class SourceDocumentSerializer(serializers.ModelSerializer):
    """The document a session was imported from: its name, format and SHA-256 (its text is
    kept verbatim by the archive but not served)."""

    class Meta:
        model = SourceDocument
        fields = ["file_name", "format", "sha256", "imported_at"]


# The session's own texts, by part of its shape, that a list item leaves out. The SDGs' links
# and the source document are nested objects of their own (sdg_goals, source_document).
DETAIL_ONLY_FIELDS = [
    name
    for part in (shape.FORMAT, shape.PROPOSAL, shape.SDGS, shape.OUTCOME, shape.SOURCE)
    for name in part
    if name not in SessionSerializer.Meta.fields
]


class SessionDetailSerializer(SessionSerializer):
    """The whole record of a session, as its page shows it: texts, policy questions,
    takeaways, arguments and provenance; the transcript's turns at `transcript_url`."""

    policy_questions = serializers.SerializerMethodField()
    takeaways = TakeawaySerializer(many=True, read_only=True)
    arguments = ArgumentSerializer(many=True, read_only=True)
    source_document = SourceDocumentSerializer(read_only=True, allow_null=True)
    original_page = serializers.SerializerMethodField()
    curated_facts = CuratedFactSerializer(many=True, read_only=True)
    meeting_curated_facts = CuratedFactSerializer(
        many=True, read_only=True, source="meeting.curated_facts"
    )
    transcript_turn_count = serializers.IntegerField(read_only=True)
    transcript_url = serializers.SerializerMethodField()

    class Meta(SessionSerializer.Meta):
        fields = [
            *SessionSerializer.Meta.fields,
            *DETAIL_ONLY_FIELDS,
            "policy_questions",
            "takeaways",
            "arguments",
            "original_page",
            "curated_facts",
            "meeting_curated_facts",
            "transcript_turn_count",
            "transcript_url",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {
                "url": {"type": "string", "format": "uri"},
                "basis": {"type": "string", "enum": [GIVEN, IMPLIED]},
                "how": {"type": "string"},
            },
        }
    )
    def get_original_page(self, obj):
        """The session's page on its publisher's site, as its page shows it: given by the
        editors or implied by the publisher's rule for its addresses (sessions.outputs.origin);
        null when neither."""
        found = origin(obj, obj.curated_facts.all())
        return None if found is None else asdict(found)

    def get_policy_questions(self, obj) -> list[str]:
        return [question.text for question in obj.policy_questions.all()]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_transcript_url(self, obj):
        """The turns' first page; null when the session has no transcript."""
        if not obj.transcript_turn_count:
            return None
        return self.absolute(reverse("api:session-transcript", kwargs={"id": obj.pk}))


class TranscriptTurnSerializer(serializers.ModelSerializer):
    person = PersonShortSerializer(read_only=True, allow_null=True)
    organization = OrganizationShortSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TranscriptTurn
        fields = ["position", "speaker_label", "person", "organization", "text"]


class SessionShortSerializer(LinkedSerializer):
    """A session named in a person's or an organization's record."""

    api_view_name = "api:session-detail"
    meeting = serializers.CharField(source="meeting.slug", read_only=True)
    type = serializers.CharField(source="session_type", read_only=True)
    label = serializers.CharField(read_only=True)

    class Meta:
        model = Session
        fields = ["id", "url", "html_url", "meeting", "type", "number", "label", "title", "date"]


class PersonParticipationSerializer(serializers.ModelSerializer):
    session = SessionShortSerializer(read_only=True)
    organization = OrganizationShortSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participation
        fields = ["session", "role", "published_name", "affiliation", "organization"]


class PersonDetailSerializer(PersonSerializer):
    """A person with every session they are listed in, one entry a role."""

    participations = PersonParticipationSerializer(many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "participations"]


class OrganizationSessionSerializer(serializers.ModelSerializer):
    session = SessionShortSerializer(read_only=True)

    class Meta:
        model = Organizer
        fields = ["session", "role", "published_name"]


class AffiliationSerializer(serializers.ModelSerializer):
    session = SessionShortSerializer(read_only=True)
    person = PersonShortSerializer(read_only=True)

    class Meta:
        model = Participation
        fields = ["session", "person", "role", "affiliation"]


class OrganizationDetailSerializer(OrganizationSerializer):
    """An organization with the sessions it organized or hosted, and the people listed in a
    session under it."""

    organized = OrganizationSessionSerializer(many=True, read_only=True)
    participations = AffiliationSerializer(many=True, read_only=True)

    class Meta(OrganizationSerializer.Meta):
        fields = [*OrganizationSerializer.Meta.fields, "organized", "participations"]
