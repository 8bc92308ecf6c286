//! Punkt's annotation of the tokens of one candidate's context:
//! `PunktToken`'s derived properties, `_first_pass_annotation`,
//! `_second_pass_annotation` and `_ortho_heuristic`, and
//! `text_contains_sentbreak`, which runs them.
//!
//! NLTK chains generators: the second pass annotates a token when the next
//! one has had its first pass only, and `text_contains_sentbreak` stops as
//! soon as a token follows one marked as a break. [`text_contains_sentbreak`]
//! keeps that order: the token it decides about and the next one, nothing
//! else.

use super::chars::{
    char_at, is_string_whitespace, PunktChars, DIGIT, LOWER, UPPER, WORD_NOT_DIGIT,
};
use super::params::{PunktParameters, COLLOCATION_SEPARATOR};
use super::words::{is_non_word, PunktWords};

// Orthographic context flags (`_ORTHO_*`).
const ORTHO_BEG_UC: i64 = 1 << 1;
const ORTHO_MID_UC: i64 = 1 << 2;
const ORTHO_UNK_UC: i64 = 1 << 3;
const ORTHO_BEG_LC: i64 = 1 << 4;
const ORTHO_MID_LC: i64 = 1 << 5;
const ORTHO_UNK_LC: i64 = 1 << 6;
const ORTHO_UC: i64 = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
const ORTHO_LC: i64 = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

/// The type `_RE_NUMERIC` substitutes for a number.
const NUMBER: &[u8] = b"##number##";

/// `PunktSentenceTokenizer.PUNCTUATION`.
const PUNCTUATION: [&[u8]; 6] = [b";", b":", b",", b".", b"!", b"?"];

/// A token and its annotations (`PunktToken`); `None` of NLTK's is `false`.
#[derive(Debug, Clone, Copy)]
struct PunktToken {
    start: usize,
    end: usize,
    sentbreak: bool,
    abbr: bool,
    ellipsis: bool,
}

impl PunktToken {
    fn tok<'t>(&self, text: &'t [u8]) -> &'t [u8] {
        &text[self.start..self.end]
    }

    /// `period_final`: the token ends with a period.
    fn period_final(&self, text: &[u8]) -> bool {
        self.tok(text).ends_with(b".")
    }
}

/// The result of `_ortho_heuristic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ortho {
    SentStarter,
    NotSentStarter,
    Unknown,
}

/// Working buffers, reused for every token of every context of a text (and
/// from one text to the next: keep one per thread).
#[derive(Debug, Default)]
pub struct Scratch {
    cps: Vec<u32>,
    lowered: Vec<u8>,
    typ: Vec<u8>,
    next_typ: Vec<u8>,
    key: Vec<u8>,
}

/// The annotation passes with one language's parameters.
pub(crate) struct Annotator<'a> {
    pub(crate) params: &'a PunktParameters,
    pub(crate) chars: &'a PunktChars,
}

