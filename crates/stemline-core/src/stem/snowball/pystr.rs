//! Python's `str` operations as NLTK's Snowball stemmers use them, on code
//! points, so that each language's module reads like NLTK's `stem` line by
//! line.
//!
//! NLTK keeps a word and its regions (R1, R2, RV) as separate strings and
//! edits each with slices, `endswith`, `in` and `suffix_replace`. A region is
//! not always a suffix of the word: some steps edit the word and not the
//! region, or the region and not the word (French tests `"iv" in r2` on an R2
//! that step 1 left as it was; Italian sets `rv = word[:-2]`; Russian spells
//! R2 and RV with `"i^a"` where the word has `"A"`). So each is kept here as
//! a string of its own, and every operation has Python's meaning: negative
//! indexes count from the end, slices clamp, `s[:-n]` of a shorter string is
//! empty, `x in s` is a substring test, and `s[i]` outside the string is
//! Python's `IndexError` ([`at`]), which the stemmer returns.
//!
//! Suffixes are written as NLTK writes them, as `&str` (`"it\u{e9}s"`), and
//! compared letter by letter from the end.

use crate::stem::letter::Letter;
use crate::stem::Word;

/// Python's `IndexError: string index out of range`, where NLTK's `word[i]`
/// falls outside the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexError;

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("string index out of range")
    }
}

impl std::error::Error for IndexError {}

/// What a stemmer's `stem` returns: the stem, or the `IndexError` NLTK raises.
pub type Stemmed = Result<Word, IndexError>;

/// `s[i]`, with Python's negative indexes.
#[inline]
pub fn at<L: Letter>(s: &[L], i: isize) -> Result<u32, IndexError> {
    let n = s.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) {
        Ok(s[j as usize].code())
    } else {
        Err(IndexError)
    }
}

/// A slice bound as Python clamps it into `0..=len`.
#[inline]
fn bound(i: isize, len: usize) -> usize {
    let n = len as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    j as usize
}

/// `s[start:end]`.
#[inline]
pub fn slice<L: Letter>(s: &[L], start: isize, end: isize) -> &[L] {
    let (a, b) = (bound(start, s.len()), bound(end, s.len()));
    if a < b {
        &s[a..b]
    } else {
        &[]
    }
}

/// `s[start:]`.
#[inline]
pub fn from<L: Letter>(s: &[L], start: isize) -> &[L] {
    &s[bound(start, s.len())..]
}

/// `s[:end]`.
#[inline]
pub fn until<L: Letter>(s: &[L], end: isize) -> &[L] {
    &s[..bound(end, s.len())]
}

/// The number of letters of a literal (Python's `len`).
#[inline]
pub fn len(literal: &str) -> usize {
    literal.chars().count()
}

/// `s.endswith(suffix)`, from the last letter: the literal's bytes while
/// they are ASCII (no decoding), its characters from its first non-ASCII one.
#[inline]
pub fn ends<L: Letter>(s: &[L], suffix: &str) -> bool {
    let b = suffix.as_bytes();
    let (mut i, mut k) = (s.len(), b.len());
    while k > 0 {
        let x = b[k - 1];
        if x >= 0x80 {
            // `k` follows a whole character: only ASCII bytes came after it.
            return ends_decoded(&s[..i], &suffix[..k]);
        }
        if i == 0 || s[i - 1].code() != u32::from(x) {
            return false;
        }
        i -= 1;
        k -= 1;
    }
    true
}

/// [`ends`] of any literal, decoded letter by letter from its end.
#[inline(never)]
fn ends_decoded<L: Letter>(s: &[L], suffix: &str) -> bool {
    let mut i = s.len();
    for c in suffix.chars().rev() {
        if i == 0 || s[i - 1].code() != c as u32 {
            return false;
        }
        i -= 1;
    }
    true
}

/// `s.endswith(suffixes)` for a tuple.
#[inline]
pub fn ends_any<L: Letter>(s: &[L], suffixes: &[&str]) -> bool {
    suffixes.iter().any(|suffix| ends(s, suffix))
}

