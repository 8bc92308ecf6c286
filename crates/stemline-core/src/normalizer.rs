//! The pipeline: text -> runs -> Treebank tokens -> stems, one line per document.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::cache::{TokenCache, MAX_CACHED_RUN};
use crate::classes::{CharClasses, RE_WORD, SPACE, SPLIT_SPACE, WORD};
use crate::codepoints;
use crate::filter::TokenFilter;
use crate::short_copy::{append_ascii_lowercase, write_short};
pub use crate::stem::Stemming;
use crate::stem::{Stemmer, APOSTROPHES};
use crate::treebank::{self, Position};
use crate::wordpunct::{Run, RunKind, Runs};

/// `str.lower()` for words with non-ASCII characters.
///
/// The stemmer lower-cases every token with Python's `str.lower()`: full
/// Unicode mappings (`İ` becomes two code points), the final-sigma rule, and
/// the running Python's Unicode version, none of which Rust's `to_lowercase`
/// is guaranteed to share. The Python binding implements this by calling
/// `str.lower()`; it is reached once per distinct non-ASCII token, because the
/// result is cached.
pub trait Lowercase: Send + Sync {
    fn lower(&self, word: &[u32]) -> Vec<u32>;
}

/// Lower-cases with Rust's Unicode tables: for Rust callers that do not need
/// Python parity beyond ASCII, and for the core's tests.
pub struct RustLowercase;

impl Lowercase for RustLowercase {
    fn lower(&self, word: &[u32]) -> Vec<u32> {
        word.iter()
            .flat_map(|&c| match char::from_u32(c) {
                Some(ch) => ch.to_lowercase().map(|l| l as u32).collect::<Vec<_>>(),
                None => vec![c],
            })
            .collect()
    }
}

/// Cache value of a run that yields no tokens at all (a punctuation run made
/// only of characters `str.split()` treats as whitespace, such as U+001C).
/// 0xFF never occurs in (generalized) UTF-8, so it cannot be a real output.
const NO_TOKENS: u8 = 0xFF;

/// Appended to a punctuation run's bytes to key its result when it starts or
/// ends the text, where the Treebank anchors make its output differ.
/// 0xF8..0xFB never occur in UTF-8, so these keys cannot collide with a run.
const EDGE_KEY: u8 = 0xF8;

pub(crate) use crate::cache::Scratch;

/// Where [`Normalizer::for_each_run_output`] hands the output of each run.
trait Sink {
    /// The output of a run that yields tokens: its tokens joined by single
    /// spaces (a token never contains a space).
    fn run(&mut self, value: &[u8]);
    /// More of the last token handed on: one long token comes in parts.
    fn more(&mut self, value: &[u8]);
}

/// A document's line: the runs' outputs joined by single spaces.
struct Line<'a> {
    out: &'a mut Vec<u8>,
    // Not `out.len() > start`: a token can stem to nothing ("s" in the
    // original algorithm), and the reference still joins it with spaces.
    any: bool,
}

impl Sink for Line<'_> {
    #[inline(always)]
    fn run(&mut self, value: &[u8]) {
        append_short(self.out, value, self.any);
        self.any = true;
    }

    fn more(&mut self, value: &[u8]) {
        self.out.extend_from_slice(value);
    }
}

/// A document's tokens.
struct Tokens(Vec<Vec<u8>>);

impl Sink for Tokens {
    fn run(&mut self, value: &[u8]) {
        self.0
            .extend(value.split(|&b| b == b' ').map(<[u8]>::to_vec));
    }

    fn more(&mut self, value: &[u8]) {
        if let Some(token) = self.0.last_mut() {
            token.extend_from_slice(value);
        }
    }
}

/// A document's line in parts (see [`Normalizer::normalize_in_parts`]).
struct Parts<'a, F: FnMut(&[u8])> {
    part: Vec<u8>,
    any: bool,
    part_bytes: usize,
    consume: &'a mut F,
}

impl<F: FnMut(&[u8])> Parts<'_, F> {
    fn flush(&mut self) {
        if !self.part.is_empty() {
            (self.consume)(&self.part);
            self.part.clear();
        }
    }

    /// Appends `value`, or hands it on as it is, not copied, when it is long.
    fn push(&mut self, value: &[u8]) {
        if value.len() >= self.part_bytes {
            self.flush();
            (self.consume)(value);
        } else {
            self.part.extend_from_slice(value);
            if self.part.len() >= self.part_bytes {
                self.flush();
            }
        }
    }
}

