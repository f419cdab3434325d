"""HTML pages and fragments to text with paragraph breaks.

Scripts, styles, forms and page furniture (``nav``, ``header``, ``footer``,
``aside``) are dropped; every block element and ``<br>`` becomes a line break.
What remains is read by the same cleaner as scraped text
(:mod:`govkg.extract.cleaning`), which finds the article among the page's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from govkg.extract.records import ReadError

DROP_TAGS = (
    "script", "style", "noscript", "iframe", "form", "select", "button", "nav",
    "header", "footer", "aside", "template", "svg", "object", "embed", "head",
)  # fmt: skip
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center",
    "figure", "figcaption", "hr", "td", "th", "tbody", "main",
}  # fmt: skip
_TITLE_CLASS = re.compile(r"(^|[\s_-])(title|tit|newst|bt|headline|art_title|article-title)", re.I)


@dataclass(frozen=True)
class Page:
    """A page reduced to its visible text, and the headline it shows."""

    title: str | None
    text: str
    warnings: tuple[str, ...] = ()


def _parser():
    import lxml.html

    # huge_tree: without it libxml2 stops at 256 levels of nesting and drops
    # the rest of the page silently (an article inside 20,000 <div>s).
    return lxml.html.HTMLParser(huge_tree=True)


def _parse(markup: str, path: str | Path):
    """The page's tree, and whether the parser gave up on its nesting (and dropped the rest)."""
    import lxml.html

    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (_lxml_errors(), ValueError) as exc:
        raise ReadError(path, f"unparsable HTML: {exc}") from None
    return root, _too_deep(parser)


def _too_deep(parser) -> bool:
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


_DROPPED_BLOCKS = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.I | re.S)
_BREAKS = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r")\b[^>]*>", re.I)


def stripped_text(markup: str) -> str:
    """Text of markup that no parser will hold (nested too deep): tags cut out, blocks as lines.

    >>> stripped_text("<div><div><p>会议&nbsp;召开</p><script>x()</script></div></div>")
    '会议 召开'
    """
    import html

    text = _BREAKS.sub("\n", _DROPPED_BLOCKS.sub("", markup))
    text = html.unescape(re.sub(r"<!--.*?-->|<[^>]*>", "", text, flags=re.S)).replace("\xa0", " ")
    lines = [line.strip(" \t\r") for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def _lxml_errors() -> type[Exception]:
    from lxml import etree

    return etree.LxmlError


def html_to_text(markup: str, path: str | Path = "<html>") -> Page:
    """A whole page to its headline and visible text, one block a line.

    Raises ReadError for a truncated page (no closing ``</body>`` or ``</html>``)
    and for a page with no visible text.

    >>> page = html_to_text("<html><head><title>会议召开_巴中市</title></head>"
    ...                     "<body><h1>会议召开</h1><p>1月25日，我市召开会议。</p></body></html>")
    >>> page.title, page.text
    ('会议召开', '会议召开\\n1月25日，我市召开会议。')
    """
    tail = markup[-4096:].lower()
    if "</html" not in tail and "</body" not in tail:
        raise ReadError(path, "truncated HTML page (no closing </body> or </html>)")
    root, too_deep = _parse(markup, path)
    try:
        head_title = root.findtext(".//title")
        title = _headline(root, head_title)
        text = _element_text(root)
    except (_lxml_errors(), ValueError) as exc:  # lxml's errors on one page are that page's
        raise ReadError(path, f"unreadable HTML: {type(exc).__name__}: {exc}") from None
    warnings = ()
    if too_deep:
        # The parser stopped at its nesting limit and dropped what lies deeper.
        text = stripped_text(markup)
        warnings = ("HTML nested deeper than the parser allows; read with its tags cut out",)
    if not text.strip():
        raise ReadError(path, "HTML page has no visible text")
    return Page(title=title, text=text, warnings=warnings)


def fragment_to_text(markup: str) -> str:
    """An HTML fragment (a news record's ``content``) to text, one paragraph a line.

    >>> fragment_to_text("<p>　　贾庆林说，中方愿意。</P><p>阿博特说。<BR></p>")
    '\\u3000\\u3000贾庆林说，中方愿意。\\n阿博特说。'
    """
    import lxml.html

    parser = _parser()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except Exception:  # lxml raises several types on broken fragments
        return re.sub(r"<[^>]+>", "\n", markup).strip()
    if _too_deep(parser):
        return stripped_text(markup)
    return _element_text(root)


def _headline(root, head_title: str | None) -> str | None:
    candidates = []
    for element in root.iter("h1", "h2", "div", "td", "span", "p"):
        attrs = " ".join(filter(None, (element.get("class"), element.get("id"))))
        if element.tag in ("h1", "h2") or (attrs and _TITLE_CLASS.search(attrs)):
            text = _squash(element.text_content())
            if 4 <= len(text) <= 100:
                candidates.append(text)
    head = _squash(head_title or "")
    # Prefer a headline the <title> also holds (it often adds "_Site name").
    for text in candidates:
        if head and text in head:
            return text
    if candidates:
        return candidates[0]
    if head:
        return re.split(r"\s*[_|｜]\s*|\s+-\s+", head)[0] or None
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _element_text(root) -> str:
    for element in list(root.iter(*DROP_TAGS)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    parts: list[str] = []
    # Depth first without recursion: a page may nest its article 20,000 deep.
    # The stack holds elements to open, and the strings to append after a
    # subtree (its closing break, then its tail).
    stack: list = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag if isinstance(item.tag, str) else ""
        block = tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if item.text and tag:
            parts.append(item.text)
        after = []
        if block:
            after.append("\n")
        if item is not root and item.tail:
            after.append(item.tail)
        stack.extend(reversed(after))
        stack.extend(reversed(list(item)))
    text = "".join(parts).replace("\xa0", " ").replace("\r", "")
    lines = [line.strip(" \t") for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())