/// `s.startswith(prefix)`.
#[inline]
pub fn starts<L: Letter>(s: &[L], prefix: &str) -> bool {
    let mut letters = s.iter();
    prefix
        .chars()
        .all(|c| letters.next().map(|l| l.code()) == Some(u32::from(c)))
}

/// `s == literal`.
#[inline]
pub fn eq<L: Letter>(s: &[L], literal: &str) -> bool {
    s.len() == len(literal) && starts(s, literal)
}

/// `s in literals` for a tuple of strings.
#[inline]
pub fn eq_any<L: Letter>(s: &[L], literals: &[&str]) -> bool {
    literals.iter().any(|l| eq(s, l))
}

/// `letter in chars`, for one letter and a string of letters (Python's
/// substring test, which for one letter is membership).
#[inline]
pub fn is_in(letter: u32, chars: &str) -> bool {
    chars.chars().any(|c| c as u32 == letter)
}

/// `s.find(needle)`: the index of its first occurrence.
pub fn find<L: Letter>(s: &[L], needle: &str) -> Option<usize> {
    let mut letters = needle.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if u32::from(c) > L::MAX_CODE {
            return None;
        }
        return s.iter().position(|&x| x.code() == u32::from(c));
    }
    if needle.is_ascii() {
        return position_ascii(s, needle.as_bytes());
    }
    // Where the first letter first is, before the needle is decoded: most
    // words have none (Portuguese's `qü`, `gü`).
    let first = u32::from(needle.chars().next()?);
    let start = s.iter().position(|&x| x.code() == first)?;
    let (letters, n) = letters_of(needle);
    position(&s[start..], &letters[..n]).map(|i| start + i)
}

/// [`position`] of an ASCII needle, on its bytes (no decoding).
fn position_ascii<L: Letter>(s: &[L], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    if needle.len() > s.len() {
        return None;
    }
    (0..=s.len() - needle.len()).find(|&i| {
        s[i].code() == u32::from(first)
            && rest
                .iter()
                .zip(&s[i + 1..])
                .all(|(&b, &c)| c.code() == u32::from(b))
    })
}

/// The index of the first occurrence of `needle` in `s`, tested in full only
/// where its first letter is.
fn position<L: Letter>(s: &[L], needle: &[u32]) -> Option<usize> {
    let Some((&first, _)) = needle.split_first() else {
        return Some(0);
    };
    if needle.len() > s.len() {
        return None;
    }
    (0..=s.len() - needle.len()).find(|&i| {
        s[i].code() == first
            && s[i..i + needle.len()]
                .iter()
                .zip(needle)
                .all(|(c, &n)| c.code() == n)
    })
}

/// `s.rfind(needle)`: the index of its last occurrence.
pub fn rfind<L: Letter>(s: &[L], needle: &str) -> Option<usize> {
    let (letters, n) = letters_of(needle);
    let needle = &letters[..n];
    if needle.len() > s.len() {
        return None;
    }
    (0..=s.len() - needle.len()).rev().find(|&i| {
        s[i..i + needle.len()]
            .iter()
            .zip(needle)
            .all(|(c, &n)| c.code() == n)
    })
}

/// `needle in s`, a substring test.
#[inline]
pub fn contains<L: Letter>(s: &[L], needle: &str) -> bool {
    find(s, needle).is_some()
}

/// `s = s[:-n]` for `n >= 1`: empty when `s` is shorter.
#[inline]
pub fn chop<L>(s: &mut Vec<L>, n: usize) {
    debug_assert!(n >= 1, "s[:-0] is empty in Python, not s");
    s.truncate(s.len().saturating_sub(n));
}

/// `s = s + literal`.
#[inline]
pub fn push<L: Letter>(s: &mut Vec<L>, literal: &str) {
    s.extend(literal.chars().map(|c| L::from_code(u32::from(c))));
}

/// NLTK's `suffix_replace(s, old, new)`: `s[:-len(old)] + new`, whether or
/// not `s` ends with `old`.
#[inline]
pub fn suffix_replace<L: Letter>(s: &mut Vec<L>, old: &str, new: &str) {
    chop(s, len(old));
    push(s, new);
}

