//! The pipeline: text -> runs -> Treebank tokens -> stems, one line per
//! document.
//!
//! A document is cut into runs ([`crate::wordpunct`]); each run's output (its
//! Treebank tokens, each lower-cased and stemmed, joined by spaces) depends
//! only on the run and on whether it starts or ends the text, so it is
//! computed once and then found in the per-thread [`TokenCache`]. A run is
//! computed on its bytes when it is an ASCII word (most runs of real text),
//! and on its code points otherwise; a run too long to hold as code points
//! is cut into pieces (`long_runs`). The outputs go to a sink (`sinks`): the
//! line, the tokens, or the line in parts.
//!
//! With the [`Tokenizer::WordTokenize`] tokenizer (`words`), the tokens are
//! `nltk.word_tokenize`'s ([`crate::word_tokenize`]) and each token's output
//! is cached instead of each run's.
//!
//! Lower-casing ([`crate::lowercase`]) and stemming ([`crate::stem`]) are
//! asked of their modules; batches run on [`crate::parallel`]'s runner.

mod long_runs;
mod sinks;
mod words;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::cache::{TokenCache, MAX_CACHED_RUN};
use crate::classes::{CharClasses, RE_WORD, SPACE, SPLIT_SPACE, WORD};
use crate::codepoints;
use crate::filter::TokenFilter;
use crate::lowercase::{self, Lowercase};
use crate::parallel::{in_chunks, in_chunks_streamed};
use crate::pool::Pool;
use crate::short_copy::append_ascii_lowercase;
use crate::stem::Stemmer;
pub use crate::stem::Stemming;
use crate::treebank::{self, Position};
use crate::word_tokenize::WordTokenize;
use crate::wordpunct::{Run, RunKind, Runs};
use sinks::{Line, Parts, Sink, Tokens};
pub(crate) use words::{take_words_state, WordsState};

/// Cache value of a run that yields no tokens at all (a punctuation run made
/// only of characters `str.split()` treats as whitespace, such as U+001C).
/// 0xFF never occurs in (generalized) UTF-8, so it cannot be a real output.
const NO_TOKENS: u8 = 0xFF;

/// Appended to a punctuation run's bytes to key its result when it starts or
/// ends the text, where the Treebank anchors make its output differ.
/// 0xF8..0xFB never occur in UTF-8, so these keys cannot collide with a run.
const EDGE_KEY: u8 = 0xF8;

pub(crate) use crate::cache::Scratch;

/// The output of every one-byte run away from the text's edges (cache values,
/// indexed by the byte), computed once by the code-point path: single letters,
/// digits and punctuation are a large share of all runs, and a table read is
/// cheaper than a cache probe or a run computed from scratch.
#[derive(Clone, Default)]
struct OneByteRuns {
    outputs: Vec<Vec<u8>>,
}

/// How a document is cut into the tokens that are stemmed.
pub enum Tokenizer {
    /// NLTK's `TreebankWordTokenizer` over `wordpunct_tokenize`'s tokens
    /// (stemline's classic normalization, the default): runs cached.
    Treebank,
    /// `nltk.word_tokenize(text, language)`: Punkt's sentences in one
    /// language, then `NLTKWordTokenizer` on each; tokens cached. (Boxed:
    /// the tokenizers are large beside the other variant.)
    WordTokenize(Box<WordTokenize>),
}

pub struct Normalizer {
    classes: Arc<CharClasses>,
    tokenizer: Tokenizer,
    stemmer: Stemmer,
    lowercase: Arc<dyn Lowercase>,
    cache_bytes: usize,
    caches: Pool<TokenCache>,
    /// Caches of per-token records (see [`crate::tokens`]), for offsets and
    /// the vocabulary; kept apart so those never slow the line cache down.
    record_caches: Pool<TokenCache>,
    filter: TokenFilter,
    id: u64,
    /// Whether ASCII word runs may be computed on their bytes: the ASCII word
    /// characters are `[0-9A-Za-z_]` for both regex engines, and the
    /// contraction rules fold ASCII case plainly.
    ascii_words: bool,
    one_byte_runs: OneByteRuns,
    /// The output of every one-byte token of `word_tokenize`, and of every
    /// one-byte chunk (see `words`).
    one_byte_tokens: OneByteRuns,
    one_byte_chunks: OneByteRuns,
    /// Punctuation runs longer than this many bytes are processed in pieces
    /// (see [`Self::long_punct_run_output`]).
    piece_bytes: usize,
}