impl<F: FnMut(&[u8])> Sink for Parts<'_, F> {
    fn run(&mut self, value: &[u8]) {
        if self.any {
            self.part.push(b' ');
        }
        self.any = true;
        self.push(value);
    }

    fn more(&mut self, value: &[u8]) {
        self.push(value);
    }
}

/// The output of every one-byte run away from the text's edges (cache values,
/// indexed by the byte), computed once by the code-point path: single letters,
/// digits and punctuation are a large share of all runs, and a table read is
/// cheaper than a cache probe or a run computed from scratch.
#[derive(Clone, Default)]
struct OneByteRuns {
    outputs: Vec<Vec<u8>>,
}

pub struct Normalizer {
    classes: Arc<CharClasses>,
    stemmer: Stemmer,
    lowercase: Arc<dyn Lowercase>,
    cache_bytes: usize,
    caches: Mutex<Vec<TokenCache>>,
    /// Caches of per-token records (see [`crate::tokens`]), for offsets and
    /// the vocabulary; kept apart so those never slow the line cache down.
    record_caches: Mutex<Vec<TokenCache>>,
    filter: TokenFilter,
    id: u64,
    /// Whether ASCII word runs may be computed on their bytes: the ASCII word
    /// characters are `[0-9A-Za-z_]` for both regex engines, and the
    /// contraction rules fold ASCII case plainly.
    ascii_words: bool,
    one_byte_runs: OneByteRuns,
    /// Punctuation runs longer than this many bytes are processed in pieces
    /// (see [`Self::long_punct_run_output`]).
    piece_bytes: usize,
}

const CAPITAL_SIGMA: u32 = 0x3A3;

/// The default [`Normalizer::with_piece_bytes`]: far above any run of real
/// text, and small enough that a piece's working memory (its code points and
/// the rules' copies, about 40 bytes a byte) is negligible beside a document
/// that has such a run.
pub const PIECE_BYTES: usize = 1 << 16;

