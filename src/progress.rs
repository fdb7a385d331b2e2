//! The progress bar: indicatif on stderr, only when stderr is a terminal and not `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_engine::{NoProgress, Progress};

struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
    }
    fn advance(&self, input: &str) {
        self.0.set_message(input.to_string());
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

pub(crate) fn for_terminal(quiet: bool) -> Box<dyn Progress> {
    if quiet || !std::io::stderr().is_terminal() {
        return Box::new(NoProgress);
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {pos}/{len} files [{bar:30}] {per_sec} {wide_msg}")
        .expect("valid progress template")
        .progress_chars("=> ");
    bar.set_style(style);
    Box::new(Bar(bar))
}
