"""Benchmarks of the lecture app: cold start, reruns, slider moves, the TensorFlow rerun cost, memory.

Prints figures; it is not a test. Results and the method are recorded in docs/BENCHMARKS.md.

    python bench/bench_app.py                  # every section (a few minutes)
    python bench/bench_app.py --only rerun tf  # a subset
    python bench/bench_app.py --only rerun --chapter ch4   # the reruns of one chapter's pages

Sections
  core      core.analytic.neuron.train(2, 2, 0.15, 300, "quadratic") in-process (target ≤ 5 ms)
  cold      process launch → home page h1 visible and script idle in Chromium (3 fresh servers)
  rerun     per page of the registry, AppTest in a fresh interpreter: first run, plain reruns, and a
            changed value of every slider (server-side script time); pages that import TensorFlow get
            a second interpreter with TensorFlow already imported (target: first render ≤ 3 s,
            changes ≤ 1 s; NumPy pages ≤ 100 ms per slider move)
  slider    neuron page: AppTest set_value(neuron_w0) + run, and in Chromium keypress → script idle
  tf        with TensorFlow loaded and a model built: reruns of the neuron page under AppTest with
            Streamlit's own after-run clean-up (+ gc.collect(2) as runner.postScriptGC=true does) vs
            ui.frame's replacement; plus clear_session() and gc.collect(2) timed on their own
  tf-server the same comparison on real servers in Chromium, with the server's CPU time per slider move
  memory    resident memory of the server process after visiting every page in Chromium

Pages come from ui.frame.HOME and ui.frame.CHAPTERS, so new pages are measured automatically.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = ["core", "cold", "rerun", "slider", "tf", "tf-server", "memory"]
SERVE_ORIGINAL = "--serve-with-original-cleanup"  # internal: a server with Streamlit's clean-up restored
CLEANUP_MARKER = "bench: Streamlit's own clean-up ran"
WORKER = "--worker"  # internal: one measurement in a fresh interpreter, printed as a RESULT line
IMPORTS_TENSORFLOW: dict[str, bool] = {}  # page script -> whether its first run imported TensorFlow
CHAPTER_FILTER: list[str] = []  # --chapter: the rerun section measures only these chapters' pages
RERUNS, CHANGES_PER_SLIDER, SLIDER_RUNS, BROWSER_MOVES, COLD_STARTS, TF_RERUNS = 10, 5, 20, 10, 3, 20


# --- figures ---------------------------------------------------------------------------------------

def ms(seconds: float) -> float:
    milliseconds = seconds * 1000.0
    return round(milliseconds, 1) if milliseconds >= 1 else round(milliseconds, 3)


def summary(seconds: list[float]) -> dict:
    """Median and p90 (linear interpolation) in milliseconds."""
    return {"median_ms": ms(statistics.median(seconds)), "p90_ms": ms(float(np.percentile(seconds, 90))),
            "n": len(seconds)}


def show(label: str, figures: dict, target_ms: float | None = None) -> None:
    verdict = ""
    if target_ms is not None and "median_ms" in figures:
        verdict = f"   target ≤ {target_ms:g} ms: {'met' if figures['median_ms'] <= target_ms else 'MISSED'}"
    text = ", ".join(f"{key} {value}" for key, value in figures.items())
    print(f"  {label}: {text}{verdict}", flush=True)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# --- workers (run in a fresh interpreter) ----------------------------------------------------------

class ScriptClock:
    """Times ScriptRunner._run_script: the page script plus Streamlit's after-run clean-up (and the
    postScriptGC collection), i.e. the server-side cost of a run, without AppTest's own work."""

    def __init__(self) -> None:
        from streamlit.runtime.scriptrunner import script_runner

        self.durations: list[float] = []
        original = script_runner.ScriptRunner._run_script

        def timed_run_script(runner, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(runner, *args, **kwargs)
            finally:
                self.durations.append(time.perf_counter() - start)

        script_runner.ScriptRunner._run_script = timed_run_script
        self.pairs: list[tuple[float, float]] = []

    def run(self, app) -> None:
        """app.run(), remembering (server-side time, AppTest wall time)."""
        before = len(self.durations)
        wall = timed(app.run)
        self.pairs.append((sum(self.durations[before:]), wall))

    def take(self) -> dict:
        """Summary of the runs since the last take: server-side time, and AppTest's wall time."""
        pairs, self.pairs = self.pairs, []
        return {**summary([server for server, _ in pairs]),
                "apptest_wall_median_ms": ms(statistics.median(wall for _, wall in pairs))}


def run_worker(kind: str, *args: str) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), WORKER, kind, *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"worker {kind} {args} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def slider_changes(app, clock: ScriptClock, runs_per_slider: int) -> dict[str, dict]:
    """Move every st.slider of the page step by step to values not seen before (a page may cache
    results per setting, so going back and forth would time cache hits); figures per slider and pooled."""
    figures: dict[str, dict] = {}
    pooled: list[tuple[float, float]] = []
    for index in range(len(app.slider)):
        slider = app.slider[index]
        if not isinstance(slider.value, int | float) or slider.key is None:
            continue  # a range slider or an unkeyed one: not a control of this app
        start, key, step = slider.value, slider.key, slider.step
        room_up, room_down = (slider.max - start) / step, (start - slider.min) / step
        direction = 1 if room_up >= room_down else -1
        moves = min(runs_per_slider, int(max(room_up, room_down)))
        for count in range(1, moves + 1):
            value = start + direction * count * step
            app.slider(key=key).set_value(value if isinstance(start, int) else round(value, 10))
            clock.run(app)
            if app.exception:
                raise RuntimeError(f"{key}: exception after a move to {value}")
        pooled += clock.pairs
        figures[key] = clock.take()
        app.slider(key=key).set_value(start).run()
    if pooled:
        clock.pairs = pooled
        figures["pooled"] = clock.take()
    return figures


