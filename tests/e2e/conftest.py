"""Browser tests: the real app served on 127.0.0.1 in a thread, driven by Playwright in the system's Chromium.

Chromium: $CHROMIUM, else /usr/bin/chromium (Debian's package), else one Playwright installed. With none, the
browser tests are skipped with the reason printed, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from portfolio import create_app
from portfolio.config import TestConfig
from portfolio.demo import load_demo
from portfolio.extensions import db

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    with sync_playwright() as playwright:
        if executable is None:
            bundled = Path(playwright.chromium.executable_path)
            executable = str(bundled) if bundled.exists() else None
        if executable is None:
            message = "no Chromium found: install Debian's chromium package or set CHROMIUM=/path/to/chrome"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        if not AXE.exists():
            pytest.fail("axe-core is missing: run `npm ci` (make test does)")
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serve(tmp_path: Path, with_workbook: bool) -> Iterator[str]:
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config.update(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'e2e.db'}", PROPAGATE_UNEXPECTED=False)
    app = create_app(config)
    app.instance_path = str(tmp_path / "instance")
    with app.app_context():
        db.create_all()
        load_demo(with_workbook=with_workbook)
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    """The app on a free port with its own SQLite file, the demo trust and users loaded (no portfolio)."""
    yield from _serve(tmp_path, with_workbook=False)


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[str]:
    """As ``live_server``, with the demo workbook imported as the demo portfolio (what `make run` shows)."""
    yield from _serve(tmp_path, with_workbook=True)


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser page that fails the test on any Content-Security-Policy violation or JS error, and
    keeps a screenshot of its last state in test-artifacts/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert problems == [], problems


def check_accessibility(page) -> None:  # type: ignore[no-untyped-def]
    """Run axe-core (WCAG 2.0-2.2 A and AA rules) on the page; fail listing every violation."""
    page.evaluate(AXE.read_text())  # evaluate, not a <script> tag: the page's CSP rightly refuses inline scripts
    result = page.evaluate("""async () => await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""")
    violations = [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                  for v in result["violations"]]
    assert violations == [], json.dumps(violations, indent=1)


def sign_in(page, base_url: str, email: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
