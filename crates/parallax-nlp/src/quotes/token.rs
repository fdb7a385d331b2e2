//! Words and punctuation with their byte offsets: what the quote finder walks over.
//!
//! A word keeps inner apostrophes and hyphens ("don't", "co-founder") and the period of a title
//! or initial ("Mr.", "U.S."); a possessive `'s` is its own token. Everything else that is not
//! whitespace is one token per char. Built by joining the document's tokens, without looking at
//! the chars again.

use parallax_core::document::{Gap, Kind, Text};

/// A token: `text[s..e]`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) t: &'a str,
    /// The paragraph it is in (the document's numbering: consecutive paragraphs get
    /// consecutive numbers, however many blank lines separate them).
    pub(super) para: u32,
}

impl Tok<'_> {
    pub(super) fn is_word(&self) -> bool {
        self.t.chars().next().is_some_and(char::is_alphanumeric)
    }

    pub(super) fn is_capital_word(&self) -> bool {
        self.t.chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn is_lower_word(&self) -> bool {
        self.t.chars().next().is_some_and(char::is_lowercase)
    }

    pub(super) fn lower(&self) -> String {
        self.t.to_lowercase()
    }

    pub(super) fn is_open_mark(&self) -> bool {
        matches!(self.t, "\"" | "''" | "“" | "«" | "„")
    }

    pub(super) fn is_close_mark(&self) -> bool {
        matches!(self.t, "\"" | "''" | "”" | "»")
    }
}

/// The quote finder's tokens of a text.
pub(super) fn tokens<'a>(doc: &Text<'a>) -> Vec<Tok<'a>> {
    let text = doc.as_str();
    let src = doc.tokens();
    // Token `k` exists, follows the one before without a gap and is written `s`.
    let joined_is = |k: usize, s: &str| src.get(k).is_some_and(|t| t.gap == Gap::Joined && doc.str(k) == s);
    let mut out = Vec::with_capacity(src.len());
    let mut push = |s: usize, e: usize, para: u32| out.push(Tok { s, e, t: &text[s..e], para });
    let mut k = 0;
    while k < src.len() {
        let t = src[k];
        if t.kind == Kind::Punct {
            let c = doc.str(k);
            // Two apostrophes are a double quotation mark in some archives: ''Yes,'' she said.
            // A possessive: "Berg's".
            let pair = c == "'" && joined_is(k + 1, "'")
                || matches!(c, "'" | "’") && k > 0 && t.gap == Gap::Joined && joined_is(k + 1, "s");
            let end = if pair { src[k + 1].end } else { t.end };
            push(t.start, end, t.para);
            k += if pair { 2 } else { 1 };
            continue;
        }
        let (start, mut end) = (t.start, t.end);
        let mut dotted = false;
        k += 1;
        // An apostrophe, hyphen or period between two words joins them, but not the
        // apostrophe of a possessive.
        while k + 1 < src.len() && src[k].gap == Gap::Joined && src[k + 1].gap == Gap::Joined && src[k + 1].is_word() {
            let inner = match doc.str(k) {
                "'" | "’" => doc.str(k + 1) != "s",
                "-" => true,
                "." => {
                    dotted = true;
                    true
                }
                _ => false,
            };
            if !inner {
                break;
            }
            end = src[k + 1].end;
            k += 2;
        }
        // "Mr.", "Sen.", "U.S.", "J.": keep the period of a title or an initial.
        if joined_is(k, ".") && (dotted || crate::quotes::lexicon::is_abbreviation(&text[start..end])) {
            end = src[k].end;
            k += 1;
        }
        push(start, end, t.para);
    }
    out
}
