//! A bounded cache of finished output per distinct run.
//!
//! Natural text repeats a small vocabulary, so after the first few thousand
//! runs nearly every run is a cache hit: one hash, one probe, one copy. Lookups
//! are most of the normalizer's time (profiles: the first touch of a slot is
//! the single most expensive instruction), so the layout is chosen for them:
//! an open-addressing table of 16-byte slots, at most 5/8 full, each holding
//! the first 8 key bytes inline; the values (and the rest of keys longer than
//! 8 bytes) sit in one arena. Most runs are words of 8 bytes or fewer, so a
//! hit compares one integer in one slot and copies the value from the arena:
//! no byte-wise compare, no separate control bytes, no allocation per entry.
//!
//! The cache is bounded by the memory it has allocated (arena plus table).
//! When an insertion would exceed the bound the cache is emptied, keeping its
//! allocations, and refilled. That is simpler than LRU and costs little,
//! because the frequent runs return within the next few kilobytes of text.
//! Runs longer than [`MAX_CACHED_RUN`] bytes are never cached: they are rare,
//! unlikely to repeat, and a single one could fill the cache.
//!
//! Once the cache has been full, it admits a run only on its second miss
//! (a table of fingerprints remembers the first): on a heavy-tailed corpus
//! (ids, numbers, URLs) most distinct runs occur once, and admitting them
//! emptied the cache of the frequent runs again and again. A corpus whose
//! runs fit (news text) never fills the cache and so never pays the second
//! computation.

use bytemuck::Zeroable;

use crate::normalizer::WordsState;
use crate::short_copy::write_short;

/// Runs longer than this many bytes are computed every time.
pub const MAX_CACHED_RUN: usize = 256;

/// The default bound, per cache (each worker thread has its own).
///
/// Small on purpose: a hit is worth having only while the table stays in the
/// CPU's caches. Measured on news text (whose runs fit in 1 MB) and on a
/// heavy-tailed corpus (about a million distinct runs), where 64 MiB was
/// slower than no cache at all: its misses went to main memory.
pub const DEFAULT_CACHE_BYTES: usize = 2 << 20;

/// Fingerprints of runs missed once (2 bytes each), for the admission rule.
const SEEN_SLOTS: usize = 1 << 16;

/// One entry: the key's first 8 bytes (zero-padded) inline; in the arena at
/// `start`, the rest of the key (for keys over 8 bytes), then the value.
///
/// A free slot is all zeros (`tag == 0`), so a new table is one zeroed
/// allocation, which the system hands out as untouched pages: filling a
/// fresh table slot by slot was most of the cost of inserting.
#[derive(Debug, Clone, Copy, bytemuck::Zeroable)]
struct Slot {
    head: u64,
    start: u32,
    /// The key's length plus one; 0 marks a free slot.
    tag: u16,
    value_len: u16,
}

/// Slots of the smallest table; it doubles whenever it would be over [`MAX_LOAD`].
const MIN_SLOTS: usize = 1 << 10;
const MAX_LOAD: (usize, usize) = (5, 8);
/// The most slots of the first table (1 MiB), which [`TokenCache::first_slots`]
/// sizes from the bound: with the default bound, news text's distinct runs
/// (BBC: 33,709) fill it without a rehash. A table that grows during a first
/// pass zeroes a new table and places every entry again (20,480 at 32k slots).
const FIRST_SLOTS: usize = 1 << 16;

impl Slot {
    #[inline]
    fn matches(&self, head: u64, key: &[u8], arena: &[u8]) -> bool {
        if self.head != head || self.tag as usize != key.len() + 1 {
            return false;
        }
        key.len() <= 8 || {
            let start = self.start as usize;
            same_bytes(&arena[start..start + key.len() - 8], &key[8..])
        }
    }

    #[inline(always)]
    fn is_free(&self) -> bool {
        self.tag == 0
    }

    #[inline(always)]
    fn key_len(&self) -> usize {
        self.tag as usize - 1
    }

    #[inline]
    fn value<'a>(&self, arena: &'a [u8]) -> &'a [u8] {
        let start = self.start as usize + self.key_len().saturating_sub(8);
        &arena[start..start + self.value_len as usize]
    }
}

