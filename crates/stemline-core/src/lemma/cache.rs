//! Recent results of [`WordNet::lemmatize`], for callers that lemmatize one
//! word at a time (Python's `lemmatize(word, pos)`, called once per token).
//!
//! Text repeats a small vocabulary, and a word WordNet's tables answer takes
//! one to four lookups in tables of megabytes (the word, then each form the
//! rules make of it), most of them misses of the processor's caches: a hit
//! here is one probe of a table small enough to stay in them. Each list of
//! the data has its own bounded [`TokenCache`] (the normalizer's), keyed by
//! the word's bytes, holding the lemma's id, or nothing for a word that is
//! its own lemma.

use std::sync::Mutex;

use super::{LemmaId, Lemmatized, Pos, WordNet};
use crate::cache::TokenCache;

/// The bound of each list's cache. Small, so that it stays in the
/// processor's caches; a news corpus's distinct words fit.
pub const LEMMA_CACHE_BYTES: usize = 1 << 20;

/// [`WordNet::lemmatize`] with its recent results kept: `Sync`, bounded.
#[derive(Debug)]
pub struct LemmaCache {
    /// By [`Pos::lists`]: `"a"` and `"s"` read the same lists with the same
    /// rules, so they share their results.
    lists: [Mutex<TokenCache>; 4],
}

impl Default for LemmaCache {
    fn default() -> Self {
        LemmaCache::new(LEMMA_CACHE_BYTES)
    }
}

impl LemmaCache {
    /// Empty caches, each bounded by `limit_bytes`.
    pub fn new(limit_bytes: usize) -> Self {
        LemmaCache {
            lists: std::array::from_fn(|_| Mutex::new(TokenCache::new(limit_bytes))),
        }
    }

    /// `wordnet.lemmatize(word, pos)`, from the cache when it has the word.
    ///
    /// A thread that finds the list's cache in use by another computes the
    /// lemma without it rather than wait.
    #[inline]
    pub fn lemmatize(&self, wordnet: &WordNet, word: &[u8], pos: Pos) -> Lemmatized {
        match self.lists[pos.lists()].try_lock() {
            Ok(mut cache) => lemmatize_in(&mut cache, wordnet, word, pos),
            Err(_) => wordnet.lemmatize(word, pos),
        }
    }

    /// [`Self::lemmatize`] for each of `words`, taking the list's cache once.
    pub fn lemmatize_all(
        &self,
        wordnet: &WordNet,
        words: &[&[u8]],
        pos: Pos,
        mut each: impl FnMut(Lemmatized),
    ) {
        match self.lists[pos.lists()].try_lock() {
            Ok(mut cache) => words
                .iter()
                .for_each(|w| each(lemmatize_in(&mut cache, wordnet, w, pos))),
            Err(_) => words.iter().for_each(|w| each(wordnet.lemmatize(w, pos))),
        }
    }
}

#[inline]
fn lemmatize_in(cache: &mut TokenCache, wordnet: &WordNet, word: &[u8], pos: Pos) -> Lemmatized {
    match cache.lookup(word) {
        Ok(found) => decode(found),
        Err(vacancy) => {
            let found = wordnet.lemmatize(word, pos);
            let id;
            let value: &[u8] = match found {
                Lemmatized::Unchanged => &[],
                Lemmatized::Lemma(lemma) => {
                    id = lemma.0.to_le_bytes();
                    &id
                }
            };
            cache.insert_vacant(vacancy, word, value);
            found
        }
    }
}

/// A cached value: empty for [`Lemmatized::Unchanged`], else the lemma's id.
#[inline]
fn decode(value: &[u8]) -> Lemmatized {
    match <[u8; 4]>::try_from(value) {
        Ok(id) => Lemmatized::Lemma(LemmaId(u32::from_le_bytes(id))),
        Err(_) => Lemmatized::Unchanged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lemma::data::tests::data;

    #[test]
    fn cached_results_are_the_lemmatizers() {
        let wn = data(&["goose", "bus", "run"], &["run"], &["geese goose"], &[]);
        // A bound too small to keep anything, and one that keeps everything.
        for cache in [LemmaCache::new(0), LemmaCache::default()] {
            for _ in 0..3 {
                for word in [
                    "geese",
                    "buses",
                    "bus",
                    "runs",
                    "zzz",
                    "",
                    "x".repeat(300).as_str(),
                ] {
                    for pos in Pos::ALL {
                        let word = word.as_bytes();
                        let expected = wn.lemmatize(word, pos);
                        assert_eq!(cache.lemmatize(&wn, word, pos), expected);
                        let mut all = Vec::new();
                        cache.lemmatize_all(&wn, &[word, word], pos, |l| all.push(l));
                        assert_eq!(all, [expected, expected]);
                    }
                }
            }
        }
    }

    #[test]
    fn a_busy_cache_is_bypassed() {
        let wn = data(&["goose"], &[], &["geese goose"], &[]);
        let cache = LemmaCache::default();
        let expected = wn.lemmatize(b"geese", Pos::Noun);
        let _held = cache.lists[Pos::Noun.lists()].lock();
        assert_eq!(cache.lemmatize(&wn, b"geese", Pos::Noun), expected);
    }
}
