//! `parallax`: the command-line shell over `parallax_engine::Engine`.
//!
//! Parses arguments, opens the engine, runs the command, renders the result on stdout. Errors
//! and progress go to stderr. Exit status: 0 when everything was read, 1 when some input
//! failed (the rest was still processed and printed), 2 when the command itself failed.
#![forbid(unsafe_code)]

mod cli;
mod extract;
mod progress;
mod render;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use parallax_engine::contract::{ArticleJson, RunSummary};
use parallax_engine::{Config, Engine, Progress};

use cli::{ArticlesCommand, Cli, Command, ExportFormat};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.quiet, cli.verbose);
    match run(cli) {
        Ok(code) => code,
        // `parallax ... | head`: the reader left; that is not a failure.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            let mut said = err.to_string();
            let _ = writeln!(stderr, "parallax: error: {said}");
            // Errors that name their path often carry their cause's text already.
            for cause in err.chain().skip(1).map(|c| c.to_string()) {
                if !said.contains(&cause) {
                    let _ = writeln!(stderr, "  caused by: {cause}");
                }
                said = cause;
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}

/// `PARALLAX_LOG` (an `EnvFilter`: `debug`, `parallax_engine=debug`) wins over the flags.
fn init_logging(quiet: bool, verbose: u8) {
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let store = cli.store_dir();
    let config = match &cli.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    // Opened by the commands that use it: `extract` stores nothing and creates no store.
    let open = || {
        Engine::open(&store, config.clone()).with_context(|| format!("cannot open the store in {}", store.display()))
    };
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Analyze { paths, format } => {
            let mut engine = open()?;
            let progress = progress::for_terminal(cli.quiet);
            let analysis = engine.analyze(&paths, progress.as_ref() as &dyn Progress)?;
            report_problems(&analysis.run, cli.quiet);
            render::analyze(&mut out, &analysis, format)?;
            Ok(exit_code(&analysis.run))
        }
        Command::Extract { files, format } => {
            let run = parallax_engine::extract_paths(&files, &config);
            let mut stderr = std::io::stderr().lock();
            for f in &run.failed {
                let _ = writeln!(stderr, "parallax: skipped {}", f.reason);
            }
            extract::render(&mut out, &run, format)?;
            Ok(if run.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Ingest { paths } => {
            let mut engine = open()?;
            let progress = progress::for_terminal(cli.quiet);
            let run = engine.ingest(&paths, progress.as_ref() as &dyn Progress)?.summary();
            report_problems(&run, cli.quiet);
            render::summary(&mut out, &run, engine.store_path())?;
            Ok(exit_code(&run))
        }
        Command::Articles { command } => {
            let engine = open()?;
            match command.unwrap_or(ArticlesCommand::List { format: cli::ListFormat::Text }) {
                ArticlesCommand::List { format } => render::article_list(&mut out, &engine.articles()?, format)?,
                ArticlesCommand::Show { id, format } => {
                    let view = engine
                        .article(&id)?
                        .with_context(|| format!("no article with id {id:?} (or the prefix is ambiguous)"))?;
                    render::article(&mut out, &view, format)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories { format } => {
            let engine = open()?;
            render::story_list(&mut out, &engine.stories()?, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Story { id, format } => {
            let engine = open()?;
            let view = engine.story(&id)?.with_context(|| format!("no story with id {id:?}"))?;
            render::story(&mut out, &view, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline { story, format } => {
            let engine = open()?;
            let entries = engine
                .timeline(story.as_deref())?
                .with_context(|| format!("no story with id {:?}", story.unwrap_or_default()))?;
            render::timeline(&mut out, &entries, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities { kind, format } => {
            let engine = open()?;
            render::entity_list(&mut out, &engine.entities(kind)?, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config => {
            out.write_all(config.to_toml().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, output } => {
            let articles = open()?.articles()?;
            match output {
                Some(path) => {
                    let file =
                        std::fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
                    let mut w = std::io::BufWriter::new(file);
                    export(&mut w, &articles, format)?;
                    w.flush().with_context(|| format!("cannot write {}", path.display()))?;
                }
                None => export(&mut out, &articles, format)?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn export(w: &mut dyn Write, articles: &[ArticleJson], format: ExportFormat) -> anyhow::Result<()> {
    match format {
        ExportFormat::Jsonl => render::json_lines(w, articles),
        ExportFormat::Csv => render::csv(w, articles),
    }
}

/// Failures always reach stderr; skipped inputs too unless `--quiet`.
fn report_problems(run: &RunSummary, quiet: bool) {
    let mut stderr = std::io::stderr().lock();
    for f in &run.failed {
        let _ = writeln!(stderr, "parallax: skipped {}", f.reason);
    }
    if !quiet {
        for f in &run.skipped {
            let _ = writeln!(stderr, "parallax: skipped {}: {}", f.source, f.reason);
        }
    }
}

fn exit_code(run: &RunSummary) -> ExitCode {
    if run.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
