//! The text's tokens under keys, for a caller that keeps what it makes of
//! them (the normalizer keeps their stems, the vocabulary their ids), as the
//! Treebank pipeline keeps each run's: a key it knows costs one lookup, and
//! the tokens behind it are never computed again.
//!
//! Two kinds of key ([`Key`]):
//!
//! * [`Key::Token`]: a *simple* string, one that as a chunk is its own only
//!   token ([`Kind::Plain`], no contraction), keyed by its bytes. Most chunks
//!   of real text are simple, or simple with a final `,` or `:` (its own
//!   token: [`Kind::PlainThenComma`]), or, ending a sentence, simple with a
//!   final `.`, `?` or `!` (see [`simple_tail`]). A key the caller knows is
//!   simple (it was only ever given as one), so such a chunk is looked up
//!   before it is classified, and classified only when the lookup fails.
//! * [`Key::Stretch`]: any other chunk, keyed by its bytes and its context
//!   ([`stretch_key`]), and the tail ([`tail_key`]): its tokens, in order.
//!   These keys hold a byte no (generalized) UTF-8 holds, so no stretch's
//!   key is a token's.
//!
//! Every token of [`NltkWordTokenizer::for_each_token`] reaches the caller
//! once, in order, as a token key, in a stretch, or, for a stretch longer
//! than a piece (never keyed), on its own ([`Keyed::token`]); the tests
//! compare the two on every short text.

use super::chunks::{
    cache_key, context, tail_key, tail_start, After, Before, Chunks, Kind, BYTE_RULE, BYTE_SPACE,
};
use super::rules::Edges;
use super::{before_tail, has_contraction, NltkWordTokenizer, WordScratch};
use crate::cache::MAX_CACHED_RUN;
use crate::classes::SPACE;
use crate::codepoints;
use crate::space_masks::SpaceMasks;
use crate::wordpunct::ascii_word_at;

/// What a key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// One token, the key's bytes.
    Token,
    /// A stretch's tokens.
    Stretch,
}

/// What [`NltkWordTokenizer::for_each_keyed`] hands the text to.
pub trait Keyed {
    /// The next key: true if the caller knows it (and has taken what it
    /// keeps for it); false, and the caller is next handed what it stands
    /// for ([`Keyed::tokens`]), unless the driver tries another key.
    fn known(&mut self, kind: Key, key: &[u8]) -> bool;

    /// The tokens of the key [`Keyed::known`] did not know (`kind` and
    /// `key` again), joined by single spaces (a token never holds one; no
    /// token: empty). For [`Key::Token`], `tokens` is the key.
    fn tokens(&mut self, kind: Key, key: &[u8], tokens: &[u8]);

    /// One token of a stretch too long to be keyed, in order.
    fn token(&mut self, token: &[u8]);

    /// [`Keyed::known`] of a [`Key::Token`] of at most 8 bytes, given with
    /// its head (its bytes zero-padded to 8, read as a little-endian
    /// integer), which the driver reads from the text in one load: working
    /// it out from the key's length took a branch that the varying lengths
    /// of words mispredict.
    #[inline(always)]
    fn known_head(&mut self, key: &[u8], _head: u64) -> bool {
        self.known(Key::Token, key)
    }
}

/// Appended to a context-free chunk's bytes to key it as a stretch (see
/// [`super::chunks`] for the other marks, `0xF8..=0xFD` and `0xFF`).
const STRETCH_KEY: u8 = 0xFE;

/// The key of a chunk before the tail that is not keyed as a token, written
/// to `key`: [`cache_key`]'s when the chunk's tokens depend on its context,
/// its bytes marked otherwise.
fn stretch_key(chunk: &[u8], before: Before, after: After, key: &mut Vec<u8>) -> bool {
    let sensitive = cache_key(chunk, before, after, key);
    if !sensitive {
        key.clear();
        key.extend_from_slice(chunk);
        key.push(STRETCH_KEY);
    }
    sensitive
}

