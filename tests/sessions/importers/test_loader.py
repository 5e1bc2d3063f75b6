"""Facts read by a rule are recorded for an editor to confirm, and a re-import keeps them."""

import pytest

from sessions.models import InferredFact
from tests.bundled import import_bundled

pytestmark = pytest.mark.django_db

SLOT_RULE_START = "inferred from the layout: no label of its own"


def inferred():
    return [
        (fact.session.slug, fact.field, fact.subject, fact.value, fact.line, fact.confirmed)
        for fact in InferredFact.objects.select_related("session").order_by("session__slug", "pk")
    ]


def test_the_bundled_documents_give_a_date_from_a_report_and_moderators_from_the_layout():
    import_bundled()

    assert inferred() == [
        ("open-forum-9", "date", "", "2024-12-19", 68, False),
        ("workshop-125", "role", "Jing MA", "onsite_moderator", 17, False),
        ("workshop-125", "role", "Jieyao Wang", "rapporteur", 24, False),
        ("workshop-377", "role", "XIAODONG LI", "onsite_moderator", 18, False),
        ("workshop-377", "role", "Xiaobo YANG", "rapporteur", 25, False),
    ]
    date = InferredFact.objects.get(field="date")
    assert date.rule == (
        "taken from the session report: “On December 19”, in the year of the title line"
    )
    roles = InferredFact.objects.filter(field="role").values_list("rule", flat=True)
    assert {rule.startswith(SLOT_RULE_START) for rule in roles} == {True}


def test_a_reimport_keeps_a_confirmed_fact_confirmed_and_writes_nothing():
    import_bundled()
    InferredFact.objects.filter(field="date").update(confirmed=True)
    history = InferredFact.history.count()

    import_bundled()

    assert [row[-1] for row in inferred()] == [True, False, False, False, False]
    assert InferredFact.history.count() == history
