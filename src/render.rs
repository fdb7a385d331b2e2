//! Rendering for people (text, Markdown) and programs (JSON, JSON Lines, CSV) of what the
//! engine answers: the values of `parallax_engine::contract`, formatted and never computed here.
//! JSON is those values serialised as they are.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use anyhow::Result;
use parallax_core::text::word_count;
use parallax_core::{Article, ArticleId, Entity, Quote, QuoteKind};
use parallax_engine::contract::{ArticleJson, QuoteVariantsJson, RunSummary, StoryJson, TimelineJson};
use parallax_engine::{Analysis, ArticleView, EntityKind, StoryView};

use crate::cli::{ListFormat, ReportFormat};

/// Width that text output wraps to: readable in any terminal.
const WIDTH: usize = 88;
const INDENT: &str = "            ";

pub(crate) fn analyze(w: &mut dyn Write, analysis: &Analysis, format: ReportFormat) -> Result<()> {
    match format {
        ReportFormat::Json => pretty_json(w, analysis)?,
        ReportFormat::Jsonl => json_lines(w, &analysis.articles)?,
        ReportFormat::Text => {
            text_report(w, analysis)?;
            text_stories(w, &analysis.stories)?;
            text_entities(w, &analysis.entities, REPORT_ENTITIES)?;
            text_quotes(w, analysis, REPORT_QUOTES)?;
            text_timeline(w, &analysis.timeline, REPORT_TIMELINE)?;
        }
        ReportFormat::Markdown => {
            markdown_report(w, analysis)?;
            markdown_stories(w, &analysis.stories)?;
            markdown_entities(w, &analysis.entities, REPORT_ENTITIES)?;
            markdown_quotes(w, analysis)?;
            markdown_timeline(w, &analysis.timeline)?;
        }
    }
    Ok(())
}

/// One JSON object per line: `analyze --format jsonl`, `export`.
pub(crate) fn json_lines(w: &mut dyn Write, articles: &[ArticleJson]) -> Result<()> {
    for a in articles {
        serde_json::to_writer(&mut *w, a)?;
        writeln!(w)?;
    }
    Ok(())
}

