//! The pipeline with the `word_tokenize` tokenizer: text -> Punkt's
//! sentences -> `NLTKWordTokenizer`'s tokens ([`crate::word_tokenize`]) ->
//! stems, one line per document.
//!
//! As the Treebank path keeps each run's output, this one keeps the output
//! of each stretch of a sentence whose tokens depend on its key alone (a
//! chunk between whitespace, or a sentence's tail:
//! [`crate::nltk_word::keyed`]): its tokens lower-cased and stemmed (or
//! dropped by a filter), joined by spaces, in the per-thread [`TokenCache`].
//! Most stretches of real text are words seen before: one scan for the
//! chunk's end and one lookup. A stretch's tokens are computed, and each
//! token's output, only when the stretch is not in the cache.
//!
//! A token is computed on its bytes when it is ASCII (lower-casing ASCII is
//! plain, and every stemmer's byte path equals its code-point path on any
//! ASCII word, punctuation included: the unit tests compare them); a
//! one-byte chunk's output is read from a table; a token of a stretch
//! longer than a piece is handed on as it comes, lower-cased a piece at a
//! time when it is long and stems to its lower-casing.

use super::sinks::Sink;
use super::{Normalizer, OneByteRuns, Scratch, Tokenizer, NO_TOKENS};
use crate::cache::{TokenCache, Vacancy};
use crate::codepoints;
use crate::nltk_word::chunks::{After, Before};
use crate::nltk_word::keyed::{Key, Keyed};
use crate::short_copy::append_ascii_lowercase;
use crate::tokens::push_record;
use crate::word_tokenize::{WordTokenize, WordTokenizeScratch};

impl Normalizer {
    /// Hands `sink` the outputs of the tokens of `text` that a filter keeps.
    pub(super) fn word_outputs(
        &self,
        words: &WordTokenize,
        text: &[u8],
        cache: &mut TokenCache,
        sink: &mut impl Sink,
    ) {
        // This path keeps the outputs of tokens (in `cache`) and stretches;
        // the word tokenizer's own cache of chunks would hold nothing more.
        let mut state = take_words_state(cache, 0, self.cache_bytes);
        // The cache keeps the buffers between documents (see `run_outputs`).
        let mut scratch = std::mem::take(&mut cache.scratch);
        let WordsState {
            tokenize,
            stretches,
        } = &mut *state;
        let mut outputs = Outputs {
            normalizer: self,
            tokens: cache,
            stretches,
            scratch: &mut scratch,
            sink,
            vacancy: None,
        };
        words.for_each_keyed(text, tokenize, &mut outputs);
        cache.keep_scratch(scratch);
        cache.words = Some(state);
    }

    /// Whether `token` is computed on its bytes: an ASCII token, with no
    /// filter (the filters read code points).
    #[inline]
    fn ascii_token_path(&self, token: &[u8]) -> bool {
        self.filter.keeps_all() && token.is_ascii()
    }

    /// Computes one token's output into `scratch.output` (empty on entry):
    /// its `str.lower()`, stemmed, or [`NO_TOKENS`] if a filter drops it.
    fn word_token_output(&self, token: &[u8], scratch: &mut Scratch) {
        if let [b] = *token {
            if b < 0x80 {
                scratch
                    .output
                    .extend_from_slice(&self.one_byte_tokens.outputs[b as usize]);
                return;
            }
        }
        if self.ascii_token_path(token) {
            let word = &mut scratch.output;
            if !append_ascii_lowercase(word, token) {
                word.extend_from_slice(token);
                word.make_ascii_lowercase();
            }
            self.stemmer.stem_ascii_in_place(word);
            return;
        }
        self.word_token_code_points(token, scratch);
    }

    /// [`Self::word_token_output`] on the token's code points: any token,
    /// any stemmer, any filter.
    fn word_token_code_points(&self, token: &[u8], scratch: &mut Scratch) {
        let Scratch {
            output, run, word, ..
        } = scratch;
        run.clear();
        codepoints::decode_into(token, run);
        if self.filter.keeps_all() {
            self.finish_token_into(run, word);
        } else {
            match self.finish_filtered(run) {
                Some((_, stem)) => *word = stem,
                None => {
                    output.push(NO_TOKENS);
                    return;
                }
            }
        }
        codepoints::encode_into(word, output);
    }

