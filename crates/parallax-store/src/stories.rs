//! Stories and the state clustering keeps: assignments, merges and story descriptions; the
//! story clusterer's state a row at a time (globals, terms, postings, one row per story); the
//! near-duplicate index as the LSH band keys of every indexed article. A clustering pass reads
//! the rows its articles touch and saves what changed in one transaction.

use std::collections::HashSet;

use jiff::civil::Date;
use parallax_core::{ArticleId, Story};
use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::{json, signed, unsigned, Error, Op, Record, Result, Store};

/// The name under which stores before per-story state kept the whole clusterer as one blob;
/// the engine converts it to rows once.
pub const STORIES_STATE: &str = "stories";
/// The name under which the clusterer's globals (config, counts) are kept.
pub const CLUSTERER_STATE: &str = "clusterer";
/// Present once every clustered original has its band keys in the near-duplicate index (a
/// store from before the index was kept is indexed once by the engine).
pub const NEAR_STATE: &str = "near-index";

/// A story as the clusterer keeps it: the fields candidates are filtered on, and the rest as an
/// opaque blob.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterStory {
    pub number: u32,
    pub id: String,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub merged_into: Option<u32>,
    /// Empty when only the head was read.
    pub state: Vec<u8>,
}

/// The clusterer's rows that one pass changed.
#[derive(Debug, Clone, Default)]
pub struct ClusterRows {
    /// Config and counts, serialised.
    pub globals: Vec<u8>,
    /// (term, document frequency, word); a stored word is never replaced.
    pub terms: Vec<(u64, u32, Option<String>)>,
    /// (term, story number) listed in this pass.
    pub postings: Vec<(u64, u32)>,
    pub stories: Vec<ClusterStory>,
}

/// What one clustering pass changed, saved in one transaction.
#[derive(Debug, Default)]
pub struct StoryUpdate {
    /// (article, story) for newly clustered articles.
    pub assignments: Vec<(ArticleId, String)>,
    /// (merged story, story it joined, the article that bridged them), in order.
    pub merges: Vec<(String, String, ArticleId)>,
    /// Current descriptions of every story touched.
    pub stories: Vec<Story>,
    /// The clusterer's changed state.
    pub clusterer: ClusterRows,
    /// (copy, original) for near-duplicates found in this pass: a syndicated copy points at the
    /// earliest published version.
    pub copies: Vec<(ArticleId, ArticleId)>,
    /// (article seq, band keys) of articles entering the near-duplicate index.
    pub near_added: Vec<(i64, Vec<u64>)>,
    /// (article seq, band keys) of articles leaving it: found in this pass to be copies.
    pub near_removed: Vec<(i64, Vec<u64>)>,
}

impl Store {
    /// A saved state blob by name.
    pub fn state(&self, name: &str) -> Result<Option<Vec<u8>>> {
        self.conn
            .prepare_cached("SELECT value FROM state WHERE name = ?1")
            .and_then(|mut s| s.query_row([name], |r| r.get(0)).optional())
            .map_err(self.err(Op::ReadState))
    }

