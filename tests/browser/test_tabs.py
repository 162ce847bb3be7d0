"""Two tabs of one browser share one session: their refreshes take turns (a storage lock and a
BroadcastChannel in api.js), so they never race and neither is signed out."""

from tests.browser.conftest import expect, sign_up

START_REFRESH = """() => {
  const main = document.querySelector('script[type=module]').src;
  window.__refresh = import(new URL('api.js', main)).then((m) => m.refresh())
    .then(() => 'ok', (error) => error.code || String(error));
}"""


def test_two_tabs_refreshing_at_once_send_one_refresh_and_stay_signed_in(context):
    first = context.new_page()
    sign_up(first)
    second = context.new_page()
    second.goto("/packs")
    expect(second.get_by_role("heading", name="Packs")).to_be_visible()
    refreshes = []
    context.on("request", lambda r: refreshes.append(r) if r.url.endswith(
        "/api/auth/refresh") else None)
    first.evaluate(START_REFRESH)
    second.evaluate(START_REFRESH)
    assert first.evaluate("() => window.__refresh") == "ok"
    assert second.evaluate("() => window.__refresh") == "ok"
    assert len(refreshes) == 1  # the second tab took the first one's new token
    for page in (first, second):
        page.reload()
        expect(page.get_by_role("heading", name="Packs")).to_be_visible()