fn headline(s: &RunSummary) -> String {
    let mut parts = vec![format!("{} new", s.added)];
    if s.duplicates > 0 {
        parts.push(format!("{} exact {}", s.duplicates, plural(s.duplicates, "copy", "copies")));
    }
    if s.existing > 0 {
        parts.push(format!("{} already stored", s.existing));
    }
    let mut line = format!(
        "{} {} from {} {}: {}",
        s.articles,
        plural(s.articles, "article", "articles"),
        s.inputs,
        plural(s.inputs, "input", "inputs"),
        parts.join(", ")
    );
    if !s.failed.is_empty() {
        line.push_str(&format!("; {} failed", s.failed.len()));
    }
    if !s.skipped.is_empty() {
        line.push_str(&format!("; {} not articles", s.skipped.len()));
    }
    line
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn text_report(w: &mut dyn Write, analysis: &Analysis) -> Result<()> {
    writeln!(w, "Parallax: {}", headline(&analysis.run))?;
    let mut items: Vec<&ArticleJson> = analysis.articles.iter().collect();
    // Oldest first; undated articles last.
    items.sort_by_key(|a| (a.article.published.is_none(), a.article.published.map(|p| p.to_string())));
    for item in items {
        let a = &item.article;
        writeln!(w)?;
        let date = a.published.map(|p| p.date().to_string()).unwrap_or_else(|| "(no date)".into());
        let outlet = a.outlet.as_deref().unwrap_or("(unknown outlet)");
        writeln!(
            w,
            "{date:<10}  {}",
            clip(&format!("{outlet:<22} {}", a.title.as_deref().unwrap_or("(untitled)")), WIDTH - 12)
        )?;
        writeln!(w, "{INDENT}{}", details(a))?;
        if item.status == "duplicate" {
            if let Some(of) = &a.duplicate_of {
                writeln!(w, "{INDENT}exact copy of {of}")?;
            }
        }
        for line in wrap(&lead(&a.text, 240), WIDTH - INDENT.len()) {
            writeln!(w, "{INDENT}{line}")?;
        }
    }
    problems_text(w, &analysis.run)
}

fn problems_text(w: &mut dyn Write, run: &RunSummary) -> Result<()> {
    if !run.failed.is_empty() {
        writeln!(w, "\nFailed inputs:")?;
        for f in &run.failed {
            writeln!(w, "  {}", f.reason)?;
        }
    }
    if !run.skipped.is_empty() {
        writeln!(w, "\nNot articles:")?;
        for f in &run.skipped {
            writeln!(w, "  {}: {}", f.source, f.reason)?;
        }
    }
    Ok(())
}

/// The day of a publication time ("2026-03-04T10:31:00-05:00" → "2026-03-04").
fn day(published: &str) -> &str {
    published.get(..10).unwrap_or(published)
}

fn details(a: &Article) -> String {
    let mut parts = vec![a.id.to_string()];
    if !a.authors.is_empty() {
        parts.push(a.authors.join(", "));
    }
    if let Some(place) = &a.place {
        parts.push(place.clone());
    }
    if let Some(lang) = &a.language {
        parts.push(lang.clone());
    }
    parts.push(format!("{} words", word_count(&a.text)));
    parts.join(" · ")
}

fn markdown_report(w: &mut dyn Write, analysis: &Analysis) -> Result<()> {
    let run = &analysis.run;
    writeln!(w, "# Parallax report\n\n{}\n", headline(run))?;
    writeln!(w, "| Published | Outlet | Title | Authors | Words | Id |")?;
    writeln!(w, "|---|---|---|---|---:|---|")?;
    for item in &analysis.articles {
        let a = &item.article;
        let mut title = md_cell(a.title.as_deref().unwrap_or("(untitled)"));
        if let Some(of) = a.duplicate_of.as_ref().filter(|_| item.status == "duplicate") {
            title.push_str(&format!(" (copy of `{of}`)"));
        }
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | `{}` |",
            a.published.map(|p| p.to_string()).unwrap_or_default(),
            md_cell(a.outlet.as_deref().unwrap_or("")),
            title,
            md_cell(&a.authors.join(", ")),
            word_count(&a.text),
            a.id
        )?;
    }
    if !run.failed.is_empty() || !run.skipped.is_empty() {
        writeln!(w, "\n## Problems\n")?;
        for f in &run.failed {
            writeln!(w, "- failed: {}", md_cell(&f.reason))?;
        }
        for f in &run.skipped {
            writeln!(w, "- not an article: `{}`: {}", f.source, md_cell(&f.reason))?;
        }
    }
    Ok(())
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn text_stories(w: &mut dyn Write, stories: &[StoryJson]) -> Result<()> {
    if stories.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nStories ({})", stories.len())?;
    for story in stories {
        writeln!(w, "\n{}  {}", story.id, clip(story.title.as_deref().unwrap_or("(untitled)"), WIDTH - 20))?;
        writeln!(w, "{INDENT}{}", story_line(story))?;
    }
    Ok(())
}

/// "2026-03-03 – 2026-03-04 · 7 articles (1 copy) · 6 outlets · terms: …"
fn story_line(s: &StoryJson) -> String {
    let span = match (s.first_published.as_deref().map(day), s.last_published.as_deref().map(day)) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated".to_string(),
    };
    let mut line = format!("{span} · {} {}", s.article_count, plural(s.article_count, "article", "articles"));
    if s.copies > 0 {
        line.push_str(&format!(" ({} {})", s.copies, plural(s.copies, "copy", "copies")));
    }
    line.push_str(&format!(" · {} {}", s.outlets.len(), plural(s.outlets.len(), "outlet", "outlets")));
    if !s.key_terms.is_empty() {
        line.push_str(&format!(" · {}", s.key_terms.iter().take(6).cloned().collect::<Vec<_>>().join(", ")));
    }
    line
}

