//! Counting stems, their document frequencies and their surface forms.
//!
//! Each worker thread counts into its own tables (no locks, no sharing), kept
//! in a [`VocabCounter`] from one batch to the next; reading the counts merges
//! the workers' tables into one [`VocabCounts`]. Documents are never split
//! between workers, so a stem's document frequency is the sum of the workers'.

use hashbrown::HashMap;

use crate::cache::MAX_CACHED_RUN;
use crate::nltk_word::keyed::{Key, Keyed};
use crate::normalizer::{Normalizer, Tokenizer};
use crate::parallel::in_chunks;
use crate::pool::Pool;
use crate::word_tokenize::WordTokenizeScratch;

/// The counts of one stem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StemCounts {
    /// Tokens with this stem.
    pub count: u64,
    /// Documents with at least one such token.
    pub documents: u64,
    /// Each surface form (lower-cased Treebank token) with its count, in no
    /// particular order; a stem has a handful, so a list beats a map.
    pub surfaces: Vec<(Box<[u8]>, u64)>,
}

/// Stem counts over the documents counted so far.
#[derive(Debug, Clone, Default)]
pub struct VocabCounts {
    pub stems: HashMap<Box<[u8]>, StemCounts>,
    pub documents: u64,
    pub tokens: u64,
}

impl VocabCounts {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every stem with its counts, in the vocabulary's order: most frequent
    /// first, equal counts in code point order of the stem (generalized
    /// UTF-8 sorts bytewise in code point order); each stem's surface forms
    /// likewise. The one place the vocabulary is sorted: Python's
    /// `Vocabulary` takes these rows in the order they come.
    pub fn into_rows(self) -> Vec<(Box<[u8]>, StemCounts)> {
        let mut rows: Vec<_> = self.stems.into_iter().collect();
        rows.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
        for (_, counts) in &mut rows {
            counts
                .surfaces
                .sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        rows
    }

    /// Adds `other`'s counts, which must come from other documents.
    pub fn merge(&mut self, other: VocabCounts) {
        self.documents += other.documents;
        self.tokens += other.tokens;
        for (stem, theirs) in other.stems {
            let Some(ours) = self.stems.get_mut(&stem) else {
                self.stems.insert(stem, theirs);
                continue;
            };
            ours.count += theirs.count;
            ours.documents += theirs.documents;
            for (surface, n) in theirs.surfaces {
                match ours.surfaces.iter_mut().find(|(s, _)| *s == surface) {
                    Some((_, m)) => *m += n,
                    None => ours.surfaces.push((surface, n)),
                }
            }
        }
    }
}

/// The (stem id, surface id) of each token of a run.
type RunTokens = Box<[(u32, u32)]>;

/// Estimated bytes per run-table entry beyond its key and token ids.
const RUN_ENTRY_OVERHEAD: usize = 64;

/// One worker's state while counting: its counts, and a table of the runs it
/// has seen with their tokens' ids, so a run seen before costs one lookup
/// and an array increment per token. The run table is a cache: when it would
/// pass its memory bound it is emptied (the counts stay). With the
/// `word_tokenize` tokenizer its keys are tokens, each with its one id pair
/// (or none, if a filter drops it).
struct Worker {
    /// The normalizer whose runs `runs` holds ([`Normalizer::id`]).
    normalizer: u64,
    runs: HashMap<Box<[u8]>, RunTokens>,
    runs_bytes: usize,
    runs_limit: usize,
    counts: InternedCounts,
    records: Vec<u8>,
    ids: Vec<(u32, u32)>,
    /// The word tokenizer's state, with `word_tokenize` (its buffers: the
    /// run table keeps what its cache of chunks would).
    words: Option<WordTokenizeScratch>,
}

impl Worker {
    /// Counts the tokens of a run (or stretch) not in the run table, whose
    /// records are in `self.records`, and adds it to the table under `key`
    /// (if any).
    fn count_new(&mut self, key: Option<&[u8]>) {
        self.ids.clear();
        for r in crate::tokens::records(&self.records, 0) {
            self.ids.push(self.counts.intern(r.token, r.surface));
        }
        self.counts.count(&self.ids);
        let Some(key) = key else { return };
        let cost = key.len() + 8 * self.ids.len() + RUN_ENTRY_OVERHEAD;
        if key.len() <= MAX_CACHED_RUN && cost <= self.runs_limit {
            if self.runs_bytes + cost > self.runs_limit {
                self.runs.clear();
                self.runs_bytes = 0;
            }
            self.runs.insert(key.into(), self.ids.as_slice().into());
            self.runs_bytes += cost;
        }
    }
}

/// Counts with stems and surface forms interned as ids.
#[derive(Default)]
struct InternedCounts {
    stem_ids: HashMap<Box<[u8]>, u32>,
    /// Per stem id: its bytes, count, documents, and last document counted.
    stems: Vec<(Box<[u8]>, u64, u64, u64)>,
    /// Keyed by the stem id's 4 bytes followed by the surface's bytes.
    surface_ids: HashMap<Box<[u8]>, u32>,
    /// Per surface id: its stem id, bytes and count.
    surfaces: Vec<(u32, Box<[u8]>, u64)>,
    documents: u64,
    tokens: u64,
    surface_key: Vec<u8>,
}

impl InternedCounts {
    /// Counts one token per (stem id, surface id), in the current document.
    #[inline]
    fn count(&mut self, ids: &[(u32, u32)]) {
        let document = self.documents;
        self.tokens += ids.len() as u64;
        for &(stem, surface) in ids {
            let (_, count, documents, last) = &mut self.stems[stem as usize];
            *count += 1;
            if *last != document {
                *last = document;
                *documents += 1;
            }
            self.surfaces[surface as usize].2 += 1;
        }
    }

