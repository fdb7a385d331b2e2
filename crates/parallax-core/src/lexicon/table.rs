//! The format of a vocabulary file and its parser: a header of `#` lines saying what the list
//! is for, where it came from, its columns and tags, then one row a word, fields split by tabs.
//!
//! Plain TSV rather than TOML: a list is a column of words that people edit, diff and sort
//! with line tools, and a row per word keeps a change to one word a change to one line.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

/// A vocabulary file that does not follow the format, with the file and line at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicon/{}: line {}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for LexiconError {}

/// One parsed vocabulary file.
#[derive(Debug)]
pub struct Table {
    file: &'static str,
    columns: Vec<&'static str>,
    tags: Vec<&'static str>,
    rows: Vec<Row>,
}

/// One word of a vocabulary with its fields (the columns after the word) and tags.
#[derive(Debug, Clone)]
pub struct Row {
    pub word: &'static str,
    fields: Vec<&'static str>,
    tags: Vec<&'static str>,
}

impl Row {
    /// The field of the column after the word (a month's number, an alias's usual name).
    pub fn value(&self) -> &'static str {
        self.fields.first().copied().unwrap_or("")
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.contains(&tag)
    }
}

/// The column that holds a row's tags, space-separated; it may be left off a row.
const TAGS: &str = "tags";

impl Table {
    /// Parses `text`, the contents of `file`.
    pub fn parse(file: &'static str, text: &'static str) -> Result<Table, LexiconError> {
        let err = |line: usize, reason: String| LexiconError { file, line, reason };
        let mut columns = Vec::new();
        let mut tags = Vec::new();
        let (mut purpose, mut source) = (false, false);
        let mut rows: Vec<Row> = Vec::new();
        let mut seen = FxHashSet::default();
        for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
            if let Some(comment) = line.strip_prefix('#') {
                let comment = comment.trim();
                if !rows.is_empty() {
                    continue;
                }
                if let Some(list) = comment.strip_prefix("Columns:") {
                    columns = list.split(',').map(str::trim).collect();
                } else if let Some(tag) = comment.strip_prefix("Tag ") {
                    let name = tag.split(':').next().unwrap_or("").trim();
                    if name.is_empty() || name.contains(' ') || !tag.contains(':') {
                        return Err(err(n, format!("expected '# Tag NAME: what it marks', found {line:?}")));
                    }
                    tags.push(name);
                } else if comment.starts_with("Source:") {
                    source = true;
                } else if n == 1 && !comment.is_empty() {
                    purpose = true;
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            if !(purpose && source) || columns.first() != Some(&"word") {
                return Err(err(
                    n,
                    "a row before the header: the file opens with what the list is for, '# Source:' and '# Columns: word, …'"
                        .into(),
                ));
            }
            let mut parts: Vec<&'static str> = line.split('\t').collect();
            if parts.len() + 1 == columns.len() && columns.last() == Some(&TAGS) {
                parts.push("");
            }
            if parts.len() != columns.len() {
                return Err(err(
                    n,
                    format!("{} fields, expected {} ({})", parts.len(), columns.len(), columns.join(", ")),
                ));
            }
            let word = parts[0];
            if word.is_empty() || word.trim() != word {
                return Err(err(n, format!("the word {word:?} is empty or has spaces around it")));
            }
            if word.len() > LONGEST_CASELESS {
                return Err(err(n, format!("{word:?} is longer than {LONGEST_CASELESS} bytes")));
            }
            if !seen.insert(word) {
                return Err(err(n, format!("{word:?} is listed twice")));
            }
            let mut row_tags = Vec::new();
            if columns.last() == Some(&TAGS) {
                for tag in parts.pop().unwrap_or("").split(' ').filter(|t| !t.is_empty()) {
                    if !tags.contains(&tag) {
                        return Err(err(n, format!("tag {tag:?} is not declared with '# Tag {tag}: …'")));
                    }
                    row_tags.push(tag);
                }
            }
            rows.push(Row { word, fields: parts[1..].to_vec(), tags: row_tags });
        }
        if rows.is_empty() {
            return Err(err(0, "no rows".into()));
        }
        Ok(Table { file, columns, tags, rows })
    }

    /// The rows in file order (for lists whose order means something, such as trust).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The words of the rows with `tag`, or of every row.
    pub(super) fn words(&self, tag: Option<&str>) -> Result<Words, LexiconError> {
        if let Some(tag) = tag.filter(|t| !self.tags.contains(t)) {
            return Err(LexiconError { file: self.file, line: 0, reason: format!("no tag {tag:?}") });
        }
        let rows = self.rows.iter().filter(|r| tag.is_none_or(|t| r.has_tag(t)));
        let words = Words::new(rows.map(|r| r.word).collect());
        if words.is_empty() {
            return Err(LexiconError { file: self.file, line: 0, reason: format!("no rows tagged {tag:?}") });
        }
        Ok(words)
    }

    /// The rows with `tag` (or every row), by word: for vocabularies whose words carry a value.
    pub(super) fn map(&self, tag: Option<&str>) -> Result<Map, LexiconError> {
        let words = self.words(tag)?;
        if self.columns.iter().filter(|c| **c != TAGS).count() != 2 {
            return Err(LexiconError { file: self.file, line: 0, reason: "a map needs one value column".into() });
        }
        let rows = self.rows.iter().filter(|r| words.contains(r.word)).map(|r| (r.word, r.clone())).collect();
        Ok(Map { rows, longest: words.longest })
    }
}

/// Words with a value and tags, looked up by exact spelling.
#[derive(Debug, Clone)]
pub struct Map {
    rows: FxHashMap<&'static str, Row>,
    longest: usize,
}

impl Map {
    pub(super) fn read(table: &Table, tag: Option<&str>) -> Result<Map, LexiconError> {
        table.map(tag)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<&Row> {
        if word.len() > self.longest {
            return None;
        }
        self.rows.get(word)
    }

    /// Every row, in no particular order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> + '_ {
        self.rows.values()
    }
}

/// A set of words, looked up by exact spelling.
///
/// A hash set (FxHash: fast on short keys, no DoS concern for embedded data) with the longest
/// word's length as a first cheap no: most words of a text are longer than most list words.
#[derive(Debug, Clone)]
pub struct Words {
    set: FxHashSet<&'static str>,
    /// The words in file order.
    ordered: Vec<&'static str>,
    longest: usize,
}

impl Words {
    pub(super) fn read(table: &Table, tag: Option<&str>) -> Result<Words, LexiconError> {
        table.words(tag)
    }