/// The first 8 bytes of `key`, zero-padded, as one integer.
///
/// Built from (possibly overlapping) fixed-size loads: a variable-length copy
/// would be a `memcpy` call, which cost more than the whole table probe.
#[inline(always)]
pub(crate) fn head_of(key: &[u8]) -> u64 {
    let n = key.len();
    if n >= 8 {
        u64::from_le_bytes(key[..8].try_into().unwrap())
    } else if n >= 4 {
        let lo = u32::from_le_bytes(key[..4].try_into().unwrap()) as u64;
        let hi = u32::from_le_bytes(key[n - 4..].try_into().unwrap()) as u64;
        lo | hi << (8 * (n - 4))
    } else if n > 0 {
        key[0] as u64 | (key[n / 2] as u64) << (4 * (n & !1)) | (key[n - 1] as u64) << (8 * (n - 1))
    } else {
        0
    }
}

/// `a == b` without a call to `memcmp` for strings of at most 16 bytes (most
/// keys' tails, and WordNet's strings): two overlapping loads from each end.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let load8 = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8"));
    let load4 = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4"));
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => load4(a, 0) == load4(b, 0) && load4(a, n - 4) == load4(b, n - 4),
        8..=16 => load8(a, 0) == load8(b, 0) && load8(a, n - 8) == load8(b, n - 8),
        _ => a == b,
    }
}

/// The high and low halves of a full product, folded: every input bit
/// reaches both the low bits (the table index) and the high bits (its tag).
#[inline(always)]
fn fold_mul(a: u64, b: u64) -> u64 {
    let full = (a as u128) * (b as u128);
    (full as u64) ^ ((full >> 64) as u64)
}

const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;

#[inline(always)]
pub(crate) fn hash(head: u64, key: &[u8]) -> u64 {
    rehash(head, key.len(), key.get(8..).unwrap_or_default())
}

/// [`hash`] of a key of at most 8 bytes, given as its head and its length.
#[inline(always)]
pub(crate) fn hash_short(head: u64, len: usize) -> u64 {
    debug_assert!(len <= 8);
    rehash(head, len, &[])
}

/// The hash of a key given as its head, its length and its bytes after the head.
#[inline(always)]
fn rehash(head: u64, len: usize, rest: &[u8]) -> u64 {
    let mut h = fold_mul(head ^ K0, K1 ^ len as u64);
    for chunk in rest.chunks(8) {
        h = fold_mul(h ^ head_of(chunk), K1);
    }
    h
}

/// `out.extend_from_slice(value)` for a value of at most 16 bytes.
#[inline(always)]
fn append_short(out: &mut Vec<u8>, value: &[u8]) {
    let n = value.len();
    debug_assert!(n <= 16);
    if n == 0 {
        return;
    }
    out.reserve(n);
    let len = out.len();
    // SAFETY: `reserve` made room for `n` more bytes after `len`, which
    // `write_short` writes and `set_len` then exposes.
    unsafe {
        write_short(out.as_mut_ptr().add(len), value);
        out.set_len(len + n);
    }
}

/// Smallest arena allocation, so the first inserts do not reallocate often.
const MIN_ARENA: usize = 16 << 10;

#[derive(Debug)]
pub struct TokenCache {
    /// Power-of-two length (or empty), linear probing.
    slots: Vec<Slot>,
    len: usize,
    arena: Vec<u8>,
    limit: usize,
    /// Fingerprints of runs missed once since the cache was last emptied
    /// for lack of room (empty if the bound is too small to spare it).
    seen: Vec<u16>,
    /// Whether the cache has been emptied for lack of room: from then on a
    /// run is admitted on its second miss only.
    admit_on_second_miss: bool,
    /// Counts inserts and emptyings (wrapping): a [`Vacancy`] taken before
    /// the last one may point at a slot that is no longer the run's first
    /// free one.
    changes: u32,
    /// The normalizer's buffers for runs computed from scratch, kept here
    /// (the cache lives as long as its worker) so that a miss does not
    /// allocate for each document.
    pub(crate) scratch: Scratch,
    /// With the `word_tokenize` tokenizer: that tokenizer's state for this
    /// worker, made on first use (see `normalizer::words`).
    pub(crate) words: Option<Box<WordsState>>,
}

