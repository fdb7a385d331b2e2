//! Text blocks: the page's visible text cut where a browser would start a new line of text
//! (block-level elements, a double `<br>`), each with the counts the content search weighs:
//! words, words inside links, sentence punctuation, and the element that owns it.
//!
//! Whitespace is collapsed as a browser renders it (except in `<pre>`); inline elements join
//! their text without spaces, as they do on screen. Invisible subtrees (scripts, forms' controls,
//! `hidden`, `display:none`) give no blocks at all.

use html5ever::local_name;

use crate::dom::{Data, Dom, Element, NodeId, Tag};

/// What kind of element a block's text sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Heading(u8),
    ListItem,
    Pre,
    Caption,
}

#[derive(Debug)]
pub(crate) struct Block {
    pub(crate) text: String,
    pub(crate) words: u32,
    /// Words inside `<a href>`.
    pub(crate) link_words: u32,
    /// `.`, `!`, `?`, `,`, `;`, `:` outside links: sentences, not menu labels.
    pub(crate) punct: u32,
    /// The innermost block-level element around the text.
    pub(crate) owner: NodeId,
    pub(crate) kind: Kind,
}

impl Block {
    pub(crate) fn link_density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.link_words as f32 / self.words as f32
        }
    }
}

/// Elements that start a block of their own.
pub(crate) fn is_block(tag: Tag) -> bool {
    !matches!(tag, Tag::Inline | Tag::Anchor | Tag::Br | Tag::Skip)
}

/// Whether an element is invisible to a reader whatever its tag.
pub(crate) fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    // Class names that mean "not shown" in every CSS framework; `hidden-xs` style responsive
    // classes only hide on some screens and are not listed.
    e.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace().any(|t| {
            matches!(
                t.to_ascii_lowercase().as_str(),
                "hidden"
                    | "hide"
                    | "sr-only"
                    | "visually-hidden"
                    | "visuallyhidden"
                    | "screen-reader-text"
                    | "offscreen"
            )
        })
    })
}

struct Builder {
    text: String,
    words: u32,
    link_words: u32,
    punct: u32,
    in_word: bool,
    space: bool,
    breaks: u8,
}

impl Builder {
    fn new() -> Builder {
        Builder { text: String::new(), words: 0, link_words: 0, punct: 0, in_word: false, space: false, breaks: 0 }
    }

    fn push_text(&mut self, s: &str, in_link: bool, pre: bool) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{a0}' {
                self.in_word = false;
                if pre && c == '\n' {
                    if !self.text.is_empty() {
                        self.text.push('\n');
                    }
                    self.space = false;
                } else {
                    self.space = true;
                }
                continue;
            }
            if c.is_control() || c == '\u{200b}' || c == '\u{feff}' {
                continue;
            }
            if self.breaks > 0 && !self.text.is_empty() {
                self.text.push('\n');
            } else if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.breaks = 0;
            self.text.push(c);
            if is_cjk(c) {
                // Chinese and Japanese write no spaces: each character weighs as a word.
                self.words += 1;
                self.link_words += u32::from(in_link);
                self.in_word = false;
            } else if c.is_alphanumeric() {
                if !self.in_word {
                    self.words += 1;
                    if in_link {
                        self.link_words += 1;
                    }
                }
                self.in_word = true;
            } else {
                self.in_word = c == '\'' || c == '’' || c == '-';
                if !in_link && matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '。' | '、' | '，' | '！' | '？') {
                    self.punct += 1;
                }
            }
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Longest text of a table row still read as one line of a data table.
const MAX_DATA_ROW_CHARS: usize = 300;

/// A table row whose cells hold only short inline content (a data table: standings, prices),
/// as opposed to a layout row whose cells hold the page's columns (blocks, line breaks, long
/// text).
fn is_data_row(dom: &Dom, tr: NodeId) -> bool {
    let mut stack: Vec<NodeId> = dom.nodes[tr].children.clone();
    let mut chars = 0;
    while let Some(id) = stack.pop() {
        match &dom.nodes[id].data {
            Data::Text(t) => {
                chars += t.len();
                if chars > MAX_DATA_ROW_CHARS {
                    return false;
                }
            }
            Data::Element(e) => {
                let cell = e.is(&local_name!("td")) || e.is(&local_name!("th"));
                if (is_block(e.tag) && !cell) || e.tag == Tag::Br || e.is(&local_name!("table")) {
                    return false;
                }
                stack.extend(&dom.nodes[id].children);
            }
            _ => {}
        }
    }
    true
}

