"""Recompute every spelling's key with the rules of titles as they now are, and say for each
spelling recorded before rules were kept why it belongs to its person.

The key is recomputed by speakers.names.person_key itself: the key is defined by that function,
and a key computed by an older copy of it would not find what the importer looks up. "H.E." is
now a title (it was never matched), and the surname He is kept ("HE Jun" is no longer "Jun").
"""

from django.db import migrations

from speakers.names import person_key


def recompute(apps, schema_editor):
    PersonAlias = apps.get_model("speakers", "PersonAlias")
    first_of = {}
    for alias in PersonAlias.objects.order_by("person_id", "pk"):
        first = first_of.setdefault(alias.person_id, alias)
        key = person_key(alias.name)
        if alias.rule:
            rule, detail = alias.rule, alias.rule_detail
        elif alias.pk == first.pk:
            rule, detail = "first", ""
        elif key == person_key(first.name):
            rule, detail = "same_name", f"“{first.name}”"
        else:
            # An editor added it, or a merge brought it: which, was not recorded then.
            rule, detail = "editor", "recorded before rules were kept"
        if (alias.key, alias.rule, alias.rule_detail) != (key, rule, detail):
            alias.key, alias.rule, alias.rule_detail = key, rule, detail
            alias.save(update_fields=["key", "rule", "rule_detail"])


class Migration(migrations.Migration):
    dependencies = [("speakers", "0004_person_alias_rule")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
