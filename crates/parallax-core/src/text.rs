//! Pure text helpers shared by the stages: sentence boundaries, comparison keys, fingerprints.
//!
//! Hand-written rather than a segmentation crate (unicode-segmentation's sentence rules split
//! on every "Mr." and "U.S."): news needs its abbreviations and initials, and this runs on every
//! paragraph of every article, so it is one pass over the chars without allocation.

use std::ops::Range;

use crate::lexicon;

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace, in order.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when
/// whitespace and then a capital, a digit or an opening quote follow, unless the period closes
/// an abbreviation or an initial. Line breaks always end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // Bytes, not chars: every terminator is ASCII except '…', and this runs on every sentence.
    while i < bytes.len() {
        // Jump to the next byte that can end a sentence.
        match bytes[i..].iter().position(|&c| matches!(c, b'.' | b'!' | b'?' | b'\n' | 0xE2)) {
            Some(p) => i += p,
            None => break,
        }
        let b = bytes[i];
        let ellipsis = b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6);
        if b == b'\n' {
            push_trimmed(text, start..i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if !(matches!(b, b'.' | b'!' | b'?') || ellipsis) {
            i += 1;
            continue;
        }
        let first_len = if ellipsis { 3 } else { 1 };
        // Swallow runs of terminators and closing quotes/brackets: `?!`, `...`, `."`, `.)`.
        let mut end = i + first_len;
        for d in text[end..].chars() {
            if matches!(d, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let at = i;
        i = end;
        // Needs whitespace, then a sentence-opening character.
        let rest = &text[end..];
        let after_space = rest.trim_start_matches([' ', '\t', '\u{a0}']);
        if after_space.len() == rest.len() && !rest.starts_with('\n') {
            continue;
        }
        let Some(next) = after_space.chars().next() else {
            continue;
        };
        if next != '\n' && !opens_sentence(next) {
            continue;
        }
        if b == b'.' && end == at + 1 && is_abbreviation(&text[start..at]) {
            continue;
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–' | '-')
}

/// Whether the word right before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘')).next().unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // "J." (an initial) and "U.S" (periods inside) never end a sentence here.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().all(|c| c.is_alphabetic()) && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    lexicon::SENTENCE_ABBREVIATIONS.contains_ignore_ascii_case(word)
        || lexicon::with_ascii_lowercase(word, |w| lexicon::month(w).is_some_and(|m| m.abbreviated)) == Some(true)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A comparison key: lowercase alphanumeric words separated by single spaces, so that case,
/// punctuation, quote styles and spacing do not make two copies of a sentence differ.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        // ASCII first: this runs on every sentence of every article.
        let alnum = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if alnum {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c == '\'' || c == '’' {
            // "don't" and "don’t" key alike: apostrophes vanish instead of splitting words.
        } else {
            pending_space = true;
        }
    }
    out
}

/// The [`key`] of a text as a 64-bit hash, with its word count, without building the key: for
/// comparing many sentences where only equality matters.
pub fn key_hash(text: &str) -> (u64, usize) {
    let mut key = KeyHasher::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII straight from the bytes.
            i += 1;
            if b.is_ascii_alphanumeric() {
                key.letter(&[b.to_ascii_lowercase()]);
            } else if b != b'\'' {
                key.separator();
            }
            continue;
        }
        // Other chars are decoded where they start.
        let c = text[i..].chars().next().expect("i is on a char boundary");
        i += c.len_utf8();
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                key.letter(l.encode_utf8(&mut buf).as_bytes());
            }
        } else if c != '’' {
            key.separator();
        }
    }
    (key.finish(), key.words)
}

/// The state of [`key_hash`]: the key's bytes packed eight at a time into FxHash's mixing step
/// (one multiply per eight bytes instead of per byte: this runs on every sentence of every
/// article), and a space between words, as [`key`] writes them. Apostrophes are neither.
#[derive(Default)]
struct KeyHasher {
    h: u64,
    acc: u64,
    n: u32,
    words: usize,
    in_word: bool,
    pending_space: bool,
}

impl KeyHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn push(&mut self, b: u8) {
        self.acc = (self.acc << 8) | u64::from(b);
        self.n += 1;
        if self.n == 8 {
            self.h = (self.h.rotate_left(5) ^ self.acc).wrapping_mul(Self::K);
            self.acc = 0;
            self.n = 0;
        }
    }

    /// Bytes of one lowercased alphanumeric char.
    fn letter(&mut self, lower: &[u8]) {
        if !self.in_word {
            self.words += 1;
            if self.pending_space && self.words > 1 {
                self.push(b' ');
            }
        }
        self.pending_space = false;
        self.in_word = true;
        for &b in lower {
            self.push(b);
        }
    }

    fn separator(&mut self) {
        self.pending_space = true;
        self.in_word = false;
    }

    fn finish(&self) -> u64 {
        (self.h.rotate_left(5) ^ self.acc ^ (u64::from(self.n) << 61)).wrapping_mul(Self::K)
    }
}

/// Number of words (runs of alphanumeric characters) in `text`.
pub fn word_count(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// A 128-bit fingerprint of a text's key, as 32 hex digits: equal for texts that differ only in
/// case, punctuation and spacing.
pub fn fingerprint(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key(text).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(input).into_iter().map(|r| &input[r]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn splits_plain_sentences() {
        check("One two. Three four! Five? Six", &["One two.", "Three four!", "Five?", "Six"]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        check(
            "Mr. Adler met Dr. J. Kovac in the U.S. on Jan. 5. They talked.",
            &["Mr. Adler met Dr. J. Kovac in the U.S. on Jan. 5.", "They talked."],
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check(
            "\"We will not yield.\" The spokesman left. “Never!” she said.",
            &["\"We will not yield.\"", "The spokesman left.", "“Never!” she said."],
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        check("Prices rose 3.5 percent. costs fell.", &["Prices rose 3.5 percent. costs fell."]);
    }

    #[test]
    fn line_breaks_end_sentences() {
        check("A heading\nA body line. Another.", &["A heading", "A body line.", "Another."]);
    }

    #[test]
    fn keys_ignore_case_punctuation_and_quotes() {
        assert_eq!(key("“Don’t,” he SAID —  twice."), "dont he said twice");
        assert_eq!(key("\"Don't,\" he said - twice"), "dont he said twice");
        assert_eq!(fingerprint("A b."), fingerprint("a  B"));
        assert_eq!(word_count("It's 3.5 km — far"), 6);
        assert_eq!(key_hash("“Don’t,” he SAID —  twice."), key_hash("\"Don't,\" he said - twice"));
        assert_eq!(key_hash("“Don’t,” he SAID —  twice.").1, 4);
        assert_ne!(key_hash("he said twice").0, key_hash("he saidtwice").0);
    }
}