/// Whether a chunk may be simple, judged by its ends: it does not start
/// with a quote (its tokens could depend on the character before it) nor
/// end with an apostrophe (on the one after it), or a `,` or `:`.
#[inline(always)]
fn maybe_simple(chunk: &[u8]) -> bool {
    !matches!(chunk.first(), Some(b'"' | b'\''))
        && !matches!(chunk.last(), Some(b'\'' | b',' | b':'))
}

/// A sentence's tail that is a simple word and its final `.`, `?` or `!`,
/// then only whitespace: that word and that mark (a word ending in `.`
/// before a final `.` excepted, which `\.{2,}` reads). The rules then pad
/// the mark (`[?!]`, or the final period's rules, whose closers are none
/// here) and nothing else: the word is simple wherever it stands, and no
/// rule reads the text's start but `^\"` (a quote is not simple).
///
/// The same with a `"` after the mark or before it (`said."`, `said".`,
/// `why?"`): the first final-period rule pads the period from its closers
/// (the `"`, or none) and the second then finds no period before only
/// closers and whitespace; the `"` follows no space or opening bracket, so
/// ENDING_QUOTES make it `''`. The marks come in order.
fn simple_tail(tail: &[u8], end: usize) -> Option<(&[u8], &'static [&'static [u8]])> {
    let trimmed = &tail[..end];
    let (word, marks): (&[u8], &'static [&'static [u8]]) = match trimmed {
        [word @ .., b'.', b'"'] => (word, &[b".", b"''"]),
        [word @ .., b'"', b'.'] => (word, &[b"''", b"."]),
        [word @ .., b'?', b'"'] => (word, &[b"?", b"''"]),
        [word @ .., b'!', b'"'] => (word, &[b"!", b"''"]),
        [word @ .., b'.'] => (word, &[b"."]),
        [word @ .., b'?'] => (word, &[b"?"]),
        [word @ .., b'!'] => (word, &[b"!"]),
        _ => return None,
    };
    // A word ending in `.` would make `..` with a final period (or stand
    // next to the one the rules pad): left to the rules whatever follows.
    let ok = !word.is_empty() && word.last() != Some(&b'.') && maybe_simple(word);
    ok.then_some((word, marks))
}

impl NltkWordTokenizer {
    /// Hands `keyed` the tokens of `text` (generalized UTF-8), in order,
    /// under keys (see the module documentation). `scratch`'s buffers are
    /// used, not its cache.
    pub fn for_each_keyed(&self, text: &[u8], scratch: &mut WordScratch, keyed: &mut impl Keyed) {
        let tail = tail_start(text, &self.classes);
        if self.kinds.masked_spaces {
            let mut base = 0;
            while base < tail {
                base = self.keyed_window(text, base, tail, scratch, keyed);
            }
        } else {
            let mut pos = 0;
            while let Some((start, end)) = self.next_chunk(text, pos, tail) {
                pos = after_chunk(text, end);
                self.keyed_one(text, start, end, scratch, keyed);
            }
        }
        if tail < text.len() {
            self.keyed_tail(text, tail, scratch, keyed);
        }
    }

