//! Rendering of `parallax extract`: the JSON array of the extraction contract, or the text of
//! each article under a short header for people.

use std::io::Write;

use anyhow::Result;
use parallax_engine::ExtractRun;

use crate::cli::ExtractFormat;

pub(crate) fn render(w: &mut dyn Write, run: &ExtractRun, format: ExtractFormat) -> Result<()> {
    // Texts are many short lines: one write per line to a pipe would cost more than extracting.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    let w = &mut w;
    match format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &run.items)?;
            writeln!(w)?;
        }
        ExtractFormat::Text => {
            for item in &run.items {
                let a = &item.article;
                writeln!(w, "==> {}", a.source)?;
                writeln!(w, "{}", a.title.as_deref().unwrap_or("(untitled)"))?;
                let mut fields = Vec::new();
                if !a.authors.is_empty() {
                    fields.push(a.authors.join(", "));
                }
                if let Some(p) = a.published {
                    fields.push(p.to_string());
                }
                if let Some(url) = &a.url {
                    fields.push(url.clone());
                }
                if !fields.is_empty() {
                    writeln!(w, "{}", fields.join(" · "))?;
                }
                if let Some(reason) = &item.not_article {
                    writeln!(w, "(not an article: {reason})")?;
                }
                writeln!(w, "\n{}\n", a.text)?;
            }
            for s in &run.skipped {
                writeln!(w, "(skipped {}: {})", s.source, s.reason)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
