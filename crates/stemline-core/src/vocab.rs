//! Counting stems, their document frequencies and their surface forms.
//!
//! Each worker counts into its own [`VocabCounts`] (no locks, no sharing) and
//! the counts are merged at the end. Documents are never split between
//! workers, so a stem's document frequency is the sum of the workers'.

use hashbrown::HashMap;

use crate::normalizer::{in_chunks, Normalizer};

/// The counts of one stem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StemCounts {
    /// Tokens with this stem.
    pub count: u64,
    /// Documents with at least one such token.
    pub documents: u64,
    /// Each surface form (lower-cased Treebank token) with its count, in the
    /// order first seen; a stem has a handful, so a list beats a map.
    pub surfaces: Vec<(Box<[u8]>, u64)>,
    /// The counter's id of the last document counted here (ids start at 1).
    last_document: u64,
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

    /// Starts the next document; returns its id for [`Self::add`].
    fn start_document(&mut self) -> u64 {
        self.documents += 1;
        self.documents
    }

    fn add(&mut self, document: u64, token: &[u8], surface: &[u8]) {
        self.tokens += 1;
        let stem = match self.stems.get_mut(token) {
            Some(stem) => stem,
            None => self.stems.entry(token.into()).or_default(),
        };
        stem.count += 1;
        if stem.last_document != document {
            stem.last_document = document;
            stem.documents += 1;
        }
        match stem.surfaces.iter_mut().find(|(s, _)| **s == *surface) {
            Some((_, n)) => *n += 1,
            None => stem.surfaces.push((surface.into(), 1)),
        }
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

impl Normalizer {
    /// Counts every output token of `docs` into `counts`, on `workers`
    /// threads (0: one per core). Returns the number of tokens of each
    /// document, in input order.
    pub fn count_batch(
        &self,
        docs: &[&[u8]],
        workers: usize,
        counts: &mut VocabCounts,
    ) -> Vec<u64> {
        let (states, lengths) = in_chunks(
            docs,
            workers,
            || (self.take_record_cache(), VocabCounts::new()),
            |(cache, counts), chunk| {
                chunk
                    .iter()
                    .map(|doc| {
                        let id = counts.start_document();
                        let before = counts.tokens;
                        self.for_each_token(doc, cache, |r| counts.add(id, r.token, r.surface));
                        counts.tokens - before
                    })
                    .collect::<Vec<_>>()
            },
        );
        for (cache, worker_counts) in states {
            self.put_record_cache(cache);
            counts.merge(worker_counts);
        }
        lengths.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::classes::testing::ascii_classes;
    use crate::normalizer::{RustLowercase, Stemming};
    use crate::porter::Mode;

    fn normalizer() -> Normalizer {
        Normalizer::new(
            Arc::new(ascii_classes()),
            Stemming::Porter(Mode::NltkExtensions),
            Arc::new(RustLowercase),
            1 << 20,
        )
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
        let mut counts = VocabCounts::new();
        let lengths = n.count_batch(&docs, 1, &mut counts);
        assert_eq!(lengths, [5, 0, 3]);
        assert_eq!((counts.documents, counts.tokens), (3, 8));
        let run = &counts.stems[&b"run"[..]];
        assert_eq!((run.count, run.documents), (5, 2));
        assert_eq!(
            surfaces(&counts, "run"),
            [("run".into(), 2), ("running".into(), 1), ("runs".into(), 2)]
        );
    }

    #[test]
    fn any_worker_count_gives_the_same_counts() {
        let n = normalizer();
        let docs: Vec<String> = (0..300)
            .map(|i| format!("Doc {}: \"Running\" dogs' (cannot) -- {i}.", i % 7))
            .collect();
        let refs: Vec<&[u8]> = docs.iter().map(|d| d.as_bytes()).collect();
        let mut one = VocabCounts::new();
        let lengths = n.count_batch(&refs, 1, &mut one);
        for workers in [2, 3, 8] {
            let mut many = VocabCounts::new();
            assert_eq!(n.count_batch(&refs, workers, &mut many), lengths);
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