impl Annotator<'_> {
    /// `text_contains_sentbreak(text)`: whether some token of `text` that is
    /// followed by another is a sentence break after both passes.
    pub(crate) fn text_contains_sentbreak(&self, text: &[u8], scratch: &mut Scratch) -> bool {
        match plain_word_then_token(text) {
            Some(PlainEnd::Period(word)) if self.plain_break(word) => return true,
            Some(PlainEnd::Mark) => return true,
            _ => {}
        }
        if let Some([(start1, end1), (start2, end2)]) = plain_word_pair(text) {
            let mut tok1 = self.first_pass_annotation(text, start1, end1, scratch);
            let tok2 = self.first_pass_annotation(text, start2, end2, scratch);
            self.second_pass_annotation(text, &mut tok1, &tok2, scratch);
            return tok1.sentbreak;
        }
        let mut words = PunktWords::new(text, self.chars);
        let Some((start, end)) = words.next() else {
            return false;
        };
        let mut tok1 = self.first_pass_annotation(text, start, end, scratch);
        for (start, end) in words {
            let tok2 = self.first_pass_annotation(text, start, end, scratch);
            self.second_pass_annotation(text, &mut tok1, &tok2, scratch);
            if tok1.sentbreak {
                return true;
            }
            tok1 = tok2;
        }
        false
    }

    /// Whether `word.` followed by another token ([`plain_word_then_token`])
    /// is a break that both passes agree on without a look at the next
    /// token: most candidates in text. The first
    /// pass marks the period a break unless `word` lowered is an
    /// abbreviation; the second then reads the next word only for an
    /// initial (one letter), a number (all digits), an abbreviation or a
    /// collocation's first word. False: not shown so (the passes decide).
    fn plain_break(&self, word: &[u8]) -> bool {
        const LONGEST: usize = 32;
        if word.len() < 2 || word.len() > LONGEST || word.iter().all(u8::is_ascii_digit) {
            return false;
        }
        let mut lowered = [0u8; LONGEST];
        let lowered = &mut lowered[..word.len()];
        lowered.copy_from_slice(word);
        lowered.make_ascii_lowercase();
        !self.params.is_decisive(lowered)
    }

    /// `_first_pass_annotation`: breaks at `.`, `?` and `!`, ellipses, and
    /// periods after a known abbreviation or not.
    fn first_pass_annotation(
        &self,
        text: &[u8],
        start: usize,
        end: usize,
        scratch: &mut Scratch,
    ) -> PunktToken {
        let mut token = PunktToken {
            start,
            end,
            sentbreak: false,
            abbr: false,
            ellipsis: false,
        };
        let tok = token.tok(text);
        if matches!(tok, b"." | b"?" | b"!") {
            token.sentbreak = true;
        } else if is_ellipsis(tok) {
            token.ellipsis = true;
        } else if tok.ends_with(b".") && !tok.ends_with(b"..") {
            // tok[:-1].lower(), or its part after the last hyphen, is a
            // known abbreviation.
            let lowered = &mut scratch.lowered;
            lowered.clear();
            self.chars
                .lower_into(&tok[..tok.len() - 1], lowered, &mut scratch.cps);
            let after_hyphen = lowered
                .iter()
                .rposition(|&b| b == b'-')
                .map(|i| &lowered[i + 1..]);
            if self.params.is_abbrev_type(lowered)
                || after_hyphen.is_some_and(|part| self.params.is_abbrev_type(part))
            {
                token.abbr = true;
            } else {
                token.sentbreak = true;
            }
        }
        token
    }

    /// `_second_pass_annotation(aug_tok1, aug_tok2)`: the collocation,
    /// orthographic and frequent-sentence-starter heuristics, and initials and
    /// ordinals, for a token that ends with a period.
    fn second_pass_annotation(
        &self,
        text: &[u8],
        tok1: &mut PunktToken,
        tok2: &PunktToken,
        scratch: &mut Scratch,
    ) {
        if !tok1.period_final(text) {
            return;
        }
        let mut typ = std::mem::take(&mut scratch.typ);
        self.type_no_period(tok1.tok(text), &mut typ, scratch);
        let tok_is_initial = self.is_initial(tok1.tok(text));
        // Most candidates (`word. Next`, `word` no abbreviation, no initial,
        // no number, no collocation's first word) leave `decide` at once
        // whatever the next token is: its type is then never made.
        let decides = tok_is_initial
            || tok1.abbr
            || tok1.ellipsis
            || typ == NUMBER
            || self.params.may_start_collocation(&typ);
        if decides {
            let mut next_typ = std::mem::take(&mut scratch.next_typ);
            self.type_no_sentperiod(text, tok2, &mut next_typ, scratch);
            self.decide(text, tok1, tok2, tok_is_initial, &typ, &next_typ, scratch);
            scratch.next_typ = next_typ;
        }
        scratch.typ = typ;
    }

    /// `tok_is_initial`: `is_initial` of `tok1`.
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &self,
        text: &[u8],
        tok1: &mut PunktToken,
        tok2: &PunktToken,
        tok_is_initial: bool,
        typ: &[u8],
        next_typ: &[u8],
        scratch: &mut Scratch,
    ) {
        // [4.1.2. Collocation Heuristic]
        let key = &mut scratch.key;
        key.clear();
        key.extend_from_slice(typ);
        key.push(COLLOCATION_SEPARATOR);
        key.extend_from_slice(next_typ);
        if self.params.is_collocation(key) {
            tok1.sentbreak = false;
            tok1.abbr = true;
            return;
        }

        // [4.2. Token-Based Reclassification of Abbreviations]
        if (tok1.abbr || tok1.ellipsis) && !tok_is_initial {
            if self.ortho_heuristic(text, tok2, next_typ) == Ortho::SentStarter {
                tok1.sentbreak = true;
                return;
            }
            // [4.1.3. Frequent Sentence Starter Heuristic]
            if self.first_upper(text, tok2) && self.params.is_sent_starter(next_typ) {
                tok1.sentbreak = true;
                return;
            }
        }

        // [4.3. Token-Based Detection of Initials and Ordinals]
        if tok_is_initial || typ == NUMBER {
            let is_sent_starter = self.ortho_heuristic(text, tok2, next_typ);
            if is_sent_starter == Ortho::NotSentStarter {
                tok1.sentbreak = false;
                tok1.abbr = true;
                return;
            }
            // Special heuristic for initials: unknown, and the next word is
            // always capitalized (J. Bach).
            if is_sent_starter == Ortho::Unknown
                && tok_is_initial
                && self.first_upper(text, tok2)
                && self.params.ortho_context_of(next_typ) & ORTHO_LC == 0
            {
                tok1.sentbreak = false;
                tok1.abbr = true;
            }
        }
    }

    /// `_ortho_heuristic(aug_tok)`, where `typ` is its `type_no_sentperiod`.
    fn ortho_heuristic(&self, text: &[u8], token: &PunktToken, typ: &[u8]) -> Ortho {
        if PUNCTUATION.contains(&token.tok(text)) {
            return Ortho::NotSentStarter;
        }
        let ortho_context = self.params.ortho_context_of(typ);
        if self.first_upper(text, token)
            && ortho_context & ORTHO_LC != 0
            && ortho_context & ORTHO_MID_UC == 0
        {
            return Ortho::SentStarter;
        }
        if self.first_lower(text, token)
            && (ortho_context & ORTHO_UC != 0 || ortho_context & ORTHO_BEG_LC == 0)
        {
            return Ortho::NotSentStarter;
        }
        Ortho::Unknown
    }

    /// `first_upper`: `tok[0].isupper()`.
    fn first_upper(&self, text: &[u8], token: &PunktToken) -> bool {
        self.chars.is(first_char(token.tok(text)), UPPER)
    }

    /// `first_lower`: `tok[0].islower()`.
    fn first_lower(&self, text: &[u8], token: &PunktToken) -> bool {
        self.chars.is(first_char(token.tok(text)), LOWER)
    }

    /// `is_initial`: `_RE_INITIAL` (`[^\W\d]\.$`) matches: one word character
    /// that is not a digit, then the period.
    fn is_initial(&self, tok: &[u8]) -> bool {
        let Some(body) = tok.strip_suffix(b".") else {
            return false;
        };
        if body.is_empty() {
            return false;
        }
        let (cp, len) = char_at(body, 0);
        len == body.len() && self.chars.is(cp, WORD_NOT_DIGIT)
    }

    /// `type`: `_RE_NUMERIC.sub("##number##", tok.lower())`, into `out`.
    fn type_of(&self, tok: &[u8], out: &mut Vec<u8>, scratch: &mut Scratch) {
        out.clear();
        self.chars.lower_into(tok, out, &mut scratch.cps);
        if self.is_numeric(out) {
            out.clear();
            out.extend_from_slice(NUMBER);
        }
    }

    /// `type_no_period`: the type without its final period, if it has one
    /// and more.
    fn type_no_period(&self, tok: &[u8], out: &mut Vec<u8>, scratch: &mut Scratch) {
        self.type_of(tok, out, scratch);
        // A period is one byte: more than one byte is more than one character.
        if out.len() > 1 && out.ends_with(b".") {
            out.pop();
        }
    }

    /// `type_no_sentperiod`: `type_no_period` if the token is a break, else
    /// `type`.
    fn type_no_sentperiod(
        &self,
        text: &[u8],
        token: &PunktToken,
        out: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) {
        if token.sentbreak {
            self.type_no_period(token.tok(text), out, scratch);
        } else {
            self.type_of(token.tok(text), out, scratch);
        }
    }

    /// `_RE_NUMERIC` (`^-?[\.,]?\d[\d,\.-]*\.?$`) matches the whole string.
    /// The optional parts never need backtracking: a `-`, `.` or `,` taken
    /// where a digit was needed could not have been that digit.
    fn is_numeric(&self, s: &[u8]) -> bool {
        let mut i = 0;
        if s.first() == Some(&b'-') {
            i += 1;
        }
        if matches!(s.get(i), Some(b'.' | b',')) {
            i += 1;
        }
        if i >= s.len() {
            return false;
        }
        let (cp, len) = char_at(s, i);
        if !self.chars.is(cp, DIGIT) {
            return false;
        }
        i += len;
        while i < s.len() {
            let (cp, len) = char_at(s, i);
            // [\d,\.-]: a digit, `,` (U+002C), `-` (U+002D) or `.` (U+002E).
            if !(matches!(cp, 0x2C..=0x2E) || self.chars.is(cp, DIGIT)) {
                return false;
            }
            i += len;
        }
        true
    }
}