fn markdown_stories(w: &mut dyn Write, stories: &[StoryJson]) -> Result<()> {
    if stories.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n## Stories\n")?;
    writeln!(w, "| Story | Title | Dates | Articles | Outlets | Key terms |")?;
    writeln!(w, "|---|---|---|---:|---:|---|")?;
    for s in stories {
        writeln!(
            w,
            "| `{}` | {} | {} – {} | {} | {} | {} |",
            s.id,
            md_cell(s.title.as_deref().unwrap_or("")),
            s.first_published.as_deref().map(day).unwrap_or_default(),
            s.last_published.as_deref().map(day).unwrap_or_default(),
            s.article_count,
            s.outlets.len(),
            md_cell(&s.key_terms.join(", "))
        )?;
    }
    Ok(())
}

/// Entities the reports show: the most widely mentioned people and organisations; JSON and
/// `parallax entities` list them all.
const REPORT_ENTITIES: usize = 12;

/// The people and organisations among `entities` (most widely mentioned first).
fn people_and_organisations(entities: &[Entity]) -> Vec<&Entity> {
    entities.iter().filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization)).collect()
}

/// "chancellor of Ostland; also Kovac, Chancellor Kovac".
fn entity_details(e: &Entity) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !e.roles.is_empty() {
        parts.push(e.roles.iter().take(3).cloned().collect::<Vec<_>>().join("; "));
    }
    if !e.aliases.is_empty() {
        parts.push(format!("also {}", e.aliases.iter().take(4).cloned().collect::<Vec<_>>().join(", ")));
    }
    parts.join(" · ")
}

fn article_count(n: usize) -> String {
    format!("{n} {}", plural(n, "article", "articles"))
}

/// "Irena Kovac (person, 4 articles)" and its roles and other names.
fn text_entities(w: &mut dyn Write, entities: &[Entity], max: usize) -> Result<()> {
    let entities = people_and_organisations(entities);
    if entities.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nPeople and organisations ({})", entities.len())?;
    for e in entities.iter().take(max) {
        writeln!(w, "\n{}", clip(&format!("{} ({}, {})", e.name, e.kind, article_count(e.articles.len())), WIDTH))?;
        for line in wrap(&entity_details(e), WIDTH - INDENT.len()) {
            writeln!(w, "{INDENT}{line}")?;
        }
    }
    if entities.len() > max {
        writeln!(w, "… {} more: --format json, parallax entities", entities.len() - max)?;
    }
    Ok(())
}

fn markdown_entities(w: &mut dyn Write, entities: &[Entity], max: usize) -> Result<()> {
    let entities = people_and_organisations(entities);
    if entities.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n## People and organisations\n")?;
    writeln!(w, "| Name | Kind | Articles | Roles | Also called |")?;
    writeln!(w, "|---|---|---|---|---|")?;
    for e in entities.iter().take(max) {
        writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            md_cell(&e.name),
            e.kind,
            e.articles.len(),
            md_cell(&e.roles.iter().take(3).cloned().collect::<Vec<_>>().join("; ")),
            md_cell(&e.aliases.iter().take(4).cloned().collect::<Vec<_>>().join(", "))
        )?;
    }
    if entities.len() > max {
        writeln!(w, "\n{} more: `--format json` or `parallax entities`.", entities.len() - max)?;
    }
    Ok(())
}

/// `parallax entities`: one line per entity, most widely mentioned first.
pub(crate) fn entity_list(w: &mut dyn Write, entities: &[Entity], format: ListFormat) -> Result<()> {
    match format {
        ListFormat::Json => pretty_json(w, &entities)?,
        ListFormat::Text => {
            for e in entities {
                let mut line = format!("{:>4}  {:<12}  {}", e.articles.len(), e.kind, e.name);
                if !e.aliases.is_empty() {
                    line.push_str(&format!("  (also {})", e.aliases.join(", ")));
                }
                writeln!(w, "{}", clip(&line, WIDTH + 40))?;
            }
            writeln!(w, "{} {}", entities.len(), plural(entities.len(), "entity", "entities"))?;
        }
    }
    Ok(())
}

