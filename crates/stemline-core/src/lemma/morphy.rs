//! `WordNetCorpusReader._morphy(form, pos)` and `WordNetLemmatizer.lemmatize`
//! of NLTK 3.10.4, step by step:
//!
//! ```python
//! if check_exceptions and form in exceptions:
//!     forms = exceptions[form]          # 0. the exception list, and no rules
//! else:
//!     forms = apply_rules([form])       # 1. each substitution the form ends with
//! return filter_forms([form] + forms)   # 2. those that are lemmas of pos, once each
//! ```
//!
//! and `lemmatize` returns `min(lemmas, key=len) if lemmas else word`: the
//! first of the shortest, or the word itself.
//!
//! Strings are compared as NLTK's `str`s are, by their code points; here by
//! their generalized UTF-8 bytes, which is the same: every suffix of the rules
//! is ASCII, and an ASCII byte of UTF-8 is always that ASCII character, so
//! "ends with" and cutting a suffix agree on bytes and on code points. A word
//! holding a lone surrogate keeps it in every form made from it, and no
//! string of the data holds one, so it is its own lemma, as in NLTK.

use super::data::{hash_bytes, Entry, WordNet};
use super::{LemmaId, Pos};
use crate::stem::letter::{Letter, Packed};

/// `(old, new)` suffix pairs.
pub type Substitutions = &'static [(&'static [u8], &'static [u8])];

/// NLTK's `MORPHOLOGICAL_SUBSTITUTIONS[pos]`, in its order.
pub fn substitutions(pos: Pos) -> Substitutions {
    match pos {
        Pos::Noun => &NOUN,
        Pos::Verb => &VERB,
        // NLTK: MORPHOLOGICAL_SUBSTITUTIONS[ADJ_SAT] = MORPHOLOGICAL_SUBSTITUTIONS[ADJ]
        Pos::Adj | Pos::AdjSat => &ADJ,
        Pos::Adv => &[],
    }
}

const NOUN: [(&[u8], &[u8]); 9] = [
    (b"s", b""),
    (b"ses", b"s"),
    (b"ves", b"f"),
    (b"xes", b"x"),
    (b"zes", b"z"),
    (b"ches", b"ch"),
    (b"shes", b"sh"),
    (b"men", b"man"),
    (b"ies", b"y"),
];
const VERB: [(&[u8], &[u8]); 8] = [
    (b"s", b""),
    (b"ies", b"y"),
    (b"es", b"e"),
    (b"es", b""),
    (b"ed", b"e"),
    (b"ed", b""),
    (b"ing", b"e"),
    (b"ing", b""),
];
const ADJ: [(&[u8], &[u8]); 4] = [(b"er", b""), (b"est", b""), (b"er", b"e"), (b"est", b"e")];

/// The most letters any substitution takes off a word (`ing` -> ``): a
/// word longer than every entry by more than this has no candidate in WordNet.
pub const LONGEST_CUT: usize = longest_cut();

const fn longest_cut() -> usize {
    let mut most = 0;
    let lists: [&[(&[u8], &[u8])]; 3] = [&NOUN, &VERB, &ADJ];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let (old, new) = lists[l][i];
            if old.len() > new.len() && old.len() - new.len() > most {
                most = old.len() - new.len();
            }
            i += 1;
        }
        l += 1;
    }
    most
}

/// The substitutions with each `old` packed for a one-compare "ends with".
const fn packed<const N: usize>(
    rules: [(&'static [u8], &'static [u8]); N],
) -> [(Packed, &'static [u8]); N] {
    let nothing: &[u8] = b"";
    let mut out = [(Packed::of(b""), nothing); N];
    let mut i = 0;
    while i < N {
        out[i] = (Packed::of(rules[i].0), rules[i].1);
        i += 1;
    }
    out
}

const NOUN_PACKED: [(Packed, &[u8]); 9] = packed(NOUN);
const VERB_PACKED: [(Packed, &[u8]); 8] = packed(VERB);
const ADJ_PACKED: [(Packed, &[u8]); 4] = packed(ADJ);

/// The last letters of the substitutions' `old`s: a word ending in none of
/// them (most words) needs no rule tested.
const fn last_letters(rules: &[(&[u8], &[u8])]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < rules.len() {
        set[rules[i].0[rules[i].0.len() - 1] as usize] = true;
        i += 1;
    }
    set
}

const NOUN_LAST: [bool; 256] = last_letters(&NOUN);
const VERB_LAST: [bool; 256] = last_letters(&VERB);
const ADJ_LAST: [bool; 256] = last_letters(&ADJ);

/// The packed substitutions of `pos`, and the last letters of their `old`s.
fn packed_substitutions(pos: Pos) -> (&'static [(Packed, &'static [u8])], &'static [bool; 256]) {
    match pos {
        Pos::Noun => (&NOUN_PACKED, &NOUN_LAST),
        Pos::Verb => (&VERB_PACKED, &VERB_LAST),
        Pos::Adj | Pos::AdjSat => (&ADJ_PACKED, &ADJ_LAST),
        Pos::Adv => (&[], &[false; 256]),
    }
}

