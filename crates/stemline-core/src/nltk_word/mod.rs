//! NLTK's `NLTKWordTokenizer` (nltk/tokenize/destructive.py, NLTK 3.10.4),
//! the tokenizer of `nltk.word_tokenize`: `tokenize(text)` and
//! `span_tokenize(text)`, exactly.
//!
//! * [`rules`]: NLTK's passes, one per pattern, on any stretch of text (the
//!   definition);
//! * [`chunks`]: the text as whitespace-delimited chunks, each with the
//!   context its tokens depend on, and the proof that chunks give the whole
//!   text's tokens;
//! * [`align`]: `span_tokenize`: quotes given back, then NLTK's
//!   `align_tokens`;
//! * [`keyed`]: the tokens under keys, for a caller that keeps what it
//!   makes of them, and [`ids`]: such a caller, keeping each token's id.
//!
//! [`NltkWordTokenizer::for_each_token`] is the tokenizer: most chunks are
//! plain words, handed on as they are; the rest are computed by the rules
//! once and cached per distinct chunk (in its context when it matters).

pub mod align;
pub mod chunks;
pub mod ids;
pub mod keyed;
pub mod rules;

use std::sync::Arc;

use crate::cache::{TokenCache, MAX_CACHED_RUN};
use crate::classes::{CharClasses, REGEX_DIGIT, RE_WORD, SPACE, SPLIT_SPACE, WORD};
use crate::codepoints;
use crate::parallel::in_chunks_streamed;
use crate::pool::Pool;
use crate::treebank;

use chunks::{cache_key, context, tail_key, tail_start, After, Before, ByteKinds, Chunks, Kind};
use rules::Edges;

/// A document's tokens in one buffer: each token's bytes (generalized
/// UTF-8), one after the other, and where each ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordTokens {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl WordTokens {
    pub fn push(&mut self, token: &[u8]) {
        self.bytes.extend_from_slice(token);
        self.ends.push(self.bytes.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of all tokens together.
    pub fn total_bytes(&self) -> usize {
        self.bytes.len()
    }

    pub fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let token = &self.bytes[start..end];
            start = end;
            token
        })
    }
}

/// A worker's state: the cache of chunk outputs and the buffers a chunk
/// computed by the rules reuses. Take one per thread
/// ([`NltkWordTokenizer::take_scratch`]) and give it back when done.
#[derive(Debug)]
pub struct WordScratch {
    cache: TokenCache,
    buf: Vec<u32>,
    key: Vec<u8>,
    value: Vec<u8>,
    /// A text given as code points, encoded ([`NltkWordTokenizer::for_each_token_of_code_points`]).
    text: Vec<u8>,
}

impl WordScratch {
    pub fn new(cache_bytes: usize) -> Self {
        WordScratch {
            cache: TokenCache::new(cache_bytes),
            buf: Vec::new(),
            key: Vec::new(),
            value: Vec::new(),
            text: Vec::new(),
        }
    }

    /// Empties the cache.
    pub fn clear(&mut self) {
        self.cache.clear();
    }

    /// (entries, estimated bytes) of the cache.
    pub fn cache_stats(&self) -> (usize, usize) {
        (self.cache.len(), self.cache.used_bytes())
    }

    /// The bound of the cache, in bytes.
    pub fn cache_limit(&self) -> usize {
        self.cache.limit_bytes()
    }

    /// Drops the buffers a long chunk grew, keeping the cache: what a
    /// scratch should be before it waits for its next text.
    pub(crate) fn shrink(&mut self) {
        if self.buf.capacity() > KEPT_BUFFER {
            self.buf = Vec::new();
        }
        if self.value.capacity() > KEPT_BUFFER || self.key.capacity() > KEPT_BUFFER {
            self.value = Vec::new();
            self.key = Vec::new();
        }
        if self.text.capacity() > KEPT_BUFFER {
            self.text = Vec::new();
        }
    }
}

/// A chunk computed by the rules and not cached: its output is this long
/// at most before its buffers are dropped rather than kept for the next.
const KEPT_BUFFER: usize = 1 << 16;

pub struct NltkWordTokenizer {
    classes: Arc<CharClasses>,
    kinds: ByteKinds,
    /// Whether a plain ASCII chunk may skip the rules: the contraction
    /// rules' `\b` and `(?i)` are plain ASCII there (see [`Self::plain_output`]).
    plain_ascii: bool,
    cache_bytes: usize,
    scratches: Pool<WordScratch>,
    /// Stretches longer than this many bytes are computed in pieces (see
    /// [`chunks::next_cut`]).
    piece_bytes: usize,
}

