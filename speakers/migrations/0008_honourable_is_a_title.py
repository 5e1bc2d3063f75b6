"""Recompute the key of every spelling that "Hon." or "Honourable" opens: these are now titles
(speakers.names.HONORIFICS, SHORT_TITLES), so that "Hon. Neema Lugangira" and "Neema
Lugangira" meet. The key is recomputed by speakers.names.person_key itself (see 0005)."""

from django.db import migrations
from django.db.models import Q

from speakers.names import person_key


def recompute(apps, schema_editor):
    PersonAlias = apps.get_model("speakers", "PersonAlias")
    titled = Q(key__startswith="hon") | Q(key__contains=" hon")
    for alias in PersonAlias.objects.filter(titled).order_by("pk"):
        key = person_key(alias.name)
        if alias.key != key:
            alias.key = key
            alias.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [("speakers", "0007_copied_counts_and_sort_names")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
