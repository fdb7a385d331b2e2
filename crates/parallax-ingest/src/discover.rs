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

/// File endings taken from directories. A file named on the command line is read whatever
/// its ending; inside a directory, images, stylesheets and notes are not articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "jsonl", "ndjson"];

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
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}