    /// The chunks of the 64 bytes of `text[..limit]` from `base` (which no
    /// chunk goes on into from before), found in their [`SpaceMasks`]: those
    /// that end within them and are ASCII; a chunk with a non-ASCII byte
    /// (which may be whitespace) by the byte scan. Where the next window
    /// starts: past these bytes, at the start of the chunk that goes on past
    /// them, or after the chunk the byte scan found.
    #[inline(always)]
    fn keyed_window(
        &self,
        text: &[u8],
        base: usize,
        limit: usize,
        scratch: &mut WordScratch,
        keyed: &mut impl Keyed,
    ) -> usize {
        let masks = SpaceMasks::at(text, base, limit);
        // Where chunks start: not whitespace, after whitespace or at `base`.
        let mut starts = !masks.space & (masks.space << 1 | 1);
        while starts != 0 {
            let at = starts.trailing_zeros() as usize;
            let after = masks.space >> at;
            if after == 0 {
                if at == 0 {
                    // 64 bytes without whitespace: the byte scan.
                    break;
                }
                return base + at;
            }
            let len = after.trailing_zeros() as usize;
            if (masks.high >> at) & ((1 << len) - 1) != 0 {
                break;
            }
            self.keyed_one(text, base + at, base + at + len, scratch, keyed);
            starts &= starts - 1;
        }
        if starts == 0 {
            return base + 64;
        }
        let at = base + starts.trailing_zeros() as usize;
        match self.next_chunk(text, at, limit) {
            Some((start, end)) => {
                self.keyed_one(text, start, end, scratch, keyed);
                after_chunk(text, end)
            }
            None => limit,
        }
    }

    /// The chunk `text[start..end]`, before the tail.
    #[inline(always)]
    fn keyed_one(
        &self,
        text: &[u8],
        start: usize,
        end: usize,
        scratch: &mut WordScratch,
        keyed: &mut impl Keyed,
    ) {
        let chunk = &text[start..end];
        if chunk.len() > self.piece_bytes {
            let (before, after) = context(text, start, end);
            self.long_output(chunk, before, Some(after), scratch, &mut |t| keyed.token(t));
            return;
        }
        // Most chunks: one lookup, or two with a final `,` or `:`.
        if self.plain_ascii {
            if maybe_simple(chunk) {
                if known_token(keyed, text, start, end) {
                    return;
                }
            } else if let Some((_, comma)) = comma_split(chunk) {
                if known_token(keyed, text, start, end - 1) {
                    token_key(keyed, comma);
                    return;
                }
            }
        }
        let (before, after) = context(text, start, end);
        let kind = self.simple_kind_in(text, start, end);
        self.keyed_chunk(chunk, kind, before, after, scratch, keyed);
    }

    /// A chunk before the tail that was not known as a token, of the kind
    /// [`Self::simple_kind`] gives it: handed on as one or two tokens
    /// (simple) or as a stretch.
    fn keyed_chunk(
        &self,
        chunk: &[u8],
        kind: Option<Kind>,
        before: Before,
        after: After,
        scratch: &mut WordScratch,
        keyed: &mut impl Keyed,
    ) {
        match kind {
            Some(Kind::Plain) => {
                // Not known: `for_each_keyed` asked.
                keyed.tokens(Key::Token, chunk, chunk);
                return;
            }
            Some(Kind::PlainThenComma) => {
                let (word, comma) = chunk.split_at(chunk.len() - 1);
                if !word.is_empty() {
                    token_key(keyed, word);
                }
                token_key(keyed, comma);
                return;
            }
            _ => {}
        }
        let sensitive = stretch_key(chunk, before, after, &mut scratch.key);
        if keyed.known(Key::Stretch, &scratch.key) {
            return;
        }
        // A chunk keyed without its context has the same tokens in every
        // context: computed between spaces.
        let (before, after) = if sensitive {
            (before, after)
        } else {
            (Before::Space, After::Space)
        };
        scratch.value.clear();
        // Classified above: not simple, so computed by the rules.
        self.chunk_rule_tokens(chunk, before, after, &mut scratch.buf, &mut scratch.value);
        keyed.tokens(Key::Stretch, &scratch.key, &scratch.value);
    }

