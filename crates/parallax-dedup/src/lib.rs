//! Near-duplicates and syndication: one agency story republished with a new headline, a trimmed
//! ending, an added paragraph, a different byline.
//!
//! Each text becomes a set of word 5-gram shingles (over [`text::key`], so punctuation, case and
//! quote styles do not matter). A MinHash signature (128 values) estimates resemblance, and LSH
//! over 32 bands of 4 rows finds candidates without comparing every pair: work per document does
//! not grow with the index. Candidates are then verified exactly on the shingle sets, by both
//! resemblance (Jaccard) and containment (a short copy inside a longer text), before a link.
//!
//! The documents seen so far live behind [`Documents`]: in memory in [`NearDupIndex`], or in
//! the engine's store, which keeps each document's band keys in an indexed table so a lookup
//! costs the same however many documents there are. [`find_copy`] makes the decision for both.
//!
//! Hand-written rather than a MinHash crate: signing is one xxh3 per shingle plus a multiply-add
//! per permutation, which the crates on crates.io do not beat, and the verification and the
//! link-to-earliest policy are specific to this stage.
#![warn(clippy::disallowed_methods, reason = "pure stage")]

use std::borrow::Cow;
use std::convert::Infallible;

use parallax_core::text;
use rustc_hash::FxHashMap;

/// Permutations in a signature.
pub const PERMUTATIONS: usize = 128;
/// LSH bands of a signature: two documents are candidates when one band of theirs is equal.
pub const BANDS: usize = 32;
const ROWS: usize = PERMUTATIONS / BANDS;
/// Words in a shingle.
const SHINGLE: usize = 5;

/// Thresholds for a link.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DedupConfig {
    /// Jaccard resemblance of shingle sets that makes two texts copies.
    pub resemblance: f32,
    /// Share of the shorter text's shingles found in the longer one that makes it a copy.
    pub containment: f32,
    /// Texts with fewer shingles are too short to call copies.
    pub min_shingles: usize,
    /// Candidates verified per document, those sharing the most bands first: work per document
    /// stays bounded even when thousands of near-identical texts share buckets.
    pub max_candidates: usize,
}

impl Default for DedupConfig {
    fn default() -> DedupConfig {
        // A republished agency story keeps most of its sentences: 0.8 of the shorter text inside
        // the longer one survives a new intro paragraph and a trimmed ending, while two reports
        // of one event by different outlets share far fewer 5-word runs.
        DedupConfig { resemblance: 0.5, containment: 0.8, min_shingles: 12, max_candidates: 32 }
    }
}

/// The shingles of a text: hashes of its overlapping word 5-grams, sorted and deduplicated.
pub fn shingles(body: &str) -> Vec<u64> {
    let key = text::key(body);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<u64> = if words.len() < SHINGLE {
        vec![xxhash_rust::xxh3::xxh3_64(key.as_bytes())]
    } else {
        words
            .windows(SHINGLE)
            .map(|w| {
                // The window is a contiguous run of `key`: hash its bytes directly.
                let start = w[0].as_ptr() as usize - key.as_ptr() as usize;
                let last = w[SHINGLE - 1];
                let end = last.as_ptr() as usize - key.as_ptr() as usize + last.len();
                xxhash_rust::xxh3::xxh3_64(&key.as_bytes()[start..end])
            })
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of a shingle set: for each permutation, the smallest permuted hash.
///
/// Permutations are `x * a + b` on 32 bits (odd `a`: a bijection), so the inner loop is 128
/// lanes of 32-bit multiply, add and min that the compiler vectorises; on CPUs with AVX2 (checked
/// at run time, so the binary still runs anywhere) eight lanes at a time.
pub fn signature(shingles: &[u64]) -> [u32; PERMUTATIONS] {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, as checked just above.
        return unsafe { signature_avx2(shingles) };
    }
    signature_lanes(shingles)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn signature_avx2(shingles: &[u64]) -> [u32; PERMUTATIONS] {
    signature_lanes(shingles)
}

#[inline(always)]
fn signature_lanes(shingles: &[u64]) -> [u32; PERMUTATIONS] {
    let mut sig = [u32::MAX; PERMUTATIONS];
    for &h in shingles {
        let x = (h ^ (h >> 32)) as u32;
        for ((slot, &a), &b) in sig.iter_mut().zip(&MULTIPLIERS).zip(&OFFSETS) {
            *slot = (*slot).min(x.wrapping_mul(a).wrapping_add(b));
        }
    }
    sig
}

const fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const MULTIPLIERS: [u32; PERMUTATIONS] = {
    let mut m = [0u32; PERMUTATIONS];
    let mut i = 0;
    while i < PERMUTATIONS {
        m[i] = (splitmix(i as u64 * 2 + 1) as u32) | 1;
        i += 1;
    }
    m
};

const OFFSETS: [u32; PERMUTATIONS] = {
    let mut m = [0u32; PERMUTATIONS];
    let mut i = 0;
    while i < PERMUTATIONS {
        m[i] = splitmix(i as u64 * 2 + 2) as u32;
        i += 1;
    }
    m
};

/// A link from a copy to the text it copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Key of the earlier document.
    pub original: String,
    pub resemblance: f32,
    pub containment: f32,
}

/// What an index keeps of a text: its shingles, to verify candidates, and its band keys, to
/// find them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub shingles: Vec<u64>,
    pub bands: [u64; BANDS],
}

