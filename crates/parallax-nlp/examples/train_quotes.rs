//! Fits the quote finder's candidate scorer (`models/quotes.tsv`) on PolNeAR's train split,
//! cross-validates it, and scores it on the dev split.
//!
//! ```text
//! cargo run --release -p parallax-nlp --example train_quotes -- \
//!     ../shared/data/quotes/polnear-train.jsonl ../shared/data/quotes/polnear-dev.jsonl
//! cargo run --release -p parallax-nlp --example train_quotes -- --eval ../shared/data/quotes/polnear-dev.jsonl [-v]
//! ```
//!
//! Each article's text goes through `quotes::candidates` (every candidate the rules find, with
//! its features); a candidate is a positive example when it matches a gold attribution with a
//! speech cue the way `../shared/evals/quotes_eval.py` matches (word tokens overlapping by at
//! least half of each), a negative one when it matches nothing, and left out when it matches
//! only an attribution outside that scope (beliefs, "polls show": don't-care in the eval).
//! Features seen fewer than `MIN_COUNT` times are dropped; the weights are an L2-regularised
//! logistic regression (AdaGrad, see `fit`). 5-fold cross-validation over articles picks the
//! decision threshold (best detection F1 of the held-out folds, each scored with a model that
//! never saw it), then the model is fitted on all of train and scored on dev. Scoring is the
//! evaluation script's, on the gold text itself (the script scores the whole pipeline, cleaner
//! included, so its figures differ a little).
//!
//! `--eval FILE` scores the embedded model (the rules and the shipped weights) on a file, at
//! its threshold or `$QUOTE_THRESHOLD`; `-v` lists misses (`boundary`: a system quote overlaps
//! it, by less than half), spurious quotes and wrong speakers. The data stays outside the repo.
#![allow(clippy::print_stdout, reason = "a command-line tool's report")]

use std::collections::HashMap;
use std::io::Write;

use parallax_core::document::Document;
use parallax_core::{Quote, QuoteKind};
use parallax_nlp::quotes::{self, QuoteConfig, QuoteModel};
use serde::Deserialize;

/// Features seen fewer times than this in the training articles are left out: a weight fitted
/// on one or two candidates is noise.
const MIN_COUNT: usize = 3;
/// L2 penalty on the weights (the loss is summed over the candidates). Among 1, 10, 100, 1000
/// and 5000, cross-validation gave the same best F1 from 1 to 1000; 1000 keeps weights of
/// rare feature pairs small, so the model does not overrule the rules on forms train rarely
/// shows (a signature after a dash, chants).
const L2: f64 = 1000.0;
/// Passes over the training candidates, and AdaGrad's base step.
const EPOCHS: usize = 15;
const LEARNING_RATE: f64 = 0.2;
const FOLDS: usize = 5;
/// Thresholds tried for the decision.
const THRESHOLDS: [f64; 13] = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

#[derive(Debug, Deserialize)]
struct Article {
    id: String,
    text: String,
    quotes: Vec<Gold>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    spans: Vec<(usize, usize)>,
    text: String,
    kind: String,
    speaker: Option<String>,
    cue: Option<String>,
    speaker_from: String,
    #[serde(default)]
    speaker_aliases: Vec<String>,
    cue_class: String,
}

