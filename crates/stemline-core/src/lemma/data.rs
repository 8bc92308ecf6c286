//! The lemma and exception lists of WordNet 3.0 that NLTK's `_morphy`
//! consults, parsed from the package's compact copy (written by
//! `ci/wordnet_data.py` from WordNet's `index.*` and `*.exc` files).
//!
//! The data is text, one item a line:
//!
//! ```text
//! stemline-wordnet 1
//! lemmas n 117798      then that many lemmas, index.noun's, one a line
//! lemmas v ...         then the verbs', the adjectives' (a), the adverbs' (r)
//! exceptions n 2054    then that many lines of noun.exc: a form, then its lemmas
//! exceptions v ...     then verb.exc, adj.exc (a), adv.exc (r)
//! ```
//!
//! Every distinct string of the data (lemma, exception form or exception
//! lemma) becomes one entry, found by its bytes in a hash table: the entry
//! says of which parts of speech the string is a lemma (a key of NLTK's
//! `_lemma_pos_offset_map[form]`) and which exception lists it heads. The
//! lemmatizer's results are entries, so a caller can keep one finished string
//! per entry.

use std::hash::BuildHasher;
use std::ops::Range;

use foldhash::fast::FixedState;
use hashbrown::{HashMap, HashTable};

use super::Pos;
use crate::codepoints;

/// The first line of the data: its format and version.
pub const FORMAT: &str = "stemline-wordnet 1";

/// The data's four lists, in its order, by NLTK's name of their part of
/// speech (see [`Pos::lists`]).
const LISTS: [&str; 4] = ["n", "v", "a", "r"];

/// One distinct string of the data, as the hash table holds it (inline, so
/// that a lookup reads the table and the string and nothing else).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// Its [`LemmaId`].
    id: u32,
    /// Its bytes in the data.
    start: u32,
    len: u16,
    /// Bit `i`: a lemma of list `i` (index.noun, .verb, .adj, .adv); bit 7:
    /// not ASCII.
    lemma_of: u8,
    /// Bit `i`: the form of a line of exception list `i`.
    excepted: u8,
}

const NOT_ASCII: u8 = 1 << 7;

impl Entry {
    /// Whether it is a lemma of `pos`: NLTK's `form in
    /// self._lemma_pos_offset_map` and `pos in self._lemma_pos_offset_map[form]`.
    #[inline]
    pub(crate) fn is_lemma(self, pos: Pos) -> bool {
        self.lemma_of & (1 << pos.lists()) != 0
    }

    #[inline]
    pub(crate) fn heads_exceptions(self, pos: Pos) -> bool {
        self.excepted & (1 << pos.lists()) != 0
    }

    #[inline]
    pub(crate) fn id(self) -> LemmaId {
        LemmaId(self.id)
    }

    #[inline]
    fn bytes(self, text: &[u8]) -> &[u8] {
        &text[self.start as usize..self.start as usize + self.len as usize]
    }
}

/// A lemma of the data: a string the lemmatizer may return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LemmaId(u32);

