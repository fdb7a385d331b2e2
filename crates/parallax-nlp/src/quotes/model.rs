//! The learned part of the quote finder: a logistic model over the features of each candidate
//! the rules find ([`features`](super::features)), saying how likely the candidate is a real
//! attribution with the content the rules gave it. Candidates below the threshold are dropped
//! before overlaps are settled.
//!
//! The weights are fitted by `cargo run --release -p parallax-nlp --example train_quotes` on
//! PolNeAR's train split and written to `models/quotes.tsv`, which is embedded here and parsed
//! once, offline. Inference is a hand-written sum of the weights of the features present and a
//! logistic function: a linear model needs nothing more, and a crate for it would add a matrix
//! library to every build for one dot product per candidate.

use std::fmt;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A bias that puts every candidate far above any threshold.
const KEEP_ALL: f64 = 20.0;

/// The model the library ships.
const EMBEDDED: &str = include_str!("../../models/quotes.tsv");

/// Feature weights, a bias and the decision threshold the trainer chose.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteModel {
    bias: f64,
    threshold: f64,
    weights: FxHashMap<String, f64>,
}

/// A model file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "quote model: line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for ModelError {}

impl QuoteModel {
    /// A model from its parts (the trainer's).
    pub fn new(bias: f64, threshold: f64, weights: impl IntoIterator<Item = (String, f64)>) -> QuoteModel {
        QuoteModel { bias, threshold, weights: weights.into_iter().collect() }
    }

    /// A model that keeps every candidate: the rules alone, as the trainer's baseline and the
    /// rules' own tests see them.
    pub fn rules_only() -> QuoteModel {
        QuoteModel::new(KEEP_ALL, 0.5, [])
    }

    /// The model embedded in the library, parsed on first use. The file is compiled in and a
    /// test parses it, so a failure here is a broken build, never something input can cause.
    pub fn embedded() -> &'static QuoteModel {
        static MODEL: LazyLock<QuoteModel> =
            LazyLock::new(|| QuoteModel::parse(EMBEDDED).unwrap_or_else(|e| panic!("{e}")));
        &MODEL
    }

    /// Parses a model file: `#` comment lines, then `@bias` and `@threshold` rows and one
    /// `feature<TAB>weight` row per feature.
    pub fn parse(text: &str) -> Result<QuoteModel, ModelError> {
        let mut model = QuoteModel { bias: 0.0, threshold: 0.5, weights: FxHashMap::default() };
        for (k, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |reason: String| ModelError { line: k + 1, reason };
            let (name, value) =
                line.split_once('\t').ok_or_else(|| err(format!("expected 'name<TAB>weight', found {line:?}")))?;
            let value: f64 = value.trim().parse().map_err(|e| err(format!("weight {value:?}: {e}")))?;
            match name {
                "@bias" => model.bias = value,
                "@threshold" => model.threshold = value,
                _ => {
                    model.weights.insert(name.to_string(), value);
                }
            }
        }
        Ok(model)
    }

    /// The probability the model gives a candidate with these features.
    pub fn probability(&self, features: &[String]) -> f64 {
        let z = self.bias + features.iter().filter_map(|f| self.weights.get(f.as_str())).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The probability below which the trainer found a candidate is better dropped.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The model as a file: `header` lines (each written after `# `), the bias and threshold,
    /// then the features by name.
    pub fn to_file(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(if line.is_empty() { "#" } else { "# " });
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("@bias\t{:.6}\n@threshold\t{:.4}\n", self.bias, self.threshold));
        let mut rows: Vec<(&String, &f64)> = self.weights.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        for (name, w) in rows {
            out.push_str(&format!("{name}\t{w:.6}\n"));
        }
        out
    }

    /// The features by weight, strongest for a quote first: what the model learned, for the
    /// trainer's report.
    pub fn by_weight(&self) -> Vec<(&str, f64)> {
        let mut rows: Vec<(&str, f64)> = self.weights.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_parses_and_round_trips() {
        let model = QuoteModel::embedded();
        assert!((0.0..1.0).contains(&model.threshold()));
        let again = QuoteModel::parse(&model.to_file("again")).unwrap();
        assert_eq!(again.weights.len(), model.weights.len());
        assert!((again.bias - model.bias).abs() < 1e-5);
    }

    #[test]
    fn a_malformed_row_names_its_line() {
        let err = QuoteModel::parse("# a model\n@bias\t0.5\nrule=turn 2.0\n").unwrap_err();
        assert_eq!(err.to_string(), "quote model: line 3: expected 'name<TAB>weight', found \"rule=turn 2.0\"");
    }

    #[test]
    fn probability_adds_the_weights_present() {
        let model = QuoteModel::new(0.0, 0.5, [("a".to_string(), 2.0), ("b".to_string(), -2.0)]);
        assert!((model.probability(&["a".into(), "b".into(), "unknown".into()]) - 0.5).abs() < 1e-9);
        assert!(model.probability(&["a".into()]) > 0.88);
    }
}
