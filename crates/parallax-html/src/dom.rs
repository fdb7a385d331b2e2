//! The document tree: html5ever's spec-compliant tree builder writing into a flat arena.
//!
//! Why html5ever and an arena of our own: saved news pages are tag soup (unclosed `<p>`s,
//! tables around everything, stray `</div>`s), and only the HTML5 tree-building algorithm
//! puts their text where a browser shows it; a streaming rewriter (lol_html) sees tags, not the
//! tree, and main-text extraction is a question about subtrees (how much text, how many links
//! under this element). html5ever parsed the dev pages at about 130 MB/s on one core; our sink
//! keeps that by storing nodes in one `Vec` with index links (no `Rc<RefCell>` per node as in
//! markup5ever_rcdom, no selector engine as in scraper), and by classifying each tag once, when
//! it is created. Nothing is ever serialised back to HTML.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// The document node's id.
pub(crate) const DOCUMENT: NodeId = 0;

/// What the extractor needs to know about a tag, decided once when the element is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Never text for a reader: scripts, styles, forms' controls, media, `<head>`.
    Skip,
    /// Ends a paragraph: `<p>`, `<div>`, `<li>`, `<td>`, `<section>`...
    Block,
    /// `<h1>`..`<h6>`.
    Heading(u8),
    Paragraph,
    ListItem,
    /// `<pre>`: whitespace kept.
    Pre,
    Br,
    Anchor,
    /// Figure captions: credits and descriptions, not the article's text.
    Caption,
    /// Page furniture by its very tag: `<nav>`, `<aside>`, `<footer>`, `<header>`, `<form>`'s
    /// controls are [`Tag::Skip`].
    Furniture,
    /// `<article>` / `<main>`: structural evidence for the main text.
    Main,
    /// `<table>` rows and cells: layout tables of older pages hold whole articles.
    Cell,
    Inline,
}

fn classify(name: &QualName) -> Tag {
    if name.ns != ns!(html) {
        return Tag::Skip;
    }
    match name.local {
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("head")
        | local_name!("title")
        | local_name!("svg")
        | local_name!("math")
        | local_name!("iframe")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("canvas")
        | local_name!("video")
        | local_name!("audio")
        | local_name!("select")
        | local_name!("option")
        | local_name!("button")
        | local_name!("textarea")
        | local_name!("input")
        | local_name!("label")
        | local_name!("map")
        | local_name!("dialog") => Tag::Skip,
        local_name!("p") => Tag::Paragraph,
        local_name!("h1") => Tag::Heading(1),
        local_name!("h2") => Tag::Heading(2),
        local_name!("h3") => Tag::Heading(3),
        local_name!("h4") => Tag::Heading(4),
        local_name!("h5") => Tag::Heading(5),
        local_name!("h6") => Tag::Heading(6),
        local_name!("li") | local_name!("dt") | local_name!("dd") => Tag::ListItem,
        local_name!("pre") => Tag::Pre,
        local_name!("br") => Tag::Br,
        local_name!("a") => Tag::Anchor,
        local_name!("figcaption") | local_name!("caption") => Tag::Caption,
        local_name!("nav") | local_name!("aside") | local_name!("footer") | local_name!("header") => Tag::Furniture,
        local_name!("article") | local_name!("main") => Tag::Main,
        local_name!("td") | local_name!("th") | local_name!("tr") | local_name!("table") => Tag::Cell,
        local_name!("div")
        | local_name!("section")
        | local_name!("blockquote")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("figure")
        | local_name!("center")
        | local_name!("address")
        | local_name!("hr")
        | local_name!("body")
        | local_name!("html")
        | local_name!("tbody")
        | local_name!("thead")
        | local_name!("tfoot")
        | local_name!("form")
        | local_name!("fieldset")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("frameset")
        | local_name!("frame")
        | local_name!("hgroup")
        | local_name!("menu")
        | local_name!("legend") => Tag::Block,
        _ => Tag::Inline,
    }
}

/// `html` with `</title>` inserted after the title's first line of text.
fn close_title(html: &str) -> Option<String> {
    let start = find_ascii_ci(html, "<title")?;
    let open_end = start + html[start..].find('>')? + 1;
    let end = open_end + html[open_end..].find(['\n', '<']).unwrap_or(html.len() - open_end);
    Some(format!("{}</title>{}", &html[..end], &html[end..]))
}

/// Byte offset of the first ASCII case-insensitive match of `needle` (ASCII) in `hay`.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: QualName,
    pub(crate) tag: Tag,
    pub(crate) attrs: Vec<Attribute>,
}

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }

    /// Whether the element is named `local` (an atom: `local_name!("td")`), compared as an
    /// interned id rather than as text.
    pub(crate) fn is(&self, local: &LocalName) -> bool {
        self.name.local == *local
    }
}