/// Whether `id` is a cell of the data row `row`.
fn is_cell_of(dom: &Dom, id: NodeId, row: Option<NodeId>) -> bool {
    row.is_some()
        && dom.nodes[id].parent == row
        && dom.element(id).is_some_and(|e| e.is(&local_name!("td")) || e.is(&local_name!("th")))
}

enum Step {
    Enter(NodeId),
    Exit(NodeId),
}

/// The blocks below `root`, in document order.
pub(crate) fn blocks(dom: &Dom, root: NodeId) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = Builder::new();
    // Block-level ancestors, innermost last, with the kind their text gets.
    let mut owners: Vec<(NodeId, Kind)> = vec![(root, Kind::Text)];
    let mut links = 0usize;
    let mut pre = 0usize;
    // Rows of data tables being walked: their cells are words of one line, not blocks.
    let mut data_rows: Vec<NodeId> = Vec::new();
    let mut stack = vec![Step::Enter(root)];
    let flush = |cur: &mut Builder, owners: &[(NodeId, Kind)], out: &mut Vec<Block>| {
        let b = std::mem::replace(cur, Builder::new());
        let text = b.text.trim();
        if b.words > 0 || text.chars().any(char::is_alphanumeric) {
            let (owner, kind) = owners.last().copied().unwrap_or((root, Kind::Text));
            let text = if text.len() == b.text.len() { b.text } else { text.to_string() };
            out.push(Block { text, words: b.words, link_words: b.link_words, punct: b.punct, owner, kind });
        }
    };
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(id) => match &dom.nodes[id].data {
                Data::Text(t) => cur.push_text(t, links > 0, pre > 0),
                Data::Element(e) => {
                    if id != root && (e.tag == Tag::Skip || is_hidden(e)) {
                        continue;
                    }
                    match e.tag {
                        Tag::Br => {
                            cur.breaks += 1;
                            cur.in_word = false;
                            // A blank line between two runs of text: two paragraphs.
                            if cur.breaks >= 2 && !cur.text.is_empty() {
                                flush(&mut cur, &owners, &mut out);
                            }
                            continue;
                        }
                        Tag::Anchor if e.attr("href").is_some() => links += 1,
                        Tag::Pre => pre += 1,
                        _ => {}
                    }
                    let cell_in_row = is_cell_of(dom, id, data_rows.last().copied());
                    if e.is(&local_name!("tr")) && is_data_row(dom, id) {
                        data_rows.push(id);
                    }
                    if cell_in_row {
                        cur.space = true;
                    } else if is_block(e.tag) {
                        flush(&mut cur, &owners, &mut out);
                        let inherited = owners.last().map_or(Kind::Text, |o| o.1);
                        let kind = match e.tag {
                            Tag::Heading(n) => Kind::Heading(n),
                            Tag::ListItem => Kind::ListItem,
                            Tag::Pre => Kind::Pre,
                            Tag::Caption => Kind::Caption,
                            _ if matches!(inherited, Kind::Caption | Kind::Pre) => inherited,
                            _ => Kind::Text,
                        };
                        owners.push((id, kind));
                    }
                    stack.push(Step::Exit(id));
                    stack.extend(dom.nodes[id].children.iter().rev().map(|&c| Step::Enter(c)));
                }
                Data::Document => {
                    stack.push(Step::Exit(id));
                    stack.extend(dom.nodes[id].children.iter().rev().map(|&c| Step::Enter(c)));
                }
                Data::Other => {}
            },
            Step::Exit(id) => {
                let Some(e) = dom.element(id) else { continue };
                match e.tag {
                    Tag::Anchor if e.attr("href").is_some() => links = links.saturating_sub(1),
                    Tag::Pre => pre = pre.saturating_sub(1),
                    _ => {}
                }
                if data_rows.last() == Some(&id) {
                    data_rows.pop();
                }
                if is_cell_of(dom, id, data_rows.last().copied()) {
                    cur.space = true;
                } else if is_block(e.tag) {
                    flush(&mut cur, &owners, &mut out);
                    owners.pop();
                } else if e.tag == Tag::Inline && e.is(&local_name!("img")) {
                    cur.space = true;
                }
            }
        }
    }
    flush(&mut cur, &owners, &mut out);
    out
}
