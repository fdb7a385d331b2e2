//! Timelines: dated statements drawn from the sentences that mention a day.
//!
//! Every DATE or TIME expression resolved to a day gives an entry: the day, and the sentence
//! around the expression as the statement of what happened (or will happen) then. Entries
//! several articles share (the same day and the same sentence, up to case, punctuation and
//! spacing: wire copy, syndication) are merged, listing every article and outlet. Sorted by
//! day, then by the order the articles came in.
//!
//! [`reconcile`] then works within one story (the caller groups entries by story): statements
//! worded differently but about the same happening — most of their content words shared — are
//! merged when they name the same day and flagged as conflicts when they name different days.

use std::collections::HashMap;

use parallax_core::document::Document;
use parallax_core::lexicon;
use parallax_core::text::key;
use parallax_core::{Article, TimeExpr, TimeKind, TimelineEntry};

/// Longest statement kept, in chars; longer sentences are cut at a word.
const MAX_STATEMENT: usize = 280;

/// A timeline being built one article at a time: an article's document is needed only while
/// it is added, so a timeline over a whole store never holds every document at once.
#[derive(Debug, Default)]
pub struct Timeline {
    entries: Vec<TimelineEntry>,
    /// (day, statement key) → its entry.
    seen: HashMap<(String, String), usize>,
}

impl Timeline {
    /// Adds the dated statements of `article` (analysed as `doc`) with its time expressions.
    pub fn add(&mut self, article: &Article, doc: &Document<'_>, times: &[TimeExpr]) {
        let body = &doc.body;
        let text = body.as_str();
        for t in times {
            let Some(date) = day_of(t) else { continue };
            let at = body.byte_at(t.start);
            let Some(sentence) = body.sentences().iter().find(|r| r.start <= at && at < r.end.max(r.start + 1)) else {
                continue;
            };
            let statement = clip(&text[sentence.clone()]);
            let k = (date.to_string(), key(&statement));
            match self.seen.get(&k) {
                Some(&i) => {
                    let e = &mut self.entries[i];
                    if !e.articles.contains(&article.id) {
                        e.articles.push(article.id.clone());
                    }
                    if let Some(outlet) = &article.outlet {
                        if !e.outlets.contains(outlet) {
                            e.outlets.push(outlet.clone());
                        }
                    }
                }
                None => {
                    self.seen.insert(k, self.entries.len());
                    self.entries.push(TimelineEntry {
                        date: date.to_string(),
                        articles: vec![article.id.clone()],
                        outlets: article.outlet.iter().cloned().collect(),
                        text: statement,
                        mention: t.text.clone(),
                        conflicts: Vec::new(),
                    });
                }
            }
        }
    }

    /// The entries, by day; same-day entries in the order their articles came in.
    pub fn entries(self) -> Vec<TimelineEntry> {
        let mut entries = self.entries;
        // Stable: same-day entries keep the order their articles came in.
        entries.sort_by(|a, b| a.date.cmp(&b.date));
        entries
    }
}

/// Knobs of [`reconcile`]: how alike two statements must be to report one happening.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimelineConfig {
    /// Content words a statement shares with another before they are one happening: fewer is
    /// chance ("the talks", "the minister").
    pub min_shared: usize,
    /// Share of the shorter statement's content words found in the other that makes them one
    /// happening on the same day (merged).
    pub same_happening: f32,
    /// The share needed before the same happening on different days counts as a conflict: a
    /// false alarm costs the reader more than a missed merge, and daily updates ("ships waiting
    /// rose to 44 on Tuesday") read alike.
    pub conflicting: f32,
}

impl Default for TimelineConfig {
    fn default() -> TimelineConfig {
        TimelineConfig { min_shared: 3, same_happening: 0.6, conflicting: 0.8 }
    }
}

/// Chars a word needs to be content: shorter ones are function words and abbreviations.
const MIN_CONTENT_CHARS: usize = 3;
/// Digits a number needs to be content: a year or a large figure names the happening, a small
/// count ("3 people", "10 a.m.") recurs in any report.
const MIN_FIGURE_DIGITS: usize = 5;

