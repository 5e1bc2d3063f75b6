import datetime

import pytest

from tests.factories import MeetingFactory

# The time every dated session of these tests was last changed.
STAMP = datetime.datetime(2025, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)


@pytest.fixture
def meeting():
    return MeetingFactory(
        slug="igf-2024", name="IGF 2024", year=2024, city="Riyadh", country="Saudi Arabia"
    )
