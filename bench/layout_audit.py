"""The projector audit: every page on the three screens of a lecture, in both languages, in Chromium.

Prints, per screen and language, how many pages have their first control out of reach, their main
picture below the first screen, display equations wider than their box, cut metric values and
charts too narrow to read (tests/browser/layout.py defines each), then every problem found.
With --screenshots it saves a full-window screenshot of every page to bench/out/screens/ (not
committed) to be looked at.

    python bench/layout_audit.py                               # all screens, both languages
    python bench/layout_audit.py --screens projector --languages ko --screenshots
    python bench/layout_audit.py --pages sigmoid_neuron gradient_descent --resize
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.harness import all_pages, launch_browser, open_url, query_for, start_server  # noqa: E402
from tests.browser.layout import SCREENS, measure  # noqa: E402
from ui.frame import PRESENTER_KEY  # noqa: E402
from ui.i18n import CATALOGUES  # noqa: E402

OUT = ROOT / "bench" / "out" / "screens"


def audit_page(browser, server, info, language: str, screen: str, screenshots: bool, resize: bool):
    viewport, presenter = SCREENS[screen]
    context = browser.new_context(viewport=viewport, locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        open_url(page, server.url(info.path, query_for(language, **({PRESENTER_KEY: "true"} if presenter else {}))))
        if resize:  # a window made narrow and wide again must still show every chart
            page.set_viewport_size({"width": 700, "height": viewport["height"]})
            page.wait_for_timeout(600)
            page.set_viewport_size(viewport)
            page.wait_for_timeout(600)
        if screenshots:  # the first screen as the room sees it, before the audit opens the expanders
            OUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=OUT / f"{screen}-{language}-{info.page_id}.png")
        layout = measure(page)
        if screenshots:
            # Streamlit scrolls its main area, not the document: a tall window shows the whole page.
            tall = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
            page.set_viewport_size({"width": viewport["width"], "height": min(int(tall) + 50, 12000)})
            page.wait_for_timeout(800)
            page.screenshot(path=OUT / f"{screen}-{language}-{info.page_id}-full.png")
        return layout
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", nargs="*", default=list(SCREENS), choices=list(SCREENS))
    parser.add_argument("--languages", nargs="*", default=list(CATALOGUES), choices=list(CATALOGUES))
    parser.add_argument("--pages", nargs="*", help="page ids (default: every page of the registry)")
    parser.add_argument("--screenshots", action="store_true")
    parser.add_argument("--resize", action="store_true", help="narrow and widen the window before measuring")
    args = parser.parse_args()
    pages = [info for info in all_pages() if not args.pages or info.page_id in args.pages]

    from playwright.sync_api import sync_playwright

    server = start_server()
    problems: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            print(f"{'screen':<10}{'lang':<5}{'pages':>6}{'ctrl out':>10}{'pic below':>10}"
                  f"{'eq cut':>8}{'metric cut':>11}{'narrow chart':>13}")
            for screen in args.screens:
                for language in args.languages:
                    counts = [0, 0, 0, 0, 0]
                    for info in pages:
                        layout = audit_page(browser, server, info, language, screen, args.screenshots, args.resize)
                        counts[0] += layout.control_in_reach is False
                        counts[1] += layout.picture_on_first_screen is False
                        counts[2] += len(layout.cut_equations)
                        counts[3] += len(layout.cut_metrics)
                        counts[4] += len(layout.narrow_charts)
                        problems += [f"{screen}/{language}/{info.page_id}: {p}" for p in layout.problems()]
                    print(f"{screen:<10}{language:<5}{len(pages):>6}" + "".join(
                        f"{count:>{width}}" for count, width in zip(counts, (10, 10, 8, 11, 13), strict=True)))
            browser.close()
    finally:
        server.stop()
    print("\n".join(["", *problems]) if problems else "\nno problems found")


if __name__ == "__main__":
    main()
