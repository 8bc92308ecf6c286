//! The tokens of texts as ids of distinct tokens, for a caller that makes
//! one object per distinct token and hands the same one out at every
//! occurrence (Python's `word_tokenize`, whose lists of strings were most of
//! its cost when each token was a new string).
//!
//! [`TokenIds`] is a [`Keyed`]'s memory: each simple key's id, and each
//! stretch's ids in a bounded cache like the normalizer's, so a key seen
//! before costs one lookup and a copy of its ids, and the tokens behind it
//! are never computed or compared again. Each token has one id, which stands
//! for its bytes ([`TokenIds::token`]) until [`TokenIds::clear`]; the table
//! of tokens only grows until then, so a caller bounds it by clearing
//! (the Python side, past a number of ids).

use super::keyed::{Key, Keyed};
use crate::cache::{hash, hash_short, head_of, same_bytes, TokenCache, Vacancy};

/// No id yet, in [`TokenIds::ascii`].
const NO_ID: u32 = u32::MAX;

/// Each key's tokens as ids, and each id's token.
#[derive(Debug)]
pub struct TokenIds {
    /// Each token's id, and whether it was handed on as a [`Key::Token`] (a
    /// chunk that is its own only token): a token that is known only from
    /// a stretch is not a key for that.
    tokens: IdTable,
    /// Keys handed on as [`Key::Stretch`], each with its tokens' ids (4
    /// bytes each, little-endian).
    stretches: TokenCache,
    /// The id of each one-byte ASCII token met (most of a stretch's marks).
    ascii: [u32; 128],
    /// Bit `b`: the one-byte token `b` was handed on as a [`Key::Token`]
    /// (its id in [`Self::ascii`]), as [`SIMPLE`] marks a longer one. A
    /// sentence's final mark and a chunk's final `,` or `:` (one chunk in
    /// fifteen in news text) are found so without a hash.
    simple_ascii: u128,
    /// Every id's bytes, one after the other, and where each ends.
    bytes: Vec<u8>,
    ends: Vec<u32>,
    /// Where the stretch `known` did not find goes.
    vacancy: Option<Vacancy>,
    /// A missed stretch's ids as bytes, to be cached.
    value: Vec<u8>,
}

impl TokenIds {
    /// Ids whose cache of stretches holds at most `cache_bytes`.
    pub fn new(cache_bytes: usize) -> Self {
        TokenIds {
            tokens: IdTable::default(),
            stretches: TokenCache::new(cache_bytes),
            ascii: [NO_ID; 128],
            simple_ascii: 0,
            bytes: Vec::new(),
            ends: Vec::new(),
            vacancy: None,
            value: Vec::new(),
        }
    }

    /// Ids made since the last [`Self::clear`]: each id is below this.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of the token `id` stands for.
    #[inline]
    pub fn token(&self, id: u32) -> &[u8] {
        token_of(&self.bytes, &self.ends, id)
    }

    /// Bytes held by the tokens and their table (not the stretches'
    /// cache, which keeps its own bound).
    pub fn token_bytes(&self) -> usize {
        self.bytes.capacity() + 4 * self.ends.capacity() + self.tokens.bytes()
    }