impl Gold {
    fn in_scope(&self) -> bool {
        self.cue_class == "speech"
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let mut out = std::io::stdout().lock();
    if args.iter().any(|a| a == "--eval") {
        let [file] = files[..] else { usage() };
        let arts = read(file);
        let threshold = std::env::var("QUOTE_THRESHOLD").ok().and_then(|t| t.parse().ok());
        let threshold = threshold.unwrap_or(QuoteModel::embedded().threshold());
        let counts = score_model(&arts, QuoteModel::embedded(), threshold, verbose, &mut out);
        writeln!(out, "{}", counts.report()).ok();
        return;
    }
    let [train, dev] = files[..] else { usage() };
    let train = read(train);
    let dev = read(dev);
    let examples: Vec<Vec<Example>> = train.iter().map(examples).collect();
    let positives = examples.iter().flatten().filter(|e| e.label).count();
    writeln!(
        out,
        "train: {} articles, {} candidates ({positives} positive)",
        train.len(),
        examples.iter().map(Vec::len).sum::<usize>()
    )
    .ok();

    // Cross-validation: per threshold, the summed counts of the held-out folds.
    let mut cv = vec![Counts::default(); THRESHOLDS.len()];
    for fold in 0..FOLDS {
        let fit_on: Vec<&Example> =
            examples.iter().enumerate().filter(|(k, _)| k % FOLDS != fold).flat_map(|(_, e)| e).collect();
        let model = fit(&fit_on, 0.5);
        let held: Vec<&Article> = train.iter().enumerate().filter(|(k, _)| k % FOLDS == fold).map(|(_, a)| a).collect();
        for (t, threshold) in THRESHOLDS.iter().enumerate() {
            let counts = score_refs(&held, &model, *threshold, false, &mut std::io::sink());
            cv[t].add(&counts);
        }
        writeln!(out, "fold {fold}: fitted on {} candidates", fit_on.len()).ok();
        out.flush().ok();
    }
    writeln!(out, "\n5-fold cross-validation on train (held-out folds):").ok();
    for (t, c) in THRESHOLDS.iter().zip(&cv) {
        writeln!(out, "  threshold {t:.2}: {}", c.report()).ok();
    }
    let (best, _) =
        THRESHOLDS.iter().zip(&cv).max_by(|a, b| a.1.f1().total_cmp(&b.1.f1())).expect("thresholds are listed");
    let rules = score_model(&train, &QuoteModel::rules_only(), 0.5, false, &mut std::io::sink());
    writeln!(out, "rules alone on train: {}", rules.report()).ok();

    let all: Vec<&Example> = examples.iter().flatten().collect();
    let model = fit(&all, *best);
    let on_dev = score_model(&dev, &model, *best, false, &mut std::io::sink());
    let rules_dev = score_model(&dev, &QuoteModel::rules_only(), 0.5, false, &mut std::io::sink());
    let cv_best = &cv[THRESHOLDS.iter().position(|t| t == best).expect("best is one of them")];
    writeln!(out, "threshold {best:.2}\nrules alone on dev: {}\nmodel on dev: {}", rules_dev.report(), on_dev.report())
        .ok();
    let rows = model.by_weight();
    writeln!(out, "\nstrongest for a quote:").ok();
    for (f, w) in rows.iter().take(25) {
        writeln!(out, "  {w:+.2} {f}").ok();
    }
    writeln!(out, "strongest against:").ok();
    for (f, w) in rows.iter().rev().take(25) {
        writeln!(out, "  {w:+.2} {f}").ok();
    }
    let header = format!(
        "Quote candidates: logistic-regression weights over the features of each candidate the rules find
(`src/quotes/features.rs`); a candidate whose probability is below the threshold is dropped.
Made by: cargo run --release -p parallax-nlp --example train_quotes -- \\
    ../shared/data/quotes/polnear-train.jsonl ../shared/data/quotes/polnear-dev.jsonl
Fitted on: PolNeAR v1.0.0 train split ({} articles, {} candidates, {positives} positive); features
seen at least {MIN_COUNT} times; L2 {L2}, {EPOCHS} AdaGrad passes. Threshold {best:.2}: the best detection F1 of
{FOLDS}-fold cross-validation on train.
Figures (the eval's scoring on the gold texts; speech-cue scope):
  {FOLDS}-fold CV on train, held out: {}
  rules alone, train:               {}
  this model, dev:                  {}
  rules alone, dev:                 {}",
        train.len(),
        all.len(),
        cv_best.report(),
        rules.report(),
        on_dev.report(),
        rules_dev.report(),
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/quotes.tsv");
    std::fs::write(path, model.to_file(&header)).unwrap_or_else(|e| panic!("{path}: {e}"));
    writeln!(out, "\nwrote {path}").ok();
}

fn usage() -> ! {
    eprintln!("usage: train_quotes TRAIN.jsonl DEV.jsonl | train_quotes --eval FILE.jsonl [-v]");
    std::process::exit(2);
}

fn read(path: &str) -> Vec<Article> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(k, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: line {}: {e}", k + 1)))
        .collect()
}

/// One candidate as a training example.
struct Example {
    features: Vec<String>,
    label: bool,
}

/// The candidates of an article, labelled against its gold attributions; those matching only
/// out-of-scope attributions are left out.
fn examples(a: &Article) -> Vec<Example> {
    let doc = Document::new(None, &a.text);
    let words = word_spans(&a.text);
    let gold: Vec<(Vec<usize>, bool)> = a.quotes.iter().map(|g| (tokens_of(&words, &g.spans), g.in_scope())).collect();
    quotes::candidates(&doc)
        .into_iter()
        .filter_map(|c| {
            let span = (c.parts[0].0, c.parts[c.parts.len() - 1].1);
            let s = tokens_of(&words, &[span]);
            let hits: Vec<bool> =
                gold.iter().filter(|(g, _)| matches(g, &s).is_some()).map(|(_, scope)| *scope).collect();
            let label = hits.iter().any(|&x| x);
            (label || hits.is_empty()).then_some(Example { features: c.features, label })
        })
        .collect()
}

/// A logistic regression on the examples, features counted first.
///
/// Hand-written rather than linfa-logistic: its L-BFGS (argmin's More-Thuente line search) did
/// not terminate on one of the five folds (over ten minutes on 10,000 candidates × 2,000
/// features, where the other folds took under a minute), and its dense matrix spends 150 MB on
/// features of which 25 per candidate are set. For sparse binary features the classic recipe
/// is a few passes of stochastic gradient descent with AdaGrad steps and an L2 penalty:
/// deterministic here (a fixed shuffle), and done in a second.
fn fit(examples: &[&Example], threshold: f64) -> QuoteModel {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for e in examples {
        for f in &e.features {
            *count.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = count.into_iter().filter(|&(_, n)| n >= MIN_COUNT).map(|(f, _)| f).collect();
    names.sort_unstable();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(k, f)| (*f, k)).collect();
    let rows: Vec<(Vec<usize>, f64)> = examples
        .iter()
        .map(|e| {
            let mut cols: Vec<usize> = e.features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect();
            cols.sort_unstable();
            cols.dedup();
            (cols, if e.label { 1.0 } else { 0.0 })
        })
        .collect();
    // The bias is the last weight.
    let bias = names.len();
    let mut w = vec![0.0f64; names.len() + 1];
    let mut squares = vec![0.0f64; names.len() + 1];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // A fixed pseudo-random order per epoch (xorshift): the same model from the same data.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let lambda = L2 / rows.len() as f64;
    for _ in 0..EPOCHS {
        for k in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(k, (state % (k as u64 + 1)) as usize);
        }
        for &r in &order {
            let (cols, y) = &rows[r];
            let z = w[bias] + cols.iter().map(|&c| w[c]).sum::<f64>();
            let g = 1.0 / (1.0 + (-z).exp()) - y;
            for &c in cols.iter().chain(std::iter::once(&bias)) {
                let grad = g + if c == bias { 0.0 } else { lambda * w[c] };
                squares[c] += grad * grad;
                w[c] -= LEARNING_RATE * grad / (squares[c].sqrt() + 1e-8);
            }
        }
    }
    let weights = names.iter().zip(&w).map(|(f, w)| (f.to_string(), *w));
    QuoteModel::new(w[bias], threshold, weights)
}

/// The eval script's counts.
#[derive(Debug, Clone, Default)]
struct Counts {
    gold: usize,
    sys: usize,
    tp: usize,
    tp_speaker: usize,
    speaker_n: usize,
    speaker_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.sys += o.sys;
        self.tp += o.tp;
        self.tp_speaker += o.tp_speaker;
        self.speaker_n += o.speaker_n;
        self.speaker_ok += o.speaker_ok;
    }

    fn prf(tp: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
        let p = if sys > 0 { tp as f64 / sys as f64 } else { 0.0 };
        let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }

    fn f1(&self) -> f64 {
        Counts::prf(self.tp, self.sys, self.gold).2
    }

    fn report(&self) -> String {
        let (p, r, f) = Counts::prf(self.tp, self.sys, self.gold);
        let (_, _, fs) = Counts::prf(self.tp_speaker, self.sys, self.gold);
        let acc = if self.speaker_n > 0 { self.speaker_ok as f64 / self.speaker_n as f64 } else { 0.0 };
        format!("P {p:.3} R {r:.3} F1 {f:.3}, speaker {acc:.3}, F1 with speaker {fs:.3}")
    }
}

fn score_model(arts: &[Article], model: &QuoteModel, threshold: f64, verbose: bool, out: &mut dyn Write) -> Counts {
    let refs: Vec<&Article> = arts.iter().collect();
    score_refs(&refs, model, threshold, verbose, out)
}

/// The system's quotes with `model` at `threshold`, scored as `quotes_eval.py` scores them.
fn score_refs(arts: &[&Article], model: &QuoteModel, threshold: f64, verbose: bool, out: &mut dyn Write) -> Counts {
    let config = QuoteConfig { min_confidence: threshold };
    let mut total = Counts::default();
    for a in arts {
        let doc = Document::new(None, &a.text);
        let found = quotes::find_with(&doc, &config, model);
        total.add(&score_article(a, &found, verbose, out));
    }
    total
}

fn score_article(a: &Article, found: &[Quote], verbose: bool, out: &mut dyn Write) -> Counts {
    let words = word_spans(&a.text);
    let gold: Vec<Vec<usize>> = a.quotes.iter().map(|g| tokens_of(&words, &g.spans)).collect();
    let sys: Vec<Vec<usize>> = found.iter().map(|q| tokens_of(&words, &[(q.start, q.end)])).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, s) in sys.iter().enumerate() {
            if let Some(dice) = matches(g, s) {
                pairs.push((dice, i, j));
            }
        }
    }
    // As the script sorts its tuples: best overlap first, ties by the later gold and system
    // quote.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let mut gm: HashMap<usize, usize> = HashMap::new();
    let mut sm: HashMap<usize, usize> = HashMap::new();
    for want in [true, false] {
        for &(_, i, j) in &pairs {
            if gm.contains_key(&i) || sm.contains_key(&j) || a.quotes[i].in_scope() != want {
                continue;
            }
            gm.insert(i, j);
            sm.insert(j, i);
        }
    }
    let mut c = Counts {
        sys: (0..found.len()).filter(|j| sm.get(j).is_none_or(|&i| a.quotes[i].in_scope())).count(),
        ..Counts::default()
    };
    for (i, g) in a.quotes.iter().enumerate() {
        if !g.in_scope() {
            continue;
        }
        c.gold += 1;
        let Some(&j) = gm.get(&i) else {
            if verbose {
                let cue = g.cue.as_deref().unwrap_or("");
                // Whether a system quote overlaps it at all: a boundary miss, not a detection one.
                let near = sys.iter().any(|s| s.iter().any(|k| gold[i].binary_search(k).is_ok()));
                let how = if near { "boundary" } else { "missed" };
                writeln!(out, "  {how} {} [{}] {:?} ({cue}): {:?}", short(&a.id), g.kind, g.speaker, clip(&g.text))
                    .ok();
            }
            continue;
        };
        c.tp += 1;
        if matches!(g.speaker_from.as_str(), "mention" | "coref") {
            c.speaker_n += 1;
            let names: Vec<&str> =
                g.speaker.iter().map(String::as_str).chain(g.speaker_aliases.iter().map(String::as_str)).collect();
            if same_speaker(&found[j].speaker, &names) {
                c.speaker_ok += 1;
                c.tp_speaker += 1;
            } else if verbose {
                writeln!(
                    out,
                    "  speaker {}: gold {:?}, system {:?}: {:?}",
                    short(&a.id),
                    g.speaker,
                    found[j].speaker,
                    clip(&g.text)
                )
                .ok();
            }
        } else {
            c.tp_speaker += 1;
        }
    }
    if verbose {
        for (j, q) in found.iter().enumerate() {
            if !sm.contains_key(&j) {
                let kind = if q.kind == QuoteKind::Direct { "direct" } else { "indirect" };
                writeln!(out, "  spurious {} [{kind}] {}: {:?}", short(&a.id), q.speaker, clip(&q.text)).ok();
            }
        }
    }
    c
}