    /// Saves a clustering pass: assignments, merges, story descriptions, near-duplicate links,
    /// the clusterer's changed state and the near-duplicate index's, all or nothing.
    pub fn save_stories(&mut self, update: &StoryUpdate) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Query { path: path.clone(), op: Op::SaveStories, source };
        let tx = self.conn.transaction().map_err(sql)?;
        {
            let mut assign = tx.prepare_cached("UPDATE articles SET story = ?2 WHERE id = ?1").map_err(sql)?;
            for (article, story) in &update.assignments {
                assign.execute(params![article.as_str(), story]).map_err(sql)?;
            }
            // A near-duplicate keeps its own body (it differs); only the link is recorded.
            let mut link = tx.prepare_cached("UPDATE articles SET duplicate_of = ?2 WHERE id = ?1").map_err(sql)?;
            for (copy, original) in &update.copies {
                link.execute(params![copy.as_str(), original.as_str()]).map_err(sql)?;
            }
            let mut upsert = tx
                .prepare_cached(
                    "INSERT INTO stories (id, title, key_terms, first, last, merged_into) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(id) DO UPDATE SET title = ?2, key_terms = ?3, first = ?4, last = ?5, merged_into = ?6",
                )
                .map_err(sql)?;
            for s in &update.stories {
                upsert
                    .execute(params![
                        s.id,
                        s.title,
                        json(&s.key_terms),
                        s.first.map(|d| d.to_string()),
                        s.last.map(|d| d.to_string()),
                        s.merged_into
                    ])
                    .map_err(sql)?;
            }
            let mut moved = tx.prepare_cached("UPDATE articles SET story = ?2 WHERE story = ?1").map_err(sql)?;
            let mut record = tx
                .prepare_cached("INSERT INTO story_merges (merged, into_id, article) VALUES (?1, ?2, ?3)")
                .map_err(sql)?;
            for (merged, into, article) in &update.merges {
                moved.execute(params![merged, into]).map_err(sql)?;
                record.execute(params![merged, into, article.as_str()]).map_err(sql)?;
            }
            write_clusterer(&tx, &update.clusterer).map_err(sql)?;
            write_bands(&tx, &update.near_added).map_err(sql)?;
            let mut remove = tx
                .prepare_cached("DELETE FROM near_bands WHERE band = ?1 AND key = ?2 AND article = ?3")
                .map_err(sql)?;
            for (article, keys) in &update.near_removed {
                for (band, key) in keys.iter().enumerate() {
                    remove.execute(params![band as i64, signed(*key), article]).map_err(sql)?;
                }
            }
        }
        tx.commit().map_err(sql)
    }

    /// Replaces the clusterer kept as one blob (stores from before per-story state) with its
    /// rows, in one transaction.
    pub fn convert_clusterer(&mut self, rows: &ClusterRows) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Query { path: path.clone(), op: Op::SaveStories, source };
        let tx = self.conn.transaction().map_err(sql)?;
        write_clusterer(&tx, rows).map_err(sql)?;
        tx.execute("DELETE FROM state WHERE name = ?1", [STORIES_STATE]).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Up to `limit` articles with a story and no original, after arrival number `after`, in
    /// arrival order: (seq, id, text). What the near-duplicate index holds.
    pub fn near_originals(&self, after: i64, limit: usize) -> Result<Vec<(i64, ArticleId, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, id, coalesce(body, '') FROM articles
                 WHERE seq > ?1 AND story IS NOT NULL AND duplicate_of IS NULL ORDER BY seq LIMIT ?2",
            )
            .map_err(self.err(Op::ReadNearIndex))?;
        let rows = stmt
            .query_map(params![after, limit as i64], |r| Ok((r.get(0)?, ArticleId::from_string(r.get(1)?), r.get(2)?)))
            .map_err(self.err(Op::ReadNearIndex))?;
        rows.collect::<Result<_, _>>().map_err(self.err(Op::ReadNearIndex))
    }

    /// Adds articles' band keys to the near-duplicate index (again is harmless); with `done`,
    /// records that every clustered original is in it.
    pub fn index_near(&mut self, rows: &[(i64, Vec<u64>)], done: bool) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Query { path: path.clone(), op: Op::SaveNearIndex, source };
        let tx = self.conn.transaction().map_err(sql)?;
        write_bands(&tx, rows).map_err(sql)?;
        if done {
            tx.execute(
                "INSERT INTO state (name, value) VALUES (?1, x'31') ON CONFLICT(name) DO UPDATE SET value = x'31'",
                [NEAR_STATE],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// For each band (the position in `keys`), the newest `limit` articles (by seq) in the
    /// near-duplicate index whose band has that key, newest first: one query for a signature.
    pub fn near_buckets(&self, keys: &[u64], limit: usize) -> Result<Vec<Vec<i64>>> {
        let keys: Vec<i64> = keys.iter().map(|&k| signed(k)).collect();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT j.key, (SELECT group_concat(article) FROM (
                     SELECT article FROM near_bands WHERE band = j.key AND key = j.value
                     ORDER BY article DESC LIMIT ?2))
                 FROM json_each(?1) j",
            )
            .map_err(self.err(Op::ReadNearIndex))?;
        let rows = stmt
            .query_map(params![json(&keys), limit as i64], |r| {
                Ok((r.get::<_, usize>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .map_err(self.err(Op::ReadNearIndex))?;
        let mut out = vec![Vec::new(); keys.len()];
        for row in rows {
            let (band, list) = row.map_err(self.err(Op::ReadNearIndex))?;
            let Some(list) = list else { continue };
            let mut seqs = list
                .split(',')
                .map(|s| {
                    s.parse::<i64>().map_err(|e| self.corrupt(format!("near-duplicate band {band}"), "article", s, e))
                })
                .collect::<Result<Vec<i64>>>()?;
            seqs.sort_unstable_by(|a, b| b.cmp(a));
            if let Some(slot) = out.get_mut(band) {
                *slot = seqs;
            }
        }
        Ok(out)
    }

    /// The id and text of the article with arrival number `seq`.
    pub fn near_document(&self, seq: i64) -> Result<(ArticleId, String)> {
        self.conn
            .prepare_cached(
                "SELECT a.id, coalesce(a.body, o.body, '') FROM articles a
                 LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.seq = ?1",
            )
            .and_then(|mut s| s.query_row([seq], |r| Ok((ArticleId::from_string(r.get(0)?), r.get(1)?))).optional())
            .map_err(self.err(Op::ReadNearIndex))?
            .ok_or_else(|| Error::Missing { path: self.path.clone(), record: format!("article number {seq}") })
    }

    /// The clusterer's rows for those of `terms` that have one: (term, df, word).
    pub fn cluster_terms(&self, terms: &[u64]) -> Result<Vec<(u64, u32, Option<String>)>> {
        let terms: Vec<i64> = terms.iter().map(|&t| signed(t)).collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT term, df, word FROM cluster_terms WHERE term IN (SELECT value FROM json_each(?1))")
            .map_err(self.err(Op::ReadClusterer))?;
        let rows = stmt
            .query_map([json(&terms)], |r| Ok((unsigned(r.get(0)?), r.get(1)?, r.get(2)?)))
            .map_err(self.err(Op::ReadClusterer))?;
        rows.collect::<Result<_, _>>().map_err(self.err(Op::ReadClusterer))
    }

    /// Up to `limit` of the stories the clusterer lists under `term`.
    pub fn cluster_postings(&self, term: u64, limit: usize) -> Result<Vec<u32>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT story FROM cluster_postings WHERE term = ?1 LIMIT ?2")
            .map_err(self.err(Op::ReadClusterer))?;
        let rows =
            stmt.query_map(params![signed(term), limit as i64], |r| r.get(0)).map_err(self.err(Op::ReadClusterer))?;
        rows.collect::<Result<_, _>>().map_err(self.err(Op::ReadClusterer))
    }

    /// The clusterer's stories `numbers`, whole or (without `whole`) their heads only; an
    /// error when one is missing.
    pub fn cluster_stories(&self, numbers: &[u32], whole: bool) -> Result<Vec<ClusterStory>> {
        let sql = if whole {
            "SELECT number, id, first, last, merged_into, state FROM cluster_stories
             WHERE number IN (SELECT value FROM json_each(?1))"
        } else {
            "SELECT number, id, first, last, merged_into, x'' FROM cluster_stories
             WHERE number IN (SELECT value FROM json_each(?1))"
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(self.err(Op::ReadClusterer))?;
        let mut rows = stmt.query([json(numbers)]).map_err(self.err(Op::ReadClusterer))?;
        let mut out = Vec::with_capacity(numbers.len());
        while let Some(row) = rows.next().map_err(self.err(Op::ReadClusterer))? {
            out.push(self.cluster_story(row)?);
        }
        if out.len() < numbers.len() {
            let found: HashSet<u32> = out.iter().map(|s| s.number).collect();
            let missing = numbers.iter().find(|n| !found.contains(n)).expect("fewer found than asked for");
            return Err(Error::Missing { path: self.path.clone(), record: format!("clusterer story {missing}") });
        }
        Ok(out)
    }

    fn cluster_story(&self, row: &Row<'_>) -> Result<ClusterStory> {
        let get = self.err(Op::ReadClusterer);
        let number: u32 = row.get(0).map_err(&get)?;
        let date = |i: usize| -> Result<Option<Date>> {
            let v: Option<String> = row.get(i).map_err(&get)?;
            v.map(|d| d.parse().map_err(|e| self.corrupt(format!("clusterer story {number}"), "date", &d, e)))
                .transpose()
        };
        Ok(ClusterStory {
            number,
            id: row.get(1).map_err(&get)?,
            first: date(2)?,
            last: date(3)?,
            merged_into: row.get(4).map_err(&get)?,
            state: row.get(5).map_err(&get)?,
        })
    }

    /// The clusterer's number for the story with id `id`.
    pub fn cluster_story_number(&self, id: &str) -> Result<Option<u32>> {
        self.conn
            .prepare_cached("SELECT number FROM cluster_stories WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(self.err(Op::ReadClusterer))
    }

    /// Current stories (not merged away), newest first, with their articles in arrival order.
    pub fn stories(&self) -> Result<Vec<(Story, Vec<ArticleId>)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.title, s.key_terms, s.first, s.last, s.merged_into, group_concat(a.id, ' ')
                 FROM stories s JOIN articles a ON a.story = s.id
                 WHERE s.merged_into IS NULL GROUP BY s.id ORDER BY s.last DESC, s.id",
            )
            .map_err(self.err(Op::ReadStories))?;
        let rows = stmt
            .query_map([], |row| {
                let ids: String = row.get(6)?;
                Ok((self.story_row(row), ids.split(' ').map(|i| ArticleId::from_string(i.to_string())).collect()))
            })
            .map_err(self.err(Op::ReadStories))?;
        rows.map(|r| {
            let (story, ids) = r.map_err(self.err(Op::ReadStories))?;
            Ok((story?, ids))
        })
        .collect()
    }

    /// One story by id or by a unique prefix of at least 4 characters of its id (a merged
    /// story resolves to the one it joined), with its articles.
    pub fn story(&self, id: &str) -> Result<Option<(Story, Vec<Record>)>> {
        let mut id = id.to_string();
        if self.story_by_id(&id)?.is_none() && id.chars().count() >= 4 {
            if let [only] = self.with_prefix("stories", &id.to_ascii_lowercase(), Op::ReadStories)?.as_slice() {
                id = only.clone();
            }
        }
        // A merge chain is short; the bound only guards against a cycle in a damaged store.
        for _ in 0..64 {
            let Some(story) = self.story_by_id(&id)? else { return Ok(None) };
            match &story.merged_into {
                Some(next) => id = next.clone(),
                None => {
                    let records = self.records_of_story(&story.id)?;
                    return Ok(Some((story, records)));
                }
            }
        }
        Ok(None)
    }

    fn story_by_id(&self, id: &str) -> Result<Option<Story>> {
        self.conn
            .prepare_cached("SELECT id, title, key_terms, first, last, merged_into FROM stories WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |row| Ok(self.story_row(row))).optional())
            .map_err(self.err(Op::ReadStories))?
            .transpose()
    }

    fn story_row(&self, row: &Row<'_>) -> Result<Story> {
        let get = self.err(Op::ReadStories);
        let id: String = row.get(0).map_err(&get)?;
        let record = || format!("story {id}");
        let terms: String = row.get(2).map_err(&get)?;
        let date = |i: usize| -> Result<Option<Date>> {
            let v: Option<String> = row.get(i).map_err(&get)?;
            v.map(|d| d.parse().map_err(|e| self.corrupt(record(), "date", &d, e))).transpose()
        };
        Ok(Story {
            title: row.get(1).map_err(&get)?,
            key_terms: serde_json::from_str(&terms).map_err(|e| self.corrupt(record(), "key_terms", &terms, e))?,
            first: date(3)?,
            last: date(4)?,
            merged_into: row.get(5).map_err(&get)?,
            id: id.clone(),
        })
    }
}

fn write_clusterer(tx: &Transaction<'_>, rows: &ClusterRows) -> rusqlite::Result<()> {
    let mut term = tx.prepare_cached(
        "INSERT INTO cluster_terms (term, df, word) VALUES (?1, ?2, ?3)
         ON CONFLICT(term) DO UPDATE SET df = excluded.df, word = coalesce(word, excluded.word)",
    )?;
    for (t, df, word) in &rows.terms {
        term.execute(params![signed(*t), df, word])?;
    }
    let mut posting = tx.prepare_cached("INSERT OR IGNORE INTO cluster_postings (term, story) VALUES (?1, ?2)")?;
    for (t, story) in &rows.postings {
        posting.execute(params![signed(*t), story])?;
    }
    let mut story = tx.prepare_cached(
        "INSERT INTO cluster_stories (number, id, first, last, merged_into, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(number) DO UPDATE SET id = ?2, first = ?3, last = ?4, merged_into = ?5, state = ?6",
    )?;
    for s in &rows.stories {
        story.execute(params![
            s.number,
            s.id,
            s.first.map(|d| d.to_string()),
            s.last.map(|d| d.to_string()),
            s.merged_into,
            s.state
        ])?;
    }
    if !rows.globals.is_empty() {
        tx.execute(
            "INSERT INTO state (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = ?2",
            params![CLUSTERER_STATE, rows.globals],
        )?;
    }
    Ok(())
}

fn write_bands(tx: &Transaction<'_>, rows: &[(i64, Vec<u64>)]) -> rusqlite::Result<()> {
    // Band keys are hashes: inserted in key order, a batch walks the index's pages once instead
    // of jumping between them.
    let mut entries: Vec<(i64, i64, i64)> = rows
        .iter()
        .flat_map(|(article, keys)| keys.iter().enumerate().map(|(band, key)| (band as i64, signed(*key), *article)))
        .collect();
    entries.sort_unstable();
    let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO near_bands (band, key, article) VALUES (?1, ?2, ?3)")?;
    for (band, key, article) in entries {
        insert.execute(params![band, key, article])?;
    }
    Ok(())
}
