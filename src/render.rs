//! Rendering for people (text, Markdown) and programs (JSON, JSON Lines, CSV). The JSON shapes
//! themselves come from `parallax_engine::contract`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use parallax_core::text::word_count;
use parallax_core::{Article, ArticleId};
use parallax_engine::contract::{
    AnalyzeReport, ArticleJson, EntityJson, QuoteVariantsJson, RunSummary, StoryJson, TimelineJson,
};
use parallax_engine::{entities_of, timeline_of, Dated, Entity, EntityKind, Record, Run, RunArticle, Status, Story};

use crate::cli::{ListFormat, ReportFormat};

/// Width that text output wraps to: readable in any terminal.
const WIDTH: usize = 88;
const INDENT: &str = "            ";

pub(crate) fn analyze(
    w: &mut dyn Write,
    run: &Run,
    stories: &[(Story, Vec<Record>)],
    format: ReportFormat,
) -> Result<()> {
    match format {
        ReportFormat::Json => {
            pretty_json(w, &AnalyzeReport::new(run, stories))?;
        }
        ReportFormat::Jsonl => {
            for a in &run.articles {
                serde_json::to_writer(&mut *w, &ArticleJson::from_run(a))?;
                writeln!(w)?;
            }
        }
        ReportFormat::Text => {
            text_report(w, run)?;
            text_stories(w, stories)?;
            text_entities(w, run, REPORT_ENTITIES)?;
            text_quotes(w, run, REPORT_QUOTES)?;
            text_timeline(w, &timeline_of(run), REPORT_TIMELINE)?;
        }
        ReportFormat::Markdown => {
            markdown_report(w, run)?;
            markdown_stories(w, stories)?;
            markdown_entities(w, run, REPORT_ENTITIES)?;
            markdown_quotes(w, run)?;
            markdown_timeline(w, &timeline_of(run))?;
        }
    }
    Ok(())
}

fn headline(run: &Run) -> String {
    let s = RunSummary::new(run);
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

fn text_report(w: &mut dyn Write, run: &Run) -> Result<()> {
    writeln!(w, "Parallax: {}", headline(run))?;
    let mut items: Vec<&RunArticle> = run.articles.iter().collect();
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
        if item.status == Status::Duplicate {
            if let Some(of) = &a.duplicate_of {
                writeln!(w, "{INDENT}exact copy of {of}")?;
            }
        }
        for line in wrap(&lead(&a.text, 240), WIDTH - INDENT.len()) {
            writeln!(w, "{INDENT}{line}")?;
        }
    }
    problems_text(w, run)
}