/// `s = s.replace(old, new)`: every occurrence, left to right, none
/// overlapping. A word without `old` is left as it is; a replacement no
/// longer than `old` is made in place (Russian's way back to Cyrillic makes
/// 33 of them a word).
pub fn replace<L: Letter>(s: &mut Vec<L>, old: &str, new: &str) {
    let Some(first) = find(s, old) else {
        return;
    };
    let (old_letters, n) = letters_of(old);
    let old = &old_letters[..n];
    let (new_letters, m) = letters_of(new);
    let new = &new_letters[..m];
    let at_old = |s: &[L], i: usize| {
        s.len() - i >= n && s[i..i + n].iter().zip(old).all(|(c, &o)| c.code() == o)
    };
    if m <= n {
        // Written behind the reading position, which it never passes.
        let (mut read, mut write) = (first, first);
        while read < s.len() {
            if at_old(s, read) {
                for (k, &c) in new.iter().enumerate() {
                    s[write + k] = L::from_code(c);
                }
                write += m;
                read += n;
            } else {
                s[write] = s[read];
                write += 1;
                read += 1;
            }
        }
        s.truncate(write);
        return;
    }
    let mut out = Vec::with_capacity(s.len() + m);
    out.extend_from_slice(&s[..first]);
    let mut i = first;
    while i < s.len() {
        if at_old(s, i) {
            out.extend(new.iter().map(|&c| L::from_code(c)));
            i += n;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    *s = out;
}

/// `s = s.replace(old, new)` for one letter by one letter.
#[inline]
pub fn replace_letter(s: &mut [u32], old: char, new: char) {
    for c in s.iter_mut() {
        if *c == old as u32 {
            *c = new as u32;
        }
    }
}

/// The code point of the UTF-8 sequence at `bytes[i]`, and its length (for
/// the compile-time tables below).
const fn decode_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i] as u32;
    if b < 0x80 {
        (b, 1)
    } else if b < 0xE0 {
        ((b & 0x1F) << 6 | (bytes[i + 1] as u32 & 0x3F), 2)
    } else {
        (
            (b & 0x0F) << 12 | (bytes[i + 1] as u32 & 0x3F) << 6 | (bytes[i + 2] as u32 & 0x3F),
            3,
        )
    }
}

/// A set of letters (NLTK's `__vowels` and the like), as a bitmap of the
/// code points below U+0200, where all of them are: `letter in letters` is a
/// read and a bit test.
#[derive(Clone, Copy)]
pub struct Letters([u64; 8]);

impl Letters {
    pub const fn of(letters: &str) -> Letters {
        let bytes = letters.as_bytes();
        let mut bits = [0u64; 8];
        let mut i = 0;
        while i < bytes.len() {
            let (c, n) = decode_at(bytes, i);
            assert!(c < 0x200, "a letter of a set is below U+0200");
            bits[(c / 64) as usize] |= 1 << (c % 64);
            i += n;
        }
        Letters(bits)
    }

    /// `letter in letters`.
    #[inline(always)]
    pub const fn has(&self, letter: u32) -> bool {
        letter < 0x200 && self.0[(letter / 64) as usize] >> (letter % 64) & 1 != 0
    }
}

/// The longest suffix of NLTK's tables (Russian's `i^ushchi^ui^u`).
const SUFFIX_MAX: usize = 16;

/// The letters of a word's end that [`last_four`] packs.
const PACKED_LETTERS: usize = 4;

/// A word's last four letters as one integer, 16 bits a letter, the last
/// letter in the low bits: a letter past U+FFFF, and a letter before the
/// word's start, as 0xFFFF, a noncharacter that no suffix holds. A suffix's
/// last four letters are then tested with one mask and one compare
/// ([`Suffixes`]): the whole test of a suffix of four letters or fewer.
#[inline]
fn last_four<L: Letter>(word: &[L]) -> u64 {
    word[word.len().saturating_sub(PACKED_LETTERS)..]
        .iter()
        .fold(u64::MAX, |t, &c| t << 16 | u64::from(c.code().min(0xFFFF)))
}