/// Quotes the text report shows; JSON and Markdown list them all.
const REPORT_QUOTES: usize = 40;

/// The quotes of the run's own articles (an exact copy repeats its original's), with the
/// article.
fn run_quotes(analysis: &Analysis) -> Vec<(&Article, &Quote)> {
    let articles: HashMap<&ArticleId, &Article> =
        analysis.articles.iter().map(|a| (&a.article.id, &a.article)).collect();
    analysis
        .quotes
        .iter()
        .filter_map(|q| articles.get(&q.article).map(|a| (*a, &q.quote)))
        .filter(|(a, _)| a.duplicate_of.is_none())
        .collect()
}

/// Quoted words in quotation marks; reported speech marked as a paraphrase, never in marks
/// (they would put words in the speaker's mouth).
fn quote_words(text: &str, kind: QuoteKind) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match kind {
        QuoteKind::Direct => format!("“{words}”"),
        QuoteKind::Indirect => format!("(paraphrase) {words}"),
    }
}

/// Where a quote was read: the article's outlet, and the outlet it came through.
fn quote_source(a: &Article, q: &Quote) -> String {
    let mut from = a.outlet.clone().unwrap_or_else(|| a.id.to_string());
    if let Some(via) = &q.via {
        from.push_str(&format!(", via {via}"));
    }
    from
}

/// "Anna Berg  “We will rebuild.”  (Kessel Courier, via CNN)"
fn text_quotes(w: &mut dyn Write, analysis: &Analysis, max: usize) -> Result<()> {
    let quotes = run_quotes(analysis);
    if quotes.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nQuotes ({})", quotes.len())?;
    for (a, q) in quotes.iter().take(max) {
        writeln!(w, "\n{}", clip(&q.speaker, WIDTH))?;
        let line = format!("{}  ({})", clip(&quote_words(&q.text, q.kind), 300), quote_source(a, q));
        for l in wrap(&line, WIDTH - INDENT.len()) {
            writeln!(w, "{INDENT}{l}")?;
        }
    }
    if quotes.len() > max {
        writeln!(w, "… {} more: --format json", quotes.len() - max)?;
    }
    Ok(())
}

fn markdown_quotes(w: &mut dyn Write, analysis: &Analysis) -> Result<()> {
    let quotes = run_quotes(analysis);
    if quotes.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n## Quotes\n")?;
    writeln!(w, "| Speaker | What they said | Source | Article |")?;
    writeln!(w, "|---|---|---|---|")?;
    for (a, q) in quotes {
        writeln!(
            w,
            "| {} | {} | {} | `{}` |",
            md_cell(&q.speaker),
            md_cell(&quote_words(&q.text, q.kind)),
            md_cell(&quote_source(a, q)),
            a.id
        )?;
    }
    Ok(())
}

/// Timeline entries the analyze report shows; `parallax timeline` prints them all.
const REPORT_TIMELINE: usize = 40;

/// "2026-03-03  The plant caught fire on Tuesday.  (Kessel Courier, Ostland Post)"
fn text_timeline(w: &mut dyn Write, entries: &[TimelineJson], max: usize) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nTimeline ({} dated {})", entries.len(), plural(entries.len(), "statement", "statements"))?;
    for e in entries.iter().take(max).map(|t| &t.entry) {
        let mut statement = e.text.clone();
        if !e.outlets.is_empty() {
            statement.push_str(&format!("  ({})", e.outlets.join(", ")));
        }
        if !e.conflicts.is_empty() {
            statement.push_str(&format!("  [conflict: also reported as {}]", e.conflicts.join(", ")));
        }
        for (k, line) in wrap(&statement, WIDTH - INDENT.len()).iter().enumerate() {
            let date = if k == 0 { e.date.as_str() } else { "" };
            writeln!(w, "{date:<10}  {line}")?;
        }
    }
    if entries.len() > max {
        writeln!(w, "… {} more: parallax timeline", entries.len() - max)?;
    }
    Ok(())
}

