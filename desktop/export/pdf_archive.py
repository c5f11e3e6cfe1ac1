"""What an archive asks of a PDF that Qt's QPdfWriter cannot set: Subject and Keywords in the document
information, the document language (``/Lang`` in the catalog, ``dc:language`` in the XMP metadata) and an
outline (bookmarks). They are added to the finished PDF as an incremental update (ISO 32000-1, 7.5.6): new
versions of the information dictionary, the catalog and the metadata stream, the outline items, an xref
section and a trailer appended after Qt's bytes, which stay as they were (so the pages, their text and the
PDF/A identification Qt wrote are unchanged). Only the classic xref table that QPdfWriter writes is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape  # XML-safe (&, <, >, quotes); xml.sax.saxutils would import urllib.request


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: ``title`` opens page ``page`` (0-based)."""

    title: str
    page: int


@dataclass(frozen=True)
class ArchiveInfo:
    """The metadata added to a PDF: Subject and Keywords (document information and XMP), the language
    (a BCP 47 tag such as ``ru``) and the bookmarks."""

    subject: str
    keywords: str
    lang: str
    bookmarks: list[Bookmark] = field(default_factory=list)


class PdfStructureError(ValueError):
    """The PDF is not laid out as QPdfWriter writes it (no classic xref table, no catalog, ...)."""


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_REF = rb"(\d+)\s+0\s+R"