impl LemmaId {
    /// A dense index, below [`WordNet::entry_count`].
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
    /// Every entry, by the hash of its bytes.
    table: HashTable<Entry>,
    hasher: FixedState,
    /// Every entry, by id.
    entries: Vec<Entry>,
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
        let mut builder = Builder::default();
        let mut lines = Lines::new(&text);
        let header = lines.next_line()?;
        if header.1 != FORMAT {
            return Err(ParseError(format!(
                "it starts with {:?}, not {FORMAT:?}: a different version of stemline's data",
                header.1
            )));
        }
        for (list, pos) in LISTS.iter().enumerate() {
            let count = lines.section("lemmas", pos)?;
            // At most one entry a line: the table grows once a list.
            builder.reserve(&text, count);
            for _ in 0..count {
                let (start, line) = lines.next_line()?;
                if line.is_empty() {
                    return Err(lines.error("an empty lemma"));
                }
                builder.intern(&text, start, line, &lines)?.lemma_of |= 1 << list;
            }
        }
        for (list, pos) in LISTS.iter().enumerate() {
            for _ in 0..lines.section("exceptions", pos)? {
                let (start, line) = lines.next_line()?;
                let mut words = Words { line, start };
                let (form_start, form) = words.next().ok_or_else(|| lines.error("empty line"))?;
                let form = builder.intern(&text, form_start, form, &lines)?;
                form.excepted |= 1 << list;
                let form = form.id;
                let first = builder.exception_lemmas.len() as u32;
                for (lemma_start, lemma) in words {
                    let lemma = builder.intern(&text, lemma_start, lemma, &lines)?.id;
                    builder.exception_lemmas.push(lemma);
                }
                let last = builder.exception_lemmas.len() as u32;
                // NLTK: `self._exception_map[pos][terms[0]] = terms[1:]`: a later
                // line of the same form replaces the earlier one (adj.exc lists
                // `offer` twice, and keeps `offer offer`).
                builder.exceptions.insert((form, list as u8), first..last);
            }
        }
        if let Some((_, extra)) = lines.next_line().ok().filter(|(_, l)| !l.is_empty()) {
            return Err(ParseError(format!(
                "unexpected line after the lists: {extra:?}"
            )));
        }
        let Builder {
            table,
            hasher,
            count,
            exceptions,
            exception_lemmas,
            longest,
        } = builder;
        let mut entries = vec![None; count];
        for &e in &table {
            entries[e.id as usize] = Some(e);
        }
        Ok(WordNet {
            text,
            table,
            hasher,
            entries: entries.into_iter().flatten().collect(),
            exceptions,
            exception_lemmas,
            longest,
        })
    }

    /// The number of entries: every [`LemmaId::index`] is below it.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The text of a lemma.
    pub fn lemma(&self, id: LemmaId) -> &str {
        let e = self.entries[id.index()];
        &self.text[e.start as usize..e.start as usize + e.len as usize]
    }

    /// The length of a lemma in code points (as Python's `len`).
    #[inline]
    pub(crate) fn chars(&self, e: Entry) -> usize {
        if e.lemma_of & NOT_ASCII == 0 {
            e.len as usize
        } else {
            codepoints::count(e.bytes(self.text.as_bytes()))
        }
    }

    /// The lemmas of `pos`, each once: the strings `form` for which NLTK's
    /// `pos in self._lemma_pos_offset_map[form]`.
    pub fn lemmas(&self, pos: Pos) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(move |e| e.is_lemma(pos))
            .map(|&e| self.lemma(e.id()))
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
    #[inline]
    pub(crate) fn find(&self, word: &[u8]) -> Option<Entry> {
        if word.len() > self.longest {
            return None;
        }
        let text = self.text.as_bytes();
        let hash = hash_bytes(word, &self.hasher);
        self.table
            .find(hash, |e| same_bytes(e.bytes(text), word))
            .copied()
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
        Some(lemmas.iter().map(|&id| self.entries[id as usize]))
    }

    #[inline]
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }
}

/// The hash of a string of the table: one folded multiply of its first and
/// last eight bytes (overlapping, and its length) when it has at most 16, as
/// nearly every WordNet lemma has; foldhash's otherwise. The table is built
/// once from the data and only read after, so its hash needs no seed.
#[inline(always)]
fn hash_bytes(word: &[u8], hasher: &FixedState) -> u64 {
    const K0: u64 = 0x243f_6a88_85a3_08d3;
    const K1: u64 = 0x1319_8a2e_0370_7344;
    let n = word.len();
    let load8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8"));
    let load4 = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().expect("4")));
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => {
            let bytes =
                u64::from(word[0]) | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]) << 16;
            (bytes, 0)
        }
        4..=7 => (load4(0), load4(n - 4)),
        8..=16 => (load8(0), load8(n - 8)),
        _ => return hasher.hash_one(word),
    };
    let product = u128::from(lo ^ K0) * u128::from(hi ^ K1 ^ n as u64);
    (product as u64) ^ (product >> 64) as u64
}

/// `a == b`, for the short strings of the table without a call to `memcmp`:
/// two overlapping loads from each end when they fit in 16 bytes.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
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