/// The tokens of the most common context, `word. Next`: ASCII letters or
/// digits, a period, ASCII whitespace, ASCII letters or digits. The word
/// tokenizer makes exactly two tokens of it (`word.` and `Next`: nothing in
/// either word ends a token, the period is followed by whitespace and a
/// letter or digit, so it is neither MultiChar nor a split; the whitespace,
/// `regex` and `str.isspace()` whitespace alike, newlines included, only
/// separates), so they are taken without running it.
fn plain_word_pair(text: &[u8]) -> Option<[(usize, usize); 2]> {
    let first_end = text.iter().position(|b| !b.is_ascii_alphanumeric())?;
    if first_end == 0 || text[first_end] != b'.' {
        return None;
    }
    let after = &text[first_end + 1..];
    // Most often one space: found without a loop.
    let second = match after {
        [a, b, ..] if is_string_whitespace(*a) && !is_string_whitespace(*b) => 1,
        _ => after.iter().position(|&b| !is_string_whitespace(b))?,
    };
    if second == 0 || !after[second..].iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let second = first_end + 1 + second;
    Some([(0, first_end + 1), (second, text.len())])
}

/// What a context that starts with a plain word and its final mark, then
/// another token, shows ([`plain_word_then_token`]).
#[derive(Debug, PartialEq, Eq)]
enum PlainEnd<'t> {
    /// `word.`: the passes decide the period as [`Annotator::plain_break`]
    /// reads `word`.
    Period(&'t [u8]),
    /// `word?` or `word!`: the mark is a token of its own, a break.
    Mark,
}

