"""The API against its own OpenAPI schema: schemathesis fuzzes every operation in-process
(through the WSGI app, no server, no network) on the five bundled documents.

Every response must be no server error and conform to the schema (status code, content
type, body): schemathesis's default checks, not_a_server_error and
response_schema_conformance among them.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from igfarchive.wsgi import application

# Examples per operation: enough to reach every parameter and bad value, quick enough
# (the whole run takes seconds).
MAX_EXAMPLES = 25

pytestmark = pytest.mark.django_db


# Loaded at collection: serving the schema reads no database. (schemathesis's lazy
# from_fixture loader does not run on pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def connection_kept():
    """Keep the test's database connection across requests, as Django's test client does.

    schemathesis calls the WSGI app directly, whose request signals would close the
    connection, and with it the test's transaction (on PostgreSQL).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, imported, connection_kept):
    # Left out: positive_data_acceptance, which expects every schema-valid request to
    # succeed. A slug the schema cannot enumerate (meeting=xyz) or a page past the last
    # is a 400 naming the parameter, by design.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