/// The outcome of [`WordNet::lemmatize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lemmatized {
    /// NLTK returns the word it was given: no lemma was found, or the word is
    /// its own shortest lemma (then NLTK returns that very object, the first
    /// of `[form] + forms`).
    Unchanged,
    /// Another string, a lemma of the data.
    Lemma(LemmaId),
}

/// The most substitutions of any part of speech.
const MAX_RULES: usize = 9;
const _: () = assert!(NOUN.len() <= MAX_RULES && VERB.len() <= MAX_RULES && ADJ.len() <= MAX_RULES);

/// Longest form built on the stack; longer ones (only with data whose
/// lemmas are that long) go to the heap.
const STACK_FORM: usize = 128;

impl WordNet {
    /// Calls `each` with the entry (if any) of every form NLTK's
    /// `filter_forms` is handed, `[form] + forms`, in order.
    #[inline]
    fn candidates(&self, form: &[u8], pos: Pos, mut each: impl FnMut(Option<Entry>)) {
        let (rules, last_letters) = packed_substitutions(pos);
        // Every `old` is a letter or more: "" ends with none. Most words end
        // in no rule's letter, and have the one form.
        let own_hash = hash_bytes(form);
        if !form.last().is_some_and(|&c| last_letters[c as usize]) {
            self.own_form(form, own_hash, pos, &mut each);
            return;
        }
        self.prefetch(own_hash);
        // 1. apply_rules([form]): `form[: -len(old)] + new` for each
        // substitution the form ends with. No `new` is longer than its `old`,
        // so every form fits where the word does: the word is copied once,
        // each form writes its `new` after its stem, and puts the word's
        // letters back after it is hashed.
        let tail = <u8 as Letter>::tail(form);
        let mut stack = [0u8; STACK_FORM];
        let mut heap;
        let copy: &mut [u8] = if form.len() <= STACK_FORM {
            &mut stack[..form.len()]
        } else {
            heap = vec![0; form.len()];
            &mut heap
        };
        copy.copy_from_slice(form);
        // Each rule form: its length and hash, or `None` if it is longer than
        // every entry. All are hashed, and their places asked for, before the
        // first lookup; the rule forms are not needed when the word heads an
        // exception list, which few do.
        let mut forms = [None; MAX_RULES];
        for (&(old, new), out) in rules.iter().zip(&mut forms) {
            if tail & old.mask != old.value {
                continue;
            }
            let stem = form.len() - old.len;
            let len = stem + new.len();
            if len > self.longest() {
                *out = Some(None);
                continue;
            }
            copy[stem..len].copy_from_slice(new);
            let hash = hash_bytes(&copy[..len]);
            self.prefetch(hash);
            *out = Some(Some((len, hash)));
            // The next form is cut from the word, not from this one.
            copy[stem..len].copy_from_slice(&form[stem..len]);
        }
        if self.own_form(form, own_hash, pos, &mut each) {
            return;
        }
        for (&(_, new), found) in rules.iter().zip(forms) {
            match found {
                None => {}
                Some(None) => each(None),
                Some(Some((len, hash))) => {
                    let stem = len - new.len();
                    copy[stem..len].copy_from_slice(new);
                    each(self.find_hashed(&copy[..len], hash));
                    copy[stem..len].copy_from_slice(&form[stem..len]);
                }
            }
        }
    }

    /// The form itself, then, if it heads an exception list of `pos`, its
    /// lemmas there: true if so, and the rules are not applied.
    #[inline]
    fn own_form(
        &self,
        form: &[u8],
        hash: u64,
        pos: Pos,
        each: &mut impl FnMut(Option<Entry>),
    ) -> bool {
        let own = self.find_hashed(form, hash);
        each(own);
        // 0. `form in exceptions` (check_exceptions is True in `lemmatize`).
        match own.and_then(|e| self.exceptions(e, pos)) {
            Some(lemmas) => {
                lemmas.for_each(|e| each(Some(e)));
                true
            }
            None => false,
        }
    }

    /// `_morphy(form, pos)`: every lemma of `form` as a `pos`, in NLTK's
    /// order, each once.
    pub fn morphy(&self, form: &[u8], pos: Pos) -> Vec<LemmaId> {
        let mut lemmas: Vec<LemmaId> = Vec::new();
        self.candidates(form, pos, |e| {
            if let Some(e) = e.filter(|e| e.is_lemma(pos)) {
                // filter_forms' `seen`: equal strings are one entry.
                if !lemmas.contains(&e.id()) {
                    lemmas.push(e.id());
                }
            }
        });
        lemmas
    }