def worker_rerun(script: str, preload_tensorflow: str) -> dict:
    """First run, plain reruns and slider moves of one page under AppTest."""
    from tests.conftest import open_page

    def import_tensorflow() -> None:
        import keras  # noqa: F401
        import tensorflow  # noqa: F401

    result = {}
    if preload_tensorflow == "yes":
        result["tensorflow_import_ms"] = ms(timed(import_tensorflow))
    clock = ScriptClock()
    start = time.perf_counter()
    app = open_page(script)
    result["first_run_ms"] = ms(time.perf_counter() - start)
    if app.exception:
        raise RuntimeError(f"{script}: exception on the first run: {app.exception[0].value}")
    for _ in range(RERUNS):
        clock.run(app)
    result["rerun"] = clock.take()
    changes = slider_changes(app, clock, CHANGES_PER_SLIDER)
    result["changes"] = changes.pop("pooled", None)
    if changes:
        slowest = max(changes, key=lambda key: changes[key]["median_ms"])
        result["slowest_slider"] = {"key": slowest, **changes[slowest]}
    result["imports_tensorflow"] = "tensorflow" in sys.modules
    return result


def worker_neuron_slider() -> dict:
    from tests.conftest import open_page

    clock = ScriptClock()
    app = open_page("pages/2_sigmoid_neuron.py")
    for repeat in range(SLIDER_RUNS):
        app.slider(key="neuron_w0").set_value([2.0, 0.6][repeat % 2])
        clock.run(app)
    return clock.take()


def build_keras_model() -> None:
    """Load TensorFlow and build a small model, as a TensorFlow page does."""
    import keras

    model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(256, activation="sigmoid"),
                              keras.layers.Dense(256, activation="sigmoid"), keras.layers.Dense(10)])
    model(np.zeros((32, 784), dtype="float32"), training=False)