    /// The tail, which starts at byte `start` of `text`.
    fn keyed_tail(
        &self,
        text: &[u8],
        start: usize,
        scratch: &mut WordScratch,
        keyed: &mut impl Keyed,
    ) {
        let tail = &text[start..];
        let before = before_tail(text, start);
        if tail.len() > self.piece_bytes {
            self.long_output(tail, before, None, scratch, &mut |t| keyed.token(t));
            return;
        }
        if self.plain_ascii {
            // The tail is one chunk when only whitespace follows its first.
            let end = self
                .next_chunk(tail, 0, tail.len())
                .map_or(0, |(_, end)| end);
            let one_chunk = self.next_chunk(tail, end, tail.len()).is_none();
            if let Some((word, marks)) = one_chunk.then(|| simple_tail(tail, end)).flatten() {
                let known = known_token(keyed, tail, 0, word.len());
                if known || self.simple_kind_in(tail, 0, word.len()) == Some(Kind::Plain) {
                    if !known {
                        keyed.tokens(Key::Token, word, word);
                    }
                    for mark in marks {
                        token_key(keyed, mark);
                    }
                    return;
                }
            }
        }
        scratch.value.clear();
        if tail.len() > MAX_CACHED_RUN {
            // Never kept (see `cache::MAX_CACHED_RUN`): no key copied.
            self.tail_tokens(tail, before, &mut scratch.buf, &mut scratch.value);
            for token in scratch
                .value
                .split(|&b| b == b' ')
                .filter(|t| !t.is_empty())
            {
                keyed.token(token);
            }
            return;
        }
        tail_key(tail, before, &mut scratch.key);
        if !keyed.known(Key::Stretch, &scratch.key) {
            self.tail_tokens(tail, before, &mut scratch.buf, &mut scratch.value);
            keyed.tokens(Key::Stretch, &scratch.key, &scratch.value);
        }
    }

    /// [`Self::simple_kind`] of `text[start..end]`. Most chunks a first
    /// pass meets are short runs of letters and digits: one load finds them
    /// so, where the scanner of [`Chunks`] goes byte by byte on a chunk
    /// shorter than its 16-byte steps.
    #[inline(always)]
    fn simple_kind_in(&self, text: &[u8], start: usize, end: usize) -> Option<Kind> {
        let len = end - start;
        if self.plain_ascii && self.kinds.standard_ascii_words && len <= 16 {
            // One word: it is simple unless a contraction rule splits it.
            if ascii_word_at(text, start, len) == Some(true) {
                return (!has_contraction(&text[start..end])).then_some(Kind::Plain);
            }
        }
        self.simple_kind(&text[start..end])
    }

    /// The kind of a chunk whose tokens skip the rules ([`Kind::Plain`]: the
    /// chunk; [`Kind::PlainThenComma`]: the chunk without its last byte, and
    /// that byte), or `None` for a chunk the rules compute.
    fn simple_kind(&self, chunk: &[u8]) -> Option<Kind> {
        // A character a rule names (most often an apostrophe, `it's`) makes
        // the chunk the rules', wherever it stands: found without the
        // scanner, which classifies to the chunk's end.
        let named = |b: &u8| *b < 0x80 && self.kinds.ascii[*b as usize] == BYTE_RULE;
        if !self.plain_ascii || chunk.iter().any(named) || has_contraction(chunk) {
            return None;
        }
        match Chunks::new(chunk, chunk.len(), &self.classes, &self.kinds).next() {
            Some((0, end, kind)) if end == chunk.len() && kind != Kind::Rules => Some(kind),
            _ => None,
        }
    }

    /// The tokens of a chunk before the tail (after `before`, followed by
    /// `after`), appended to `out` joined by single spaces: as it stands when
    /// it is simple, else by the rules.
    pub(crate) fn chunk_tokens(
        &self,
        chunk: &[u8],
        before: Before,
        after: After,
        buf: &mut Vec<u32>,
        out: &mut Vec<u8>,
    ) {
        match self.simple_kind(chunk) {
            Some(Kind::Plain) => out.extend_from_slice(chunk),
            Some(Kind::PlainThenComma) => {
                let (word, comma) = chunk.split_at(chunk.len() - 1);
                out.extend_from_slice(word);
                if !word.is_empty() {
                    out.push(b' ');
                }
                out.extend_from_slice(comma);
            }
            _ => self.chunk_rule_tokens(chunk, before, after, buf, out),
        }
    }