    /// The outputs of a stretch's `tokens` (joined by spaces) into
    /// `scratch.stretch`: those a filter keeps, joined by spaces, or
    /// [`NO_TOKENS`].
    fn stretch_output(&self, tokens: &[u8], scratch: &mut Scratch) {
        scratch.stretch.clear();
        let mut any = false;
        for token in tokens.split(|&b| b == b' ').filter(|t| !t.is_empty()) {
            scratch.output.clear();
            self.word_token_output(token, scratch);
            if scratch.output == [NO_TOKENS] {
                continue;
            }
            if any {
                scratch.stretch.push(b' ');
            }
            any = true;
            scratch.stretch.extend_from_slice(&scratch.output);
        }
        if !any {
            scratch.stretch.push(NO_TOKENS);
        }
    }

    /// The output of every one-byte token, by the code-point path (never the
    /// byte path, so that the two stay independent).
    pub(super) fn compute_one_byte_tokens(&self) -> OneByteRuns {
        let outputs = (0..128u8)
            .map(|b| {
                let mut scratch = Scratch::default();
                self.word_token_code_points(&[b], &mut scratch);
                scratch.output
            })
            .collect();
        OneByteRuns { outputs }
    }

    /// The output of every one-byte chunk (with the `word_tokenize`
    /// tokenizer; computed after [`Self::compute_one_byte_tokens`]).
    pub(super) fn compute_one_byte_chunks(&self) -> OneByteRuns {
        let Tokenizer::WordTokenize(words) = &self.tokenizer else {
            return OneByteRuns::default();
        };
        let outputs = (0..128u8)
            .map(|b| {
                let mut tokens = Vec::new();
                words.words().chunk_tokens(
                    &[b],
                    Before::Space,
                    After::Space,
                    &mut Vec::new(),
                    &mut tokens,
                );
                let mut scratch = Scratch::default();
                self.stretch_output(&tokens, &mut scratch);
                scratch.stretch
            })
            .collect();
        OneByteRuns { outputs }
    }

    /// One token's record (see [`crate::tokens`]) into `out`, with offsets
    /// 0: its output and its surface form, or nothing if a filter drops it.
    pub(crate) fn word_token_record(&self, token: &[u8], out: &mut Vec<u8>) {
        let token = codepoints::decode(token);
        if let Some((surface, output)) = self.finish_filtered(&token) {
            push_record(out, 0, 0, &output, &surface);
        }
    }
}

/// The line path's [`Keyed`]: each key's output found in its cache, or
/// computed, cached and handed to the sink.
struct Outputs<'a, S: Sink> {
    normalizer: &'a Normalizer,
    /// Each simple token's output.
    tokens: &'a mut TokenCache,
    /// Each stretch's outputs (see [`WordsState::stretches`]).
    stretches: &'a mut TokenCache,
    scratch: &'a mut Scratch,
    sink: &'a mut S,
    /// Where the key `known` did not find goes.
    vacancy: Option<Vacancy>,
}

/// Hands a key's output on, unless a filter dropped all its tokens.
#[inline(always)]
fn hand_on(sink: &mut impl Sink, value: &[u8]) {
    if value != [NO_TOKENS] {
        sink.run(value);
    }
}

