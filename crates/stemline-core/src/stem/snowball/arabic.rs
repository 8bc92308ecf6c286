//! `nltk.stem.snowball.ArabicStemmer.stem`, which does not lower-case the
//! word: it is given the word as it is.
//!
//! NLTK's stemmer keeps its state in attributes of the instance: whether the
//! word is a verb, a noun, defined, and which step succeeded. `stem` resets
//! all of them at its start but one, `suffixes_verb_step1_success`: once a
//! word of a stemmer has taken a suffix in verb step 1, every later word of
//! that stemmer goes the way of that success (verb step 2a, not 2b). That flag
//! is the caller's to keep ([`Arabic::verb_step1_success`]), one per NLTK
//! instance.
//!
//! Several of NLTK's suffix "lists" are strings, over which its `for` loops
//! run letter by letter: noun step 2b (`"ات"`) removes two letters after
//! either `ا` or `ت`.

use super::pystr::{ends, len, starts, Stemmed};
use super::StopWords;
use crate::stem::Word;

const ALEF: u32 = 0x627;
const ALEF_HAMZA_ABOVE: u32 = 0x623;
const ALEF_HAMZA_BELOW: u32 = 0x625;
const ALEF_MADDA: u32 = 0x622;
const WAW_HAMZA: u32 = 0x624;
const YEH_HAMZA: u32 = 0x626;

/// `__normalize_pre`: the letters its three patterns remove. The patterns
/// are character classes written as runs joined by `-`
/// (`[\u064b-\u064c-\u064d-...]`), which the regex engine reads as a few
/// ranges and a literal `-`: the hyphen goes too.
fn removed_before(c: u32) -> bool {
    matches!(c, 0x2D | 0x64B..=0x652 | 0x640 | 0x60C..=0x61B | 0x61F)
}

const CHECKS1: [&str; 4] = [
    "\u{643}\u{627}\u{644}",
    "\u{628}\u{627}\u{644}",
    "\u{627}\u{644}",
    "\u{644}\u{644}",
];
const ARTICLES_3LEN: [&str; 2] = ["\u{643}\u{627}\u{644}", "\u{628}\u{627}\u{644}"];
const ARTICLES_2LEN: [&str; 2] = ["\u{627}\u{644}", "\u{644}\u{644}"];
const SUFFIX_VERB_STEP1: [&str; 12] = [
    "\u{647}",
    "\u{643}",
    "\u{646}\u{64a}",
    "\u{646}\u{627}",
    "\u{647}\u{627}",
    "\u{647}\u{645}",
    "\u{647}\u{646}",
    "\u{643}\u{645}",
    "\u{643}\u{646}",
    "\u{647}\u{645}\u{627}",
    "\u{643}\u{645}\u{627}",
    "\u{643}\u{645}\u{648}",
];
const CONJUGATION_SUFFIX_VERB_1: [&str; 2] = ["\u{647}", "\u{643}"];
const CONJUGATION_SUFFIX_VERB_2: [&str; 7] = [
    "\u{646}\u{64a}",
    "\u{646}\u{627}",
    "\u{647}\u{627}",
    "\u{647}\u{645}",
    "\u{647}\u{646}",
    "\u{643}\u{645}",
    "\u{643}\u{646}",
];
const CONJUGATION_SUFFIX_VERB_3: [&str; 3] = [
    "\u{647}\u{645}\u{627}",
    "\u{643}\u{645}\u{627}",
    "\u{643}\u{645}\u{648}",
];
const SUFFIX_VERB_STEP2A: [&str; 11] = [
    "\u{62a}",
    "\u{627}",
    "\u{646}",
    "\u{64a}",
    "\u{646}\u{627}",
    "\u{62a}\u{627}",
    "\u{62a}\u{646}",
    "\u{627}\u{646}",
    "\u{648}\u{646}",
    "\u{64a}\u{646}",
    "\u{62a}\u{645}\u{627}",
];
const CONJUGATION_SUFFIX_VERB_4: [&str; 3] = ["\u{627}", "\u{646}", "\u{64a}"];
const CONJUGATION_SUFFIX_VERB_PAST: [&str; 3] =
    ["\u{646}\u{627}", "\u{62a}\u{627}", "\u{62a}\u{646}"];
const CONJUGATION_SUFFIX_VERB_PRESENT: [&str; 3] =
    ["\u{627}\u{646}", "\u{648}\u{646}", "\u{64a}\u{646}"];
