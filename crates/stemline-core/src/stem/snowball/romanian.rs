//! `nltk.stem.snowball.RomanianStemmer.stem`, after its `word.lower()` and
//! stop word test.
//!
//! NLTK writes `ţ` and `ş` with a cedilla (U+0163, U+015F); the same letters
//! with a comma below (U+021B, U+0219) match none of its suffixes.
//!
//! NLTK keeps R1, R2 and RV as strings of their own, and reads R1 and R2 as
//! they were after it edited the word without them. `stem_strings` does
//! the same; `stem_indexed`, the path of every word of up to
//! `INDEXED_MAX` letters, keeps each region as a place (the word's end, or
//! the marked word's letters as they were), which it is tested against.

use super::pystr::{
    at, chop, contains, eq, find, is_in, len, member_flags, push, slice, starts, suffix_replace,
    HashedSuffixes, IndexError, Letters, Stemmed, Suffix, Suffixes, Translation,
};
use super::regions::{
    r1r2_standard, rv_standard, standard_starts_on_bits, upper_between_vowels, LetterKinds,
    CAPITAL, MARKABLE, VOWEL,
};
use crate::stem::letter::Letter;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiou\u{103}\u{e2}\u{ee}");
/// 'I' and 'U' back in lower case.
const UNMARK: Translation<2> = Translation::new([('I', 'i'), ('U', 'u')]);
const STEP0: [&str; 16] = [
    "iilor",
    "ului",
    "elor",
    "iile",
    "ilor",
    "atei",
    "a\u{163}ie",
    "a\u{163}ia",
    "aua",
    "ele",
    "iua",
    "iei",
    "ile",
    "ul",
    "ea",
    "ii",
];
static STEP0_SUFFIXES: Suffixes<16> = Suffixes::new(STEP0);
static STEP0_HASHED: HashedSuffixes<16> = HashedSuffixes::new(STEP0);
const STEP1: [&str; 46] = [
    "abilitate",
    "abilitati",
    "abilit\u{103}\u{163}i",
    "ibilitate",
    "abilit\u{103}i",
    "ivitate",
    "ivitati",
    "ivit\u{103}\u{163}i",
    "icitate",
    "icitati",
    "icit\u{103}\u{163}i",
    "icatori",
    "ivit\u{103}i",
    "icit\u{103}i",
    "icator",
    "a\u{163}iune",
    "atoare",
    "\u{103}toare",
    "i\u{163}iune",
    "itoare",
    "iciva",
    "icive",
    "icivi",
    "iciv\u{103}",
    "icala",
    "icale",
    "icali",
    "ical\u{103}",
    "ativa",
    "ative",
    "ativi",
    "ativ\u{103}",
    "atori",
    "\u{103}tori",
    "itiva",
    "itive",
    "itivi",
    "itiv\u{103}",
    "itori",
    "iciv",
    "ical",
    "ativ",
    "ator",
    "\u{103}tor",
    "itiv",
    "itor",
];
static STEP1_SUFFIXES: Suffixes<46> = Suffixes::new(STEP1);
static STEP1_HASHED: HashedSuffixes<46> = HashedSuffixes::new(STEP1);
const STEP2: [&str; 62] = [
    "abila",
    "abile",
    "abili",
    "abil\u{103}",
    "ibila",
    "ibile",
    "ibili",
    "ibil\u{103}",
    "atori",
    "itate",
    "itati",
    "it\u{103}\u{163}i",
    "abil",
    "ibil",
    "oasa",
    "oas\u{103}",
    "oase",
    "anta",
    "ante",
    "anti",
    "ant\u{103}",
    "ator",
    "it\u{103}i",
    "iune",
    "iuni",
    "isme",
    "ista",
    "iste",
    "isti",
    "ist\u{103}",
    "i\u{15f}ti",
    "ata",
    "at\u{103}",
    "ati",
    "ate",
    "uta",
    "ut\u{103}",
    "uti",
    "ute",
    "ita",
    "it\u{103}",
    "iti",
    "ite",
    "ica",
    "ice",
    "ici",
    "ic\u{103}",
    "osi",
    "o\u{15f}i",
    "ant",
    "iva",
    "ive",
    "ivi",
    "iv\u{103}",
    "ism",
    "ist",
    "at",
    "ut",
    "it",
    "ic",
    "os",
    "iv",
];
static STEP2_SUFFIXES: Suffixes<62> = Suffixes::new(STEP2);
static STEP2_HASHED: HashedSuffixes<62> = HashedSuffixes::new(STEP2);
const STEP3: [&str; 94] = [
    "seser\u{103}\u{163}i",
    "aser\u{103}\u{163}i",
    "iser\u{103}\u{163}i",
    "\u{e2}ser\u{103}\u{163}i",
    "user\u{103}\u{163}i",
    "seser\u{103}m",
    "aser\u{103}m",
    "iser\u{103}m",
    "\u{e2}ser\u{103}m",
    "user\u{103}m",
    "ser\u{103}\u{163}i",
    "sese\u{15f}i",
    "seser\u{103}",
    "easc\u{103}",
    "ar\u{103}\u{163}i",
    "ur\u{103}\u{163}i",
    "ir\u{103}\u{163}i",
    "\u{e2}r\u{103}\u{163}i",
    "ase\u{15f}i",
    "aser\u{103}",
    "ise\u{15f}i",
    "iser\u{103}",
    "\u{e2}se\u{15f}i",
    "\u{e2}ser\u{103}",
    "use\u{15f}i",
    "user\u{103}",
    "ser\u{103}m",
    "sesem",
    "indu",
    "\u{e2}ndu",
    "eaz\u{103}",
    "e\u{15f}ti",
    "e\u{15f}te",
    "\u{103}\u{15f}ti",
    "\u{103}\u{15f}te",
    "ea\u{163}i",
    "ia\u{163}i",
    "ar\u{103}m",
    "ur\u{103}m",
    "ir\u{103}m",
    "\u{e2}r\u{103}m",
    "asem",
    "isem",
    "\u{e2}sem",
    "usem",
    "se\u{15f}i",
    "ser\u{103}",
    "sese",
    "are",
    "ere",
    "ire",
    "\u{e2}re",
    "ind",
    "\u{e2}nd",
    "eze",
    "ezi",
    "esc",
    "\u{103}sc",
    "eam",
    "eai",
    "eau",
    "iam",
    "iai",
    "iau",
    "a\u{15f}i",
    "ar\u{103}",
    "u\u{15f}i",
    "ur\u{103}",
    "i\u{15f}i",
    "ir\u{103}",
    "\u{e2}\u{15f}i",
    "\u{e2}r\u{103}",
    "ase",
    "ise",
    "\u{e2}se",
    "use",
    "a\u{163}i",
    "e\u{163}i",
    "i\u{163}i",
    "\u{e2}\u{163}i",
    "sei",
    "ez",
    "am",
    "ai",
    "au",
    "ea",
    "ia",
    "ui",
    "\u{e2}i",
    "\u{103}m",
    "em",
    "im",
    "\u{e2}m",
    "se",
];
static STEP3_SUFFIXES: Suffixes<94> = Suffixes::new(STEP3);
static STEP3_HASHED: HashedSuffixes<94> = HashedSuffixes::new(STEP3);
/// Step 3's suffixes deleted wherever they are in RV (with RV).
const STEP3_DELETE: [&str; 20] = [
    "seser\u{103}\u{163}i",
    "seser\u{103}m",
    "ser\u{103}\u{163}i",
    "sese\u{15f}i",
    "seser\u{103}",
    "ser\u{103}m",
    "sesem",
    "se\u{15f}i",
    "ser\u{103}",
    "sese",
    "a\u{163}i",
    "e\u{163}i",
    "i\u{163}i",
    "\u{e2}\u{163}i",
    "sei",
    "\u{103}m",
    "em",
    "im",
    "\u{e2}m",
    "se",
];

