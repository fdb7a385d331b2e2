//! Scraping junk, recognised one paragraph at a time by what it says and how it is shaped.
//!
//! The patterns name kinds of junk (error pages, consent banners, share widgets, "ALSO READ"
//! links, syndication disclaimers…) in the words every site uses for them, never strings of one
//! site. Where a paragraph sits decides how much evidence is needed: the cleaner trusts
//! [`Strength::Anywhere`] matches in the middle of a body, [`Strength::Edge`] ones only before
//! the first and after the last real paragraph.

use std::sync::LazyLock;

use parallax_core::lexicon;
use regex::{Regex, RegexSet};

/// What kind of junk a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Junk {
    ErrorPage,
    Consent,
    Account,
    Navigation,
    SectionLabel,
    Label,
    ReadMore,
    /// "Related stories", "More from…": what follows is headlines, not body.
    RelatedHeader,
    /// "Comments", "Leave a comment": everything after is readers' text.
    CommentsHeader,
    Share,
    Photo,
    Newsletter,
    Advert,
    Disclaimer,
    Credit,
    Tags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    /// So specific that it is junk wherever it stands.
    Anywhere,
    /// Junk only in the run of non-body paragraphs at the top or bottom.
    Edge,
}

/// Longest paragraph a junk pattern is tried on: boilerplate is short, and an article that
/// discusses cookies or a website outage in full sentences must keep them.
const MAX_JUNK_CHARS: usize = 400;

/// A paragraph that reports speech is news, not junk, from this many chars: a short one ("Share
/// this, he said") is still a widget.
const REPORTING_MIN_CHARS: usize = 60;
/// In a paragraph that reports speech, only patterns made for short lines (at most this long)
/// still call it junk: the long patterns (consent, error pages) would eat a news sentence.
const REPORTED_JUNK_MAX_CHARS: usize = 120;
/// Longest line read as a section label ("World", "Europe News"): labels are a word or three.
const MAX_SECTION_LABEL: usize = 40;

struct Pattern {
    junk: Junk,
    strength: Strength,
    max_chars: usize,
    regex: &'static str,
}

const fn p(junk: Junk, strength: Strength, max_chars: usize, regex: &'static str) -> Pattern {
    Pattern { junk, strength, max_chars, regex }
}

use Junk::*;
use Strength::*;

