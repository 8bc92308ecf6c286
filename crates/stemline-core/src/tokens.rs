//! Every output token with where it came from and its surface form: what
//! offsets and the vocabulary are built from.
//!
//! This is a second path beside the normalizer's line path, with its own
//! per-run cache, so that the line path (the hot one) stays exactly as fast.
//! For each distinct run it caches a list of records, one per output token:
//! the token's source range within the run (see [`crate::sources`]), the
//! output token, and its surface form (the Treebank token lower-cased). Both
//! paths apply the same rules, stemmer and filter to the same runs, so the
//! tokens here are always those of [`Normalizer::tokens`].
//!
//! With the `word_tokenize` tokenizer the cache holds each distinct token's
//! record (its output and surface form, the token lower-cased), and the
//! offsets are those of [`WordTokenize::for_each_token_span`]: NLTK's
//! `span_tokenize` of each sentence, which can raise ([`OffsetError`]).

use crate::cache::TokenCache;
use crate::codepoints;
use crate::normalizer::{take_words_state, Normalizer, Tokenizer};
use crate::parallel::in_chunks;
use crate::sources::token_sources;
use crate::treebank::Position;
use crate::word_tokenize::{OffsetError, WordTokenize};
use crate::wordpunct::RunKind;

/// One output token of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenRecord<'a> {
    /// Code point range `start..end` in the document: indices into the
    /// Python string.
    pub start: usize,
    pub end: usize,
    /// The output token (the stem), generalized UTF-8.
    pub token: &'a [u8],
    /// The surface form: the Treebank token lower-cased, generalized UTF-8.
    pub surface: &'a [u8],
}

/// An output token and its code point range `start..end` in the document.
pub type Span = (Vec<u8>, usize, usize);

// A run's records as cached: per token, four little-endian u32 (start and end
// in code points within the run, token and surface lengths in bytes), then the
// token's bytes and the surface's bytes. A run that yields no tokens caches an
// empty list.
const HEADER: usize = 16;

pub(crate) fn push_record(
    out: &mut Vec<u8>,
    start: usize,
    end: usize,
    token: &[u32],
    surface: &[u32],
) {
    let header = out.len();
    out.extend_from_slice(&[0; HEADER]);
    let token_start = out.len();
    codepoints::encode_into(token, out);
    let surface_start = out.len();
    codepoints::encode_into(surface, out);
    let fields = [
        start,
        end,
        surface_start - token_start,
        out.len() - surface_start,
    ];
    for (k, field) in fields.into_iter().enumerate() {
        let field = u32::try_from(field).expect("a run of under 4 GiB");
        out[header + 4 * k..header + 4 * k + 4].copy_from_slice(&field.to_le_bytes());
    }
}

/// Decodes a run's cached records, with offsets moved by `base`.
pub(crate) fn records(mut bytes: &[u8], base: usize) -> impl Iterator<Item = TokenRecord<'_>> {
    std::iter::from_fn(move || {
        if bytes.is_empty() {
            return None;
        }
        let field = |k: usize| {
            u32::from_le_bytes(bytes[4 * k..4 * k + 4].try_into().expect("4 bytes")) as usize
        };
        let (start, end, token_len, surface_len) = (field(0), field(1), field(2), field(3));
        let (token, rest) = bytes[HEADER..].split_at(token_len);
        let (surface, rest) = rest.split_at(surface_len);
        bytes = rest;
        Some(TokenRecord {
            start: base + start,
            end: base + end,
            token,
            surface,
        })
    })
}