/// One of NLTK's suffix tuples (of suffixes of two letters or more) for
/// Which of step 3's suffixes are deleted with RV, by index.
const STEP3_DELETES: [bool; 94] = member_flags(&STEP3, &STEP3_DELETE);
const STEP4: [&str; 5] = ["ie", "a", "e", "i", "\u{103}"];
static STEP4_SUFFIXES: Suffixes<5> = Suffixes::new(STEP4);
/// The letters before a suffix of step 3 that keep it (NLTK's
/// `"aeio\u0103\xe2\xee"`: the vowels but `u`).
const STEP3_KEEPING: Letters = Letters::of("aeio\u{103}\u{e2}\u{ee}");

/// What step 0 does with a suffix of the word that is in R1: NLTK's chain of
/// `if suffix in ...` (`word`, for `ile`'s `word[-5:-3] != "ab"`, is the word
/// as step 0 finds it).
fn step0_rule<L: Letter>(suffix: &str, word: &[L]) -> Step0 {
    if matches!(suffix, "ul" | "ului") {
        // `word[:-len(suffix)]` is `suffix_replace(word, suffix, "")`.
        Step0::WordAndRv("")
    } else if suffix == "aua"
        || suffix == "atei"
        || (suffix == "ile" && !eq(slice(word, -5, -3), "ab"))
    {
        Step0::Word(2)
    } else if matches!(suffix, "ea" | "ele" | "elor") {
        Step0::WordAndRv("e")
    } else if matches!(suffix, "ii" | "iua" | "iei" | "iile" | "iilor" | "ilor") {
        Step0::WordAndRv("i")
    } else if matches!(suffix, "a\u{163}ie" | "a\u{163}ia") {
        Step0::Word(1)
    } else {
        Step0::Nothing
    }
}

