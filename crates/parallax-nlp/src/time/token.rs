//! Tokens for the time grammar: runs of letters and digits, numbers with thousands separators
//! and decimals, and single punctuation characters, each with its byte span, a lowercase form
//! and what separates it from the previous token.
//!
//! Hand-written: the grammar needs exactly these three kinds and the gaps between them
//! ("third-quarter" joined, "Sept. 30" spaced, a paragraph break), which no word-segmentation
//! crate reports; one pass over the chars, no allocation per token.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, possibly with digits after ("mid", "Sept").
    Word,
    /// ASCII digits, possibly with `,` thousands separators and a decimal part.
    Number,
    /// Digits then letters ("1st", "1990s", "10am").
    Alnum,
    /// One character that is neither.
    Punct,
}

/// What lies between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Nothing: "third-quarter" is three joined tokens.
    Joined,
    Space,
    /// A line break: expressions never span one.
    Line,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) gap: Gap,
}

/// The tokens of one text, with the text and its ASCII-lowercased copy (same byte offsets).
pub(crate) struct Tokens<'a> {
    pub(crate) text: &'a str,
    lower: String,
    pub(crate) toks: Vec<Token>,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Tokens<'a> {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut gap = Gap::Line;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                if c == '\n' || c == '\r' {
                    gap = Gap::Line;
                } else if gap == Gap::Joined {
                    gap = Gap::Space;
                }
                continue;
            }
            let mut end = i + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                let mut kind = Kind::Number;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_ascii_digit() && kind == Kind::Number {
                        end = j + 1;
                    } else if d.is_alphanumeric() {
                        kind = Kind::Alnum;
                        end = j + d.len_utf8();
                    } else if (d == ',' || d == '.') && kind == Kind::Number && separator_continues(text, j, d) {
                        end = j + 1;
                    } else {
                        break;
                    }
                    chars.next();
                }
                kind
            } else if c.is_alphanumeric() {
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_alphanumeric() {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                Kind::Word
            } else {
                Kind::Punct
            };
            toks.push(Token { start: i, end, kind, gap });
            gap = Gap::Joined;
        }
        Tokens { text, lower, toks }
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
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
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

/// A `,` or `.` inside a number continues it only when digits follow it directly ("1,200",
/// "2.5"), and a comma only before exactly three of them ("March 3,1998" is not 31998).
fn separator_continues(text: &str, at: usize, sep: char) -> bool {
    let rest = &text.as_bytes()[at + 1..];
    let run = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    match sep {
        ',' => run == 3,
        _ => run > 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let t = Tokens::new(input);
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
        let t = Tokens::new("1,200 2.5 07 x");
        assert_eq!(t.int(0), Some(1200));
        assert_eq!(t.int(1), None);
        assert_eq!(t.decimal(1), Some(2.5));
        assert_eq!(t.digits(2), 2);
        assert_eq!(t.int(3), None);
    }
}
