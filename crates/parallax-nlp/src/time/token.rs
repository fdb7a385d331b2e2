//! Tokens for the time grammar: the document's tokens (runs of letters and digits, single
//! punctuation, each with its byte span and the gap before it), with numbers joined across
//! their thousands separators and decimal points ("1,200", "2.5"), and a lowercase form.
//!
//! Built from [`parallax_core::document::Text`] without looking at the chars again: the grammar
//! needs exactly these kinds and the gaps between them ("third-quarter" joined, "Sept. 30"
//! spaced, a paragraph break), which the document's tokens carry.

use parallax_core::document::Text;
pub(crate) use parallax_core::document::{Gap, Kind, Token};

/// The tokens of one text, with the text and its ASCII-lowercased copy (same byte offsets).
pub(crate) struct Tokens<'a> {
    pub(crate) text: &'a str,
    lower: &'a str,
    pub(crate) toks: Vec<Token>,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(doc: &'a Text<'_>) -> Tokens<'a> {
        let text = doc.as_str();
        let src = doc.tokens();
        let mut toks = Vec::with_capacity(src.len());
        let mut k = 0;
        while k < src.len() {
            let mut tok = src[k];
            k += 1;
            // A separator inside a number joins the digits after it.
            while tok.kind == Kind::Number && k + 1 < src.len() {
                let (sep, next) = (&src[k], &src[k + 1]);
                if sep.gap != Gap::Joined
                    || next.gap != Gap::Joined
                    || !matches!(next.kind, Kind::Number | Kind::Alnum)
                    || !separator_continues(text, sep.start, next.start)
                {
                    break;
                }
                tok.end = next.end;
                tok.kind = next.kind;
                k += 2;
            }
            toks.push(tok);
        }
        Tokens { text, lower: doc.lower(), toks }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lowercase form of token `i`, or "" past the end.
    pub(crate) fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Token `i` as written.
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The gap before token `i` (a line break past the end).
    pub(crate) fn gap(&self, i: usize) -> Gap {
        self.toks.get(i).map_or(Gap::Line, |t| t.gap)
    }

    /// Token `i` starts with a capital letter.
    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::upper)
    }

    /// The value of a plain number token ("1,200" is 1200); decimals are not plain.
    pub(crate) fn int(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(Kind::Number) {
            return None;
        }
        let s = self.low(i);
        if s.contains('.') || s.len() > 12 {
            return None;
        }
        s.bytes().filter(|b| *b != b',').try_fold(0u32, |n, b| n.checked_mul(10)?.checked_add(u32::from(b - b'0')))
    }

    /// The value of a number token with a decimal part ("2.5").
    pub(crate) fn decimal(&self, i: usize) -> Option<f64> {
        if self.kind(i) != Some(Kind::Number) {
            return None;
        }
        self.low(i).replace(',', "").parse().ok()
    }

    /// Number of digits of a plain number token without separators ("1998" has 4).
    pub(crate) fn digits(&self, i: usize) -> usize {
        let s = self.low(i);
        if self.kind(i) == Some(Kind::Number) && s.bytes().all(|b| b.is_ascii_digit()) {
            s.len()
        } else {
            0
        }
    }
}

/// A `,` or `.` (at byte `at`) inside a number continues it only when digits follow it
/// directly (the token at `next` starts with them: "1,200", "2.5"), and a comma only before
/// exactly three of them ("March 3,1998" is not 31998).
fn separator_continues(text: &str, at: usize, next: usize) -> bool {
    let b = text.as_bytes();
    // At most four digits are looked at: all that tells three from more.
    let run = b[next..].iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    match b[at] {
        b',' => run == 3,
        b'.' => run > 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let doc = Text::new(input);
        let t = Tokens::new(&doc);
        let got: Vec<String> = (0..t.len())
            .map(|i| {
                let sep = match t.gap(i) {
                    Gap::Joined => "",
                    Gap::Space => " ",
                    Gap::Line => "|",
                };
                format!("{sep}{}", t.raw(i))
            })
            .collect();
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn tokens_and_gaps() {
        check("Sept. 30, 1989", &["|Sept", ".", " 30", ",", " 1989"]);
        check("third-quarter 1,200.5 1990s", &["|third", "-", "quarter", " 1,200.5", " 1990s"]);
        check("10:30 p.m.\n\nNext", &["|10", ":", "30", " p", ".", "m", ".", "|Next"]);
        check("1990. The", &["|1990", ".", " The"]);
        check("Mär 3,1998 — über", &["|Mär", " 3", ",", "1998", " —", " über"]);
    }

    #[test]
    fn numbers() {
        let doc = Text::new("1,200 2.5 07 x");
        let t = Tokens::new(&doc);
        assert_eq!(t.int(0), Some(1200));
        assert_eq!(t.int(1), None);
        assert_eq!(t.decimal(1), Some(2.5));
        assert_eq!(t.digits(2), 2);
        assert_eq!(t.int(3), None);
    }
}
