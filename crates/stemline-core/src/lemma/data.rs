//! The lemma and exception lists of WordNet 3.0 that NLTK's `_morphy`
//! consults, parsed from the package's compact copy (written by
//! `ci/wordnet_data.py` from WordNet's `index.*` and `*.exc` files).
//!
//! The data is text, one item a line:
//!
//! ```text
//! stemline-wordnet 1
//! strings 153226 17    then that many lines: a string, and the parts of speech
//! dog nv               it is a lemma of (index.noun, .verb, .adj, .adv), or "-"
//! geese -              (an exception list's form that is no lemma)
//! ...
//! exceptions n 2054    then that many lines of noun.exc: a form, then its lemmas
//! exceptions v ...     then verb.exc, adj.exc (a), adv.exc (r)
//! ```
//!
//! The strings are every distinct string of WordNet's lists, and they come in
//! the order of a hash table of `2^17` buckets, bucket by bucket (by
//! [`hash_bytes`]); reading the data checks that order as it goes. An entry
//! says of which parts of speech its string is a lemma (a key of NLTK's
//! `_lemma_pos_offset_map[form]`) and which exception lists it heads. The
//! lemmatizer's results are entries, so a caller can keep one finished string
//! per entry.
//!
//! Words are found in an open-addressing table whose places hold each
//! string's first eight bytes: the lemmatizer looks up one to four forms per
//! word in megabytes of data, each lookup a miss of the processor's caches.
//! A byte of each place's hash, in a table of its own a sixteenth the size,
//! tells most forms that are no string of the data (half of a text's) without
//! the place; a string of at most eight bytes (most of them) is found reading
//! its one place, and a longer one then reads its bytes in the data, where
//! the place says they start. A string's id is its place. The table's index
//! is the top bits of the same hash that orders the data, so building it
//! writes the table front to back.

use std::ops::Range;

use hashbrown::HashMap;

use super::Pos;
use crate::cache::{head_of, same_bytes};

/// The first line of the data: its format and version.
pub const FORMAT: &str = "stemline-wordnet 1";

/// The data's four lists, in its order, by NLTK's name of their part of
/// speech (see [`Pos::lists`]).
const LISTS: [&str; 4] = ["n", "v", "a", "r"];

/// A place of the lookup table (16 bytes: four to a cache line), which is
/// all the data says of one distinct string: its index in the table is the
/// string's id. A string longer than eight bytes is compared with the data's
/// text, one read away: no table of entries stands between (that was two
/// dependent misses of the processor's caches for each long word found).
#[derive(Debug, Clone, Copy, bytemuck::Zeroable)]
struct Place {
    /// The first eight bytes, zero-padded (the normalizer's cache's
    /// [`head_of`]): with `len`, the whole string when it is that short.
    head: u64,
    /// Where its bytes start in the data.
    start: u32,
    /// 0 for a free place: no string of the data is empty.
    len: u8,
    /// Its length in code points (as Python's `len`).
    chars: u8,
    /// Bits 0-3: a lemma of list `i` (index.noun, .verb, .adj, .adv); bits
    /// 4-7: the form of a line of exception list `i`.
    flags: u8,
}

/// The byte [`WordNet::tags`] holds for a string of this hash: never 0.
#[inline(always)]
fn tag_of(hash: u64) -> u8 {
    (hash as u8).max(1)
}

/// An entry found: its [`LemmaId`] and what the data says of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    id: u32,
    chars: u8,
    flags: u8,
}

impl Place {
    #[inline]
    fn bytes(self, text: &[u8]) -> &[u8] {
        &text[self.start as usize..self.start as usize + self.len as usize]
    }
}

impl Entry {
    /// Whether it is a lemma of `pos`: NLTK's `form in
    /// self._lemma_pos_offset_map` and `pos in self._lemma_pos_offset_map[form]`.
    #[inline]
    pub(crate) fn is_lemma(self, pos: Pos) -> bool {
        self.flags & (1 << pos.lists()) != 0
    }

    #[inline]
    fn heads_exceptions(self, pos: Pos) -> bool {
        self.flags & (1 << (4 + pos.lists())) != 0
    }