/// The default [`Normalizer::with_piece_bytes`]: far above any run of real
/// text, and small enough that a piece's working memory (its code points and
/// the rules' copies, about 40 bytes a byte) is negligible beside a document
/// that has such a run.
pub const PIECE_BYTES: usize = 1 << 16;

/// Texts of more than this many bytes have their line handed on in parts by
/// [`Normalizer::normalize_or_in_parts`]: below it, holding a line twice
/// (the caller's copy beside ours) costs little.
pub const LONG_TEXT_BYTES: usize = 16 << 20;

/// The parts [`Normalizer::normalize_or_in_parts`] hands on, in bytes: the
/// most of the line it holds beside the caller's copy.
const PART_BYTES: usize = 1 << 20;

/// The next [`Normalizer::id`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Normalizer {
    /// A normalizer stemming with `stemmer` (for the data-free ones,
    /// `Stemmer::new(stemming)`).
    pub fn new(
        classes: Arc<CharClasses>,
        stemmer: Stemmer,
        lowercase: Arc<dyn Lowercase>,
        cache_bytes: usize,
    ) -> Self {
        let ascii_words = classes.standard_ascii_words()
            && (0..128u8)
                .all(|b| (classes.ascii(b) & WORD != 0) == (classes.ascii(b) & RE_WORD != 0))
            && treebank::ascii_case_folds_plainly(&classes);
        let mut normalizer = Normalizer {
            classes,
            tokenizer: Tokenizer::Treebank,
            stemmer,
            lowercase,
            cache_bytes,
            caches: Pool::default(),
            record_caches: Pool::default(),
            filter: TokenFilter::default(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ascii_words,
            one_byte_runs: OneByteRuns::default(),
            one_byte_tokens: OneByteRuns::default(),
            one_byte_chunks: OneByteRuns::default(),
            piece_bytes: PIECE_BYTES,
        };
        normalizer.compute_tables();
        normalizer
    }

    /// The same normalizer, dropping the tokens `filter` drops.
    pub fn with_filter(mut self, filter: TokenFilter) -> Self {
        self.filter = filter;
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self.clear_caches();
        self.compute_tables();
        self
    }

    /// The same normalizer, cutting documents into tokens with `tokenizer`.
    pub fn with_tokenizer(mut self, tokenizer: Tokenizer) -> Self {
        self.tokenizer = tokenizer;
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self.clear_caches();
        self.compute_tables();
        self
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The tables of one-byte runs, tokens and chunks, for the current
    /// filter and tokenizer.
    fn compute_tables(&mut self) {
        self.one_byte_runs = self.compute_one_byte_runs();
        self.one_byte_tokens = self.compute_one_byte_tokens();
        self.one_byte_chunks = self.compute_one_byte_chunks();
    }

    /// The same normalizer, cutting punctuation runs longer than `bytes` into
    /// pieces of about `bytes` (at least 1): the output does not change, only
    /// the working memory; tests make it small so that short runs cross many
    /// cuts.
    pub fn with_piece_bytes(mut self, bytes: usize) -> Self {
        self.piece_bytes = bytes.max(1);
        self
    }

    /// [`OneByteRuns`] for this normalizer, by the code-point path (never the
    /// byte path, so that the two stay independent).
    fn compute_one_byte_runs(&self) -> OneByteRuns {
        let middle = Position {
            first: false,
            last: false,
        };
        let outputs = (0..128u8)
            .map(|b| {
                let class = self.classes.ascii(b);
                if class & SPACE != 0 {
                    return Vec::new(); // never a run
                }
                let kind = if class & WORD != 0 {
                    RunKind::Word
                } else {
                    RunKind::Punct
                };
                let mut scratch = Scratch::default();
                self.codepoint_run_output(&[b], kind, middle, &mut scratch);
                scratch.output
            })
            .collect();
        OneByteRuns { outputs }
    }

    /// A number no other normalizer of this process has, so that state built
    /// for one normalizer (such as a counter's run tables) can tell it apart.
    pub fn id(&self) -> u64 {
        self.id
    }

    pub(crate) fn classes(&self) -> &CharClasses {
        &self.classes
    }

    pub fn cache_bytes(&self) -> usize {
        self.cache_bytes
    }

    /// Takes a cache from the pool (or a new one); give it back with [`Self::put_cache`].
    pub fn take_cache(&self) -> TokenCache {
        self.take_from(&self.caches)
    }

    pub fn put_cache(&self, cache: TokenCache) {
        self.caches.put(cache);
    }

    /// Like [`Self::take_cache`], for the per-token record caches.
    pub(crate) fn take_record_cache(&self) -> TokenCache {
        self.take_from(&self.record_caches)
    }

    pub(crate) fn put_record_cache(&self, cache: TokenCache) {
        self.record_caches.put(cache);
    }

    fn take_from(&self, pool: &Pool<TokenCache>) -> TokenCache {
        pool.take_or(|| TokenCache::new(self.cache_bytes))
    }

    /// Empties every pooled cache.
    pub fn clear_caches(&self) {
        self.caches.clear();
        self.record_caches.clear();
    }

    /// Sizes (entries, estimated bytes) of the pooled caches (with
    /// `word_tokenize`, a worker's cache of chunks is listed apart, after
    /// the rest).
    pub fn cache_stats(&self) -> Vec<(usize, usize)> {
        let caches = self.caches.idle();
        let records = self.record_caches.idle();
        let all = || caches.iter().chain(records.iter());
        all()
            .map(|c| (c.len(), c.used_bytes()))
            .chain(
                all()
                    .filter_map(|c| c.words.as_deref())
                    .flat_map(WordsState::cache_stats),
            )
            .collect()
    }

    /// Normalizes one document (generalized UTF-8), appending its line without
    /// a newline to `out`.
    pub fn normalize_into(&self, text: &[u8], cache: &mut TokenCache, out: &mut Vec<u8>) {
        // Not `out.len() > start`: a token can stem to nothing ("s" in the
        // original algorithm), and the reference still joins it with spaces.
        self.for_each_output(text, cache, &mut Line { out, any: false });
    }

    /// One document to its line, with a pooled cache.
    pub fn normalize(&self, text: &[u8]) -> Vec<u8> {
        let mut cache = self.take_cache();
        let mut out = Vec::with_capacity(text.len());
        self.normalize_into(text, &mut cache, &mut out);
        self.put_cache(cache);
        out
    }

    /// [`Self::normalize`], handing the line to `consume` in consecutive
    /// non-empty parts of about `part_bytes` (shorter before, and longer for, a
    /// run whose output is longer), each ending where a run's output does
    /// (nothing at all for an empty line): a caller that builds its own
    /// copy of the line (the binding's Python string) then never holds the
    /// whole line twice.
    pub fn normalize_in_parts(
        &self,
        text: &[u8],
        part_bytes: usize,
        mut consume: impl FnMut(&[u8]),
    ) {
        let mut cache = self.take_cache();
        let mut parts = Parts {
            part: Vec::with_capacity(part_bytes + part_bytes / 4),
            any: false,
            part_bytes,
            consume: &mut consume,
        };
        self.for_each_output(text, &mut cache, &mut parts);
        parts.flush();
        self.put_cache(cache);
    }

    /// One document's line for a caller that builds its own copy of it (the
    /// binding's Python string): the whole line for a text of at most
    /// [`LONG_TEXT_BYTES`]; for a longer one, `None`, the line having gone
    /// to `part` in parts (see [`Self::normalize_in_parts`]), so that the
    /// line of a document of hundreds of megabytes is never held twice.
    pub fn normalize_or_in_parts(&self, text: &[u8], part: impl FnMut(&[u8])) -> Option<Vec<u8>> {
        if text.len() > LONG_TEXT_BYTES {
            self.normalize_in_parts(text, PART_BYTES, part);
            None
        } else {
            Some(self.normalize(text))
        }
    }

    /// One document to its tokens, with a pooled cache.
    pub fn tokens(&self, text: &[u8]) -> Vec<Vec<u8>> {
        let mut cache = self.take_cache();
        let mut tokens = Tokens(Vec::new());
        self.for_each_output(text, &mut cache, &mut tokens);
        self.put_cache(cache);
        tokens.0
    }

    /// Calls `visit` with each run of `text`, its position, and its cache key:
    /// the run's bytes, marked when the run is punctuation at an edge of the
    /// text (where the Treebank anchors make its output differ) and short
    /// enough to be cached.
    #[inline(always)]
    pub(crate) fn for_each_run(&self, text: &[u8], mut visit: impl FnMut(Run, Position, &[u8])) {
        let mut runs = Runs::new(text, &self.classes);
        let mut first = true;
        let mut edge_key = Vec::new();
        while let Some(run) = runs.next() {
            let bytes = &text[run.start..run.end];
            let pos = Position {
                first,
                last: run.kind == RunKind::Punct && runs.at_end(),
            };
            first = false;
            // A run too long to be cached is its own key, unmarked: no cache
            // holds a key that long, and copying a run of hundreds of
            // megabytes into a key would cost its size again.
            let key: &[u8] = if run.kind == RunKind::Punct
                && (pos.first || pos.last)
                && bytes.len() <= MAX_CACHED_RUN
            {
                edge_key.clear();
                edge_key.extend_from_slice(bytes);
                edge_key.push(EDGE_KEY | pos.first as u8 | (pos.last as u8) << 1);
                &edge_key
            } else {
                bytes
            };
            visit(run, pos, key);
        }
    }

    /// Hands `sink` the outputs of the document's tokens, as the tokenizer
    /// computes and caches them: each run's (its tokens joined by spaces)
    /// or each token's.
    #[inline]
    fn for_each_output(&self, text: &[u8], cache: &mut TokenCache, sink: &mut impl Sink) {
        match &self.tokenizer {
            Tokenizer::Treebank => self.for_each_run_output(text, cache, sink),
            Tokenizer::WordTokenize(words) => self.word_outputs(words, text, cache, sink),
        }
    }

    /// Hands `sink` the output of each run that yields tokens.
    fn for_each_run_output(&self, text: &[u8], cache: &mut TokenCache, sink: &mut impl Sink) {
        // Only a document longer than a piece can hold a long run; every other
        // document takes a loop without the test, which cost 5% on real text.
        if text.len() > self.piece_bytes {
            self.run_outputs::<true>(text, cache, sink);
        } else {
            self.run_outputs::<false>(text, cache, sink);
        }
    }

    /// [`Self::for_each_run_output`], looking for long runs if `LONG`.
    #[inline(always)]
    fn run_outputs<const LONG: bool>(
        &self,
        text: &[u8],
        cache: &mut TokenCache,
        sink: &mut impl Sink,
    ) {
        // The cache keeps the buffers between documents: taken new for each,
        // they were allocated (and grown, and freed) again for every document
        // with a miss, which showed in profiles of a first pass.
        let mut scratch = std::mem::take(&mut cache.scratch);
        self.for_each_run(text, |run, pos, key| {
            // A one-byte key is a one-byte run that is not keyed as an edge:
            // its output is in the table.
            if let [b] = *key {
                let value = &self.one_byte_runs.outputs[b as usize];
                if value[..] != [NO_TOKENS] {
                    sink.run(value);
                }
                return;
            }
            if LONG
                && run.end - run.start > self.piece_bytes
                && self.long_run_output(
                    &text[run.start..run.end],
                    run.kind,
                    pos,
                    &mut scratch,
                    sink,
                )
            {
                return;
            }
            let vacancy = match cache.lookup(key) {
                Ok(value) => {
                    if value != [NO_TOKENS] {
                        sink.run(value);
                    }
                    return;
                }
                Err(vacancy) => vacancy,
            };
            scratch.output.clear();
            self.run_output(&text[run.start..run.end], run.kind, pos, &mut scratch);
            cache.insert_vacant(vacancy, key, &scratch.output);
            if scratch.output != [NO_TOKENS] {
                sink.run(&scratch.output);
            }
        });
        cache.keep_scratch(scratch);
    }

    /// The run's code points, and the same with the Treebank rules' spaces
    /// inserted (`None` when no rule changes a word run).
    pub(crate) fn treebank_run(
        &self,
        bytes: &[u8],
        kind: RunKind,
        pos: Position,
    ) -> (Vec<u32>, Option<Vec<u32>>) {
        let run = codepoints::decode(bytes);
        let spaced = self.treebank_spaced(&run, kind, pos);
        (run, spaced)
    }

    /// A run's code points with the Treebank rules' spaces inserted (`None`
    /// when no rule changes a word run).
    fn treebank_spaced(&self, run: &[u32], kind: RunKind, pos: Position) -> Option<Vec<u32>> {
        match kind {
            RunKind::Word => treebank::word_run(run, &self.classes),
            RunKind::Punct => Some(treebank::punct_run(run, pos)),
        }
    }

    /// The final `str.split()`: the Treebank tokens of a spaced run.
    pub(crate) fn split<'a>(&'a self, spaced: &'a [u32]) -> impl Iterator<Item = &'a [u32]> {
        spaced
            .split(|&c| self.classes.is(c, SPLIT_SPACE))
            .filter(|t| !t.is_empty())
    }

    /// Computes one run's output into `scratch.output`: Treebank rules, the
    /// final `str.split()`, then each token stemmed (and filtered, if asked).
    #[inline]
    fn run_output(&self, bytes: &[u8], kind: RunKind, pos: Position, scratch: &mut Scratch) {
        if kind == RunKind::Word && self.ascii_word_output(bytes, scratch) {
            return;
        }
        self.codepoint_run_output(bytes, kind, pos, scratch);
    }

    /// [`Self::run_output`] on bytes, for a word run of ASCII characters:
    /// returns false, writing nothing, when the run needs the code-point path
    /// (a non-ASCII character, a filter, a contraction, or a stemmer that
    /// must see the token as written).
    ///
    /// Such a run is one token (no whitespace of any engine is a word
    /// character) that no Treebank rule changes unless it is a contraction;
    /// it is lower-cased and stemmed in its bytes, with no decoding into code
    /// points, so a long run costs its length in memory, not four times it.
    #[inline]
    fn ascii_word_output(&self, bytes: &[u8], scratch: &mut Scratch) -> bool {
        if !self.ascii_words || !self.filter.keeps_all() {
            return false;
        }
        // The output is the one token: it is lower-cased and stemmed in place.
        let word = &mut scratch.output;
        debug_assert!(word.is_empty(), "the output holds this run only");
        if !append_ascii_lowercase(word, bytes) {
            if !bytes.is_ascii() {
                return false;
            }
            word.extend_from_slice(bytes);
            word.make_ascii_lowercase();
        }
        if treebank::is_contraction(word) {
            word.clear();
            return false;
        }
        if !self.stemmer.stem_ascii_in_place(word) {
            word.clear();
            return false;
        }
        true
    }

    /// [`Self::run_output`] on the run's code points: any run, any stemmer.
    fn codepoint_run_output(
        &self,
        bytes: &[u8],
        kind: RunKind,
        pos: Position,
        scratch: &mut Scratch,
    ) {
        let Scratch {
            output: out,
            run,
            word,
            ..
        } = scratch;
        run.clear();
        codepoints::decode_into(bytes, run);
        let spaced = self.treebank_spaced(run, kind, pos);
        self.spaced_output(spaced.as_deref().unwrap_or(run), out, word);
    }

    /// The output of a run with the Treebank rules' spaces inserted: its
    /// tokens, stemmed (and filtered, if asked), joined by single spaces, or
    /// [`NO_TOKENS`].
    fn spaced_output(&self, spaced: &[u32], out: &mut Vec<u8>, word: &mut Vec<u32>) {
        let mut any = false;
        for token in self.split(spaced) {
            if self.filter.keeps_all() {
                self.finish_token_into(token, word);
            } else {
                match self.finish_filtered(token) {
                    Some((_, output)) => *word = output,
                    None => continue,
                }
            }
            if any {
                out.push(b' ');
            }
            any = true;
            codepoints::encode_into(word, out);
        }
        if !any {
            out.push(NO_TOKENS);
        }
    }

    /// A Treebank token's surface form (lower-cased) and output token (stem),
    /// or `None` if the filter drops it.
    pub(crate) fn finish_filtered(&self, token: &[u32]) -> Option<(Vec<u32>, Vec<u32>)> {
        let surface = self.lower(token);
        let output = self.stemmer.stem(token, surface.clone(), &self.classes);
        self.filter
            .keeps(token, &surface, &output, &self.classes)
            .then_some((surface, output))
    }

    /// Lower-cases and stems one token into `word`, replacing its contents.
    /// The stemmer works in place on the lower-cased token, so a caller that
    /// keeps `word` reuses one buffer for every token.
    fn finish_token_into(&self, token: &[u32], word: &mut Vec<u32>) {
        word.clear();
        self.lower_into(token, word);
        *word = self
            .stemmer
            .stem(token, std::mem::take(word), &self.classes);
    }

    /// `token.lower()`, as Python computes it.
    fn lower(&self, token: &[u32]) -> Vec<u32> {
        lowercase::lower(token, &*self.lowercase)
    }

    /// [`Self::lower`], appending to `out`.
    fn lower_into(&self, token: &[u32], out: &mut Vec<u32>) {
        lowercase::lower_into(token, &*self.lowercase, out);
    }

    /// Normalizes documents on `workers` threads (0: one per core). The result
    /// is in input order and identical to normalizing each document alone.
    pub fn normalize_batch(&self, docs: &[&[u8]], workers: usize) -> Vec<Vec<u8>> {
        let (caches, lines) = in_chunks(
            docs,
            workers,
            || self.take_cache(),
            |cache, chunk| self.normalize_chunk(chunk, cache),
        );
        caches.into_iter().for_each(|c| self.put_cache(c));
        lines.into_iter().flatten().collect()
    }

    /// One line per document of `chunk`, on one thread.
    fn normalize_chunk(&self, chunk: &[&[u8]], cache: &mut TokenCache) -> Vec<Vec<u8>> {
        chunk
            .iter()
            .map(|doc| {
                let mut out = Vec::with_capacity(doc.len());
                self.normalize_into(doc, cache, &mut out);
                out
            })
            .collect()
    }

    /// [`Self::normalize_batch`], handing the lines to `consume` on the calling
    /// thread, in input order, a chunk at a time, while the workers go on.
    pub fn normalize_batch_streamed(
        &self,
        docs: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<Vec<u8>>),
    ) {
        let caches = in_chunks_streamed(
            docs,
            workers,
            || self.take_cache(),
            |cache, chunk| self.normalize_chunk(chunk, cache),
            consume,
        );
        caches.into_iter().for_each(|c| self.put_cache(c));
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A normalizer over ASCII-only classes, for the core's own unit tests.
    use super::*;
    use crate::classes::testing::ascii_classes;
    use crate::lowercase::RustLowercase;

    /// Every stemming, WordNet's lemmatizer with a few words of test data
    /// (long words, punctuation runs and cache limits are what these tests
    /// exercise, not WordNet's vocabulary).
    pub(crate) fn normalizer(stemming: Stemming) -> Normalizer {
        let stemmer = Stemmer::new(stemming).unwrap_or_else(|| {
            let wordnet = crate::lemma::data::tests::data(
                &["dog", "running", "ox"],
                &["good"],
                &["oxen ox"],
                &["better good"],
            );
            Stemmer::WordNet(crate::lemma::WordNetLemmatizer::new(
                Arc::new(wordnet),
                crate::lemma::Pos::Noun,
            ))
        });
        Normalizer::new(
            Arc::new(ascii_classes()),
            stemmer,
            Arc::new(RustLowercase),
            1 << 20,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testing::normalizer;
    use super::*;
    use crate::lowercase::RustLowercase;
    use crate::short_copy::append_short;
    use crate::stem::Mode;

    #[test]
    fn more_workers_than_allowed_give_the_same_result() {
        let n = normalizer(Stemming::Porter(Mode::NltkExtensions));
        let docs: Vec<&[u8]> = vec![b"The cats sat."; 5_000];
        let one = n.normalize_batch(&docs, 1);
        assert_eq!(n.normalize_batch(&docs, 1_000_000), one);
    }

    fn norm(n: &Normalizer, text: &str) -> String {
        String::from_utf8(n.normalize(text.as_bytes())).unwrap()
    }

    #[test]
    fn spec_examples() {
        let n = normalizer(Stemming::Porter(Mode::NltkExtensions));
        assert_eq!(norm(&n, "He said \"hi!\""), "he said `` hi ! ''");
        assert_eq!(
            norm(&n, "Gonna say it: cannot."),
            "gon na say it : can not ."
        );
        assert_eq!(norm(&n, "forever.\""), "forev . ''");
        assert_eq!(norm(&n, "  \n"), "");
    }

    #[test]
    fn empty_stems_keep_their_place() {
        // In the original algorithm "s" stems to "", and the reference still
        // joins it with spaces.
        let n = normalizer(Stemming::Porter(Mode::OriginalAlgorithm));
        assert_eq!(norm(&n, "a s b"), "a  b");
        assert_eq!(norm(&n, "s b"), " b");
        assert_eq!(norm(&n, "S:"), " :");
        assert_eq!(n.tokens(b"s"), vec![Vec::<u8>::new()]);
        assert!(n.tokens(b"  ").is_empty());
    }

    /// Words for the byte path: pseudo-random (a fixed xorshift seed) over
    /// letters Porter cares about, digits and the underscore, in both cases,
    /// with suffixes the steps look for; plus Martin Porter's vocabulary.
    fn ascii_words() -> Vec<Vec<u8>> {
        let alphabet = b"aeiouyAEIOUYbcdlmnrstzgSTLZ_09";
        let suffixes: [&[u8]; 12] = [
            b"", b"ational", b"ization", b"iveness", b"alli", b"logi", b"bli", b"ies", b"ied",
            b"eed", b"ing", b"e",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let mut words: Vec<Vec<u8>> = (0..20_000)
            .map(|_| {
                let len = 1 + next() % 12;
                let mut w: Vec<u8> = (0..len)
                    .map(|_| alphabet[next() % alphabet.len()])
                    .collect();
                w.extend_from_slice(suffixes[next() % suffixes.len()]);
                w
            })
            .collect();
        let vocabulary = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/porter/voc.txt"
        );
        let text = std::fs::read(vocabulary).expect("the Porter vocabulary in tests/data");
        words.extend(text.split(|b| b.is_ascii_whitespace()).map(<[u8]>::to_vec));
        words.retain(|w| !w.is_empty());
        words
    }

    #[test]
    fn ascii_words_in_bytes_equal_code_points_in_every_mode() {
        let words = ascii_words();
        for stemming in [
            Stemming::Porter(Mode::NltkExtensions),
            Stemming::Porter(Mode::MartinExtensions),
            Stemming::Porter(Mode::OriginalAlgorithm),
            Stemming::LowercaseOnly,
        ] {
            let n = normalizer(stemming);
            let pos = Position {
                first: false,
                last: false,
            };
            let (mut bytes, mut code_points) = (Scratch::default(), Scratch::default());
            let mut taken = 0;
            for word in &words {
                bytes.output.clear();
                code_points.output.clear();
                n.codepoint_run_output(word, RunKind::Word, pos, &mut code_points);
                if n.ascii_word_output(word, &mut bytes) {
                    taken += 1;
                    assert_eq!(
                        bytes.output,
                        code_points.output,
                        "{stemming:?} {}",
                        String::from_utf8_lossy(word)
                    );
                } else {
                    assert!(bytes.output.is_empty(), "a refused run leaves no output");
                }
            }
            assert!(
                taken > words.len() * 9 / 10,
                "{stemming:?}: byte path taken {taken} times"
            );
        }
    }

    #[test]
    fn runs_the_byte_path_refuses_take_the_code_point_path() {
        let n = normalizer(Stemming::Porter(Mode::NltkExtensions));
        let mut scratch = Scratch::default();
        for word in [
            "Cannot",
            "GONNA",
            "wanna",
            "caf\u{e9}",
            "na\u{ef}ve",
            "\u{130}s",
        ] {
            assert!(
                !n.ascii_word_output(word.as_bytes(), &mut scratch),
                "{word}"
            );
            assert!(scratch.output.is_empty());
        }
        assert_eq!(norm(&n, "Cannot GONNA"), "can not gon na");
        let filtered =
            normalizer(Stemming::Porter(Mode::NltkExtensions)).with_filter(TokenFilter {
                min_length: 4,
                ..Default::default()
            });
        assert!(!filtered.ascii_word_output(b"running", &mut scratch));
        assert_eq!(norm(&filtered, "running dogs ran"), "");
        assert_eq!(norm(&filtered, "generously agreed"), "gener agre");
    }

    #[test]
    fn one_byte_runs_equal_the_code_point_path_in_every_position() {
        for stemming in [
            Stemming::Porter(Mode::OriginalAlgorithm),
            Stemming::Porter(Mode::NltkExtensions),
        ] {
            let n = normalizer(stemming);
            let uncached = Normalizer::new(
                Arc::new(crate::classes::testing::ascii_classes()),
                Stemmer::new(stemming).expect("a stemmer without data"),
                Arc::new(RustLowercase),
                0,
            );
            for b in (0..128u8).filter(|&b| n.classes.ascii(b) & SPACE == 0) {
                let c = b as char;
                for text in [
                    format!("{c}"),
                    format!("x {c}"),
                    format!("{c} x"),
                    format!("x {c} y"),
                ] {
                    let mut expected = Vec::new();
                    let mut any = false;
                    n.for_each_run(text.as_bytes(), |run, pos, _| {
                        let mut scratch = Scratch::default();
                        n.codepoint_run_output(
                            &text.as_bytes()[run.start..run.end],
                            run.kind,
                            pos,
                            &mut scratch,
                        );
                        if scratch.output != [NO_TOKENS] {
                            append_short(&mut expected, &scratch.output, any);
                            any = true;
                        }
                    });
                    assert_eq!(
                        n.normalize(text.as_bytes()),
                        expected,
                        "{stemming:?} {text:?}"
                    );
                    assert_eq!(
                        uncached.normalize(text.as_bytes()),
                        expected,
                        "{stemming:?} {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_line_in_parts_is_the_line() {
        let n = normalizer(Stemming::Porter(Mode::NltkExtensions));
        for text in [
            "",
            "  ",
            "The cats sat...",
            "\"Hi\" -- (cannot) ?!",
            "x y z",
        ] {
            for part_bytes in [1, 3, 100] {
                let mut parts = Vec::new();
                n.normalize_in_parts(text.as_bytes(), part_bytes, |p| parts.push(p.to_vec()));
                assert_eq!(parts.concat(), n.normalize(text.as_bytes()), "{text:?}");
                assert!(parts.iter().all(|p| !p.is_empty()));
                if part_bytes == 100 {
                    assert!(parts.len() <= 1, "{text:?}: one part");
                }
            }
        }
    }

    #[test]
    fn split_space_punctuation_yields_no_tokens() {
        let n = normalizer(Stemming::LowercaseOnly);
        assert_eq!(norm(&n, "A \x1c B"), "a b");
        assert_eq!(norm(&n, ".\x1c."), ". .");
    }

    #[test]
    fn batch_equals_one_by_one_and_cold_equals_warm() {
        let n = normalizer(Stemming::Porter(Mode::NltkExtensions));
        let docs: Vec<String> = (0..500)
            .map(|i| format!("Doc {i}: \"Running\" dogs' (cannot) -- {i}.{i}..."))
            .collect();
        let refs: Vec<&[u8]> = docs.iter().map(|d| d.as_bytes()).collect();
        let cold: Vec<Vec<u8>> = refs
            .iter()
            .map(|d| normalizer(Stemming::Porter(Mode::NltkExtensions)).normalize(d))
            .collect();
        for workers in [1, 2, 3, 8] {
            assert_eq!(n.normalize_batch(&refs, workers), cold);
        }
    }

    #[test]
    fn streamed_batches_arrive_whole_and_in_order() {
        let n = normalizer(Stemming::Porter(Mode::NltkExtensions));
        let docs: Vec<String> = (0..5_000)
            .map(|i| format!("Doc {i} said \"running {}\".", "x".repeat(i % 17)))
            .collect();
        let refs: Vec<&[u8]> = docs.iter().map(|d| d.as_bytes()).collect();
        let expected = n.normalize_batch(&refs, 1);
        for workers in [1, 2, 3, 8] {
            let mut got = Vec::new();
            n.normalize_batch_streamed(&refs, workers, |lines| got.extend(lines));
            assert_eq!(got, expected, "workers={workers}");
        }
    }
}