    /// The (stem id, surface id) of a token, interning what is new.
    fn intern(&mut self, token: &[u8], surface: &[u8]) -> (u32, u32) {
        let stem = match self.stem_ids.get(token) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                self.stems.push((token.into(), 0, 0, 0));
                self.stem_ids.insert(token.into(), id);
                id
            }
        };
        self.surface_key.clear();
        self.surface_key.extend_from_slice(&stem.to_le_bytes());
        self.surface_key.extend_from_slice(surface);
        let surface = match self.surface_ids.get(&self.surface_key[..]) {
            Some(&id) => id,
            None => {
                let id = self.surfaces.len() as u32;
                self.surfaces.push((stem, surface.into(), 0));
                self.surface_ids.insert(self.surface_key[..].into(), id);
                id
            }
        };
        (stem, surface)
    }

    /// The counts by stem, for merging.
    fn to_counts(&self) -> VocabCounts {
        let mut stems: Vec<(Box<[u8]>, StemCounts)> = self
            .stems
            .iter()
            .map(|(stem, count, documents, _)| {
                let counts = StemCounts {
                    count: *count,
                    documents: *documents,
                    surfaces: Vec::new(),
                };
                (stem.clone(), counts)
            })
            .collect();
        for (stem, surface, count) in &self.surfaces {
            stems[*stem as usize]
                .1
                .surfaces
                .push((surface.clone(), *count));
        }
        VocabCounts {
            stems: stems.into_iter().collect(),
            documents: self.documents,
            tokens: self.tokens,
        }
    }
}

/// Counts tokens over any number of batches, on any number of workers.
///
/// Each worker thread counts into its own state, kept here between batches
/// (so a batch starts with the runs already seen); [`VocabCounter::counts`]
/// merges them. Documents are never split between workers, so a stem's
/// document frequency is the sum of the workers'.
#[derive(Default)]
pub struct VocabCounter {
    workers: Pool<Worker>,
}

impl VocabCounter {
    pub fn new() -> Self {
        Self::default()
    }

