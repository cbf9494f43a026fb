"""Column headings on each cell of staff-written tables, for narrow screens.

On a phone a table in rich text stacks into one card per row (static/css/site.css), which
would leave every value without the heading of its column. ``label_table_cells`` copies the
heading of each column onto its cells as ``data-label``, and the stylesheet shows it before
the value. It runs on HTML that nh3 has already cleaned.
"""

from __future__ import annotations

from html import escape, unescape
from html.parser import HTMLParser


def label_table_cells(html: str) -> str:
    if "<table" not in html:
        return html
    labeller = _Labeller()
    labeller.feed(html)
    labeller.close()
    return "".join(labeller.out)


class _Labeller(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.headings: list[str] = []  # of the table being read
        self.outer: list[tuple] = []  # the state of the tables around it, if tables nest
        self.row: list[str] = []  # the tags of the cells in the current row
        self.heading_text: list[str] | None = None  # collecting a <th>'s text
        self.row_headings: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.outer.append((self.headings, self.row, self.row_headings))
            self.headings = []
        elif tag == "tr":
            self.row, self.row_headings = [], []
        elif tag in ("th", "td"):
            self.row.append(tag)
            if tag == "th":
                self.heading_text = []
            elif len(self.row) <= len(self.headings) and self.headings[len(self.row) - 1]:
                attrs = [*attrs, ("data-label", self.headings[len(self.row) - 1])]
                self.out.append(_start_tag(tag, attrs))
                return
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "th" and self.heading_text is not None:
            self.row_headings.append(" ".join("".join(self.heading_text).split()))
            self.heading_text = None
        elif tag == "tr" and self.row and all(cell == "th" for cell in self.row):
            # A row of headings only (the first, or in <thead>) names the columns.
            self.headings = self.row_headings
        elif tag == "table" and self.outer:
            self.headings, self.row, self.row_headings = self.outer.pop()
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.heading_text is not None:
            self.heading_text.append(data)
        self.out.append(data)

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, text):
        if self.heading_text is not None:
            self.heading_text.append(unescape(text))
        self.out.append(text)


def _start_tag(tag: str, attrs) -> str:
    rendered = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
    return f"<{tag}{rendered}>"
