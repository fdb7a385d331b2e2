//! One article analysed once: its title and body, each as a [`Text`] with tokens, paragraphs
//! and sentences. The engine builds a [`Document`] per article right after cleaning and hands
//! it to every stage (time, quotes, entities, stories, timelines); no stage scans the
//! characters again — a stage that tokenises again is a bug.
//!
//! Tokens are the finest units any stage needs: maximal runs of alphanumeric chars ("Sept",
//! "1990s", "don", "Kovac") and single other chars ("-", "'", "."), each with what separates it
//! from the one before (nothing, spaces, a line break), its paragraph and what its chars are
//! (capitalised, all capitals, letters). A stage builds its own units from joined tokens without
//! looking at the chars: the time grammar joins "1,200" and "2.5", the quote and name finders
//! "don't", "co-founder", "Mr." and "U.S.".
//!
//! Offsets: tokens and sentences hold byte offsets, for slicing; the JSON contract counts chars,
//! so each token also holds its char offset and [`Text::char_at`] / [`Text::byte_at`] convert
//! any other position (stages convert only what they report).
//!
//! Hand-written rather than a segmentation crate: UAX #29 word boundaries
//! (unicode-segmentation) give neither the gaps nor the line breaks, and split "Mr." from its
//! period just like any other word; what the stages join differs per stage, so the tokens stay
//! at the level all of them agree on. One pass over the chars, ASCII straight from the bytes.

use std::ops::Range;
use std::sync::OnceLock;

use crate::{text, Article};

/// An article as every stage reads it: its title (when it has one) and its body, each analysed
/// once.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub title: Option<Text<'a>>,
    pub body: Text<'a>,
}

impl<'a> Document<'a> {
    pub fn new(title: Option<&'a str>, body: &'a str) -> Document<'a> {
        Document { title: title.map(Text::new), body: Text::new(body) }
    }

    /// The document of an article's title and clean text.
    pub fn of(article: &'a Article) -> Document<'a> {
        Document::new(article.title.as_deref(), &article.text)
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Alphanumeric chars starting with one that is not an ASCII digit ("mid", "Sept30").
    Word,
    /// ASCII digits only ("1990", "07").
    Number,
    /// ASCII digits and then other alphanumeric chars ("1st", "1990s", "10am").
    Alnum,
    /// One char that is neither alphanumeric nor whitespace.
    Punct,
}

/// What lies between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing: "third-quarter" is three joined tokens.
    Joined,
    /// Whitespace without a line break.
    Space,
    /// A line break (`\n`, or a bare `\r` in text that was not cleaned); also before the first
    /// token.
    Line,
}

/// Bits of [`Token::flags`].
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const CAPS: u8 = 4;
const NEWLINE: u8 = 8;
const ODD_GAP: u8 = 16;

/// A token: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// The char offset of `start`.
    pub char_start: usize,
    /// The paragraph it is in: the number of line breaks between tokens before it (blank lines
    /// count once), so the first paragraph is 0 however the text starts.
    pub para: u32,
    pub kind: Kind,
    pub gap: Gap,
    flags: u8,
    /// Alphabetic chars, counted up to 255.
    letters: u8,
}

impl Token {
    /// Alphanumeric, not punctuation.
    pub fn is_word(&self) -> bool {
        self.kind != Kind::Punct
    }

    /// The first char is uppercase.
    pub fn upper(&self) -> bool {
        self.flags & UPPER != 0
    }

    /// The first char is lowercase.
    pub fn lower(&self) -> bool {
        self.flags & LOWER != 0
    }

    /// No alphabetic char is anything but uppercase (true for a token without letters).
    pub fn all_upper(&self) -> bool {
        self.flags & CAPS != 0
    }

    /// Alphabetic chars in the token (saturating at 255).
    pub fn letters(&self) -> u8 {
        self.letters
    }

    /// The gap before holds a `\n`: the token opens a line.
    pub fn newline(&self) -> bool {
        self.flags & NEWLINE != 0
    }

    /// The gap before holds whitespace other than plain spaces (a line break, a tab, a
    /// no-break space).
    pub fn odd_gap(&self) -> bool {
        self.flags & ODD_GAP != 0
    }
}

