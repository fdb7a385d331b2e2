//! Body text to paragraphs: blank-line blocks, hard-wrapped lines re-joined, and sentences
//! that a scraper glued together (`...the ministry."The spokesman`) split where the glue was.

/// Sentence openers that mark a glue point even without punctuation (`...the talksThe
/// minister`): only these, because camel-case names (McDonald, DeSantis) look the same.
const GLUE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Officials",
    "However",
    "According",
];

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

/// Drops control and zero-width characters, turns exotic spaces into plain ones, collapses
/// runs of spaces and trims every line.
fn normalise(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    // Most lines are plain ASCII with single spaces: copy them whole.
    let plain = |l: &str| l.bytes().all(|b| (0x20..0x7f).contains(&b)) && !l.contains("  ");
    if body.split('\n').all(plain) {
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
        if ends_clause(line) && line.chars().count() * 10 < max * 7 {
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
    let open_long = inner.iter().filter(|l| len(l) >= 40 && !ends_clause(l)).count();
    if open_long * 10 < inner.len() * 6 {
        return false;
    }
    let lower_next = lines[1..].iter().filter(|l| l.starts_with(char::is_lowercase)).count() * 2 >= inner.len();
    let max = inner.iter().map(len).max().unwrap_or(0);
    let even = inner.len() >= 2 && inner.iter().all(|l| len(l) * 4 >= max * 3);
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
fn split_glue(line: &str, out: &mut Vec<String>) {
    if !may_have_glue(line.as_bytes()) {
        push_para(line, out);
        return;
    }
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for k in 1..chars.len() {
        let (i, c) = chars[k];
        let prev = chars[k - 1].1;
        let terminator = matches!(c, '.' | '!' | '?' | ':');
        let glue_left = prev.is_lowercase() || (c != ':' && (prev.is_ascii_digit() || matches!(prev, ')' | '%')));
        let split_at = if terminator && glue_left {
            // Skip closing quotes after the terminator: `."The`.
            let mut j = k + 1;
            if c != ':' {
                while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'') {
                    // A straight quote closes only when one was opened since the last split;
                    // otherwise it opens the next sentence: `districts."We were lucky,"`.
                    if chars[j].1 == '"' && line[start..i].matches('"').count() % 2 == 0 {
                        break;
                    }
                    j += 1;
                }
            }
            let opens = match (chars.get(j), chars.get(j + 1)) {
                (Some(&(_, n)), Some(&(_, n2))) => {
                    (n.is_uppercase() && n2.is_lowercase()) || (matches!(n, '“' | '"') && n2.is_uppercase())
                }
                _ => false,
            };
            // A colon glue needs a real word before it ("are:First"), not "https:" or "10:30".
            let word_before = c != ':' || word_len_before(&chars, k) >= 2;
            (opens && word_before && !is_domain_or_initials(&chars, k)).then(|| chars[j].0)
        } else if c.is_uppercase() && prev.is_lowercase() && word_len_before(&chars, k) >= 4 {
            let rest = &line[i..];
            GLUE_OPENERS.iter().any(|w| rest.starts_with(w) && rest[w.len()..].starts_with(' ')).then_some(i)
        } else {
            None
        };
        if let Some(at) = split_at {
            if at > start {
                push_para(&line[start..at], out);
                start = at;
            }
        }
    }
    push_para(&line[start..], out);
}

/// A cheap byte scan that rules out glue in most lines: glue needs a terminator or colon with no
/// space after it, or a lowercase letter right before a capital.
fn may_have_glue(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| match w[0] {
        b'.' | b'!' | b'?' | b':' => !w[1].is_ascii_whitespace(),
        b'a'..=b'z' => w[1].is_ascii_uppercase(),
        // A non-ASCII lowercase letter run into a capital ("caféThe") is left alone: rare, and
        // testing for it would send every line with a curly quote to the full scan.
        _ => false,
    })
}

/// Lowercase letters right before position `k` (the length of the word the glue ends).
fn word_len_before(chars: &[(usize, char)], k: usize) -> usize {
    chars[..k].iter().rev().take_while(|(_, c)| c.is_alphabetic()).count()
}

/// `www.Example.com`, `U.S.Army`, `e.g.The`: a token that has another period between letters
/// (or a slash, or an at sign) is an address or initials, not glued sentences.
fn is_domain_or_initials(chars: &[(usize, char)], k: usize) -> bool {
    let start = chars[..k].iter().rposition(|(_, c)| c.is_whitespace()).map_or(0, |p| p + 1);
    let end = chars[k..].iter().position(|(_, c)| c.is_whitespace()).map_or(chars.len(), |p| p + k);
    (start..end).any(|m| {
        let c = chars[m].1;
        c == '/'
            || c == '@'
            || (m != k
                && c == '.'
                && m > start
                && m + 1 < end
                && chars[m - 1].1.is_alphabetic()
                && chars[m + 1].1.is_alphabetic())
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
}
