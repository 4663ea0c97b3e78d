import pytest
from fastapi.testclient import TestClient

from web import create_app


@pytest.fixture(scope="module")
def client(tantivy_samples):
    with TestClient(create_app(tantivy_samples.settings)) as c:
        yield c


@pytest.fixture
def fresh_client(tmp_path):
    """An app on an empty archive of its own, for tests that write (uploads)."""
    from tests_support import settings_for

    with TestClient(create_app(settings_for(tmp_path))) as c:
        yield c
