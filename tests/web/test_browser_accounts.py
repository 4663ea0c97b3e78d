"""A real headless Chromium on an archive with users: sign in, upload a ZIP through the form,
watch the activity page reach "done", search a word from it, open the page; and a form on
another site posting to the archive is refused."""

from __future__ import annotations

import zipfile

import pytest

from archive import open_accounts
from tests_support import chromium, make_pdf, served, settings_for
from web import create_app

pytestmark = pytest.mark.browser
PASSWORD = "una contraseña larga"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("browser-accounts"))
    accounts = open_accounts(settings)
    accounts.add_user("editor@example.org", "editor", PASSWORD)
    accounts.close()
    with served(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def sign_in(page, server: str, target: str = "/upload") -> None:
    page.goto(server + target)
    assert "/login?next=" in page.url  # anonymous: sent to the login form
    page.fill("input[name=email]", "editor@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button")
    page.wait_for_url(server + target)


def test_sign_in_upload_a_zip_watch_it_and_find_a_page(server, browser, tmp_path):
    page = browser.new_page()
    sign_in(page, server)
    assert "editor@example.org" in page.locator(".account").inner_text()
    bundle = tmp_path / "respuesta.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        z.write(make_pdf(tmp_path / "a.pdf", ["Acta de fallo de Tlacotalpan"]), "acta_fallo.pdf")
        z.write(make_pdf(tmp_path / "b.pdf", ["Contrato de Zacatlán", "Anexo técnico"]), "anexos/contrato.pdf")
    page.set_input_files("input[name=files]", str(bundle))
    page.click("form.upload button")
    page.wait_for_url(f"{server}/activity?batch=*")
    page.wait_for_function("() => { const rows = [...document.querySelectorAll('tr.job')];"
                           " return rows.length === 3 && rows.every(r => r.dataset.status === 'done'); }", timeout=120_000)
    page.goto(server + "/?q=tlacotalpan")
    page.locator("li.hit a.hit-title").first.click()
    page.wait_for_selector(".box.hit")
    assert "acta_fallo.pdf" in page.content()
    page.close()


def test_a_form_on_another_site_cannot_post_to_the_archive(server, browser):
    page = browser.new_page()
    sign_in(page, server, "/activity")
    form = (f'<form method="post" action="{server}/upload" enctype="multipart/form-data">'
            '<input type="hidden" name="csrf_token" value="guessed"><button>go</button></form>')
    page.route("http://evil.example/", lambda route: route.fulfill(body=form, content_type="text/html"))
    page.goto("http://evil.example/")
    with page.expect_response(lambda r: r.url == f"{server}/upload") as answer:
        page.click("button")
    assert answer.value.status == 403  # the browser said where the form came from (Origin)
    page.wait_for_load_state()
    assert "another web site" in page.content() or "otro sitio web" in page.content()

    page.goto(server + "/activity")  # a form of our own origin with a guessed token
    page.set_content(form)
    with page.expect_response(lambda r: r.url == f"{server}/upload") as answer:
        page.click("button")
    assert answer.value.status == 403
    page.close()