impl<S: Sink> Keyed for Outputs<'_, S> {
    #[inline(always)]
    fn known(&mut self, kind: Key, key: &[u8]) -> bool {
        // A one-byte key is a chunk (`for_each_keyed` asks before it
        // classifies) or a token that is also its own chunk's only token (a
        // final `,` `:` `.` `?` `!`, or a sentence's last word): the chunk's
        // table is right for both. Not the token's: `\x1c`..`\x1f` are not
        // `regex` whitespace, so they make chunks, but `str.split()`, NLTK's
        // last step, drops them, so such a chunk has no token.
        if let (Key::Token, [b]) = (kind, key) {
            if *b < 0x80 {
                hand_on(
                    self.sink,
                    &self.normalizer.one_byte_chunks.outputs[*b as usize],
                );
                return true;
            }
        }
        let cache = match kind {
            Key::Token => &mut *self.tokens,
            Key::Stretch => &mut *self.stretches,
        };
        match cache.lookup(key) {
            Ok(value) => {
                hand_on(self.sink, value);
                true
            }
            Err(vacancy) => {
                self.vacancy = Some(vacancy);
                false
            }
        }
    }

    fn tokens(&mut self, kind: Key, key: &[u8], tokens: &[u8]) {
        let n = self.normalizer;
        if kind == Key::Token {
            self.scratch.output.clear();
            n.word_token_output(key, self.scratch);
            let vacancy = self.vacancy.take();
            let Outputs {
                tokens: cache,
                scratch,
                sink,
                ..
            } = self;
            insert(cache, vacancy, key, &scratch.output);
            hand_on(*sink, &scratch.output);
            return;
        }
        n.stretch_output(tokens, self.scratch);
        let vacancy = self.vacancy.take();
        let Outputs {
            stretches: cache,
            scratch,
            sink,
            ..
        } = self;
        insert(cache, vacancy, key, &scratch.stretch);
        hand_on(*sink, &scratch.stretch);
    }

    fn token(&mut self, token: &[u8]) {
        let n = self.normalizer;
        if token.len() > n.piece_bytes
            && !n.ascii_token_path(token)
            && n.long_token_lowered(token, self.scratch, self.sink)
        {
            return;
        }
        self.scratch.output.clear();
        n.word_token_output(token, self.scratch);
        hand_on(self.sink, &self.scratch.output);
    }
}

/// Caches `value` under `key`, where the failed lookup said.
fn insert(cache: &mut TokenCache, vacancy: Option<Vacancy>, key: &[u8], value: &[u8]) {
    match vacancy {
        Some(vacancy) => cache.insert_vacant(vacancy, key, value),
        None => cache.insert(key, value),
    }
}

/// A worker's state with the `word_tokenize` tokenizer, kept in its
/// [`TokenCache`] (`words`).
#[derive(Debug)]
pub(crate) struct WordsState {
    pub(crate) tokenize: WordTokenizeScratch,
    /// The line path's outputs of stretches (chunks that are not simple,
    /// and sentences' tails): apart from the simple tokens' outputs (the
    /// cache that holds this state), so that each fits its bound.
    pub(crate) stretches: TokenCache,
}

impl WordsState {
    /// (entries, estimated bytes) of each cache it holds that may hold some.
    pub(super) fn cache_stats(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let stretches = (self.stretches.limit_bytes() > 0)
            .then(|| (self.stretches.len(), self.stretches.used_bytes()));
        let chunks = (self.tokenize.cache_limit() > 0).then(|| self.tokenize.cache_stats());
        stretches.into_iter().chain(chunks)
    }
}