    /// [`Self::chunk_tokens`] of a chunk that is not simple: peeled when it
    /// can be ([`Self::peeled_tokens`]), else by the rules.
    pub(crate) fn chunk_rule_tokens(
        &self,
        chunk: &[u8],
        before: Before,
        after: After,
        buf: &mut Vec<u32>,
        out: &mut Vec<u8>,
    ) {
        if self.peeled_tokens(chunk, before, out) || self.clitic_tokens(chunk, out) {
            return;
        }
        let edges = Edges {
            first: before == Before::Start,
            last: false,
        };
        self.rule_tokens(
            edges,
            |buf| {
                buf.extend(before.char());
                codepoints::decode_into(chunk, buf);
                buf.push(after.char());
            },
            buf,
            out,
        );
    }

    /// The tokens of a chunk before the tail that is a simple word between
    /// the marks most often around one in text (`"word`, `(word)`,
    /// `word,"`, ...), appended to `out` joined by single spaces, without
    /// the rules; false (and nothing written) for any other chunk.
    ///
    /// Each mark is its own token, and the word is one: a simple word
    /// ([`Kind::Plain`], no contraction) holds no character a rule names but
    /// a single `.` or `-`, which only the final-period rules (on the tail),
    /// `\.{2,}` and `--` read, and the marks are neither; the contractions'
    /// `\b` sees a mark as the whitespace it sees around a simple chunk.
    /// The marks, rule by rule (NLTK 3.10.4's `NLTKWordTokenizer`):
    ///
    /// * an opening `"` is `^\"` -> `` `` `` at the text's start,
    ///   `([ \(\[{<])(\"|\'{2})` -> `` `` `` after a space, and else,
    ///   after other whitespace, ENDING_QUOTES' `"` -> `''`;
    /// * a `"` after the word follows no space or opening bracket: `''`;
    /// * `(` and `)`: PARENS_BRACKETS pads them; nothing else reads them
    ///   here (the opening-quote rule reads a `(` before a quote only);
    /// * `,`: `([:,])([^\d])` pads it, its follower being a `"` or the
    ///   whitespace after the chunk, neither a digit;
    /// * `$`, `;` and `%` (`[;@#$%&]`), `?` and `!` (`[?!]`): padded
    ///   wherever they stand.
    fn peeled_tokens(&self, chunk: &[u8], before: Before, out: &mut Vec<u8>) -> bool {
        let (left, rest): (&[u8], &[u8]) = match chunk {
            [b'"', rest @ ..] => match before {
                Before::Start | Before::Space => (b"``", rest),
                Before::Other => (b"''", rest),
            },
            [b'(', rest @ ..] => (b"(", rest),
            [b'$', rest @ ..] => (b"$", rest),
            _ => (b"", chunk),
        };
        // Longest first: `),` before `,`.
        let (word, right): (&[u8], &[&[u8]]) = if let Some(w) = rest.strip_suffix(b"),") {
            (w, &[b")", b","])
        } else if let Some(w) = rest.strip_suffix(b",\"") {
            (w, &[b",", b"''"])
        } else if let Some(w) = rest.strip_suffix(b"\",") {
            (w, &[b"''", b","])
        } else if let Some(w) = rest.strip_suffix(b"\"") {
            (w, &[b"''"])
        } else if let Some(w) = rest.strip_suffix(b")") {
            (w, &[b")"])
        } else if let Some(w) = rest.strip_suffix(b",") {
            (w, &[b","])
        } else if let Some(w) = rest.strip_suffix(b";") {
            (w, &[b";"])
        } else if let Some(w) = rest.strip_suffix(b"%") {
            (w, &[b"%"])
        } else if let Some(w) = rest.strip_suffix(b"?") {
            (w, &[b"?"])
        } else if let Some(w) = rest.strip_suffix(b"!") {
            (w, &[b"!"])
        } else {
            (rest, &[])
        };
        if word.is_empty()
            || (left.is_empty() && right.is_empty())
            || self.simple_kind(word) != Some(Kind::Plain)
        {
            return false;
        }
        let start = out.len();
        for token in std::iter::once(left)
            .chain(std::iter::once(word))
            .chain(right.iter().copied())
        {
            if token.is_empty() {
                continue;
            }
            if out.len() > start {
                out.push(b' ');
            }
            out.extend_from_slice(token);
        }
        true
    }