fn problems_text(w: &mut dyn Write, run: &Run) -> Result<()> {
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

fn markdown_report(w: &mut dyn Write, run: &Run) -> Result<()> {
    writeln!(w, "# Parallax report\n\n{}\n", headline(run))?;
    writeln!(w, "| Published | Outlet | Title | Authors | Words | Id |")?;
    writeln!(w, "|---|---|---|---|---:|---|")?;
    for item in &run.articles {
        let a = &item.article;
        let mut title = md_cell(a.title.as_deref().unwrap_or("(untitled)"));
        if let Some(of) = a.duplicate_of.as_ref().filter(|_| item.status == Status::Duplicate) {
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

fn text_stories(w: &mut dyn Write, stories: &[(Story, Vec<Record>)]) -> Result<()> {
    if stories.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nStories ({})", stories.len())?;
    for (story, records) in stories {
        let json = StoryJson::new(story, records);
        writeln!(w, "\n{}  {}", story.id, clip(story.title.as_deref().unwrap_or("(untitled)"), WIDTH - 20))?;
        writeln!(w, "{INDENT}{}", story_line(&json))?;
    }
    Ok(())
}

/// "2026-03-03 – 2026-03-04 · 7 articles (1 copy) · 6 outlets · terms: …"
fn story_line(s: &StoryJson) -> String {
    let day = |p: &Option<String>| p.as_deref().map(|p| p.chars().take(10).collect::<String>());
    let span = match (day(&s.first_published), day(&s.last_published)) {
        (Some(a), Some(b)) if a == b => a,
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

fn markdown_stories(w: &mut dyn Write, stories: &[(Story, Vec<Record>)]) -> Result<()> {
    if stories.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n## Stories\n")?;
    writeln!(w, "| Story | Title | Dates | Articles | Outlets | Key terms |")?;
    writeln!(w, "|---|---|---|---:|---:|---|")?;
    for (story, records) in stories {
        let s = StoryJson::new(story, records);
        let day = |p: &Option<String>| p.as_deref().map(|p| p.chars().take(10).collect::<String>()).unwrap_or_default();
        writeln!(
            w,
            "| `{}` | {} | {} – {} | {} | {} | {} |",
            s.id,
            md_cell(s.title.as_deref().unwrap_or("")),
            day(&s.first_published),
            day(&s.last_published),
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

/// The people and organisations of the run, most widely mentioned first.
fn people_and_organisations(run: &Run) -> Vec<Entity> {
    let mut entities = entities_of(run).entities;
    entities.retain(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization));
    entities
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
fn text_entities(w: &mut dyn Write, run: &Run, max: usize) -> Result<()> {
    let entities = people_and_organisations(run);
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

fn markdown_entities(w: &mut dyn Write, run: &Run, max: usize) -> Result<()> {
    let entities = people_and_organisations(run);
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
        ListFormat::Json => {
            let items: Vec<EntityJson> = entities.iter().map(EntityJson::new).collect();
            pretty_json(w, &items)?;
        }
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
/// article's outlet.
fn run_quotes(run: &Run) -> Vec<(&RunArticle, &parallax_core::Quote)> {
    run.articles
        .iter()
        .filter(|a| a.article.duplicate_of.is_none())
        .flat_map(|a| a.quotes.iter().map(move |q| (a, q)))
        .collect()
}

/// "Direct" words in quotation marks; reported speech as written.
fn quote_words(q: &parallax_core::Quote) -> String {
    let words = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
    match q.kind {
        parallax_core::QuoteKind::Direct => format!("“{words}”"),
        parallax_core::QuoteKind::Indirect => format!("(reported) {words}"),
    }
}

/// Where a quote was read: the article's outlet, and the outlet it came through.
fn quote_source(a: &RunArticle, q: &parallax_core::Quote) -> String {
    let mut from = a.article.outlet.clone().unwrap_or_else(|| a.article.id.to_string());
    if let Some(via) = &q.via {
        from.push_str(&format!(", via {via}"));
    }
    from
}

/// "Anna Berg  “We will rebuild.”  (Kessel Courier, via CNN)"
fn text_quotes(w: &mut dyn Write, run: &Run, max: usize) -> Result<()> {
    let quotes = run_quotes(run);
    if quotes.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nQuotes ({})", quotes.len())?;
    for (a, q) in quotes.iter().take(max) {
        writeln!(w, "\n{}", clip(&q.speaker, WIDTH))?;
        let line = format!("{}  ({})", clip(&quote_words(q), 300), quote_source(a, q));
        for l in wrap(&line, WIDTH - INDENT.len()) {
            writeln!(w, "{INDENT}{l}")?;
        }
    }
    if quotes.len() > max {
        writeln!(w, "… {} more: --format json", quotes.len() - max)?;
    }
    Ok(())
}

fn markdown_quotes(w: &mut dyn Write, run: &Run) -> Result<()> {
    let quotes = run_quotes(run);
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
            md_cell(&quote_words(q)),
            md_cell(&quote_source(a, q)),
            a.article.id
        )?;
    }
    Ok(())
}

/// Timeline entries the analyze report shows; `parallax timeline` prints them all.
const REPORT_TIMELINE: usize = 40;

/// "2026-03-03  The plant caught fire on Tuesday.  (Kessel Courier, Ostland Post)"
fn text_timeline(w: &mut dyn Write, entries: &[Dated], max: usize) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nTimeline ({} dated {})", entries.len(), plural(entries.len(), "statement", "statements"))?;
    for d in entries.iter().take(max) {
        let e = &d.entry;
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

fn markdown_timeline(w: &mut dyn Write, entries: &[Dated]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n## Timeline\n")?;
    writeln!(w, "| Date | What the articles say | Outlets | Articles |")?;
    writeln!(w, "|---|---|---|---|")?;
    for d in entries {
        let e = &d.entry;
        let ids: Vec<String> = e.articles.iter().map(|id| format!("`{id}`")).collect();
        let mut text = md_cell(&e.text);
        if !e.conflicts.is_empty() {
            text.push_str(&format!(" **(conflict: also reported as {})**", e.conflicts.join(", ")));
        }
        writeln!(w, "| {} | {} | {} | {} |", e.date, text, md_cell(&e.outlets.join(", ")), ids.join(" "))?;
    }
    Ok(())
}

pub(crate) fn timeline(w: &mut dyn Write, entries: &[Dated], format: ListFormat) -> Result<()> {
    match format {
        ListFormat::Json => {
            let items: Vec<TimelineJson> = entries.iter().map(TimelineJson::new).collect();
            pretty_json(w, &items)?;
        }
        ListFormat::Text if entries.is_empty() => writeln!(w, "no dated statements in the store")?,
        ListFormat::Text => text_timeline(w, entries, usize::MAX)?,
    }
    Ok(())
}

pub(crate) fn story_list(
    w: &mut dyn Write,
    stories: &[(Story, Vec<parallax_core::ArticleId>)],
    format: ListFormat,
) -> Result<()> {
    match format {
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = stories
                .iter()
                .map(|(s, ids)| {
                    serde_json::json!({
                        "id": s.id, "title": s.title, "key_terms": s.key_terms,
                        "first": s.first.map(|d| d.to_string()), "last": s.last.map(|d| d.to_string()),
                        "articles": ids.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    })
                })
                .collect();
            pretty_json(w, &items)?;
        }
        ListFormat::Text => {
            for (s, ids) in stories {
                let span = match (s.first, s.last) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a}…{b}"),
                    _ => "undated".to_string(),
                };
                let line =
                    format!("{:<18} {span:<21} {:>3}  {}", s.id, ids.len(), s.title.as_deref().unwrap_or("(untitled)"));
                writeln!(w, "{}", clip(&line, WIDTH + 40))?;
            }
            writeln!(w, "{} {}", stories.len(), plural(stories.len(), "story", "stories"))?;
        }
    }
    Ok(())
}

pub(crate) fn story(w: &mut dyn Write, story: &Story, records: &[Record], format: ListFormat) -> Result<()> {
    let json = StoryJson::new(story, records);
    match format {
        ListFormat::Json => {
            pretty_json(w, &json)?;
        }
        ListFormat::Text => {
            writeln!(w, "{}", story.title.as_deref().unwrap_or("(untitled)"))?;
            writeln!(w, "  {:<10} {}", "id", story.id)?;
            writeln!(w, "  {:<10} {}", "coverage", story_line(&json))?;
            if !json.outlets.is_empty() {
                writeln!(w, "  {:<10} {}", "outlets", json.outlets.join(", "))?;
            }
            writeln!(w)?;
            for r in records {
                let a = &r.article;
                let date = a.published.map(|p| p.date().to_string()).unwrap_or_else(|| "----------".into());
                let copy = a.duplicate_of.as_ref().map(|o| format!(" (copy of {o})")).unwrap_or_default();
                let line = format!(
                    "{}  {date}  {:<22} {}{copy}",
                    a.id,
                    clip(a.outlet.as_deref().unwrap_or("-"), 22),
                    a.title.as_deref().unwrap_or("(untitled)")
                );
                writeln!(w, "{}", clip(&line, WIDTH + 40))?;
            }
            text_quote_variants(w, &json.quote_variants)?;
        }
    }
    Ok(())
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
            let line = format!("“{}”  ({})", clip(&r.text, 300), r.outlet.as_deref().unwrap_or(&r.article));
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

pub(crate) fn summary(w: &mut dyn Write, run: &Run, store: &Path) -> Result<()> {
    writeln!(w, "{} (store: {})", headline(run), store.display())?;
    Ok(())
}

pub(crate) fn article_list(w: &mut dyn Write, records: &[Record], format: ListFormat) -> Result<()> {
    match format {
        ListFormat::Json => {
            let items: Vec<ArticleJson> =
                records.iter().map(|r| ArticleJson::new(&r.article, "stored", &r.warnings)).collect();
            pretty_json(w, &items)?;
        }
        ListFormat::Text => {
            for r in records {
                let a = &r.article;
                let date = a.published.map(|p| p.date().to_string()).unwrap_or_else(|| "----------".into());
                let copy = if a.duplicate_of.is_some() { " (copy)" } else { "" };
                let line = format!(
                    "{}  {date}  {:<22} {}{copy}",
                    a.id,
                    clip(a.outlet.as_deref().unwrap_or("-"), 22),
                    a.title.as_deref().unwrap_or("(untitled)")
                );
                writeln!(w, "{}", clip(&line, WIDTH + 40))?;
            }
            writeln!(w, "{} {}", records.len(), plural(records.len(), "article", "articles"))?;
        }
    }
    Ok(())
}

pub(crate) fn article(w: &mut dyn Write, record: &Record, copies: &[ArticleId], format: ListFormat) -> Result<()> {
    let a = &record.article;
    match format {
        ListFormat::Json => {
            pretty_json(w, &ArticleJson::new(a, "stored", &record.warnings))?;
        }
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
            if !copies.is_empty() {
                let ids: Vec<String> = copies.iter().map(ToString::to_string).collect();
                writeln!(w, "  {:<10} {}", "copies", ids.join(", "))?;
            }
            for warning in &record.warnings {
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

pub(crate) fn csv(w: &mut dyn Write, records: &[Record]) -> Result<()> {
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
    for r in records {
        let a = &r.article;
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