/// One text (a title or a body) with its tokens and sentences, and an ASCII-lowercased copy
/// at the same byte offsets.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    text: &'a str,
    lower: String,
    tokens: Vec<Token>,
    /// Split on first use: the time grammar alone never needs them.
    sentences: OnceLock<Vec<Range<usize>>>,
    /// Every char is one byte: char offsets are byte offsets.
    ascii: bool,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        let (tokens, chars) = tokenise(text);
        Text { text, lower: text.to_ascii_lowercase(), tokens, sentences: OnceLock::new(), ascii: chars == text.len() }
    }

    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// The text with ASCII letters lowercased: the same byte offsets as the text.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Token `i` as written.
    pub fn str(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Byte ranges of the sentences ([`text::sentences`]), in order; split once, when first
    /// asked for.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| text::sentences(self.text))
    }

    /// The char offset of byte offset `byte` (a char boundary, at most the text's length).
    pub fn char_at(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let k = self.tokens.partition_point(|t| t.start <= byte);
        let (b, c) = k.checked_sub(1).map_or((0, 0), |k| (self.tokens[k].start, self.tokens[k].char_start));
        c + self.text.get(b..byte).map_or(0, |s| s.chars().count())
    }

    /// The byte offset of char offset `char` (the text's length past its end).
    pub fn byte_at(&self, char: usize) -> usize {
        if self.ascii {
            return char.min(self.text.len());
        }
        let k = self.tokens.partition_point(|t| t.char_start <= char);
        let (b, c) = k.checked_sub(1).map_or((0, 0), |k| (self.tokens[k].start, self.tokens[k].char_start));
        self.text[b..].char_indices().nth(char - c).map_or(self.text.len(), |(i, _)| b + i)
    }
}

/// What a char is, as bits: one table lookup for ASCII, the `char` methods for the rest.
const WHITE: u16 = 1;
const LINE_FEED: u16 = 2;
const RETURN: u16 = 4;
const SPACE: u16 = 8;
const ALNUM: u16 = 16;
const ALPHA: u16 = 32;
const UPPERCASE: u16 = 64;
const LOWERCASE: u16 = 128;
/// An ASCII digit.
const DIGIT: u16 = 256;
/// Alphabetic but not uppercase: a token with one is not all capitals.
const NOT_CAPITAL: u16 = 512;

/// [`class`] of each ASCII char, as `char::is_whitespace`, `is_alphanumeric`, … say.
const ASCII: [u16; 128] = {
    let mut table = [0u16; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\n' => WHITE | LINE_FEED,
            b'\r' => WHITE | RETURN,
            b' ' => WHITE | SPACE,
            b'\t' | 0x0b | 0x0c => WHITE,
            b'0'..=b'9' => ALNUM | DIGIT,
            b'A'..=b'Z' => ALNUM | ALPHA | UPPERCASE,
            b'a'..=b'z' => ALNUM | ALPHA | LOWERCASE | NOT_CAPITAL,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The class bits of a char that is not ASCII.
fn class(c: char) -> u16 {
    if c.is_whitespace() {
        return WHITE;
    }
    let mut bits = 0;
    if c.is_alphanumeric() {
        bits |= ALNUM;
    }
    if c.is_alphabetic() {
        bits |= ALPHA;
        if !c.is_uppercase() {
            bits |= NOT_CAPITAL;
        }
    }
    if c.is_uppercase() {
        bits |= UPPERCASE;
    }
    if c.is_lowercase() {
        bits |= LOWERCASE;
    }
    bits
}

/// The length and class of the char at byte `i` of `text`; ASCII straight from the bytes.
#[inline(always)]
fn at(text: &str, i: usize) -> (usize, u16) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (1, ASCII[usize::from(b)])
    } else {
        let c = text[i..].chars().next().expect("i is on a char boundary");
        (c.len_utf8(), class(c))
    }
}