    /// Forgets every key and every id.
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.stretches.clear();
        self.ascii = [NO_ID; 128];
        self.simple_ascii = 0;
        self.bytes.clear();
        self.ends.clear();
        self.vacancy = None;
    }

    /// A [`Keyed`] that appends the id of each token it is handed to `out`,
    /// in order.
    pub fn collector<'a>(&'a mut self, out: &'a mut Vec<u32>) -> Collector<'a> {
        Collector { ids: self, out }
    }

    fn new_id(&mut self, token: &[u8]) -> u32 {
        // More ids than a u32 holds would take more than 16 GiB of ends; a
        // caller clears long before (the Python side past 131,072).
        let id = u32::try_from(self.ends.len()).expect("fewer than 2^32 token ids");
        self.bytes.extend_from_slice(token);
        self.ends
            .push(u32::try_from(self.bytes.len()).expect("under 4 GiB of tokens"));
        id
    }

    /// The id of `token`, a token of a stretch: the one it had, or a new one.
    #[inline]
    fn intern(&mut self, token: &[u8]) -> u32 {
        if let [b] = token {
            if *b < 0x80 {
                let id = self.ascii[*b as usize];
                if id != NO_ID {
                    return id;
                }
                let id = self.id_of(token, false);
                self.ascii[*b as usize] = id;
                return id;
            }
        }
        self.id_of(token, false)
    }

    /// The id of `token`, found or made, marked as a simple key if `simple`.
    fn id_of(&mut self, token: &[u8], simple: bool) -> u32 {
        let head = head_of(token);
        let hash = hash(head, token);
        match self.tokens.find(head, hash, token, &self.bytes, &self.ends) {
            Ok(at) => {
                if simple {
                    self.tokens.slots[at].tag |= SIMPLE;
                }
                self.tokens.slots[at].id
            }
            Err(at) => {
                let id = self.new_id(token);
                self.tokens.place(at, head, id, token.len(), simple);
                if self.tokens.is_over_load() {
                    self.tokens.grow(&self.bytes, &self.ends);
                }
                id
            }
        }
    }
}

#[inline(always)]
fn token_of<'a>(bytes: &'a [u8], ends: &[u32], id: u32) -> &'a [u8] {
    let id = id as usize;
    let start = match id {
        0 => 0,
        _ => ends[id - 1] as usize,
    };
    &bytes[start..ends[id] as usize]
}

/// In [`IdSlot::tag`]: the token was handed on as a [`Key::Token`].
const SIMPLE: u32 = 1 << 31;

/// One token in [`IdTable`]: the first 8 bytes of its bytes (zero-padded),
/// its id, and its length plus one (0: a free slot) with the [`SIMPLE`]
/// bit. A short token is found with one read of one slot, its id beside
/// it; a longer one's other bytes are compared where its id keeps them.
#[derive(Debug, Clone, Copy, bytemuck::Zeroable)]
struct IdSlot {
    head: u64,
    id: u32,
    tag: u32,
}

/// Tokens by their bytes, open addressing with linear probing, at most
/// [`MAX_LOAD`] full. Never emptied but by [`TokenIds::clear`]: an id once
/// given stays its token's.
#[derive(Debug, Default)]
struct IdTable {
    /// Power-of-two length (or empty).
    slots: Vec<IdSlot>,
    len: usize,
}

/// Slots of a new table (1 MiB): news text's distinct tokens (BBC: 38,257)
/// fit without growing it.
const FIRST_ID_SLOTS: usize = 1 << 16;
const MAX_LOAD: (usize, usize) = (5, 8);

