"""What a projector audience sees of a page: the layout measured in a real Chromium.

Shared by the layout browser test and bench/layout_audit.py. One JavaScript pass reads, from the
page as drawn: where the page's first control and its main picture start, which display
equations are wider than their box, which metric values are cut, and which charts are too narrow
to read. Controls of the app frame (language, presenter mode, the chapter menu) sit in the
container keyed FRAME_KEY and are not the page's controls.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ui.frame import FRAME_KEY

# The three screens of the issue: the projector and a desk monitor in presenter mode, a laptop normally.
SCREENS = {
    "projector": ({"width": 1280, "height": 720}, True),
    "monitor": ({"width": 1920, "height": 1080}, True),
    "laptop": ({"width": 1440, "height": 900}, False),
}
USABLE_CHART_WIDTH = 240  # px; narrower than this a heatmap or a curve cannot be read from a desk
PICTURE_VISIBLE = 200  # px of the main picture that must be on the first screen

CONTROL_TEST_IDS = ["stSlider", "stSelectSlider", "stRadio", "stSelectbox", "stButton", "stToggle",
                    "stCheckbox", "stNumberInput", "stFileUploader", "stSegmentedControl",
                    "stMultiSelect", "stTextInput", "stPopover"]
PICTURE_TEST_IDS = ["stVegaLiteChart", "stImage", "stGraphVizChart"]

MEASURE_SCRIPT = """
([frameKey, controlIds, pictureIds]) => {
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const any = ids => ids.map(id => `[data-testid='${id}']`).join(',');
  const text = el => (el.innerText || el.textContent || '').trim().slice(0, 60);
  const sidebar = document.querySelector("[data-testid='stSidebar']");
  const main = document.querySelector("[data-testid='stMain']");
  const controls = sidebar ? [...sidebar.querySelectorAll(any(controlIds))]
      .filter(el => !el.closest('.st-key-' + frameKey) && visible(el)) : [];
  const firstControl = controls.length ? controls[0].getBoundingClientRect() : null;
  const pictures = [...main.querySelectorAll(any(pictureIds))].filter(visible);
  const firstPicture = pictures.length ? pictures[0].getBoundingClientRect() : null;
  const equations = [...main.querySelectorAll('.katex-display')].filter(visible)
      .filter(el => !el.closest('details:not([open])'))
      .map(el => ({el, box: el.closest("[data-testid='stMarkdown']") || el.parentElement}))
      // The equation is centred in its element's box; KaTeX's struts overhang it by a pixel or two.
      .filter(({el, box}) => el.scrollWidth > box.clientWidth + 2)
      .map(({el, box}) => ({text: text(el.querySelector('annotation') || el), width: el.scrollWidth, box: box.clientWidth}));
  // A value or label is cut when its text, as laid out, reaches past its box (clipped, or running into
  // the next column), or when an element inside it clips it.
  const textWidth = el => { const range = document.createRange(); range.selectNodeContents(el);
                            const r = range.getBoundingClientRect(), box = el.getBoundingClientRect();
                            return Math.max(r.right, box.left) - Math.min(r.left, box.right); };
  const metrics = [...document.querySelectorAll("[data-testid='stMetricValue'], [data-testid='stMetricLabel']")]
      .filter(visible)
      .filter(el => textWidth(el) > el.clientWidth + 1
                    || [el, ...el.querySelectorAll('*')].some(n => n.scrollWidth > n.clientWidth + 1))
      .map(el => ({text: text(el), width: Math.round(textWidth(el)), box: el.clientWidth}));
  const charts = [...main.querySelectorAll("[data-testid='stVegaLiteChart']")].map(el => {
      const plot = el.querySelector('canvas, svg');
      const drawn = plot ? plot.getBoundingClientRect() : {width: 0, right: 0};
      const box = el.closest("[data-testid='stElementContainer']").getBoundingClientRect();
      return {width: drawn.width, overhang: Math.max(0, drawn.right - box.right)};
  });
  const heading = main.querySelector('h1');
  return {
    firstControl: firstControl && {top: firstControl.top, bottom: firstControl.bottom, label: text(controls[0])},
    firstPicture: firstPicture && {top: firstPicture.top, height: firstPicture.height},
    headingTop: heading ? heading.getBoundingClientRect().top : null,
    equations, metrics, charts,
  };
}
"""


# Settled: no finite animation running (an expander opens with one) and the same sizes of the main
# area's expanders and charts in two samples in a row (a chart in an expander is drawn again once
# the expander is open). Polled by wait_settled.
SETTLED_SCRIPT = """
() => {
  const main = document.querySelector("[data-testid='stMain']");
  const boxes = [...main.querySelectorAll("details"), ...[...main.querySelectorAll("[data-testid='stVegaLiteChart']")]
      .map(chart => chart.querySelector('canvas, svg') || chart)];
  const signature = JSON.stringify(boxes.map(el => { const r = el.getBoundingClientRect();
                                                     return [Math.round(r.width), Math.round(r.height)]; }));
  const animating = document.getAnimations().some(a => a.playState === 'running'
                                                       && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  const settled = !animating && signature === window.__layoutSignature;
  window.__layoutSignature = animating ? null : signature;
  return settled;
}
"""
FINISH_ANIMATIONS = """
() => document.getAnimations().forEach(a => {
  if (a.effect && a.effect.getComputedTiming().endTime !== Infinity) a.finish();
})
"""
SETTLE_POLL_MS = 100
SETTLE_TIMEOUT_MS = 15_000


@dataclass
class Layout:
    """One page as drawn on one screen."""
    viewport_height: int
    first_control: dict | None
    first_picture: dict | None
    heading_top: float | None
    cut_equations: list = field(default_factory=list)
    cut_metrics: list = field(default_factory=list)
    charts: list = field(default_factory=list)

    @property
    def control_in_reach(self) -> bool | None:
        """The first control's bottom on the first screen; None on a page without controls."""
        return None if self.first_control is None else self.first_control["bottom"] <= self.viewport_height

    @property
    def picture_on_first_screen(self) -> bool | None:
        if self.first_picture is None:
            return None
        return self.first_picture["top"] <= self.viewport_height - min(PICTURE_VISIBLE, self.first_picture["height"])

    @property
    def narrow_charts(self) -> list:
        """Charts too narrow to read, or wider than their column (cut at its edge)."""
        return [chart for chart in self.charts if chart["width"] < USABLE_CHART_WIDTH or chart["overhang"] > 2]

    def problems(self) -> list[str]:
        found = []
        if self.control_in_reach is False:
            found.append(f"first control {self.first_control['label']!r} ends at {self.first_control['bottom']:.0f} px")
        if self.picture_on_first_screen is False:
            found.append(f"main picture starts at {self.first_picture['top']:.0f} px")
        found += [f"equation {e['width']} px wide in a {e['box']} px box: {e['text']!r}" for e in self.cut_equations]
        found += [f"metric cut ({m['width']} > {m['box']} px): {m['text']!r}" for m in self.cut_metrics]
        found += [f"chart {c['width']:.0f} px wide, {c['overhang']:.0f} px past its column" for c in self.narrow_charts]
        return found


def assert_fits(layout: Layout, has_controls: bool, presenter: bool) -> None:
    """What the browser tests require of a page on a screen (a page without controls of its own,
    the lecture map, has none to reach; the main picture must be on the first screen in presenter
    mode only)."""
    if has_controls:
        assert layout.control_in_reach, f"the first control is out of reach: {layout.first_control}"
    if presenter:
        assert layout.picture_on_first_screen, f"the main picture starts below the first screen: {layout.first_picture}"
    assert layout.cut_equations == [], f"display equations wider than their box: {layout.cut_equations}"
    assert layout.cut_metrics == [], f"metric values or labels cut: {layout.cut_metrics}"
    assert layout.narrow_charts == [], \
        f"charts narrower than {USABLE_CHART_WIDTH} px or wider than their column: {layout.narrow_charts}"


def measure(page) -> Layout:
    """Measure the first screen as drawn (scrolled to the top), then open every expander, as a
    lecturer would, and measure what they hold too."""
    page.evaluate("() => { window.scrollTo(0, 0); document.querySelectorAll('section, div')"
                  ".forEach(el => { if (el.scrollTop) el.scrollTop = 0; }); }")
    first = page.evaluate(MEASURE_SCRIPT, [FRAME_KEY, CONTROL_TEST_IDS, PICTURE_TEST_IDS])
    closed = page.locator("[data-testid='stMain'] [data-testid='stExpander'] details:not([open]) > summary")
    for _ in range(closed.count()):  # the first closed one each time: an opened one leaves the list
        closed.first.click()
    if closed.count() or page.locator("details[open]").count():
        page.evaluate(FINISH_ANIMATIONS)  # the expanders' opening animation (0.5 s) jumps to its end
        wait_settled(page)  # ... and the charts they hold are drawn again
    found = page.evaluate(MEASURE_SCRIPT, [FRAME_KEY, CONTROL_TEST_IDS, PICTURE_TEST_IDS])
    return Layout(page.viewport_size["height"], first["firstControl"], first["firstPicture"], first["headingTop"],
                  found["equations"], found["metrics"], found["charts"])


def wait_settled(page, timeout: float = SETTLE_TIMEOUT_MS) -> None:
    """Wait until no animation runs and the expanders and charts keep their sizes (SETTLED_SCRIPT)."""
    page.evaluate("() => { window.__layoutSignature = null; }")
    page.wait_for_function(SETTLED_SCRIPT, polling=SETTLE_POLL_MS, timeout=timeout)
