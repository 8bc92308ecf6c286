//! `nltk.stem.snowball.FrenchStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place.
//!
//! NLTK keeps the word, R1, R2 and RV as strings of their own, and step 1
//! edits the word and leaves R1 and R2 (and mostly RV) as they were: its
//! tests `"iv" in r2` look anywhere in the regions of the word as it was
//! marked. Here the regions are lengths ([`region`]), and step 1 reads them
//! on the marked word itself: it leaves the word as marked until all of its
//! tests are done, and then makes its one edit ([`Step1Word`]). After step
//! 1, RV is the word's end again (cut alike with it), or, once `emment` has
//! edited the word and not RV, a copy of RV as it was marked ([`Rv`]); R2 is
//! read only where step 1 has left the word as it was (see where step 1's
//! edit is made).

use super::pystr::{
    at, chop, contains, ends, ends_any, eq, is_in, len, push, rfind, slice, starts, suffix_replace,
    IndexError, Letters, Suffixes, Translation,
};
use super::regions::{chop_region, r1r2_standard_lengths, r1r2_starts_on_bits, region};
use crate::stem::letter::Letter;

const VOWELS: Letters =
    Letters::of("aeiouy\u{e2}\u{e0}\u{eb}\u{e9}\u{ea}\u{e8}\u{ef}\u{ee}\u{f4}\u{fb}\u{f9}");
/// 'I', 'U' and 'Y' are put back into lower case.
const UNMARK: Translation<3> = Translation::new([('I', 'i'), ('U', 'u'), ('Y', 'y')]);
static STEP1_SUFFIXES: Suffixes<43> = Suffixes::new([
    "issements",
    "issement",
    "atrices",
    "atrice",
    "ateurs",
    "ations",
    "logies",
    "usions",
    "utions",
    "ements",
    "amment",
    "emment",
    "ances",
    "iqUes",
    "ismes",
    "ables",
    "istes",
    "ateur",
    "ation",
    "logie",
    "usion",
    "ution",
    "ences",
    "ement",
    "euses",
    "ments",
    "ance",
    "iqUe",
    "isme",
    "able",
    "iste",
    "ence",
    "it\u{e9}s",
    "ives",
    "eaux",
    "euse",
    "ment",
    "eux",
    "it\u{e9}",
    "ive",
    "ifs",
    "aux",
    "if",
]);
static STEP2A_SUFFIXES: Suffixes<35> = Suffixes::new([
    "issaIent",
    "issantes",
    "iraIent",
    "issante",
    "issants",
    "issions",
    "irions",
    "issais",
    "issait",
    "issant",
    "issent",
    "issiez",
    "issons",
    "irais",
    "irait",
    "irent",
    "iriez",
    "irons",
    "iront",
    "isses",
    "issez",
    "\u{ee}mes",
    "\u{ee}tes",
    "irai",
    "iras",
    "irez",
    "isse",
    "ies",
    "ira",
    "\u{ee}t",
    "ie",
    "ir",
    "is",
    "it",
    "i",
]);
static STEP2B_SUFFIXES: Suffixes<38> = Suffixes::new([
    "eraIent",
    "assions",
    "erions",
    "assent",
    "assiez",
    "\u{e8}rent",
    "erais",
    "erait",
    "eriez",
    "erons",
    "eront",
    "aIent",
    "antes",
    "asses",
    "ions",
    "erai",
    "eras",
    "erez",
    "\u{e2}mes",
    "\u{e2}tes",
    "ante",
    "ants",
    "asse",
    "\u{e9}es",
    "era",
    "iez",
    "ais",
    "ait",
    "ant",
    "\u{e9}e",
    "\u{e9}s",
    "er",
    "ez",
    "\u{e2}t",
    "ai",
    "as",
    "\u{e9}",
    "a",
]);
/// Step 2b's suffixes deleted from the word alone.
const STEP2B_DELETE: [&str; 19] = [
    "eraIent",
    "erions",
    "\u{e8}rent",
    "erais",
    "erait",
    "eriez",
    "erons",
    "eront",
    "erai",
    "eras",
    "erez",
    "\u{e9}es",
    "era",
    "iez",
    "\u{e9}e",
    "\u{e9}s",
    "er",
    "ez",
    "\u{e9}",
];
/// Step 2b's suffixes deleted from the word and RV, with an `e` before them.
const STEP2B_DELETE_WITH_E: [&str; 18] = [
    "assions",
    "assent",
    "assiez",
    "aIent",
    "antes",
    "asses",
    "\u{e2}mes",
    "\u{e2}tes",
    "ante",
    "ants",
    "asse",
    "ais",
    "ait",
    "ant",
    "\u{e2}t",
    "ai",
    "as",
    "a",
];
static STEP4_SUFFIXES: Suffixes<7> =
    Suffixes::new(["i\u{e8}re", "I\u{e8}re", "ion", "ier", "Ier", "e", "\u{eb}"]);