const SUFFIX_VERB_STEP2B: [&str; 2] = ["\u{648}\u{627}", "\u{62a}\u{645}"];
const SUFFIX_VERB_STEP2C: [&str; 2] = ["\u{648}", "\u{62a}\u{645}\u{648}"];
const SUFFIX_NOUN_STEP1A: [&str; 10] = [
    "\u{64a}",
    "\u{643}",
    "\u{647}",
    "\u{646}\u{627}",
    "\u{643}\u{645}",
    "\u{647}\u{627}",
    "\u{647}\u{646}",
    "\u{647}\u{645}",
    "\u{643}\u{645}\u{627}",
    "\u{647}\u{645}\u{627}",
];
const CONJUGATION_SUFFIX_NOUN_1: [&str; 3] = ["\u{64a}", "\u{643}", "\u{647}"];
const CONJUGATION_SUFFIX_NOUN_2: [&str; 5] = [
    "\u{646}\u{627}",
    "\u{643}\u{645}",
    "\u{647}\u{627}",
    "\u{647}\u{646}",
    "\u{647}\u{645}",
];
const CONJUGATION_SUFFIX_NOUN_3: [&str; 2] = ["\u{643}\u{645}\u{627}", "\u{647}\u{645}\u{627}"];
const SUFFIX_NOUN_STEP2A: [&str; 3] = ["\u{627}", "\u{64a}", "\u{648}"];
/// `"ات"`, a string: its letters, one at a time.
const SUFFIX_NOUN_STEP2B: [&str; 2] = ["\u{627}", "\u{62a}"];
const TEH: &str = "\u{62a}";
const TEH_MARBUTA: &str = "\u{629}";
const NOON: &str = "\u{646}";
const YEH: &str = "\u{64a}";
const ALEF_MAQSURA: &str = "\u{649}";
const PREFIX_STEP1: [&str; 6] = [
    "\u{623}",
    "\u{623}\u{623}",
    "\u{623}\u{622}",
    "\u{623}\u{624}",
    "\u{623}\u{627}",
    "\u{623}\u{625}",
];
const PREFIX_STEP2A: [&str; 2] = ["\u{641}\u{627}\u{644}", "\u{648}\u{627}\u{644}"];
const PREFIX_STEP2B: [&str; 2] = ["\u{641}", "\u{648}"];
const PREFIXES1: [&str; 2] = ["\u{648}\u{627}", "\u{641}\u{627}"];
const PREFIX_STEP3A_NOUN: [&str; 4] = [
    "\u{627}\u{644}",
    "\u{644}\u{644}",
    "\u{643}\u{627}\u{644}",
    "\u{628}\u{627}\u{644}",
];
const PREFIX_STEP3B_NOUN: [&str; 5] = [
    "\u{628}",
    "\u{643}",
    "\u{644}",
    "\u{628}\u{628}",
    "\u{643}\u{643}",
];
const PREPOSITIONS1: [&str; 2] = ["\u{643}", "\u{644}"];
const PREPOSITIONS2: [&str; 2] = ["\u{628}\u{628}", "\u{643}\u{643}"];
const PREFIX_STEP3_VERB: [&str; 4] = [
    "\u{633}\u{64a}",
    "\u{633}\u{62a}",
    "\u{633}\u{646}",
    "\u{633}\u{623}",
];
const PREFIX_STEP4_VERB: [&str; 3] = [
    "\u{64a}\u{633}\u{62a}",
    "\u{646}\u{633}\u{62a}",
    "\u{62a}\u{633}\u{62a}",
];
const LAST_HAMZAT: [u32; 5] = [
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    WAW_HAMZA,
    YEH_HAMZA,
];

/// `token[n:]`.
fn drop_front(token: &mut Word, n: usize) {
    token.drain(..n.min(token.len()));
}

/// NLTK's `prefix_replace(token, prefix, new)`.
fn prefix_replace(token: &mut Word, prefix: &str, new: &str) {
    drop_front(token, len(prefix));
    let new: Word = new.chars().map(u32::from).collect();
    token.splice(0..0, new);
}