fn markdown_timeline(w: &mut dyn Write, entries: &[TimelineJson]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n## Timeline\n")?;
    writeln!(w, "| Date | What the articles say | Outlets | Articles |")?;
    writeln!(w, "|---|---|---|---|")?;
    for e in entries.iter().map(|t| &t.entry) {
        let ids: Vec<String> = e.articles.iter().map(|id| format!("`{id}`")).collect();
        let mut text = md_cell(&e.text);
        if !e.conflicts.is_empty() {
            text.push_str(&format!(" **(conflict: also reported as {})**", e.conflicts.join(", ")));
        }
        writeln!(w, "| {} | {} | {} | {} |", e.date, text, md_cell(&e.outlets.join(", ")), ids.join(" "))?;
    }
    Ok(())
}

pub(crate) fn timeline(w: &mut dyn Write, entries: &[TimelineJson], format: ListFormat) -> Result<()> {
    match format {
        ListFormat::Json => pretty_json(w, &entries)?,
        ListFormat::Text if entries.is_empty() => writeln!(w, "no dated statements in the store")?,
        ListFormat::Text => text_timeline(w, entries, usize::MAX)?,
    }
    Ok(())
}

pub(crate) fn story_list(w: &mut dyn Write, stories: &[StoryJson], format: ListFormat) -> Result<()> {
    match format {
        ListFormat::Json => pretty_json(w, &stories)?,
        ListFormat::Text => {
            for s in stories {
                let span = match (s.first_published.as_deref().map(day), s.last_published.as_deref().map(day)) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a}…{b}"),
                    _ => "undated".to_string(),
                };
                let line = format!(
                    "{:<18} {span:<21} {:>3}  {}",
                    s.id,
                    s.article_count,
                    s.title.as_deref().unwrap_or("(untitled)")
                );
                writeln!(w, "{}", clip(&line, WIDTH + 40))?;
            }
            writeln!(w, "{} {}", stories.len(), plural(stories.len(), "story", "stories"))?;
        }
    }
    Ok(())
}

pub(crate) fn story(w: &mut dyn Write, view: &StoryView, format: ListFormat) -> Result<()> {
    let story = &view.story;
    match format {
        ListFormat::Json => pretty_json(w, view)?,
        ListFormat::Text => {
            writeln!(w, "{}", story.title.as_deref().unwrap_or("(untitled)"))?;
            writeln!(w, "  {:<10} {}", "id", story.id)?;
            writeln!(w, "  {:<10} {}", "coverage", story_line(story))?;
            if !story.outlets.is_empty() {
                writeln!(w, "  {:<10} {}", "outlets", story.outlets.join(", "))?;
            }
            writeln!(w)?;
            for a in view.articles.iter().map(|a| &a.article) {
                let copy = a.duplicate_of.as_ref().map(|o| format!(" (copy of {o})")).unwrap_or_default();
                writeln!(w, "{}", clip(&article_line(a, &copy), WIDTH + 40))?;
            }
            text_quote_variants(w, &story.quote_variants)?;
        }
    }
    Ok(())
}

/// "3f2a…  2026-03-04  Northern Ledger        Fire at Kessel plant (copy)"
fn article_line(a: &Article, note: &str) -> String {
    format!(
        "{}  {}  {:<22} {}{note}",
        a.id,
        a.published.map(|p| p.date().to_string()).unwrap_or_else(|| "----------".into()),
        clip(a.outlet.as_deref().unwrap_or("-"), 22),
        a.title.as_deref().unwrap_or("(untitled)")
    )
}