/// NLTK's `word` during step 1: the marked word cut short by `cut` letters,
/// with `new` after them once step 1 has made its last edit. The marked word
/// itself stays as it is, so that R1, R2 and RV, the ends of the marked word,
/// are read on it. Every branch of step 1 cuts before it tests and gives the
/// word a new ending last, after its tests.
struct Step1Word<'a, L> {
    marked: &'a [L],
    cut: usize,
    new: &'static str,
}

impl<'a, L: Letter> Step1Word<'a, L> {
    fn new(marked: &'a [L]) -> Self {
        Step1Word {
            marked,
            cut: 0,
            new: "",
        }
    }

    /// NLTK's word, while it is the marked word cut short.
    fn word(&self) -> &'a [L] {
        debug_assert!(self.new.is_empty(), "no test follows a new ending");
        &self.marked[..self.marked.len() - self.cut]
    }

    /// `word = word[:-n]`.
    fn chop(&mut self, n: usize) {
        debug_assert!(self.new.is_empty(), "no cut follows a new ending");
        self.cut = (self.cut + n).min(self.marked.len());
    }

    /// `word = word[:-n] + new` (`suffix_replace`, or `"".join((word[:-n],
    /// new))`): step 1's last edit.
    fn replace(&mut self, n: usize, new: &'static str) {
        self.chop(n);
        self.new = new;
    }

    /// `word[-len(literal):] == literal`, which is `word.endswith(literal)`.
    fn ends(&self, literal: &str) -> bool {
        ends(self.word(), literal)
    }

    fn ends_any(&self, literals: &[&str]) -> bool {
        ends_any(self.word(), literals)
    }
}

/// NLTK's RV: the word's last `len` letters, which RV stays while the two
/// are cut alike; or, after step 1's `emment` (which edits the word and not
/// RV), a copy of RV as the word was marked. That copy is the one allocation
/// of a French word, and only of a word that takes that rule.
enum Rv<L> {
    End(usize),
    Marked(Vec<L>),
}

impl<L: Letter> Rv<L> {
    fn of<'a>(&'a self, word: &'a [L]) -> &'a [L] {
        match self {
            Rv::End(len) => &word[word.len().saturating_sub(*len)..],
            Rv::Marked(rv) => rv,
        }
    }

    /// `rv = rv[:-n]`.
    fn chop(&mut self, n: usize) {
        match self {
            Rv::End(len) => chop_region(len, n),
            Rv::Marked(rv) => chop(rv, n),
        }
    }
}

/// NLTK's `__rv_french`, as RV's length: after the third letter if the word
/// starts with two vowels or with `par`, `col` or `tap`; else after the first
/// vowel that is not the first letter.
fn rv_french<L: Letter>(word: &[L]) -> usize {
    let n = word.len();
    if n < 2 {
        return 0;
    }
    if ["par", "col", "tap"].iter().any(|p| starts(word, p))
        || (VOWELS.has(word[0].code()) && VOWELS.has(word[1].code()))
    {
        // `word[3:]`
        return n - 3.min(n);
    }
    (1..n)
        .find(|&i| VOWELS.has(word[i].code()))
        .map_or(0, |i| n - i - 1)
}