enum Step0 {
    /// `suffix_replace(word, suffix, new)`, and the same in RV if the suffix
    /// is anywhere in it, else RV is emptied.
    WordAndRv(&'static str),
    /// `word = word[:-n]`, RV left as it was.
    Word(usize),
    /// `ile` after `ab`: the word is left as it is.
    Nothing,
}

/// What step 1 makes of each of its suffixes.
fn step1_replacement(suffix: &str) -> Step1 {
    match suffix {
        "abilitate" | "abilitati" | "abilit\u{103}i" | "abilit\u{103}\u{163}i" => {
            Step1::Word("abil")
        }
        "ibilitate" => Step1::Chop5,
        "ivitate" | "ivitati" | "ivit\u{103}i" | "ivit\u{103}\u{163}i" => Step1::Word("iv"),
        "icitate"
        | "icitati"
        | "icit\u{103}i"
        | "icit\u{103}\u{163}i"
        | "icator"
        | "icatori"
        | "iciv"
        | "iciva"
        | "icive"
        | "icivi"
        | "iciv\u{103}"
        | "ical"
        | "icala"
        | "icale"
        | "icali"
        | "ical\u{103}" => Step1::Word("ic"),
        "ativ" | "ativa" | "ative" | "ativi" | "ativ\u{103}" | "a\u{163}iune" | "atoare"
        | "ator" | "atori" | "\u{103}toare" | "\u{103}tor" | "\u{103}tori" => {
            Step1::WordAndR2("at")
        }
        _ => Step1::WordAndR2("it"),
    }
}

enum Step1 {
    /// `suffix_replace(word, suffix, new)`.
    Word(&'static str),
    /// `word = word[:-5]` (`ibilitate` becomes `ibil`).
    Chop5,
    /// The same in the word, and in R2 if the suffix is anywhere in R2.
    WordAndR2(&'static str),
}

/// What step 2 does with a suffix of the word that is in R2.
fn step2_rule(suffix: &str) -> Step2 {
    if matches!(suffix, "iune" | "iuni") {
        Step2::Tion
    } else if matches!(
        suffix,
        "ism" | "isme" | "ist" | "ista" | "iste" | "isti" | "ist\u{103}" | "i\u{15f}ti"
    ) {
        Step2::Ist
    } else {
        Step2::Chop
    }
}

enum Step2 {
    /// `if word[-5] == "ţ": word = word[:-5] + "t"` (an `IndexError` on a
    /// word of four letters).
    Tion,
    /// `suffix_replace(word, suffix, "ist")`.
    Ist,
    /// `word = word[:-len(suffix)]`.
    Chop,
}

/// `rv[rv.index(suffix) - 1]` for a suffix that is in RV.
fn letter_before_first(rv: &[u32], suffix: &str) -> Result<u32, IndexError> {
    let i = find(rv, suffix).map_or(0, |i| i as isize);
    at(rv, i - 1)
}

/// The longest word that [`stem_indexed`] takes (every word of Romanian
/// text; its buffers are on the stack). A longer one takes [`stem_strings`].
const INDEXED_MAX: usize = 32;

/// Stems the word in place, on code points or on the bytes of an ASCII word
/// (every letter the steps write is ASCII, so the stem of an ASCII word is
/// ASCII).
pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    if word.len() <= INDEXED_MAX {
        return stem_indexed(word);
    }
    let stem = stem_strings(word.iter().map(|c| c.code()).collect())?;
    word.clear();
    word.extend(stem.into_iter().map(L::from_code));
    Ok(())
}

/// NLTK's `stem` with R1, R2 and RV as strings of their own, each edited as
/// NLTK edits it: the words longer than [`INDEXED_MAX`], and the reference
/// that [`stem_indexed`] is tested against.
fn stem_strings(mut word: Word) -> Stemmed {
    let mut step1_success = false;
    let mut step2_success = false;

    // Every 'u' and 'i' between vowels is put into upper case, left to right
    // over the letters already marked.
    upper_between_vowels(&mut word, &VOWELS, *b"ui");

    let (r1, mut r2) = r1r2_standard(&word, &VOWELS);
    let mut rv = rv_standard(&word, &VOWELS);

    // STEP 0: Removal of plurals and other simplifications
    if let Some(suffix) = STEP0_SUFFIXES.first_ending(&word) {
        if contains(&r1, suffix) {
            match step0_rule(suffix, &word) {
                Step0::WordAndRv(new) => {
                    suffix_replace(&mut word, suffix, new);
                    if contains(&rv, suffix) {
                        suffix_replace(&mut rv, suffix, new);
                    } else {
                        rv.clear();
                    }
                }
                Step0::Word(n) => chop(&mut word, n),
                Step0::Nothing => {}
            }
        }
    }

    // STEP 1: Reduction of combining again while a suffix of the
    // word is in R1 (the R1 of the word as it was marked). A suffix of the
    // word outside R1 ends the step and undoes its success.
    while let Some(suffix) = STEP1_SUFFIXES.first_ending(&word) {
        if !contains(&r1, suffix) {
            step1_success = false;
            break;
        }
        step1_success = true;
        match step1_replacement(suffix) {
            Step1::Word(new) => suffix_replace(&mut word, suffix, new),
            Step1::Chop5 => chop(&mut word, 5),
            Step1::WordAndR2(new) => {
                suffix_replace(&mut word, suffix, new);
                if contains(&r2, suffix) {
                    suffix_replace(&mut r2, suffix, new);
                }
            }
        }
    }

    // STEP 2: Removal of standard suffixes
    if let Some(suffix) = STEP2_SUFFIXES.first_ending(&word) {
        if contains(&r2, suffix) {
            step2_success = true;
            match step2_rule(suffix) {
                Step2::Tion => {
                    if at(&word, -5)? == 0x163 {
                        chop(&mut word, 5);
                        push(&mut word, "t");
                    }
                }
                Step2::Ist => suffix_replace(&mut word, suffix, "ist"),
                Step2::Chop => chop(&mut word, len(suffix)),
            }
        }
    }

    // STEP 3: Removal of verb suffixes. A suffix of the word that is not in
    // RV lets the next be tried.
    if !step1_success && !step2_success {
        for suffix in STEP3_SUFFIXES.ending(&word) {
            if !(contains(&rv, suffix.text)) {
                continue;
            }
            let suffix = suffix.text;
            if STEP3_DELETE.contains(&suffix) {
                chop(&mut word, len(suffix));
                chop(&mut rv, len(suffix));
            } else if !starts(&rv, suffix)
                && !is_in(letter_before_first(&rv, suffix)?, "aeio\u{103}\u{e2}\u{ee}")
            {
                chop(&mut word, len(suffix));
            }
            break;
        }
    }

    // STEP 4: Removal of final vowel
    if let Some(suffix) = STEP4_SUFFIXES.first_ending(&word) {
        if contains(&rv, suffix) {
            chop(&mut word, len(suffix));
        }
    }

    UNMARK.apply(&mut word);
    Ok(word)
}

/// Where the letters of one of NLTK's region strings are, for
/// [`stem_indexed`].
///
/// NLTK edits a region with the word, or the word alone, or (step 1's R2)
/// the region after the word was edited alone. A region edited with the word
/// stays its last letters ([`Region::WordEnd`]); one left as it was, when
/// the word is edited, keeps its letters: the marked word's as they were
/// before any edit, if the word still had them there ([`Region::Marked`]),
/// else a copy ([`Region::Own`]): R2 after step 1 gives a suffix its new
/// ending in it, where step 0 had edited the word (`vizitatorul`), 1.5% of
/// the vocabulary's words.
#[derive(Clone, Copy, Debug)]
enum Region {
    /// The last `len` letters of the word as it is now.
    WordEnd(usize),
    /// `marked[start..end]` of [`Indexed`].
    Marked(usize, usize),
    /// `own[start..end]` of [`Indexed`].
    Own(usize, usize),
}

/// The word as [`stem_indexed`] edits it, and its regions.
struct Indexed<'w, L> {
    word: &'w mut Vec<L>,
    /// The marked word before any edit (`marked[..marked_len]`).
    marked: &'w [u32; INDEXED_MAX],
    marked_len: usize,
    /// `word[..kept]` is `marked[..kept]`: letters that no edit changed.
    kept: usize,
    /// Letters of regions that are in neither word (none for most words: no
    /// allocation then).
    own: Vec<u32>,
    r1: Region,
    r2: Region,
    rv: Region,
}

impl<L: Letter> Indexed<'_, L> {
    /// The letters of a region kept apart from the word (a word end, whose
    /// letters are the word's, is never asked).
    fn held_letters(&self, region: Region) -> &[u32] {
        match region {
            Region::Marked(start, end) => &self.marked[start..end],
            Region::Own(start, end) => &self.own[start..end],
            Region::WordEnd(_) => &[],
        }
    }