/// Buffers a run computed from scratch reuses, so that a cache miss does
/// not allocate.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The run's output line fragment.
    pub(crate) output: Vec<u8>,
    /// The run's code points.
    pub(crate) run: Vec<u32>,
    /// One token, lower-cased and then stemmed.
    pub(crate) word: Vec<u32>,
    /// The outputs of a stretch's tokens (with `word_tokenize`).
    pub(crate) stretch: Vec<u8>,
}

/// The most bytes of [`Scratch`] a cache keeps: buffers a long run grew are
/// dropped rather than held beside the bound.
const SCRATCH_KEPT: usize = 16 << 10;

/// Where [`TokenCache::lookup`] found a run missing: the free slot that
/// ended the probe (`u32::MAX` if the table was empty). Eight bytes, so that
/// a lookup's result is no bigger than the slice a hit returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vacancy {
    index: u32,
    changes: u32,
}

impl TokenCache {
    pub fn new(limit_bytes: usize) -> Self {
        TokenCache {
            slots: Vec::new(),
            len: 0,
            arena: Vec::new(),
            limit: limit_bytes,
            seen: Vec::new(),
            admit_on_second_miss: false,
            changes: 0,
            scratch: Scratch::default(),
            words: None,
        }
    }

    /// Whether a run with this hash was missed before (and remembers it if not).
    #[inline]
    fn seen_before(&mut self, hash: u64) -> bool {
        // Bits the table index (the low ones) does not use.
        let i = (hash >> 32) as usize & (SEEN_SLOTS - 1);
        let fingerprint = (hash >> 48) as u16 | 1;
        let seen = self.seen[i] == fingerprint;
        self.seen[i] = fingerprint;
        seen
    }

