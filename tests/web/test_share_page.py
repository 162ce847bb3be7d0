"""The public share page /r/<code>: server-rendered, sanitised, cached under the pack's version."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser

import pytest
from flask_migrate import upgrade

from pmp import create_app
from pmp.core.config import ConfigError, read_settings
from pmp.core.extensions import db
from pmp.core.urls import SHARE_PAGE_PATH
from pmp.web.share import SHARE_CSP, page_cache
from tests.conftest import CHEAP_ARGON2
from tests.gear.conftest import GearClient

DESCRIPTION = """Late **summer**, four days.

<script>alert("owned")</script> <img src=x onerror=alert(1)> <iframe src="https://evil.example"></iframe>
[a trap](javascript:alert(1)) [another](JaVaScRiPt:alert(2)) [data](data:text/html,hi)
[relative](/api/me) <javascript:alert(3)> <a href="javascript:alert(4)">raw link</a>
[the route](https://example.org/route "map") and <mailto:guide@example.org>

# Water
Refill at *every* creek."""


@pytest.fixture(autouse=True)
def _empty_cache(app):
    with app.app_context():
        page_cache().clear()


@pytest.fixture
def alice(client, make_user):
    return GearClient(client, make_user("alice"))


@pytest.fixture
def trip(alice):
    """A shared pack of three categories (one empty), with every kind of entry."""
    pack = alice.pack(name="Sierra High Route", description=DESCRIPTION)
    tent = alice.item(name="Tent", category="Shelter", weight=1000, price=300,
                      url="https://example.org/tent", image_url="https://example.org/tent.jpg",
                      description="Two doors")
    fleece = alice.item(name="Fleece", category="Clothing", weight=300, currency="USD",
                        price="45.5")
    stove = alice.item(name="Stove", category="Kitchen", weight=3.5, weight_unit="oz")
    gas = alice.item(name="Gas", category="Kitchen", weight=230)
    entries = {
        "tent": alice.entry(pack["id"], tent["id"], star=2),
        "fleece": alice.entry(pack["id"], fleece["id"], worn=True),
        "stove": alice.entry(pack["id"], stove["id"]),
        "gas": alice.entry(pack["id"], gas["id"], consumable=True, quantity=2),
    }
    empty = alice.post(f"/api/packs/{pack['id']}/categories", {"name": "Spare"}).get_json()
    share = alice.post(f"/api/packs/{pack['id']}/share").get_json()
    items = {"tent": tent, "fleece": fleece, "stove": stove, "gas": gas}
    return {"pack": pack, "share": share, "code": share["share_code"], "items": items,
            "entries": entries, "empty_category": empty,
            "url": SHARE_PAGE_PATH.format(code=share["share_code"])}


def page(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.get_data(as_text=True)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def meta(html: str, prop: str) -> str:
    for tag, attrs in Tags(html).tags:
        if tag == "meta" and prop in (attrs.get("property"), attrs.get("name")):
            return attrs["content"]
    raise AssertionError(f"no meta {prop}")


def description_of(html: str) -> str:
    return re.search(r'<div class="description">(.*?)</div>', html, re.S).group(1)


# -- what the page shows ------------------------------------------------------------------------


def test_the_page_shows_the_pack_without_owner_data(client, trip):
    response, html = page(client, trip["url"])
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "<h1>Sierra High Route</h1>" in html
    headings = re.findall(r'<h3 id="category-\d+">.*?</svg>(.*?)</h3>', html)
    assert headings == ["Shelter", "Clothing", "Kitchen", "Spare"]  # the pack's order
    for text in ("Tent", "Two doors", "Fleece", "Stove", "Gas", "3.5<span class=\"unit\">oz",
                 "1,000<span class=\"unit\">g", "€300.00", "$45.50", ">worn<", ">consumable<",
                 "★★", "2 stars", "Nothing in this category yet."):
        assert text in html, text
    tags = Tags(html).tags
    links = {a["href"] for tag, a in tags if tag == "a"}
    assert "https://example.org/tent" in links
    assert f"/api/shared/{trip['code']}/export.csv" in links
    assert ("img", {"class": "thumb", "src": "https://example.org/tent.jpg", "alt": "",
                    "width": "40", "height": "40", "loading": "lazy",
                    "referrerpolicy": "no-referrer"}) in tags
    # the category colours as swatches and chart slices, never as text colour
    fills = [a["fill"] for tag, a in tags if tag == "path"]
    assert fills == ["#4e79a7", "#f28e2b", "#e15759"]  # the empty category has no slice
    assert ("rect", {"width": "12", "height": "12", "rx": "3", "fill": "#76b7b2"}) in tags
    # no owner data, no checklist
    for secret in ("alice", "pack_count", "checked", str(trip["pack"]["id"]) + "/"):
        assert secret not in html, secret


def test_totals_and_the_chart_in_words(client, trip):
    _, html = page(client, trip["url"])
    totals = dict(re.findall(r'<tr class="total-(\w+)"><th scope="row">[^<]+</th>'
                             r'<td class="num">([\d,.]+)<span class="unit">g</span>', html))
    # tent 1000 + fleece 300 (worn) + stove 99.22 + gas 2 x 230 (consumable)
    assert totals == {"total": "1,859", "base": "1,099", "worn": "300", "consumable": "460",
                      "pack": "1,559"}
    assert '<th scope="row">Items</th><td class="num">5</td>' in html
    assert "€300.00 + $45.50" in html
    assert '<svg viewBox="0 0 200 200" width="200" height="200" role="img"' in html
    chart_text = re.search(r'<desc id="chart-text">(.*?)</desc>', html).group(1)
    assert chart_text == "Shelter 1,000 g (54%); Clothing 300 g (16%); Kitchen 559 g (30%)"


def test_open_graph_and_title(client, trip):
    _, html = page(client, trip["url"])
    assert "<title>Sierra High Route · pmp</title>" in html
    assert meta(html, "og:title") == "Sierra High Route"
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:url") == trip["share"]["share_url"] == f"http://localhost{trip['url']}"
    assert meta(html, "og:description") == "Base 1,099 g · Total 1,859 g · 5 items"
    assert meta(html, "description") == meta(html, "og:description")


def test_units_switch_by_link_and_default_to_the_owners_preference(client, alice, trip):
    _, html = page(client, trip["url"] + "?unit=kg")
    assert meta(html, "og:description") == "Base 1.1 kg · Total 1.86 kg · 5 items"
    assert '<a href="?unit=kg" aria-current="true">kg<span class="visually-hidden"> (kilograms)' \
        in html
    assert '3.5<span class="unit">oz</span>' in html  # items keep the unit they were typed in
    alice.preferences(weight_unit="oz")
    _, html = page(client, trip["url"])
    assert meta(html, "og:description") == "Base 38.77 oz · Total 65.58 oz · 5 items"
    _, nonsense = page(client, trip["url"] + "?unit=stone")
    assert nonsense == html
    for unit in ("g", "kg", "oz", "lb"):
        assert f'href="?unit={unit}"' in html


def test_markdown_is_rendered_and_sanitised(client, trip):
    _, html = page(client, trip["url"])
    fragment = Tags(description_of(html))
    allowed = {"p", "strong", "em", "a", "h3", "br", "code", "ul", "ol", "li", "blockquote"}
    assert {tag for tag, _ in fragment.tags} <= allowed
    links = [attrs for tag, attrs in fragment.tags if tag == "a"]
    assert [a["href"] for a in links] == ["https://example.org/route",
                                          "mailto:guide@example.org"]
    assert all(a["rel"] == "nofollow noopener" for a in links)
    assert "<strong>summer</strong>" in html and "<h3>Water</h3>" in html
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<img src=x" not in lowered
    assert 'href="javascript' not in lowered and 'href="data:' not in lowered
    # the raw HTML is shown as text, not dropped silently
    assert '&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;' in html


def test_owner_text_is_escaped_everywhere(client, alice):
    pack = alice.pack(name='<b>Bold</b> "quoted"', description="")
    item = alice.item(name="<script>x()</script>", category='<i>"cat"</i>',
                      description="<img src=x onerror=alert(1)>")
    alice.entry(pack["id"], item["id"])
    code = alice.post(f"/api/packs/{pack['id']}/share").get_json()["share_code"]
    _, html = page(client, f"/r/{code}")
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert meta(html, "og:title") == '<b>Bold</b> "quoted"'  # the parser unescaped it
    assert "<script>x()" not in html and "<img src=x" not in html and "<i>" not in html
    assert '<div class="description">' not in html  # no description, no empty block


def test_strict_csp_and_nothing_inline(client, trip):
    response, html = page(client, trip["url"])
    assert response.headers["Content-Security-Policy"] == SHARE_CSP
    assert "default-src 'none'" in SHARE_CSP and "script-src" not in SHARE_CSP
    assert "unsafe" not in SHARE_CSP
    assert "<script" not in html and " style=" not in html and "<style" not in html
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-cache"
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)">', html).group(1)
    assert re.fullmatch(r"/assets/[0-9a-f]{16}/share/share\.css", stylesheet)
    css = client.get(stylesheet)
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert b"prefers-color-scheme: dark" in css.data and b"@media print" in css.data


def test_unknown_and_revoked_codes_get_the_html_404_page(client, alice, trip):
    for url in ("/r/nope", "/r/" + "x" * 500, "/r/%00", "/r/a%20b"):
        response, html = page(client, url)
        assert response.status_code == 404, url
        assert response.mimetype == "text/html"
        assert "<h1>This list is not shared</h1>" in html
        assert response.headers["Content-Security-Policy"] == SHARE_CSP
    assert client.get("/api/shared/nope").get_json()["code"] == "not_found"  # the API's JSON
    assert client.get(trip["url"]).status_code == 200
    assert alice.delete(f"/api/packs/{trip['pack']['id']}/share").status_code == 204
    response, html = page(client, trip["url"])
    assert response.status_code == 404 and "This list is not shared" in html
    assert client.head(trip["url"]).status_code == 404


# -- cache, version and conditional requests -----------------------------------------------------


def stored(app, pack_id: int):
    from pmp.gear.models import Pack

    with app.app_context():
        pack = db.session.get(Pack, pack_id)
        db.session.remove()
        return pack


def version_of(app, pack_id: int) -> int:
    return stored(app, pack_id).version


CHANGES = {
    "rename the pack": (
        lambda a, t: a.patch(f"/api/packs/{t['pack']['id']}", {"name": "Sierra Loop"}),
        lambda html: "<h1>Sierra Loop</h1>" in html),
    "edit an item's weight": (
        lambda a, t: a.patch(f"/api/items/{t['items']['tent']['id']}", {"weight": 1200}),
        lambda html: '1,200<span class="unit">g</span>' in html),
    "move an entry to another category": (
        lambda a, t: a.patch(f"/api/packs/{t['pack']['id']}/entries/{t['entries']['gas']['id']}",
                             {"category_id": t["empty_category"]["id"]}),
        lambda html: re.search(r"Spare</h3>.*?>Gas<", html, re.S) is not None),
    "reorder entries": (
        lambda a, t: a.patch(f"/api/packs/{t['pack']['id']}/entries/{t['entries']['gas']['id']}",
                             {"index": 0}),
        lambda html: html.index(">Gas<") < html.index(">Stove<")),
    "recolour a category": (
        lambda a, t: a.patch(f"/api/packs/{t['pack']['id']}/categories/"
                             f"{t['entries']['tent']['category_id']}", {"color": "#123456"}),
        lambda html: 'fill="#123456"' in html),
    "change an entry's quantity": (
        lambda a, t: a.patch(f"/api/packs/{t['pack']['id']}/entries/{t['entries']['tent']['id']}",
                             {"quantity": 2}),
        lambda html: "Total 2,859 g" in html),
    "delete an item": (
        lambda a, t: a.delete(f"/api/items/{t['items']['stove']['id']}"),
        lambda html: ">Stove<" not in html and ">Gas<" in html),
    "remove an entry": (
        lambda a, t: a.delete(f"/api/packs/{t['pack']['id']}/entries/"
                              f"{t['entries']['fleece']['id']}"),
        lambda html: ">Fleece<" not in html),
    "add a category": (
        lambda a, t: a.post(f"/api/packs/{t['pack']['id']}/categories", {"name": "Water"}),
        lambda html: "</svg>Water</h3>" in html),
    "delete a category": (
        lambda a, t: a.delete(f"/api/packs/{t['pack']['id']}/categories/"
                              f"{t['empty_category']['id']}"),
        lambda html: "Spare</h3>" not in html),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_a_reader_sees_invalidates_the_cached_page(app, client, alice, trip,
                                                                count_queries, change):
    act, shows = CHANGES[change]
    first, before = page(client, trip["url"])
    with count_queries() as cached:
        again, same = page(client, trip["url"])
    assert same == before and cached.count == 1  # served from the cache: one look-up
    version = version_of(app, trip["pack"]["id"])
    response = act(alice, trip)
    assert response.status_code in (200, 201, 204), response.get_json()
    assert version_of(app, trip["pack"]["id"]) > version
    after, html = page(client, trip["url"])
    assert after.status_code == 200 and shows(html), change
    assert after.headers["ETag"] != first.headers["ETag"]
    stale = client.get(trip["url"], headers={"If-None-Match": first.headers["ETag"]})
    assert stale.status_code == 200


def test_an_item_change_reaches_every_pack_that_holds_it(app, client, alice, trip):
    other = alice.pack(name="Other")
    alice.entry(other["id"], trip["items"]["tent"]["id"])
    code = alice.post(f"/api/packs/{other['id']}/share").get_json()["share_code"]
    updated = stored(app, other["id"]).updated_at
    page(client, f"/r/{code}"), page(client, trip["url"])
    alice.patch(f"/api/items/{trip['items']['tent']['id']}", {"name": "Tarp"})
    for url in (f"/r/{code}", trip["url"]):
        assert ">Tarp<" in page(client, url)[1]
    # the pack's own updated_at stays (to the microsecond): the pack itself did not change
    assert stored(app, other["id"]).updated_at == updated


def test_unsharing_takes_the_page_down_at_once(client, alice, trip):
    assert client.get(trip["url"]).status_code == 200  # cached now
    alice.delete(f"/api/packs/{trip['pack']['id']}/share")
    assert client.get(trip["url"]).status_code == 404
    again = alice.post(f"/api/packs/{trip['pack']['id']}/share").get_json()
    assert client.get(f"/r/{again['share_code']}").status_code == 200
    assert client.get(trip["url"]).status_code == 404


def test_ticking_the_checklist_keeps_the_cached_page(app, client, alice, trip, count_queries):
    before = page(client, trip["url"])[1]
    version = version_of(app, trip["pack"]["id"])
    entry = trip["entries"]["tent"]
    alice.patch(f"/api/packs/{trip['pack']['id']}/entries/{entry['id']}", {"checked": True})
    alice.post(f"/api/packs/{trip['pack']['id']}/checklist/reset")
    assert version_of(app, trip["pack"]["id"]) == version
    with count_queries() as cached:
        assert page(client, trip["url"])[1] == before
    assert cached.count == 1


def test_the_owners_unit_preference_changes_the_default_page(client, alice, trip):
    assert "Base 1,099 g" in page(client, trip["url"])[1]
    alice.preferences(weight_unit="kg")
    assert "Base 1.1 kg" in page(client, trip["url"])[1]


def test_etag_304_and_gzip(client, trip):
    first = client.get(trip["url"])
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    again = client.get(trip["url"], headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    packed = client.get(trip["url"], headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == first.data
    assert len(packed.data) < len(first.data) / 2
    head = client.head(trip["url"])
    assert head.status_code == 200 and head.data == b""


def test_the_cache_is_bounded():
    from pmp.web.page_cache import CachedPage, PageCache

    cache = PageCache(max_bytes=1000, max_pages=3)
    page_of = lambda version, size: CachedPage(version, b"x" * size, b"", "e")  # noqa: E731
    for n in range(5):
        cache.put(n, page_of(1, 100))
    assert len(cache) == 3 and cache.get(0, 1) is None and cache.get(4, 1) is not None
    cache.put(4, page_of(2, 100))  # a new version replaces the old one
    assert cache.get(4, 1) is None and cache.get(4, 2) is not None and len(cache) == 3
    cache.put("big", page_of(1, 900))
    assert cache.bytes <= 1000 and cache.get("big", 1) is not None
    cache.put("huge", page_of(1, 5000))  # larger than the whole cache: not kept
    assert cache.get("huge", 1) is None and cache.bytes <= 1000


# -- cost ---------------------------------------------------------------------------------------


def _imported_shared_pack(alice, rows: int) -> str:
    data = "Item Name,Category,qty,weight,worn,price\n" + "".join(
        f"item {n},c{n % 7},{1 + n % 3},{n},{'Worn' if n % 5 == 0 else ''},{n}\n"
        for n in range(rows)
    )
    response = alice.client.post("/api/packs/import", data=data.encode(),
                                 headers={**alice.headers, "Content-Type": "text/csv"})
    assert response.status_code == 201, response.get_json()
    pack_id = response.get_json()["id"]
    return alice.post(f"/api/packs/{pack_id}/share").get_json()["share_code"]


def test_statement_count_does_not_grow_with_entries(client, alice, count_queries):
    small, large = _imported_shared_pack(alice, 5), _imported_shared_pack(alice, 200)
    counts = {}
    for name, code in (("small", small), ("large", large)):
        with count_queries() as rendered:
            html = page(client, f"/r/{code}")[1]
        with count_queries() as cached:
            page(client, f"/r/{code}")
        counts[name] = (rendered.count, cached.count)
        assert html.count('<td class="item">') == (5 if name == "small" else 200)
    # rendering: the version, the pack with its owner, its categories, its entries with items;
    # from the cache: the version alone
    assert counts["small"] == counts["large"] == (4, 1)


# -- share_url and PUBLIC_URL -------------------------------------------------------------------


def test_share_url_follows_the_host_and_port_of_the_request(client, alice, trip):
    response = alice.client.post(f"/api/packs/{trip['pack']['id']}/share",
                                 headers={**alice.headers, "Host": "nas.local:8080"})
    assert response.get_json()["share_url"] == f"http://nas.local:8080/r/{trip['code']}"
    html = client.get(trip["url"], headers={"Host": "nas.local:8080"}).get_data(as_text=True)
    assert meta(html, "og:url") == f"http://nas.local:8080/r/{trip['code']}"


def test_share_url_from_public_url(app, client, alice, trip, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://pack.example.org/pmp")
    share = alice.post(f"/api/packs/{trip['pack']['id']}/share").get_json()
    assert share["share_url"] == f"https://pack.example.org/pmp/r/{trip['code']}"
    html = client.get(trip["url"], headers={"Host": "10.0.0.5:8080"}).get_data(as_text=True)
    assert meta(html, "og:url") == share["share_url"]


def test_share_url_behind_a_trusted_proxy(tmp_path, monkeypatch):
    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'proxy.sqlite3'}",
                      "JWT_SECRET_KEY": "p" * 40, "TRUSTED_PROXIES": "1", "TESTING": True,
                      "LOG_LEVEL": "WARNING", **CHEAP_ARGON2})
    with app.app_context():
        upgrade()
    client = app.test_client()
    token = client.post("/api/auth/register", json={
        "username": "carol", "email": "carol@example.com",
        "password": "correct horse battery staple"}).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    pack = client.post("/api/packs", json={"name": "Proxied"}, headers=headers).get_json()
    forwarded = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https",
                 "X-Forwarded-Host": "pack.example.org:8443", "X-Forwarded-Prefix": "/pmp"}
    share = client.post(f"/api/packs/{pack['id']}/share",
                        headers={**headers, **forwarded}).get_json()
    assert share["share_url"] == f"https://pack.example.org:8443/pmp/r/{share['share_code']}"
    html = client.get(f"/r/{share['share_code']}", headers=forwarded).get_data(as_text=True)
    assert meta(html, "og:url") == share["share_url"]
    assert f'href="/pmp/api/shared/{share["share_code"]}/export.csv"' in html
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.mark.parametrize("value", ["pack.example.org", "https://pack.example.org/",
                                   "ftp://pack.example.org", "https://pack.example.org?x=1",
                                   "https://pack.example.org/#top", "https://pack example.org",
                                   "https://pack.example.org:99999"])
def test_a_bad_public_url_is_refused_by_name(monkeypatch, value):
    monkeypatch.setenv("PUBLIC_URL", value)
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        read_settings()


def test_public_url_is_normalised(monkeypatch):
    monkeypatch.setenv("PUBLIC_URL", " HTTPS://Pack.Example.org:8443/Pmp ")
    assert read_settings()["PUBLIC_URL"] == "https://pack.example.org:8443/Pmp"
    monkeypatch.setenv("PUBLIC_URL", "")
    assert read_settings()["PUBLIC_URL"] is None


def test_the_web_wing_serves_the_path_the_api_hands_out(app):
    with app.test_request_context():
        from flask import url_for

        assert url_for("web.share_page", code="abc") == SHARE_PAGE_PATH.format(code="abc")


@pytest.mark.parametrize("base_url", ["http://localhost/", "http://nas.local:8080/",
                                      "https://pack.example.org/pmp/",
                                      "https://pack.example.org:443/", "http://[::1]:8080/a%20b/"])
def test_public_root_is_the_requests_root(app, base_url):
    from flask import request

    from pmp.core.urls import public_root

    with app.test_request_context("/r/x", base_url=base_url):
        assert public_root() == request.url_root.rstrip("/")