    /// The tokens of a chunk before the tail that is two ASCII words
    /// (letters and digits) joined by an apostrophe (`it's`, `don't`,
    /// `O'Neill`), appended to `out` joined by single spaces, without the
    /// rules; false (and nothing written) for any other chunk, or one a
    /// contraction rule may split.
    ///
    /// The apostrophe follows a word character, so `(?<!\w)(\')` passes it
    /// by, and a letter or digit, no space, follows it, so `([^'])' ` does;
    /// the first clitic rule, `([^' ])('[sS]|'[mM]|'[dD]|') `, splits
    /// `'s`, `'S`, `'m`, `'M`, `'d` or `'D` off when it is the whole second
    /// word; the second, `([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) `, the
    /// same of `'ll` ... `'VE`, and `n't` (`N'T`) when the second word is
    /// `t` (`T`) and the first ends in `n` (`N`) after one more character.
    /// Of CONTRACTIONS2, only `d'ye` and `more'n` hold an apostrophe: left to
    /// the rules, as is any word (before or after a split) the letter-only
    /// ones may split; CONTRACTIONS3 need a space before `'t`, which no
    /// clitic split writes.
    fn clitic_tokens(&self, chunk: &[u8], out: &mut Vec<u8>) -> bool {
        if !self.plain_ascii {
            return false;
        }
        let Some(at) = memchr::memchr(b'\'', chunk) else {
            return false;
        };
        let (first, second) = (&chunk[..at], &chunk[at + 1..]);
        let word = |w: &[u8]| !w.is_empty() && w.iter().all(u8::is_ascii_alphanumeric);
        if !word(first) || !word(second) || has_contraction(first) || has_contraction(second) {
            return false;
        }
        let apostrophe_contraction = (first.eq_ignore_ascii_case(b"d")
            && second.eq_ignore_ascii_case(b"ye"))
            || (first.eq_ignore_ascii_case(b"more") && second.eq_ignore_ascii_case(b"n"));
        if apostrophe_contraction {
            return false;
        }
        const CLITICS: [&[u8]; 12] = [
            b"s", b"S", b"m", b"M", b"d", b"D", b"ll", b"LL", b"re", b"RE", b"ve", b"VE",
        ];
        if CLITICS.contains(&second) {
            out.extend_from_slice(first);
            out.push(b' ');
            out.extend_from_slice(&chunk[at..]);
            return true;
        }
        let negation = first.len() >= 2
            && matches!(
                (first[first.len() - 1], second),
                (b'n', b"t") | (b'N', b"T")
            );
        if negation {
            let stem = &first[..first.len() - 1];
            if has_contraction(stem) {
                return false;
            }
            out.extend_from_slice(stem);
            out.push(b' ');
            out.extend_from_slice(&chunk[at - 1..]);
            return true;
        }
        out.extend_from_slice(chunk);
        true
    }

    /// The tokens of a sentence's tail `tail` (its trailing whitespace
    /// included) that is one chunk, a simple word and its final marks
    /// ([`simple_tail`]), appended to `out` joined by single spaces; false
    /// (and nothing written) for any other tail.
    pub(crate) fn simple_tail_tokens(&self, tail: &[u8], out: &mut Vec<u8>) -> bool {
        if !self.plain_ascii {
            return false;
        }
        let Some((_, end)) = self.next_chunk(tail, 0, tail.len()) else {
            return false;
        };
        if self.next_chunk(tail, end, tail.len()).is_some() {
            return false;
        }
        let Some((word, marks)) = simple_tail(tail, end) else {
            return false;
        };
        if self.simple_kind(word) != Some(Kind::Plain) {
            return false;
        }
        out.extend_from_slice(word);
        for mark in marks {
            out.push(b' ');
            out.extend_from_slice(mark);
        }
        true
    }