#[derive(Debug)]
pub(crate) enum Data {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: kept only so handles stay valid.
    Other,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: Option<NodeId>,
    pub(crate) children: Vec<NodeId>,
    pub(crate) data: Data,
}

impl Node {
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// A parsed document.
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
}

/// A `<title>` longer than this that holds markup was never closed: real titles are a line.
const MAX_TITLE_LEN: usize = 200;

impl Dom {
    /// Parses a whole document (a saved page).
    pub(crate) fn parse(html: &str) -> Dom {
        let dom = html5ever::parse_document(Sink::default(), Default::default()).one(html);
        // A `<title>` that is never closed (`</titavaScript"...`, pages mangled on their way to
        // the archive) makes the rest of the page title text, in a browser too. Close it at the
        // end of its first line and parse again.
        match dom.find(&local_name!("title")).map(|t| dom.text(t)) {
            Some(title) if title.len() > MAX_TITLE_LEN && title.contains("</") => match close_title(html) {
                Some(repaired) => html5ever::parse_document(Sink::default(), Default::default()).one(repaired),
                None => dom,
            },
            _ => dom,
        }
    }

    /// Parses a fragment as the content of a `<body>` (a feed item's HTML).
    pub(crate) fn parse_fragment(html: &str) -> Dom {
        let context = QualName::new(None, ns!(html), local_name!("body"));
        html5ever::parse_fragment(Sink::default(), Default::default(), context, Vec::new(), false).one(html)
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        self.nodes[id].element()
    }

    /// Elements in document order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = (NodeId, &Element)> {
        self.nodes.iter().enumerate().filter_map(|(i, n)| n.element().map(|e| (i, e)))
    }

    /// The first element named `local`, in document order.
    pub(crate) fn find(&self, local: &LocalName) -> Option<NodeId> {
        let mut stack = vec![DOCUMENT];
        while let Some(id) = stack.pop() {
            if self.element(id).is_some_and(|e| e.is(local)) {
                return Some(id);
            }
            stack.extend(self.nodes[id].children.iter().rev());
        }
        None
    }

    /// All text below `id` (scripts and styles included: callers pick their nodes).
    pub(crate) fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                Data::Text(t) => out.push_str(t),
                _ => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        out
    }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
}

impl Default for Sink {
    fn default() -> Sink {
        Sink { nodes: RefCell::new(vec![Node { parent: None, children: Vec::new(), data: Data::Document }]) }
    }
}

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node { parent: None, children: Vec::new(), data });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        if let Some(parent) = nodes[id].parent.take() {
            nodes[parent].children.retain(|&c| c != id);
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes.into_inner() }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element(e) => &e.name,
            // The tree builder asks only for elements' names (TreeSink's contract).
            _ => unreachable!("elem_name on a non-element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        let tag = classify(&name);
        self.push(Data::Element(Element { name, tag, attrs }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendText(text) => {
                if let Some(&last) = nodes[*parent].children.last() {
                    if let Data::Text(t) = &mut nodes[last].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(Node { parent: Some(*parent), children: Vec::new(), data: Data::Text(text) });
                let id = nodes.len() - 1;
                nodes[*parent].children.push(id);
            }
            NodeOrText::AppendNode(id) => {
                Sink::detach(&mut nodes, id);
                nodes[id].parent = Some(*parent);
                nodes[*parent].children.push(id);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents are never text for a reader: the template element stands in for its
        // own contents fragment.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(parent) = nodes[*sibling].parent else { return };
        let Some(pos) = nodes[parent].children.iter().position(|c| c == sibling) else { return };
        match new_node {
            NodeOrText::AppendText(text) => {
                if pos > 0 {
                    let prev = nodes[parent].children[pos - 1];
                    if let Data::Text(t) = &mut nodes[prev].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(Node { parent: Some(parent), children: Vec::new(), data: Data::Text(text) });
                let id = nodes.len() - 1;
                nodes[parent].children.insert(pos, id);
            }
            NodeOrText::AppendNode(id) => {
                Sink::detach(&mut nodes, id);
                // Detaching may have shifted the sibling's position.
                let pos = nodes[parent].children.iter().position(|c| c == sibling).unwrap_or(0);
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(pos, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let Data::Element(e) = &mut self.nodes.borrow_mut()[*target].data {
            for a in attrs {
                if !e.attrs.iter().any(|b| b.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}
