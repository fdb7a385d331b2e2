//! Words and punctuation of an article with what the name finder needs to know about each:
//! capitalised or not, and whether a capital there says anything (not at the start of a
//! sentence, a quotation or a heading line).
//!
//! Built by joining the document's tokens, like the quote finder's: it must keep "Mr." and
//! "U.S." whole, split a possessive "'s" off, keep "Farmers'" in "Farmers' League" and "AT&T"
//! whole, and know line starts; the document's lowercase copy gives every token's lowercase
//! form at the same offsets.

use parallax_core::document::{Gap, Kind, Text};

use super::lexicon;

/// A token: `text[s..e]`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    /// Starts with a letter or digit.
    pub(super) word: bool,
    /// Starts with an uppercase letter.
    pub(super) cap: bool,
    /// Two or more letters, all uppercase ("NUP", "KESSEL", "U.S.").
    pub(super) caps: bool,
    /// Opens a sentence, a quotation or a clause after a colon or dash: its capital is grammar.
    pub(super) initial: bool,
    /// The line (paragraph) it is on.
    pub(super) line: u32,
}

/// What a line of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    /// Running text.
    Prose,
    /// A heading, a label or a list item without a full stop: its capitals may be headline case.
    Heading,
    /// A credit ("Reporting by …", "Photo by …") or copyright line: its names are not the story's.
    Credit,
}

pub(super) struct Tokens<'a> {
    doc: &'a Text<'a>,
    pub(super) text: &'a str,
    /// `text` with ASCII letters lowercased: the same byte offsets.
    lower: &'a str,
    pub(super) toks: Vec<Tok>,
    pub(super) lines: Vec<Line>,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(doc: &'a Text<'a>) -> Tokens<'a> {
        let (text, lower) = (doc.as_str(), doc.lower());
        let src = doc.tokens();
        // Token `k` exists, follows the one before without a gap and is written `s`.
        let joined_is = |k: usize, s: &str| src.get(k).is_some_and(|t| t.gap == Gap::Joined && doc.str(k) == s);
        let possessive_s = |k: usize| joined_is(k, "s") || joined_is(k, "S");
        let mut toks: Vec<Tok> = Vec::with_capacity(src.len());
        // A capital after this point is grammar: start of text, line, sentence, quote.
        let mut boundary = true;
        let mut k = 0;
        while k < src.len() {
            let t = src[k];
            let line = t.para;
            if t.newline() {
                boundary = true;
            }
            if t.kind == Kind::Punct {
                let c = doc.str(k);
                let mut e = t.end;
                // The char before is whitespace, an opening bracket or a dash (or nothing).
                let opening = t.gap != Gap::Joined || k > 0 && matches!(doc.str(k - 1), "(" | "[" | "—" | "–");
                k += 1;
                // A possessive: "Berg's" → "Berg", "'s".
                if matches!(c, "'" | "’")
                    && t.gap == Gap::Joined
                    && toks.last().is_some_and(|p| p.word)
                    && possessive_s(k)
                {
                    e = src[k].end;
                    k += 1;
                }
                match c {
                    "." | "!" | "?" | "…" | ":" | "—" | "–" | "•" | "·" | "|" => boundary = true,
                    // A hyphen standing alone is a dash: "(MPA) - Striking dockworkers".
                    "-" if opening => boundary = true,
                    // An opening quotation mark starts quoted speech with a capital; a closing one
                    // and brackets change nothing.
                    "\"" | "“" | "„" | "«" | "‘" | "'" if opening => boundary = true,
                    "\"" | "”" | "»" | "’" | "'" | "(" | ")" | "[" | "]" | "*" => {}
                    _ => boundary = false,
                }
                toks.push(Tok { s: t.start, e, word: false, cap: false, caps: false, initial: false, line });
                continue;
            }
            let (s, mut e) = (t.start, t.end);
            let (mut letters, mut upper, mut dotted) = (t.letters(), t.all_upper(), false);
            k += 1;
            // An apostrophe, hyphen, period or ampersand between two words joins them, but not
            // the apostrophe of a possessive ("Berg's" ends the word before it).
            while k + 1 < src.len()
                && src[k].gap == Gap::Joined
                && src[k + 1].gap == Gap::Joined
                && src[k + 1].is_word()
            {
                let inner = match doc.str(k) {
                    "'" | "’" => !possessive_s(k + 1),
                    "-" | "&" => true,
                    "." => {
                        dotted = true;
                        true
                    }
                    _ => false,
                };
                if !inner {
                    break;
                }
                let n = &src[k + 1];
                letters = letters.saturating_add(n.letters());
                upper &= n.all_upper();
                e = n.end;
                k += 2;
            }
            let cap = t.upper();
            let word_end = e;
            // "Mr.", "U.S.", "J.": keep the period of an abbreviation, an acronym or an initial.
            if joined_is(k, ".") {
                let single = e == t.end && cap && text[s..e].chars().nth(1).is_none();
                if single || dotted || lexicon::is_abbreviation(&lower[s..e]) {
                    e = src[k].end;
                    k += 1;
                }
            }
            // "Farmers' League": a plural possessive belongs to the name when one space and a
            // capital follow it.
            if cap
                && text[..word_end].ends_with('s')
                && src.get(k).is_some_and(|m| m.gap == Gap::Joined && matches!(doc.str(k), "'" | "’"))
                && src
                    .get(k + 1)
                    .is_some_and(|n| n.upper() && n.start == src[k].end + 1 && text[src[k].end..].starts_with(' '))
            {
                e = src[k].end;
                k += 1;
            }
            toks.push(Tok { s, e, word: true, cap, caps: upper && letters >= 2, initial: boundary, line });
            boundary = false;
        }
        let lines = classify_lines(text, lower, &toks, toks.last().map_or(0, |t| t.line as usize) + 1);
        Tokens { doc, text, lower, toks, lines }
    }

    /// The char offset of a byte offset of the text.
    pub(super) fn char_at(&self, byte: usize) -> usize {
        self.doc.char_at(byte)
    }

    /// The token as written.
    pub(super) fn text(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].s..self.toks[i].e]
    }

    /// The token ASCII-lowercased, without a final period or apostrophe ("mr", "farmers").
    pub(super) fn low(&self, i: usize) -> &str {
        let t = &self.toks[i];
        let l = &self.lower[t.s..t.e];
        l.strip_suffix('.').or_else(|| l.strip_suffix('\'')).or_else(|| l.strip_suffix('’')).unwrap_or(l)
    }

    pub(super) fn line(&self, i: usize) -> Line {
        self.lines.get(self.toks[i].line as usize).copied().unwrap_or(Line::Prose)
    }

    /// The token at `i` is the punctuation `p`.
    pub(super) fn is(&self, i: usize, p: &str) -> bool {
        i < self.toks.len() && !self.toks[i].word && self.text(i) == p
    }

    /// The token at `i` is a lowercase word.
    pub(super) fn is_lower_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word && !t.cap && !t.caps)
    }
}

