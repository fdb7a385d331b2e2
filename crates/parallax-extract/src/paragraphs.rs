//! Body text to paragraphs: blank-line blocks, hard-wrapped lines re-joined, and sentences
//! that a scraper glued together (`...the ministry."The spokesman`) split where the glue was.

use parallax_core::lexicon;

/// A hard-wrapped block's line that ends a clause and is shorter than this share (in percent) of
/// the longest line ends its paragraph: wrapping fills lines, a paragraph's last line is short.
const PARAGRAPH_END_PERCENT: usize = 70;
/// Chars from which a line counts as long when telling wrapped text from a list of lines.
const WRAPPED_MIN_LINE: usize = 40;
/// Share (in percent) of a block's inner lines that must be long and stop mid-sentence for the
/// block to be hard-wrapped prose; a headline list ends its lines.
const WRAPPED_OPEN_PERCENT: usize = 60;
/// Every inner line at least this share (in percent) of the longest: evenly filled, wrapped.
const EVEN_LINE_PERCENT: usize = 75;
/// Letters of the lowercase word before a glued opener ("talksThe"): shorter runs are names
/// written in camel case ("McDonald") or initials.
const GLUE_MIN_WORD: usize = 4;

/// Splits `body` into paragraphs: normalised whitespace, invisible characters dropped,
/// hard-wrapped lines joined, glued sentences split into paragraphs of their own.
pub(crate) fn paragraphs(body: &str) -> Vec<String> {
    let normalised = normalise(body);
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in normalised.split('\n') {
        if line.is_empty() {
            flush_block(&block, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    flush_block(&block, &mut out);
    out
}

/// The paragraphs of an HTML page's blocks: each block as a body of its own (a block may hold
/// line breaks, from `<br>` or `<pre>`), so a paragraph never spans two blocks — as when the
/// blocks were joined with blank lines, without building and re-splitting that text.
pub(crate) fn of_blocks(blocks: &[String]) -> Vec<String> {
    blocks.iter().flat_map(|b| paragraphs(b)).collect()
}

/// Drops control and zero-width characters, turns exotic spaces into plain ones, collapses
/// runs of spaces and trims every line.
fn normalise(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    // Most text needs nothing but trimming: copy it line by line.
    if is_plain(body.as_bytes()) {
        for (i, l) in body.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(l.trim());
        }
        return out;
    }
    let mut line = String::new();
    for c in body.chars() {
        match c {
            '\n' => {
                out.push_str(line.trim());
                out.push('\n');
                line.clear();
            }
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => push_space(&mut line),
            '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() => {}
            ' ' => push_space(&mut line),
            c => line.push(c),
        }
    }
    out.push_str(line.trim());
    out
}

/// No control characters, odd or invisible spaces, tabs or double spaces: found on the bytes,
/// since this decides whether every char of the body must be looked at.
fn is_plain(b: &[u8]) -> bool {
    if b.windows(2).any(|w| w == b"  ") {
        return false;
    }
    let ordinary = |c: u8| (0x20..0x7f).contains(&c) || c == b'\n';
    let mut i = 0;
    while i < b.len() {
        // Skip runs of ordinary ASCII in one (vectorisable) scan.
        match b[i..].iter().position(|&c| !ordinary(c)) {
            None => return true,
            Some(p) => i += p,
        }
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let odd = match b[i] {
            0..=0x1f | 0x7f => true,
            // U+0080-U+009F (C1 controls), U+00A0 (no-break space), U+00AD (soft hyphen).
            0xc2 => matches!(next(1), 0x80..=0xa0 | 0xad),
            // U+2000-U+200B, U+202F, U+205F, U+2060.
            0xe2 => matches!((next(1), next(2)), (0x80, 0x80..=0x8b | 0xaf) | (0x81, 0x9f | 0xa0)),
            // U+3000, U+FEFF.
            0xe3 => next(1) == 0x80 && next(2) == 0x80,
            0xef => next(1) == 0xbb && next(2) == 0xbf,
            _ => false,
        };
        if odd {
            return false;
        }
        i += 1;
    }
    true
}

fn push_space(line: &mut String) {
    if !line.ends_with(' ') {
        line.push(' ');
    }
}

/// A block is hard-wrapped when most of its lines run long and stop mid-sentence, and they are
/// of even length or run on in lowercase; then its lines are one paragraph (broken again after a
/// short line that ends a sentence). Otherwise each line is a paragraph of its own, as scrapers
/// write one `<p>` per line: a headline list or a bulleted list is never joined.
fn flush_block(lines: &[&str], out: &mut Vec<String>) {
    if lines.is_empty() {
        return;
    }
    if !is_wrapped(lines) {
        for line in lines {
            split_glue(line, out);
        }
        return;
    }
    let max = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut para = String::new();
    for line in lines {
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(line);
        if ends_clause(line) && line.chars().count() * 100 < max * PARAGRAPH_END_PERCENT {
            split_glue(&para, out);
            para.clear();
        }
    }
    if !para.is_empty() {
        split_glue(&para, out);
    }
}

fn is_wrapped(lines: &[&str]) -> bool {
    let inner = &lines[..lines.len() - 1];
    if inner.is_empty() || lines.iter().any(|l| is_bullet(l)) {
        return false;
    }
    let len = |l: &&str| l.chars().count();
    let open_long = inner.iter().filter(|l| len(l) >= WRAPPED_MIN_LINE && !ends_clause(l)).count();
    if open_long * 100 < inner.len() * WRAPPED_OPEN_PERCENT {
        return false;
    }
    let lower_next = lines[1..].iter().filter(|l| l.starts_with(char::is_lowercase)).count() * 2 >= inner.len();
    let max = inner.iter().map(len).max().unwrap_or(0);
    let even = inner.len() >= 2 && inner.iter().all(|l| len(l) * 100 >= max * EVEN_LINE_PERCENT);
    lower_next || even
}

/// "- item", "• item", "1. item", "2) item".
pub(crate) fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '•' | '*' | '–' | '·' | '▪' | '◦' | '‣') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && line.len() - rest.len() <= 2
        }
        _ => false,
    }
}