    /// `region.find(suffix)`.
    fn find(&self, region: Region, suffix: &Suffix) -> Option<usize> {
        match region {
            Region::WordEnd(n) => find_suffix(&self.word[self.word.len() - n..], suffix),
            _ => find_suffix(self.held_letters(region), suffix),
        }
    }

    /// `region[i]`, for `i` in the region.
    fn letter(&self, region: Region, i: usize) -> u32 {
        match region {
            Region::WordEnd(n) => self.word[self.word.len() - n + i].code(),
            _ => self.held_letters(region)[i],
        }
    }

    /// The region's length if it is the word's last letters: a word end, or
    /// letters of the marked word that end where the word ends, among those
    /// no edit changed.
    fn word_end(&self, region: Region) -> Option<usize> {
        match region {
            Region::WordEnd(n) => Some(n),
            Region::Marked(start, end) if end == self.word.len() && end <= self.kept => {
                Some(end - start)
            }
            Region::Marked(..) | Region::Own(..) => None,
        }
    }

    /// NLTK's `suffix in region`, for a suffix the word ends with.
    fn has(&self, region: Region, suffix: &Suffix) -> bool {
        match self.word_end(region) {
            // The region is the word's last `n` letters: it ends with the
            // suffix if it is as long, and cannot hold it if it is shorter.
            Some(n) => n >= suffix.len(),
            None => contains(self.held_letters(region), suffix.text),
        }
    }