/// Headings (short lines with no closing punctuation, or all in capitals) and credit lines.
fn classify_lines(text: &str, lower: &str, toks: &[Tok], n: usize) -> Vec<Line> {
    let mut out = vec![Line::Prose; n];
    // A text of one line is a sentence, however it ends.
    let several_lines = toks.first().zip(toks.last()).is_some_and(|(a, b)| a.line != b.line);
    let mut k = 0;
    while k < toks.len() {
        let line = toks[k].line;
        let start = k;
        while k < toks.len() && toks[k].line == line {
            k += 1;
        }
        let toks = &toks[start..k];
        let words: Vec<&Tok> = toks.iter().filter(|t| t.word).collect();
        if words.is_empty() {
            continue;
        }
        let opening = &lower[toks[0].s..];
        let head = opening.trim_start_matches(['(', '[', ' ']);
        let credit = [
            "reporting by",
            "additional reporting by",
            "writing by",
            "editing by",
            "compiled by",
            "photo by",
            "photos by",
            "photograph by",
            "video by",
            "graphics by",
            "images by",
            "©",
            "copyright",
            "all rights reserved",
        ]
        .iter()
        .any(|p| head.starts_with(p))
            || head.starts_with("by ") && words.len() <= 8;
        let last = toks.iter().rev().find(|t| !matches!(&text[t.s..t.e], "\"" | "”" | "’" | "'" | "»" | ")"));
        let closed = last.is_some_and(|t| matches!(&text[t.s..t.e], "." | "!" | "?" | "…" | ":" | ";" | ","));
        let shouting = words.iter().all(|t| t.caps);
        out[line as usize] = if credit {
            Line::Credit
        } else if shouting || !closed && words.len() <= 14 && several_lines {
            Line::Heading
        } else {
            Line::Prose
        };
    }
    out
}