def worker_tensorflow_rerun(variant: str) -> dict:
    """Reruns of the neuron page with TensorFlow loaded, with Streamlit's clean-up or ui.frame's."""
    import streamlit
    from streamlit.runtime.scriptrunner import script_runner

    streamlit_cleanup = script_runner._clean_problem_modules  # saved before ui.frame replaces it

    def streamlit_after_run() -> None:
        # AppTest's runner overrides _on_script_finished and so skips the gc.collect(2) a real server
        # runs when runner.postScriptGC is true; do it here so "before" is what a real server does.
        streamlit_cleanup()
        if streamlit.config.get_option("runner.postScriptGC"):
            gc.collect(2)

    build_keras_model()
    from tests.conftest import open_page

    clock = ScriptClock()
    app = open_page("pages/2_sigmoid_neuron.py")  # imports ui.frame, which installs its replacement
    if variant == "before":
        script_runner._clean_problem_modules = streamlit_after_run
        streamlit.config.set_option("runner.postScriptGC", True)
    else:
        streamlit.config.set_option("runner.postScriptGC", False)
    result = {"clean_up": f"{script_runner._clean_problem_modules.__module__}."
                          f"{script_runner._clean_problem_modules.__name__}",
              "postScriptGC": streamlit.config.get_option("runner.postScriptGC")}
    for repeat in range(TF_RERUNS):
        app.slider(key="neuron_w0").set_value([2.0, 0.6][repeat % 2])
        clock.run(app)
    result["slider_move"] = clock.take()
    if variant == "before":
        import keras

        result["clear_session_alone"] = summary([timed(keras.backend.clear_session) for _ in range(10)])
        result["gc_collect_2_alone"] = summary([timed(lambda: gc.collect(2)) for _ in range(10)])
    return result


def worker_main(kind: str, args: list[str]) -> None:
    workers = {"rerun": worker_rerun, "neuron-slider": worker_neuron_slider, "tf": worker_tensorflow_rerun}
    print("RESULT " + json.dumps(workers[kind](*args)), flush=True)


def serve_with_original_cleanup(cli_args: list[str]) -> None:
    """`streamlit <cli_args>` with Streamlit's clean-up (keras.backend.clear_session) put back.

    ui.frame is imported here once and then found in sys.modules by every script run, so its
    replacement is not installed again.
    """
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    streamlit_cleanup = script_runner._clean_problem_modules
    import ui.frame  # noqa: F401  (installs the replacement, which we undo)

    def announced_cleanup() -> None:
        print(CLEANUP_MARKER, flush=True)  # lets the benchmark check this clean-up really ran
        streamlit_cleanup()

    script_runner._clean_problem_modules = announced_cleanup
    cli.main(args=cli_args, prog_name="streamlit")


# --- sections ----------------------------------------------------------------------------------------

def section_core() -> None:
    from core.analytic import neuron

    def train() -> None:
        neuron.train(2, 2, 0.15, 300, "quadratic")

    train()
    show('neuron.train(2, 2, 0.15, 300, "quadratic")', summary([timed(train) for _ in range(200)]), 5)


def section_cold(browser) -> None:
    from tests.browser.harness import h1_text, new_page, spawn_server, wait_until_ready
    from ui.i18n import CATALOGUES, DEFAULT_LANGUAGE

    ready, rendered = [], []
    for _ in range(COLD_STARTS):
        server = spawn_server()
        page = new_page(browser)
        try:
            wait_until_ready(server)
            page.goto(server.url("/"), timeout=120_000)
            page.locator("h1").first.wait_for(state="visible", timeout=120_000)
            page.wait_for_selector("[data-test-script-state='notRunning']", timeout=120_000)
            rendered.append(time.perf_counter() - server.started_at)
            ready.append(server.ready_at - server.started_at)
            assert h1_text(page) == CATALOGUES[DEFAULT_LANGUAGE]["frame.app_title"]
        finally:
            page.context.close()
            server.stop()
    show("launch → /_stcore/health answers", summary(ready))
    show("launch → home h1 visible, script idle", summary(rendered))