/// The attributes of NLTK's instance that `stem` resets, as one word's
/// state, and the one it does not.
struct Arabic<'a> {
    is_verb: bool,
    is_noun: bool,
    is_defined: bool,
    /// Never reset by NLTK: the caller's.
    verb_step1_success: &'a mut bool,
    suffix_verb_step2a_success: bool,
    suffix_verb_step2b_success: bool,
    suffix_noun_step2c2_success: bool,
    suffix_noun_step1a_success: bool,
    suffix_noun_step2a_success: bool,
    suffix_noun_step2b_success: bool,
    suffixe_noun_step1b_success: bool,
    prefix_step2a_success: bool,
    prefix_step3a_noun_success: bool,
    prefix_step3b_noun_success: bool,
}

impl Arabic<'_> {
    fn checks_1(&mut self, token: &[u32]) {
        for prefix in CHECKS1 {
            if starts(token, prefix) {
                if (ARTICLES_3LEN.contains(&prefix) && token.len() > 4)
                    || (ARTICLES_2LEN.contains(&prefix) && token.len() > 3)
                {
                    self.is_noun = true;
                    self.is_verb = false;
                    self.is_defined = true;
                    break;
                }
            }
        }
    }

    fn checks_2(&mut self, token: &[u32]) {
        for suffix in [TEH_MARBUTA, "\u{627}\u{62a}"] {
            if ends(token, suffix) {
                if (suffix == TEH_MARBUTA && token.len() > 2)
                    || (suffix != TEH_MARBUTA && token.len() > 3)
                {
                    self.is_noun = true;
                    self.is_verb = false;
                    break;
                }
            }
        }
    }

    fn suffix_verb_step1(&mut self, token: &mut Word) {
        for suffix in SUFFIX_VERB_STEP1 {
            if ends(token, suffix) {
                let n = token.len();
                let cut = if CONJUGATION_SUFFIX_VERB_1.contains(&suffix) && n >= 4 {
                    1
                } else if CONJUGATION_SUFFIX_VERB_2.contains(&suffix) && n >= 5 {
                    2
                } else if CONJUGATION_SUFFIX_VERB_3.contains(&suffix) && n >= 6 {
                    3
                } else {
                    continue;
                };
                token.truncate(n - cut);
                *self.verb_step1_success = true;
                break;
            }
        }
    }

    fn suffix_verb_step2a(&mut self, token: &mut Word) {
        for suffix in SUFFIX_VERB_STEP2A {
            let n = token.len();
            if ends(token, suffix) && n > 3 {
                let cut = if suffix == TEH && n >= 4 {
                    1
                } else if CONJUGATION_SUFFIX_VERB_4.contains(&suffix) && n >= 4 {
                    1
                } else if CONJUGATION_SUFFIX_VERB_PAST.contains(&suffix) && n >= 5 {
                    2
                } else if CONJUGATION_SUFFIX_VERB_PRESENT.contains(&suffix) && n > 5 {
                    2
                } else if suffix == "\u{62a}\u{645}\u{627}" && n >= 6 {
                    3
                } else {
                    continue;
                };
                token.truncate(n - cut);
                self.suffix_verb_step2a_success = true;
                break;
            }
        }
    }

    fn suffix_verb_step2c(&mut self, token: &mut Word) {
        for suffix in SUFFIX_VERB_STEP2C {
            if ends(token, suffix) {
                let n = token.len();
                if suffix == "\u{62a}\u{645}\u{648}" && n >= 6 {
                    token.truncate(n - 3);
                    break;
                }
                if suffix == "\u{648}" && n >= 4 {
                    token.truncate(n - 1);
                    break;
                }
            }
        }
    }

    fn suffix_verb_step2b(&mut self, token: &mut Word) {
        if SUFFIX_VERB_STEP2B.iter().any(|s| ends(token, s)) && token.len() >= 5 {
            token.truncate(token.len() - 2);
            self.suffix_verb_step2b_success = true;
        }
    }

    fn suffix_noun_step2c2(&mut self, token: &mut Word) {
        if ends(token, TEH_MARBUTA) && token.len() >= 3 {
            token.truncate(token.len() - 1);
            self.suffix_noun_step2c2_success = true;
        }
    }

    fn suffix_noun_step1a(&mut self, token: &mut Word) {
        for suffix in SUFFIX_NOUN_STEP1A {
            if ends(token, suffix) {
                let n = token.len();
                let cut = if CONJUGATION_SUFFIX_NOUN_1.contains(&suffix) && n >= 4 {
                    1
                } else if CONJUGATION_SUFFIX_NOUN_2.contains(&suffix) && n >= 5 {
                    2
                } else if CONJUGATION_SUFFIX_NOUN_3.contains(&suffix) && n >= 6 {
                    3
                } else {
                    continue;
                };
                token.truncate(n - cut);
                self.suffix_noun_step1a_success = true;
                break;
            }
        }
    }

    fn suffix_noun_step2a(&mut self, token: &mut Word) {
        if SUFFIX_NOUN_STEP2A.iter().any(|s| ends(token, s)) && token.len() > 4 {
            token.truncate(token.len() - 1);
            self.suffix_noun_step2a_success = true;
        }
    }

    fn suffix_noun_step2b(&mut self, token: &mut Word) {
        if SUFFIX_NOUN_STEP2B.iter().any(|s| ends(token, s)) && token.len() >= 5 {
            token.truncate(token.len() - 2);
            self.suffix_noun_step2b_success = true;
        }
    }

    fn suffix_noun_step2c1(&mut self, token: &mut Word) {
        if ends(token, TEH) && token.len() >= 4 {
            token.truncate(token.len() - 1);
        }
    }

    fn suffix_noun_step1b(&mut self, token: &mut Word) {
        if ends(token, NOON) && token.len() > 5 {
            token.truncate(token.len() - 1);
            self.suffixe_noun_step1b_success = true;
        }
    }

    fn suffix_noun_step3(&mut self, token: &mut Word) {
        // ya' nisbiya
        if ends(token, YEH) && token.len() >= 3 {
            token.truncate(token.len() - 1);
        }
    }

    fn suffix_all_alef_maqsura(&mut self, token: &mut Word) {
        if ends(token, ALEF_MAQSURA) {
            super::pystr::suffix_replace(token, ALEF_MAQSURA, YEH);
        }
    }

    fn prefix_step1(&mut self, token: &mut Word) {
        // The first prefix, `أ` alone, has no rule of its own: the loop goes
        // on to the two-letter prefixes.
        for prefix in &PREFIX_STEP1[1..] {
            if starts(token, prefix) && token.len() > 3 {
                let second: String = prefix.chars().skip(1).collect();
                prefix_replace(token, prefix, &second);
                break;
            }
        }
    }

    fn prefix_step2a(&mut self, token: &mut Word) {
        if PREFIX_STEP2A.iter().any(|p| starts(token, p)) && token.len() > 5 {
            drop_front(token, 3);
            self.prefix_step2a_success = true;
        }
    }

    fn prefix_step2b(&mut self, token: &mut Word) {
        if PREFIX_STEP2B.iter().any(|p| starts(token, p))
            && token.len() > 3
            && !PREFIXES1.iter().any(|p| starts(token, p))
        {
            drop_front(token, 1);
        }
    }

    fn prefix_step3a_noun(&mut self, token: &mut Word) {
        for prefix in PREFIX_STEP3A_NOUN {
            if starts(token, prefix) {
                if ARTICLES_2LEN.contains(&prefix) && token.len() > 4 {
                    drop_front(token, len(prefix));
                    self.prefix_step3a_noun_success = true;
                    break;
                }
                if ARTICLES_3LEN.contains(&prefix) && token.len() > 5 {
                    drop_front(token, len(prefix));
                    break;
                }
            }
        }
    }

    fn prefix_step3b_noun(&mut self, token: &mut Word) {
        for prefix in PREFIX_STEP3B_NOUN {
            if starts(token, prefix) {
                if token.len() > 3 {
                    if prefix == "\u{628}" {
                        drop_front(token, 1);
                        self.prefix_step3b_noun_success = true;
                        break;
                    }
                    if PREPOSITIONS2.contains(&prefix) {
                        let second: String = prefix.chars().skip(1).collect();
                        prefix_replace(token, prefix, &second);
                        self.prefix_step3b_noun_success = true;
                        break;
                    }
                }
                if PREPOSITIONS1.contains(&prefix) && token.len() > 4 {
                    // BUG (NLTK's): cause confusion
                    drop_front(token, 1);
                    self.prefix_step3b_noun_success = true;
                    break;
                }
            }
        }
    }

    fn prefix_step3_verb(&mut self, token: &mut Word) {
        for prefix in PREFIX_STEP3_VERB {
            if starts(token, prefix) && token.len() > 4 {
                let second: String = prefix.chars().skip(1).collect();
                prefix_replace(token, prefix, &second);
                break;
            }
        }
    }

    fn prefix_step4_verb(&mut self, token: &mut Word) {
        if PREFIX_STEP4_VERB.iter().any(|p| starts(token, p)) && token.len() > 4 {
            let prefix_len = 3;
            drop_front(token, prefix_len);
            token.splice(0..0, [ALEF, 0x633, 0x62A]);
            self.is_verb = true;
            self.is_noun = false;
        }
    }
}

