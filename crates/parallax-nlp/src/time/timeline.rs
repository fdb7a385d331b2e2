//! Timelines: dated statements drawn from the sentences that mention a day.
//!
//! Every DATE or TIME expression resolved to a day gives an entry: the day, and the sentence
//! around the expression as the statement of what happened (or will happen) then. Entries
//! several articles share (the same day and the same sentence, up to case, punctuation and
//! spacing: wire copy, syndication) are merged, listing every article and outlet. Sorted by
//! day, then by the order the articles came in.
//!
//! Deliberately not here: deciding that two differently worded sentences report one event, or
//! flagging conflicting dates for it; that needs stories and event matching.

use std::collections::HashMap;

use parallax_core::text::{key, sentences};
use parallax_core::{Article, TimeExpr, TimeKind, TimelineEntry};

/// Longest statement kept, in chars; longer sentences are cut at a word.
const MAX_STATEMENT: usize = 280;

/// The timeline of `articles`, each with its time expressions.
pub fn timeline(articles: &[(&Article, &[TimeExpr])]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (article, times) in articles {
        let spans = sentences(&article.text);
        let byte_at = char_to_byte(&article.text);
        for t in times.iter() {
            let Some(date) = day_of(t) else { continue };
            let at = byte_at(t.start);
            let Some(sentence) = spans.iter().find(|r| r.start <= at && at < r.end.max(r.start + 1)) else { continue };
            let statement = clip(&article.text[sentence.clone()]);
            let k = (date.to_string(), key(&statement));
            match seen.get(&k) {
                Some(&i) => {
                    let e = &mut entries[i];
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
                    seen.insert(k, entries.len());
                    entries.push(TimelineEntry {
                        date: date.to_string(),
                        articles: vec![article.id.clone()],
                        outlets: article.outlet.iter().cloned().collect(),
                        text: statement,
                        mention: t.text.clone(),
                    });
                }
            }
        }
    }
    // Stable: same-day entries keep the order their articles came in.
    entries.sort_by(|a, b| a.date.cmp(&b.date));
    entries
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

/// Maps char offsets of `text` to byte offsets.
fn char_to_byte(text: &str) -> impl Fn(usize) -> usize + '_ {
    move |c| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
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
        let times: Vec<Vec<TimeExpr>> = articles.iter().map(|a| tag(&a.text, a.published.map(|p| p.date()))).collect();
        let input: Vec<(&Article, &[TimeExpr])> = articles.iter().zip(&times).map(|(a, t)| (a, t.as_slice())).collect();
        let got: Vec<(String, String, Vec<String>)> = timeline(&input)
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

    #[test]
    fn undated_articles_give_only_absolute_days() {
        let mut a = article("c3", "Wire", "2026-03-04", "Talks ended on Tuesday. The treaty was signed on 4 May 1998.");
        a.published = None;
        check(&[a], &[("1998-05-04", "The treaty was signed on 4 May 1998.", &["c3"])]);
    }
}