    #[inline]
    pub(crate) fn id(self) -> LemmaId {
        LemmaId(self.id)
    }
}

/// A lemma of the data: a string the lemmatizer may return (its place in
/// the lookup table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LemmaId(pub(super) u32);

impl LemmaId {
    /// An index below [`WordNet::id_limit`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What is wrong with the data (a damaged package: never the user's input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad WordNet data: {}", self.0)
    }
}

impl std::error::Error for ParseError {}

/// WordNet's lemmas by part of speech and its exception lists.
#[derive(Debug)]
pub struct WordNet {
    text: String,
    /// The entries by hash, each at its id: linear probing, at most 5/8 full.
    table: Vec<Place>,
    /// A byte of each place's hash ([`tag_of`]), 0 for a free place: a
    /// sixteenth of the table's size, so that much more of it stays in the
    /// processor's caches. A form that is no string of the data (half the
    /// forms a text's words make) is told so by its tags alone, without
    /// waiting for the table.
    tags: Vec<u8>,
    /// `64 - log2(table.len())`: a hash's first place is its top bits.
    shift: u32,
    /// `(form id, list)` to its lemmas' range in `exception_lemmas`.
    exceptions: HashMap<(u32, u8), Range<u32>>,
    exception_lemmas: Vec<u32>,
    /// The longest entry in bytes: nothing longer needs hashing.
    longest: usize,
}