/// The next [`Normalizer::id`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Normalizer {
    pub fn new(
        classes: Arc<CharClasses>,
        stemming: Stemming,
        lowercase: Arc<dyn Lowercase>,
        cache_bytes: usize,
    ) -> Self {
        let ascii_words = classes.standard_ascii_words()
            && (0..128u8)
                .all(|b| (classes.ascii(b) & WORD != 0) == (classes.ascii(b) & RE_WORD != 0))
            && treebank::ascii_case_folds_plainly(&classes);
        let mut normalizer = Normalizer {
            classes,
            stemmer: Stemmer::new(stemming),
            lowercase,
            cache_bytes,
            caches: Mutex::new(Vec::new()),
            record_caches: Mutex::new(Vec::new()),
            filter: TokenFilter::default(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ascii_words,
            one_byte_runs: OneByteRuns::default(),
            piece_bytes: PIECE_BYTES,
        };
        normalizer.one_byte_runs = normalizer.compute_one_byte_runs();
        normalizer
    }

    /// The same normalizer, dropping the tokens `filter` drops.
    pub fn with_filter(mut self, filter: TokenFilter) -> Self {
        self.filter = filter;
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self.clear_caches();
        self.one_byte_runs = self.compute_one_byte_runs();
        self
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
        lock(&self.caches).push(cache);
    }

    /// Like [`Self::take_cache`], for the per-token record caches.
    pub(crate) fn take_record_cache(&self) -> TokenCache {
        self.take_from(&self.record_caches)
    }

    pub(crate) fn put_record_cache(&self, cache: TokenCache) {
        lock(&self.record_caches).push(cache);
    }

    fn take_from(&self, pool: &Mutex<Vec<TokenCache>>) -> TokenCache {
        lock(pool)
            .pop()
            .unwrap_or_else(|| TokenCache::new(self.cache_bytes))
    }

    /// Empties every pooled cache.
    pub fn clear_caches(&self) {
        lock(&self.caches).clear();
        lock(&self.record_caches).clear();
    }

    /// Sizes (entries, estimated bytes) of the pooled caches.
    pub fn cache_stats(&self) -> Vec<(usize, usize)> {
        let caches = lock(&self.caches);
        let records = lock(&self.record_caches);
        caches
            .iter()
            .chain(records.iter())
            .map(|c| (c.len(), c.used_bytes()))
            .collect()
    }

    /// Normalizes one document (generalized UTF-8), appending its line without
    /// a newline to `out`.
    pub fn normalize_into(&self, text: &[u8], cache: &mut TokenCache, out: &mut Vec<u8>) {
        // Not `out.len() > start`: a token can stem to nothing ("s" in the
        // original algorithm), and the reference still joins it with spaces.
        self.for_each_run_output(text, cache, &mut Line { out, any: false });
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
        self.for_each_run_output(text, &mut cache, &mut parts);
        parts.flush();
        self.put_cache(cache);
    }

    /// One document to its tokens, with a pooled cache.
    pub fn tokens(&self, text: &[u8]) -> Vec<Vec<u8>> {
        let mut cache = self.take_cache();
        let mut tokens = Tokens(Vec::new());
        self.for_each_run_output(text, &mut cache, &mut tokens);
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

    /// A run longer than `piece_bytes`, one of the paths below, or false if it
    /// takes the usual path. Kept out of line: long runs are rare, and the
    /// usual path's loop is faster without them in it.
    #[cold]
    #[inline(never)]
    fn long_run_output(
        &self,
        bytes: &[u8],
        kind: RunKind,
        pos: Position,
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) -> bool {
        if self.long_token_output(bytes, kind, scratch, sink) {
            return true;
        }
        if kind == RunKind::Punct {
            self.long_punct_run_output(bytes, pos, scratch, sink);
            return true;
        }
        false
    }

    /// A punctuation run longer than `piece_bytes`, in pieces cut where the
    /// Treebank rules leave the tokens unchanged ([`treebank::next_punct_cut`]),
    /// each piece's output handed to `sink` as it is done. The code-point
    /// path holds a run as 4 bytes a character and each rule copies it, so a
    /// run of hundreds of megabytes (a line of dots, a dashed rule) cost many
    /// times its size; a piece costs as much, but only of its own size. Too
    /// big for the cache anyway (see [`crate::cache::MAX_CACHED_RUN`]).
    fn long_punct_run_output(
        &self,
        run: &[u8],
        pos: Position,
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) {
        let limit = if pos.last {
            treebank::last_cut_limit(run)
        } else {
            run.len()
        };
        let mut start = 0;
        while start < run.len() {
            let end = treebank::next_punct_cut(run, start, start + self.piece_bytes, limit);
            let piece = Position {
                first: pos.first && start == 0,
                last: pos.last && end == run.len(),
            };
            scratch.output.clear();
            if treebank::glued_cut(run, start) {
                let Scratch {
                    output,
                    run: cps,
                    word,
                } = &mut *scratch;
                cps.clear();
                codepoints::decode_into(&run[start..end], cps);
                let spaced = treebank::punct_piece_glued(cps, piece.last);
                self.spaced_output(&spaced, output, word);
            } else {
                self.codepoint_run_output(&run[start..end], RunKind::Punct, piece, scratch);
            }
            if scratch.output != [NO_TOKENS] {
                sink.run(&scratch.output);
            }
            start = end;
        }
    }

    /// A long run that is one token whose stem is its lower-casing (see
    /// [`Stemmer::stems_to_itself`]), lower-cased a piece at a time, each piece
    /// handed to `sink` as it is done: returns false, handing on nothing, for
    /// any other run. Such a run (a line of `日` or `é`, a wall of emoji) is
    /// otherwise held whole as code points, lower-cased and stemmed as one
    /// word, at many times its size.
    ///
    /// The pieces are lower-cased apart, which is `str.lower()` of the whole
    /// run because that maps every character on its own but the capital
    /// sigma, whose final form depends on its neighbours: a run with one is
    /// left to the code-point path.
    fn long_token_output(
        &self,
        bytes: &[u8],
        kind: RunKind,
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) -> bool {
        if !self.filter.keeps_all()
            || (kind == RunKind::Word && self.ascii_words && bytes.is_ascii())
        {
            return false;
        }
        // One pass: the run's length in characters and its last character,
        // and whether it is a single token the rules leave alone.
        let (mut chars, mut re_word, mut last) = (0, 0, 0);
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = codepoints::decode_at(bytes, i);
            i += len;
            chars += 1;
            last = c;
            if c == CAPITAL_SIGMA || APOSTROPHES.contains(&c) {
                return false;
            }
            match kind {
                // Treebank rules match nothing else, and str.split() cuts
                // only at its own spaces.
                RunKind::Punct => {
                    if (c < 128 && treebank::RULE_CHARS.contains(&(c as u8)))
                        || self.classes.is(c, SPLIT_SPACE)
                    {
                        return false;
                    }
                }
                // The contraction rules match whole `re` words of five or
                // six characters only.
                RunKind::Word => {
                    if self.classes.is(c, RE_WORD) {
                        re_word += 1;
                    } else if (5..=6).contains(&std::mem::take(&mut re_word)) {
                        return false;
                    }
                }
            }
        }
        // `chars` counts the token before lower-casing, which never shortens
        // a word.
        if (5..=6).contains(&re_word) || chars <= self.stemmer.longest_special_word() {
            return false;
        }
        let lowered_last = *self
            .lower(&[last])
            .last()
            .expect("a character lower-cases to some");
        if !self.stemmer.stems_to_itself(lowered_last) {
            return false;
        }
        let mut start = 0;
        while start < bytes.len() {
            let mut end = (start + self.piece_bytes).min(bytes.len());
            while end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
                end += 1;
            }
            let Scratch { output, run, word } = scratch;
            run.clear();
            codepoints::decode_into(&bytes[start..end], run);
            word.clear();
            self.lower_into(run, word);
            output.clear();
            codepoints::encode_into(word, output);
            if start == 0 {
                sink.run(output);
            } else {
                sink.more(output);
            }
            start = end;
        }
        true
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
    /// (a non-ASCII character, a filter, or a contraction).
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
        self.stemmer.stem_ascii_in_place(word);
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

    /// `token.lower()`: ASCII here, anything else through [`Lowercase`].
    pub fn lower(&self, token: &[u32]) -> Vec<u32> {
        let mut lowered = Vec::with_capacity(token.len());
        self.lower_into(token, &mut lowered);
        lowered
    }

    /// [`Self::lower`], appending to `out`.
    fn lower_into(&self, token: &[u32], out: &mut Vec<u32>) {
        if token.iter().all(|&c| c < 128) {
            out.extend(token.iter().map(|&c| (c as u8).to_ascii_lowercase() as u32));
        } else {
            out.extend(self.lowercase.lower(token));
        }
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

/// Runs `work` over `docs` in chunks on `workers` threads (0: one per core),
/// each thread from its own state made by `init`, and hands each chunk's
/// result, in input order, to `consume` on the calling thread as soon as it
/// and every chunk before it are done, while the workers go on. Returns the
/// threads' final states.
///
/// The calling thread is one of the workers: between its chunks it hands on
/// whatever is ready. A caller with serial work per result (the binding
/// builds Python strings, which needs the GIL) so overlaps it with the
/// normalizing, and `workers` threads run on `workers` cores: a separate
/// consuming thread, one more than the cores, was woken for every chunk and
/// kept `workers=2` at 1.7x to 1.8x on two cores.
pub(crate) fn in_chunks_streamed<'d, S: Send, R: Send>(
    docs: &'d [&'d [u8]],
    workers: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &'d [&'d [u8]]) -> R + Sync,
    mut consume: impl FnMut(R),
) -> Vec<S> {
    let workers = resolve_workers(workers).min(docs.len()).max(1);
    if workers == 1 {
        let mut state = init();
        consume(work(&mut state, docs));
        return vec![state];
    }
    // Small chunks handed out in order keep every worker busy when document
    // sizes vary.
    let chunk_len = (docs.len() / (workers * 16)).clamp(1, 256);
    let chunks: Vec<&[&[u8]]> = docs.chunks(chunk_len).collect();
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    let (chunks, next, init, work) = (&chunks, &next, &init, &work);
    std::thread::scope(|scope| {
        // A thread the system refuses (too many threads, no memory for a
        // stack) is not an error: the threads already running, and this one,
        // share the chunks between them.
        let handles: Vec<_> = (1..workers)
            .map_while(|_| {
                let tx = tx.clone();
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || {
                        let mut state = init();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(chunk) = chunks.get(i) else { break };
                            if tx.send((i, work(&mut state, chunk))).is_err() {
                                break;
                            }
                        }
                        state
                    })
                    .ok()
            })
            .collect();
        drop(tx);
        let mut in_order = InOrder::new(chunks.len());
        let mut state = init();
        loop {
            for (i, result) in rx.try_iter() {
                in_order.put(i, result, &mut consume);
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(i) else { break };
            let result = work(&mut state, chunk);
            in_order.put(i, result, &mut consume);
        }
        for (i, result) in rx {
            in_order.put(i, result, &mut consume);
        }
        let mut states: Vec<S> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        states.push(state);
        states
    })
}