/// The default [`NltkWordTokenizer::with_piece_bytes`]: far above any chunk
/// of real text, small enough that a piece's working memory (its code
/// points and the passes' copies, about 12 bytes a byte) is negligible.
pub const PIECE_BYTES: usize = 1 << 16;

/// `convert_parentheses=True`: NLTK replaces each bracket after the rule that
/// pads it with spaces, so each one is a token of its own, and its
/// replacement (letters between dashes, with spaces on either side) meets no
/// later rule (`--` needs two dashes side by side, the clitics an apostrophe,
/// the contractions other letters): mapping the tokens is the same.
pub fn convert_parentheses(token: &[u8]) -> &[u8] {
    match token {
        b"(" => b"-LRB-",
        b")" => b"-RRB-",
        b"[" => b"-LSB-",
        b"]" => b"-RSB-",
        b"{" => b"-LCB-",
        b"}" => b"-RCB-",
        _ => token,
    }
}

impl NltkWordTokenizer {
    /// A tokenizer over the running Python's classes; each worker's cache
    /// holds at most `cache_bytes`. Fails if the classes break a fact the
    /// chunks rely on.
    pub fn new(classes: Arc<CharClasses>, cache_bytes: usize) -> Result<Self, String> {
        // Chunks are cut at `regex` whitespace and their context written as
        // a space or a tab: whitespace must be what `str.split()` splits on,
        // and never a word character or a digit for either engine.
        for cp in 0..0x110000u32 {
            let flags = classes.of(cp);
            if flags & SPACE != 0
                && (flags & SPLIT_SPACE == 0 || flags & (WORD | RE_WORD | REGEX_DIGIT) != 0)
            {
                return Err(format!(
                    "U+{cp:04X} is regex whitespace but not str.split() whitespace, or a word character; stemline's NLTKWordTokenizer assumes no such character exists"
                ));
            }
        }
        if !classes.is(b'\t' as u32, SPACE) {
            return Err("U+0009 must be regex whitespace".into());
        }
        let plain_ascii = (0..128u8)
            .all(|b| (classes.ascii(b) & RE_WORD != 0) == (b.is_ascii_alphanumeric() || b == b'_'))
            && treebank::ascii_case_folds_plainly(&classes);
        Ok(NltkWordTokenizer {
            kinds: ByteKinds::new(&classes),
            classes,
            plain_ascii,
            cache_bytes,
            scratches: Pool::default(),
            piece_bytes: PIECE_BYTES,
        })
    }

    /// The same tokenizer, computing stretches longer than `bytes` in pieces
    /// (at least one byte each): the tokens do not change, only the working
    /// memory; tests make it small so that short texts are cut wherever
    /// they can be.
    pub fn with_piece_bytes(mut self, bytes: usize) -> Self {
        self.piece_bytes = bytes.max(1);
        self
    }

    pub fn classes(&self) -> &CharClasses {
        &self.classes
    }

    pub fn cache_bytes(&self) -> usize {
        self.cache_bytes
    }

    /// A scratch from the pool (or a new one); give it back with [`Self::put_scratch`].
    pub fn take_scratch(&self) -> WordScratch {
        self.scratches
            .take_or(|| WordScratch::new(self.cache_bytes))
    }

    pub fn put_scratch(&self, mut scratch: WordScratch) {
        scratch.shrink();
        self.scratches.put(scratch);
    }

    /// Empties every pooled cache.
    pub fn clear_caches(&self) {
        self.scratches.clear();
    }

    /// (entries, estimated bytes) of each pooled cache.
    pub fn cache_stats(&self) -> Vec<(usize, usize)> {
        self.scratches
            .idle()
            .iter()
            .map(WordScratch::cache_stats)
            .collect()
    }