/// NLTK's marking: every 'u' after 'q' is put into upper case; then every
/// 'u' and 'i' between vowels, and every 'y' before or after one, left to
/// right over the letters already marked (the rules for 'u' and 'i' and for
/// 'y' are one pass, as NLTK's: each reads the letter before as the other
/// may have marked it).
///
/// Every letter is written back, 32 below (in upper case) where it is marked:
/// a test of each letter, seldom a 'u', 'i' or 'y' but often enough, was
/// mispredicted.
fn mark<L: Letter>(word: &mut [L]) {
    let mut after_q = false;
    for c in word.iter_mut() {
        let letter = c.code();
        let upper = after_q & (letter == u32::from('u'));
        after_q = letter == u32::from('q');
        *c = L::from_code(letter - 32 * u32::from(upper));
    }
    let n = word.len();
    if n < 3 {
        return;
    }
    // Whether the letter before is a vowel as marked, and this one as it was.
    let mut before = VOWELS.has(word[0].code());
    let mut here = VOWELS.has(word[1].code());
    for i in 1..n - 1 {
        let letter = word[i].code();
        let after = VOWELS.has(word[i + 1].code());
        let u_or_i = (letter == u32::from('u')) | (letter == u32::from('i'));
        let upper = (u_or_i & before & after) | ((letter == u32::from('y')) & (before | after));
        word[i] = L::from_code(letter - 32 * u32::from(upper));
        // A marked letter is no vowel to the next ('u', 'i' and 'y' are).
        before = here & !upper;
        here = after;
    }
}