/// A context that is ASCII letters or digits, a `.`, `?` or `!`, then
/// either a character of `_re_non_word_chars` or whitespace of Python's
/// `string.whitespace` (`regex` and `str.isspace()` whitespace alike) and
/// a printable ASCII character other than a period. Punkt's word tokenizer
/// makes the word and its period one token (the period ends no
/// multi-character punctuation: a second period, or `\s.` of a spaced
/// ellipsis, would have to follow it), or the word and the `?` or `!` two,
/// and then another token at least: whatever that token is, the passes
/// decide the first mark without it.
fn plain_word_then_token(text: &[u8]) -> Option<PlainEnd<'_>> {
    let word_end = text.iter().position(|b| !b.is_ascii_alphanumeric())?;
    let [mark @ (b'.' | b'?' | b'!'), after @ ..] = &text[word_end..] else {
        return None;
    };
    let followed = match after.first() {
        Some(&b) if b < 0x80 && is_non_word(u32::from(b)) => true,
        _ => {
            let next = after.iter().position(|&b| !is_string_whitespace(b))?;
            next > 0 && matches!(after[next], b'!'..=b'~') && after[next] != b'.'
        }
    };
    match (word_end > 0 && followed, mark) {
        (false, _) => None,
        (true, b'.') => Some(PlainEnd::Period(&text[..word_end])),
        (true, _) => Some(PlainEnd::Mark),
    }
}