    fn new(ordered: Vec<&'static str>) -> Words {
        let longest = ordered.iter().map(|w| w.len()).max().unwrap_or(0);
        Words { set: ordered.iter().copied().collect(), ordered, longest }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        word.len() <= self.longest && self.set.contains(word)
    }

    /// Whether the word, ASCII-lowercased, is in the set (whose words are lowercase).
    pub fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        word.len() <= self.longest && with_ascii_lowercase(word, |w| self.set.contains(w)).unwrap_or(false)
    }

    /// The words in the order the file lists them.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ordered.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.ordered.len()
    }

    /// The word's place in file order (for lists ranked by trust).
    pub fn position(&self, word: &str) -> Option<usize> {
        self.ordered.iter().position(|w| *w == word)
    }

    pub fn is_empty(&self) -> bool {
        self.ordered.is_empty()
    }
}

/// A vocabulary's other spellings: the value column's entries, split at " | " ("Politico |
/// POLITICO"), as a set.
#[derive(Debug, Clone)]
pub struct Spellings(Words);

impl Spellings {
    pub(super) fn read(table: &Table, tag: Option<&str>) -> Result<Spellings, LexiconError> {
        let words = table.words(tag)?;
        let rows = table.rows.iter().filter(|r| words.contains(r.word));
        let spellings: Vec<&'static str> =
            rows.flat_map(|r| r.value().split(" | ")).filter(|s| !s.is_empty()).collect();
        Ok(Spellings(Words::new(spellings)))
    }
}

impl std::ops::Deref for Spellings {
    type Target = Words;

    fn deref(&self) -> &Words {
        &self.0
    }
}

/// The longest word [`with_ascii_lowercase`] lowercases, and so the longest a list word may be.
const LONGEST_CASELESS: usize = 64;

/// Calls `f` with `word` ASCII-lowercased, without allocating: on the stack, so `None` for a
/// word longer than any list word. Lookups run on every token; a `String` each would cost more
/// than the lookup.
pub fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(f(word));
    }
    let mut buf = [0u8; LONGEST_CASELESS];
    let out = buf.get_mut(..word.len())?;
    for (o, b) in out.iter_mut().zip(word.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    // Lowercasing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(out).ok().map(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &'static str, expected: Result<&[&str], &str>) {
        let got = Table::parse("test.tsv", text).and_then(|t| t.words(None));
        match (got, expected) {
            (Ok(words), Ok(want)) => assert_eq!(words.iter().collect::<Vec<_>>(), want),
            (Err(e), Err(want)) => assert!(e.to_string().contains(want), "{e} lacks {want:?}"),
            (got, want) => panic!("{got:?} but expected {want:?}"),
        }
    }

    const HEAD: &str = "# Test words.\n# Source: invented.\n# Columns: word, tags\n# Tag a: the a words\n";

    #[test]
    fn rows_fields_and_tags() {
        check(HEAD.to_string().leak(), Err("no rows"));
        check(format!("{HEAD}one\ttwo\t a\nthree\n").leak(), Err("3 fields, expected 2"));
        check(format!("{HEAD}one\ta\n\nthree\n# a comment\nfour\ta\n").leak(), Ok(&["one", "three", "four"]));
        check(format!("{HEAD}one\tb\n").leak(), Err("tag \"b\" is not declared"));
        check(format!("{HEAD}one\none\n").leak(), Err("\"one\" is listed twice"));
        check(format!("{HEAD} one\n").leak(), Err("has spaces around it"));
        check("# Test words.\n# Columns: word\none\n", Err("a row before the header"));
        check("one\n", Err("a row before the header"));
        let t = Table::parse("test.tsv", format!("{HEAD}one\ta\ntwo\n").leak()).unwrap();
        assert_eq!(t.words(Some("a")).unwrap().iter().collect::<Vec<_>>(), ["one"]);
        assert!(t.words(Some("b")).unwrap_err().to_string().contains("no tag \"b\""));
    }

    #[test]
    fn lookups() {
        let t = Table::parse("test.tsv", format!("{HEAD}mr\nst\n").leak()).unwrap();
        let w = t.words(None).unwrap();
        assert!(w.contains("mr") && !w.contains("Mr") && !w.contains("mrs"));
        assert!(w.contains_ignore_ascii_case("Mr") && w.contains_ignore_ascii_case("ST"));
        assert!(!w.contains_ignore_ascii_case("Ms") && !w.contains_ignore_ascii_case(&"m".repeat(100)));
    }
}