static PATTERNS: &[Pattern] = &[
    // Error and block pages.
    p(ErrorPage, Anywhere, 120, r"^(?:error|http(?:/\d(?:\.\d)?)?)\s*:?\s*[1-5]\d\d\b"),
    p(
        ErrorPage,
        Anywhere,
        120,
        r"^[45]\d\d\s*[:\-–—]?\s*(?:error|forbidden|not found|unauthori[sz]ed|bad request|gone|service unavailable|internal server error|too many requests)",
    ),
    p(ErrorPage, Anywhere, 200, r"^oops\b"),
    p(ErrorPage, Anywhere, 200, r"\bsomething went wrong\b"),
    p(
        ErrorPage,
        Anywhere,
        250,
        r"\b(?:page|article|content|story|site|resource|file)\b[^.]{0,40}\b(?:could not|cannot|can ?not|couldn't|can't|was not|wasn't) be (?:found|displayed|loaded|reached)",
    ),
    p(ErrorPage, Anywhere, 200, r"^(?:sorry[,!.]?\s*)?(?:page|article) not found\b|^not found\.?$"),
    p(
        ErrorPage,
        Anywhere,
        200,
        r"^access (?:denied|forbidden)\b|^forbidden\.?$|you (?:don't|do not) have permission to access",
    ),
    p(
        ErrorPage,
        Anywhere,
        250,
        r"\b(?:enable|turn on|activate) (?:your )?javascript\b|\bjavascript is (?:disabled|required|not enabled|turned off)",
    ),
    p(
        ErrorPage,
        Anywhere,
        250,
        r"\b(?:are you a robot|verify (?:that )?you(?:'re| are)(?: a)? human|checking your browser|complete the security check|unusual traffic from your)",
    ),
    p(
        ErrorPage,
        Anywhere,
        250,
        r"\b(?:disable|turn off|pause) (?:your )?ad ?-?blocker|\bad ?-?blocker (?:detected|is (?:on|enabled))",
    ),
    p(ErrorPage, Edge, 200, r"\b(?:please )?try again later\b|^(?:loading|please wait)\W*$"),
    p(
        ErrorPage,
        Edge,
        200,
        r"\brequest (?:could not|cannot) be (?:satisfied|processed)|\btemporarily unavailable\b|\bunder maintenance\b",
    ),
    // Consent banners.
    p(
        Consent,
        Anywhere,
        MAX_JUNK_CHARS,
        r"\bcookies?\b.{0,200}\b(?:accept|consent|agree|preferences|settings|policy|improve your (?:experience|browsing))|\b(?:we|this (?:site|website)) uses? cookies\b",
    ),
    p(
        Consent,
        Anywhere,
        200,
        r"^(?:accept(?: all)?(?: cookies)?|reject all|manage (?:preferences|settings|cookies|consent)|cookie (?:settings|policy|preferences)|we value your privacy|privacy (?:settings|preferences))\b",
    ),
    p(
        Consent,
        Anywhere,
        120,
        r"\bprivacy policy\b.{0,40}\bterms (?:of (?:use|service)|and conditions)\b|\bterms (?:of (?:use|service)|and conditions)\b.{0,40}\bprivacy policy\b",
    ),
    // Newsletters and promos.
    p(
        Newsletter,
        Anywhere,
        250,
        r"\b(?:sign up|subscribe|register)\b[^.!?]{0,60}\bnewsletters?\b|\bnewsletters?\b[^.!?]{0,60}\b(?:sign up|subscribe|inbox|delivered)\b|\b(?:delivered|straight|direct) to your inbox\b",
    ),
    p(
        Newsletter,
        Anywhere,
        120,
        r"^(?:click|tap) here\b|^(?:get|receive) (?:the latest|our|breaking)\b[^.!?]{0,60}\b(?:alerts?|updates|notifications)\b",
    ),
    // Account and paywall prompts.
    p(
        Account,
        Edge,
        80,
        r"^(?:sign in|sign up|log ?in|log out|register|my account|create (?:an|a free|your) account|already a (?:subscriber|member)|subscribe(?: now| today| here)?|subscriber[s]? only|become a (?:member|subscriber)|donate|support (?:our|independent|quality) journalism)\b[^.]{0,60}$",
    ),
    p(
        Account,
        Anywhere,
        200,
        r"\b(?:to continue reading|to read the full (?:article|story)|this (?:article|content) is (?:for|available to|reserved for) (?:subscribers|members)|you have reached your (?:free )?(?:article )?limit|unlock (?:this|full) (?:article|access)|start your free trial)\b",
    ),
    p(
        Account,
        Edge,
        160,
        r"^(?:listen|watch|tune in)\b[^.!?]{0,80}\b(?:report|podcast|programme|program|bulletin|show|video|live|episode)\b",
    ),
    p(
        Account,
        Anywhere,
        100,
        r"^(?:download|get|open in) (?:the|our) app\b|^listen to (?:this )?(?:article|story)\b|^\d+\s*min(?:ute)?s? read$|^reading time\b",
    ),
    // Navigation crumbs and menus.
    p(
        Navigation,
        Edge,
        160,
        r"^home\s*(?:[>/|»›:]|$)|^(?:skip to (?:main )?content|main menu|menu|search|close|back to top|top of page|jump to)\b\W*$",
    ),
    p(Navigation, Edge, 160, r"^[^.!?]{1,40}(?:\s+[>»›]\s+[^.!?>»›]{1,40}){1,}$"),
    p(Navigation, Edge, 200, r"^[^.!?|]{1,30}(?:\s*\|\s*[^.!?|]{1,30}){2,}$"),
    // Labels alone on a line.
    p(
        Label,
        Anywhere,
        60,
        r"^(?:exclusive|analysis|opinion|breaking(?: news)?|live(?: updates)?|update[sd]?|watch|explainer|editorial|factbox|fact ?check|news analysis|special report|interview|commentary|perspective|feature|just in|developing(?: story)?|editor'?s note|sponsored(?: content)?|advertorial|partner content|in pictures|in depth|video|audio|podcast|photos|gallery)\s*[:|\-–—]?$",
    ),
    p(Label, Anywhere, 80, r"^(?:analysis|opinion|commentary|column|perspective|comment) by\s+\p{Lu}[^.!?]{1,60}$"),
    // Links to other articles.
    p(
        ReadMore,
        Anywhere,
        300,
        r"^(?:also read|read also|read more|more to read|read next|read:|see also|see more|more from|more on this(?: story)?|must read|don'?t miss|recommended(?: for you)?|watch|listen|related|related (?:stories|articles|content|coverage|news|links|reading|topics)|you (?:may|might) also (?:like|be interested in)|editors'? picks?|top stories|trending(?: now)?|most (?:read|popular|viewed|shared))\s*[:|\-–—>»]\s*\S",
    ),
    p(
        RelatedHeader,
        Edge,
        60,
        r"^(?:related|related (?:stories|articles|content|coverage|news|links|reading|topics)|more (?:stories|news|on this(?: story)?|from [^.!?]{1,40})|read more|read next|recommended(?: for you| stories)?|you (?:may|might) also (?:like|be interested in)|editors'? picks?|top stories|trending(?: now)?|most (?:read|popular|viewed|shared)|latest(?: news| stories)?|see also|also in [^.!?]{1,30})\s*:?$",
    ),
    p(
        CommentsHeader,
        Edge,
        80,
        r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?:?$|^(?:no|0) comments?(?: yet)?\W*$|^(?:leave|post|add|write|view|show|load|see|read) (?:a |all |the |more |your )?(?:\d+ )?(?:comments?|reply|replies)\b|^comments? (?:are|have been) (?:closed|disabled)|^be the first to comment|^join the (?:conversation|discussion|debate)\W*$|^(?:\d+ )?(?:responses?|replies) to\b",
    ),
    // Share and follow widgets.
    p(
        Share,
        Anywhere,
        120,
        r"^(?:share(?: this(?: article| story| page| post)?)?|share on \w+|tweet|email|e-mail|print|copy link|save|bookmark|gift (?:this )?article)(?:\s*[|/,·•]?\s*(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|copy link|save|messenger|on|this|article|story))*\W*$",
    ),
    p(
        Share,
        Anywhere,
        120,
        r"^(?:follow|like) (?:us|[\p{Lu}][^.!?]{0,40}) on (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|telegram|whatsapp|threads|bluesky|mastodon|google news)\b[^.!?]{0,60}[.!]?$|^(?:join|follow) (?:us|our channel) on\b[^.!?]{0,60}[.!]?$",
    ),
    // Photo credits and captions.
    p(
        Photo,
        Anywhere,
        300,
        r"^(?:photo|photograph|image|picture|pic|file photo|file|caption|image caption|media caption|image source|video|graphic|illustration|top image|main image|header image|featured image)s?\s*(?:by|credit|courtesy)?\s*:\s*\S",
    ),
    p(
        Photo,
        Anywhere,
        160,
        r"^\(?(?:photos?|images?|pictures?|file|video)\s*(?:by|credit|courtesy|:)[^()]{0,120}\)?$|^\(?(?:photo|image) credit\b",
    ),
    p(
        Photo,
        Anywhere,
        140,
        r"(?:getty images|shutterstock|alamy|afp via getty|/\s*(?:afp|reuters|ap|epa|anadolu|xinhua|efe|dpa|tass|sipa))\s*\)?\.?$",
    ),
    // Advertising.
    p(
        Advert,
        Anywhere,
        80,
        r"^(?:advertisement|advert|ad|ads by \w+|sponsored|promoted|story continues(?: below)?(?: advertisement)?|article continues (?:below|after (?:this )?advertisement)|continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: with content)?)\W*$",
    ),
    // Syndication and legal boilerplate.
    p(
        Disclaimer,
        Anywhere,
        MAX_JUNK_CHARS,
        r"\b(?:has|have) not been edited by\b|\bpublished from (?:a|an) (?:syndicated|agency|wire) feed\b|\bauto-?generated from (?:a|an) (?:syndicated|agency|wire) feed\b|\bgenerated from an? automated (?:news )?(?:agency )?feed\b|^\(?except for the headline\b",
    ),
    p(
        Disclaimer,
        Anywhere,
        MAX_JUNK_CHARS,
        r"\ball rights reserved\b|\bmay not be (?:re-?)?published, broadcast\b|\bmay not be (?:reproduced|redistributed)\b|^(?:©|\(c\)\s|copyright\s+(?:©\s*)?(?:\d{4}|\(c\)))",
    ),
    p(
        Disclaimer,
        Anywhere,
        300,
        r"^(?:disclaimer|note to (?:editors|readers))\s*:|\bviews expressed (?:in this|here|are (?:the author|personal|those|solely))|\bdo(?:es)? not (?:necessarily )?reflect the (?:views|opinions?|position)\b",
    ),
    p(
        Disclaimer,
        Edge,
        200,
        r"^this (?:article|story|piece|report) (?:was|is|has been) (?:originally |first )?(?:published|written|produced|republished)\b|^(?:this|the) (?:article|story) (?:was|has been) (?:updated|corrected)\b",
    ),
    // Production credits and tags.
    p(
        Credit,
        Anywhere,
        300,
        r"^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|translated|production|research|graphics|fact-checking) by\b[^()]{0,250}\)?\.?$",
    ),
    p(Credit, Edge, 100, r"^(?:source|sources|via|courtesy)\s*:\s*[^.!?]{1,80}$"),
    p(Tags, Edge, 300, r"^(?:tags?|topics?|filed under|categories|category|keywords|more about)\s*:"),
];

