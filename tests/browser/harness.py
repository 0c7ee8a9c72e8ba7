"""Real servers and a real Chromium, shared by the browser tests and bench/bench_app.py.

Every page comes from the app's own registry (ui.frame.HOME and ui.frame.CHAPTERS), so a new
page is covered without touching the tests. Chromium is not downloaded: Playwright drives the
system's Chromium (CHROMIUM_EXECUTABLE overrides its path).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.source_util import page_icon_and_name

from ui.frame import CHAPTERS, HOME
from ui.i18n import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGE_KEY, LANGUAGE_NAMES

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SKIP_ENV = "SKIP_BROWSER_TESTS"
SERVER_START_TIMEOUT = 60  # seconds until /_stcore/health answers
RENDER_TIMEOUT = 90_000  # ms; the first TensorFlow import alone takes 6-12 s on a small machine
SETTLE_MS = 300  # a bound widget may trigger one follow-up rerun right after the first

# The page's own clock for the benchmark: when the last key went down and when the script state
# last went from running to notRunning (a run too short to show "running" is not seen here; tests
# wait on the server's messages instead, see watch_runs).
CLOCK_SCRIPT = """
window.__lastKeyDown = 0; window.__lastRunEnd = 0;
new MutationObserver(mutations => {
  for (const m of mutations) {
    if (m.target.getAttribute('data-test-script-state') === 'notRunning' && m.oldValue === 'running') {
      window.__lastRunEnd = performance.now();
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
document.addEventListener('keydown', () => { window.__lastKeyDown = performance.now(); }, true);
"""


@dataclass(frozen=True)
class PageInfo:
    """One page of the registry: its id, script, URL path and title key."""
    page_id: str
    script: str
    chapter: str | None

    @property
    def path(self) -> str:
        """The URL path Streamlit's pages/ mode gives the script (number prefix stripped)."""
        return "/" if self.script == HOME[1] else "/" + page_icon_and_name(Path(self.script))[1]

    def title(self, language: str) -> str:
        """The page's h1 in `language` (the home page's h1 is the app title)."""
        key = "frame.app_title" if self.page_id == HOME[0] else f"{self.page_id}.title"
        return CATALOGUES[language][key]

    def nav_label(self, language: str) -> str:
        return CATALOGUES[language][f"{self.page_id}.title"]


def all_pages() -> list[PageInfo]:
    pages = [PageInfo(HOME[0], HOME[1], None)]
    pages += [PageInfo(page_id, script, chapter) for chapter, chapter_pages in CHAPTERS for page_id, script in chapter_pages]
    return pages


def page_by_id(page_id: str) -> PageInfo:
    return next(page for page in all_pages() if page.page_id == page_id)


def query_for(language: str, **params) -> dict:
    """The URL query a visitor in `language` sends (Korean, the default, has no lang parameter)."""
    query = {} if language == DEFAULT_LANGUAGE else {LANGUAGE_KEY: LANGUAGE_NAMES[language]}
    return {**query, **params}


def url_query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlsplit(page.url).query).items()}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """One `streamlit run streamlit_app.py` process on a free port, its log in a temporary file."""
    process: subprocess.Popen
    port: int
    log_path: Path
    started_at: float
    ready_at: float = 0.0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/", query: dict | None = None) -> str:
        return self.base_url + path + ("?" + urlencode(query) if query else "")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(OSError):
            self.log_path.unlink()


def spawn_server(extra_args: list[str] | None = None, python_args: list[str] | None = None,
                 env: dict | None = None) -> Server:
    """Start a server without waiting for it (the benchmark times the wait itself).

    `python_args` replaces `-m streamlit` (e.g. a launcher script); the CLI arguments stay the same.
    """
    port = free_port()
    log_file = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)  # noqa: SIM115
    command = [sys.executable, *(python_args or ["-m", "streamlit"]), "run", "streamlit_app.py",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
               *(extra_args or [])]
    started_at = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    log_file.close()
    server = Server(process, port, Path(log_file.name), started_at)
    atexit.register(server.stop)  # a crashed script must not leave a server behind
    return server


# Never through a proxy. urllib.request.urlopen builds its opener once per process, with the proxies
# of that moment: after a test that set a dead proxy (to keep a download offline), it would use it.
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def wait_until_ready(server: Server, timeout: float = SERVER_START_TIMEOUT) -> Server:
    """Wait until the port accepts connections and /_stcore/health answers "ok"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited with {server.process.returncode}:\n{server.log()[-3000:]}")
        try:
            with LOOPBACK.open(server.base_url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200 and answer.read().strip() == b"ok":
                    server.ready_at = time.perf_counter()
                    return server
        except OSError:
            pass
        time.sleep(0.05)
    log = server.log()
    server.stop()
    raise RuntimeError(f"server did not answer /_stcore/health within {timeout} s:\n{log[-3000:]}")


def start_server(**kwargs) -> Server:
    return wait_until_ready(spawn_server(**kwargs))


def chromium_missing() -> str | None:
    """Why the system Chromium cannot be used, or None."""
    if Path(CHROMIUM).exists():
        return None
    return (f"Chromium not found at {CHROMIUM}: install the distribution's chromium package or set "
            f"CHROMIUM_EXECUTABLE (browsers are not downloaded). Set {SKIP_ENV}=1 to skip the browser tests on purpose.")


def launch_browser(playwright):
    problem = chromium_missing()
    if problem:
        raise RuntimeError(problem)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def watch_runs(page) -> None:
    """Count the script runs the server reports finished to this page (ForwardMsg.script_finished,
    read from the WebSocket), including runs too short for the page to show the "running" state."""
    page.finished_runs = 0

    def on_frame(payload) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if (message.WhichOneof("type") == "script_finished"
                    and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                page.finished_runs += 1

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))


def new_context(browser, viewport: dict | None = None):
    """A browser context with the page clock installed in every page it opens."""
    context = browser.new_context(viewport=viewport or {"width": 1400, "height": 1000}, locale="ko-KR")
    context.add_init_script(CLOCK_SCRIPT)
    return context


def new_tab(context):
    """A new page (tab) in `context`: its own WebSocket, so a new Streamlit session, its runs counted.
    The context's HTTP cache is shared, so the app's scripts and styles load once per context."""
    page = context.new_page()
    page.set_default_timeout(15_000)
    watch_runs(page)
    return page


def new_page(browser):
    """A page in a fresh browser context (a new Streamlit session), its runs counted."""
    return new_tab(new_context(browser))


def wait_idle(page, timeout: float = RENDER_TIMEOUT) -> None:
    """Wait until the script is not running and every element is drawn, then check again after a
    short settle. "notRunning" alone is not enough on a fresh page: the browser loads the code of
    each kind of element lazily and shows a skeleton (stSkeleton) until it arrives."""
    for settle in (True, False):
        page.wait_for_selector("[data-test-script-state='notRunning']", timeout=timeout)
        page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=timeout)
        if settle:
            page.wait_for_timeout(SETTLE_MS)


def open_url(page, url: str, timeout: float = RENDER_TIMEOUT) -> None:
    """Open `url` and wait until its first script run has drawn a title (or failed) and finished."""
    page.goto(url, timeout=timeout)
    page.locator("h1, [data-testid='stException']").first.wait_for(state="visible", timeout=timeout)
    wait_idle(page, timeout)


def rerun_after(page, action, timeout: float = RENDER_TIMEOUT) -> None:
    """Do `action()` and wait until a script run that started after it has finished."""
    before = page.finished_runs
    action()
    deadline = time.monotonic() + timeout / 1000
    while page.finished_runs == before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout / 1000:g} s of the action")
        page.wait_for_timeout(20)  # lets Playwright deliver the WebSocket events
    wait_idle(page, timeout)


def h1_text(page) -> str:
    """The first h1, or "" when the page has none (read without waiting)."""
    heading = page.locator("h1")
    return heading.first.inner_text().strip() if heading.count() else ""


def sidebar(page):
    return page.get_by_test_id("stSidebar")


def open_menu(page):
    """Open the chapter menu (a popover at the top of the sidebar) and return its body."""
    body = page.get_by_test_id("stPopoverBody")
    if not body.is_visible():
        sidebar(page).get_by_test_id("stPopover").first.get_by_role("button").click()
        body.wait_for(state="visible")
    return body


def menu_links(page):
    """The page links of the chapter menu, opened for the purpose."""
    return open_menu(page).get_by_test_id("stPageLink-NavLink")


def nav_link(page, label: str):
    return menu_links(page).filter(has_text=label)


def metric_values(page) -> list[str]:
    return page.get_by_test_id("stMetricValue").all_inner_texts()


def slider_values(page) -> dict[str, str]:
    """{label: shown value} of every slider (sliders are <input type=range>, role slider)."""
    return {thumb.get_attribute("aria-label"): thumb.get_attribute("aria-valuetext")
            for thumb in page.get_by_role("slider").all()}


def assert_no_error(page) -> None:
    assert page.get_by_test_id("stException").count() == 0, "an exception element is on the page"
    body = page.locator("body").inner_text()
    assert "Traceback" not in body, "traceback text is on the page"


def main_area(page):
    """The page's main area. Look buttons up here: while a script runs, Streamlit's own header
    shows a "Stop" button of its own."""
    return page.get_by_test_id("stMain")


def alert_texts(page, kind: str) -> list[str]:
    """The texts of the st.<kind> boxes on the page; kind is Error, Warning, Info or Success."""
    return [text.strip() for text in page.get_by_test_id(f"stAlertContent{kind}").all_inner_texts()]


def wait_finished(page, before: int, timeout: float = RENDER_TIMEOUT) -> None:
    """Wait until this page has seen more than `before` finished script runs, then until it is idle
    (rerun_after for actions taken in several pages at once)."""
    deadline = time.monotonic() + timeout / 1000
    while page.finished_runs <= before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout / 1000:g} s")
        page.wait_for_timeout(20)
    wait_idle(page, timeout)


def upload_file(page, name: str, content: bytes, mime: str, timeout: float = RENDER_TIMEOUT) -> None:
    """Give the page's file uploader a file, as a user picking it would, and wait for the rerun."""
    chooser = page.get_by_test_id("stFileUploaderDropzoneInput")
    rerun_after(page, lambda: chooser.set_input_files({"name": name, "mimeType": mime, "buffer": content}), timeout)