    /// `word = word[:-cut] + new`, with `r2 = r2[:-cut] + new` and `rv =
    /// rv[:-cut] + new` where `with_r2` and `with_rv` say (NLTK's
    /// `suffix_replace` on both, or `word[:-n]` and `rv[:-n]`); each other
    /// region keeps its letters. No replacement is longer than what it
    /// replaces, so the word never grows.
    fn edit(&mut self, cut: usize, new: &str, with_r2: bool, with_rv: bool) {
        debug_assert!(cut >= 1 && len(new) <= cut);
        self.r2 = if with_r2 {
            self.replaced(self.r2, cut, new)
        } else {
            self.held(self.r2)
        };
        self.rv = if with_rv {
            self.replaced(self.rv, cut, new)
        } else {
            self.held(self.rv)
        };
        // R1 is never edited: it stays the marked word's.
        chop(self.word, cut);
        self.kept = self.kept.min(self.word.len());
        for c in new.chars().map(u32::from) {
            // A letter written where the marked word has the same (each of
            // step 0's replacements is its suffix's first letter) changes
            // nothing there.
            let at = self.word.len();
            if self.kept == at && at < self.marked_len && self.marked[at] == c {
                self.kept += 1;
            }
            self.word.push(L::from_code(c));
        }
        debug_assert!(self.word[..self.kept]
            .iter()
            .map(|c| c.code())
            .eq(self.marked[..self.kept].iter().copied()));
    }

    /// The region after `region = region[:-cut] + new`, when the word is
    /// given the same edit (called before the word's).
    fn replaced(&mut self, region: Region, cut: usize, new: &str) -> Region {
        if let Some(n) = self.word_end(region) {
            // The word's last `n` letters, cut alike, with the same new
            // ending: the new word's last letters.
            return Region::WordEnd(n.saturating_sub(cut) + len(new));
        }
        let text = self.held_letters(region);
        let kept = &text[..text.len().saturating_sub(cut)];
        let mut letters: Vec<u32> = Vec::with_capacity(kept.len() + len(new));
        letters.extend_from_slice(kept);
        push(&mut letters, new);
        self.own_region(&letters)
    }