/// `_RE_ELLIPSIS` (`\.\.+$`) matches: two periods or more, and nothing else.
fn is_ellipsis(tok: &[u8]) -> bool {
    tok.len() >= 2 && tok.iter().all(|&b| b == b'.')
}

/// The first code point of a token (tokens are never empty).
fn first_char(tok: &[u8]) -> u32 {
    if tok.is_empty() {
        return 0;
    }
    char_at(tok, 0).0
}

#[cfg(test)]
mod tests {
    use super::super::chars::testing::ascii_punkt_chars;
    use super::*;

    fn params() -> PunktParameters {
        PunktParameters::from_punkt_tab(
            b"mr\ne.g\nu.s",
            b"##number##\tjune",
            b"however",
            b"smith\t2\nbach\t4\nhe\t18\nthe\t112",
        )
        .unwrap()
    }

    fn breaks(text: &str) -> bool {
        breaks_with(&params(), text)
    }

    fn breaks_with(params: &PunktParameters, text: &str) -> bool {
        let chars = ascii_punkt_chars();
        let annotator = Annotator {
            params,
            chars: &chars,
        };
        annotator.text_contains_sentbreak(text.as_bytes(), &mut Scratch::default())
    }

    #[test]
    fn decides_as_the_passes_do() {
        assert!(breaks("done. He"));
        assert!(!breaks("Mr. Smith"));
        assert!(!breaks("done."));
        assert!(!breaks("5. june"), "a known collocation");
        assert!(
            !breaks("J. Bach"),
            "an initial before a word never seen lower-case"
        );
        assert!(
            breaks("Mr. However"),
            "a frequent sentence starter after an abbreviation"
        );
        assert!(breaks("Really?! Yes"));
        assert!(!breaks("etc.. the"), "two final periods annotate nothing");
    }

    /// NLTK 3.10.4's answers with `PunktTokenizer("english")`, whose
    /// abbreviations hold `. . ` and `mr` (and not `fine`), for a word, its
    /// final mark and what follows.
    #[test]
    fn a_plain_word_breaks_before_any_token() {
        let english = PunktParameters::from_punkt_tab(b". . \nmr", b"", b"", b"").unwrap();
        let breaking = [
            "fine. x",
            "fine.  x",
            "fine. \"x",
            "fine. (x",
            "fine. ...",
            "next.\"",
            "fine.) x",
            "fine.'",
            "fine.?",
            "Sweden?\"",
            "centres? Are",
            "5? x",
            "a?\"",
            "Really!) x",
            "fine? . . . x",
            "fine?. x",
        ];
        for text in breaking {
            assert!(breaks_with(&english, text), "{text:?}");
        }
        // A spaced ellipsis takes the period (and is an abbreviation); no
        // token after the mark; a separator that is not `string.whitespace`;
        // an abbreviation; a mark that a word goes on from.
        let not_breaking = [
            "fine. . . x",
            "fine. ",
            "fine.\x1cx",
            "mr.\"",
            "mr. x",
            "fine?",
            "fine? ",
            "fine?x",
            "fine!. ",
        ];
        for text in not_breaking {
            assert!(!breaks_with(&english, text), "{text:?}");
        }
    }

    #[test]
    fn numbers_and_initials() {
        let (params, chars) = (params(), ascii_punkt_chars());
        let a = Annotator {
            params: &params,
            chars: &chars,
        };
        for (s, numeric) in [
            ("12", true),
            ("-1,5.", true),
            ("-.5", true),
            ("--5", false),
            (".-5", false),
            ("5a", false),
            ("-", false),
        ] {
            assert_eq!(a.is_numeric(s.as_bytes()), numeric, "{s}");
        }
        assert!(
            a.is_initial(b"J.")
                && !a.is_initial(b"5.")
                && !a.is_initial(b"JS.")
                && !a.is_initial(b".")
        );
    }
}