fn ends_clause(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', '…', ']'])
}

/// Splits a line at glue points into paragraphs: a sentence end (`.`, `!`, `?`, with closing
/// quotes) or a colon after a lowercase letter, run straight into a capitalised word; or a
/// lowercase word run into a common sentence opener (`talksThe `).
///
/// Scans bytes and decodes chars only around the rare candidate positions: this runs on every
/// line of every article.
fn split_glue(line: &str, out: &mut Vec<String>) {
    let b = line.as_bytes();
    let mut start = 0;
    for i in 1..b.len() {
        let split = match b[i] {
            b'.' | b'!' | b'?' | b':' if i + 1 < b.len() && !b[i + 1].is_ascii_whitespace() => {
                glue_after_terminator(line, start, i)
            }
            b'A'..=b'Z' if b[i - 1].is_ascii_lowercase() => glue_before_opener(line, i),
            _ => None,
        };
        if let Some(at) = split.filter(|&at| at > start) {
            push_para(&line[start..at], out);
            start = at;
        }
    }
    push_para(&line[start..], out);
}

/// The split position when the terminator at byte `i` glues two sentences.
fn glue_after_terminator(line: &str, start: usize, i: usize) -> Option<usize> {
    let c = line.as_bytes()[i];
    let prev = line[..i].chars().next_back()?;
    let glue_left = prev.is_lowercase() || (c != b':' && (prev.is_ascii_digit() || matches!(prev, ')' | '%')));
    if !glue_left {
        return None;
    }
    let mut rest = line[i + 1..].char_indices().peekable();
    if c != b':' {
        // Closing quotes stay with the sentence they close: `."The`. A straight quote closes
        // only when one was opened since the last split; otherwise it opens the next sentence.
        while let Some(&(_, q)) = rest.peek() {
            let closing = matches!(q, '”' | '’' | '\'') || (q == '"' && line[start..i].matches('"').count() % 2 == 1);
            if !closing {
                break;
            }
            rest.next();
        }
    }
    let (offset, n) = rest.next()?;
    let (_, n2) = rest.next()?;
    let opens = (n.is_uppercase() && n2.is_lowercase()) || (matches!(n, '“' | '"') && n2.is_uppercase());
    // A colon glue needs a real word before it ("are:First"), not "https:" or "10:30".
    let word_before = c != b':' || line[..i].chars().rev().take_while(|c| c.is_alphabetic()).count() >= 2;
    (opens && word_before && !is_domain_or_initials(line, i)).then_some(i + 1 + offset)
}

/// The split position when a lowercase word runs into a common sentence opener at byte `i`.
fn glue_before_opener(line: &str, i: usize) -> Option<usize> {
    let word_before = line[..i].chars().rev().take_while(|c| c.is_alphabetic()).count();
    let rest = &line[i..];
    // Only the openers listed, capitalised ("The", not "THE"): camel-case names (McDonald,
    // DeSantis) look the same as glue.
    let opener = rest.split_once(' ').is_some_and(|(first, _)| {
        let mut chars = first.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && !chars.any(|c| c.is_uppercase())
            && lexicon::GLUE_OPENERS.contains_ignore_ascii_case(first)
    });
    (word_before >= GLUE_MIN_WORD && opener).then_some(i)
}

