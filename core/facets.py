"""Facet counts of a whole list, kept by the database as its rows change.

A list's facets say how many rows each filter value would give. Counted over the few rows of a
search or a filter that is quick; counted over every published row (the list as most visitors
first see it, 10,000 partnerships or 50,000 publications) it was most of the page's time. So
each list declares, in a migration, the statement that counts its whole published set
(``install``): PostgreSQL runs it again after every statement that changes a table it reads
(statement-level triggers) and keeps the rows in ``core_facet_count``, where the list reads
them (``stored``) in well under a millisecond. The counts are exact at every commit: the
refresh runs inside the writing transaction, serialised per list by an advisory lock taken
before the counting statement starts, so two writers never leave the counts of only one of
them. A list that changes its counting statement adds a migration that installs it again.

A list may also keep the counts of the list with one filter value alone chosen (``given``,
such as "theme 3"): what its other facets would offer once a visitor picks that value, and
what that facet offers once a visitor picks a second filter, read instead of counting the
thousands of rows one value can have.
"""

from __future__ import annotations

from django.db import connection

TABLE = "core_facet_count"
COLUMNS = "facet, value, label_sv, label_en, n"


def _function(listing: str) -> str:
    return f"core_refresh_facet_counts_{listing}"


def _trigger(listing: str, table: str) -> str:
    return f"{listing}_facets_{table}"[:63]  # PostgreSQL's longest name


def install(
    listing: str,
    counting_sql: str,
    watched: dict[str, tuple[str, ...] | None],
    *,
    given: bool = False,
) -> str:
    """SQL for a migration: keep ``listing``'s counts, the rows of ``counting_sql`` (columns:
    facet, value, label_sv, label_en, n; with ``given``, the given value first, "" for the
    whole list), fresh after every change to the ``watched`` tables (``None``: any change; a
    tuple: only updates of those columns, besides inserts, deletes and truncates), and count
    them once now."""
    function = _function(listing)
    statements = [
        f"""
        CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            -- Taken before counting: a second writer waits here, then counts what the first
            -- committed (each statement of the function sees the latest committed rows).
            PERFORM pg_advisory_xact_lock(hashtext('{TABLE}:{listing}'));
            {refresh_sql(listing, counting_sql, given=given)}
            RETURN NULL;
        END
        $body$;
        """
    ]
    for table, columns in watched.items():
        update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
        statements.append(f"DROP TRIGGER IF EXISTS {_trigger(listing, table)} ON {table};")
        statements.append(
            f"CREATE TRIGGER {_trigger(listing, table)} "
            f"AFTER INSERT OR {update} OR DELETE OR TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
        )
    statements.append(refresh_sql(listing, counting_sql, given=given))
    return "\n".join(statements)


def uninstall(listing: str, watched: dict[str, tuple[str, ...] | None]) -> str:
    statements = [
        f"DROP TRIGGER IF EXISTS {_trigger(listing, table)} ON {table};" for table in watched
    ]
    statements.append(f"DROP FUNCTION IF EXISTS {_function(listing)}();")
    statements.append(f"DELETE FROM {TABLE} WHERE listing = '{listing}';")
    return "\n".join(statements)


def refresh_sql(listing: str, counting_sql: str, *, given: bool = False) -> str:
    """The stored counts of ``listing`` replaced by those ``counting_sql`` counts now."""
    columns = "given, facet, value, label_sv, label_en, n" if given else COLUMNS
    return (
        f"DELETE FROM {TABLE} WHERE listing = '{listing}'; "
        f"INSERT INTO {TABLE} (listing, {columns}) "
        f"SELECT '{listing}', counted.* FROM ({counting_sql}) counted;"
    )


def stored_sql(
    listing: str,
    facets: tuple[str, ...] = (),
    *,
    labels: bool = True,
    given: str = "",
    tag: str = "",
) -> tuple[str, list]:
    """A SELECT of the stored counts (all, or those of ``facets``; without ``labels``: facet,
    value and n only) of the whole list, or of the list with the ``given`` value alone chosen,
    to read on its own or as one part of a list's UNION of counts. A ``tag`` is put before
    each facet's name, to tell these rows from the other parts' in a UNION."""
    facet = "%s || facet" if tag else "facet"
    columns = f"{facet}, value, label_sv, label_en, n" if labels else f"{facet}, value, n"
    sql = f"SELECT {columns} FROM {TABLE} WHERE listing = %s AND given = %s"
    params: list = [tag] if tag else []
    params += [listing, given]
    if facets:
        sql += " AND facet = ANY(%s)"
        params.append(list(facets))
    return sql, params


def stored(listing: str, *, labels: bool = True) -> list[tuple]:
    """Every stored count of ``listing``: (facet, value, label_sv, label_en, n), or without
    ``labels`` (facet, value, n)."""
    sql, params = stored_sql(listing, labels=labels)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