/// "Quoted differently": each speaker's renderings, with what each later one changes.
fn text_quote_variants(w: &mut dyn Write, groups: &[QuoteVariantsJson]) -> Result<()> {
    if groups.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nQuoted differently ({})", groups.len())?;
    for g in groups {
        writeln!(w, "\n{}", clip(&g.speaker, WIDTH))?;
        for (k, r) in g.renderings.iter().enumerate() {
            let line = format!(
                "{}  ({})",
                clip(&quote_words(&r.text, r.kind), 300),
                r.outlet.as_deref().unwrap_or(&r.article)
            );
            for l in wrap(&line, WIDTH - INDENT.len()) {
                writeln!(w, "{INDENT}{l}")?;
            }
            if k > 0 {
                if let Some(d) = g.differences.get(k - 1).filter(|d| !d.is_empty()) {
                    for l in wrap(&format!("changes: {}", d.join("  ")), WIDTH - INDENT.len() * 2) {
                        writeln!(w, "{INDENT}{INDENT}{l}")?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// A value as indented JSON and a newline: every `--format json` output.
fn pretty_json(w: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    writeln!(w)?;
    Ok(())
}

pub(crate) fn summary(w: &mut dyn Write, run: &RunSummary, store: &Path) -> Result<()> {
    writeln!(w, "{} (store: {})", headline(run), store.display())?;
    Ok(())
}

pub(crate) fn article_list(w: &mut dyn Write, articles: &[ArticleJson], format: ListFormat) -> Result<()> {
    match format {
        ListFormat::Json => pretty_json(w, &articles)?,
        ListFormat::Text => {
            for a in articles.iter().map(|a| &a.article) {
                let copy = if a.duplicate_of.is_some() { " (copy)" } else { "" };
                writeln!(w, "{}", clip(&article_line(a, copy), WIDTH + 40))?;
            }
            writeln!(w, "{} {}", articles.len(), plural(articles.len(), "article", "articles"))?;
        }
    }
    Ok(())
}

pub(crate) fn article(w: &mut dyn Write, view: &ArticleView, format: ListFormat) -> Result<()> {
    let a = &view.article.article;
    match format {
        ListFormat::Json => pretty_json(w, view)?,
        ListFormat::Text => {
            writeln!(w, "{}", a.title.as_deref().unwrap_or("(untitled)"))?;
            let fields: [(&str, Option<String>); 10] = [
                ("id", Some(a.id.to_string())),
                ("source", Some(a.source.clone())),
                ("outlet", a.outlet.clone()),
                ("section", a.section.clone()),
                ("url", a.url.clone()),
                ("published", a.published.map(|p| p.to_string())),
                ("authors", (!a.authors.is_empty()).then(|| a.authors.join(", "))),
                ("place", a.place.clone()),
                ("language", a.language.clone()),
                ("copy of", a.duplicate_of.as_ref().map(ToString::to_string)),
            ];
            for (name, value) in fields {
                if let Some(v) = value {
                    writeln!(w, "  {name:<10} {v}")?;
                }
            }
            if !view.copies.is_empty() {
                writeln!(w, "  {:<10} {}", "copies", view.copies.join(", "))?;
            }
            for warning in &view.article.warnings {
                writeln!(w, "  {:<10} {warning}", "warning")?;
            }
            writeln!(w)?;
            for para in a.text.split("\n\n") {
                for line in wrap(para, WIDTH) {
                    writeln!(w, "{line}")?;
                }
                writeln!(w)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn csv(w: &mut dyn Write, articles: &[ArticleJson]) -> Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "id",
        "source",
        "url",
        "outlet",
        "section",
        "title",
        "authors",
        "published",
        "language",
        "place",
        "duplicate_of",
        "text",
    ])?;
    for a in articles.iter().map(|a| &a.article) {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        out.write_record([
            a.id.to_string(),
            a.source.clone(),
            opt(&a.url),
            opt(&a.outlet),
            opt(&a.section),
            opt(&a.title),
            a.authors.join("; "),
            a.published.map(|p| p.to_string()).unwrap_or_default(),
            opt(&a.language),
            opt(&a.place),
            a.duplicate_of.as_ref().map(ToString::to_string).unwrap_or_default(),
            a.text.clone(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// The opening of a text, cut at a word boundary near `max` characters.
fn lead(text: &str, max: usize) -> String {
    let first = text.split("\n\n").next().unwrap_or("");
    if first.chars().count() <= max {
        return first.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