/// A suffix of one of NLTK's tables: its text, for the rules that name it,
/// and its code points, decoded at compile time, for the tests.
#[derive(Clone, Copy)]
pub struct Suffix {
    pub text: &'static str,
    letters: [u32; SUFFIX_MAX],
    len: usize,
    /// The last four letters (or fewer) as [`last_four`] packs them, and
    /// the mask of their bits.
    packed: u64,
    mask: u64,
}

/// The code points of a literal of at most [`SUFFIX_MAX`] letters, and how
/// many there are.
const fn letters_of(text: &str) -> ([u32; SUFFIX_MAX], usize) {
    let bytes = text.as_bytes();
    let mut letters = [0u32; SUFFIX_MAX];
    let (mut i, mut len) = (0, 0);
    while i < bytes.len() {
        let (c, n) = decode_at(bytes, i);
        letters[len] = c;
        len += 1;
        i += n;
    }
    (letters, len)
}

impl Suffix {
    pub const fn of(text: &'static str) -> Suffix {
        let (letters, len) = letters_of(text);
        let (mut packed, mut mask) = (0u64, 0u64);
        let mut k = len.saturating_sub(PACKED_LETTERS);
        while k < len {
            assert!(letters[k] < 0xFFFF, "a suffix's letters are below U+FFFF");
            packed = packed << 16 | letters[k] as u64;
            mask = mask << 16 | 0xFFFF;
            k += 1;
        }
        Suffix {
            text,
            letters,
            len,
            packed,
            mask,
        }
    }

    /// `s.endswith(self)`, on the last letter first.
    #[inline(always)]
    pub fn ends<L: Letter>(&self, s: &[L]) -> bool {
        // Letter by letter from the end: most suffixes differ at once, and a
        // slice compare was a call to memcmp each.
        let n = self.len;
        n <= s.len() && (1..=n).all(|k| s[s.len() - k].code() == self.letters[n - k])
    }

    /// The number of letters (Python's `len`).
    #[inline(always)]
    pub const fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code point of letter `i` (Python's `suffix[i]`, `i` below `len`).
    #[inline(always)]
    pub const fn letter(&self, i: usize) -> u32 {
        self.letters[i]
    }
}

/// One of NLTK's suffix tuples, in NLTK's order, with the order of its
/// suffixes by their last letter: the suffixes a word may end with are found
/// by its last letter, not by a scan of the whole tuple (Russian's
/// adjectival endings are 234).
pub struct Suffixes<const N: usize> {
    list: [Suffix; N],
    /// The indexes of `list`, by last letter, in NLTK's order within a letter.
    by_last: [u16; N],
    /// The last letter of each suffix of `by_last`, in its order: a search
    /// of contiguous numbers, not of the suffixes.
    sorted_last: [u32; N],
    /// For an ASCII letter `c`, the suffixes of `by_last` that end with it
    /// are `ascii_start[c]..ascii_start[c + 1]`: no search for the most
    /// frequent last letters.
    ascii_start: [u16; 129],
    /// The packed last four letters of each suffix of `by_last`, and their
    /// mask (see [`Suffix`]), side by side: the candidates of a last letter
    /// are tested in one run through contiguous numbers, and only a suffix
    /// of more than four letters that passes is tested in full.
    packed: [u64; N],
    masks: [u64; N],
    /// The suffixes' last letters: a word that ends with none of them (most
    /// words, at most steps) leaves on one bit test.
    last_letters: Letters,
}

impl<const N: usize> Suffixes<N> {
    pub const fn new(texts: [&'static str; N]) -> Self {
        let mut list = [Suffix::of(""); N];
        let mut by_last = [0u16; N];
        let mut last_letters = [0u64; 8];
        let mut i = 0;
        while i < N {
            list[i] = Suffix::of(texts[i]);
            assert!(list[i].len > 0, "no suffix is empty");
            let c = last(&list[i]);
            assert!(c < 0x200, "every suffix ends with a letter below U+0200");
            last_letters[(c / 64) as usize] |= 1 << (c % 64);
            by_last[i] = i as u16;
            i += 1;
        }
        // An insertion sort by last letter, which keeps NLTK's order within
        // a letter.
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && last(&list[by_last[j - 1] as usize]) > last(&list[by_last[j] as usize]) {
                let t = by_last[j - 1];
                by_last[j - 1] = by_last[j];
                by_last[j] = t;
                j -= 1;
            }
            i += 1;
        }
        let mut sorted_last = [0u32; N];
        let mut i = 0;
        while i < N {
            sorted_last[i] = last(&list[by_last[i] as usize]);
            i += 1;
        }
        let mut ascii_start = [0u16; 129];
        let (mut c, mut k) = (0, 0);
        while c <= 128 {
            while k < N && sorted_last[k] < c {
                k += 1;
            }
            ascii_start[c as usize] = k as u16;
            c += 1;
        }
        let (mut packed, mut masks) = ([0u64; N], [0u64; N]);
        let mut i = 0;
        while i < N {
            packed[i] = list[by_last[i] as usize].packed;
            masks[i] = list[by_last[i] as usize].mask;
            i += 1;
        }
        Suffixes {
            list,
            by_last,
            sorted_last,
            ascii_start,
            packed,
            masks,
            last_letters: Letters(last_letters),
        }
    }