static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:said|says|told|according to|reported|added|announced)(?-u:\b)")
        .expect("valid reporting regex")
});

/// The patterns in two sets: those anchored at the start, which the regex engine gives up on
/// after a few characters, and the rest, which must scan the paragraph. One set would make every
/// pattern scan (the cleaner's hottest path).
struct Sets {
    anchored: RegexSet,
    anchored_index: Vec<usize>,
    /// All floating patterns as one regex: a quick no for the many paragraphs that match none,
    /// much cheaper than the set's overlapping search.
    floating_any: Regex,
    floating: RegexSet,
    floating_index: Vec<usize>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| {
    let mut anchored = (Vec::new(), Vec::new());
    let mut floating = (Vec::new(), Vec::new());
    for (i, p) in PATTERNS.iter().enumerate() {
        for alt in top_level_alternatives(p.regex) {
            let target = if alt.starts_with('^') { &mut anchored } else { &mut floating };
            target.0.push(format!("(?i){}", ascii_word_boundaries(alt)));
            target.1.push(i);
        }
    }
    let build = |pats: &[String]| RegexSet::new(pats).expect("boilerplate patterns are valid");
    let any = floating.0.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|");
    Sets {
        anchored: build(&anchored.0),
        anchored_index: anchored.1,
        floating_any: Regex::new(&any).expect("boilerplate patterns are valid"),
        floating: build(&floating.0),
        floating_index: floating.1,
    }
});

