"""Chapter 5's figures: the GAN lab's training speed, the 1-D GAN at the lecturer's defaults, and the
bundled runs' pairs (plain vs packed) over five seeds, by PacGAN's definitions.

    python bench/bench_gan.py                 # all sections
    python bench/bench_gan.py --only speed    # or: refresh, one_d, runs
    python bench/bench_gan.py --only runs --data ring

speed:   iterations per second of the lab's compiled training at GAN Lab's default size (G and D two
         hidden layers of 8 ReLU units, batch 150, 2-D uniform noise), with one and with two D steps
         per G step, against a plain eager Python loop of the very same step functions.
play:    the lab page in Chromium against a real server, playing for PLAY_SECONDS: how often the
         picture's counter changes (refreshes per second) and how fast the iterations go.
load:    LOAD_SESSIONS real websocket sessions (bench/ws_session.py, no browser) open the lab page at
         once and press Play; once all of them play, each follows its timer for LOAD_SECONDS more:
         each session's refreshes per second (and how long the start took).
scrub:   a move of the mode-collapse page's scrubber: the server-side time of the page's run
         (script and Streamlit's clean-up, bench_app.ScriptClock), each move to a snapshot not seen before.
refresh: what a refresh of the lab's picture costs besides the training chunk: the lab's view
         (2,500 samples, D on the grid, the mesh, the pushes, the figures), and a whole rerun of
         the lab page after a step (AppTest, every chart built and serialised).
one_d:   the 1-D GAN at the lecturer's defaults with pre-training, 5 seeds: D(x) over μ ± 2σ and
         p_g's mean and standard deviation against the target's.
runs:    each bundled pair's settings (core/gan_runs.py) with seeds 0–4, plain and packed: modes
         found, high-quality share, reverse KL (PacGAN), grid JS, and seconds of training.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from core import gan_1d, gan_lab, gan_runs, toy_data

GAN_LAB_DEFAULT = gan_lab.Settings(noise="uniform", generator_width=8, discriminator_width=8, batch=150,
                                   generator_learning_rate=0.1, discriminator_learning_rate=0.1,
                                   generator_optimizer="sgd", discriminator_optimizer="sgd")
SEEDS = range(5)


def spread(values) -> str:
    values = list(values)
    return f"{statistics.mean(values):.3g} (min {min(values):.3g}, max {max(values):.3g})"


def eager_rate(lab: gan_lab.Lab, d_steps: int, iterations: int = 100) -> float:
    """Iterations per second of the lab's own step functions called from a Python loop, eagerly."""
    graph, batch = lab._graph, lab.settings.batch

    def iteration():
        for _ in range(d_steps):
            graph._discriminator_step(batch)
        graph._generator_step(batch)

    iteration()
    started = time.perf_counter()
    for _ in range(iterations):
        iteration()
    return iterations / (time.perf_counter() - started)


def section_speed() -> None:
    print("GAN Lab's default size (2 × 8 units, batch 150), ring data")
    for d_steps in (1, 2):
        lab = gan_lab.Lab(replace(GAN_LAB_DEFAULT, discriminator_steps=d_steps), toy_data.ring())
        lab.train(10)  # traces the graph
        rates = []
        for _ in range(3):
            started = time.perf_counter()
            lab.train(2_000)
            rates.append(2_000 / (time.perf_counter() - started))
        eager = eager_rate(lab, d_steps)
        print(f"  D steps per G step {d_steps}: compiled {spread(rates)} it/s over 3 × 2,000; "
              f"eager loop {eager:.0f} it/s (100); ratio {statistics.mean(rates) / eager:.0f}×")