    /// The region as it is when the word is edited alone: a word end keeps
    /// its letters, which are the marked word's if no edit changed them.
    fn held(&mut self, region: Region) -> Region {
        let Region::WordEnd(n) = region else {
            return region;
        };
        let end = self.word.len();
        if end <= self.kept {
            return Region::Marked(end - n, end);
        }
        let letters: Vec<u32> = self.word[end - n..].iter().map(|c| c.code()).collect();
        self.own_region(&letters)
    }

    /// A region of these letters, in [`Self::own`].
    fn own_region(&mut self, letters: &[u32]) -> Region {
        let start = self.own.len();
        self.own.extend_from_slice(letters);
        Region::Own(start, self.own.len())
    }
}

/// What NLTK's marking (`u` and `i` between vowels put into upper case) tells
/// the rest of [`stem_indexed`].
struct Marks {
    /// Bit `i` set if letter `i` of the marked word is a vowel.
    vowels: u64,
    /// Whether the marked word has an `I` or a `U` (marked, or as it came),
    /// which NLTK's last line puts back in lower case.
    capitals: bool,
}

/// What [`mark`] asks of a letter: a vowel, a letter NLTK marks between
/// vowels, a capital NLTK's last line puts back in lower case.
static LETTER_KINDS: LetterKinds = LetterKinds::new(&VOWELS, *b"ui");

/// NLTK's marking of `word` in place (every 'u' and 'i' between vowels put
/// into upper case, left to right over the letters already marked: a
/// marked letter is no vowel to the next), and a copy of the marked word in
/// `marked`, in one pass.
fn mark<L: Letter>(word: &mut [L], marked: &mut [u32; INDEXED_MAX]) -> Marks {
    let n = word.len();
    let marked = &mut marked[..n];
    let kind = |c: u32| LETTER_KINDS.of(c);
    let (mut vowels, mut capitals) = (0u64, false);
    for i in 0..n {
        let mut c = word[i].code();
        let k = kind(c);
        let mut vowel = k & VOWEL != 0;
        // Most letters are neither 'u', 'i', 'U' nor 'I'.
        if k & (MARKABLE | CAPITAL) != 0 {
            if k & MARKABLE != 0
                && i >= 1
                && i + 1 < n
                && vowels >> (i - 1) & 1 != 0
                && kind(word[i + 1].code()) & VOWEL != 0
            {
                c -= 0x20;
                word[i] = L::from_code(c);
                vowel = false;
            }
            // Either marked here, or `I` or `U` as it came.
            capitals |= !vowel || k & CAPITAL != 0;
        }
        vowels |= u64::from(vowel) << i;
        marked[i] = c;
    }
    Marks { vowels, capitals }
}

/// `text.find(suffix)`, on the suffix's letters.
fn find_suffix<L: Letter>(text: &[L], suffix: &Suffix) -> Option<usize> {
    let n = suffix.len();
    if n > text.len() {
        return None;
    }
    (0..=text.len() - n).find(|&i| (0..n).all(|k| text[i + k].code() == suffix.letter(k)))
}

/// The first of step 4's suffixes (`STEP4`) that `word` ends with: the one of
/// its last letter, or `ie` before `e`.
fn step4_suffix<L: Letter>(word: &[L]) -> Option<&'static Suffix> {
    static SUFFIXES: [Suffix; 5] = [
        Suffix::of(STEP4[0]),
        Suffix::of(STEP4[1]),
        Suffix::of(STEP4[2]),
        Suffix::of(STEP4[3]),
        Suffix::of(STEP4[4]),
    ];
    let [ie, a, e, i, a_breve] = &SUFFIXES;
    let last = |back: usize| word.len().checked_sub(back).map(|k| word[k].code());
    match (last(2), last(1)?) {
        (Some(0x69), 0x65) => Some(ie),
        (_, 0x61) => Some(a),
        (_, 0x65) => Some(e),
        (_, 0x69) => Some(i),
        (_, 0x103) => Some(a_breve),
        _ => None,
    }
}