#[derive(Default)]
struct Builder {
    table: HashTable<Entry>,
    hasher: FixedState,
    count: usize,
    exceptions: HashMap<(u32, u8), Range<u32>>,
    exception_lemmas: Vec<u32>,
    longest: usize,
}

impl Builder {
    fn reserve(&mut self, text: &str, entries: usize) {
        let hasher = &self.hasher;
        let bytes = text.as_bytes();
        self.table
            .reserve(entries, |e| hash_bytes(e.bytes(bytes), hasher));
    }

    /// The entry of `word`, found at `start` in `text`, added if new.
    fn intern(
        &mut self,
        text: &str,
        start: usize,
        word: &str,
        lines: &Lines<'_>,
    ) -> Result<&mut Entry, ParseError> {
        let len = u16::try_from(word.len()).map_err(|_| lines.error("a word too long"))?;
        let bytes = text.as_bytes();
        let hash = hash_bytes(word.as_bytes(), &self.hasher);
        let hasher = &self.hasher;
        let entry = self.table.entry(
            hash,
            |e| e.bytes(bytes) == word.as_bytes(),
            |e| hash_bytes(e.bytes(bytes), hasher),
        );
        let id = self.count as u32;
        let entry = entry.or_insert_with(|| Entry {
            id,
            start: start as u32,
            len,
            lemma_of: if word.is_ascii() { 0 } else { NOT_ASCII },
            excepted: 0,
        });
        if entry.get().id == id {
            self.count += 1;
            self.longest = self.longest.max(word.len());
        }
        Ok(entry.into_mut())
    }
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

/// The space-separated words of a line, with their byte offsets in the data.
struct Words<'a> {
    line: &'a str,
    start: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let skipped = self.line.len() - self.line.trim_start_matches(' ').len();
        self.line = &self.line[skipped..];
        self.start += skipped;
        if self.line.is_empty() {
            return None;
        }
        let len = self.line.find(' ').unwrap_or(self.line.len());
        let word = (self.start, &self.line[..len]);
        self.line = &self.line[len..];
        self.start += len;
        Some(word)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn data(
        noun: &[&str],
        adj: &[&str],
        noun_exc: &[&str],
        adj_exc: &[&str],
    ) -> WordNet {
        let mut text = format!("{FORMAT}\n");
        let lists: [(&str, &[&str]); 4] = [("n", noun), ("v", &[]), ("a", adj), ("r", &[])];
        for (pos, lemmas) in lists {
            text += &format!("lemmas {pos} {}\n", lemmas.len());
            lemmas.iter().for_each(|l| text += &format!("{l}\n"));
        }
        let lists: [(&str, &[&str]); 4] = [("n", noun_exc), ("v", &[]), ("a", adj_exc), ("r", &[])];
        for (pos, lines) in lists {
            text += &format!("exceptions {pos} {}\n", lines.len());
            lines.iter().for_each(|l| text += &format!("{l}\n"));
        }
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
        assert_eq!(wn.entry_count(), 2);
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
    fn damaged_data_is_an_error_not_a_panic() {
        let good = format!(
            "{FORMAT}\nlemmas n 1\ndog\nlemmas v 0\nlemmas a 0\nlemmas r 0\n\
             exceptions n 0\nexceptions v 0\nexceptions a 0\nexceptions r 0\n"
        );
        assert!(WordNet::parse(good.clone().into_bytes()).is_ok());
        let bad = [
            String::new(),
            "stemline-wordnet 2\n".to_string(),
            good.replace("lemmas n 1", "lemmas n 2"),
            good.replace("lemmas n 1", "lemmas n x"),
            good.replace("lemmas v 0", "lemmas a 0"),
            good.replace("dog", ""),
            good.replace("exceptions n 0", "exceptions n 1\n"),
            good.clone() + "more\n",
            good[..good.len() - 20].to_string(),
        ];
        for text in bad {
            assert!(
                WordNet::parse(text.clone().into_bytes()).is_err(),
                "{text:?}"
            );
        }
        assert!(WordNet::parse(vec![0xff, 0xfe]).is_err());
    }
}