    // Inlined into the run loop: the call itself showed in profiles.
    #[inline(always)]
    pub fn get(&self, key: &[u8]) -> Option<&[u8]> {
        let mask = self.slots.len().wrapping_sub(1);
        if self.len == 0 {
            return None;
        }
        let head = head_of(key);
        let mut i = hash(head, key) as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.matches(head, key, &self.arena) {
                return Some(slot.value(&self.arena));
            }
            if slot.is_free() {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// [`Self::get`], or, on a miss, where the run would go: handed back to
    /// [`Self::insert_vacant`], it spares the miss a second hash and probe.
    #[inline(always)]
    pub fn lookup(&self, key: &[u8]) -> Result<&[u8], Vacancy> {
        let mask = self.slots.len().wrapping_sub(1);
        if self.len == 0 {
            return Err(Vacancy {
                index: u32::MAX,
                changes: self.changes,
            });
        }
        let head = head_of(key);
        let mut i = hash(head, key) as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.matches(head, key, &self.arena) {
                return Ok(slot.value(&self.arena));
            }
            if slot.is_free() {
                return Err(Vacancy {
                    // A table of more than 2^32 slots (64 GiB) takes the slow path.
                    index: u32::try_from(i).unwrap_or(u32::MAX),
                    changes: self.changes,
                });
            }
            i = (i + 1) & mask;
        }
    }

    /// [`Self::insert`] of a run [`Self::lookup`] just missed (`vacancy`).
    ///
    /// The common case (room to spare, no admission test) writes the slot
    /// found by the lookup and copies a short key tail and value without a
    /// `memcpy` call;
    /// everything else, or a vacancy the cache has changed since, takes
    /// [`Self::insert`]. Out of line: inlined, it made the loop around the
    /// lookup (whose hits are most runs) slower.
    #[inline(never)]
    pub fn insert_vacant(&mut self, vacancy: Vacancy, key: &[u8], value: &[u8]) {
        let tail = key.get(8..).unwrap_or_default();
        let fast = vacancy.changes == self.changes
            && vacancy.index != u32::MAX
            && tail.len() <= 16
            && value.len() <= 16
            && !self.admit_on_second_miss
            && self.has_room(tail.len() + value.len());
        if !fast {
            return self.insert(key, value);
        }
        let index = vacancy.index as usize;
        debug_assert!(self.slots[index].is_free());
        let slot = Slot {
            head: head_of(key),
            start: self.arena.len() as u32,
            tag: key.len() as u16 + 1,
            value_len: value.len() as u16,
        };
        // A third of a news corpus's distinct runs are longer than 8 bytes:
        // their tails take the same fixed-size copies as the values.
        append_short(&mut self.arena, tail);
        append_short(&mut self.arena, value);
        self.slots[index] = slot;
        self.len += 1;
        self.changes = self.changes.wrapping_add(1);
    }

    /// Caches `value` for `key` (which must not be cached yet), emptying the
    /// cache first if the entry would not fit in the bound otherwise.
    pub fn insert(&mut self, key: &[u8], value: &[u8]) {
        self.changes = self.changes.wrapping_add(1);
        if key.len() > MAX_CACHED_RUN || value.len() > u16::MAX as usize || self.limit == 0 {
            return;
        }
        let head = head_of(key);
        let hash = hash(head, key);
        if self.admit_on_second_miss && !self.seen_before(hash) {
            return;
        }
        let tail = key.get(8..).unwrap_or_default();
        if !(self.has_room(tail.len() + value.len()) || self.make_room(tail.len() + value.len())) {
            self.clear();
            if !self.admit_on_second_miss && self.limit >= 8 * SEEN_SLOTS * size_of::<u16>() {
                self.admit_on_second_miss = true;
                self.seen = vec![0; SEEN_SLOTS];
                // The fingerprints count against the bound like the rest.
                self.arena.shrink_to(self.arena_budget(self.table_bytes()));
            }
            if !self.make_room(tail.len() + value.len()) {
                return;
            }
        }
        let slot = Slot {
            head,
            start: self.arena.len() as u32,
            tag: key.len() as u16 + 1,
            value_len: value.len() as u16,
        };
        // Most keys have no tail: no `memcpy` call for it.
        if !tail.is_empty() {
            self.arena.extend_from_slice(tail);
        }
        self.arena.extend_from_slice(value);
        if !self.table_holds(self.len + 1) {
            self.grow_table();
        }
        self.place(hash, slot);
        self.len += 1;
    }

    fn place(&mut self, hash: u64, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while !self.slots[i].is_free() {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }

    fn grow_table(&mut self) {
        let size = (2 * self.slots.len()).max(self.first_slots());
        let old = std::mem::replace(&mut self.slots, bytemuck::zeroed_vec(size));
        for slot in old.into_iter().filter(|s| !s.is_free()) {
            let start = slot.start as usize;
            let rest = &self.arena[start..start + slot.key_len().saturating_sub(8)];
            let hash = rehash(slot.head, slot.key_len(), rest);
            self.place(hash, slot);
        }
    }

    /// The most slots, a power of two from [`MIN_SLOTS`] to [`FIRST_SLOTS`],
    /// that take at most half the bound, leaving the rest to the arena.
    fn first_slots(&self) -> usize {
        let fit = self.limit / 2 / size_of::<Slot>();
        let slots = match fit.checked_ilog2() {
            Some(log) => 1 << log,
            None => 0,
        };
        slots.clamp(MIN_SLOTS, FIRST_SLOTS)
    }

    /// Whether the table can hold `entries` without growing: at most
    /// [`MAX_LOAD`] full.
    #[inline]
    fn table_holds(&self, entries: usize) -> bool {
        entries * MAX_LOAD.1 <= self.slots.len() * MAX_LOAD.0
    }

    fn table_bytes(&self) -> usize {
        self.slots.capacity() * size_of::<Slot>()
    }

    /// Whether `entry` more bytes and one more slot fit in what is allocated
    /// now (the common case, checked inline before [`Self::make_room`]):
    /// what is allocated is always within the bound.
    #[inline(always)]
    fn has_room(&self, entry: usize) -> bool {
        let room =
            self.arena.len() + entry <= self.arena.capacity() && self.table_holds(self.len + 1);
        debug_assert!(!room || self.used_bytes() <= self.limit);
        room
    }

    /// Grows the arena, if needed, so that `entry` more bytes fit without
    /// the arena or the table (grown for one more slot) exceeding the bound.
    /// Returns false, changing nothing, if they cannot.
    fn make_room(&mut self, entry: usize) -> bool {
        let needed = self.arena.len() + entry;
        if needed > u32::MAX as usize {
            return false;
        }
        let table_after = if self.table_holds(self.len + 1) {
            self.table_bytes()
        } else {
            // Growing allocates the doubled table while the old one is alive.
            (3 * self.table_bytes()).max(self.first_slots() * size_of::<Slot>())
        };
        // A bound smaller than the smallest table holds nothing: without
        // this, an entry of no bytes (a stretch with no tokens) fit an empty
        // arena and grew a table past the bound.
        if table_after + self.seen.capacity() * size_of::<u16>() > self.limit {
            return false;
        }
        let arena_budget = self.arena_budget(table_after);
        if needed <= self.arena.capacity() {
            return self.arena.capacity() <= arena_budget;
        }
        let grown = needed
            .max(2 * self.arena.capacity())
            .max(MIN_ARENA)
            .min(arena_budget);
        if grown < needed {
            return false;
        }
        self.arena.reserve_exact(grown - self.arena.len());
        self.arena.capacity() <= arena_budget
    }

    /// What the bound leaves for the arena beside a table of `table_bytes`.
    fn arena_budget(&self, table_bytes: usize) -> usize {
        self.limit
            .saturating_sub(table_bytes + self.seen.capacity() * size_of::<u16>())
    }

    /// Gives back the buffers taken from [`Self::scratch`], unless a long
    /// run made them big.
    pub(crate) fn keep_scratch(&mut self, scratch: Scratch) {
        let bytes = scratch.output.capacity()
            + scratch.stretch.capacity()
            + size_of::<u32>() * (scratch.run.capacity() + scratch.word.capacity());
        if bytes <= SCRATCH_KEPT {
            self.scratch = scratch;
        }
    }

    /// Drops every entry, keeping the allocations for the refill.
    pub fn clear(&mut self) {
        self.changes = self.changes.wrapping_add(1);
        self.slots.fill(Slot::zeroed());
        self.len = 0;
        self.arena.clear();
    }

    /// Entries held now.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes allocated now, arena and table (never above the bound).
    pub fn used_bytes(&self) -> usize {
        self.arena.capacity() + self.table_bytes() + self.seen.capacity() * size_of::<u16>()
    }

    pub fn limit_bytes(&self) -> usize {
        self.limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_at_every_length() {
        for n in 0..40 {
            let a: Vec<u8> = (0..n as u8).collect();
            assert!(same_bytes(&a, &a.clone()));
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 1;
                assert!(!same_bytes(&a, &b), "{n} {i}");
            }
            assert!(!same_bytes(&a, &a[..n.saturating_sub(1)]) || n == 0);
        }
    }

    #[test]
    fn stays_within_its_bound() {
        let mut cache = TokenCache::new(100_000);
        let mut cleared = 0;
        for i in 0..100_000u32 {
            let key = format!("token{i}");
            let before = cache.len();
            cache.insert(key.as_bytes(), key.to_uppercase().as_bytes());
            if cache.len() <= before {
                cleared += 1;
            }
            assert!(cache.used_bytes() <= cache.limit_bytes());
            assert_eq!(
                cache.get(key.as_bytes()),
                Some(key.to_uppercase().as_bytes())
            );
        }
        assert!(cleared > 10, "the bound was never reached");
        let key = "x".repeat(MAX_CACHED_RUN + 1);
        cache.insert(key.as_bytes(), b"x");
        assert_eq!(cache.get(key.as_bytes()), None);
    }

    #[test]
    fn a_bound_under_the_smallest_table_holds_nothing() {
        for limit in [1, 4096, MIN_SLOTS * size_of::<Slot>() - 1] {
            let mut cache = TokenCache::new(limit);
            for key in [&b"a"[..], b"bb", b"a longer key than eight bytes"] {
                // Empty values too: they need no arena.
                for value in [&b""[..], b"v"] {
                    cache.insert(key, value);
                    match cache.lookup(key) {
                        Ok(_) => panic!("{limit}: kept {key:?}"),
                        Err(vacancy) => cache.insert_vacant(vacancy, key, value),
                    }
                    assert!(cache.used_bytes() <= limit, "{limit}");
                    assert!(cache.is_empty());
                }
            }
        }
    }

    #[test]
    fn once_full_a_run_is_admitted_on_its_second_miss() {
        let limit = 2 << 20;
        let mut cache = TokenCache::new(limit);
        let mut i = 0u32;
        // Fill until the first emptying: until then every run is admitted.
        while !cache.admit_on_second_miss {
            let key = format!("fill{i}");
            cache.insert(key.as_bytes(), b"v");
            assert!(cache.admit_on_second_miss || cache.get(key.as_bytes()).is_some());
            i += 1;
        }
        for j in 0..1000u32 {
            let key = format!("new{j}");
            cache.insert(key.as_bytes(), b"v");
            assert_eq!(
                cache.get(key.as_bytes()),
                None,
                "{key}: admitted on its first miss"
            );
            cache.insert(key.as_bytes(), b"v");
            assert_eq!(cache.get(key.as_bytes()), Some(&b"v"[..]), "{key}");
        }
        for j in 0..200_000u32 {
            let key = format!("more{j}");
            cache.insert(key.as_bytes(), b"value");
            cache.insert(key.as_bytes(), b"value");
            assert!(cache.used_bytes() <= limit);
        }
    }

    #[test]
    fn head_is_the_zero_padded_prefix() {
        for n in 0..=12 {
            let key: Vec<u8> = (1..=n as u8).collect();
            let mut word = [0u8; 8];
            word[..n.min(8)].copy_from_slice(&key[..n.min(8)]);
            assert_eq!(head_of(&key), u64::from_le_bytes(word), "length {n}");
        }
    }

    #[test]
    fn a_vacancy_inserts_like_insert_even_when_stale() {
        let mut cache = TokenCache::new(1 << 20);
        // Empty table, then a fresh one, then vacancies made stale by an
        // insert or an emptying between lookup and insert.
        let Err(first) = cache.lookup(b"one") else {
            panic!("hit in an empty cache")
        };
        cache.insert_vacant(first, b"one", b"1");
        let Err(a) = cache.lookup(b"two") else {
            panic!("hit")
        };
        let Err(b) = cache.lookup(b"three") else {
            panic!("hit")
        };
        cache.insert_vacant(a, b"two", b"2");
        cache.insert_vacant(b, b"three", b"3");
        let Err(c) = cache.lookup(b"four") else {
            panic!("hit")
        };
        cache.clear();
        cache.insert_vacant(c, b"four", b"4");
        for i in 0..5000u32 {
            let key = format!("k{i}");
            let value = format!("value of {i} and more");
            let Err(v) = cache.lookup(key.as_bytes()) else {
                panic!("{key}: hit before insert")
            };
            cache.insert_vacant(v, key.as_bytes(), value.as_bytes());
        }
        assert_eq!(cache.lookup(b"four"), Ok(&b"4"[..]));
        assert_eq!(cache.get(b"one"), None);
        for i in 0..5000u32 {
            let key = format!("k{i}");
            let value = format!("value of {i} and more");
            assert_eq!(cache.get(key.as_bytes()), Some(value.as_bytes()));
        }
        assert_eq!(cache.len(), 5001);
        assert_eq!(size_of::<Result<&[u8], Vacancy>>(), size_of::<&[u8]>());
    }

    #[test]
    fn a_zero_bound_caches_nothing() {
        let mut cache = TokenCache::new(0);
        cache.insert(b"key", b"value");
        assert!(cache.is_empty());
        assert_eq!(cache.used_bytes(), 0);
        assert_eq!(cache.get(b"key"), None);
    }

    #[test]
    fn keys_of_equal_bytes_but_different_length_are_distinct() {
        let mut cache = TokenCache::new(1 << 20);
        cache.insert(b"ab", b"1");
        cache.insert(b"abc", b"2");
        cache.insert(b"", b"3");
        assert_eq!(cache.get(b"ab"), Some(&b"1"[..]));
        assert_eq!(cache.get(b"abc"), Some(&b"2"[..]));
        assert_eq!(cache.get(b""), Some(&b"3"[..]));
        assert_eq!(cache.get(b"a"), None);
    }
}
