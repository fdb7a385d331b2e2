//! Articles and what was found in them (time expressions, quotes, entity mentions): storing an
//! input's articles in one transaction, and reading records back in bulk, one query per kind of
//! row for a whole batch, every lookup through an index.

use std::collections::HashMap;

use parallax_core::{text, Article, ArticleId, EntityKind, Mention, Published, Quote, QuoteKind, TimeExpr, TimeMod};
use rusqlite::{params, OptionalExtension, Row, ToSql, Transaction};

use crate::{json, Error, Op, Result, Store};

/// The version of the analyses a stored article carries (time expressions, quotes, entity
/// mentions, found when it was stored): 1 = the first versioned ones, 2 = quotes kept by the
/// learned scorer (issue 14). A row with a lower version (stored by an older Parallax, where an
/// empty list could even mean "not looked for") is analysed again once by the engine
/// ([`Store::unanalysed`], [`Store::set_analyses`]); readers trust what is stored. Bump it when
/// what the language stages find changes.
pub const ANALYSIS_VERSION: i64 = 2;

/// What storing one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// New, and its body is new.
    Added,
    /// New, but its body is an exact copy of an earlier article's.
    Duplicate(ArticleId),
    /// Already in the store from an earlier run: nothing was written.
    Existing,
}

/// An article with what the cleaner warned about it, as the store keeps it.
#[derive(Debug, Clone)]
pub struct Record {
    pub article: Article,
    pub warnings: Vec<String>,
    /// The story it belongs to, once clustered.
    pub story: Option<String>,
    /// Its time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Its quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Its entity mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// An article waiting for the clustering pass, with its place in arrival order.
#[derive(Debug, Clone)]
pub struct Pending {
    pub seq: i64,
    pub article: Article,
}

/// Where a stored article stands: its story, the article it copies, when it was published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub id: ArticleId,
    pub story: Option<String>,
    pub duplicate_of: Option<ArticleId>,
    pub published: Option<Published>,
}

/// Article rows with the body resolved through `duplicate_of`, so every article reads whole.
const SELECT: &str = "SELECT a.seq, a.id, a.source, a.url, a.outlet, a.section, a.title, a.authors, a.published,
        a.language, a.place, coalesce(a.body, o.body, '') AS text, a.duplicate_of, a.warnings, a.story
    FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of";

/// A batch of articles named by a JSON array of ids (`?1`).
const BATCH: &str = "a.id IN (SELECT value FROM json_each(?1))";