/// The word tokenizer's state of the worker that owns `cache` (a new one on
/// the worker's first document, whose caches of chunks and of stretches hold
/// at most `chunk_cache_bytes` and `stretch_cache_bytes`); put it back in
/// `cache.words` when done.
pub(crate) fn take_words_state(
    cache: &mut TokenCache,
    chunk_cache_bytes: usize,
    stretch_cache_bytes: usize,
) -> Box<WordsState> {
    cache.words.take().unwrap_or_else(|| {
        Box::new(WordsState {
            tokenize: WordTokenizeScratch::new(chunk_cache_bytes),
            stretches: TokenCache::new(stretch_cache_bytes),
        })
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::testing::normalizer;
    use super::super::{Stemmer, Stemming, Tokenizer};
    use super::*;
    use crate::classes::testing::ascii_classes;
    use crate::filter::TokenFilter;
    use crate::lowercase::RustLowercase;
    use crate::stem::Mode;
    use crate::word_tokenize::testing::word_tokenize;

    fn words_normalizer(stemming: Stemming, piece_bytes: usize) -> Normalizer {
        normalizer(stemming)
            .with_tokenizer(Tokenizer::WordTokenize(Box::new(word_tokenize(
                piece_bytes,
            ))))
            .with_piece_bytes(piece_bytes)
    }

    /// The definition: each of `word_tokenize`'s tokens lower-cased and
    /// stemmed on its own (by the code-point path), joined by spaces.
    fn composed(n: &Normalizer, text: &str) -> String {
        let t = word_tokenize(crate::nltk_word::PIECE_BYTES);
        let mut tokens = Vec::new();
        for token in t.tokenize(text.as_bytes()).iter() {
            let cps = codepoints::decode(token);
            let mut word = Vec::new();
            n.finish_token_into(&cps, &mut word);
            let mut bytes = Vec::new();
            codepoints::encode_into(&word, &mut bytes);
            tokens.push(bytes);
        }
        String::from_utf8(tokens.join(&b' ')).unwrap()
    }

    const TEXTS: [&str; 10] = [
        "Mr. Smith left. He said \"no.\" Then (he did.) Fine",
        "They're gonna win, aren't they? I can't... \u{c9}T\u{c9} caf\u{e9}s!",
        "e.g. U.S.A. costs $3.88 -- 'quoted' ``back'' \u{201c}curly\u{201d} \u{ab}x\u{bb}",
        "",
        "  \n\t ",
        "s S ss SS is as ies yy RUNNING Generously",
        "a-b a--b x:y, 1,000 3.5 [x] {y} <z> @#$%&*",
        "\u{3a3}\u{3a3}\u{3a3} \u{130}stanbul \u{1F600}\u{1F600}. Done.",
        // Chunks of one character that str.split() drops (no token).
        "\u{1f} a \u{1c}. b \u{1d}\u{1e} \u{1f}, x \u{1e}",
        "\u{1f}\u{85}cannot \u{1f} can't",
    ];

    #[test]
    fn lines_tokens_and_batches_equal_the_definition_in_every_mode() {
        for stemming in Stemming::ALL {
            for piece_bytes in [1, 3, crate::nltk_word::PIECE_BYTES] {
                let n = words_normalizer(stemming, piece_bytes);
                let docs: Vec<&[u8]> = TEXTS.iter().map(|t| t.as_bytes()).collect();
                for text in TEXTS {
                    let expected = composed(&n, text);
                    let line = String::from_utf8(n.normalize(text.as_bytes())).unwrap();
                    assert_eq!(line, expected, "{stemming:?} {piece_bytes} {text:?}");
                    let tokens: Vec<String> = n
                        .tokens(text.as_bytes())
                        .into_iter()
                        .map(|t| String::from_utf8(t).unwrap())
                        .collect();
                    let expected_tokens: Vec<&str> = if expected.is_empty() {
                        Vec::new()
                    } else {
                        expected.split(' ').collect()
                    };
                    assert_eq!(tokens, expected_tokens, "{stemming:?} {text:?}");
                    let mut parts = Vec::new();
                    n.normalize_in_parts(text.as_bytes(), 2, |p| parts.push(p.to_vec()));
                    assert_eq!(parts.concat(), expected.as_bytes());
                }
                let expected: Vec<Vec<u8>> =
                    TEXTS.iter().map(|t| composed(&n, t).into_bytes()).collect();
                for workers in [1, 2, 3] {
                    assert_eq!(n.normalize_batch(&docs, workers), expected);
                }
            }
        }
    }

    /// ASCII tokens of every kind `word_tokenize` makes: words, clitics,
    /// punctuation, numbers, abbreviations, quotes.
    fn ascii_tokens() -> Vec<Vec<u8>> {
        let pieces: [&[u8]; 24] = [
            b"a", b"s", b"ss", b"ies", b"ing", b"e", b"y", b"'", b"''", b"``", b".", b"-", b"--",
            b"n't", b"'s", b"'ll", b"U.S.", b"3.5", b"$", b"_", b"ed", b"ational", b"Y", b"SSES",
        ];
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15_u64);
        let mut tokens: Vec<Vec<u8>> = (0..20_000)
            .map(|_| {
                (0..1 + next() % 4)
                    .flat_map(|_| pieces[next() % pieces.len()].iter().copied())
                    .collect()
            })
            .collect();
        tokens.extend(pieces.iter().map(|p| p.to_vec()));
        tokens
    }

    #[test]
    fn ascii_tokens_in_bytes_equal_code_points_in_every_mode() {
        let tokens = ascii_tokens();
        for stemming in Stemming::ALL {
            let n = normalizer(stemming);
            let (mut bytes, mut code_points) = (Scratch::default(), Scratch::default());
            for token in &tokens {
                bytes.output.clear();
                code_points.output.clear();
                assert!(n.ascii_token_path(token));
                n.word_token_output(token, &mut bytes);
                n.word_token_code_points(token, &mut code_points);
                assert_eq!(
                    bytes.output,
                    code_points.output,
                    "{stemming:?} {}",
                    String::from_utf8_lossy(token)
                );
            }
        }
    }

    #[test]
    fn filters_read_the_token_its_lowering_and_its_output() {
        let filter = TokenFilter {
            drop_punct: true,
            stopwords: [codepoints::decode(b"the")].into_iter().collect(),
            min_length: 3,
        };
        let n = words_normalizer(Stemming::Porter(Mode::NltkExtensions), 1 << 16)
            .with_filter(filter.clone());
        // "The" is a stop word lower-cased; "has" stems to "ha"; "``", "."
        // and "--" have no letter or digit; "n't" is kept (it has one).
        let text = "The dog has \"running\" shoes -- isn't it.";
        assert_eq!(
            String::from_utf8(n.normalize(text.as_bytes())).unwrap(),
            "dog run shoe n't"
        );
        // Cached tokens stay filtered; the one-byte table too.
        assert_eq!(n.normalize(text.as_bytes()), n.normalize(text.as_bytes()));
        assert_eq!(n.normalize(b". , a I"), b"");
    }

    #[test]
    fn a_cold_cache_equals_a_warm_one_and_no_cache() {
        let uncached = Normalizer::new(
            Arc::new(ascii_classes()),
            Stemmer::new(Stemming::Snowball).unwrap(),
            Arc::new(RustLowercase),
            0,
        )
        .with_tokenizer(Tokenizer::WordTokenize(Box::new(word_tokenize(1 << 16))));
        let n = words_normalizer(Stemming::Snowball, 1 << 16);
        for text in TEXTS {
            let cold = n.normalize(text.as_bytes());
            assert_eq!(n.normalize(text.as_bytes()), cold);
            assert_eq!(uncached.normalize(text.as_bytes()), cold);
        }
        assert!(n.cache_stats().len() >= 2, "the token and chunk caches");
    }

    #[test]
    fn spans_and_counts_are_those_of_the_tokens() {
        let n = words_normalizer(Stemming::Porter(Mode::NltkExtensions), 1 << 16);
        let t = word_tokenize(1 << 16);
        let docs: Vec<&[u8]> = TEXTS.iter().map(|t| t.as_bytes()).collect();
        let batch = n.spans_batch(&docs, 2);
        for (doc, spans) in docs.iter().zip(batch) {
            let spans = spans.unwrap();
            assert_eq!(spans, n.spans(doc).unwrap());
            let tokens: Vec<Vec<u8>> = spans.iter().map(|s| s.0.clone()).collect();
            assert_eq!(tokens, n.tokens(doc));
            let mut offsets = Vec::new();
            t.for_each_token_span(doc, &mut t.take_scratch(), |_, span| offsets.push(span))
                .unwrap();
            let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.1, s.2)).collect();
            assert_eq!(got, offsets);
        }
        let counter = crate::vocab::VocabCounter::new();
        let lengths = n.count_batch(&docs, 2, &counter);
        let expected: Vec<u64> = docs.iter().map(|d| n.tokens(d).len() as u64).collect();
        assert_eq!(lengths, expected);
        let counts = counter.counts();
        // "RUNNING" and "running"-like surfaces are the tokens lower-cased.
        let run = &counts.stems[&b"run"[..]];
        assert_eq!(run.surfaces, [(b"running".to_vec().into_boxed_slice(), 1)]);
        assert_eq!(counts.stems[&b"``"[..]].count, 2);
    }
}