    /// `WordNetLemmatizer().lemmatize(form, pos)`: `min(lemmas, key=len)`,
    /// the first of the shortest, by length in code points.
    #[inline]
    pub fn lemmatize(&self, form: &[u8], pos: Pos) -> Lemmatized {
        let mut own = None;
        let mut best: Option<(LemmaId, usize)> = None;
        let mut first = true;
        self.candidates(form, pos, |e| {
            let is_own = std::mem::take(&mut first);
            let Some(e) = e.filter(|e| e.is_lemma(pos)) else {
                return;
            };
            if is_own {
                own = Some(e.id());
            }
            let chars = self.chars(e);
            // Strictly shorter: `min` keeps the first of equals (and a repeat
            // of an earlier form, which filter_forms drops, is its equal).
            if best.is_none_or(|(_, shortest)| chars < shortest) {
                best = Some((e.id(), chars));
            }
        });
        match best {
            Some((id, _)) if Some(id) != own => Lemmatized::Lemma(id),
            _ => Lemmatized::Unchanged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lemma::data::tests::{data, data_text};

    fn lemmatize(wn: &WordNet, word: &str, pos: Pos) -> String {
        match wn.lemmatize(word.as_bytes(), pos) {
            Lemmatized::Unchanged => word.to_string(),
            Lemmatized::Lemma(id) => wn.lemma(id).to_string(),
        }
    }

    fn morphy(wn: &WordNet, word: &str, pos: Pos) -> Vec<String> {
        let lemmas = wn.morphy(word.as_bytes(), pos);
        lemmas.iter().map(|&id| wn.lemma(id).to_string()).collect()
    }

    #[test]
    fn rules_then_the_shortest_lemma() {
        let wn = data(&["bus", "buse", "us", "u", "church"], &[], &[], &[]);
        // "buses": ("s", "") gives "buse", ("ses", "s") gives "bus".
        assert_eq!(morphy(&wn, "buses", Pos::Noun), ["buse", "bus"]);
        assert_eq!(lemmatize(&wn, "buses", Pos::Noun), "bus");
        // NLTK's own example: _morphy('us', 'n') is ['us', 'u'].
        assert_eq!(morphy(&wn, "us", Pos::Noun), ["us", "u"]);
        assert_eq!(lemmatize(&wn, "us", Pos::Noun), "u");
        assert_eq!(lemmatize(&wn, "churches", Pos::Noun), "church");
        // No rule for "r"; nothing found: the word itself.
        assert_eq!(lemmatize(&wn, "buses", Pos::Adv), "buses");
        assert_eq!(lemmatize(&wn, "Buses", Pos::Noun), "Buses");
    }

    #[test]
    fn each_rule_cuts_the_word_itself() {
        // "taxies": ("ies", "y") writes "taxy"; ("es", "") must still give
        // "taxi", not "taxy" cut short.
        let text = data_text([&[], &["taxi"], &[], &[]], [&[], &[], &[], &[]]);
        let wn = WordNet::parse(text.into_bytes()).unwrap();
        assert_eq!(lemmatize(&wn, "taxies", Pos::Verb), "taxi");
    }

    #[test]
    fn exceptions_replace_the_rules() {
        let wn = data(&["ax", "axis", "axe"], &[], &["axes ax axis"], &[]);
        // Rules would give "axe" (("s", "")) and "ax" (("xes", "x")).
        assert_eq!(morphy(&wn, "axes", Pos::Noun), ["ax", "axis"]);
        assert_eq!(lemmatize(&wn, "axes", Pos::Noun), "ax");
    }

    #[test]
    fn the_first_of_equally_short_lemmas_wins() {
        let wn = data(&["ab", "cd", "abc"], &[], &["xy cd ab"], &[]);
        assert_eq!(lemmatize(&wn, "xy", Pos::Noun), "cd");
        // The word itself comes first: it is returned unchanged.
        let wn = data(&["ab", "cd"], &[], &["ab cd"], &[]);
        assert_eq!(wn.lemmatize(b"ab", Pos::Noun), Lemmatized::Unchanged);
    }

    #[test]
    fn satellites_read_the_adjectives() {
        let wn = data(&[], &["big", "nice"], &[], &["bigger big"]);
        for pos in [Pos::Adj, Pos::AdjSat] {
            assert_eq!(lemmatize(&wn, "bigger", pos), "big");
            assert_eq!(lemmatize(&wn, "nicer", pos), "nice");
            assert_eq!(lemmatize(&wn, "nicest", pos), "nice");
        }
        assert_eq!(lemmatize(&wn, "nicer", Pos::Noun), "nicer");
    }

    #[test]
    fn long_and_non_ascii_words() {
        let long = "x".repeat(200);
        let wn = data(&[&long, "naïve"], &[], &[], &[]);
        assert_eq!(lemmatize(&wn, &format!("{long}s"), Pos::Noun), long);
        assert_eq!(lemmatize(&wn, "naïves", Pos::Noun), "naïve");
        assert_eq!(lemmatize(&wn, &"y".repeat(300), Pos::Noun), "y".repeat(300));
        // Generalized UTF-8 with a lone surrogate: never a lemma.
        let surrogate = [0xED, 0xA0, 0x80, b's'];
        assert_eq!(wn.lemmatize(&surrogate, Pos::Noun), Lemmatized::Unchanged);
    }
}
