//! The schema: one migration step per version, applied in order when a store is opened.

use rusqlite_migration::{Migrations, M};

/// The schema, one step per version; never edit a released step, add one.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            "CREATE TABLE articles (
            seq          INTEGER PRIMARY KEY,
            id           TEXT NOT NULL UNIQUE,
            source       TEXT NOT NULL,
            url          TEXT,
            outlet       TEXT,
            section      TEXT,
            title        TEXT,
            authors      TEXT NOT NULL DEFAULT '[]',
            published    TEXT,
            language     TEXT,
            place        TEXT,
            body         TEXT,
            body_hash    TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            warnings     TEXT NOT NULL DEFAULT '[]',
            added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX articles_body_hash ON articles(body_hash) WHERE duplicate_of IS NULL;
        CREATE INDEX articles_published ON articles(published);",
        ),
        // Stories: each article names its story; merges are kept; the clusterer's state is a
        // blob saved with the assignments it produced, in one transaction.
        M::up(
            "ALTER TABLE articles ADD COLUMN story TEXT;
        CREATE INDEX articles_story ON articles(story);
        CREATE TABLE stories (
            id          TEXT PRIMARY KEY,
            title       TEXT,
            key_terms   TEXT NOT NULL DEFAULT '[]',
            first       TEXT,
            last        TEXT,
            merged_into TEXT
        );
        CREATE TABLE story_merges (
            merged   TEXT NOT NULL,
            into_id  TEXT NOT NULL,
            article  TEXT NOT NULL,
            at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE state (
            name  TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );",
        ),
        // Time expressions: each article's, in text order, written with the article.
        M::up(
            "CREATE TABLE times (
            article    TEXT NOT NULL REFERENCES articles(id),
            seq        INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            kind       TEXT NOT NULL,
            value      TEXT NOT NULL,
            modifier   TEXT,
            resolved   INTEGER NOT NULL,
            PRIMARY KEY (article, seq)
        );",
        ),
        // Quotes: each article's, in text order, written with the article.
        M::up(
            "CREATE TABLE quotes (
            article    TEXT NOT NULL REFERENCES articles(id),
            seq        INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            speaker    TEXT NOT NULL,
            kind       TEXT NOT NULL,
            via        TEXT,
            PRIMARY KEY (article, seq)
        );",
        ),
        // Entity mentions: each article's, in text order, written with the article. Entities
        // are linked from them when asked for, never stored.
        M::up(
            "CREATE TABLE mentions (
            article    TEXT NOT NULL REFERENCES articles(id),
            seq        INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            kind       TEXT NOT NULL,
            name       TEXT NOT NULL,
            role       TEXT,
            PRIMARY KEY (article, seq)
        );",
        ),
        // Lookups that do not scan: copies by original; articles by the version of their
        // analysis (0: stored before the version was, and filled in once by the engine).
        // The near-duplicate index and the story clusterer's state, kept a row at a time so a
        // run reads only what its articles touch instead of rebuilding or loading it whole.
        M::up(
            "ALTER TABLE articles ADD COLUMN analysis INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX articles_analysis ON articles(analysis);
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE TABLE near_bands (
            band    INTEGER NOT NULL,
            key     INTEGER NOT NULL,
            article INTEGER NOT NULL,
            PRIMARY KEY (band, key, article)
        ) WITHOUT ROWID;
        CREATE TABLE cluster_terms (
            term INTEGER PRIMARY KEY,
            df   INTEGER NOT NULL,
            word TEXT
        );
        CREATE TABLE cluster_postings (
            term  INTEGER NOT NULL,
            story INTEGER NOT NULL,
            PRIMARY KEY (term, story)
        ) WITHOUT ROWID;
        CREATE TABLE cluster_stories (
            number      INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            first       TEXT,
            last        TEXT,
            merged_into INTEGER,
            state       BLOB NOT NULL
        );",
        ),
    ])
}
