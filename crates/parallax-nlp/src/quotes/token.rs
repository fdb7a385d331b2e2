//! Words and punctuation with their byte offsets: what the quote finder walks over.
//!
//! A word keeps inner apostrophes and hyphens ("don't", "co-founder") and the period of a title
//! or initial ("Mr.", "U.S."); a possessive `'s` is its own token. Everything else that is not
//! whitespace is one token per char.

/// A token: `text[s..e]`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) t: &'a str,
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

/// The tokens of `text[range]`, offsets into `text`.
pub(super) fn tokens(text: &str, range: std::ops::Range<usize>) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let s = &text[range.clone()];
    let base = range.start;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        // Two apostrophes are a double quotation mark in some archives: ''Yes,'' she said.
        if c == '\'' && it.peek().is_some_and(|&(_, n)| n == '\'') {
            it.next();
            out.push(Tok { s: base + i, e: base + i + 2, t: &text[base + i..base + i + 2] });
            continue;
        }
        if !c.is_alphanumeric() {
            // A possessive: "Berg's".
            if matches!(c, '\'' | '’')
                && it.peek().is_some_and(|&(_, n)| n == 's')
                && out.last().is_some_and(|t: &Tok<'_>| t.e == base + i)
            {
                let after = s[i + c.len_utf8() + 1..].chars().next();
                if !after.is_some_and(char::is_alphanumeric) {
                    it.next();
                    let e = i + c.len_utf8() + 1;
                    out.push(Tok { s: base + i, e: base + e, t: &text[base + i..base + e] });
                    continue;
                }
            }
            let e = i + c.len_utf8();
            out.push(Tok { s: base + i, e: base + e, t: &text[base + i..base + e] });
            continue;
        }
        let mut e = i + c.len_utf8();
        while let Some(&(j, n)) = it.peek() {
            let inner = matches!(n, '\'' | '’' | '-' | '.')
                && s[j + n.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
                && !(matches!(n, '\'' | '’')
                    && s[j + n.len_utf8()..].starts_with('s')
                    && !s[j + n.len_utf8() + 1..].chars().next().is_some_and(char::is_alphanumeric));
            if n.is_alphanumeric() || inner {
                e = j + n.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        // "Mr.", "Sen.", "U.S.", "J.": keep the period of a title or an initial.
        let word = &s[i..e];
        if s[e..].starts_with('.') && (word.contains('.') || crate::quotes::lexicon::is_abbreviation(word)) {
            e += 1;
            it.next();
        }
        out.push(Tok { s: base + i, e: base + e, t: &text[base + i..base + e] });
    }
    out
}