    /// The tokens of `text` (generalized UTF-8), in order, exactly as
    /// `NLTKWordTokenizer().tokenize(text)`: each handed to `emit` as
    /// generalized UTF-8. This is "the tokens of one sentence" of
    /// `word_tokenize`, which calls it on each of Punkt's sentences (and on
    /// the whole text with `preserve_line=True`).
    pub fn for_each_token(
        &self,
        text: &[u8],
        scratch: &mut WordScratch,
        mut emit: impl FnMut(&[u8]),
    ) {
        let tail = tail_start(text, &self.classes);
        for (start, end, kind) in Chunks::new(text, tail, &self.classes, &self.kinds) {
            let chunk = &text[start..end];
            if self.plain_ascii && kind != Kind::Rules && !has_contraction(chunk) {
                if kind == Kind::Plain {
                    emit(chunk);
                } else {
                    let (word, comma) = chunk.split_at(chunk.len() - 1);
                    if !word.is_empty() {
                        emit(word);
                    }
                    emit(comma);
                }
                continue;
            }
            let (before, after) = context(text, start, end);
            if chunk.len() > self.piece_bytes {
                self.long_output(chunk, before, Some(after), scratch, &mut emit);
            } else {
                self.chunk_output(chunk, before, after, scratch, &mut emit);
            }
        }
        if tail < text.len() {
            if text.len() - tail > self.piece_bytes {
                let before = before_tail(text, tail);
                self.long_output(&text[tail..], before, None, scratch, &mut emit);
            } else {
                self.tail_output(text, tail, scratch, &mut emit);
            }
        }
    }

    /// [`Self::for_each_token`] of a text given as code points (lone
    /// surrogates included), for a caller that holds its sentences so.
    pub fn for_each_token_of_code_points(
        &self,
        text: &[u32],
        scratch: &mut WordScratch,
        emit: impl FnMut(&[u8]),
    ) {
        let mut bytes = std::mem::take(&mut scratch.text);
        bytes.clear();
        codepoints::encode_into(text, &mut bytes);
        self.for_each_token(&bytes, scratch, emit);
        scratch.text = bytes;
    }

    /// [`Self::for_each_token`], appending the tokens to `out`.
    pub fn tokenize_into(&self, text: &[u8], scratch: &mut WordScratch, out: &mut WordTokens) {
        self.for_each_token(text, scratch, |t| out.push(t));
    }

    /// One text's tokens, with a pooled scratch.
    pub fn tokenize(&self, text: &[u8]) -> WordTokens {
        let mut scratch = self.take_scratch();
        let mut out = WordTokens::default();
        self.tokenize_into(text, &mut scratch, &mut out);
        self.put_scratch(scratch);
        out
    }

    /// The code point offsets of the tokens of `text`, as NLTK's
    /// `span_tokenize(text)` (see [`align`]).
    pub fn spans(&self, text: &[u8]) -> Result<Vec<(usize, usize)>, align::SpanError> {
        align::spans(&self.tokenize(text), text)
    }

    /// [`Self::spans`], each handed to `emit` as it is found, without a
    /// buffer of the text's tokens: for a long text (it tokenizes twice when
    /// the text holds quotes, once to count the quote tokens). On an error
    /// the spans handed on so far are to be dropped: NLTK raises before it
    /// yields any.
    pub fn for_each_span(
        &self,
        text: &[u8],
        scratch: &mut WordScratch,
        mut emit: impl FnMut((usize, usize)),
    ) -> Result<(), align::SpanError> {
        self.for_each_token_span(text, scratch, |_, span| emit(span))
    }

    /// [`Self::for_each_span`], each span handed on with its token (as
    /// `tokenize` gives it: a quote the rules rewrote is the rewritten one).
    pub fn for_each_token_span(
        &self,
        text: &[u8],
        scratch: &mut WordScratch,
        mut emit: impl FnMut(&[u8], (usize, usize)),
    ) -> Result<(), align::SpanError> {
        let mut quote_tokens = 0;
        if memchr::memchr2(b'"', b'\'', text).is_some() {
            self.for_each_token(text, scratch, |t| {
                quote_tokens += align::quote_tokens([t]);
            });
        }
        let mut aligner = align::Aligner::new(text, quote_tokens)?;
        let mut error = None;
        self.for_each_token(text, scratch, |t| {
            if error.is_none() {
                match aligner.align(t) {
                    Ok(span) => emit(t, span),
                    Err(e) => error = Some(e),
                }
            }
        });
        error.map_or(Ok(()), Err)
    }