def section_rerun() -> None:
    from tests.browser.harness import all_pages

    for info in all_pages():
        if CHAPTER_FILTER and info.chapter not in CHAPTER_FILTER:
            continue
        figures = run_worker("rerun", info.script, "no")
        IMPORTS_TENSORFLOW[info.script] = figures["imports_tensorflow"]
        print(f"  {info.script}: first run {figures['first_run_ms']} ms (fresh interpreter)", flush=True)
        show("    rerun", figures["rerun"])
        if figures["changes"]:
            target = None if figures["imports_tensorflow"] else 100
            show("    slider move (all sliders pooled)", figures["changes"], target)
            show(f"    slowest slider {figures['slowest_slider']['key']}",
                 {k: v for k, v in figures["slowest_slider"].items() if k != "key"}, target)
        if figures["imports_tensorflow"]:
            warm = run_worker("rerun", info.script, "yes")
            print(f"    with TensorFlow already imported ({warm['tensorflow_import_ms']} ms): "
                  f"first run {warm['first_run_ms']} ms   target ≤ 3000 ms: "
                  f"{'met' if warm['first_run_ms'] <= 3000 else 'MISSED'}", flush=True)
            show("    rerun", warm["rerun"])
            if warm["changes"]:
                show("    slider move (all sliders pooled)", warm["changes"], 1000)
                show(f"    slowest slider {warm['slowest_slider']['key']}",
                     {k: v for k, v in warm["slowest_slider"].items() if k != "key"}, 1000)


def browser_slider_moves(page, moves: int, server=None, idle_cpu_per_second: float = 0.0) -> tuple[list, list]:
    """Keypress → script idle on the neuron page (page-side clock), and the server's CPU seconds per
    move (less what the idle server uses in as long), when `server` is given."""
    import psutil

    from tests.browser.harness import wait_idle

    weight = page.locator("input[type=range]").first  # the first sidebar slider: neuron_w0
    process = psutil.Process(server.process.pid) if server else None
    latencies, cpu = [], []
    for repeat in range(moves):
        weight.focus()
        before, started = page.finished_runs, time.perf_counter()
        cpu_before = sum(process.cpu_times()[:2]) if process else 0.0
        page.keyboard.press("ArrowRight" if repeat % 2 == 0 else "ArrowLeft")
        deadline = time.monotonic() + 60
        while page.finished_runs == before and time.monotonic() < deadline:
            page.wait_for_timeout(10)  # lets Playwright deliver the WebSocket events
        wait_idle(page)
        latency = page.evaluate("window.__lastRunEnd - window.__lastKeyDown") / 1000.0
        if latency <= 0:
            raise RuntimeError("the page never showed the run as running; the latency cannot be read")
        latencies.append(latency)
        if process:
            time.sleep(0.7)  # Streamlit's clean-up runs after the browser is told the run finished
            elapsed = time.perf_counter() - started
            cpu.append(sum(process.cpu_times()[:2]) - cpu_before - idle_cpu_per_second * elapsed)
    return latencies, cpu


def section_slider(browser) -> None:
    from tests.browser.harness import new_page, open_url, page_by_id, start_server

    show("AppTest: neuron_w0 set_value + run", run_worker("neuron-slider"), 100)
    server = start_server()
    page = new_page(browser)
    try:
        open_url(page, server.url(page_by_id("sigmoid_neuron").path))
        latencies, _ = browser_slider_moves(page, BROWSER_MOVES)
        show("Chromium: keypress → script idle", summary(latencies))
    finally:
        page.context.close()
        server.stop()


def section_tf() -> None:
    before, after = run_worker("tf", "before"), run_worker("tf", "after")
    for name, figures in (("before", before), ("after", after)):
        print(f"  {name}: clean-up {figures['clean_up']}, runner.postScriptGC {figures['postScriptGC']}")
        show("    neuron slider move, TF loaded", figures["slider_move"], 100)
    show("  keras.backend.clear_session() alone", before["clear_session_alone"])
    show("  gc.collect(2) alone", before["gc_collect_2_alone"])


def tensorflow_page():
    """The first page of the registry that imports TensorFlow, found by AppTest in a fresh interpreter."""
    from tests.browser.harness import all_pages

    for info in all_pages():
        if info.script not in IMPORTS_TENSORFLOW:
            IMPORTS_TENSORFLOW[info.script] = run_worker("rerun", info.script, "no")["imports_tensorflow"]
        if IMPORTS_TENSORFLOW[info.script]:
            return info
    return None