/// Results that arrive in any order, handed on in input order.
struct InOrder<R> {
    pending: Vec<Option<R>>,
    ready: usize,
}

impl<R> InOrder<R> {
    fn new(len: usize) -> Self {
        InOrder {
            pending: (0..len).map(|_| None).collect(),
            ready: 0,
        }
    }

    /// Stores result `i`, then hands on every result that is next in order.
    fn put(&mut self, i: usize, result: R, consume: &mut impl FnMut(R)) {
        self.pending[i] = Some(result);
        while let Some(result) = self.pending.get_mut(self.ready).and_then(Option::take) {
            consume(result);
            self.ready += 1;
        }
    }
}

/// [`in_chunks_streamed`], collecting the chunks' results in input order.
pub(crate) fn in_chunks<'d, S: Send, R: Send>(
    docs: &'d [&'d [u8]],
    workers: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &'d [&'d [u8]]) -> R + Sync,
) -> (Vec<S>, Vec<R>) {
    let mut results = Vec::new();
    let states = in_chunks_streamed(docs, workers, init, work, |r| results.push(r));
    (states, results)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The most threads a batch call runs: more only cost memory for their
/// stacks and time to start them, on any machine this runs on.
pub const MAX_WORKERS: usize = 256;

/// The number of threads for `workers`: 0 means one per core; at most
/// [`MAX_WORKERS`].
pub fn resolve_workers(workers: usize) -> usize {
    if workers == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        workers
    }
    .min(MAX_WORKERS)
}