impl Store {
    /// Stores the articles of one input in one transaction: all of them or, if the process dies
    /// first, none. Articles already stored (same id) are left as they are.
    pub fn add(&mut self, records: &[Record]) -> Result<Vec<Stored>> {
        let path = self.path.clone();
        let sql = |source| Error::Query { path: path.clone(), op: Op::StoreArticles, source };
        let tx = self.conn.transaction().map_err(sql)?;
        let mut outcomes = Vec::with_capacity(records.len());
        {
            let mut exists = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1").map_err(sql)?;
            let mut original = tx
                .prepare_cached(
                    "SELECT id FROM articles WHERE body_hash = ?1 AND duplicate_of IS NULL ORDER BY seq LIMIT 1",
                )
                .map_err(sql)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO articles (id, source, url, outlet, section, title, authors, published, language, place, body, body_hash, duplicate_of, warnings, analysis)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                )
                .map_err(sql)?;
            for Record { article: a, warnings, times, quotes, mentions, .. } in records {
                if exists.exists([a.id.as_str()]).map_err(sql)? {
                    outcomes.push(Stored::Existing);
                    continue;
                }
                let hash = text::fingerprint(&a.text);
                let dup: Option<String> = original.query_row([&hash], |r| r.get(0)).optional().map_err(sql)?;
                insert
                    .execute(params![
                        a.id.as_str(),
                        a.source,
                        a.url,
                        a.outlet,
                        a.section,
                        a.title,
                        json(&a.authors),
                        a.published.map(|p| p.to_string()),
                        a.language,
                        a.place,
                        // A copy's body is the original's: stored once.
                        if dup.is_some() { None } else { Some(&a.text) },
                        hash,
                        dup,
                        json(warnings),
                        ANALYSIS_VERSION,
                    ])
                    .map_err(sql)?;
                insert_analyses(&tx, &a.id, times, quotes, mentions).map_err(sql)?;
                outcomes.push(match dup {
                    Some(id) => Stored::Duplicate(ArticleId::from_string(id)),
                    None => Stored::Added,
                });
            }
        }
        tx.commit().map_err(sql)?;
        Ok(outcomes)
    }

    /// Which of `ids` are stored.
    pub fn existing(&self, ids: &[&ArticleId]) -> Result<Vec<ArticleId>> {
        let ids: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?1))")
            .map_err(self.err(Op::ReadArticles))?;
        let rows = stmt.query_map([json(&ids)], |r| r.get::<_, String>(0)).map_err(self.err(Op::ReadArticles))?;
        rows.map(|r| r.map(ArticleId::from_string).map_err(self.err(Op::ReadArticles))).collect()
    }

    /// One article by id, or by a unique prefix of at least 4 characters of its id.
    pub fn get(&self, id: &str) -> Result<Option<Record>> {
        if let Some(record) = self.read_records(Some("a.id = ?1"), &[&id])?.into_iter().next() {
            return Ok(Some(record));
        }
        if id.chars().count() < 4 {
            return Ok(None);
        }
        // Ids are lowercase hex; a prefix is a range on the id index, two rows to tell a unique
        // one from an ambiguous one.
        let prefix = id.to_ascii_lowercase();
        let matches = self.with_prefix("articles", &prefix, Op::ReadArticles)?;
        match matches.as_slice() {
            [only] => Ok(self.read_records(Some("a.id = ?1"), &[only])?.into_iter().next()),
            _ => Ok(None),
        }
    }

    /// The ids of `table` starting with `prefix`, at most two.
    pub(crate) fn with_prefix(&self, table: &str, prefix: &str, op: Op) -> Result<Vec<String>> {
        let rows: Vec<String> = match prefix_end(prefix) {
            Some(end) => {
                let sql = format!("SELECT id FROM {table} WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2");
                let mut stmt = self.conn.prepare_cached(&sql).map_err(self.err(op))?;
                let rows = stmt.query_map([prefix, &end], |r| r.get(0)).map_err(self.err(op))?;
                rows.collect::<Result<_, _>>().map_err(self.err(op))?
            }
            None => {
                let sql = format!("SELECT id FROM {table} WHERE id >= ?1 ORDER BY id LIMIT 2");
                let mut stmt = self.conn.prepare_cached(&sql).map_err(self.err(op))?;
                let rows = stmt.query_map([prefix], |r| r.get(0)).map_err(self.err(op))?;
                rows.collect::<Result<_, _>>().map_err(self.err(op))?
            }
        };
        Ok(rows)
    }

    /// The stored articles among `ids`, in arrival order, read in one query per kind of row.
    pub fn records(&self, ids: &[&ArticleId]) -> Result<Vec<Record>> {
        let ids: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        self.read_records(Some(BATCH), &[&json(&ids)])
    }

    /// Every article in arrival order.
    pub fn all(&self) -> Result<Vec<Record>> {
        self.read_records(None, &[])
    }

    /// The articles of a story, in arrival order.
    pub(crate) fn records_of_story(&self, story: &str) -> Result<Vec<Record>> {
        self.read_records(Some("a.story = ?1"), &[&story])
    }

    /// The copies stored of an original, by id.
    pub fn copies_of(&self, id: &ArticleId) -> Result<Vec<ArticleId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE duplicate_of = ?1 ORDER BY seq")
            .map_err(self.err(Op::ReadArticles))?;
        let rows = stmt.query_map([id.as_str()], |r| r.get::<_, String>(0)).map_err(self.err(Op::ReadArticles))?;
        rows.map(|r| r.map(ArticleId::from_string).map_err(self.err(Op::ReadArticles))).collect()
    }

    /// How many articles the store holds.
    pub fn count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(self.err(Op::ReadArticles))
    }

    /// Articles not yet in a story, in arrival order: this run's, and any a killed run left.
    pub fn unclustered(&self) -> Result<Vec<Pending>> {
        let sql = format!("{SELECT} WHERE a.story IS NULL ORDER BY a.seq");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.err(Op::ReadArticles))?;
        let mut rows = stmt.query([]).map_err(self.err(Op::ReadArticles))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(self.err(Op::ReadArticles))? {
            let seq = row.get(0).map_err(self.err(Op::ReadArticles))?;
            let (article, _, _) = self.article_row(row)?;
            out.push(Pending { seq, article });
        }
        Ok(out)
    }

    /// Where each stored article among `ids` stands, in arrival order.
    pub fn placements(&self, ids: &[&ArticleId]) -> Result<Vec<Placement>> {
        let ids: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.story, a.duplicate_of, a.published FROM articles a
                 WHERE a.id IN (SELECT value FROM json_each(?1)) ORDER BY a.seq",
            )
            .map_err(self.err(Op::ReadArticles))?;
        let rows = stmt
            .query_map([json(&ids)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(self.err(Op::ReadArticles))?;
        rows.map(|row| {
            let (id, story, duplicate_of, published) = row.map_err(self.err(Op::ReadArticles))?;
            let published = published
                .map(|p| p.parse::<Published>().map_err(|e| self.corrupt(format!("article {id}"), "published", &p, e)))
                .transpose()?;
            Ok(Placement {
                id: ArticleId::from_string(id),
                story,
                duplicate_of: duplicate_of.map(ArticleId::from_string),
                published,
            })
        })
        .collect()
    }

    /// Up to `limit` of the articles whose analyses are older than [`ANALYSIS_VERSION`], in
    /// arrival order.
    pub fn unanalysed(&self, limit: usize) -> Result<Vec<Record>> {
        self.read_records(
            Some("a.seq IN (SELECT seq FROM articles WHERE analysis < ?1 LIMIT ?2)"),
            &[&ANALYSIS_VERSION, &(limit as i64)],
        )
    }

    /// Replaces the analyses of stored articles with those of `records` and marks them
    /// current, in one transaction.
    pub fn set_analyses(&mut self, records: &[Record]) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Query { path: path.clone(), op: Op::StoreAnalyses, source };
        let tx = self.conn.transaction().map_err(sql)?;
        for Record { article: a, times, quotes, mentions, .. } in records {
            for table in ["times", "quotes", "mentions"] {
                tx.prepare_cached(&format!("DELETE FROM {table} WHERE article = ?1"))
                    .and_then(|mut s| s.execute([a.id.as_str()]))
                    .map_err(sql)?;
            }
            insert_analyses(&tx, &a.id, times, quotes, mentions).map_err(sql)?;
            tx.prepare_cached("UPDATE articles SET analysis = ?2 WHERE id = ?1")
                .and_then(|mut s| s.execute(params![a.id.as_str(), ANALYSIS_VERSION]))
                .map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Records matching `filter` (over `articles a`), in arrival order, with their analyses: one
    /// query for the articles and one per kind of analysis, whatever the number of articles.
    fn read_records(&self, filter: Option<&str>, params: &[&dyn ToSql]) -> Result<Vec<Record>> {
        let op = Op::ReadArticles;
        let filter = filter.map(|f| format!("WHERE {f}")).unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} {filter} ORDER BY a.seq")).map_err(self.err(op))?;
        let mut rows = stmt.query(params).map_err(self.err(op))?;
        let mut records = Vec::new();
        while let Some(row) = rows.next().map_err(self.err(op))? {
            let (article, warnings, story) = self.article_row(row)?;
            records.push(Record {
                article,
                warnings,
                story,
                times: Vec::new(),
                quotes: Vec::new(),
                mentions: Vec::new(),
            });
        }
        if records.is_empty() {
            return Ok(records);
        }
        let at: HashMap<String, usize> =
            records.iter().enumerate().map(|(i, r)| (r.article.id.as_str().to_string(), i)).collect();
        let of_batch = |table: &str, columns: &str| {
            let batch = if filter.is_empty() {
                String::new()
            } else {
                format!("WHERE article IN (SELECT a.id FROM articles a {filter})")
            };
            format!("SELECT article, {columns} FROM {table} {batch} ORDER BY article, seq")
        };
        // Each kind: (article, row) in text order; rows of articles stored since the first query
        // are not asked for and are skipped.
        let mut each = |table: &str, columns: &str, add: &mut dyn FnMut(&mut Record, &Row<'_>) -> Result<()>| {
            let mut stmt = self.conn.prepare_cached(&of_batch(table, columns)).map_err(self.err(op))?;
            let mut rows = stmt.query(params).map_err(self.err(op))?;
            while let Some(row) = rows.next().map_err(self.err(op))? {
                let article: String = row.get(0).map_err(self.err(op))?;
                if let Some(&i) = at.get(&article) {
                    add(&mut records[i], row)?;
                }
            }
            Ok::<(), Error>(())
        };
        each("times", "start_char, end_char, text, kind, value, modifier, resolved", &mut |r, row| {
            let t = self.time_row(&r.article.id, row)?;
            r.times.push(t);
            Ok(())
        })?;
        each("quotes", "start_char, end_char, text, speaker, kind, via", &mut |r, row| {
            let q = self.quote_row(&r.article.id, row)?;
            r.quotes.push(q);
            Ok(())
        })?;
        each("mentions", "start_char, end_char, text, kind, name, role", &mut |r, row| {
            let m = self.mention_row(&r.article.id, row)?;
            r.mentions.push(m);
            Ok(())
        })?;
        Ok(records)
    }

    /// An article row of [`SELECT`]: the article, its warnings and its story.
    fn article_row(&self, row: &Row<'_>) -> Result<(Article, Vec<String>, Option<String>)> {
        let get = self.err(Op::ReadArticles);
        let id: String = row.get("id").map_err(&get)?;
        let record = || format!("article {id}");
        let authors: String = row.get("authors").map_err(&get)?;
        let warnings: String = row.get("warnings").map_err(&get)?;
        let published: Option<String> = row.get("published").map_err(&get)?;
        let published = published
            .map(|p| p.parse::<Published>().map_err(|e| self.corrupt(record(), "published", &p, e)))
            .transpose()?;
        let article = Article {
            source: row.get("source").map_err(&get)?,
            url: row.get("url").map_err(&get)?,
            outlet: row.get("outlet").map_err(&get)?,
            section: row.get("section").map_err(&get)?,
            title: row.get("title").map_err(&get)?,
            authors: serde_json::from_str(&authors).map_err(|e| self.corrupt(record(), "authors", &authors, e))?,
            published,
            language: row.get("language").map_err(&get)?,
            place: row.get("place").map_err(&get)?,
            text: row.get("text").map_err(&get)?,
            duplicate_of: row.get::<_, Option<String>>("duplicate_of").map_err(&get)?.map(ArticleId::from_string),
            id: ArticleId::from_string(id.clone()),
        };
        let warnings = serde_json::from_str(&warnings).map_err(|e| self.corrupt(record(), "warnings", &warnings, e))?;
        let story = row.get("story").map_err(&get)?;
        Ok((article, warnings, story))
    }

    /// A character offset as stored.
    fn offset(&self, id: &ArticleId, field: &'static str, v: i64) -> Result<usize> {
        usize::try_from(v).map_err(|e| self.corrupt(format!("article {id}"), field, &v.to_string(), e))
    }

    fn time_row(&self, id: &ArticleId, r: &Row<'_>) -> Result<TimeExpr> {
        let get = self.err(Op::ReadArticles);
        let record = || format!("article {id}");
        let kind: String = r.get(4).map_err(&get)?;
        let modifier: Option<String> = r.get(6).map_err(&get)?;
        Ok(TimeExpr {
            start: self.offset(id, "time start", r.get(1).map_err(&get)?)?,
            end: self.offset(id, "time end", r.get(2).map_err(&get)?)?,
            text: r.get(3).map_err(&get)?,
            kind: kind.parse().map_err(|e| self.corrupt(record(), "time kind", &kind, e))?,
            value: r.get(5).map_err(&get)?,
            modifier: modifier
                .map(|m| m.parse::<TimeMod>().map_err(|e| self.corrupt(record(), "time modifier", &m, e)))
                .transpose()?,
            resolved: r.get(7).map_err(&get)?,
        })
    }

    fn quote_row(&self, id: &ArticleId, r: &Row<'_>) -> Result<Quote> {
        let get = self.err(Op::ReadArticles);
        let kind: String = r.get(5).map_err(&get)?;
        Ok(Quote {
            start: self.offset(id, "quote start", r.get(1).map_err(&get)?)?,
            end: self.offset(id, "quote end", r.get(2).map_err(&get)?)?,
            text: r.get(3).map_err(&get)?,
            speaker: r.get(4).map_err(&get)?,
            kind: kind
                .parse::<QuoteKind>()
                .map_err(|e| self.corrupt(format!("article {id}"), "quote kind", &kind, e))?,
            via: r.get(6).map_err(&get)?,
        })
    }

    fn mention_row(&self, id: &ArticleId, r: &Row<'_>) -> Result<Mention> {
        let get = self.err(Op::ReadArticles);
        let kind: String = r.get(4).map_err(&get)?;
        Ok(Mention {
            start: self.offset(id, "mention start", r.get(1).map_err(&get)?)?,
            end: self.offset(id, "mention end", r.get(2).map_err(&get)?)?,
            text: r.get(3).map_err(&get)?,
            kind: kind
                .parse::<EntityKind>()
                .map_err(|e| self.corrupt(format!("article {id}"), "mention kind", &kind, e))?,
            name: r.get(5).map_err(&get)?,
            role: r.get(6).map_err(&get)?,
        })
    }
}

