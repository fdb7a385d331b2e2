//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use parallax_engine::{CONFIG_ENV, DEFAULT_STORE_DIR, STORE_ENV};

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how many outlets tell one story: clean articles, stories, quotes, timelines",
    after_help = "Examples:\n  parallax analyze examples/corpus\n  parallax analyze --format json scraped/*.txt > report.json\n  cat feed.jsonl | parallax ingest -\n  parallax articles show 3f2a\n  parallax entities --kind person\n  parallax export --format csv --output articles.csv\n  parallax config > parallax.toml; parallax --config parallax.toml analyze inputs/"
)]
pub(crate) struct Cli {
    /// Store directory (created if missing)
    #[arg(long, global = true, env = STORE_ENV, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,

    /// No progress bar and no warnings on stderr; errors are still shown
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,

    /// Settings file (TOML; `parallax config` prints every setting with its value)
    #[arg(long, global = true, env = CONFIG_ENV, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Say more on stderr: -v what each run did, -vv every input and article
    #[arg(long, short, global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub(crate) verbose: u8,

    #[command(subcommand)]
    pub(crate) command: Command,
}

impl Cli {
    pub(crate) fn store_dir(&self) -> PathBuf {
        self.store.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_STORE_DIR))
    }
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Ingest files, then report on the articles of this run
    #[command(
        after_help = "Inputs: text files (optionally opening with `date YYYY-MM-DD <source>`), JSON Lines, directories (recursively: .txt .text .jsonl .ndjson), `-` for stdin.\nExit status: 0 all read, 1 some input failed (reported on stderr, the rest processed), 2 the command failed."
    )]
    Analyze {
        /// Files, directories, or `-` for stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Ingest files into the store and print a summary
    Ingest {
        /// Files, directories, or `-` for stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the article text and metadata found in files, storing nothing
    #[command(
        after_help = "Inputs: saved HTML pages (also .html.gz), RSS/Atom/JSON feeds, WARC archives (.warc, .warc.gz), text and JSON Lines files, directories.\nJSON: an array with one object per article: source, title, authors, published, text (paragraphs separated by blank lines), url, outlet, language, not_article (why an index or error page is not an article), warnings."
    )]
    Extract {
        /// Files or directories
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
    /// List stored articles, or show one
    Articles {
        #[command(subcommand)]
        command: Option<ArticlesCommand>,
    },
    /// List the stories in the store, most recent first
    Stories {
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one story: its articles, outlets and key terms
    Story {
        /// Story id (a merged story's id shows the story it joined)
        id: String,
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Dated statements from the stored articles, oldest first: across the store, or one story's
    Timeline {
        /// Only this story's timeline
        #[arg(long, value_name = "ID")]
        story: Option<String>,
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// People, organisations and places across the stored articles, most widely mentioned first
    Entities {
        /// Only entities of this kind: person, organization, place or other
        #[arg(long, short, value_name = "KIND")]
        kind: Option<parallax_engine::EntityKind>,
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print the settings in effect (defaults, or `--config FILE` over them) as TOML
    Config,
    /// Write every stored article out
    Export {
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Write to this file instead of stdout
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub(crate) enum ArticlesCommand {
    /// One line per stored article
    List {
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// One article in full (by id or a unique prefix of it)
    Show {
        id: String,
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormat {
    Text,
    Markdown,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExtractFormat {
    Text,
    Json,
}
