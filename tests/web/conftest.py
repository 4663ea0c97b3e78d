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


@pytest.fixture(scope="module")
def server(tantivy_samples):
    """The samples' app on a real uvicorn server, for the browser tests; its base URL."""
    from tests_support import served

    with served(create_app(tantivy_samples.settings)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, driven by Playwright."""
    from tests_support import chromium

    with chromium() as b:
        yield b

