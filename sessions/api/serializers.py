"""The API's representations: every object carries its id, its API url and its page's url.

Nested objects are the short forms of the objects they point at, with the same three
links, so that a client can follow them without building a URL.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sessions.models import Meeting, Organizer, Participation, SdgGoal, SdgTarget, Session, shape
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


class TakeawaySerializer(serializers.Serializer):
    kind = serializers.CharField()
    text = serializers.CharField()
    speaker = serializers.CharField()


class SessionDetailSerializer(SessionSerializer):
    """A session with its texts, policy questions and takeaways."""

    policy_questions = serializers.SerializerMethodField()
    takeaways = TakeawaySerializer(many=True, read_only=True)

    class Meta(SessionSerializer.Meta):
        fields = [
            *SessionSerializer.Meta.fields,
            "duration_minutes",
            "theme",
            "sub_themes",
            "description",
            "background",
            "expected_outcomes",
            "sdg_rationale",
            "summary",
            "report",
            "is_machine_generated",
            "policy_questions",
            "takeaways",
        ]

    def get_policy_questions(self, obj) -> list[str]:
        return [question.text for question in obj.policy_questions.all()]