def pdf_text(text: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, as a hex string (no escaping to get wrong)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _xref(data: bytes, start: int) -> dict[int, int]:
    """Object number -> offset of the objects in use, from the classic xref table at ``start``."""
    if data[start:start + 4] != b"xref":
        raise PdfStructureError("no classic xref table where startxref points")
    offsets: dict[int, int] = {}
    lines = iter(data[start + 4:].split(b"\n"))
    try:
        for line in lines:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == b"trailer":
                return offsets
            first, count = int(parts[0]), int(parts[1])
            for number in range(first, first + count):
                entry = next(lines).split()
                if entry[2] == b"n":
                    offsets[number] = int(entry[0])
    except (ValueError, IndexError, StopIteration) as exc:
        raise PdfStructureError(f"the xref table cannot be read ({exc})") from exc
    raise PdfStructureError("the xref table has no trailer")


def _dictionary(data: bytes, pos: int) -> tuple[bytes, int]:
    """The inside of the dictionary ``<< ... >>`` that starts at ``pos`` (nested dictionaries, literal strings
    with their escapes and parentheses, and hex strings skipped whole), and the offset just after it."""
    if data[pos:pos + 2] != b"<<":
        raise PdfStructureError("a dictionary was expected")
    depth, i = 0, pos
    while i < len(data):
        if data.startswith(b"<<", i):
            depth, i = depth + 1, i + 2
        elif data.startswith(b">>", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return data[pos + 2:i - 2], i
        elif data[i:i + 1] == b"(":
            i = _string_end(data, i)
        elif data[i:i + 1] == b"<":
            i = data.index(b">", i) + 1
        else:
            i += 1
    raise PdfStructureError("a dictionary does not end")


def _string_end(data: bytes, pos: int) -> int:
    """The offset after the literal string ``( ... )`` that starts at ``pos``."""
    depth, i = 0, pos
    while i < len(data):
        c = data[i:i + 1]
        if c == b"\\":
            i += 2
            continue
        if c == b"(":
            depth += 1
        elif c == b")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise PdfStructureError("a string does not end")


def _object_dictionary(data: bytes, offsets: dict[int, int], number: int) -> tuple[bytes, int]:
    """The inside of object ``number``'s dictionary and the offset after it."""
    if number not in offsets:
        raise PdfStructureError(f"object {number} is not in the xref table")
    head = re.compile(rb"\s*%d\s+0\s+obj\s*" % number).match(data, offsets[number])
    if head is None:
        raise PdfStructureError(f"object {number} is not where the xref table says")
    return _dictionary(data, head.end())


def _stream(data: bytes, offsets: dict[int, int], number: int) -> tuple[bytes, bytes]:
    """Object ``number``'s dictionary (inside) and its stream's bytes (unfiltered streams only)."""
    inside, end = _object_dictionary(data, offsets, number)
    length = re.search(rb"/Length\s+(\d+)(?!\s+0\s+R)", inside)
    start = re.compile(rb"\s*stream\r?\n").match(data, end)
    if length is None or start is None or b"/Filter" in inside:
        raise PdfStructureError(f"object {number} is not a plain stream")
    return inside, data[start.end():start.end() + int(length.group(1))]


def _ref(inside: bytes, key: bytes) -> int | None:
    found = re.search(rb"/" + key + rb"\s+" + _REF, inside)
    return int(found.group(1)) if found else None


def _without(inside: bytes, *keys: bytes) -> bytes:
    """A dictionary's inside without the entries ``keys`` whose values are a name, a number, a reference or a
    plain literal string (what the catalog and Qt's information dictionary hold)."""
    for key in keys:
        inside = re.sub(rb"/" + key + rb"(?![A-Za-z])\s*(" + _REF + rb"|/[A-Za-z]+|\d+|\([^()\\]*\))", b"", inside)
    return inside


def _xmp(xmp: bytes, info: ArchiveInfo) -> bytes:
    """Qt's XMP packet with the subject (dc:description), the language (dc:language) and the keywords
    (pdf:Keywords) added: PDF/A asks that the XMP says what the information dictionary says."""
    end = xmp.rfind(b"</rdf:RDF>")
    if end < 0:
        raise PdfStructureError("the XMP metadata has no rdf:RDF")
    description = (
        '        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Keywords="{escape(info.keywords)}">\n'
        '            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>\n"
        f"            <dc:language><rdf:Bag><rdf:li>{escape(info.lang)}</rdf:li></rdf:Bag></dc:language>\n"
        "        </rdf:Description>\n    ")
    return xmp[:end] + description.encode("utf-8") + xmp[end:]


def add_archive_info(data: bytes, info: ArchiveInfo) -> bytes:
    """``data`` (a PDF as QPdfWriter writes it) with Subject, Keywords, the document language and the
    bookmarks added as an incremental update. Raises :class:`PdfStructureError` on a PDF laid out otherwise."""
    found = _STARTXREF.search(data)
    trailer = _TRAILER.search(data, data.rfind(b"trailer"))
    if found is None or trailer is None:
        raise PdfStructureError("the PDF has no trailer")
    previous = int(found.group(1))
    offsets = _xref(data, previous)
    size = re.search(rb"/Size\s+(\d+)", trailer.group(1))
    root, info_number = _ref(trailer.group(1), b"Root"), _ref(trailer.group(1), b"Info")
    ids = re.search(rb"/ID\s*(\[[^\]]*\])", trailer.group(1))
    if size is None or root is None or info_number is None:
        raise PdfStructureError("the trailer lacks /Size, /Root or /Info")
    catalog, _end = _object_dictionary(data, offsets, root)
    old_info, _end = _object_dictionary(data, offsets, info_number)
    next_number = int(size.group(1))
    objects: dict[int, bytes] = {}

    new_info = _without(old_info, b"Subject", b"Keywords")
    objects[info_number] = (b"<<" + new_info.rstrip() + b"\n/Subject " + pdf_text(info.subject)
                            + b"\n/Keywords " + pdf_text(info.keywords) + b"\n>>")
    extra = b"\n/Lang " + pdf_text(info.lang)
    metadata = _ref(catalog, b"Metadata")
    if metadata is not None:
        head, xmp = _stream(data, offsets, metadata)
        xmp = _xmp(xmp, info)
        head = re.sub(rb"/Length\s+\d+", b"/Length %d" % len(xmp), head)
        objects[metadata] = b"<<" + head + b">>\nstream\n" + xmp + b"\nendstream"
    if info.bookmarks:
        pages = _page_objects(data, offsets, _ref(catalog, b"Pages"))
        outline, next_number = _outline(info.bookmarks, pages, next_number, objects)
        extra += b"\n/Outlines %d 0 R\n/PageMode /UseOutlines" % outline
    objects[root] = b"<<" + _without(catalog, b"Lang", b"Outlines", b"PageMode").rstrip() + extra + b"\n>>"
    return data + _update(len(data), objects, next_number, root, info_number, previous,
                          ids.group(1) if ids else None)


def _page_objects(data: bytes, offsets: dict[int, int], pages: int | None) -> list[int]:
    """The page objects in order (Qt writes one flat page tree)."""
    if pages is None:
        raise PdfStructureError("the catalog has no page tree")
    inside, _end = _object_dictionary(data, offsets, pages)
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", inside)
    if kids is None:
        raise PdfStructureError("the page tree has no kids")
    return [int(n) for n in re.findall(_REF, kids.group(1))]


def _outline(bookmarks: list[Bookmark], pages: list[int], first: int, objects: dict[int, bytes]) -> tuple[int, int]:
    """Adds the outline's objects (numbered from ``first``) to ``objects``; returns the outline's number and
    the next free one."""
    top = first
    numbers = list(range(first + 1, first + 1 + len(bookmarks)))
    for i, (number, mark) in enumerate(zip(numbers, bookmarks, strict=True)):
        if not 0 <= mark.page < len(pages):
            raise ValueError(f"bookmark {mark.title!r} points at page {mark.page + 1} of {len(pages)}")
        links = b"/Parent %d 0 R" % top
        if i:
            links += b" /Prev %d 0 R" % numbers[i - 1]
        if i + 1 < len(numbers):
            links += b" /Next %d 0 R" % numbers[i + 1]
        objects[number] = (b"<< /Title " + pdf_text(mark.title) + b" " + links
                           + b" /Dest [%d 0 R /XYZ null null null] >>" % pages[mark.page])
    objects[top] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (
        numbers[0], numbers[-1], len(numbers))
    return top, numbers[-1] + 1


def _update(offset: int, objects: dict[int, bytes], size: int, root: int, info: int, previous: int,
            ids: bytes | None) -> bytes:
    """The appended section: the objects, their xref subsections and the trailer (``offset``: where it
    starts in the file)."""
    out = bytearray(b"\n")
    where: dict[int, int] = {}
    for number in sorted(objects):
        where[number] = offset + len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = offset + len(out)
    out += b"xref\n"
    numbers = sorted(where)
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out += b"%d %d\n" % (run[0], len(run))
        for number in run:
            out += b"%010d 00000 n \n" % where[number]
    out += b"trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n" % (size, root, info, previous)
    if ids is not None:
        out += b"/ID " + ids + b"\n"
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
