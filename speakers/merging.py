"""Merging two records of one person (or organization), and splitting a spelling off again.

Works through Django's model metadata, so it moves every row that points at
the record (participations, arguments, transcript turns, agreement links, …)
without this app importing the apps that own those rows.
"""

from django.db import IntegrityError, models, transaction
from simple_history.models import HistoricalChanges

from speakers.history import change_reason, merge_reason, split_reason
from speakers.identity import REASON_LENGTH, unique_slug
from speakers.models import (
    DuplicateSuggestion,
    OrganizationDuplicateSuggestion,
    Person,
    PersonAlias,
)

# A model of another app that points at a person or an organization and keeps the name as
# its source published it says in which field, by this class attribute; split_off moves the
# rows whose published name is the spelling split off.
PUBLISHED_NAME_ATTRIBUTE = "published_name_field"
# A spelling that moves to another record says why: saved with the move.
RULE_FIELDS = {PersonAlias: ["rule", "rule_detail"]}


def referring_fields(model):
    """(model, field name) for every foreign key that points at `model`, m2m tables included.

    History rows are left out: they record what a row said at the time, merged or not.
    """
    for relation in model._meta.get_fields(include_hidden=True):
        if (
            isinstance(relation, models.ManyToOneRel)
            # A record's own links to its kind (an organization's units) are moved too.
            and (relation.field.model is not model or relation.related_name == "units")
            and not issubclass(relation.field.model, HistoricalChanges)
        ):
            yield relation.field.model, relation.field.name


def repoint(rows, field_name, target):
    """Point rows at `target`; a row that would duplicate one already there is dropped.

    Returns (moved, dropped): dropped rows say the same as a row the target already has.
    """
    moved = dropped = 0
    for row in rows:
        setattr(row, field_name, target)
        try:
            with transaction.atomic():
                row.save(update_fields=[field_name, *RULE_FIELDS.get(type(row), [])])
            moved += 1
        except IntegrityError:
            row.delete()
            dropped += 1
    return moved, dropped


@transaction.atomic
def merge(keep, other):
    """Fold `other` into `keep`: its rows and spellings move, then it is deleted."""
    if keep.pk == other.pk:
        raise ValueError("a record cannot be merged with itself")
    model = type(keep)
    moved = dropped = 0
    with change_reason(merge_reason(keep, other)):
        for related_model, field_name in referring_fields(model):
            # A suggestion about the pair goes with the merged record (a cascade).
            if related_model in (DuplicateSuggestion, OrganizationDuplicateSuggestion):
                continue
            rows = related_model._default_manager.filter(**{field_name: other})
            if related_model is model:
                # The record kept, were it a unit of the other, is not made a unit of itself.
                rows = rows.exclude(pk=keep.pk)
            rows = list(rows)
            if related_model is PersonAlias:
                for alias in rows:
                    there = ": ".join(filter(None, [alias.get_rule_display(), alias.rule_detail]))
                    alias.rule = PersonAlias.Rule.MERGED
                    alias.rule_detail = f"from {other.name} (there: {there or 'no rule'})"[
                        :REASON_LENGTH
                    ]
            counts = repoint(rows, field_name, keep)
            moved, dropped = moved + counts[0], dropped + counts[1]
        other.delete()
    return moved, dropped


@transaction.atomic
def split_off(alias):
    """Make a new record for one spelling, and move the rows published under it."""
    owner = alias.person if hasattr(alias, "person") else alias.organization
    model = type(owner)
    with change_reason(split_reason(alias.name, owner)):
        new = model.objects.create(name=alias.name, slug=unique_slug(model.objects, alias.name))
        moved = 0
        for related_model, field_name in referring_fields(model):
            name_field = getattr(related_model, PUBLISHED_NAME_ATTRIBUTE, None)
            if name_field:
                rows = related_model._default_manager.filter(
                    **{field_name: owner, name_field: alias.name}
                )
                moved += repoint(list(rows), field_name, new)[0]
        setattr(alias, "person" if model is Person else "organization", new)
        if model is Person:
            alias.rule = PersonAlias.Rule.SPLIT_OFF
            alias.rule_detail = f"from {owner.name}"[:REASON_LENGTH]
        alias.save()
    return new, moved
