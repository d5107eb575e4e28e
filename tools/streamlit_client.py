"""A browser session without a browser: log in through the real OIDC provider over HTTP, then drive
the app over Streamlit's own websocket, as the frontend does (for the concurrency benchmark).

The server cannot tell it from a browser: the same login cookie (signed by Streamlit after the
provider's redirect), the same XSRF handshake, the same `rerun_script` messages with widget states.
A rerun is timed from sending its request to the server's `script_finished`: what the user waits
for, less the browser's drawing.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

XSRF_COOKIE = "_streamlit_xsrf"
LOGIN_BUTTON = "Log ind"  # the login screen's button (app.py), found by its label


async def login_cookies(app_url: str, sub: str | None, timeout: float = 60) -> dict[str, str]:
    """The cookies a browser holds for the app: XSRF, and (with `sub`) the login of the provider's
    user `sub`: the app's "Log ind" button clicked, its redirect to the provider followed, the
    provider's form posted for `sub`, and the callback's session cookie kept."""
    async with httpx.AsyncClient(follow_redirects=True, timeout=timeout) as client:
        (await client.get(f"{app_url}/_stcore/health")).raise_for_status()  # the XSRF cookie
        if sub is not None:
            async with Session(app_url, _cookies(client)) as session:
                await session.rerun()
                button = WidgetState(id=session.widget_ids[LOGIN_BUTTON], trigger_value=True)
                redirect = await session.rerun(widgets=[button])
            form = await client.get(httpx.URL(app_url).join(redirect.redirect))
            form.raise_for_status()
            (await client.post(str(form.url), data={"sub": sub})).raise_for_status()
        cookies = _cookies(client)
    if sub is not None and not any(name.startswith("_streamlit_user") for name in cookies):
        raise RuntimeError(f"login of {sub} gave no session cookie")
    return cookies


def _cookies(client: httpx.AsyncClient) -> dict[str, str]:
    return {c.name: c.value for c in client.cookies.jar}


@dataclass
class Run:
    """What one script run sent: its duration, element types and the status it finished with."""

    seconds: float
    elements: Counter = field(default_factory=Counter)
    status: int = -1
    redirect: str = ""  # where st.login sends the browser

    @property
    def ok(self) -> bool:
        return self.status in (ForwardMsg.FINISHED_SUCCESSFULLY,
                               ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY) \
            and not self.elements["exception"]


class Session:
    """One app session over a websocket; `await rerun(...)` runs the script and waits for its end."""

    def __init__(self, app_url: str, cookies: dict[str, str]) -> None:
        self.app_url = app_url
        self.cookies = cookies
        self.widget_ids: dict[str, str] = {}  # user key (or a button's label) -> widget id
        self.page_hash = ""
        self.timers: dict[str, float] = {}  # fragment id -> interval (st.fragment(run_every=...))
        self._ws: ClientConnection | None = None

    async def __aenter__(self) -> Session:
        ws_url = self.app_url.replace("http://", "ws://") + "/_stcore/stream"
        self._ws = await connect(
            ws_url, subprotocols=["streamlit", self.cookies[XSRF_COOKIE]], origin=self.app_url,
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())},
            max_size=None, ping_interval=None, open_timeout=60)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def tick(self, timeout: float = 600) -> Run:
        """What the browser sends when the page's fragment timer fires: that fragment alone runs."""
        return await self.rerun(fragment_id=next(iter(self.timers)), timeout=timeout)

    async def rerun(self, page: str = "", widgets: list[WidgetState] | None = None,
                    query: str = "", timeout: float = 600, fragment_id: str = "") -> Run:
        """Run the script on `page` (its url path; the current page when empty) with `widgets`
        (their other widgets at their defaults), or only its fragment `fragment_id` as its timer
        does, and wait for `script_finished`."""
        assert self._ws is not None
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_script_hash = "" if page else self.page_hash
        state.page_name = page
        state.widget_states.widgets.extend(widgets or [])
        state.fragment_id = fragment_id
        state.is_auto_rerun = bool(fragment_id)
        started = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        run = Run(0.0)
        async with asyncio.timeout(timeout):
            while True:
                fwd = ForwardMsg()
                fwd.ParseFromString(await self._ws.recv())
                kind = fwd.WhichOneof("type")
                if kind == "new_session":
                    self.page_hash = fwd.new_session.page_script_hash
                elif kind == "navigation":
                    self.page_hash = fwd.navigation.page_script_hash or self.page_hash
                elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                    element = fwd.delta.new_element
                    name = element.WhichOneof("type")
                    run.elements[name] += 1
                    widget_id = getattr(getattr(element, name), "id", "")
                    if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
                        self.widget_ids[widget_id.split("-", 2)[2]] = widget_id  # $$ID-hash-key
                    if name == "button":
                        self.widget_ids[element.button.label] = element.button.id
                elif kind == "auto_rerun":
                    self.timers[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
                elif kind == "auth_redirect":
                    run.redirect = fwd.auth_redirect.url
                elif (kind == "script_finished"
                      and fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                    run.status = fwd.script_finished
                    break
        run.seconds = time.perf_counter() - started
        return run

    def strings(self, key: str, values: list[str]) -> WidgetState:
        """The state of multiselect `key` holding `values` (their labels, as the browser sends)."""
        state = WidgetState(id=self.widget_ids[key])
        state.string_array_value.data.extend(values)
        return state