/// `out.extend_from_slice(value)`, after a space if `space`, with one room
/// check for both.
#[inline(always)]
fn append_short(out: &mut Vec<u8>, value: &[u8], space: bool) {
    let n = value.len();
    if n == 0 || n > 16 {
        if space {
            out.push(b' ');
        }
        out.extend_from_slice(value);
        return;
    }
    out.reserve(n + 1);
    if space {
        // SAFETY: within the capacity just reserved.
        unsafe {
            let len = out.len();
            *out.as_mut_ptr().add(len) = b' ';
            out.set_len(len + 1);
        }
    }
    let len = out.len();
    // SAFETY: `reserve` made room for `n` more bytes after `len`, which
    // `write_short` writes and `set_len` then exposes.
    unsafe {
        write_short(out.as_mut_ptr().add(len), value);
        out.set_len(len + n);
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A normalizer over ASCII-only classes, for the core's own unit tests.
    use super::*;
    use crate::classes::testing::ascii_classes;

    pub(crate) fn normalizer(stemming: Stemming) -> Normalizer {
        Normalizer::new(
            Arc::new(ascii_classes()),
            stemming,
            Arc::new(RustLowercase),
            1 << 20,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testing::normalizer;
    use super::*;
    use crate::stem::Mode;

    #[test]
    fn workers_are_clamped_and_the_result_does_not_change() {
        assert_eq!(resolve_workers(1_000_000), MAX_WORKERS);
        assert_eq!(resolve_workers(3), 3);
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
                stemming,
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
    fn long_punctuation_runs_in_pieces_equal_whole_runs_in_every_mode() {
        let units = [
            ".",
            "-",
            "?!-",
            "'",
            "\"",
            ",",
            "...)",
            "(\"",
            "*",
            "\u{e9}\u{2014}",
            "--;",
            "'?",
            ").\"",
            ",:",
            "``'",
            "\"\"\"",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let texts: Vec<String> = (0..400)
            .map(|_| {
                let run: String = (0..1 + next() % 12)
                    .map(|_| units[next() % units.len()].repeat(1 + next() % 5))
                    .collect();
                match next() % 4 {
                    0 => run,
                    1 => format!("x {run}"),
                    2 => format!("{run} x"),
                    _ => format!("Yes {run}?! no"),
                }
            })
            .collect();
        for stemming in Stemming::ALL {
            for filter in [
                TokenFilter::default(),
                TokenFilter {
                    drop_punct: true,
                    ..Default::default()
                },
            ] {
                let whole = normalizer(stemming).with_filter(filter.clone());
                for piece_bytes in [1, 2, 5] {
                    let cut = normalizer(stemming)
                        .with_filter(filter.clone())
                        .with_piece_bytes(piece_bytes);
                    for text in &texts {
                        assert_eq!(
                            cut.normalize(text.as_bytes()),
                            whole.normalize(text.as_bytes()),
                            "{stemming:?} {piece_bytes} {text:?}"
                        );
                        assert_eq!(cut.tokens(text.as_bytes()), whole.tokens(text.as_bytes()));
                    }
                }
            }
        }
    }

    #[test]
    fn long_tokens_lowered_in_pieces_equal_whole_tokens_in_every_mode() {
        // In the test classes every non-ASCII character is punctuation.
        let units = [
            "\u{e9}",
            "\u{c9}",
            "\u{2014}",
            "*",
            "\u{1F600}",
            "\u{130}",
            "/",
            "\u{301}",
            "|~",
        ];
        let endings = [
            "",
            "\u{212A}",
            "\u{3a3}",
            "\u{2019}",
            "'",
            "\u{c9}",
            "\u{130}",
            "\u{1F600}",
            ".",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let (mut taken, mut checked) = (0, 0);
        for stemming in Stemming::ALL {
            let whole = normalizer(stemming);
            let cut = normalizer(stemming).with_piece_bytes(64);
            // Tokens about as long as the longest the stemmer treats by its
            // length (some shorter, most longer), and longer than a piece.
            let around = whole.stemmer.longest_special_word().max(64);
            let mut texts = Vec::new();
            for ending in endings {
                for _ in 0..6 {
                    let (a, b) = (units[next() % units.len()], units[next() % units.len()]);
                    let token: String = (0..around - 2 + next() % 40)
                        .map(|_| if next().is_multiple_of(3) { a } else { b })
                        .collect();
                    texts.push(format!("{token}{ending}"));
                    texts.push(format!("Yes, {token}{ending} no"));
                }
            }
            checked += texts.len();
            for text in &texts {
                assert_eq!(
                    cut.normalize(text.as_bytes()),
                    whole.normalize(text.as_bytes()),
                    "{stemming:?} {text:?}"
                );
                assert_eq!(cut.tokens(text.as_bytes()), whole.tokens(text.as_bytes()));
                let mut any = false;
                cut.for_each_run(text.as_bytes(), |run, _, _| {
                    let bytes = &text.as_bytes()[run.start..run.end];
                    any |= bytes.len() > 64
                        && cut.long_token_output(
                            bytes,
                            run.kind,
                            &mut Scratch::default(),
                            &mut Tokens(Vec::new()),
                        );
                });
                taken += usize::from(any);
            }
        }
        assert!(
            3 * taken > checked,
            "the long-token path taken for {taken} texts of {checked}"
        );
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

    #[test]
    fn chunks_finishing_out_of_order_are_handed_on_in_order() {
        let docs: Vec<Vec<u8>> = (0..400u32).map(|i| i.to_le_bytes().to_vec()).collect();
        let refs: Vec<&[u8]> = docs.iter().map(|d| &d[..]).collect();
        for workers in [2, 3, 5] {
            let mut seen = Vec::new();
            let states = in_chunks_streamed(
                &refs,
                workers,
                || 0usize,
                |done, chunk| {
                    // Early chunks take longest, so later ones finish first.
                    let first = u32::from_le_bytes(chunk[0].try_into().unwrap());
                    std::thread::sleep(std::time::Duration::from_micros(
                        (400 - u64::from(first)) * 5,
                    ));
                    *done += chunk.len();
                    chunk.to_vec()
                },
                |result| seen.extend(result),
            );
            assert_eq!(seen, refs, "workers={workers}");
            assert_eq!(states.len(), workers);
            assert_eq!(states.iter().sum::<usize>(), refs.len());
        }
    }
}