/// The tokens of `text` and its number of chars, in one pass.
fn tokenise(text: &str) -> (Vec<Token>, usize) {
    let n = text.len();
    let mut out: Vec<Token> = Vec::with_capacity(n / 4);
    let (mut gap, mut gap_flags) = (Gap::Line, 0u8);
    let (mut para, mut i) = (0u32, 0usize);
    // Bytes after the first of every char so far: a byte offset less this is a char offset,
    // and ASCII text never counts.
    let mut extra = 0;
    while i < n {
        let (len, bits) = at(text, i);
        let (start, char_start) = (i, i - extra);
        i += len;
        extra += len - 1;
        if bits & WHITE != 0 {
            if bits & (LINE_FEED | RETURN) != 0 {
                gap = Gap::Line;
            } else if gap == Gap::Joined {
                gap = Gap::Space;
            }
            if bits & SPACE == 0 {
                gap_flags |= ODD_GAP;
            }
            if bits & LINE_FEED != 0 {
                gap_flags |= NEWLINE;
            }
            continue;
        }
        let mut flags = gap_flags;
        if bits & UPPERCASE != 0 {
            flags |= UPPER;
        } else if bits & LOWERCASE != 0 {
            flags |= LOWER;
        }
        let (kind, letters) = if bits & ALNUM != 0 {
            // Bits any char of the run has, bits all of them have.
            let (mut any, mut all) = (bits, bits);
            let mut letters = u32::from(bits & ALPHA != 0);
            while i < n {
                let (len, bits) = at(text, i);
                if bits & ALNUM == 0 {
                    break;
                }
                any |= bits;
                all &= bits;
                letters += u32::from(bits & ALPHA != 0);
                i += len;
                extra += len - 1;
            }
            if any & NOT_CAPITAL == 0 {
                flags |= CAPS;
            }
            let kind = match (bits & DIGIT != 0, all & DIGIT != 0) {
                (false, _) => Kind::Word,
                (true, true) => Kind::Number,
                (true, false) => Kind::Alnum,
            };
            (kind, u8::try_from(letters).unwrap_or(u8::MAX))
        } else {
            flags |= CAPS;
            (Kind::Punct, 0)
        };
        if flags & NEWLINE != 0 && !out.is_empty() {
            para += 1;
        }
        out.push(Token { start, end: i, char_start, para, kind, gap, flags, letters });
        (gap, gap_flags) = (Gap::Joined, 0);
    }
    (out, n - extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens written with their gap (`|` a line break, ` ` a space) and paragraph.
    fn check(input: &str, expected: &[&str]) {
        let t = Text::new(input);
        let got: Vec<String> = (0..t.tokens().len())
            .map(|i| {
                let tok = &t.tokens()[i];
                let sep = match tok.gap {
                    Gap::Joined => "",
                    Gap::Space => " ",
                    Gap::Line => "|",
                };
                format!("{sep}{}@{}", t.str(i), tok.para)
            })
            .collect();
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn tokens_gaps_and_paragraphs() {
        check("Sept. 30,\t1989", &["|Sept@0", ".@0", " 30@0", ",@0", " 1989@0"]);
        check("\n\nco-founder's\n\nU.S.", &["|co@0", "-@0", "founder@0", "'@0", "s@0", "|U@1", ".@1", "S@1", ".@1"]);
        check("Mär 3,1998 — über\r1st", &["|Mär@0", " 3@0", ",@0", "1998@0", " —@0", " über@0", "|1st@0"]);
    }

    #[test]
    fn kinds_and_flags() {
        let t = Text::new("Sept30 1990s 07 NUP U iPhone ß -");
        let kinds: Vec<Kind> = t.tokens().iter().map(|t| t.kind).collect();
        use Kind::*;
        assert_eq!(kinds, [Word, Alnum, Number, Word, Word, Word, Word, Punct]);
        let caps: Vec<bool> = t.tokens().iter().map(|t| t.all_upper() && t.letters() >= 2).collect();
        assert_eq!(caps, [false, false, false, true, false, false, false, false]);
        let upper: Vec<bool> = t.tokens().iter().map(Token::upper).collect();
        assert_eq!(upper, [true, false, false, true, true, false, false, false]);
        assert!(t.tokens()[5].lower() && !t.tokens()[7].lower());
        let spaced = Text::new("a b\u{a0}c\n\nd");
        let odd: Vec<bool> = spaced.tokens().iter().map(Token::odd_gap).collect();
        assert_eq!(odd, [false, false, true, true]);
        assert!(spaced.tokens()[3].newline() && !spaced.tokens()[2].newline());
    }

    #[test]
    fn char_and_byte_offsets_agree() {
        for s in
            ["plain ascii, no trouble", "Mär 3 — über «Zitat» 😀 end", "", "  ü  ", "\u{a0}ß\n\n«x»—y", "naïve café"]
        {
            let t = Text::new(s);
            for (c, (b, _)) in s.char_indices().enumerate() {
                assert_eq!(t.char_at(b), c, "{s:?} byte {b}");
                assert_eq!(t.byte_at(c), b, "{s:?} char {c}");
            }
            assert_eq!(t.char_at(s.len()), s.chars().count());
            assert_eq!(t.byte_at(s.chars().count()), s.len());
        }
    }

    #[test]
    fn sentences_are_those_of_text_sentences() {
        let s = "Mr. Adler met Dr. J. Kovac. They talked.\n\nA heading";
        assert_eq!(Text::new(s).sentences(), text::sentences(s).as_slice());
        let doc = Document::new(Some("Fire at Kessel"), s);
        assert_eq!(doc.title.map(|t| t.tokens().len()), Some(3));
    }
}