/// `__normalize_post`: a final hamza on a carrier becomes `ء`, an initial
/// alef with hamza or madda becomes `ا`, and so does every other one; `ؤ`
/// becomes `و` and `ئ` becomes `ي`.
fn normalize_post(token: &mut Word) {
    if let Some(last) = token.last_mut() {
        if LAST_HAMZAT.contains(last) {
            *last = 0x621;
        }
    }
    for c in token.iter_mut() {
        *c = match *c {
            ALEF_MADDA | ALEF_HAMZA_ABOVE | ALEF_HAMZA_BELOW => ALEF,
            WAW_HAMZA => 0x648,
            YEH_HAMZA => 0x64A,
            other => other,
        };
    }
}

/// Stems `word` as it is. `verb_step1_success` is NLTK's attribute of that
/// name, which `stem` sets and never resets (see the module documentation).
pub fn stem(word: &[u32], stopwords: &dyn StopWords, verb_step1_success: &mut bool) -> Stemmed {
    let mut s = Arabic {
        is_verb: true,
        is_noun: true,
        is_defined: false,
        verb_step1_success,
        suffix_verb_step2a_success: false,
        suffix_verb_step2b_success: false,
        suffix_noun_step2c2_success: false,
        suffix_noun_step1a_success: false,
        suffix_noun_step2a_success: false,
        suffix_noun_step2b_success: false,
        suffixe_noun_step1b_success: false,
        prefix_step2a_success: false,
        prefix_step3a_noun_success: false,
        prefix_step3b_noun_success: false,
    };
    // Guess type and properties, on the word as it was given.
    s.checks_1(word);
    s.checks_2(word);
    let mut w: Word = word
        .iter()
        .copied()
        .filter(|&c| !removed_before(c))
        .collect();
    if stopwords.contains(&w) || w.len() <= 2 {
        return Ok(w);
    }
    if s.is_verb {
        s.suffix_verb_step1(&mut w);
        if *s.verb_step1_success {
            s.suffix_verb_step2a(&mut w);
            if !s.suffix_verb_step2a_success {
                s.suffix_verb_step2c(&mut w);
            }
        } else {
            s.suffix_verb_step2b(&mut w);
            if !s.suffix_verb_step2b_success {
                s.suffix_verb_step2a(&mut w);
            }
        }
    }
    if s.is_noun {
        s.suffix_noun_step2c2(&mut w);
        if !s.suffix_noun_step2c2_success {
            if !s.is_defined {
                s.suffix_noun_step1a(&mut w);
                s.suffix_noun_step2a(&mut w);
                if !s.suffix_noun_step2a_success {
                    s.suffix_noun_step2b(&mut w);
                }
                if !s.suffix_noun_step2b_success && !s.suffix_noun_step2a_success {
                    s.suffix_noun_step2c1(&mut w);
                }
            } else {
                s.suffix_noun_step1b(&mut w);
                if s.suffixe_noun_step1b_success {
                    s.suffix_noun_step2a(&mut w);
                    if !s.suffix_noun_step2a_success {
                        s.suffix_noun_step2b(&mut w);
                    }
                    if !s.suffix_noun_step2b_success && !s.suffix_noun_step2a_success {
                        s.suffix_noun_step2c1(&mut w);
                    }
                } else {
                    // NLTK's `if not self.is_defined: step 2a` here never
                    // runs: the word is defined on this branch.
                    s.suffix_noun_step2b(&mut w);
                }
            }
        }
        s.suffix_noun_step3(&mut w);
    }
    if !s.is_noun && s.is_verb {
        s.suffix_all_alef_maqsura(&mut w);
    }

    // prefixes
    s.prefix_step1(&mut w);
    s.prefix_step2a(&mut w);
    if !s.prefix_step2a_success {
        s.prefix_step2b(&mut w);
    }
    s.prefix_step3a_noun(&mut w);
    if !s.prefix_step3a_noun_success && s.is_noun {
        s.prefix_step3b_noun(&mut w);
    } else if !s.prefix_step3b_noun_success && s.is_verb {
        s.prefix_step3_verb(&mut w);
        s.prefix_step4_verb(&mut w);
    }

    normalize_post(&mut w);
    Ok(w)
}