    /// The counts of every document counted so far.
    pub fn counts(&self) -> VocabCounts {
        let workers = self.workers.idle();
        let mut counts = VocabCounts::new();
        for worker in workers.iter() {
            counts.merge(worker.counts.to_counts());
        }
        counts
    }

    /// (documents, tokens) counted so far.
    pub fn totals(&self) -> (u64, u64) {
        let workers = self.workers.idle();
        workers.iter().fold((0, 0), |(d, t), w| {
            (d + w.counts.documents, t + w.counts.tokens)
        })
    }

    fn take_worker(&self, normalizer: &Normalizer) -> Worker {
        let worker = self.workers.idle().pop();
        match worker {
            // The run table holds what another normalizer made of each run.
            Some(mut w) if w.normalizer != normalizer.id() => {
                w.runs.clear();
                w.runs_bytes = 0;
                w.normalizer = normalizer.id();
                w.runs_limit = normalizer.cache_bytes();
                w.words = None;
                w
            }
            Some(w) => w,
            None => Worker {
                normalizer: normalizer.id(),
                runs: HashMap::new(),
                runs_bytes: 0,
                runs_limit: normalizer.cache_bytes(),
                counts: InternedCounts::default(),
                records: Vec::new(),
                ids: Vec::new(),
                words: None,
            },
        }
    }

    fn put_worker(&self, worker: Worker) {
        self.workers.put(worker);
    }
}

impl Normalizer {
    /// Counts every output token of `docs` into `counter`, on `workers`
    /// threads (0: one per core). Returns the number of tokens of each
    /// document, in input order.
    pub fn count_batch(&self, docs: &[&[u8]], workers: usize, counter: &VocabCounter) -> Vec<u64> {
        let (workers, lengths) = in_chunks(
            docs,
            workers,
            || counter.take_worker(self),
            |w, chunk| {
                chunk
                    .iter()
                    .map(|doc| {
                        let before = w.counts.tokens;
                        self.count_document(doc, w);
                        w.counts.tokens - before
                    })
                    .collect::<Vec<_>>()
            },
        );
        workers.into_iter().for_each(|w| counter.put_worker(w));
        lengths.into_iter().flatten().collect()
    }

    fn count_document(&self, text: &[u8], w: &mut Worker) {
        w.counts.documents += 1;
        match self.tokenizer() {
            Tokenizer::Treebank => self.for_each_run(text, |run, pos, key| {
                if let Some(ids) = w.runs.get(key) {
                    w.counts.count(ids);
                    return;
                }
                w.records.clear();
                self.run_records(&text[run.start..run.end], run.kind, pos, &mut w.records);
                w.count_new(Some(key));
            }),
            // No offsets are needed: the tokens alone, never NLTK's
            // `span_tokenize`, which can raise. The run table is keyed by
            // stretches, as the line path's cache (see `normalizer::words`).
            Tokenizer::WordTokenize(words) => {
                let mut state = w
                    .words
                    .take()
                    .unwrap_or_else(|| WordTokenizeScratch::new(0));
                words.for_each_keyed(
                    text,
                    &mut state,
                    &mut Counting {
                        normalizer: self,
                        w,
                    },
                );
                w.words = Some(state);
            }
        }
    }
}

/// The vocabulary's [`Keyed`]: each stretch's token ids found in the run
/// table, or its tokens' records computed, counted and their ids kept.
struct Counting<'a> {
    normalizer: &'a Normalizer,
    w: &'a mut Worker,
}