impl Normalizer {
    /// Calls `visit` with every output token of one document (generalized
    /// UTF-8), in order: the tokens of [`Normalizer::tokens`], each with its
    /// source range and surface form. `cache` comes from
    /// [`Normalizer::take_record_cache`].
    ///
    /// Fails only with the `word_tokenize` tokenizer, where NLTK's
    /// `span_tokenize` of a sentence raises; the tokens visited before are
    /// then to be dropped.
    pub fn for_each_token(
        &self,
        text: &[u8],
        cache: &mut TokenCache,
        visit: impl FnMut(TokenRecord<'_>),
    ) -> Result<(), OffsetError> {
        match self.tokenizer() {
            Tokenizer::Treebank => {
                self.for_each_run_token(text, cache, visit);
                Ok(())
            }
            Tokenizer::WordTokenize(words) => self.for_each_word_token(words, text, cache, visit),
        }
    }

    /// [`Self::for_each_token`] with the Treebank tokenizer.
    fn for_each_run_token(
        &self,
        text: &[u8],
        cache: &mut TokenCache,
        mut visit: impl FnMut(TokenRecord<'_>),
    ) {
        // Code point offset of the run being visited; for ASCII text, bytes
        // and code points are the same.
        let ascii = text.is_ascii();
        let (mut byte, mut cp) = (0, 0);
        let mut scratch = Vec::new();
        self.for_each_run(text, |run, pos, key| {
            cp += if ascii {
                run.start - byte
            } else {
                codepoints::count(&text[byte..run.start])
            };
            byte = run.start;
            if let Some(cached) = cache.get(key) {
                records(cached, cp).for_each(&mut visit);
                return;
            }
            scratch.clear();
            self.run_records(&text[run.start..run.end], run.kind, pos, &mut scratch);
            cache.insert(key, &scratch);
            records(&scratch, cp).for_each(&mut visit);
        });
    }

    /// [`Self::for_each_token`] with the `word_tokenize` tokenizer: each
    /// token's record cached, its offsets NLTK's.
    fn for_each_word_token(
        &self,
        words: &WordTokenize,
        text: &[u8],
        cache: &mut TokenCache,
        mut visit: impl FnMut(TokenRecord<'_>),
    ) -> Result<(), OffsetError> {
        let mut state = take_words_state(cache, words.words().cache_bytes(), 0);
        let mut scratch = Vec::new();
        let result = words.for_each_token_span(text, &mut state.tokenize, |token, (start, end)| {
            // A token's record is cached with offsets 0: its own are NLTK's.
            if let Some(cached) = cache.get(token) {
                records(cached, 0).for_each(|r| visit(TokenRecord { start, end, ..r }));
                return;
            }
            scratch.clear();
            self.word_token_record(token, &mut scratch);
            cache.insert(token, &scratch);
            records(&scratch, 0).for_each(|r| visit(TokenRecord { start, end, ..r }));
        });
        cache.words = Some(state);
        result
    }

    /// Computes one run's records from scratch.
    pub(crate) fn run_records(
        &self,
        bytes: &[u8],
        kind: RunKind,
        pos: Position,
        out: &mut Vec<u8>,
    ) {
        let (run, spaced) = self.treebank_run(bytes, kind, pos);
        let spaced = spaced.as_deref().unwrap_or(&run);
        let tokens: Vec<&[u32]> = self.split(spaced).collect();
        let sources = token_sources(&run, &tokens, self.classes());
        for (token, (start, end)) in tokens.into_iter().zip(sources) {
            if let Some((surface, output)) = self.finish_filtered(token) {
                push_record(out, start, end, &output, &surface);
            }
        }
    }

    /// [`Normalizer::for_each_token`] with a pooled cache: each output token
    /// of one document in order, without a copy of any of them (a document
    /// of hundreds of megabytes has tens of millions). Fails as
    /// [`Self::for_each_token`] does.
    pub fn for_each_token_pooled(
        &self,
        text: &[u8],
        visit: impl FnMut(TokenRecord<'_>),
    ) -> Result<(), OffsetError> {
        let mut cache = self.take_record_cache();
        let result = self.for_each_token(text, &mut cache, visit);
        self.put_record_cache(cache);
        result
    }

    /// One document's output tokens with their code point ranges in it (see
    /// [`Self::for_each_token`] for the error).
    pub fn spans(&self, text: &[u8]) -> Result<Vec<Span>, OffsetError> {
        let mut cache = self.take_record_cache();
        let spans = self.spans_with(text, &mut cache);
        self.put_record_cache(cache);
        spans
    }

    fn spans_with(&self, text: &[u8], cache: &mut TokenCache) -> Result<Vec<Span>, OffsetError> {
        let mut spans = Vec::new();
        self.for_each_token(text, cache, |r| {
            spans.push((r.token.to_vec(), r.start, r.end))
        })?;
        Ok(spans)
    }

    /// [`Normalizer::spans`] of many documents on `workers` threads (0: one
    /// per core), in input order.
    pub fn spans_batch(
        &self,
        docs: &[&[u8]],
        workers: usize,
    ) -> Vec<Result<Vec<Span>, OffsetError>> {
        let (caches, spans) = in_chunks(
            docs,
            workers,
            || self.take_record_cache(),
            |cache, chunk| {
                chunk
                    .iter()
                    .map(|doc| self.spans_with(doc, cache))
                    .collect::<Vec<_>>()
            },
        );
        caches.into_iter().for_each(|c| self.put_record_cache(c));
        spans.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::filter::TokenFilter;
    use crate::normalizer::{testing, Stemming};
    use crate::porter::Mode;

    fn normalizer() -> Normalizer {
        testing::normalizer(Stemming::Porter(Mode::NltkExtensions))
    }

    fn spans(n: &Normalizer, text: &str) -> Vec<(String, usize, usize)> {
        n.spans(text.as_bytes())
            .unwrap()
            .into_iter()
            .map(|(t, s, e)| (String::from_utf8(t).unwrap(), s, e))
            .collect()
    }

    fn owned(list: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
        list.iter()
            .map(|&(t, s, e)| (t.to_string(), s, e))
            .collect()
    }

    #[test]
    fn quotes_and_contractions() {
        let n = normalizer();
        assert_eq!(
            spans(&n, "\"Cannot!\""),
            owned(&[
                ("``", 0, 1),
                ("can", 1, 4),
                ("not", 4, 7),
                ("!", 7, 8),
                ("''", 8, 9)
            ])
        );
        // Cached runs give the same answer at other offsets.
        assert_eq!(
            spans(&n, "x  cannot"),
            owned(&[("x", 0, 1), ("can", 3, 6), ("not", 6, 9)])
        );
    }

    #[test]
    fn offsets_count_code_points_not_bytes() {
        let n = normalizer();
        // 'é' is not a word character in the ASCII test classes: punctuation.
        assert_eq!(spans(&n, "é running"), owned(&[("é", 0, 1), ("run", 2, 9)]));
    }

    #[test]
    fn tokens_and_batches_agree_with_the_line_path() {
        let n = normalizer().with_filter(TokenFilter {
            drop_punct: true,
            ..Default::default()
        });
        let docs = [
            "He said: \"it's gonna rain\"...",
            "",
            " , . cannot",
            "''x''",
        ];
        let refs: Vec<&[u8]> = docs.iter().map(|d| d.as_bytes()).collect();
        let batch = n.spans_batch(&refs, 3);
        for (doc, spans) in refs.iter().zip(&batch) {
            let spans = spans.as_ref().unwrap();
            let tokens: Vec<Vec<u8>> = spans.iter().map(|s| s.0.clone()).collect();
            assert_eq!(tokens, n.tokens(doc));
            assert_eq!(spans, &n.spans(doc).unwrap());
        }
    }
}