    /// The suffixes whose last letter is `letter`, in NLTK's order, as a
    /// range of `by_last`.
    #[inline]
    fn range_of_last(&self, letter: u32) -> std::ops::Range<usize> {
        if !self.last_letters.has(letter) {
            return 0..0;
        }
        if letter < 128 {
            let c = letter as usize;
            return self.ascii_start[c] as usize..self.ascii_start[c + 1] as usize;
        }
        let start = self.sorted_last.partition_point(|&c| c < letter);
        let end = self.sorted_last.partition_point(|&c| c <= letter);
        start..end
    }

    /// The suffixes that `s` ends with, in NLTK's order. The iterator keeps
    /// the last letters of `s` (as many as a suffix has at most), not `s`, so
    /// that a loop over it may edit `s`.
    #[inline]
    pub fn ending<L: Letter>(&self, s: &[L]) -> impl Iterator<Item = &Suffix> + '_ {
        self.ending_indexed(s).map(|(_, suffix)| suffix)
    }

    /// [`Self::ending`], each suffix with its index in NLTK's list (for a
    /// table of [`member_flags`]).
    #[inline]
    pub fn ending_indexed<L: Letter>(
        &self,
        s: &[L],
    ) -> impl Iterator<Item = (usize, &Suffix)> + '_ {
        let range = self.range_of_last(s.last().map_or(u32::MAX, |c| c.code()));
        let mut tail = [0u32; SUFFIX_MAX];
        let kept = if range.is_empty() {
            0
        } else {
            s.len().min(SUFFIX_MAX)
        };
        for (t, c) in tail[SUFFIX_MAX - kept..]
            .iter_mut()
            .zip(&s[s.len() - kept..])
        {
            *t = c.code();
        }
        let last_four = last_four(s);
        range
            .filter(move |&k| last_four & self.masks[k] == self.packed[k])
            .map(|k| {
                (
                    self.by_last[k] as usize,
                    &self.list[self.by_last[k] as usize],
                )
            })
            .filter(move |(_, x)| x.len <= PACKED_LETTERS || x.ends(&tail[SUFFIX_MAX - kept..]))
    }

    /// The first suffix that `s` ends with: NLTK's
    /// `for suffix in suffixes: if s.endswith(suffix): ...; break`.
    #[inline]
    pub fn first_ending<L: Letter>(&self, s: &[L]) -> Option<&'static str> {
        self.first(s).map(|x| x.text)
    }

    /// [`Self::first_ending`], as the suffix with its length.
    #[inline]
    pub fn first<L: Letter>(&self, s: &[L]) -> Option<&Suffix> {
        let range = self.range_of_last(s.last()?.code());
        // A tail costs more to make than a test or two letter by letter.
        if range.len() <= 2 {
            return self.by_last[range]
                .iter()
                .map(|&i| &self.list[i as usize])
                .find(|x| x.ends(s));
        }
        let last_four = last_four(s);
        range
            .filter(|&k| last_four & self.masks[k] == self.packed[k])
            .map(|k| &self.list[self.by_last[k] as usize])
            .find(|x| x.len <= PACKED_LETTERS || x.ends(s))
    }
}