/// `www.Example.com`, `U.S.Army`, `e.g.The`: a token that has another period between letters
/// (or a slash, or an at sign) is an address or initials, not glued sentences.
fn is_domain_or_initials(line: &str, i: usize) -> bool {
    let token_start = line[..i].rfind(char::is_whitespace).map_or(0, |p| p + 1);
    let token_end = line[i..].find(char::is_whitespace).map_or(line.len(), |p| p + i);
    let token = &line.as_bytes()[token_start..token_end];
    let k = i - token_start;
    (0..token.len()).any(|m| {
        let c = token[m];
        let between_letters =
            m > 0 && m + 1 < token.len() && token[m - 1].is_ascii_alphabetic() && token[m + 1].is_ascii_alphabetic();
        c == b'/' || c == b'@' || (m != k && c == b'.' && between_letters)
    })
}

fn push_para(s: &str, out: &mut Vec<String>) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(paragraphs(input), expected, "{input:?}");
    }

    #[test]
    fn blocks_and_lines() {
        check("One.\n\nTwo.\nThree.\n\n\n  Four  ", &["One.", "Two.", "Three.", "Four"]);
    }

    #[test]
    fn hard_wrapped_lines_rejoin() {
        check(
            "The ministry said on Tuesday that the talks would go on\nfor at least another week, and that both sides were\ncommitted to a deal.\n\nNext.",
            &["The ministry said on Tuesday that the talks would go on for at least another week, and that both sides were committed to a deal.", "Next."],
        );
    }

    #[test]
    fn glued_sentences_split() {
        check(
            "He said: \"Talks go on with the ministry.\"The spokesman added more.",
            &["He said: \"Talks go on with the ministry.\"", "The spokesman added more."],
        );
        check(
            "Two districts were evacuated.\"We were lucky,\" she said.",
            &["Two districts were evacuated.", "\"We were lucky,\" she said."],
        );
        check("The measures are:First, a ban.", &["The measures are:", "First, a ban."]);
        check("It rained on Tuesday.Officials said so.", &["It rained on Tuesday.", "Officials said so."]);
        check("It ended in talksThe minister left.", &["It ended in talks", "The minister left."]);
        check("Prices rose 3.5%.Markets fell.", &["Prices rose 3.5%.", "Markets fell."]);
    }

    #[test]
    fn no_false_glue() {
        check(
            "Visit www.Example.com or the U.S.Army site at 10:30.",
            &["Visit www.Example.com or the U.S.Army site at 10:30."],
        );
        check("McDonald met DeSantis and LeBron.", &["McDonald met DeSantis and LeBron."]);
        check("See https://x.example/Path now.", &["See https://x.example/Path now."]);
    }

    #[test]
    fn lists_and_headline_blocks_stay_apart() {
        check(
            "Related stories\nDorrik farmer released after six hours in custody\nVasko summons the ambassador over the Tarn Valley fence\nElection 2026: where the parties stand on the border",
            &["Related stories", "Dorrik farmer released after six hours in custody", "Vasko summons the ambassador over the Tarn Valley fence", "Election 2026: where the parties stand on the border"],
        );
        check("KEY POINTS\n• The ruling party remains the largest with 68 seats\n• Turnout rose to 63 percent across the country", &["KEY POINTS", "• The ruling party remains the largest with 68 seats", "• Turnout rose to 63 percent across the country"]);
        check(
            "A headline of some length that has no full stop\nJane Roe",
            &["A headline of some length that has no full stop", "Jane Roe"],
        );
    }

    #[test]
    fn invisible_and_odd_spaces() {
        check("A\u{200b}b\u{a0}\u{a0}c\td\u{7}", &["Ab c d"]);
    }

    proptest::proptest! {
        /// An HTML page's blocks handed over one by one split as their text joined with blank
        /// lines would (what the cleaner did before the hand-over).
        #[test]
        fn blocks_split_as_their_joined_text(blocks in proptest::collection::vec(
            "([A-Za-z.,:\"]{1,6}|The|[ \n\t\u{a0}\u{ad}\u{200b}\r]){0,24}", 0..6,
        )) {
            proptest::prop_assert_eq!(of_blocks(&blocks), paragraphs(&blocks.join("\n\n")));
        }
    }
}
