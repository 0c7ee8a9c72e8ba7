"""A Streamlit session over a real websocket, as a browser holds one, for load benchmarks.

It speaks the app's own protocol (Streamlit's BackMsg and ForwardMsg protobufs on
/_stcore/stream): opens a page with a URL query, clicks a button by its label, and follows the
server's auto-rerun timers (a fragment with run_every) as the browser's frontend does, recording
when each run finishes. No browser is involved, so thirty of them measure the server, not Chromium.

    async with Session("http://127.0.0.1:8501") as session:
        await session.open("/gan_lab", "lang=English")
        await session.click("Play")
        await session.follow(seconds=10)   # session.finished: (time, fragment run?) per finished run
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus


class Session:
    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.url = f"ws://{parts.netloc}/_stcore/stream"
        self.socket = None
        self.page_name = ""  # the page's URL path name: every run asks for it, the server finds its script
        self.query = ""
        self.buttons: dict[str, str] = {}  # label → widget id, from the last runs' deltas
        self.timers: dict[str, float] = {}  # fragment id → interval (s), from auto_rerun messages
        self.finished: list[tuple[float, bool]] = []  # (time, was a fragment run) per finished run
        self.errors: list[str] = []

    async def __aenter__(self) -> Session:
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**26)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def _send(self, fragment_id: str = "", triggers: tuple[str, ...] = (), auto: bool = False) -> None:
        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_name = self.query, self.page_name
        state.fragment_id, state.is_auto_rerun = fragment_id, auto
        for widget_id in triggers:
            widget = state.widget_states.widgets.add()
            widget.id, widget.trigger_value = widget_id, True
        await self.socket.send(message.SerializeToString())

    async def _receive_until_finished(self, timeout: float = 120.0) -> None:
        """Read messages until a run finishes (or a new run replaces the current one)."""
        deadline = time.monotonic() + timeout
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), max(0.01, deadline - time.monotonic()))
            message = ForwardMsg()
            message.ParseFromString(raw)
            kind = message.WhichOneof("type")
            if kind == "delta":
                self._read_delta(message.delta)
            elif kind == "auto_rerun":
                self.timers[message.auto_rerun.fragment_id] = message.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                self.timers.clear()
            elif kind == "script_finished":
                status = message.script_finished
                if status in (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    self.finished.append((time.monotonic(), status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY))
                    return
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    self.errors.append("compile error")
                    return

    def _read_delta(self, delta) -> None:
        element = delta.new_element
        if delta.WhichOneof("type") != "new_element":
            return
        if element.WhichOneof("type") == "button":
            self.buttons[element.button.label] = element.button.id
        elif element.WhichOneof("type") == "exception":
            self.errors.append(element.exception.message)

    async def open(self, path: str, query: str = "") -> None:
        """The session's first run, of the page at `path` (e.g. "/gan_lab"), as a browser arriving with `query`."""
        self.query, self.page_name = query, path.strip("/")
        await self._send()
        await self._receive_until_finished()

    async def click(self, label: str) -> None:
        await self._send(triggers=(self.buttons[label],))
        await self._receive_until_finished()

    async def follow(self, seconds: float) -> None:
        """Rerun each timed fragment every interval, as the frontend does, for `seconds`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self.timers:
            await self._tick()

    async def follow_until(self, barrier: asyncio.Barrier) -> None:
        """Keep following the timers until every session of `barrier` has arrived."""
        arrival = asyncio.ensure_future(barrier.wait())
        while not arrival.done() and self.timers:
            await self._tick()
        await arrival

    async def _tick(self) -> None:
        fragment_id, interval = next(iter(self.timers.items()))
        started = time.monotonic()
        await self._send(fragment_id=fragment_id, auto=True)
        await self._receive_until_finished()
        await asyncio.sleep(max(0.0, interval - (time.monotonic() - started)))