def section_refresh() -> None:
    lab = gan_lab.Lab(gan_lab.Settings(), toy_data.ring())
    lab.train(100)
    lab.view()
    times = []
    for _ in range(20):
        started = time.perf_counter()
        lab.view()
        times.append(1000 * (time.perf_counter() - started))
    print(f"lab.view() at the page's defaults: median {statistics.median(times):.1f} ms over 20")
    from tests.conftest import open_page
    from ui.lang import en

    app = open_page("pages/18_gan_lab.py", "en")
    step = next(b for b in app.button if b.label == en.STRINGS["gan_lab.step_both"])
    runs = []
    for _ in range(10):
        started = time.perf_counter()
        step.click().run()
        runs.append(1000 * (time.perf_counter() - started))
        step = next(b for b in app.button if b.label == en.STRINGS["gan_lab.step_both"])
    print(f"lab page rerun after Step both (AppTest, whole page): median {statistics.median(runs):.0f} ms, "
          f"max {max(runs):.0f} ms over 10")


PLAY_SECONDS = 10


def section_play() -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.harness import (
        launch_browser,
        main_area,
        new_context,
        new_tab,
        open_url,
        page_by_id,
        query_for,
        start_server,
    )
    from ui.lang import en

    server = start_server()
    try:
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            tab = new_tab(new_context(browser))
            open_url(tab, server.url(page_by_id("gan_lab").path, query_for("en")))
            main_area(tab).get_by_role("button", name=en.STRINGS["gan_lab.play"]).click()
            tab.wait_for_function("() => / · /.test(document.querySelector(\"[aria-label^='Iteration']\")"
                                  ".getAttribute('aria-label'))", timeout=60_000)  # playing: the speed is shown
            seen = tab.evaluate("""async seconds => {
                const seen = []; const end = performance.now() + seconds * 1000;
                while (performance.now() < end) {
                    const label = document.querySelector("[aria-label^='Iteration']").getAttribute('aria-label');
                    const n = +label.replace(/ ·.*/, '').replace(/\\D/g, '');
                    if (!seen.length || seen[seen.length - 1][1] !== n) seen.push([performance.now(), n]);
                    await new Promise(r => setTimeout(r, 20));
                }
                return seen; }""", PLAY_SECONDS)
            browser.close()
    finally:
        server.stop()
    gaps = np.diff([t for t, _ in seen]) / 1000
    rate = (seen[-1][1] - seen[0][1]) / ((seen[-1][0] - seen[0][0]) / 1000)
    print(f"  {len(seen) - 1} refreshes in {PLAY_SECONDS} s: {(len(seen) - 1) / PLAY_SECONDS:.2f} per second; "
          f"gap between refreshes median {np.median(gaps):.2f} s, max {gaps.max():.2f} s; {rate:,.0f} iterations/s shown")


LOAD_SESSIONS, LOAD_SECONDS = 30, 30


def section_load(sessions: int = LOAD_SESSIONS, seconds: float = LOAD_SECONDS) -> None:
    import asyncio

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ws_session import Session

    from tests.browser.harness import start_server
    from ui.lang import en

    async def one(base: str, all_playing: asyncio.Barrier) -> tuple[float, int, list, float]:
        async with Session(base) as session:
            opened = time.monotonic()
            await session.open("/gan_lab", "lang=English")
            await session.click(en.STRINGS["gan_lab.play"])
            ready = time.monotonic() - opened
            await session.follow_until(all_playing)  # playing, while the others build their labs
            first = len(session.finished)
            await session.follow(seconds)
            runs = [t for t, fragment in session.finished[first:] if fragment]
            return len(runs) / seconds, len(session.errors), list(np.diff(runs)), ready

    async def everyone(base: str):
        all_playing = asyncio.Barrier(sessions)
        return await asyncio.gather(*(one(base, all_playing) for _ in range(sessions)))

    server = start_server()
    try:
        results = asyncio.run(everyone(server.url("/")))
    finally:
        server.stop()
    rates = [rate for rate, _, _, _ in results]
    gaps = [gap for _, _, session_gaps, _ in results for gap in session_gaps]
    print(f"  {sessions} sessions opened the lab and pressed Play at once: playing after {spread(r[3] for r in results)} s")
    print(f"  {sessions} sessions playing for {seconds:g} s: refreshes per second per session "
          f"{spread(rates)}; {sum(rate >= 1 for rate in rates)} of {sessions} at ≥ 1 per second; gaps between "
          f"refreshes median {np.median(gaps):.2f} s, p95 {np.percentile(gaps, 95):.2f} s, max {max(gaps):.2f} s; "
          f"errors {sum(errors for _, errors, _, _ in results)}")


