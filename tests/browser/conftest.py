"""Browser tests: Debian's Chromium driven by Playwright, through the real gunicorn server.

They skip, saying why, where Playwright or Chromium is missing (the default `pytest` needs no
browser); `.ci/run` installs Chromium and runs them in a pass of their own. Each test gets a
fresh browser context (no cookies, no storage), like a person on a new device. Every page is
watched for CSP violations and script errors, which fail the test.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path

import pytest

from tests.ops.serverproc import entrypoint, free_port, server_env

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("PMP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = next((HERE / "vendor").glob("axe-core-*/axe.min.js"), None)
SCREENSHOTS = HERE / "screenshots"
PASSWORD = "correct horse battery staple"
HIGH = "100000 per minute"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 860}
# The test server's signing key: a test may forge a token (an expired one) the server accepts.
JWT_SECRET = "b" * 40

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - the dev install has it
    sync_playwright = expect = None

if os.environ.get("PMP_BROWSER_TESTS") == "own-pass":
    pytest.skip("the browser tests run in a pass of their own (.ci/run, pass 3)",
                allow_module_level=True)
if sync_playwright is None:
    pytest.skip("Playwright for Python is not installed (pip install -e '.[dev]')",
                allow_module_level=True)
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set PMP_CHROMIUM)",
                allow_module_level=True)

# The flags a sandboxed, offline machine needs (see the env notes): no background network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser-server")
    instance, logs = base / "instance", base / "logs"
    instance.mkdir(), logs.mkdir()
    env = server_env(instance, free_port(), WEB_CONCURRENCY="2", COOKIE_SECURE="false",
                     LOGIN_RATE_LIMIT=HIGH, REGISTER_RATE_LIMIT=HIGH, DEFAULT_RATE_LIMIT=HIGH,
                     REFRESH_RATE_LIMIT_REQUESTS="100000", JWT_SECRET_KEY=JWT_SECRET,
                     LOG_LEVEL="WARNING")
    with entrypoint(env, logs) as process:
        process.wait_healthy()
        yield process
        process.terminate()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page whose console errors and CSP violations are collected."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.add_init_script(RECORD_CSP_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _console(self, message):
        # CSP violations are judged by where they come from (see `violations`), not here.
        if message.type != "error" or "Content Security Policy" in message.text:
            return
        if "Failed to load resource" not in message.text:
            self.problems.append(f"console: {message.text}")

    def all_problems(self) -> list[str]:
        """Script errors, and CSP violations caused by the app's own files (axe-core, run
        from the test, tries inline styles too: those have no source file of the app)."""
        try:
            found = self.page.evaluate("() => window.__pmpCsp || []")
        except Exception:  # noqa: BLE001 - the page may be closed or navigating
            found = []
        return self.problems + [f"CSP: {v}" for v in found
                                if "/assets/" in (v.get("source") or "") or not v.get("axe")]


# Every refused load or inline style, with the file that caused it.
RECORD_CSP_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (e) => {
  (window.__pmpCsp = window.__pmpCsp || []).push({directive: e.violatedDirective,
    blocked: e.blockedURI, source: e.sourceFile, sample: e.sample, axe: !!window.__pmpAxe});
});
"""


@pytest.fixture
def context(browser, server):
    made = browser.new_context(base_url=server.base, viewport=DESKTOP, locale="en-GB",
                               timezone_id="Europe/Berlin")
    made.set_default_timeout(10_000)
    yield made
    made.close()


@pytest.fixture
def watched(context):
    page = context.new_page()
    watch = Watched(page)
    yield watch
    problems = watch.all_problems()
    assert problems == [], "\n".join(problems)


@pytest.fixture
def page(watched):
    return watched.page


def unique(prefix: str = "hiker") -> str:
    return f"{prefix}{uuid.uuid4().hex[:8]}"


def sign_up(page, username: str | None = None) -> str:
    """Create an account through the sign-up screen; the app lands on the packs."""
    username = username or unique()
    page.goto("/signup")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/packs$"))
    return username


def check_accessibility(page, name: str) -> None:
    """axe-core finds no critical or serious violation on the screen as it is now.

    The script is evaluated through the DevTools protocol, which a page's CSP does not govern,
    so the app's strict CSP stays on while it is checked.
    """
    result = _run_axe(page)
    bad = [v for v in result if v["impact"] in ("critical", "serious")]
    assert bad == [], f"axe on {name}: {bad}"


def _run_axe(page) -> list[dict]:
    page.evaluate("() => { window.__pmpAxe = true; }")
    page.evaluate(AXE.read_text())
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def phone(browser, server):
    made = browser.new_context(base_url=server.base, viewport=PHONE, is_mobile=True,
                               has_touch=True, locale="en-GB")
    made.set_default_timeout(10_000)
    page = made.new_page()
    watch = Watched(page)
    yield page
    problems = watch.all_problems()
    made.close()
    assert problems == [], "\n".join(problems)