    /// The tokens of `texts` on `workers` threads (0: one per core), handed to
    /// `consume` on the calling thread in input order, a group of texts at a
    /// time, while the workers go on.
    pub fn tokenize_batch_streamed(
        &self,
        texts: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<WordTokens>),
    ) {
        tokens_streamed(
            texts,
            workers,
            || self.take_scratch(),
            |s| self.put_scratch(s),
            |text, scratch, out| self.tokenize_into(text, scratch, out),
            consume,
        );
    }

    /// [`Self::spans`] of `texts` on `workers` threads, handed on as
    /// [`Self::tokenize_batch_streamed`] hands on tokens.
    pub fn spans_batch_streamed(
        &self,
        texts: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<Result<Vec<(usize, usize)>, align::SpanError>>),
    ) {
        let scratches = in_chunks_streamed(
            texts,
            workers,
            || (self.take_scratch(), WordTokens::default()),
            |(scratch, tokens), group| {
                group
                    .iter()
                    .map(|text| {
                        tokens.clear();
                        self.tokenize_into(text, scratch, tokens);
                        align::spans(tokens, text)
                    })
                    .collect()
            },
            consume,
        );
        scratches.into_iter().for_each(|(s, _)| self.put_scratch(s));
    }

    /// The tokens of a chunk before the tail, cached.
    #[inline]
    fn chunk_output(
        &self,
        chunk: &[u8],
        before: Before,
        after: After,
        scratch: &mut WordScratch,
        emit: &mut impl FnMut(&[u8]),
    ) {
        let WordScratch {
            cache,
            buf,
            key,
            value,
            ..
        } = scratch;
        let (key, before, after): (&[u8], _, _) = if cache_key(chunk, before, after, key) {
            (key, before, after)
        } else {
            // Its output is the same in every context: computed in this one.
            (chunk, Before::Space, After::Space)
        };
        let compute = |buf: &mut Vec<u32>, value: &mut Vec<u8>| {
            self.chunk_rule_tokens(chunk, before, after, buf, value)
        };
        self.cached(key, compute, cache, buf, value, emit)
    }

    /// The tokens of the tail, which starts at byte `start` of `text`.
    fn tail_output(
        &self,
        text: &[u8],
        start: usize,
        scratch: &mut WordScratch,
        emit: &mut impl FnMut(&[u8]),
    ) {
        let WordScratch {
            cache,
            buf,
            key,
            value,
            ..
        } = scratch;
        let tail = &text[start..];
        let before = before_tail(text, start);
        let edges = Edges {
            first: before == Before::Start,
            last: true,
        };
        let fill = |buf: &mut Vec<u32>| {
            buf.extend(before.char());
            codepoints::decode_into(tail, buf);
        };
        if tail.len() > MAX_CACHED_RUN {
            // Never cached: no key copy.
            key.clear();
        } else {
            tail_key(tail, before, key);
        }
        // Most tails are a simple word and its final marks.
        let compute = |buf: &mut Vec<u32>, value: &mut Vec<u8>| {
            if !self.simple_tail_tokens(tail, value) {
                self.rule_tokens(edges, fill, buf, value)
            }
        };
        self.cached(key, compute, cache, buf, value, emit)
    }

    /// The tokens of a stretch longer than `piece_bytes`: a chunk before the
    /// tail (followed by `after`) or the tail (`after` is `None`), computed in
    /// pieces of about `piece_bytes`, each cut before a character the rules
    /// pad on their own ([`chunks::next_cut`]), so that a huge text without
    /// whitespace never has more than a piece's code points in memory. A
    /// stretch with no such character is computed whole.
    #[cold]
    #[inline(never)]
    fn long_output(
        &self,
        stretch: &[u8],
        before: Before,
        after: Option<After>,
        scratch: &mut WordScratch,
        emit: &mut impl FnMut(&[u8]),
    ) {
        let limit = match after {
            Some(_) => stretch.len(),
            None => chunks::last_cut_limit(stretch),
        };
        let (mut start, mut piece_before) = (0, before);
        while start < stretch.len() {
            let end = chunks::next_cut(stretch, start + self.piece_bytes, limit);
            let last = end == stretch.len();
            let edges = Edges {
                first: piece_before == Before::Start,
                last: last && after.is_none(),
            };
            let piece_after = match after {
                Some(after) if last => Some(after),
                _ if last => None,
                _ => Some(After::Space),
            };
            let WordScratch {
                cache, buf, value, ..
            } = scratch;
            let fill = |buf: &mut Vec<u32>| {
                buf.extend(piece_before.char());
                codepoints::decode_into(&stretch[start..end], buf);
                buf.extend(piece_after.map(After::char));
            };
            let compute =
                |buf: &mut Vec<u32>, value: &mut Vec<u8>| self.rule_tokens(edges, fill, buf, value);
            self.cached(&[], compute, cache, buf, value, emit);
            start = end;
            piece_before = Before::Space;
        }
    }

    /// Hands on the cached tokens for `key`, or the tokens `compute`
    /// appends to its second argument (with the first as its buffer),
    /// caching them (an empty key: never cached). The cache holds a chunk's
    /// tokens joined by single spaces.
    #[inline]
    fn cached(
        &self,
        key: &[u8],
        compute: impl FnOnce(&mut Vec<u32>, &mut Vec<u8>),
        cache: &mut TokenCache,
        buf: &mut Vec<u32>,
        value: &mut Vec<u8>,
        emit: &mut impl FnMut(&[u8]),
    ) {
        let vacancy = if !key.is_empty() && key.len() <= MAX_CACHED_RUN {
            match cache.lookup(key) {
                Ok(hit) => return emit_value(hit, emit),
                Err(vacancy) => Some(vacancy),
            }
        } else {
            None
        };
        value.clear();
        compute(buf, value);
        if let Some(vacancy) = vacancy {
            cache.insert_vacant(vacancy, key, value);
        }
        emit_value(value, emit);
    }

    /// The rules' tokens of the buffer `fill` writes (a stretch with the
    /// characters around it that are not the text's ends: see [`Edges`]),
    /// appended to `value` joined by single spaces.
    pub(crate) fn rule_tokens(
        &self,
        edges: Edges,
        fill: impl FnOnce(&mut Vec<u32>),
        buf: &mut Vec<u32>,
        value: &mut Vec<u8>,
    ) {
        buf.clear();
        fill(buf);
        rules::rewrite(buf, edges, &self.classes);
        let start = value.len();
        for token in rules::split(buf, &self.classes) {
            if value.len() > start {
                value.push(b' ');
            }
            codepoints::encode_into(token, value);
        }
    }
}

