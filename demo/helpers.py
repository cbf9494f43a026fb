"""What every part of the demo shares: idempotent writes and small, valid generated files."""

from __future__ import annotations

import struct
import zlib


def upsert(model, lookup: dict, values: dict):
    """get_or_create, then save only the fields that differ: a second run writes nothing."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if not created:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(update_fields=changed)
    return obj


def set_related(manager, objects) -> None:
    """Set a many-to-many relation only when it differs (``set`` alone would still query)."""
    if set(manager.values_list("pk", flat=True)) != {obj.pk for obj in objects}:
        manager.set(objects)


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_text_string(text: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark: any name reads right."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(title: str, author: str, language: str) -> bytes:
    """The document's XMP metadata: PDF/UA readers take the title from dc:title."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml_escape(title)}</rdf:li>'
        "</rdf:Alt></dc:title>"
        f"<dc:creator><rdf:Seq><rdf:li>{_xml_escape(author)}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
        "<pdfuaid:part>1</pdfuaid:part>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def make_pdf(
    lines: list[str], *, title: str = "", author: str = "ICLD", language: str = "en"
) -> bytes:
    """A small, valid, tagged one-page PDF showing ``lines`` (Helvetica, WinAnsi text).

    The first line is the heading (H1), the others paragraphs (P), each a marked-content
    sequence in the structure tree; the catalogue names the language (/Lang) and asks viewers
    to show the title (``title``, default the first line), which is in the document
    information and the XMP metadata with the author.
    """
    title = title or next((line for line in lines if line), "ICLD")
    shown = [line for line in lines if line.strip()]
    text_ops = ["BT", "/F1 16 Tf", "72 760 Td", "20 TL"]
    for mcid, line in enumerate(shown):
        tag = "H1" if mcid == 0 else "P"
        safe = _pdf_escape(line).encode("cp1252", "replace").decode("latin-1")
        text_ops.append(f"/{tag} <</MCID {mcid}>> BDC ({safe}) Tj T* EMC")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    metadata = _xmp(title, author, language)
    # Objects 1-9 are fixed; the structure elements of the lines follow from 10.
    first_element = 10
    elements = [first_element + i for i in range(len(shown))]
    refs = b" ".join(b"%d 0 R" % n for n in elements)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (%s) /MarkInfo << /Marked true >> "
        b"/StructTreeRoot 7 0 R /Metadata 9 0 R /ViewerPreferences << /DisplayDocTitle true >> >>"
        % language.encode("ascii"),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /StructParents 0 /Tabs /S "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title "
        + _pdf_text_string(title)
        + b" /Author "
        + _pdf_text_string(author)
        + b" /Creator (ICLD portal demo) /Producer (ICLD portal demo) >>",
        b"<< /Type /StructTreeRoot /K [8 0 R] /ParentTree << /Nums [0 [%s]] >> "
        b"/ParentTreeNextKey 1 >>" % refs,
        b"<< /Type /StructElem /S /Document /P 7 0 R /K [%s] /Lang (%s) >>"
        % (refs, language.encode("ascii")),
        b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(metadata)
        + metadata
        + b"\nendstream",
    ]
    for mcid in range(len(shown)):
        tag = b"H1" if mcid == 0 else b"P"
        objects.append(b"<< /Type /StructElem /S /%s /P 8 0 R /Pg 3 0 R /K %d >>" % (tag, mcid))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def is_tagged_pdf(data: bytes) -> bool:
    """Whether a PDF made by an earlier demo lacks the tags (it is made again then)."""
    return b"/StructTreeRoot" in data and b"/Lang" in data


def make_cover_png(rgb: tuple[int, int, int], width: int = 180, height: int = 254) -> bytes:
    """A plain report cover: a coloured page with a white band, as a valid PNG."""
    rows = []
    for y in range(height):
        band = 150 <= y < 190
        colour = bytes((255, 255, 255)) if band else bytes(rgb)
        rows.append(b"\x00" + colour * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