def section_scrub() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_app import ScriptClock

    from tests.conftest import open_page

    clock = ScriptClock()
    for language in ("ko", "en"):
        app = open_page("pages/19_mode_collapse.py", language)
        for index in range(gan_runs.SNAPSHOTS - 1, gan_runs.SNAPSHOTS - 21, -1):
            app.slider(key="mc_at").set_value(index)
            clock.run(app)
        figures = clock.take()
        print(f"  {language}: 20 scrubber moves, server time per run {figures}")


def section_one_d() -> None:
    rows = []
    for seed in SEEDS:
        settings = gan_1d.Settings(seed=seed)
        started = time.perf_counter()
        result = gan_1d.run(settings)
        seconds = time.perf_counter() - started
        x = gan_1d.curve_x()
        inside = np.abs(x - settings.mean) <= 2 * settings.std
        d = result.trained.discriminator[inside]
        rows.append((float(d.min()), float(d.max()), result.trained.generated_mean, result.trained.generated_std, seconds))
        print(f"  seed {seed}: D over μ ± 2σ [{d.min():.3f}, {d.max():.3f}], p_g mean {result.trained.generated_mean:+.3f} "
              f"std {result.trained.generated_std:.3f}, {seconds:.1f} s")
    print(f"N(0, 1), pre-training, 3,000 iterations, seeds 0–4: D min {spread(r[0] for r in rows)}, "
          f"D max {spread(r[1] for r in rows)}, p_g mean {spread(r[2] for r in rows)}, p_g std {spread(r[3] for r in rows)}")


def section_runs(data_sets: list[str]) -> None:
    for data_name in data_sets:
        for kind in ("plain", "packed"):
            run = gan_runs.RUNS[f"{data_name}_{kind}"]
            rows = []
            for seed in SEEDS:
                lab = gan_lab.Lab(replace(run.settings, seed=seed), toy_data.BUILDERS[data_name]())
                started = time.perf_counter()
                lab.train(run.iterations)
                seconds = time.perf_counter() - started
                view = lab.view()
                modes = view.modes
                rows.append((modes.modes if modes else None, modes.high_quality if modes else None,
                             modes.reverse_kl if modes else None, view.divergence.js, seconds))
                shown = f"modes {modes.modes}, high quality {modes.high_quality:.1%}, reverse KL {modes.reverse_kl:.3f}, " \
                    if modes else ""
                print(f"  {data_name} {kind} (m = {run.settings.packing}) seed {seed}: {shown}JS {view.divergence.js:.3f}, "
                      f"{seconds:.1f} s", flush=True)
            figures = f"modes {spread(r[0] for r in rows)}, high quality {spread(r[1] for r in rows)}, " \
                      f"reverse KL {spread(r[2] for r in rows)}, " if rows[0][0] is not None else ""
            print(f"{data_name} {kind}: {figures}JS {spread(r[3] for r in rows)}, seconds {spread(r[4] for r in rows)}",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["speed", "refresh", "play", "load", "scrub", "one_d", "runs"])
    parser.add_argument("--sessions", type=int, default=LOAD_SESSIONS)
    parser.add_argument("--data", nargs="*", default=list(gan_runs.DATA_SETS), choices=list(gan_runs.DATA_SETS))
    arguments = parser.parse_args()
    sections = {"speed": section_speed, "refresh": section_refresh, "play": section_play,
                "load": lambda: section_load(arguments.sessions), "scrub": section_scrub,
                "one_d": section_one_d, "runs": lambda: section_runs(arguments.data)}
    for name, section in sections.items():
        if arguments.only in (None, name):
            print(f"== {name}", flush=True)
            section()


if __name__ == "__main__":
    main()