/// The character before the tail, which starts at byte `start`.
fn before_tail(text: &[u8], start: usize) -> Before {
    match start.checked_sub(1).map(|i| text[i]) {
        None => Before::Start,
        Some(b' ') => Before::Space,
        Some(_) => Before::Other,
    }
}

/// Hands on the tokens of a chunk's output (tokens joined by single spaces:
/// a token never holds one; an empty output has none).
#[inline]
fn emit_value(value: &[u8], emit: &mut impl FnMut(&[u8])) {
    if value.is_empty() {
        return;
    }
    for token in value.split(|&b| b == b' ') {
        emit(token);
    }
}

/// Whether a contraction rule could split a plain chunk: one of its ASCII
/// words (runs of `[0-9A-Za-z_]`, `re`'s ASCII word characters; a non-ASCII
/// byte counts as a boundary, which may find a contraction where `re` sees
/// none, never miss one) is one of the letter-only contractions (`cannot`,
/// `gimme`, `gonna`, `gotta`, `lemme`, `wanna`), in any case (a plain chunk
/// holds none of the non-ASCII letters `(?i)` matches to theirs). The others
/// hold an apostrophe, which a plain chunk does not.
#[inline]
fn has_contraction(chunk: &[u8]) -> bool {
    if chunk.len() < 5 {
        return false;
    }
    chunk
        .split(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .any(|word| {
            (5..=6).contains(&word.len()) && {
                let mut lower = [0u8; 6];
                for (l, b) in lower.iter_mut().zip(word) {
                    *l = b.to_ascii_lowercase();
                }
                treebank::is_contraction(&lower[..word.len()])
            }
        })
}

/// The tokens of `texts` on `workers` threads (0: one per core), each text's
/// made by `tokenize_into` with a scratch from `take` (given back to `put`
/// after), handed to `consume` on the calling thread in input order, a group
/// of texts at a time: the batch form of both word tokenizers.
pub(crate) fn tokens_streamed<S: Send>(
    texts: &[&[u8]],
    workers: usize,
    take: impl Fn() -> S + Sync,
    put: impl Fn(S),
    tokenize_into: impl Fn(&[u8], &mut S, &mut WordTokens) + Sync,
    consume: impl FnMut(Vec<WordTokens>),
) {
    let scratches = in_chunks_streamed(
        texts,
        workers,
        take,
        |scratch, group| {
            group
                .iter()
                .map(|text| {
                    let mut out = WordTokens::default();
                    tokenize_into(text, scratch, &mut out);
                    out
                })
                .collect()
        },
        consume,
    );
    scratches.into_iter().for_each(put);
}

#[cfg(test)]
mod tests;
