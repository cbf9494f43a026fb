"""The one search design every search box uses: what visitors type, cleaned into a query
PostgreSQL always accepts, matched forgivingly, ranked, highlighted.

- ``clean_query`` makes any input plain, bounded text (safe to show and to put in a link).
- ``parse_terms`` reads that text as words, ``"phrases"``, ``-exclusions`` and ``or``.
- ``text_query`` turns the terms into a tsquery built only from letters and digits, so no
  input can make PostgreSQL fail ("tsquery stack too small", syntax errors): each word is
  read with three text-search configurations the migration ``core.0008`` creates, all with
  ``unaccent`` first (Malmo finds Malmö):

  * ``icld_swedish``: Swedish stemming (kommunerna finds kommuner);
  * ``icld_english``: English stemming (municipalities finds municipality);
  * ``icld_simple``: the word as typed, no stop words, so a name that is also a word ("Vara",
    "Mark", "Bjuv") is never dropped.

  Words of three letters or more match as word starts (``klimat`` finds Klimatarbete, ``vatten``
  finds vattenförsörjning, ``Skellef`` finds Skellefteå); words with digits match whole.
- ``ranked`` filters and orders by relevance: the weights make a match in a title or a name
  (A) outrank one in a summary (B) or body (C, D); every word must match, and when nothing
  matches every word, a query of several words falls back to any of them (``any_word``).
- ``headline`` marks what matched, in the visitor's language.
- ``did_you_mean`` offers the closest known name (``pg_trgm``) for a misspelt one.

A model keeps its text in a stored ``search_vector`` column (``search_vector_field``: both
languages, names unstemmed) with a GIN index, so a search reads the index, never every row.

An app offers a kind of content to the site search (``portal.search``) by registering a
``SearchSource`` in its contributions module (``core.registries.search_sources``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection, models
from django.db.models import F, Func, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, Lower
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The portal's text-search configurations (created by core/migrations/0008_search_...).
SWEDISH, ENGLISH, SIMPLE = "icld_swedish", "icld_english", "icld_simple"
CONFIGS = {"sv": SWEDISH, "en": ENGLISH}
READINGS = (SWEDISH, ENGLISH, SIMPLE)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8  # more words than this narrow nothing down; the rest are ignored
MAX_WORD_LENGTH = 40
MIN_PREFIX_LENGTH = 3  # shorter words match whole words only (a prefix "a" matches everything)
# Private-use characters the highlighter marks matches with; a visitor cannot type them.
MARK_START, MARK_STOP = "\ue000", "\ue001"
# ts_rank weights for D, C, B, A: a title or name outweighs many body matches.
RANK_WEIGHTS = [0.02, 0.1, 0.3, 1.0]
WORD = re.compile(r"[^\W_]+")
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def clean_query(value: str | None, *, max_length: int = MAX_QUERY_LENGTH) -> str:
    """Printable characters only, single spaces, at most ``max_length`` characters: any input
    is safe to search with, to show and to put in a link."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(value or "")[: max_length * 4])
    return " ".join(text.split())[:max_length].strip()


def clean_search(value: str | None, *, max_length: int = MAX_QUERY_LENGTH) -> str:
    """``clean_query``, or "" when nothing in it can be searched for (only punctuation, only
    exclusions): a list shows everything rather than nothing for "!!!"."""
    text = clean_query(value, max_length=max_length)
    return text if parse_terms(text) else ""


@dataclass(frozen=True)
class Term:
    """One thing to match: a word, or a phrase of several words in order."""

    words: tuple[str, ...]
    exclude: bool = False
    # Joined to the term before it by OR (``kenya or china``) instead of AND.
    either: bool = False


def parse_terms(text: str) -> list[Term]:
    """The terms of a cleaned query, at most ``MAX_TERMS``; only letters and digits remain.

    Punctuation separates words (``e-förvaltning`` is two words, as PostgreSQL's parser reads
    it), a term with nothing left is dropped, and so are repeats.
    """
    terms: list[Term] = []
    either = False
    seen = set()
    for match in TOKEN.finditer(clean_query(text)):
        minus = match.group(1) or match.group(3)
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        if match.group(4) is not None and raw.casefold() == "or" and not minus:
            either = bool(terms)
            continue
        words = tuple(w[:MAX_WORD_LENGTH] for w in WORD.findall(raw.casefold()))
        if not words:
            continue
        phrase = match.group(2) is not None
        for term in [Term(words, bool(minus), either)] if phrase else _split(words, minus, either):
            key = (term.words, term.exclude)
            if key not in seen:
                seen.add(key)
                terms.append(term)
        either = False
        if len(terms) >= MAX_TERMS:
            break
    # An exclusion alone would match everything but one word: not a search.
    if all(term.exclude for term in terms):
        return []
    return terms[:MAX_TERMS]


