//! End-to-end tests of the `parallax` binary, linked into one test binary; each test works in
//! its own temporary directory.

mod bad_input;
mod cli;
mod contract;
mod entities;
mod html;
mod kill;
mod quotes;
mod store;
mod stories;
mod tidy;
mod timeline;

use std::path::Path;
use std::process::{Command, Output};

/// The binary under test, with a store in `store`.
pub(crate) fn parallax(store: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.arg("--store").arg(store).env_remove("PARALLAX_STORE").env("PARALLAX_LOG", "warn");
    cmd
}

/// Runs `parallax analyze --format json` and parses its stdout.
pub(crate) fn analyze_json(store: &Path, args: &[&str]) -> (Output, serde_json::Value) {
    let out = parallax(store).args(["analyze", "--format", "json"]).args(args).output().expect("runs parallax");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", String::from_utf8_lossy(&out.stderr)));
    (out, json)
}

/// A short invented article in the text layout.
pub(crate) fn article(date: &str, source: &str, title: &str, body: &str) -> String {
    format!("date {date} {source}\n{title}\n\n{body}\n")
}