impl IdTable {
    /// The slot holding `token` (`Ok`), or the free slot that ended the
    /// probe (`Err`). `hash` is [`hash`] of the token, `head` its
    /// [`head_of`]; `bytes` and `ends` hold the tokens of the ids.
    #[inline(always)]
    fn find(
        &mut self,
        head: u64,
        hash: u64,
        token: &[u8],
        bytes: &[u8],
        ends: &[u32],
    ) -> Result<usize, usize> {
        if self.slots.is_empty() {
            self.slots = bytemuck::zeroed_vec(FIRST_ID_SLOTS);
        }
        let mask = self.slots.len() - 1;
        let tag = token.len() as u32 + 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.head == head && slot.tag & !SIMPLE == tag {
                if token.len() <= 8 || same_bytes(&token_of(bytes, ends, slot.id)[8..], &token[8..])
                {
                    return Ok(i);
                }
            } else if slot.tag == 0 {
                return Err(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The slot holding the token of at most 8 bytes whose head is `head`.
    #[inline(always)]
    fn find_short(&self, head: u64, len: usize) -> Option<IdSlot> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = len as u32 + 1;
        let mut i = hash_short(head, len) as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.head == head && slot.tag & !SIMPLE == tag {
                return Some(slot);
            } else if slot.tag == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn place(&mut self, at: usize, head: u64, id: u32, len: usize, simple: bool) {
        debug_assert_eq!(self.slots[at].tag, 0);
        // A token of 2^31 bytes or more is longer than any text `find` is
        // given (the Python side tokenizes at most a MiB per call).
        let len = u32::try_from(len).ok().filter(|&n| n < SIMPLE - 1);
        let tag = len.expect("a token under 2 GiB") + 1;
        self.slots[at] = IdSlot {
            head,
            id,
            tag: if simple { tag | SIMPLE } else { tag },
        };
        self.len += 1;
    }

    fn is_over_load(&self) -> bool {
        self.len * MAX_LOAD.1 > self.slots.len() * MAX_LOAD.0
    }

    /// Doubles the table, placing every token again.
    fn grow(&mut self, bytes: &[u8], ends: &[u32]) {
        let size = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, bytemuck::zeroed_vec(size));
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.tag != 0) {
            let token = token_of(bytes, ends, slot.id);
            let mut i = hash(slot.head, token) as usize & mask;
            while self.slots[i].tag != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    fn bytes(&self) -> usize {
        self.slots.capacity() * size_of::<IdSlot>()
    }

    fn clear(&mut self) {
        self.slots = Vec::new();
        self.len = 0;
    }
}

#[inline(always)]
fn read_id(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"))
}

/// [`TokenIds::collector`].
pub struct Collector<'a> {
    ids: &'a mut TokenIds,
    out: &'a mut Vec<u32>,
}

impl Keyed for Collector<'_> {
    #[inline(always)]
    fn known(&mut self, kind: Key, key: &[u8]) -> bool {
        let ids = &mut *self.ids;
        match kind {
            Key::Token => {
                if let [b @ 0..0x80] = key {
                    let known = ids.simple_ascii >> b & 1 != 0;
                    if known {
                        self.out.push(ids.ascii[*b as usize]);
                    }
                    return known;
                }
                let head = head_of(key);
                let hash = hash(head, key);
                match ids.tokens.find(head, hash, key, &ids.bytes, &ids.ends) {
                    Ok(at) if ids.tokens.slots[at].tag & SIMPLE != 0 => {
                        self.out.push(ids.tokens.slots[at].id);
                        true
                    }
                    _ => false,
                }
            }
            Key::Stretch => match ids.stretches.lookup(key) {
                Ok(value) => {
                    self.out.extend(value.chunks_exact(4).map(read_id));
                    true
                }
                Err(vacancy) => {
                    ids.vacancy = Some(vacancy);
                    false
                }
            },
        }
    }

    #[inline(always)]
    fn known_head(&mut self, key: &[u8], head: u64) -> bool {
        debug_assert!(key.len() <= 8 && head == head_of(key));
        match self.ids.tokens.find_short(head, key.len()) {
            Some(slot) if slot.tag & SIMPLE != 0 => {
                self.out.push(slot.id);
                true
            }
            _ => false,
        }
    }

    fn tokens(&mut self, kind: Key, key: &[u8], tokens: &[u8]) {
        let ids = &mut *self.ids;
        if kind == Key::Token {
            // Not known: `known` asked (a key misses once, the first time it
            // is seen, and finding it again costs less than carrying where
            // it would go through every lookup).
            let id = ids.id_of(key, true);
            if let [b @ 0..0x80] = key {
                ids.ascii[*b as usize] = id;
                ids.simple_ascii |= 1 << b;
            }
            self.out.push(id);
            return;
        }
        let vacancy = ids.vacancy.take();
        let start = self.out.len();
        for token in tokens.split(|&b| b == b' ').filter(|t| !t.is_empty()) {
            let id = ids.intern(token);
            self.out.push(id);
        }
        ids.value.clear();
        ids.value
            .extend(self.out[start..].iter().flat_map(|id| id.to_le_bytes()));
        match vacancy {
            Some(vacancy) => ids.stretches.insert_vacant(vacancy, key, &ids.value),
            None => ids.stretches.insert(key, &ids.value),
        }
    }

    fn token(&mut self, token: &[u8]) {
        let id = self.ids.intern(token);
        self.out.push(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nltk_word::NltkWordTokenizer;

    /// The tokens of `text` through ids, with what `ids` learnt before.
    fn id_tokens(t: &NltkWordTokenizer, ids: &mut TokenIds, text: &str) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut scratch = t.take_scratch();
        t.for_each_keyed(text.as_bytes(), &mut scratch, &mut ids.collector(&mut out));
        t.put_scratch(scratch);
        out.iter().map(|&id| ids.token(id).to_vec()).collect()
    }

    fn whole(t: &NltkWordTokenizer, text: &str) -> Vec<Vec<u8>> {
        t.tokenize(text.as_bytes())
            .iter()
            .map(<[u8]>::to_vec)
            .collect()
    }

    #[test]
    fn ids_stand_for_the_tokens_of_every_text() {
        let t = crate::nltk_word::tests::tokenizer();
        // Small caches, so that they empty and refill along the way.
        for cache_bytes in [0, 1 << 12, 2 << 20] {
            let mut ids = TokenIds::new(cache_bytes);
            let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
            let words = [
                "the",
                "The",
                "cannot",
                "it's",
                "don't",
                "U.S.",
                "3,000",
                "x,",
                "y:",
                "word.",
                "(x)",
                "\"x\"",
                "``",
                "''",
                "'s",
                "n't",
                "caf\u{e9}.",
                "a--b",
                "\u{1c}",
                ",",
                ".",
                "?",
                "said.\"",
                "\"Yes",
                "x\u{2019}s",
                "\u{a0}",
                "...",
            ];
            let spaces = [" ", " ", "\n", "\t", "  "];
            for _ in 0..20_000 {
                let mut text = String::new();
                for _ in 0..1 + next() % 10 {
                    text.push_str(words[next() % words.len()]);
                    text.push_str(spaces[next() % spaces.len()]);
                }
                if next().is_multiple_of(2) {
                    text = text.trim_end().to_string();
                }
                assert_eq!(id_tokens(&t, &mut ids, &text), whole(&t, &text), "{text:?}");
            }
            ids.clear();
            assert!(ids.is_empty());
            // One-byte tokens seen before (their ids kept apart) too.
            let again = "a , b: a ? x.";
            assert_eq!(id_tokens(&t, &mut ids, again), whole(&t, again));
        }
    }

    #[test]
    fn the_table_of_tokens_grows_and_keeps_every_id() {
        let t = crate::nltk_word::tests::tokenizer();
        let mut ids = TokenIds::new(1 << 12);
        // Many more distinct tokens than a new table holds, long and short,
        // simple and in stretches, then each again.
        let text: String = (0..200_000)
            .map(|i| match i % 3 {
                0 => format!("w{i} "),
                1 => format!("(word-number-{i}) "),
                _ => format!("{i}, "),
            })
            .collect();
        for _ in 0..2 {
            assert_eq!(id_tokens(&t, &mut ids, &text), whole(&t, &text));
        }
        let distinct: std::collections::HashSet<Vec<u8>> = (0..ids.len() as u32)
            .map(|id| ids.token(id).to_vec())
            .collect();
        assert_eq!(distinct.len(), ids.len(), "one id per token");
    }

    #[test]
    fn a_token_seen_again_keeps_its_id() {
        let t = crate::nltk_word::tests::tokenizer();
        let mut ids = TokenIds::new(2 << 20);
        let mut out = Vec::new();
        let mut scratch = t.take_scratch();
        let text = b"He said: \"yes.\" He said (yes) yes, yes.";
        t.for_each_keyed(text, &mut scratch, &mut ids.collector(&mut out));
        let tokens: Vec<&[u8]> = out.iter().map(|&id| ids.token(id)).collect();
        assert_eq!(tokens, t.tokenize(text).iter().collect::<Vec<_>>());
        for token in [&b"He"[..], b"said", b"yes", b"."] {
            let found: std::collections::HashSet<u32> = out
                .iter()
                .copied()
                .filter(|&id| ids.token(id) == token)
                .collect();
            assert_eq!(found.len(), 1, "{:?}", String::from_utf8_lossy(token));
        }
    }
}
