//! Turns the paths a user gives into the inputs to read: files as given, directories walked
//! recursively in a stable (name-sorted) order, `-` for stdin.

use std::path::{Path, PathBuf};

use crate::Error;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// How the input is named in reports: the path as given, or `-`.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// File endings taken from directories, also under `.gz` (`page.html.gz`, `crawl.warc.gz`).
/// A file named on the command line is read whatever its ending; inside a directory, images,
/// stylesheets and notes are not articles.
const ARTICLE_EXTENSIONS: &[&str] =
    &["txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "shtml", "rss", "atom", "rdf", "xml", "warc"];

/// Expands `paths` into inputs, in the order given, directories sorted by file name. Paths
/// that cannot be walked come back as errors beside the inputs that could.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(source) => errors.push(Error::Io { path: path.display().to_string(), source }),
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let walker = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let hidden = entry.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                if !hidden && has_article_extension(entry.path()) {
                    inputs.push(Input::File(entry.into_path()));
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(dir).display().to_string();
                let source = err.into_io_error().unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                errors.push(Error::Io { path, source });
            }
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    inner_extension(path).is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// The lowercase extension, looking through a final `.gz`: `a.warc.gz` gives `warc`.
pub(crate) fn inner_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext == "gz" {
        let stem = Path::new(path.file_stem()?);
        return stem.extension()?.to_str().map(str::to_ascii_lowercase);
    }
    Some(ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_take_pages_feeds_and_archives() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.html", "c.html.gz", "d.warc.gz", "e.rss", "f.atom", "g.png", "h.css", "i.gz", "j.warc"]
        {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let (inputs, errors) = discover(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.file_name().unwrap().to_string_lossy().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.html", "c.html.gz", "d.warc.gz", "e.rss", "f.atom", "j.warc"]);
    }
}