impl WordNet {
    /// Parses the data (see the module's documentation for its format).
    pub fn parse(data: Vec<u8>) -> Result<WordNet, ParseError> {
        let text = String::from_utf8(data).map_err(|e| {
            ParseError(format!(
                "not UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let mut lines = Lines::new(&text);
        let header = lines.next_line()?;
        if header.1 != FORMAT {
            return Err(ParseError(format!(
                "it starts with {:?}, not {FORMAT:?}: a different version of stemline's data",
                header.1
            )));
        }
        let (count, bits) = lines.strings_header()?;
        // At least one more bit than the data's buckets: the table is the
        // buckets' order spread out, and no more than 5/8 full.
        let table_bits = (count * 8 / 5 + 1)
            .next_power_of_two()
            .trailing_zeros()
            .max(bits + 1);
        let mut wordnet = WordNet {
            text: String::new(),
            table: bytemuck::zeroed_vec(1 << table_bits),
            tags: vec![0; 1 << table_bits],
            shift: 64 - table_bits,
            exceptions: HashMap::new(),
            exception_lemmas: Vec::new(),
            longest: 0,
        };
        let bytes = text.as_bytes();
        let mut last_bucket = 0;
        for _ in 0..count {
            let (start, line) = lines.next_line()?;
            // The parts of speech are the last few bytes: found from the end.
            let space = line.bytes().rposition(|b| b == b' ');
            let space = space.ok_or_else(|| lines.error("a string, then its parts of speech"))?;
            let (word, lists) = (&line[..space], &line[space + 1..]);
            let len = u8::try_from(word.len())
                .ok()
                .filter(|&len| len > 0)
                .ok_or_else(|| lines.error("a string of 1 to 255 bytes"))?;
            let hash = hash_bytes(word.as_bytes());
            let bucket = hash >> (64 - bits);
            if bucket < last_bucket {
                return Err(lines.error("out of hash order: rebuild with ci/wordnet_data.py"));
            }
            last_bucket = bucket;
            wordnet.longest = wordnet.longest.max(word.len());
            let flags = parse_lists(lists).ok_or_else(|| lines.error("parts of speech"))?;
            let free = match wordnet.probe(bytes, word.as_bytes(), hash) {
                Ok(_) => return Err(lines.error(&format!("{word:?} twice"))),
                Err(free) => free,
            };
            wordnet.table[free] = Place {
                head: head_of(word.as_bytes()),
                start: start as u32,
                len,
                // A string of at most 255 bytes has at most 255 code points.
                chars: word.chars().count() as u8,
                flags,
            };
            wordnet.tags[free] = tag_of(hash);
        }
        for (list, pos) in LISTS.iter().enumerate() {
            for _ in 0..lines.section("exceptions", pos)? {
                let (_, line) = lines.next_line()?;
                let mut ids = Vec::new();
                for word in line.split(' ') {
                    let word = word.as_bytes();
                    let place = wordnet
                        .probe(bytes, word, hash_bytes(word))
                        .map_err(|_| lines.error(&format!("{word:?} is not among the strings")))?;
                    ids.push(place as u32);
                }
                let (&form, lemmas) = ids.split_first().ok_or_else(|| lines.error("empty line"))?;
                wordnet.table[form as usize].flags |= 1 << (4 + list);
                let first = wordnet.exception_lemmas.len() as u32;
                wordnet.exception_lemmas.extend_from_slice(lemmas);
                let last = wordnet.exception_lemmas.len() as u32;
                // NLTK: `self._exception_map[pos][terms[0]] = terms[1:]`: a later
                // line of the same form replaces the earlier one (adj.exc lists
                // `offer` twice, and keeps `offer offer`).
                wordnet.exceptions.insert((form, list as u8), first..last);
            }
        }
        if let Some((_, extra)) = lines.next_line().ok().filter(|(_, l)| !l.is_empty()) {
            return Err(ParseError(format!(
                "unexpected line after the lists: {extra:?}"
            )));
        }
        wordnet.text = text;
        Ok(wordnet)
    }

    /// A bound on the ids: every [`LemmaId::index`] is below it (the ids
    /// are places of the table, some of them free).
    pub fn id_limit(&self) -> usize {
        self.table.len()
    }

    /// The text of a lemma.
    pub fn lemma(&self, id: LemmaId) -> &str {
        let place = self.table[id.index()];
        &self.text[place.start as usize..place.start as usize + place.len as usize]
    }

    /// The length of a lemma in code points (as Python's `len`).
    #[inline]
    pub(crate) fn chars(&self, e: Entry) -> usize {
        e.chars as usize
    }

    fn entry(&self, id: u32) -> Entry {
        let place = self.table[id as usize];
        Entry {
            id,
            chars: place.chars,
            flags: place.flags,
        }
    }

    fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.table.len() as u32)
            .filter(|&id| self.table[id as usize].len != 0)
            .map(|id| self.entry(id))
    }

    /// The lemmas of `pos`, each once: the strings `form` for which NLTK's
    /// `pos in self._lemma_pos_offset_map[form]`.
    pub fn lemmas(&self, pos: Pos) -> impl Iterator<Item = &str> {
        self.entries()
            .filter(move |e| e.is_lemma(pos))
            .map(|e| self.lemma(e.id()))
    }

    /// NLTK's `_exception_map[pos]`: each form with its lemmas.
    pub fn exception_map(&self, pos: Pos) -> impl Iterator<Item = (&str, Vec<&str>)> {
        let list = pos.lists() as u8;
        self.exceptions
            .iter()
            .filter(move |((_, l), _)| *l == list)
            .map(|(&(form, _), range)| {
                let lemmas = &self.exception_lemmas[range.start as usize..range.end as usize];
                let text = |id: u32| self.lemma(LemmaId(id));
                (text(form), lemmas.iter().map(|&id| text(id)).collect())
            })
    }

    /// The entry of the string `word`, if the data has it.
    #[cfg(test)]
    pub(crate) fn find(&self, word: &[u8]) -> Option<Entry> {
        self.find_hashed(word, hash_bytes(word))
    }

    /// Asks the processor for the place where the string of this hash would
    /// be found, without waiting for it: the lookups of a word's forms then
    /// wait for memory once, together, rather than one after another.
    #[inline(always)]
    pub(crate) fn prefetch(&self, hash: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let i = (hash >> self.shift) as usize;
            // SAFETY: a prefetch reads nothing the program sees and never
            // faults; the pointers are to the place and its tag anyway.
            unsafe {
                _mm_prefetch::<_MM_HINT_T0>((&self.table[i] as *const Place).cast());
                _mm_prefetch::<_MM_HINT_T0>((&self.tags[i] as *const u8).cast());
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = hash;
    }

    /// [`Self::find`] of a word whose [`hash_bytes`] is known.
    #[inline]
    pub(crate) fn find_hashed(&self, word: &[u8], hash: u64) -> Option<Entry> {
        if word.len() > self.longest {
            return None;
        }
        let id = self.probe(self.text.as_bytes(), word, hash).ok()?;
        let place = self.table[id];
        Some(Entry {
            id: id as u32,
            chars: place.chars,
            flags: place.flags,
        })
    }

    /// The place of `word` (whose hash is `hash`) in the table, or the free
    /// place that ends its probe. `text` is the data's bytes (while
    /// `self.text` is still being parsed).
    #[inline]
    fn probe(&self, text: &[u8], word: &[u8], hash: u64) -> Result<usize, usize> {
        let head = head_of(word);
        let tag = tag_of(hash);
        let mask = self.table.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        // The place is asked for with its tag: a string that is there is
        // read from memory once, not the tag first and then the place.
        self.prefetch(hash);
        loop {
            match self.tags[i] {
                0 => return Err(i),
                t if t == tag => {
                    let place = &self.table[i];
                    // The head holds the first eight bytes: only a longer
                    // string has more to compare.
                    if place.head == head
                        && place.len as usize == word.len()
                        && (word.len() <= 8 || same_bytes(&place.bytes(text)[8..], &word[8..]))
                    {
                        return Ok(i);
                    }
                }
                _ => {}
            }
            i = (i + 1) & mask;
        }
    }

    /// The lemmas of the entry's exception line for `pos` (NLTK's
    /// `exceptions[form]`), if it heads one.
    #[inline]
    pub(crate) fn exceptions(
        &self,
        e: Entry,
        pos: Pos,
    ) -> Option<impl Iterator<Item = Entry> + '_> {
        if !e.heads_exceptions(pos) {
            return None;
        }
        let range = self.exceptions.get(&(e.id, pos.lists() as u8))?;
        let lemmas = &self.exception_lemmas[range.start as usize..range.end as usize];
        Some(lemmas.iter().map(|&id| self.entry(id)))
    }

    #[inline]
    /// The longest entry (lemma or exception form), in bytes.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

/// `"nv"` (the lists a string is a lemma of) as bits; `"-"` for none.
fn parse_lists(lists: &str) -> Option<u8> {
    if lists == "-" {
        return Some(0);
    }
    let mut bits = 0u8;
    let mut next = 0;
    for c in lists.bytes() {
        // In the lists' order, each once.
        let i = LISTS[next..].iter().position(|l| l.as_bytes() == [c])? + next;
        bits |= 1 << i;
        next = i + 1;
    }
    (bits != 0).then_some(bits)
}

/// The hash of a string, which orders the data's strings (ci/wordnet_data.py
/// computes the same, in Python): a folded multiply of its first and last
/// eight bytes (overlapping) and its length, for the strings of at most 16
/// bytes that nearly every WordNet lemma is; longer ones fold in 16 bytes at
/// a time. The data is fixed and only read, so the hash needs no seed.
#[inline(always)]
pub(crate) fn hash_bytes(word: &[u8]) -> u64 {
    const K0: u64 = 0x243f_6a88_85a3_08d3;
    const K1: u64 = 0x1319_8a2e_0370_7344;
    let fold = |a: u64, b: u64| {
        let product = u128::from(a) * u128::from(b);
        (product as u64) ^ (product >> 64) as u64
    };
    let n = word.len();
    let load8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8"));
    let load4 = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().expect("4")));
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(word[0]) | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]) << 16,
            0,
        ),
        4..=7 => (load4(0), load4(n - 4)),
        8..=16 => (load8(0), load8(n - 8)),
        _ => {
            let mut acc = K0 ^ n as u64;
            let mut at = 0;
            while at + 16 < n {
                acc = fold(acc ^ load8(at), load8(at + 8) ^ K1);
                at += 16;
            }
            (acc ^ load8(n - 16), load8(n - 8))
        }
    };
    fold(lo ^ K0, hi ^ K1 ^ n as u64)
}

