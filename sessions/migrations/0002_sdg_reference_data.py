"""Load the 17 SDG goals and 169 targets from fixtures/reference/sdg_goals_targets.json."""

import json
import re
from pathlib import Path

from django.db import migrations

REFERENCE = Path(__file__).resolve().parents[2] / "fixtures" / "reference" / "sdg_goals_targets.json"


def target_position(code):
    # Numbered targets (7.1, 7.2) come before lettered ones (7.a, 7.b), as the UN lists them.
    suffix = code.split(".", 1)[1]
    return int(suffix) if suffix.isdigit() else 100 + ord(suffix) - ord("a")


def load(apps, schema_editor):
    SdgGoal = apps.get_model("archive", "SdgGoal")
    SdgTarget = apps.get_model("archive", "SdgTarget")
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    SdgGoal.objects.bulk_create(
        SdgGoal(number=g["number"], short=g["short"], title=g["title"], color=g["color"])
        for g in data["goals"]
    )
    SdgTarget.objects.bulk_create(
        SdgTarget(
            code=t["code"],
            goal_id=t["goal"],
            text=t["text"],
            position=target_position(t["code"]),
        )
        for t in data["targets"]
        if re.fullmatch(r"\d+\.(\d+|[a-z])", t["code"])
    )


def unload(apps, schema_editor):
    apps.get_model("archive", "SdgTarget").objects.all().delete()
    apps.get_model("archive", "SdgGoal").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