/// One of NLTK's suffix tuples (of suffixes of two letters or more, at most
/// 128), its suffixes found by the word's last letters: a hash of the last
/// two picks out the few suffixes the word may end with, as bits in NLTK's
/// order, each then tested in full. Most words at most steps end with none,
/// and leave after a read or two; a word that ends with one tests a few
/// others.
pub struct HashedSuffixes<const N: usize> {
    list: [Suffix; N],
    /// By hash of the last two letters, the suffixes that end so (bit `i`
    /// for `list[i]`), and more that share the hash.
    by_last_two: [u128; 1 << BY_LAST_TWO_BITS],
    /// The suffixes' last letters: a word that ends with none of them leaves
    /// on one bit test, before any hash.
    last_letters: Letters,
}

const BY_LAST_TWO_BITS: u32 = 7;

/// The bucket of a word's or suffix's last two letters `b`, `c`, of `1 <<
/// bits`: a multiplicative hash of the two code points.
const fn bucket(b: u32, c: u32, bits: u32) -> usize {
    let key = (b as u64) << 21 | c as u64;
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

impl<const N: usize> HashedSuffixes<N> {
    pub const fn new(texts: [&'static str; N]) -> Self {
        assert!(N <= 128, "a suffix a bit of a u128");
        let mut list = [Suffix::of(""); N];
        let mut by_last_two = [0u128; 1 << BY_LAST_TWO_BITS];
        let mut last_letters = [0u64; 8];
        let mut i = 0;
        while i < N {
            let suffix = Suffix::of(texts[i]);
            let n = suffix.len();
            assert!(
                n >= 2,
                "every suffix of these tuples has two letters or more"
            );
            let (b, c) = (suffix.letter(n - 2), suffix.letter(n - 1));
            assert!(c < 0x200, "every suffix ends with a letter below U+0200");
            last_letters[(c / 64) as usize] |= 1 << (c % 64);
            by_last_two[bucket(b, c, BY_LAST_TWO_BITS)] |= 1 << i;
            list[i] = suffix;
            i += 1;
        }
        HashedSuffixes {
            list,
            by_last_two,
            last_letters: Letters(last_letters),
        }
    }

    /// The suffixes `word` ends with, in NLTK's order, each with its index:
    /// NLTK's `for suffix in suffixes: if word.endswith(suffix):`.
    #[inline]
    pub fn ending<'w, L: Letter>(
        &'static self,
        word: &'w [L],
    ) -> impl Iterator<Item = (usize, &'static Suffix)> + 'w {
        let mut candidates = match *word {
            [.., c] if !self.last_letters.has(c.code()) => 0,
            [.., b, c] => self.by_last_two[bucket(b.code(), c.code(), BY_LAST_TWO_BITS)],
            _ => 0,
        };
        // A candidate's last four letters (all of most) in one compare.
        let last_four = if candidates == 0 { 0 } else { last_four(word) };
        std::iter::from_fn(move || {
            while candidates != 0 {
                let i = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let x = &self.list[i];
                if last_four & x.mask == x.packed && (x.len <= PACKED_LETTERS || x.ends(word)) {
                    return Some((i, x));
                }
            }
            None
        })
    }

    /// The first suffix `word` ends with (NLTK's loop with its `break`).
    #[inline]
    pub fn first<L: Letter>(&'static self, word: &[L]) -> Option<&'static Suffix> {
        self.ending(word).next().map(|(_, suffix)| suffix)
    }
}

/// `[text in members for text in texts]`, at compile time: a membership
/// test by index, where NLTK tests a suffix's text against another list.
pub const fn member_flags<const N: usize>(texts: &[&str; N], members: &[&str]) -> [bool; N] {
    let mut flags = [false; N];
    let mut i = 0;
    while i < N {
        let mut j = 0;
        while j < members.len() {
            if same_text(texts[i], members[j]) {
                flags[i] = true;
            }
            j += 1;
        }
        i += 1;
    }
    flags
}

const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// A suffix's last letter.
const fn last(suffix: &Suffix) -> u32 {
    suffix.letters[suffix.len - 1]
}

/// A chain of NLTK's one-letter replacements (`.replace("\xe4", "a")
/// .replace("\xe1", "a")...`) as one pass: no letter a replacement writes is
/// one a later one reads (checked at compile time), so the chain maps each
/// letter on its own, and a letter none reads is passed on one bit test.
pub struct Translation<const N: usize> {
    from: Letters,
    pairs: [(u32, u32); N],
    /// The smallest letter replaced: a word whose letters cannot reach it
    /// (an ASCII word, for a chain of accented letters) is left at once.
    least: u32,
}

impl<const N: usize> Translation<N> {
    pub const fn new(pairs: [(char, char); N]) -> Self {
        let mut codes = [(0u32, 0u32); N];
        let mut from = [0u64; 8];
        let mut i = 0;
        while i < N {
            let (a, b) = (pairs[i].0 as u32, pairs[i].1 as u32);
            assert!(a < 0x200, "a replaced letter is below U+0200");
            from[(a / 64) as usize] |= 1 << (a % 64);
            codes[i] = (a, b);
            i += 1;
        }
        let mut i = 0;
        while i < N {
            let mut j = 0;
            while j < N {
                assert!(
                    codes[i].1 != codes[j].0,
                    "no replacement reads a letter another writes"
                );
                j += 1;
            }
            i += 1;
        }
        let mut least = u32::MAX;
        let mut i = 0;
        while i < N {
            if codes[i].0 < least {
                least = codes[i].0;
            }
            i += 1;
        }
        Translation {
            from: Letters(from),
            pairs: codes,
            least,
        }
    }

    /// The chain's replacements on `s`, in place.
    #[inline]
    pub fn apply<L: Letter>(&self, s: &mut [L]) {
        if self.least > L::MAX_CODE {
            return;
        }
        for c in s.iter_mut() {
            let code = c.code();
            if self.from.has(code) {
                if let Some(&(_, to)) = self.pairs.iter().find(|&&(from, _)| from == code) {
                    *c = L::from_code(to);
                }
            }
        }
    }
}

/// A literal as code points.
pub fn word(literal: &str) -> Word {
    literal.chars().map(u32::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Word {
        word(x)
    }

    #[test]
    fn indexes_and_slices_are_pythons() {
        let w = s("abcde");
        assert_eq!(at(&w, -1), Ok('e' as u32));
        assert_eq!(at(&w, 0), Ok('a' as u32));
        assert_eq!(at(&w, -6), Err(IndexError));
        assert_eq!(at(&w, 5), Err(IndexError));
        assert_eq!(slice(&w, -4, -2), &s("bc")[..]);
        assert_eq!(slice(&w, -9, -3), &s("ab")[..]);
        assert_eq!(slice(&w, -2, -4), &[] as &[u32]);
        assert_eq!(from(&w, 3), &s("de")[..]);
        assert_eq!(from(&w, 9), &[] as &[u32]);
        assert_eq!(until(&w, -2), &s("abc")[..]);
        assert_eq!(until(&w, -9), &[] as &[u32]);
    }

    #[test]
    fn edits_are_pythons() {
        let mut w = s("ab");
        chop(&mut w, 3);
        assert!(w.is_empty());
        let mut w = s("heden");
        suffix_replace(&mut w, "heden", "heid");
        assert_eq!(w, s("heid"));
        let mut w = s("aaa");
        replace(&mut w, "aa", "b");
        assert_eq!(w, s("ba"));
        let mut w = s("a~o~a~");
        replace(&mut w, "a~", "\u{e3}");
        assert_eq!(w, s("\u{e3}o~\u{e3}"));
        assert!(ends(&s("it\u{e9}s"), "\u{e9}s"));
        assert!(contains(&s("xxivyy"), "iv"));
        assert!(contains(&s("x"), ""));
        assert_eq!(rfind(&s("mentment"), "ment"), Some(4));
        assert_eq!(find(&s("mentment"), "ment"), Some(0));
    }
}
