//! Time expressions: find DATE, TIME, DURATION and SET expressions in clean article text and
//! normalise them to TIMEX3 values against the publication date.
//!
//! Three steps, each its own module: `token` reads the document's tokens, `grammar` recognises
//! expressions and what they say ("last Friday": a weekday, the one before), `resolve` turns
//! that into a value with the publication date, the clause's `tense` and the last date the
//! text mentioned. [`Timeline`] builds dated statements from the results.
//!
//! Deliberately not here: datelines and timestamps (the cleaner moved them out of the text),
//! and event detection (a timeline entry is the sentence that mentions the date).

mod grammar;
mod lexicon;
mod resolve;
mod tense;
pub mod timeline;
mod token;

use jiff::civil::Date;
use parallax_core::document::Document;
use parallax_core::TimeExpr;

pub use timeline::{reconcile, Timeline, TimelineConfig};

/// The time expressions of the document's body, in order, with values anchored at `published`
/// (the article's publication day). Without one, relative expressions come back unresolved.
pub fn tag(doc: &Document<'_>, published: Option<Date>) -> Vec<TimeExpr> {
    let body = &doc.body;
    let text = body.as_str();
    let tokens = token::Tokens::new(body);
    let found = grammar::recognise(&tokens);
    let mut resolver = resolve::Resolver::new(published);
    let mut out = Vec::with_capacity(found.len());
    for f in &found {
        let (start, end) = (tokens.toks[f.start].start, tokens.toks[f.end - 1].end);
        let r = resolver.resolve(f, tense::tense(&tokens, f.start, f.end));
        out.push(TimeExpr {
            start: body.char_at(start),
            end: body.char_at(end),
            text: text[start..end].to_string(),
            kind: f.kind,
            value: r.value,
            modifier: f.modifier,
            resolved: r.resolved,
        });
    }
    out
}

#[cfg(test)]
mod tests;
