"""A pack's description as safe HTML: CommonMark without raw HTML, images or unsafe links.

The description is written by the pack's owner and read by anyone with the link, so nothing
in it may run or load: raw HTML is shown as text, links keep only http(s) and mailto targets
(a `javascript:`, `data:` or relative link stays plain text) and carry `rel="nofollow
noopener"`, images are not fetched (their link is kept), and headings start below the page's
own (a `#` heading is an h3), so the page's outline stays the pack's.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup

SAFE_LINK = re.compile(r"(https?://|mailto:)", re.IGNORECASE)
LINK_REL = "nofollow noopener"
HEADING_SHIFT = 2  # the page has h1 (the pack) and h2 (its parts)


def render_markdown(text: str) -> Markup:
    """The description as HTML, ready to put into a template."""
    if not text.strip():
        return Markup("")
    return Markup(_parser().render(text))  # noqa: S704 - html disabled, links checked above


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    md.disable("image")
    md.validateLink = lambda url: bool(SAFE_LINK.match(url))
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("heading_open", _heading)
    md.add_render_rule("heading_close", _heading)
    return md


def _link_open(self, tokens, index, options, env) -> str:
    tokens[index].attrSet("rel", LINK_REL)
    return self.renderToken(tokens, index, options, env)


def _heading(self, tokens, index, options, env) -> str:
    token = tokens[index]
    token.tag = f"h{min(6, int(token.tag[1]) + HEADING_SHIFT)}"
    return self.renderToken(tokens, index, options, env)