/// R1 and R2 ([`r1r2_standard_lengths`]) and RV ([`rv_french`]) of a marked
/// word of at most 64 letters, as their lengths, from the bits of its
/// vowels: the first non-vowel after a vowel is the lowest bit of
/// `vowels << 1 & !vowels`, with no loop whose end was mispredicted.
fn regions_on_bits<L: Letter>(word: &[L]) -> (usize, usize, usize) {
    let n = word.len();
    debug_assert!(n <= 64);
    let vowels = word.iter().enumerate().fold(0u64, |bits, (i, c)| {
        bits | u64::from(VOWELS.has(c.code())) << i
    });
    let (r1, r2) = r1r2_starts_on_bits(vowels, n);
    let (r1, r2) = (n - r1, n - r2);
    let length_after = |bits: u64| {
        if bits == 0 {
            0
        } else {
            n - bits.trailing_zeros() as usize - 1
        }
    };
    let rv = if n < 2 {
        0
    } else if ["par", "col", "tap"].iter().any(|p| starts(word, p)) || vowels & 0b11 == 0b11 {
        // `word[3:]`
        n - 3.min(n)
    } else {
        length_after(vowels & !1)
    };
    (r1, r2, rv)
}

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut step1_success = false;
    let mut rv_ending_found = false;
    let mut step2a_success = false;
    let mut step2b_success = false;

    mark(word);
    let (r1, mut r2, rv_marked) = if word.len() <= 64 {
        regions_on_bits(word)
    } else {
        let (r1, r2) = r1r2_standard_lengths(word, &VOWELS);
        (r1, r2, rv_french(word))
    };
    let mut rv = Rv::End(rv_marked);

    // STEP 1: Standard suffix removal
    let marked: &[L] = word;
    let mut w = Step1Word::new(marked);
    // `needle in r1` (and R2, RV) on the regions of the marked word.
    let in_r1 = |needle: &str| contains(region(marked, r1), needle);
    let in_r2 = |needle: &str| contains(region(marked, r2), needle);
    let in_rv = |needle: &str| contains(region(marked, rv_marked), needle);
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(marked) {
        let n = len(suffix);
        // `suffix in r1` (R2, RV): each is an end of the marked word, which
        // ends with the suffix, so it holds the suffix if and only if it is
        // as long.
        let (suffix_in_r1, suffix_in_r2, suffix_in_rv) = (r1 >= n, r2 >= n, rv_marked >= n);
        if suffix == "eaux" {
            w.chop(1);
            step1_success = true;
        } else if matches!(suffix, "euse" | "euses") {
            if suffix_in_r2 {
                w.chop(n);
                step1_success = true;
            } else if suffix_in_r1 {
                w.replace(n, "eux");
                step1_success = true;
            }
        } else if matches!(suffix, "ement" | "ements") && suffix_in_rv {
            w.chop(n);
            step1_success = true;
            if w.ends("iv") && in_r2("iv") {
                w.chop(2);
                if w.ends("at") && in_r2("at") {
                    w.chop(2);
                }
            } else if w.ends("eus") {
                if in_r2("eus") {
                    w.chop(3);
                } else if in_r1("eus") {
                    w.replace(1, "x");
                }
            } else if w.ends_any(&["abl", "iqU"]) {
                if in_r2("abl") || in_r2("iqU") {
                    w.chop(3);
                }
            } else if w.ends_any(&["i\u{e8}r", "I\u{e8}r"])
                && (in_rv("i\u{e8}r") || in_rv("I\u{e8}r"))
            {
                w.replace(3, "i");
            }
        } else if suffix == "amment" && suffix_in_rv {
            w.replace(6, "ant");
            // `rv = suffix_replace(rv, "amment", "ant")`: RV ends as the word.
            rv = Rv::End(rv_marked - 6 + 3);
            rv_ending_found = true;
        } else if suffix == "emment" && suffix_in_rv {
            // RV is left as it was.
            rv = Rv::Marked(region(marked, rv_marked).to_vec());
            w.replace(6, "ent");
            rv_ending_found = true;
        } else if matches!(suffix, "ment" | "ments")
            && suffix_in_rv
            && !starts(region(marked, rv_marked), suffix)
            && VOWELS.has(vowel_before_last(region(marked, rv_marked), suffix)?)
        {
            w.chop(n);
            rv.chop(n);
            rv_ending_found = true;
        } else if suffix == "aux" && suffix_in_r1 {
            w.replace(2, "l");
            step1_success = true;
        } else if matches!(suffix, "issement" | "issements")
            && suffix_in_r1
            && !VOWELS.has(at(marked, -(n as isize) - 1)?)
        {
            w.chop(n);
            step1_success = true;
        } else if matches!(
            suffix,
            "ance"
                | "iqUe"
                | "isme"
                | "able"
                | "iste"
                | "eux"
                | "ances"
                | "iqUes"
                | "ismes"
                | "ables"
                | "istes"
        ) && suffix_in_r2
        {
            w.chop(n);
            step1_success = true;
        } else if matches!(
            suffix,
            "atrice" | "ateur" | "ation" | "atrices" | "ateurs" | "ations"
        ) && suffix_in_r2
        {
            w.chop(n);
            step1_success = true;
            if w.ends("ic") {
                if in_r2("ic") {
                    w.chop(2);
                } else {
                    w.replace(2, "iqU");
                }
            }
        } else if matches!(suffix, "logie" | "logies") && suffix_in_r2 {
            w.replace(n, "log");
            step1_success = true;
        } else if matches!(suffix, "usion" | "ution" | "usions" | "utions") && suffix_in_r2 {
            w.replace(n, "u");
            step1_success = true;
        } else if matches!(suffix, "ence" | "ences") && suffix_in_r2 {
            w.replace(n, "ent");
            step1_success = true;
        } else if matches!(suffix, "it\u{e9}" | "it\u{e9}s") && suffix_in_r2 {
            w.chop(n);
            step1_success = true;
            if w.ends("abil") {
                if in_r2("abil") {
                    w.chop(4);
                } else {
                    w.replace(2, "l");
                }
            } else if w.ends("ic") {
                if in_r2("ic") {
                    w.chop(2);
                } else {
                    w.replace(2, "iqU");
                }
            } else if w.ends("iv") && in_r2("iv") {
                w.chop(2);
            }
        } else if matches!(suffix, "if" | "ive" | "ifs" | "ives") && suffix_in_r2 {
            w.chop(n);
            step1_success = true;
            if w.ends("at") && in_r2("at") {
                w.chop(2);
                if w.ends("ic") {
                    if in_r2("ic") {
                        w.chop(2);
                    } else {
                        w.replace(2, "iqU");
                    }
                }
            }
        }
    }
    // Step 1's one edit, now that its tests have read the marked word.
    let (cut, new) = (w.cut, w.new);
    let step1_edited = cut > 0 || !new.is_empty();
    chop_region(&mut r2, cut);
    word.truncate(word.len() - cut);
    push(word, new);
    // NLTK leaves R2 as it was; here it is cut alike, which only keeps it
    // within the word: what follows reads R2 (by `"ions" in r2` in step 2b
    // and `"ion" in r2` in step 4) only when step 1 has left the word as it
    // was. After `amment` RV ends with `ant`, which step 2b takes whenever
    // step 2a has not; after `emment` the word ends with `ent` and RV with
    // `emment`, which neither step 2b nor step 4 takes; after `ment` and
    // `ments` the word and RV end with a vowel (NLTK tests the letter before
    // the suffix), which neither `ions` nor an `ion` with or without an `s`
    // after it ends with.

    // STEP 2a: Verb suffixes beginning 'i'
    if !step1_success || rv_ending_found {
        if let Some(suffix) = STEP2A_SUFFIXES.first_ending(word) {
            // `rv[rv.rindex(suffix) - 1]`: index -1, the last letter, when
            // RV starts with the suffix.
            let letters = rv.of(word);
            if contains(letters, suffix)
                && letters.len() > len(suffix)
                && !VOWELS.has(vowel_before_last(letters, suffix)?)
            {
                chop(word, len(suffix));
                step2a_success = true;
            }
        }

        // STEP 2b: Other verb suffixes
        if !step2a_success {
            if let Some(suffix) = STEP2B_SUFFIXES.first_ending(rv.of(word)) {
                let n = len(suffix);
                if suffix == "ions" && contains(r2_after_step1(word, r2, step1_edited), "ions") {
                    chop(word, 4);
                    step2b_success = true;
                } else if STEP2B_DELETE.contains(&suffix) {
                    chop(word, n);
                    step2b_success = true;
                } else if STEP2B_DELETE_WITH_E.contains(&suffix) {
                    chop(word, n);
                    rv.chop(n);
                    step2b_success = true;
                    if ends(rv.of(word), "e") {
                        chop(word, 1);
                    }
                }
            }
        }
    }

    if step1_success || step2a_success || step2b_success {
        // STEP 3
        let last = at(word, -1)?;
        if last == u32::from('Y') || last == 0xE7 {
            chop(word, 1);
            push(word, if last == u32::from('Y') { "i" } else { "c" });
        }
    } else {
        // STEP 4: Residual suffixes
        // NLTK's word is `word[..end]` once the `s` rule has cut it: RV and
        // R2 stay ends of the word before (RV is not cut with it), and the
        // word is cut after the tests.
        let mut end = word.len();
        if end >= 2
            && word[end - 1] == L::from_ascii(b's')
            && !is_in(word[end - 2].code(), "aiou\u{e8}s")
        {
            end -= 1;
        }
        let (stem, rv) = (&word[..end], rv.of(word));
        let mut edit = None;
        // A suffix of the word that is not in RV lets the next be tried.
        for suffix in STEP4_SUFFIXES.ending(stem) {
            if !(contains(rv, suffix.text)) {
                continue;
            }
            let suffix = suffix.text;
            if suffix == "ion"
                && contains(r2_after_step1(word, r2, step1_edited), suffix)
                && is_in(at(rv, -4)?, "st")
            {
                edit = Some((suffix, ""));
            } else if matches!(suffix, "ier" | "i\u{e8}re" | "Ier" | "I\u{e8}re") {
                edit = Some((suffix, "i"));
            } else if suffix == "e" {
                edit = Some((suffix, ""));
            } else if suffix == "\u{eb}" && eq(slice(stem, -3, -1), "gu") {
                edit = Some((suffix, ""));
            }
            break;
        }
        word.truncate(end);
        if let Some((suffix, new)) = edit {
            suffix_replace(word, suffix, new);
        }
    }

    // STEP 5: Undouble
    // (Each of these ends with a doubled letter, which few words end with:
    // the others are left on one test.)
    let n = word.len();
    if n >= 3 && word[n - 1] == word[n - 2] && ends_any(word, &["enn", "onn", "ett", "ell", "eill"])
    {
        chop(word, 1);
    }

    // STEP 6: Un-accent: the last vowel, if it is not the last letter (nor
    // the first), loses its acute or grave accent.
    let n = word.len();
    if let Some(i) = (1..n).find(|&i| VOWELS.has(word[n - i].code())) {
        if i != 1 && matches!(word[n - i].code(), 0xE9 | 0xE8) {
            word[n - i] = L::from_ascii(b'e');
        }
    }

    UNMARK.apply(word);
    Ok(())
}