/// Shingles a text and signs it.
pub fn sign(body: &str) -> Signed {
    let shingles = shingles(body);
    let sig = signature(&shingles);
    let bands = std::array::from_fn(|b| band_key(&sig[b * ROWS..(b + 1) * ROWS]));
    Signed { shingles, bands }
}

/// The documents seen so far, numbered in the order they were added.
pub trait Documents {
    type Error;
    /// For each band `b`, the newest `limit` documents whose band `b` has the key `keys[b]`,
    /// newest first (all bands at once: a store answers them in one query).
    fn buckets(&self, keys: &[u64; BANDS], limit: usize) -> Result<Vec<Vec<u64>>, Self::Error>;
    /// The shingles of document `doc`.
    fn shingles(&self, doc: u64) -> Result<Cow<'_, [u64]>, Self::Error>;
}

/// A document that a new text copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Its number in [`Documents`].
    pub doc: u64,
    pub resemblance: f32,
    pub containment: f32,
}

/// The earlier document `signed` copies, if any: the first added (callers add in publication
/// order, so the first is the original) among the candidates verified.
pub fn find_copy<D: Documents>(config: &DedupConfig, signed: &Signed, docs: &D) -> Result<Option<Found>, D::Error> {
    if signed.shingles.len() < config.min_shingles {
        return Ok(None);
    }
    let mut hits: FxHashMap<u64, u32> = FxHashMap::default();
    // The most recent entries of a crowded bucket are enough to find a copy.
    for bucket in docs.buckets(&signed.bands, config.max_candidates * 4)? {
        for c in bucket {
            *hits.entry(c).or_default() += 1;
        }
    }
    // Most shared bands first (the likeliest copies), then the earliest document.
    let mut candidates: Vec<(u64, u32)> = hits.into_iter().collect();
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates.truncate(config.max_candidates);
    candidates.sort_unstable_by_key(|&(c, _)| c);
    for (c, _) in candidates {
        if let Some((resemblance, containment)) = verify(config, &signed.shingles, &docs.shingles(c)?) {
            return Ok(Some(Found { doc: c, resemblance, containment }));
        }
    }
    Ok(None)
}

/// Resemblance and containment of two shingle sets, when they make one a copy of the other.
fn verify(config: &DedupConfig, shingles: &[u64], other: &[u64]) -> Option<(f32, f32)> {
    if other.len() < config.min_shingles {
        return None;
    }
    let shared = intersection(shingles, other);
    let union = shingles.len() + other.len() - shared;
    let resemblance = shared as f32 / union.max(1) as f32;
    let containment = shared as f32 / shingles.len().min(other.len()).max(1) as f32;
    (resemblance >= config.resemblance || containment >= config.containment).then_some((resemblance, containment))
}

struct Entry {
    key: String,
    shingles: Vec<u64>,
}

/// The documents seen so far, in memory, searchable for copies.
#[derive(Default)]
pub struct NearDupIndex {
    config: DedupConfig,
    docs: Vec<Entry>,
    bands: Vec<FxHashMap<u64, Vec<u32>>>,
}

