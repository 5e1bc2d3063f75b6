"""The API's query parameters in its OpenAPI schema, generated from the lists' FilterSets.

A list's parameters are its FilterSet's form fields, so the schema cannot drift from what
the list accepts: a repeatable value (ValuesField) is an array, a closed vocabulary an enum,
the description the field's help text.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from sessions.browse.parameters import ValuesField

PAGE = OpenApiParameter(
    "page", {"type": "integer", "minimum": 1}, description="Page number, from 1."
)


def enum_of(field):
    choices = getattr(field, "choices", None)
    return [value for value, _label in choices if value != ""] if choices else None


def parameter(name, field):
    enum = enum_of(field)
    description = str(field.help_text or field.label or name)
    if isinstance(field, ValuesField) and field.many:
        items = {"type": "string", **({"enum": enum} if enum else {})}
        return OpenApiParameter(
            name,
            {"type": "array", "items": items},
            OpenApiParameter.QUERY,
            description=description,
            explode=True,
        )
    if length := getattr(field, "max_length", None):
        return OpenApiParameter(
            name, {"type": "string", "maxLength": length}, description=description
        )
    return OpenApiParameter(name, OpenApiTypes.STR, description=description, enum=enum)


def filterset_parameters(filterset_class):
    """The query parameters of a list filtered by `filterset_class`, and its page."""
    fields = filterset_class().form.fields
    return [parameter(name, field) for name, field in fields.items()] + [PAGE]