/// NLTK's `stem` on the word with its regions as indexes ([`Region`]): no
/// region is copied before NLTK edits the word without it, and `suffix in
/// region` is a comparison of lengths where the region is the word's end.
/// Each step reads as NLTK's, as [`stem_strings`] does.
fn stem_indexed<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    debug_assert!(word.len() <= INDEXED_MAX);
    let mut step1_success = false;
    let mut step2_success = false;

    let mut marked = [0u32; INDEXED_MAX];
    let marks = mark(word, &mut marked);
    let n = word.len();
    let (r1, r2, rv) = standard_starts_on_bits(marks.vowels, n);
    let s = &mut Indexed {
        word,
        marked: &marked,
        marked_len: n,
        kept: n,
        own: Vec::new(),
        r1: Region::Marked(r1, n),
        r2: Region::Marked(r2, n),
        rv: Region::Marked(rv, n),
    };

    // STEP 0: Removal of plurals and other simplifications
    if let Some(suffix) = STEP0_HASHED.first(s.word) {
        if s.has(s.r1, suffix) {
            match step0_rule(suffix.text, s.word) {
                Step0::WordAndRv(new) => {
                    let in_rv = s.has(s.rv, suffix);
                    s.edit(suffix.len(), new, false, in_rv);
                    if !in_rv {
                        s.rv = Region::WordEnd(0);
                    }
                }
                Step0::Word(n) => s.edit(n, "", false, false),
                Step0::Nothing => {}
            }
        }
    }

    // STEP 1: Reduction of combining suffixes, as in `stem_strings`.
    while let Some(suffix) = STEP1_HASHED.first(s.word) {
        if !s.has(s.r1, suffix) {
            step1_success = false;
            break;
        }
        step1_success = true;
        match step1_replacement(suffix.text) {
            Step1::Word(new) => s.edit(suffix.len(), new, false, false),
            Step1::Chop5 => s.edit(5, "", false, false),
            Step1::WordAndR2(new) => {
                // NLTK tests R2 after the word's edit, which leaves R2 as
                // it was: the test before it is the same.
                let in_r2 = s.has(s.r2, suffix);
                s.edit(suffix.len(), new, in_r2, false);
            }
        }
    }

    // STEP 2: Removal of standard suffixes
    if let Some(suffix) = STEP2_HASHED.first(s.word) {
        if s.has(s.r2, suffix) {
            step2_success = true;
            match step2_rule(suffix.text) {
                Step2::Tion => {
                    if at(s.word, -5)? == 0x163 {
                        s.edit(5, "t", false, false);
                    }
                }
                Step2::Ist => s.edit(suffix.len(), "ist", false, false),
                Step2::Chop => s.edit(suffix.len(), "", false, false),
            }
        }
    }

    // STEP 3: Removal of verb suffixes: the first suffix of the word that is
    // in RV (one that is not lets the next be tried).
    if !step1_success && !step2_success {
        let found = STEP3_HASHED
            .ending(s.word)
            .find(|&(_, suffix)| s.has(s.rv, suffix));
        if let Some((i, suffix)) = found {
            if STEP3_DELETES[i] {
                s.edit(suffix.len(), "", false, true);
            } else {
                // `not rv.startswith(suffix) and rv[rv.index(suffix) - 1] not
                // in "aeio\u0103\xe2\xee"`: RV starts with the suffix if its
                // first place in RV is the first letter (it has one: the
                // suffix is in RV), else the letter before it is read.
                if let Some(i) = s.find(s.rv, suffix) {
                    if i != 0 && !STEP3_KEEPING.has(s.letter(s.rv, i - 1)) {
                        s.edit(suffix.len(), "", false, false);
                    }
                }
            }
        }
    }

    // STEP 4: Removal of final vowel
    if let Some(suffix) = step4_suffix(s.word) {
        if s.has(s.rv, suffix) {
            chop(s.word, suffix.len());
        }
    }

    // (Edits write no capital.)
    if marks.capitals {
        UNMARK.apply(s.word);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed xorshift sequence.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// The indexed path, on code points and (for an ASCII word) on bytes,
    /// gives what the strings path gives.
    fn assert_same(word: &[u32]) {
        let text: String = word.iter().filter_map(|&c| char::from_u32(c)).collect();
        let expected = stem_strings(word.to_vec());
        let mut indexed = word.to_vec();
        let indexed = stem_indexed(&mut indexed).map(|()| indexed);
        assert_eq!(indexed, expected, "{text:?}");
        if text.is_ascii() {
            let mut bytes = text.clone().into_bytes();
            let bytes = stem_indexed(&mut bytes).map(|()| bytes);
            let expected = expected.map(|stem| stem.iter().map(|&c| c as u8).collect());
            assert_eq!(bytes, expected, "{text:?} in bytes");
        }
    }

    /// Letters at the edges: the vowels, `ţ` and `ş` with a cedilla (NLTK's)
    /// and with a comma below, the capitals `I` and `U` (NLTK's marks, which
    /// a word may also bring), consonants, and letters of other scripts.
    const EDGE_LETTERS: &str =
        "aeiou\u{103}\u{e2}\u{ee}\u{163}\u{15f}\u{21b}\u{219}IUbclmnrstvx\u{439}\u{df}";

    /// The marking and the regions from the bits of the vowels are NLTK's
    /// (`upper_between_vowels`, `r1r2_standard`, `rv_standard`), on every
    /// word of up to eight letters over two vowels, the two letters marked
    /// and a consonant, and on words of the longest length.
    #[test]
    fn marks_and_regions_are_nltks() {
        let letters: Vec<u32> = "aeiut".chars().map(u32::from).collect();
        let mut words: Vec<Vec<u32>> = vec![vec![]];
        let mut last = vec![vec![]];
        for _ in 0..8 {
            last = last
                .iter()
                .flat_map(|w: &Vec<u32>| {
                    letters.iter().map(move |&c| [w.as_slice(), &[c]].concat())
                })
                .collect();
            words.extend(last.iter().cloned());
        }
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        words.extend((0..1000).map(|_| {
            (0..INDEXED_MAX)
                .map(|_| letters[rng.below(letters.len())])
                .collect()
        }));
        for word in words {
            let mut expected = word.clone();
            upper_between_vowels(&mut expected, &VOWELS, *b"ui");
            let (r1, r2) = r1r2_standard(&expected, &VOWELS);
            let rv = rv_standard(&expected, &VOWELS);
            let mut marked_word = word.clone();
            let mut marked = [0u32; INDEXED_MAX];
            let marks = mark(&mut marked_word, &mut marked);
            let n = word.len();
            let starts = standard_starts_on_bits(marks.vowels, n);
            assert_eq!(marked_word, expected);
            assert_eq!(&marked[..n], &expected[..]);
            assert_eq!(
                starts,
                (n - r1.len(), n - r2.len(), n - rv.len()),
                "{word:?}"
            );
            assert_eq!(
                marks.capitals,
                expected.iter().any(|&c| c == 0x49 || c == 0x55)
            );
        }
    }

    /// A word longer than the indexed path takes is stemmed by the strings
    /// path, in place, on code points and on bytes.
    #[test]
    fn long_words_take_the_strings_path() {
        for text in [
            "inconstitu\u{163}ionalit\u{103}\u{163}ilorabilitatelor",
            "nemaipomenitelorprostovanilorabilitatilor",
        ] {
            let word: Word = text.chars().map(u32::from).collect();
            assert!(word.len() > INDEXED_MAX);
            let expected = stem_strings(word.clone());
            let mut stemmed = word.clone();
            assert_eq!(stem(&mut stemmed).map(|()| stemmed), expected);
            if text.is_ascii() {
                let mut bytes = text.as_bytes().to_vec();
                stem(&mut bytes).expect("no IndexError");
                let expected: Vec<u8> = expected
                    .expect("no IndexError")
                    .iter()
                    .map(|&c| c as u8)
                    .collect();
                assert_eq!(bytes, expected);
            }
        }
    }

    /// Every word of up to five letters over the vowels and a few others:
    /// short words, words of vowels alone, the marks between vowels.
    #[test]
    fn indexed_is_strings_on_short_words() {
        let letters: Vec<u32> = "ae\u{103}iu\u{163}tI".chars().map(u32::from).collect();
        let mut words: Vec<Vec<u32>> = vec![vec![]];
        for _ in 0..5 {
            let longer: Vec<Vec<u32>> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, Vec::len))
                .flat_map(|w| {
                    letters.iter().map(move |&c| {
                        let mut w = w.clone();
                        w.push(c);
                        w
                    })
                })
                .collect();
            words.extend(longer);
        }
        for w in &words {
            assert_same(w);
        }
    }

    /// Words made of the tables' suffixes (so that several steps apply, one
    /// after the other) and of single letters, up to the longest word the
    /// indexed path takes.
    #[test]
    fn indexed_is_strings_on_words_of_suffixes() {
        let mut pieces: Vec<Vec<u32>> = STEP0
            .iter()
            .chain(&STEP1)
            .chain(&STEP2)
            .chain(&STEP3)
            .map(|s| s.chars().map(u32::from).collect())
            .collect();
        pieces.extend(EDGE_LETTERS.chars().map(|c| vec![u32::from(c)]));
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..200_000 {
            let mut word = Vec::new();
            for _ in 0..1 + rng.below(5) {
                word.extend(&pieces[rng.below(pieces.len())]);
            }
            word.truncate(INDEXED_MAX);
            assert_same(&word);
        }
    }
}
