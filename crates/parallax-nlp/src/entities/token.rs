//! Words and punctuation of an article with what the name finder needs to know about each:
//! capitalised or not, and whether a capital there says anything (not at the start of a
//! sentence, a quotation or a heading line).
//!
//! Hand-written, like the other tokenisers of this crate: it must keep "Mr." and "U.S." whole,
//! split a possessive "'s" off, keep "Farmers'" in "Farmers' League", and know line starts; one
//! pass over the chars, no allocation per token (an ASCII-lowercased copy of the text gives
//! every token's lowercase form at the same offsets).

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
    pub(super) text: &'a str,
    /// `text` with ASCII letters lowercased: the same byte offsets.
    lower: String,
    pub(super) toks: Vec<Tok>,
    pub(super) lines: Vec<Line>,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(text: &'a str) -> Tokens<'a> {
        let lower = text.to_ascii_lowercase();
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
        let mut line = 0u32;
        // A capital after this point is grammar: start of text, line, sentence, quote.
        let mut boundary = true;
        let mut it = text.char_indices().peekable();
        let mut prev_char: Option<char> = None;
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                if c == '\n' {
                    line += 1;
                    boundary = true;
                }
                prev_char = Some(c);
                continue;
            }
            if !c.is_alphanumeric() {
                let mut e = i + c.len_utf8();
                // A possessive: "Berg's" → "Berg", "'s".
                if matches!(c, '\'' | '’')
                    && toks.last().is_some_and(|t| t.e == i && t.word)
                    && it.peek().is_some_and(|&(_, n)| n == 's' || n == 'S')
                    && !text[e + 1..].chars().next().is_some_and(char::is_alphanumeric)
                {
                    it.next();
                    e += 1;
                }
                let opening = !prev_char.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'));
                match c {
                    '.' | '!' | '?' | '…' | ':' | '—' | '–' | '•' | '·' | '|' => boundary = true,
                    // A hyphen standing alone is a dash: "(MPA) - Striking dockworkers".
                    '-' if opening => boundary = true,
                    // An opening quotation mark starts quoted speech with a capital; a closing one
                    // and brackets change nothing.
                    '"' | '“' | '„' | '«' | '‘' | '\'' if opening => boundary = true,
                    '"' | '”' | '»' | '’' | '\'' | '(' | ')' | '[' | ']' | '*' => {}
                    _ => boundary = false,
                }
                toks.push(Tok { s: i, e, word: false, cap: false, caps: false, initial: false, line });
                prev_char = text[..e].chars().next_back();
                continue;
            }
            let mut e = i + c.len_utf8();
            while let Some(&(j, n)) = it.peek() {
                let after = text[j + n.len_utf8()..].chars().next();
                let inner = matches!(n, '\'' | '’' | '-' | '.' | '&')
                    && after.is_some_and(char::is_alphanumeric)
                    // "Berg's" ends the word before the possessive.
                    && !(matches!(n, '\'' | '’')
                        && matches!(after, Some('s' | 'S'))
                        && !text[j + n.len_utf8() + 1..].chars().next().is_some_and(char::is_alphanumeric));
                if n.is_alphanumeric() || inner {
                    e = j + n.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let cap = c.is_uppercase();
            let word = &text[i..e];
            // "Mr.", "U.S.", "J.": keep the period of an abbreviation, an acronym or an initial.
            if text[e..].starts_with('.') {
                let single = word.chars().count() == 1 && cap;
                if single || word.contains('.') || lexicon::is_abbreviation(&lower[i..e]) {
                    e += 1;
                    it.next();
                }
            }
            // "Farmers' League": a plural possessive belongs to the name.
            if let Some(mark) =
                text[e..].chars().next().filter(|&m| cap && word.ends_with('s') && matches!(m, '\'' | '’'))
            {
                let rest = &text[e + mark.len_utf8()..];
                if rest.starts_with(' ') && rest[1..].chars().next().is_some_and(char::is_uppercase) {
                    e += mark.len_utf8();
                    it.next();
                }
            }
            let letters = text[i..e].chars().filter(|c| c.is_alphabetic());
            let (mut n_letters, mut upper) = (0, true);
            for l in letters {
                n_letters += 1;
                upper &= l.is_uppercase();
            }
            toks.push(Tok { s: i, e, word: true, cap, caps: upper && n_letters >= 2, initial: boundary, line });
            boundary = false;
            prev_char = text[..e].chars().next_back();
        }
        let lines = classify_lines(text, &lower, &toks, line as usize + 1);
        Tokens { text, lower, toks, lines }
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