def section_tf_server(browser) -> None:
    import psutil

    from tests.browser.harness import new_page, open_url, page_by_id, start_server

    tf_page = tensorflow_page()
    if tf_page is None:
        print("  no page imports TensorFlow; nothing to compare")
        return
    variants = {"before (Streamlit's clean-up, postScriptGC true)":
                dict(python_args=[str(Path(__file__).resolve()), SERVE_ORIGINAL], extra_args=["--runner.postScriptGC", "true"]),
                "after (ui.frame's clean-up, postScriptGC false)": {}}
    for name, options in variants.items():
        server = start_server(**options)
        page = new_page(browser)
        try:
            open_url(page, server.url(tf_page.path), timeout=180_000)  # loads TensorFlow in the server
            open_url(page, server.url(page_by_id("sigmoid_neuron").path))
            process = psutil.Process(server.process.pid)
            idle_before = sum(process.cpu_times()[:2])
            time.sleep(3.0)
            idle_rate = (sum(process.cpu_times()[:2]) - idle_before) / 3.0
            latencies, cpu = browser_slider_moves(page, BROWSER_MOVES, server, idle_rate)
            print(f"  {name}, TensorFlow loaded by {tf_page.path}:")
            show("    Chromium: keypress → script idle", summary(latencies))
            show("    server CPU per move (idle CPU subtracted)", summary(cpu))
            original_ran = CLEANUP_MARKER in server.log()
            if original_ran != bool(options):
                raise RuntimeError(f"{name}: Streamlit's own clean-up {'ran' if original_ran else 'did not run'}")
        finally:
            page.context.close()
            server.stop()


def section_memory(browser) -> None:
    import psutil

    from tests.browser.harness import all_pages, new_page, open_url, start_server

    server = start_server()
    page = new_page(browser)
    try:
        process = psutil.Process(server.process.pid)
        show("server RSS after start", {"MB": round(process.memory_info().rss / 2**20)})
        for info in all_pages():
            open_url(page, server.url(info.path), timeout=180_000)
            failed = page.get_by_test_id("stException").count() > 0
            show(f"server RSS after {info.path}{' (the page showed an exception!)' if failed else ''}",
                 {"MB": round(process.memory_info().rss / 2**20)})
    finally:
        page.context.close()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS, help="sections to run")
    parser.add_argument("--chapter", nargs="+", help="section rerun: only the pages of these chapters (e.g. ch4)")
    arguments = parser.parse_args()
    chosen = arguments.only
    CHAPTER_FILTER.extend(arguments.chapter or [])
    started = time.perf_counter()
    print(f"benchmark {time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}, sections {chosen}")
    needs_browser = {"cold", "slider", "tf-server", "memory"} & set(chosen)
    with browser_session(needs_browser) as browser:
        for name in SECTIONS:
            if name in chosen:
                print(f"[{name}]", flush=True)
                run_section(name, browser)
    print(f"total {time.perf_counter() - started:.0f} s, load average {os.getloadavg()[0]:.2f}")


def run_section(name: str, browser) -> None:
    sections = {"core": section_core, "rerun": section_rerun, "tf": section_tf}
    browser_sections = {"cold": section_cold, "slider": section_slider, "tf-server": section_tf_server,
                        "memory": section_memory}
    if name in sections:
        sections[name]()
    else:
        browser_sections[name](browser)


@contextlib.contextmanager
def browser_session(wanted: bool) -> Iterator:
    """One Chromium for every browser section, or None when no section needs one."""
    if not wanted:
        yield None
        return
    from playwright.sync_api import sync_playwright

    from tests.browser.harness import launch_browser

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            yield browser
        finally:
            browser.close()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == SERVE_ORIGINAL:
        serve_with_original_cleanup(sys.argv[2:])
    elif len(sys.argv) > 2 and sys.argv[1] == WORKER:
        worker_main(sys.argv[2], sys.argv[3:])
    else:
        main()