fn short(id: &str) -> &str {
    &id[..id.char_indices().nth(48).map_or(id.len(), |(k, _)| k)]
}

fn clip(s: &str) -> String {
    s.chars().take(90).collect::<String>().replace('\n', " ")
}

/// Char spans of the text's word tokens (the script's `\w+`).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut n = 0;
    for (k, ch) in text.chars().enumerate() {
        let w = ch.is_alphanumeric() || ch == '_';
        match (w, start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                out.push((s, k));
                start = None;
            }
            _ => {}
        }
        n = k + 1;
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

/// Indices of the word tokens at least half inside any of the char spans.
fn tokens_of(words: &[(usize, usize)], spans: &[(usize, usize)]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &(a, b) in spans {
        let first = words.partition_point(|&(_, e)| e <= a);
        for (k, &(s, e)) in words.iter().enumerate().skip(first) {
            if s >= b {
                break;
            }
            if 2 * (e.min(b).saturating_sub(s.max(a))) >= e - s {
                out.push(k);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The Dice overlap of two token sets when they overlap by at least half of each.
fn matches(g: &[usize], s: &[usize]) -> Option<f64> {
    if g.is_empty() || s.is_empty() {
        return None;
    }
    let ov = g.iter().filter(|k| s.binary_search(k).is_ok()).count();
    (ov > 0 && 2 * ov >= g.len() && 2 * ov >= s.len()).then(|| 2.0 * ov as f64 / (g.len() + s.len()) as f64)
}

/// The script's titles, ignored when names are compared.
const TITLES: &str = "mr mrs ms miss dr sen senator rep representative gov governor president vice former secretary \
chairman chairwoman chair gen general lt col adm judge justice mayor candidate nominee republican \
democratic democrat prof professor sir lord lady minister prime the a an of jr sr ii iii";

fn name_tokens(s: &str) -> Vec<String> {
    let s = s.replace('\u{2019}', "'").to_lowercase();
    let mut toks = Vec::new();
    for w in s.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        // "'s" ends a possessive; other apostrophes split words as the script's [^\W_]+ does.
        let w = w.strip_suffix("'s").unwrap_or(w);
        for part in w.split('\'') {
            if !part.is_empty() && !TITLES.split(' ').any(|t| t == part) {
                toks.push(part.to_string());
            }
        }
    }
    toks
}

fn same_speaker(system: &str, gold: &[&str]) -> bool {
    let st = name_tokens(system);
    let Some(last) = st.last() else { return false };
    gold.iter().any(|g| {
        let gt = name_tokens(g);
        gt.last().is_some_and(|gl| st.contains(gl) || (gt.contains(last) && last.chars().count() > 2))
    })
}