    /// The tokens of the tail `tail` (its trailing whitespace included),
    /// after `before`, appended to `out` joined by single spaces.
    fn tail_tokens(&self, tail: &[u8], before: Before, buf: &mut Vec<u32>, out: &mut Vec<u8>) {
        let edges = Edges {
            first: before == Before::Start,
            last: true,
        };
        self.rule_tokens(
            edges,
            |buf| {
                buf.extend(before.char());
                codepoints::decode_into(tail, buf);
            },
            buf,
            out,
        );
    }

    /// The next chunk of `text[..limit]` at or after byte `pos`: a maximal
    /// run of characters that are not `regex` whitespace (the chunks of
    /// [`Chunks`], without their kinds). `limit` is the text's end or where
    /// whitespace ends.
    #[inline(always)]
    fn next_chunk(&self, text: &[u8], mut pos: usize, limit: usize) -> Option<(usize, usize)> {
        // Skip whitespace.
        loop {
            if pos >= limit {
                return None;
            }
            let b = text[pos];
            if b < 0x80 {
                if self.kinds.ascii[b as usize] != BYTE_SPACE {
                    break;
                }
                pos += 1;
            } else {
                let (c, len) = codepoints::decode_at(text, pos);
                if !self.classes.is(c, SPACE) {
                    break;
                }
                pos += len;
            }
        }
        let start = pos;
        while pos < limit {
            pos = codepoints::skip_printable_ascii(text, pos);
            if pos >= limit {
                break;
            }
            let b = text[pos];
            if b < 0x80 {
                if self.kinds.ascii[b as usize] == BYTE_SPACE {
                    break;
                }
                pos += 1;
            } else {
                let (c, len) = codepoints::decode_at(text, pos);
                if self.classes.is(c, SPACE) {
                    break;
                }
                pos += len;
            }
        }
        Some((start, pos.min(limit)))
    }
}

/// Where the search for the chunk after one that ends at byte `end` starts:
/// whitespace ends a chunk, and an ASCII byte there is one character of it,
/// which the search need not look at again.
#[inline(always)]
fn after_chunk(text: &[u8], end: usize) -> usize {
    end + usize::from(text.get(end).is_some_and(|&b| b < 0x80))
}

/// The head (see [`Keyed::known_head`]) of `text[start..end]` if it is at
/// most 8 bytes long and `text` holds 8 bytes from `start`.
#[inline(always)]
fn short_head(text: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end - start;
    match text.get(start..start + 8) {
        Some(w) if len <= 8 => {
            let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
            Some(x & (u64::MAX >> (64 - 8 * len)))
        }
        _ => None,
    }
}

/// [`Keyed::known`] of the token `text[start..end]`, through
/// [`Keyed::known_head`] where it can.
#[inline(always)]
fn known_token(keyed: &mut impl Keyed, text: &[u8], start: usize, end: usize) -> bool {
    match short_head(text, start, end) {
        Some(head) => keyed.known_head(&text[start..end], head),
        None => keyed.known(Key::Token, &text[start..end]),
    }
}

/// A chunk's final `,` or `:` split off, when there is a word before it.
#[inline(always)]
fn comma_split(chunk: &[u8]) -> Option<(&[u8], &[u8])> {
    match chunk {
        [first, .., b',' | b':'] if !matches!(first, b'"' | b'\'') => {
            Some(chunk.split_at(chunk.len() - 1))
        }
        _ => None,
    }
}

/// Hands on a token under its own key: known, or given.
fn token_key(keyed: &mut impl Keyed, token: &[u8]) {
    if !keyed.known(Key::Token, token) {
        keyed.tokens(Key::Token, token, token);
    }
}