/// The data's lines with their byte offsets and line numbers, for errors.
struct Lines<'a> {
    text: &'a str,
    at: usize,
    number: usize,
    /// The `\n`s of the text, found in one pass.
    ends: memchr::Memchr<'a>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text,
            at: 0,
            number: 0,
            ends: memchr::memchr_iter(b'\n', text.as_bytes()),
        }
    }

    /// The next line without its `\n`, and where it starts.
    fn next_line(&mut self) -> Result<(usize, &'a str), ParseError> {
        if self.at >= self.text.len() {
            return Err(ParseError(format!(
                "it ends early, after line {}",
                self.number
            )));
        }
        let end = self.ends.next().unwrap_or(self.text.len());
        let start = self.at;
        let line = &self.text[start..end];
        self.at = end + 1;
        self.number += 1;
        Ok((start, line))
    }

    /// Reads `strings {count} {bucket bits}`.
    fn strings_header(&mut self) -> Result<(usize, u32), ParseError> {
        let (_, line) = self.next_line()?;
        let mut parts = line.split(' ');
        let count = (parts.next() == Some("strings"))
            .then(|| parts.next()?.parse::<usize>().ok())
            .flatten();
        let bits = parts.next().and_then(|b| b.parse::<u32>().ok());
        match (count, bits, parts.next()) {
            (Some(count), Some(bits @ 1..=24), None) if count < u32::MAX as usize => {
                Ok((count, bits))
            }
            _ => Err(self.error("expected `strings COUNT BITS`")),
        }
    }

    /// Reads the header `{kind} {pos} {count}` and returns the count.
    fn section(&mut self, kind: &str, pos: &str) -> Result<usize, ParseError> {
        let (_, line) = self.next_line()?;
        let mut parts = line.split(' ');
        if parts.next() != Some(kind) || parts.next() != Some(pos) {
            return Err(self.error(&format!("expected the list `{kind} {pos}`")));
        }
        match (parts.next().map(str::parse::<usize>), parts.next()) {
            (Some(Ok(count)), None) => Ok(count),
            _ => Err(self.error("a list's header ends with its length")),
        }
    }

    fn error(&self, what: &str) -> ParseError {
        ParseError(format!("line {}: {what}", self.number))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Data in the package's format: `lemmas` by list (n, v, a, r) and the
    /// exception lists' lines.
    pub(crate) fn data_text(lemmas: [&[&str]; 4], exceptions: [&[&str]; 4]) -> String {
        let mut strings: HashMap<&str, String> = HashMap::new();
        for (list, words) in LISTS.iter().zip(lemmas) {
            for w in words {
                strings.entry(w).or_default().push_str(list);
            }
        }
        for line in exceptions.iter().flat_map(|lines| lines.iter()) {
            for w in line.split(' ') {
                strings.entry(w).or_default();
            }
        }
        let bits = 4;
        let mut order: Vec<_> = strings.into_iter().collect();
        order.sort_by_key(|(w, _)| (hash_bytes(w.as_bytes()) >> (64 - bits), w.to_string()));
        let mut text = format!("{FORMAT}\nstrings {} {bits}\n", order.len());
        for (w, lists) in order {
            let lists = if lists.is_empty() { "-".into() } else { lists };
            text += &format!("{w} {lists}\n");
        }
        for (pos, lines) in LISTS.iter().zip(exceptions) {
            text += &format!("exceptions {pos} {}\n", lines.len());
            lines.iter().for_each(|l| text += &format!("{l}\n"));
        }
        text
    }

    pub(crate) fn data(
        noun: &[&str],
        adj: &[&str],
        noun_exc: &[&str],
        adj_exc: &[&str],
    ) -> WordNet {
        let text = data_text([noun, &[], adj, &[]], [noun_exc, &[], adj_exc, &[]]);
        WordNet::parse(text.into_bytes()).expect("valid data")
    }

    #[test]
    fn lemmas_by_part_of_speech() {
        let wn = data(&["dog", "fast"], &["fast"], &[], &[]);
        let dog = wn.find(b"dog").unwrap();
        let fast = wn.find(b"fast").unwrap();
        assert!(dog.is_lemma(Pos::Noun) && !dog.is_lemma(Pos::Adj));
        assert!(fast.is_lemma(Pos::Adj) && fast.is_lemma(Pos::AdjSat));
        assert!(!fast.is_lemma(Pos::Verb) && !fast.is_lemma(Pos::Adv));
        assert!(wn.find(b"cat").is_none());
        assert!(wn.find(b"doggy-dog-dog").is_none());
        assert_eq!(wn.entries().count(), 2);
        assert!(wn.entries().all(|e| e.id().index() < wn.id_limit()));
        assert_eq!(wn.lemma(dog.id()), "dog");
    }

    #[test]
    fn many_strings_in_few_buckets() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let wn = data(&words, &[], &[], &[]);
        for w in &words {
            assert_eq!(wn.lemma(wn.find(w.as_bytes()).unwrap().id()), *w);
        }
        assert!(wn.find(b"w500").is_none());
    }

    #[test]
    fn a_later_exception_line_replaces_an_earlier_one() {
        let wn = data(
            &["off", "offer"],
            &[],
            &["offer off", "offer offer", "geese"],
            &[],
        );
        let lemmas = |word: &[u8], pos| {
            let lemmas = wn.exceptions(wn.find(word).unwrap(), pos);
            lemmas.map(|l| l.map(|e| wn.lemma(e.id())).collect::<Vec<_>>())
        };
        assert_eq!(lemmas(b"offer", Pos::Noun), Some(vec!["offer"]));
        assert_eq!(lemmas(b"offer", Pos::Adj), None);
        // A form with no lemmas is still an exception (NLTK: `terms[1:]`, empty).
        assert_eq!(lemmas(b"geese", Pos::Noun), Some(vec![]));
        assert!(!wn.find(b"geese").unwrap().is_lemma(Pos::Noun));
    }

    #[test]
    fn hashes_every_length() {
        let word: Vec<u8> = (0..60).collect();
        let hashes: std::collections::HashSet<u64> =
            (0..60).map(|n| hash_bytes(&word[..n])).collect();
        assert_eq!(hashes.len(), 60);
        // The values ci/wordnet_data.py's `wordnet_hash` computes.
        assert_eq!(hash_bytes(b"dog"), 0x5c7b_a950_e58d_f214);
        assert_eq!(hash_bytes(&word[..40]), 5_048_575_851_486_442_611);
    }

    #[test]
    fn damaged_data_is_an_error_not_a_panic() {
        let good = data_text(
            [&["dog", "cat"], &[], &[], &[]],
            [&["dogs dog"], &[], &[], &[]],
        );
        assert!(WordNet::parse(good.clone().into_bytes()).is_ok());
        let lines: Vec<&str> = good.lines().collect();
        let swapped = [&lines[..2], &[lines[3], lines[2]], &lines[4..]]
            .concat()
            .join("\n");
        let bad = [
            String::new(),
            "stemline-wordnet 2\n".to_string(),
            good.replace("strings 3 4", "strings 4 4"),
            good.replace("strings 3 4", "strings x 4"),
            good.replace("strings 3 4", "strings 3 40"),
            good.replace("dog n", "dog x"),
            good.replace("dog n", "dog nn"),
            good.replace("dog n", "dog"),
            good.replace("dog n", " n"),
            good.replace("cat n", "dog n"),
            good.replace("dogs dog", "dogs doggy"),
            good.replace("exceptions v 0", "exceptions a 0"),
            good.replace("exceptions n 1", "exceptions n 2"),
            good.clone() + "more\n",
            good[..good.len() - 20].to_string(),
        ];
        for text in bad {
            assert!(
                WordNet::parse(text.clone().into_bytes()).is_err(),
                "{text:?}"
            );
        }
        // Out of hash order, unless both land in one bucket.
        let (a, b) = (lines[2], lines[3]);
        let bucket = |l: &str| hash_bytes(l.split(' ').next().unwrap().as_bytes()) >> 60;
        if bucket(a) != bucket(b) {
            assert!(WordNet::parse(swapped.into_bytes()).is_err());
        }
        assert!(WordNet::parse(vec![0xff, 0xfe]).is_err());
    }
}
