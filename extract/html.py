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

from govkg.extract.reading import ReadError

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


def _parse(markup: str, path: str | Path):
    import lxml.html
    from lxml import etree

    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(path, f"unparsable HTML: {exc}") from None


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
    root = _parse(markup, path)
    head_title = root.findtext(".//title")
    title = _headline(root, head_title)
    text = _element_text(root)
    if not text.strip():
        raise ReadError(path, "HTML page has no visible text")
    return Page(title=title, text=text)


def fragment_to_text(markup: str) -> str:
    """An HTML fragment (a news record's ``content``) to text, one paragraph a line.

    >>> fragment_to_text("<p>　　贾庆林说，中方愿意。</P><p>阿博特说。<BR></p>")
    '\\u3000\\u3000贾庆林说，中方愿意。\\n阿博特说。'
    """
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several types on broken fragments
        return re.sub(r"<[^>]+>", "\n", markup).strip()
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

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    text = "".join(parts).replace("\xa0", " ").replace("\r", "")
    lines = [line.strip(" \t") for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())