/// R2 after step 1, which reads it only where it has left the word as it
/// was (see there): R2 is then the word's end.
fn r2_after_step1<L>(word: &[L], r2: usize, step1_edited: bool) -> &[L] {
    debug_assert!(!step1_edited, "R2 is read after step 1 has edited the word");
    region(word, r2)
}

/// `rv[rv.rindex(suffix) - 1]` for a suffix that is in RV.
fn vowel_before_last<L: Letter>(rv: &[L], suffix: &str) -> Result<u32, IndexError> {
    let i = rfind(rv, suffix).map_or(0, |i| i as isize);
    at(rv, i - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::xorshift;

    fn stem_text(word: &str) -> Result<String, IndexError> {
        let mut letters: Vec<u32> = word.chars().map(u32::from).collect();
        stem(&mut letters)?;
        Ok(letters.into_iter().filter_map(char::from_u32).collect())
    }

    /// NLTK 3.10.4's `FrenchStemmer().stem` of words where a region parts
    /// from the word: `emment` leaves RV as marked, and step 2a then finds
    /// `issent` at RV's start, not at the word's end (so `rv[-1]`, a
    /// consonant, is the letter before it); step 4 reads `rv[-4]` on the RV
    /// that still has the `s` it cut from the word; step 1's `eus`, `iv`,
    /// `ic` and `abil` tests look anywhere in R1 and R2 as marked.
    #[test]
    fn nltks_stems_where_regions_part_from_the_word() {
        for (word, nltk) in [
            ("baissentoissemment", "baissento"),
            ("tissentemment", "tissentent"),
            ("prudemment", "prudent"),
            ("fr\u{e9}quemment", "fr\u{e9}quent"),
            ("suffisamment", "suffis"),
            ("questions", "question"),
            ("passions", "passion"),
            ("attention", "attent"),
            ("dimension", "dimens"),
            ("ions", "ion"),
            ("\u{ef}ons", "\u{ef}on"),
            ("heureusement", "heureux"),
            ("joyeusement", "joyeux"),
            ("chanteuses", "chanteux"),
            ("abusivement", "abus"),
            ("activement", "activ"),
            ("cruellement", "cruel"),
            ("issements", "issement"),
            ("abaissement", "abaissement"),
            ("tapissement", "tap"),
            ("ionsment", "ionsment"),
            ("vraiment", "vrai"),
            ("pays", "pay"),
            ("paysannes", "paysann"),
            ("essayiez", "essai"),
            ("qui\u{e9}tude", "qui\u{e9}tud"),
            ("emment", "emment"),
            ("ement", "ement"),
            ("qu", "qu"),
            ("y", "y"),
            ("", ""),
        ] {
            assert_eq!(stem_text(word), Ok(nltk.to_string()), "{word}");
        }
    }

    /// Words of French suffixes' pieces, vowels, `q`, the letters NLTK marks
    /// (`u`, `i`, `y`) and their capitals, which a word may hold already,
    /// accented and non-Latin letters: `count` words of fewer than
    /// `max_pieces` pieces each (many of them short, where the regions are at
    /// their edges).
    fn generated_words(seed: u64, count: usize, max_pieces: usize) -> Vec<String> {
        let pieces = [
            "emment",
            "amment",
            "ement",
            "ments",
            "ment",
            "issement",
            "ions",
            "ion",
            "issent",
            "irent",
            "aIent",
            "euse",
            "eus",
            "iv",
            "at",
            "ic",
            "abil",
            "abl",
            "iqU",
            "it\u{e9}",
            "ation",
            "logie",
            "usion",
            "ence",
            "aux",
            "eaux",
            "i\u{e8}re",
            "ier",
            "gu\u{eb}",
            "enn",
            "ell",
            "eill",
            "par",
            "col",
            "tap",
            "qu",
            "a",
            "e",
            "i",
            "o",
            "u",
            "y",
            "U",
            "I",
            "Y",
            "s",
            "t",
            "n",
            "r",
            "l",
            "\u{e9}",
            "\u{e8}",
            "\u{e7}",
            "\u{e2}",
            "\u{ee}",
            "\u{44f}",
            "\u{df}",
        ];
        let mut next = xorshift(seed);
        (0..count)
            .map(|_| {
                (0..next() % max_pieces)
                    .map(|_| pieces[next() % pieces.len()])
                    .collect()
            })
            .collect()
    }

    /// An ASCII word stems alike in bytes and in code points, and no word
    /// panics.
    #[test]
    fn generated_words_stem_alike_in_bytes_and_code_points() {
        for word in generated_words(0xF4E7C, 60_000, 6) {
            let by_codes = stem_text(&word);
            if word.is_ascii() {
                let mut bytes = word.clone().into_bytes();
                let by_bytes = stem(&mut bytes).map(|()| String::from_utf8_lossy(&bytes).into());
                assert_eq!(by_bytes, by_codes, "{word}");
            }
        }
    }

    /// NLTK's marking loops as NLTK writes them.
    fn mark_as_nltk(chars: &mut [u32]) {
        let (q, u, i, y) = (0x71, 0x75, 0x69, 0x79);
        for k in 1..chars.len() {
            if chars[k - 1] == q && chars[k] == u {
                chars[k] = u32::from('U');
            }
        }
        for k in 1..chars.len().saturating_sub(1) {
            if VOWELS.has(chars[k - 1]) && VOWELS.has(chars[k + 1]) {
                if chars[k] == u {
                    chars[k] = u32::from('U');
                } else if chars[k] == i {
                    chars[k] = u32::from('I');
                }
            }
            if VOWELS.has(chars[k - 1]) || VOWELS.has(chars[k + 1]) {
                if chars[k] == y {
                    chars[k] = u32::from('Y');
                }
            }
        }
    }

    /// The branch-free marking is NLTK's loops, and the regions on bits of a
    /// word of up to 64 letters are those of the scans, which longer words
    /// take (words of up to about 90 letters, 63 to 65 among them).
    #[test]
    fn marking_and_regions_on_bits_are_nltks_loops() {
        for word in generated_words(0x5EED5, 40_000, 24) {
            let letters: Vec<u32> = word.chars().map(u32::from).collect();
            let (mut marked, mut nltk) = (letters.clone(), letters);
            mark(&mut marked);
            mark_as_nltk(&mut nltk);
            assert_eq!(marked, nltk, "{word}");
            if marked.len() <= 64 {
                let (r1, r2) = r1r2_standard_lengths(&marked, &VOWELS);
                let scans = (r1, r2, rv_french(&marked));
                assert_eq!(regions_on_bits(&marked), scans, "{word}");
            }
        }
    }
}
