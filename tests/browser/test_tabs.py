"""Two tabs of one browser share one session: their refreshes take turns (a storage lock and a
BroadcastChannel in api.js), so they never race and neither is signed out."""

from tests.browser.conftest import expect, sign_up

REFRESH = "**/api/auth/refresh"
# Resolves once refresh() has begun: the storage lock is taken (first tab) or seen (second tab).
START_REFRESH = """async () => {
  const main = document.querySelector('script[type=module]').src;
  const api = await import(new URL('api.js', main));
  window.__refresh = api.refresh().then(() => 'ok', (error) => error.code || String(error));
  return 'started';
}"""
SECOND_RESULT = """() => Promise.race([window.__refresh,
  new Promise((resolve) => setTimeout(() => resolve('no answer in 5 s'), 5000))])"""


def test_two_tabs_refreshing_at_once_send_one_refresh_and_stay_signed_in(context):
    first = context.new_page()
    sign_up(first)
    second = context.new_page()
    second.goto("/packs")
    expect(second.get_by_role("heading", name="Packs")).to_be_visible()
    # The first tab's refresh is held at the network until the second tab has started its own,
    # so the two overlap however loaded the machine is.
    held = []
    context.route(REFRESH, lambda route: held.append(route))
    with first.expect_request(REFRESH):
        assert first.evaluate(START_REFRESH) == "started"
    assert second.evaluate(START_REFRESH) == "started"
    while not held:
        first.wait_for_timeout(10)
    assert len(held) == 1  # the second tab waits for the first one's answer
    held[0].continue_()
    assert first.evaluate("() => window.__refresh") == "ok"
    # Without the lock the second tab's own refresh would be held here, unanswered.
    assert second.evaluate(SECOND_RESULT) == "ok"
    assert len(held) == 1  # the second tab took the first one's new token
    context.unroute(REFRESH)
    for page in (first, second):
        page.reload()
        expect(page.get_by_role("heading", name="Packs")).to_be_visible()