impl NearDupIndex {
    pub fn new(config: DedupConfig) -> NearDupIndex {
        NearDupIndex { config, docs: Vec::new(), bands: (0..BANDS).map(|_| FxHashMap::default()).collect() }
    }

    /// Adds a document and returns the earlier document it copies, if any (see [`find_copy`]).
    pub fn add(&mut self, key: &str, body: &str) -> Option<Link> {
        let signed = sign(body);
        let found = match find_copy(&self.config, &signed, &*self) {
            Ok(found) => found,
            Err(never) => match never {},
        };
        let link = found.map(|c| Link {
            original: self.docs[c.doc as usize].key.clone(),
            resemblance: c.resemblance,
            containment: c.containment,
        });
        let n = self.docs.len() as u32;
        for (b, k) in signed.bands.into_iter().enumerate() {
            self.bands[b].entry(k).or_default().push(n);
        }
        self.docs.push(Entry { key: key.to_string(), shingles: signed.shingles });
        link
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

impl Documents for NearDupIndex {
    type Error = Infallible;

    fn buckets(&self, keys: &[u64; BANDS], limit: usize) -> Result<Vec<Vec<u64>>, Infallible> {
        Ok(keys
            .iter()
            .zip(&self.bands)
            .map(|(key, band)| {
                let list = band.get(key).map_or(&[][..], Vec::as_slice);
                list.iter().rev().take(limit).map(|&c| u64::from(c)).collect()
            })
            .collect())
    }

    fn shingles(&self, doc: u64) -> Result<Cow<'_, [u64]>, Infallible> {
        Ok(Cow::Borrowed(&self.docs[doc as usize].shingles))
    }
}

fn band_key(rows: &[u32]) -> u64 {
    rows.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &r| (h ^ u64::from(r)).wrapping_mul(0x0100_0000_01b3))
}

/// Size of the intersection of two sorted, deduplicated lists.
fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Two workers were killed and 14 other people injured when fire tore through a chemical plant in the Varnian port city of Kessel overnight, forcing around 300 residents from their homes, officials said on Friday. The blaze broke out shortly before 11 p.m. on Thursday in a storage hall at the Tessaro Polymers plant in the city's Dockside district, according to the Kessel fire service. More than 80 firefighters fought the flames, which were brought under control about seven hours later. The cause of the fire was not immediately known. Tessaro Polymers said it was cooperating with investigators and had set up a hotline for employees' families.";

    #[test]
    fn syndication_variants_link_to_the_original() {
        let mut index = NearDupIndex::new(DedupConfig::default());
        assert_eq!(index.add("mpa", STORY), None);
        // Trimmed ending.
        let trimmed = &STORY[..STORY.find("The cause").unwrap()];
        assert_eq!(index.add("trimmed", trimmed).unwrap().original, "mpa");
        // An added local paragraph and different punctuation.
        let added =
            format!("Schools in Dockside will stay closed on Monday, the city said. {}", STORY.replace(',', ""));
        let link = index.add("added", &added).unwrap();
        assert_eq!(link.original, "mpa");
        assert!(link.containment > 0.9, "{link:?}");
    }

    #[test]
    fn another_report_of_the_same_event_is_not_a_copy() {
        let mut index = NearDupIndex::new(DedupConfig::default());
        index.add("mpa", STORY);
        let other = "Families from the streets around the Tessaro Polymers plant spent the night in a school gym after a fire at the chemical works killed two men. Smoke hung over Dockside until morning, and residents said they had heard explosions shortly after eleven. The fire service said more than eighty firefighters had been deployed.";
        assert_eq!(index.add("courier", other), None);
    }

    #[test]
    fn signatures_estimate_resemblance() {
        let a = shingles(STORY);
        let trimmed = shingles(&STORY[..STORY.len() / 2]);
        let (sa, sb) = (signature(&a), signature(&trimmed));
        let estimate = sa.iter().zip(&sb).filter(|(x, y)| x == y).count() as f32 / PERMUTATIONS as f32;
        let exact = intersection(&a, &trimmed) as f32 / (a.len() + trimmed.len() - intersection(&a, &trimmed)) as f32;
        assert!((estimate - exact).abs() < 0.15, "estimate {estimate} exact {exact}");
    }
}