/// Words that say nothing about which happening a sentence reports: function words, reporting
/// verbs, and calendar words (the date itself must not make two statements look alike).
fn says_nothing(w: &str) -> bool {
    lexicon::NOT_CONTENT.contains(w) || lexicon::is_month_name(w) || lexicon::is_weekday_name(w)
}

fn content_words(statement: &str, mention: &str) -> std::collections::BTreeSet<String> {
    let mention = key(mention);
    key(statement)
        .split(' ')
        .filter(|w| w.chars().count() >= MIN_CONTENT_CHARS && !says_nothing(w) && !mention.split(' ').any(|m| m == *w))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) || w.len() >= MIN_FIGURE_DIGITS)
        .map(str::to_string)
        .collect()
}

/// Merges one story's entries that report the same happening on the same day, and flags those
/// that report it on different days, each with the other days given. Returns the entries sorted
/// by day.
pub fn reconcile(entries: Vec<TimelineEntry>, config: &TimelineConfig) -> Vec<TimelineEntry> {
    let words: Vec<_> = entries.iter().map(|e| content_words(&e.text, &e.mention)).collect();
    let overlap = |i: usize, j: usize, share: f32| {
        // One article's sentence that names two days ("began on Monday and lasts until
        // Thursday") is two entries, not two reports: only other articles can agree or conflict.
        if entries[i].articles.iter().any(|a| entries[j].articles.contains(a)) || entries[i].text == entries[j].text {
            return false;
        }
        let shared = words[i].intersection(&words[j]).count();
        let smaller = words[i].len().min(words[j].len());
        shared >= config.min_shared && shared as f32 >= share * smaller as f32
    };
    let mut merged_into: Vec<Option<usize>> = vec![None; entries.len()];
    let mut conflicts: Vec<Vec<String>> = vec![Vec::new(); entries.len()];
    for i in 0..entries.len() {
        if merged_into[i].is_some() {
            continue;
        }
        for j in i + 1..entries.len() {
            if merged_into[j].is_some() {
                continue;
            }
            if entries[i].date == entries[j].date {
                if overlap(i, j, config.same_happening) {
                    merged_into[j] = Some(i);
                }
            } else if overlap(i, j, config.conflicting) {
                if !conflicts[i].contains(&entries[j].date) {
                    conflicts[i].push(entries[j].date.clone());
                }
                if !conflicts[j].contains(&entries[i].date) {
                    conflicts[j].push(entries[i].date.clone());
                }
            }
        }
    }
    let mut out: Vec<TimelineEntry> = Vec::new();
    let mut position: Vec<usize> = vec![usize::MAX; entries.len()];
    for (i, mut e) in entries.into_iter().enumerate() {
        e.conflicts = std::mem::take(&mut conflicts[i]);
        e.conflicts.sort();
        match merged_into[i] {
            None => {
                position[i] = out.len();
                out.push(e);
            }
            Some(target) => {
                let t = &mut out[position[target]];
                for a in e.articles {
                    if !t.articles.contains(&a) {
                        t.articles.push(a);
                    }
                }
                for o in e.outlets {
                    if !t.outlets.contains(&o) {
                        t.outlets.push(o);
                    }
                }
                for c in e.conflicts {
                    if !t.conflicts.contains(&c) {
                        t.conflicts.push(c);
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}

/// The day a resolved DATE or TIME value names (`2023-03-03`, `2023-03-03TNI`, `2023-03-03T14:00`).
fn day_of(t: &TimeExpr) -> Option<&str> {
    if !t.resolved || !matches!(t.kind, TimeKind::Date | TimeKind::Time) {
        return None;
    }
    let day = t.value.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

fn clip(sentence: &str) -> String {
    let s = sentence.trim();
    if s.chars().count() <= MAX_STATEMENT {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX_STATEMENT).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::tag;
    use parallax_core::ArticleId;

    fn article(id: &str, outlet: &str, published: &str, text: &str) -> Article {
        Article {
            id: ArticleId::from_string(id.into()),
            source: format!("{id}.txt"),
            url: None,
            outlet: Some(outlet.into()),
            section: None,
            title: None,
            authors: Vec::new(),
            published: Some(published.parse().unwrap()),
            language: Some("en".into()),
            place: None,
            text: text.into(),
            duplicate_of: None,
        }
    }

    /// `expected`: (date, statement, article ids) in timeline order.
    fn check(articles: &[Article], expected: &[(&str, &str, &[&str])]) {
        let mut timeline = Timeline::default();
        for a in articles {
            let doc = Document::of(a);
            timeline.add(a, &doc, &tag(&doc, a.published.map(|p| p.date())));
        }
        let got: Vec<(String, String, Vec<String>)> = timeline
            .entries()
            .into_iter()
            .map(|e| (e.date, e.text, e.articles.iter().map(ToString::to_string).collect()))
            .collect();
        let want: Vec<(String, String, Vec<String>)> = expected
            .iter()
            .map(|(d, t, a)| (d.to_string(), t.to_string(), a.iter().map(ToString::to_string).collect()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn entries_sorted_and_shared_ones_merged() {
        let a = article(
            "a1",
            "Kessel Courier",
            "2026-03-04",
            "The plant in Kessel caught fire on Tuesday. Inspectors will visit on March 10. Output fell last year.",
        );
        let b = article(
            "b2",
            "Ostland Post",
            "2026-03-05",
            "The plant in Kessel caught fire on Tuesday.\n\nA vote follows.",
        );
        check(
            &[a, b],
            &[
                ("2026-03-03", "The plant in Kessel caught fire on Tuesday.", &["a1", "b2"]),
                ("2026-03-10", "Inspectors will visit on March 10.", &["a1"]),
            ],
        );
    }

    fn entry(date: &str, id: &str, text: &str, mention: &str) -> TimelineEntry {
        TimelineEntry {
            date: date.into(),
            articles: vec![ArticleId::from_string(id.into())],
            outlets: vec![format!("outlet-{id}")],
            text: text.into(),
            mention: mention.into(),
            conflicts: Vec::new(),
        }
    }

    #[test]
    fn one_happening_worded_twice_is_merged_or_flagged() {
        let entries = vec![
            entry(
                "2026-03-03",
                "a1",
                "Fire broke out at the Tessaro plant in Dockside on Tuesday night.",
                "on Tuesday night",
            ),
            entry(
                "2026-03-03",
                "b2",
                "On Tuesday, fire broke out at Tessaro's Dockside plant, officials said.",
                "On Tuesday",
            ),
            entry("2026-03-02", "c3", "Fire broke out at the Tessaro plant in Dockside on Monday.", "on Monday"),
            entry("2026-03-10", "a1", "Inspectors will visit the port on March 10.", "on March 10"),
        ];
        let out = reconcile(entries, &TimelineConfig::default());
        let summary: Vec<(&str, usize, Vec<&str>)> = out
            .iter()
            .map(|e| (e.date.as_str(), e.articles.len(), e.conflicts.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            summary,
            [("2026-03-02", 1, vec!["2026-03-03"]), ("2026-03-03", 2, vec!["2026-03-02"]), ("2026-03-10", 1, vec![])]
        );
    }

    #[test]
    fn a_sentence_naming_two_days_is_no_conflict() {
        let text = "The strike by dockworkers began on Monday and is due to last until Thursday morning.";
        let entries =
            vec![entry("2026-05-04", "a1", text, "on Monday"), entry("2026-05-07", "a1", text, "Thursday morning")];
        let out = reconcile(entries, &TimelineConfig::default());
        assert!(out.iter().all(|e| e.conflicts.is_empty()));
    }

    #[test]
    fn different_happenings_sharing_a_word_stay_apart() {
        let entries = vec![
            entry("2026-03-03", "a1", "The talks between the union and the port began on Tuesday.", "on Tuesday"),
            entry("2026-03-06", "a1", "The union will vote on the offer on Friday.", "on Friday"),
        ];
        let out = reconcile(entries, &TimelineConfig::default());
        assert!(out.iter().all(|e| e.conflicts.is_empty()));
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn undated_articles_give_only_absolute_days() {
        let mut a = article("c3", "Wire", "2026-03-04", "Talks ended on Tuesday. The treaty was signed on 4 May 1998.");
        a.published = None;
        check(&[a], &[("1998-05-04", "The treaty was signed on 4 May 1998.", &["c3"])]);
    }
}