/// Writes an article's time expressions, quotes and mentions, in text order.
fn insert_analyses(
    tx: &Transaction<'_>,
    id: &ArticleId,
    times: &[TimeExpr],
    quotes: &[Quote],
    mentions: &[Mention],
) -> rusqlite::Result<()> {
    let mut insert_time = tx.prepare_cached(
        "INSERT INTO times (article, seq, start_char, end_char, text, kind, value, modifier, resolved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, t) in times.iter().enumerate() {
        insert_time.execute(params![
            id.as_str(),
            seq as i64,
            t.start as i64,
            t.end as i64,
            t.text,
            t.kind.as_str(),
            t.value,
            t.modifier.map(TimeMod::as_str),
            t.resolved,
        ])?;
    }
    let mut insert_quote = tx.prepare_cached(
        "INSERT INTO quotes (article, seq, start_char, end_char, text, speaker, kind, via)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (seq, q) in quotes.iter().enumerate() {
        insert_quote.execute(params![
            id.as_str(),
            seq as i64,
            q.start as i64,
            q.end as i64,
            q.text,
            q.speaker,
            q.kind.as_str(),
            q.via,
        ])?;
    }
    let mut insert_mention = tx.prepare_cached(
        "INSERT INTO mentions (article, seq, start_char, end_char, text, kind, name, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (seq, m) in mentions.iter().enumerate() {
        insert_mention.execute(params![
            id.as_str(),
            seq as i64,
            m.start as i64,
            m.end as i64,
            m.text,
            m.kind.as_str(),
            m.name,
            m.role,
        ])?;
    }
    Ok(())
}

/// The smallest string above every string that starts with `prefix` (UTF-8 order is code point
/// order), or none when no string is.
fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(c) = chars.pop() {
        if let Some(next) = (c as u32 + 1..=char::MAX as u32).find_map(char::from_u32) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}
