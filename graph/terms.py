"""RDF terms between the libraries and in text: one converter, one N-Triples writer, one shortener.

- :func:`from_oxigraph` / :func:`to_oxigraph`: a pyoxigraph term as an rdflib
  term and back (queries run on pyoxigraph, pyshacl and networkx read rdflib);
- :func:`nt_term` and :func:`nt_escape`: canonical N-Triples (RDF 1.2), which
  the graph files, query results in N-Triples and TSV all use, and
  :func:`nt_literal`, a literal read back from it;
- :func:`short_iri`: an IRI as a prefixed name of the project's prefixes
  (``ontology.PREFIXES``), percent-escapes decoded, for reading.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from govkg.ontology import PREFIXES

# Canonical N-Triples escapes (RDF 1.2): ECHAR for seven characters, UCHAR for
# the other controls. Chained str.replace runs at memory speed; str.translate
# looks up every character (seconds over a corpus of body texts).
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_OTHER_CONTROLS = re.compile(r"[\x00-\x07\x0b\x0e-\x1f\x7f]")
_ECHARS = (
    ("\\", "\\\\"),
    ('"', '\\"'),
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\b", "\\b"),
    ("\f", "\\f"),
)


def nt_escape(text: str) -> str:
    """A literal's lexical form escaped for N-Triples: ECHAR for seven characters, UCHAR for other controls.

    >>> nt_escape('甲"乙\\n\\x01')
    '甲\\\\"乙\\\\n\\\\u0001'
    """
    if not _NEEDS_ESCAPE.search(text):
        return text
    for char, escaped in _ECHARS:
        if char in text:
            text = text.replace(char, escaped)
    return _OTHER_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR_VALUES = {escaped[1]: char for char, escaped in _ECHARS} | {"'": "'"}


def _unescaped(match: re.Match) -> str:
    short, long, char = match.groups()
    return chr(int(short or long, 16)) if char is None else _ECHAR_VALUES[char]


def nt_literal(text: str) -> tuple[str, str | None, str | None]:
    """A literal in N-Triples syntax as (lexical form, language tag, datatype in N-Triples).

    The inverse of :func:`nt_term` for literals: the datatype is None for
    ``xsd:string`` and for a language-tagged string.

    >>> nt_literal('"何平\\\\n"@zh'), nt_literal('"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    (('何平\\n', 'zh', None), ('3', None, '<http://www.w3.org/2001/XMLSchema#integer>'))
    """
    # The closing quote is the last one: a language tag or an IRI holds none.
    end = text.rindex('"')
    lexical = text[1:end]
    if "\\" in lexical:
        lexical = _UNESCAPE.sub(_unescaped, lexical)
    if end == len(text) - 1:
        return lexical, None, None
    if text[end + 1] == "@":
        return lexical, text[end + 2 :], None
    return lexical, None, text[end + 3 :]


# Characters an IRI may not hold in N-Triples or Turtle: percent-encoded.
_BAD_IRI_CHARS = '<>"{}|^`\\ ' + "".join(map(chr, range(0x21)))
_IRI_ESCAPES = str.maketrans({c: f"%{ord(c):02X}" for c in _BAD_IRI_CHARS})
_NEEDS_IRI_ESCAPE = re.compile("[" + re.escape(_BAD_IRI_CHARS) + "]")


def _iri(text: str) -> str:
    return text.translate(_IRI_ESCAPES) if _NEEDS_IRI_ESCAPE.search(text) else text


def nt_iri(text: str) -> str:
    """An IRI's text in canonical N-Triples syntax, as :func:`nt_term` writes its ``URIRef``.

    >>> nt_iri("https://w3id.org/govkg/id/release/a b")
    '<https://w3id.org/govkg/id/release/a%20b>'
    """
    return f"<{_iri(text)}>"


_XSD_STRING = str(XSD.string)


def nt_term(term) -> str:
    """A term in canonical N-Triples syntax.

    >>> nt_term(Literal("何平\\n", lang="zh")), nt_term(URIRef("https://schema.org/name"))
    ('"何平\\\\n"@zh', '<https://schema.org/name>')
    """
    if isinstance(term, URIRef):
        return nt_iri(str(term))
    if isinstance(term, Literal):
        lexical = nt_escape(str(term))
        if term.language:
            return f'"{lexical}"@{term.language}'
        datatype = term.datatype
        if datatype is None or str(datatype) == _XSD_STRING:
            return f'"{lexical}"'
        return f'"{lexical}"^^<{_iri(str(datatype))}>'
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph(term) -> Node | None:
    """A pyoxigraph term (or None) as an rdflib term; an rdflib term comes back as it is."""
    if term is None or isinstance(term, Node):
        return term
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # an RDF-star triple term: shown, not modelled


def converter():
    """A converter of pyoxigraph terms to rdflib terms that makes each distinct term once.

    >>> import pyoxigraph as ox
    >>> convert = converter()
    >>> convert(ox.NamedNode("http://example.org/a")) is convert(ox.NamedNode("http://example.org/a"))
    True
    """
    made: dict = {}

    def convert(term):
        try:
            return made[term]
        except KeyError:
            made[term] = node = from_oxigraph(term)
            return node

    return convert


def to_oxigraph(term: Node):
    """An rdflib term as a pyoxigraph term (pyoxigraph imported here: not every caller needs it)."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def short_iri(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """An IRI as a prefixed name when a prefix fits, percent-escapes decoded, for reading.

    >>> short_iri("https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82")
    'id:person/何平@巴中市'
    """
    for prefix, base in prefixes.items():
        if iri.startswith(base):
            return f"{prefix}:{unquote(iri[len(base) :])}"
    return f"<{unquote(iri)}>"