/// `\b` as an ASCII word boundary. A Unicode `\b` makes the regex engine leave its fast lazy
/// DFA for the PikeVM on any non-ASCII text (a curly quote is enough), five times slower; the
/// words these patterns look for are ASCII.
fn ascii_word_boundaries(regex: &str) -> String {
    regex.replace(r"\b", r"(?-u:\b)")
}

/// Splits a regex at its top-level `|` (outside groups and classes).
fn top_level_alternatives(regex: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut start) = (0i32, false, false, 0);
    for (i, c) in regex.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => {
                out.push(&regex[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&regex[start..]);
    out
}

/// Classifies one paragraph. `None` when no junk pattern holds.
pub(crate) fn classify(para: &str) -> Option<(Junk, Strength)> {
    let len = para.len();
    // Bytes first (cheap): no char takes more than four bytes.
    if len > MAX_JUNK_CHARS * 4 {
        return None;
    }
    let chars = para.chars().count();
    if chars > MAX_JUNK_CHARS {
        return None;
    }
    let sets = &*SETS;
    let mut hits: Vec<usize> = sets.anchored.matches(para).iter().map(|i| sets.anchored_index[i]).collect();
    if sets.floating_any.is_match(para) {
        hits.extend(sets.floating.matches(para).iter().map(|i| sets.floating_index[i]));
    }
    hits.sort_unstable();
    // Junk never reports speech: "the page could not be displayed, the council said" is news.
    let reports = !hits.is_empty() && chars > REPORTING_MIN_CHARS && REPORTING.is_match(para);
    let found = hits
        .into_iter()
        .map(|i| &PATTERNS[i])
        .find(|p| chars <= p.max_chars && !(reports && p.max_chars > REPORTED_JUNK_MAX_CHARS))
        .map(|p| (p.junk, p.strength));
    found.or_else(|| is_section_label(para).then_some((SectionLabel, Edge)))
}

/// "World", "POLITICS", "Europe News": a section name alone on a line.
pub(crate) fn is_section_label(para: &str) -> bool {
    if para.len() > MAX_SECTION_LABEL {
        return false;
    }
    let lower = para.trim_end_matches([':', '.', '|']).trim().to_lowercase();
    lexicon::SECTIONS.contains(&lower)
        || lower
            .split(['/', '|', '>', '·', '•'])
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .all(|w| lexicon::SECTIONS.contains(w))
}

/// A label prefix glued to a paragraph: "EXCLUSIVE: Varnia's...", "Analysis: ...". Returns the
/// paragraph without it.
pub(crate) fn strip_label_prefix(para: &str) -> Option<&str> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:exclusive|analysis|breaking(?: news)?|update[d]?|opinion|explainer|factbox|watch)\s*(?:[:|]|-(?:\s|\p{Lu})|\s[–—]\s)\s*").expect("valid label regex")
    });
    let m = LABEL.find(para)?;
    let rest = &para[m.end()..];
    rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“').then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<Junk>) {
        assert_eq!(classify(input).map(|(j, _)| j), expected, "{input:?}");
    }

    #[test]
    fn error_and_block_pages() {
        for s in [
            "Error 403",
            "Error 403 Forbidden",
            "404 Not Found",
            "HTTP 500",
            "Oops! Something went wrong.",
            "Sorry, this page could not be found.",
            "The page you are looking for cannot be found",
            "Access denied",
            "Please enable JavaScript to continue.",
            "Please verify you are a human",
        ] {
            check(s, Some(ErrorPage));
        }
    }

    #[test]
    fn consent_account_navigation() {
        check(
            "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
            Some(Consent),
        );
        check("Accept all | Manage preferences", Some(Consent));
        check("Subscribe", Some(Account));
        check("Sign in", Some(Account));
        check("Home > World > Europe", Some(Navigation));
        check("Home | News | Politics", Some(Navigation));
        check("World", Some(SectionLabel));
        check("OPINION", Some(Label));
        check("Europe", Some(SectionLabel));
    }

    #[test]
    fn inline_and_trailing() {
        check("ALSO READ: Kovac defends grain plan", Some(ReadMore));
        check("Read more: Fire in Kessel forces evacuation", Some(ReadMore));
        check("Related: Adler calls for calm", Some(ReadMore));
        check("Related stories", Some(RelatedHeader));
        check("Comments", Some(CommentsHeader));
        check("No comment", Some(CommentsHeader));
        check("0 Comments", Some(CommentsHeader));
        check("Share this article", Some(Share));
        check("Share on Facebook Share on X Email", Some(Share));
        check("Follow us on X and Instagram", Some(Share));
        check("Photo: Meridian Press Agency", Some(Photo));
        check("(Photo by Jane Roe/Kessel Courier)", Some(Photo));
        check("Image caption: Firefighters at the plant", Some(Photo));
        check("FILE PHOTO: The harbour in Kessel", Some(Photo));
        check("Sign up for our daily newsletter", Some(Newsletter));
        check("Advertisement", Some(Advert));
        check("(Except for the headline, this story has not been edited by Global Dispatch staff and is published from a syndicated feed.)", Some(Disclaimer));
        check("© 2026 Meridian Press Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", Some(Disclaimer));
        check("Exclusive:", Some(Label));
        check("Analysis by Jane Roe", Some(Label));
        check("(Reporting by Jane Roe; Editing by Omar Haddad)", Some(Credit));
    }

    #[test]
    fn real_sentences_are_not_junk() {
        for s in [
            "The minister said the page of history could not be rewritten by decree.",
            "Kovac said the talks were constructive and would continue next week.",
            "Officials said something had gone badly wrong at the plant on Tuesday night, and that the fire spread within minutes to the storage hall next door.",
            "Share prices in Kessel fell 4 percent on Wednesday.",
            "The court heard that the photos were taken at night.",
            "Key points",
            "Home secretaries from six countries met in Ostgrad.",
            "Follow-up talks are planned for May.",
        ] {
            check(s, None);
        }
    }

    #[test]
    fn alternatives_split_at_top_level_only() {
        assert_eq!(top_level_alternatives(r"^a(?:b|c)|d[|]e|^f\|g"), [r"^a(?:b|c)", "d[|]e", r"^f\|g"]);
    }

    #[test]
    fn label_prefixes() {
        assert_eq!(strip_label_prefix("EXCLUSIVE: Varnia plans a new port"), Some("Varnia plans a new port"));
        assert_eq!(strip_label_prefix("Analysis - Kovac's gamble"), Some("Kovac's gamble"));
        assert_eq!(strip_label_prefix("Updates to the plan were made"), None);
    }
}