impl Keyed for Counting<'_> {
    fn known(&mut self, _: Key, key: &[u8]) -> bool {
        match self.w.runs.get(key) {
            Some(ids) => {
                self.w.counts.count(ids);
                true
            }
            None => false,
        }
    }

    // A stretch's key holds a byte no token holds: one table for both.
    fn tokens(&mut self, _: Key, key: &[u8], tokens: &[u8]) {
        self.w.records.clear();
        for token in tokens.split(|&b| b == b' ').filter(|t| !t.is_empty()) {
            self.normalizer
                .word_token_record(token, &mut self.w.records);
        }
        self.w.count_new(Some(key));
    }

    fn token(&mut self, token: &[u8]) {
        self.w.records.clear();
        self.normalizer
            .word_token_record(token, &mut self.w.records);
        // Not kept: a token is no stretch's key.
        self.w.count_new(None);
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::normalizer::{testing, Stemming};
    use crate::porter::Mode;

    fn normalizer() -> Normalizer {
        testing::normalizer(Stemming::Porter(Mode::NltkExtensions))
    }

    fn surfaces(counts: &VocabCounts, stem: &str) -> Vec<(String, u64)> {
        let mut list: Vec<(String, u64)> = counts.stems[stem.as_bytes()]
            .surfaces
            .iter()
            .map(|(s, n)| (String::from_utf8(s.to_vec()).unwrap(), *n))
            .collect();
        list.sort();
        list
    }

    #[test]
    fn counts_stems_documents_and_surfaces() {
        let n = normalizer();
        let docs: [&[u8]; 3] = [b"Running runs. Run!", b"", b"runner RUNS run"];
        let counter = VocabCounter::new();
        let lengths = n.count_batch(&docs, 1, &counter);
        assert_eq!(lengths, [5, 0, 3]);
        let counts = counter.counts();
        assert_eq!((counts.documents, counts.tokens), (3, 8));
        let run = &counts.stems[&b"run"[..]];
        assert_eq!((run.count, run.documents), (5, 2));
        assert_eq!(
            surfaces(&counts, "run"),
            [("run".into(), 2), ("running".into(), 1), ("runs".into(), 2)]
        );
    }

    #[test]
    fn rows_come_most_frequent_first_then_in_code_point_order() {
        let n = normalizer();
        let counter = VocabCounter::new();
        n.count_batch(
            &[&b"b a c a b runs running RUNS \xc3\xa9 z z"[..]],
            1,
            &counter,
        );
        let rows = counter.counts().into_rows();
        let order: Vec<(&[u8], u64)> = rows.iter().map(|(s, c)| (&s[..], c.count)).collect();
        assert_eq!(
            order,
            [
                (&b"run"[..], 3),
                (b"a", 2),
                (b"b", 2),
                (b"z", 2),
                (b"c", 1),
                ("\u{e9}".as_bytes(), 1),
            ]
        );
        let surfaces: Vec<(&[u8], u64)> = rows[0]
            .1
            .surfaces
            .iter()
            .map(|(s, n)| (&s[..], *n))
            .collect();
        assert_eq!(surfaces, [(&b"runs"[..], 2), (b"running", 1)]);
    }

    #[test]
    fn any_worker_count_gives_the_same_counts() {
        let n = normalizer();
        let docs: Vec<String> = (0..300)
            .map(|i| format!("Doc {}: \"Running\" dogs' (cannot) -- {i}.", i % 7))
            .collect();
        let refs: Vec<&[u8]> = docs.iter().map(|d| d.as_bytes()).collect();
        let counter = VocabCounter::new();
        let lengths = n.count_batch(&refs, 1, &counter);
        let one = counter.counts();
        for workers in [2, 3, 8] {
            // In two batches, the second with warm workers.
            let counter = VocabCounter::new();
            let (a, b) = refs.split_at(100);
            let mut got = n.count_batch(a, workers, &counter);
            got.extend(n.count_batch(b, workers, &counter));
            assert_eq!(got, lengths);
            let many = counter.counts();
            assert_eq!((many.documents, many.tokens), (one.documents, one.tokens));
            for (stem, counts) in &one.stems {
                let theirs = &many.stems[stem];
                assert_eq!(
                    (theirs.count, theirs.documents),
                    (counts.count, counts.documents)
                );
                let mut a = counts.surfaces.clone();
                let mut b = theirs.surfaces.clone();
                a.sort();
                b.sort();
                assert_eq!(a, b);
            }
            assert_eq!(many.stems.len(), one.stems.len());
        }
    }
}