def _split(words: tuple[str, ...], minus: str, either: bool) -> list[Term]:
    # "e-förvaltning" typed without quotes: its parts, each a term of its own.
    return [Term((word,), bool(minus), either and i == 0) for i, word in enumerate(words)]


def lexemes(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each word's lexemes in every reading: its Swedish stem, its English stem and the word
    as written, accents removed (``unaccent``), each distinct lexeme once; from PostgreSQL's
    own dictionaries, the ones the stored vectors are built with, in one query for the words
    not looked up before.

    The dictionaries are fixed while the server runs (they change only with PostgreSQL
    itself), so a word's lexemes are kept for the process: a search statement then holds the
    tsquery as text instead of the dictionary look-ups for each word, in each kind of content
    it searches (a site search of two words took twice as long).
    """
    words = list(dict.fromkeys(words))
    missing = [word for word in words if word not in _LEXEMES]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, ARRAY(SELECT DISTINCT l FROM unnest("
                "ts_lexize('swedish_stem', unaccent(w)) || ts_lexize('english_stem', unaccent(w))"
                " || ARRAY[unaccent(w)]) AS l WHERE l <> '' ORDER BY l) "
                "FROM unnest(%s::text[]) AS w",
                [missing],
            )
            for word, found in cursor.fetchall():
                if len(_LEXEMES) >= MAX_KEPT_LEXEMES:
                    _LEXEMES.clear()
                _LEXEMES[word] = tuple(found) or (word,)
    return {word: _LEXEMES[word] for word in words}


_LEXEMES: dict[str, tuple[str, ...]] = {}
MAX_KEPT_LEXEMES = 10_000


class WordQuery(SearchQuery):
    """One word in every reading at once (``lexemes``), each distinct lexeme once, OR'ed:
    the GIN index scans each distinct prefix once instead of once per reading (reading
    "local" three ways gave three identical prefix scans, several times slower)."""

    def __init__(self, word: str, *, prefix: bool, lexemes: tuple[str, ...], invert=False):
        super().__init__(word, invert=invert)
        self.word, self.prefix, self.lexemes = word, prefix, lexemes

    def as_sql(self, compiler, connection, function=None, template=None):
        suffix = ":*" if self.prefix else ""
        # Quoted for the tsquery parser: a lexeme of letters and digits, quotes doubled anyway.
        text = " | ".join(
            "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" + suffix
            for lexeme in self.lexemes
        )
        # A subquery: PostgreSQL plans the search without looking at the words. Estimated
        # from the words, a common one made it scan the whole table rather than the index
        # (matching a stored vector costs far more than its estimate).
        sql = "(SELECT to_tsquery('simple', %s))"
        if self.invert:
            sql = f"!!({sql})"
        return sql, [text]


def _term_query(term: Term, found: dict[str, tuple[str, ...]]) -> SearchQuery:
    """The term in each reading: any may match; an excluded term must match in none."""
    if len(term.words) == 1:
        word = term.words[0]
        # Word starts for words of letters; a number or a code ("2016", "Agenda2030") is whole.
        prefix = not term.exclude and word.isalpha() and len(word) >= MIN_PREFIX_LENGTH
        return WordQuery(word, prefix=prefix, lexemes=found[word], invert=term.exclude)
    text, search_type = " ".join(term.words), "phrase"
    parts = [
        SearchQuery(text, config=config, search_type=search_type, invert=term.exclude)
        for config in READINGS
    ]
    query = parts[0]
    for part in parts[1:]:
        query = query & part if term.exclude else query | part
    return query


def text_query(terms: Iterable[Term], *, any_word: bool = False) -> SearchQuery | None:
    """The tsquery of the terms: every term must match (or any, with ``any_word``); terms
    joined by "or" match either; excluded terms must not match. None when nothing is left."""
    query = None
    terms = list(terms)
    found = lexemes(term.words[0] for term in terms if len(term.words) == 1)
    for term in terms:
        if term.exclude:
            continue
        part = _term_query(term, found)
        if query is None:
            query = part
        elif term.either or any_word:
            query |= part
        else:
            query &= part
    if query is None:
        return None
    for term in terms:
        if term.exclude:
            query &= _term_query(term, found)
    return query


def has_several_words(terms: list[Term]) -> bool:
    return sum(1 for term in terms if not term.exclude) > 1


def rank(vector: Combinable, query: SearchQuery) -> SearchRank:
    return SearchRank(vector, query, weights=RANK_WEIGHTS)


@dataclass
class Search:
    """A visitor's search over one queryset: the matching rows, the tsquery, and whether the
    query fell back to any word (nothing matched them all)."""

    queryset: QuerySet
    query: SearchQuery | None
    any_word: bool = False
    column: str = "search_vector"

    def rank(self) -> SearchRank:
        return rank(F(self.column), self.query)


def resolve(
    queryset: QuerySet,
    text: str,
    *,
    vector: Combinable | None = None,
    any_word: bool | None = None,
) -> Search:
    """Rows of ``queryset`` matching ``text``, unordered.

    Every word must match (``any_word=False``), any may (``True``), or, by default, every
    word and, when that finds nothing, any (the ranking puts the rows matching most words
    first). A text with no searchable word matches nothing.
    """
    terms = parse_terms(text)
    query = text_query(terms, any_word=bool(any_word))
    if query is None:
        return Search(queryset.none(), None)
    if vector is None or isinstance(vector, F):
        column = vector.name if vector is not None else "search_vector"
    else:  # computed for each row: small tables only
        queryset, column = queryset.alias(search_document=vector), "search_document"
    matching = queryset.filter(**{column: query})
    if any_word is None and has_several_words(terms) and not matching.exists():
        query = text_query(terms, any_word=True)
        matching = queryset.filter(**{column: query})
        any_word = True
    return Search(matching, query, bool(any_word), column)


def ranked(
    queryset: QuerySet,
    text: str,
    *,
    vector: Combinable | None = None,
    any_word: bool | None = None,
) -> Search:
    """``resolve``, with each row annotated with its ``rank``."""
    found = resolve(queryset, text, vector=vector, any_word=any_word)
    if found.query is not None:
        found.queryset = found.queryset.annotate(rank=found.rank())
    return found


# A search ranks at most this many of its matches for the pages within them: a word found in
# a tenth of 50,000 publications would otherwise read and rank 5,000 rows for every page.
RANK_CANDIDATES = 1000


class RankedResults:
    """A ranked search's rows for a ``Paginator``, best first, reading few rows for the first
    pages.

    The first ``RANK_CANDIDATES`` matches the index gives are the candidates: ranked among
    themselves they are the first results (one query of pks and ranks, then the page's rows by
    pk, with whatever the queryset computes per row, such as headlines, for those rows only);
    the other matches follow them, ranked too. A search matching fewer rows than that is
    ranked exactly; one matching more is listed in full, each row once, with its first pages
    read from the candidates only (a word found in a tenth of 50,000 publications would
    otherwise read and rank 5,000 rows for every page). Ties are broken by ``tie_breakers``
    (fields of the rows, ``-`` for descending). ``count`` is the number of matches when known
    (the facets counted it), else it is counted; ``ranked_pks`` the pks of the results from
    ``start`` on, best first, when a statement that already had the matches at hand ranked them
    (``ranked_pks_sql(start, stop, candidates=...)``), saving a second read of the index.
    """

    def __init__(
        self,
        queryset: QuerySet,
        found: Search,
        *,
        tie_breakers: Iterable[str] = ("-pk",),
        count: int | None = None,
        candidates: int | None = None,
        ranked_pks: tuple[int, list] | None = None,
    ):
        self.queryset, self.found = queryset, found
        self.tie_breakers = tuple(tie_breakers)
        self._count = count
        self.candidates = candidates or RANK_CANDIDATES
        self._known_start, self._known_pks = ranked_pks if ranked_pks else (None, [])

    def count(self) -> int:
        if self._count is None:
            self._count = self.found.queryset.order_by().count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        pks = []
        if start < self.candidates:
            pks += self._ranked_pks(start, min(stop, self.candidates))
        if stop > self.candidates:
            rest = self.found.queryset.exclude(pk__in=self._candidate_pks().values("c_pk"))
            pks += list(
                rest.annotate(rank=self.found.rank())
                .order_by(F("rank").desc(), *self.tie_breakers)
                .values_list("pk", flat=True)[
                    max(start - self.candidates, 0) : stop - self.candidates
                ]
            )
        rows = {row.pk: row for row in self.queryset.filter(pk__in=pks)}
        return [rows[pk] for pk in pks if pk in rows]

    def _candidate_pks(self, candidates: QuerySet | None = None, **fields) -> QuerySet:
        rows = self.found.queryset if candidates is None else candidates
        return (
            rows.order_by()
            .annotate(c_pk=F("pk"), **fields)
            .values("c_pk", *fields)[: self.candidates]
        )

    def ranked_pks_sql(
        self, start: int, stop: int, *, candidates: QuerySet | None = None, places: bool = False
    ) -> tuple[str, tuple]:
        """The statement giving the pks (``c_pk``) of results ``start`` to ``stop`` among the
        candidates, best first (``manage.py bench_search`` times it); with ``places``, each
        with its place (``place``, from 1), to be read as part of a larger statement.
        ``candidates``: the matches as another statement found them, the same rows in the
        same order as ``found``'s (the first of them are ranked)."""
        fields = {"c_rank": self.found.rank()}
        orders = ["c.c_rank DESC"]
        for n, name in enumerate(self.tie_breakers):
            fields[f"c_t{n}"] = F(name.lstrip("-"))
            orders.append(f"c.c_t{n} {'DESC' if name.startswith('-') else 'ASC'}")
        sql, params = self._candidate_pks(candidates, **fields).query.sql_with_params()
        order = ", ".join(orders)
        if places:
            # Numbered in order: the rows of a larger statement come in no order of their own.
            select = f"SELECT c.c_pk, row_number() OVER (ORDER BY {order}) AS place"
            order = "place"
        else:
            select = "SELECT c.c_pk"
        return (
            f"{select} FROM ({sql}) c ORDER BY {order} OFFSET %s LIMIT %s",
            (*params, start, stop - start),
        )

    def _ranked_pks(self, start: int, stop: int) -> list:
        if stop <= start:
            return []
        known = self._known_start
        if known is not None and known <= start and stop - known <= len(self._known_pks):
            return self._known_pks[start - known : stop - known]
        with connection.cursor() as cursor:
            cursor.execute(*self.ranked_pks_sql(start, stop))
            return [row[0] for row in cursor.fetchall()]


def matching(
    queryset: QuerySet,
    text: str,
    *,
    vector: Combinable | None = None,
    any_word: bool | None = None,
) -> QuerySet:
    """Only the rows (for counts and facets)."""
    return resolve(queryset, text, vector=vector, any_word=any_word).queryset


def headline(
    expression, query: SearchQuery, language: str, *, snippet: bool = False
) -> SearchHeadline:
    """What matched in ``expression`` marked for ``highlight``; a snippet of the body when
    ``snippet`` is set, else the whole (short) text."""
    options = {
        "config": CONFIGS[language],
        "start_sel": MARK_START,
        "stop_sel": MARK_STOP,
    }
    if snippet:
        options |= {
            "max_words": 35,
            "min_words": 15,
            "max_fragments": 2,
            "fragment_delimiter": " … ",
        }
    else:
        options["highlight_all"] = True
    return SearchHeadline(Coalesce(expression, Value("")), query, **options)


def highlight(value: str | None) -> SafeString:
    """Escape a headline from PostgreSQL and turn its match markers into <mark>."""
    text = escape(value or "")
    text = re.sub(f"{MARK_START}(.*?){MARK_STOP}", r"<mark>\1</mark>", text, flags=re.S)
    return mark_safe(text.replace(MARK_START, "").replace(MARK_STOP, ""))


# --- Stored search vectors ---------------------------------------------------------------


def search_vector_expression(
    a: Iterable[str] = (),
    b: Iterable[str] = (),
    c: Iterable[str] = (),
    names: Iterable[str] = (),
    d_plain: Iterable[str] = (),
) -> SearchVector:
    """One vector of a model's translated fields (``title`` means ``title_sv`` and
    ``title_en``), each language with its own stemmer, weighted A (titles), B (summaries), C
    (bodies); ``names`` are plain text columns read unstemmed at weight A, ``d_plain`` plain text
    columns in either language (a document's text) read with both stemmers at weight D. Titles
    are also read unstemmed, so a name in a title is never a stop word."""
    parts = []
    for weight, fields in (("A", a), ("B", b), ("C", c)):
        for name in fields:
            parts.append(SearchVector(f"{name}_sv", config=SWEDISH, weight=weight))
            parts.append(SearchVector(f"{name}_en", config=ENGLISH, weight=weight))
    for name in a:
        parts.append(SearchVector(f"{name}_sv", config=SIMPLE, weight="A"))
        parts.append(SearchVector(f"{name}_en", config=SIMPLE, weight="A"))
    for name in names:
        parts.append(SearchVector(name, config=SIMPLE, weight="A"))
    for name in d_plain:
        parts.append(SearchVector(name, config=SWEDISH, weight="D"))
        parts.append(SearchVector(name, config=ENGLISH, weight="D"))
    vector = parts[0]
    for part in parts[1:]:
        vector = vector + part
    return vector


def search_vector_field(**fields) -> models.GeneratedField:
    """A stored, generated ``search_vector`` column (give it a GIN index in Meta)."""
    return models.GeneratedField(
        expression=search_vector_expression(**fields),
        output_field=SearchVectorField(),
        db_persist=True,
    )


# --- Did you mean -------------------------------------------------------------------------

SUGGESTION_SIMILARITY = 0.45


class Unaccent(Func):
    function = "unaccent"
    output_field = models.TextField()


@dataclass(frozen=True)
class Names:
    """Known names for "did you mean": ``queryset()`` rows, ``field`` the name column."""

    queryset: Callable[[], QuerySet]
    field: str


MIN_SUGGESTED_LENGTH = 4
MAX_SUGGESTED_WORDS = 4


def suggestible_words(text: str) -> list[str]:
    """The words "did you mean" may correct: four letters or more, not excluded, no digits."""
    words = [w for term in parse_terms(text) if not term.exclude for w in term.words]
    return [w for w in words if len(w) >= MIN_SUGGESTED_LENGTH and w.isalpha()][
        :MAX_SUGGESTED_WORDS
    ]


def unmatched_words(
    words: Iterable[str], sources: Iterable[tuple[QuerySet, Combinable | None]]
) -> list[str]:
    """Of ``words``, those that match nothing in any source (a queryset and the vector it is
    searched by, None for its stored column), in one query: a word found nowhere is the one
    a visitor may have misspelt, even when the other words found results."""
    words = list(dict.fromkeys(words))
    sources = list(sources)
    if not words or not sources:
        return words
    columns, params = [], []
    for word in words:
        tests = []
        for queryset, vector in sources:
            found = resolve(queryset, word, vector=vector, any_word=True)
            sql, found_params = found.queryset.order_by().values("pk")[:1].query.sql_with_params()
            tests.append(f"EXISTS ({sql})")
            params.extend(found_params)
        columns.append(" OR ".join(tests))
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        found_anywhere = cursor.fetchone()
    return [word for word, found in zip(words, found_anywhere, strict=True) if not found]


def did_you_mean(
    text: str, vocabularies: Iterable[Names], *, words: Iterable[str] | None = None
) -> str:
    """The query with each misspelt name replaced by the closest known one, or "".

    A word of four letters or more (of ``words`` only, when given: those that matched
    nothing) is replaced when a known name has a word similar enough to it (trigrams, accents
    and case ignored) that is not the same word.
    """
    candidates = suggestible_words(text)
    if words is not None:
        chosen = {word.casefold() for word in words}
        candidates = [word for word in candidates if word in chosen]
    vocabularies = list(vocabularies)
    replacements = {}
    for word in candidates:
        best: tuple[str, float] | None = None
        for names in vocabularies:
            row = (
                names.queryset()
                .annotate(
                    similarity=TrigramWordSimilarity(
                        Unaccent(Value(word)), Unaccent(Lower(names.field))
                    )
                )
                .filter(similarity__gte=SUGGESTION_SIMILARITY)
                .order_by("-similarity")
                .values_list(names.field, "similarity")
                .first()
            )
            if row and (best is None or row[1] > best[1]):
                best = row
        if best is not None:
            replacement = _closest_word(word, best[0])
            if replacement and _plain(replacement) != _plain(word):
                replacements[word] = replacement
    if not replacements:
        return ""
    return " ".join(
        replacements.get(token.casefold(), token) for token in clean_query(text).split()
    )


def suggestion(
    text: str,
    sources: Iterable[tuple[QuerySet, Combinable | None]],
    vocabularies: Iterable[Names],
    *,
    found_all: bool,
) -> str:
    """The "did you mean" of a search box, for the words that matched nothing: asked when
    nothing matched every word (``found_all`` False), and also when results were found through
    "or" while one of its words found nothing ("klimat or Skelefteå"). Results that match every
    word leave nothing to correct. ``sources``: what the box searches (a queryset and its
    vector, None for the stored column); ``vocabularies``: the names it may suggest."""
    terms = parse_terms(text)
    if found_all and not any(term.either for term in terms):
        return ""
    words = suggestible_words(text)
    if not words:
        return ""
    if not found_all and len(terms) == 1:
        unmatched = words  # the one word found nothing: no need to ask
    else:
        unmatched = unmatched_words(words, sources)
    if not unmatched:
        return ""
    return did_you_mean(text, vocabularies, words=unmatched)


def _plain(word: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(ch)
    )


def _closest_word(word: str, name: str) -> str:
    """The word of ``name`` most like ``word`` (a name can have several words)."""
    candidates = WORD.findall(name)
    if not candidates:
        return ""
    return max(candidates, key=lambda c: SequenceMatcher(None, _plain(word), _plain(c)).ratio())


# --- The site-search contract -------------------------------------------------------------


@dataclass(frozen=True)
class SearchSource:
    """One kind of content in the site search.

    ``queryset()`` gives what may be found (public rows only); ``vector()`` the expression to
    match (the default is the stored ``search_vector`` column); ``title`` and ``snippet`` name
    the translated fields the result shows, highlighted; ``more_url(query)`` is the page that
    lists every match (the query URL-encoded, or ""); ``names`` are the known names
    "did you mean" picks from; ``display(row)`` names a row whose source has no ``title``.
    """

    key: str
    label: str | Promise
    queryset: Callable[[], QuerySet]
    more_url: Callable[[str], str]
    vector: Callable[[], Combinable] = field(default=lambda: F("search_vector"))
    title: str = "title"
    snippet: str = ""
    names: tuple[Names, ...] = ()
    # Where ``title`` is "": what the result is called (a seeker's name only with consent).
    display: Callable[[Any], str] = str


# --- Sorting a list with a search box ----------------------------------------------------

RELEVANCE = "relevance"


@dataclass(frozen=True)
class SortOption:
    value: str
    label: str | Promise
    selected: bool


def effective_sort(chosen: str, sorts: Iterable[str], *, has_query: bool, default: str) -> str:
    """The order a list is shown in: the visitor's choice, else the best match first for a
    search and ``default`` otherwise (relevance means nothing without a query)."""
    if chosen in sorts and (chosen != RELEVANCE or has_query):
        return chosen
    return RELEVANCE if has_query else default


def sort_options(sorts: dict, chosen: str, *, has_query: bool, default: str) -> list[SortOption]:
    """The sort menu. Its first option, the order the list takes by itself, sends no value
    (``sort=""``): a visitor who types a search after browsing newest first gets the best
    match first, not the order the menu happened to show. Only an order picked by hand is
    sent, and kept."""
    shown = effective_sort(chosen, sorts, has_query=has_query, default=default)
    automatic = RELEVANCE if has_query else default
    options = [SortOption("", sorts[automatic], shown == automatic)]
    for value, label in sorts.items():
        if value != automatic and (value != RELEVANCE or has_query):
            options.append(SortOption(value, label, shown == value))
    return options


def stored_vector() -> Combinable:
    """For sources that keep an indexed ``search_vector`` column."""
    return F("search_vector")
