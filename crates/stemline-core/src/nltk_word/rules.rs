//! `NLTKWordTokenizer.tokenize` as NLTK 3.10.4 runs it
//! (nltk/tokenize/destructive.py): one `sub` pass per pattern, in NLTK's
//! order, each beside its pattern, on a buffer of code points.
//!
//! This is the definition the rest of [`super`] is checked against. It runs on
//! any stretch of text, told whether the stretch's ends are the text's own
//! ([`Edges`]: where `^` and `$` can match and where `tokenize` adds its
//! spaces); [`super::chunks`] runs it on one whitespace-delimited chunk at a
//! time, with the whitespace character on either side.
//!
//! The patterns are compiled by two engines, and each rule uses its engine's
//! classes ([`CharClasses`]):
//!
//! * STARTING_QUOTES, PUNCTUATION, PARENS_BRACKETS, DOUBLE_DASHES and
//!   ENDING_QUOTES go through `nltk.redos`, which compiles with the `regex`
//!   module: `\w` is [`WORD`], `\s` is [`SPACE`], `\d` is [`REGEX_DIGIT`], and
//!   `(?i)` is `regex`'s ([`CharClasses::matches_regex_ignore_case`]);
//! * CONTRACTIONS2 and CONTRACTIONS3 are compiled with `re.compile`: `\b`
//!   sees [`RE_WORD`], `\s` is [`SPLIT_SPACE`] and `(?i)` is `re`'s
//!   ([`CharClasses::matches_ignore_case`]);
//! * the result is `str.split()`, on [`SPLIT_SPACE`].
//!
//! `$` without `re.MULTILINE` matches at the end and before a final `\n`.

use crate::classes::{CharClasses, REGEX_DIGIT, RE_WORD, SPACE, SPLIT_SPACE, WORD};
use crate::treebank::{
    has_at, is_one_of, open_quotes, pad_each, pad_where, push_ascii, split_clitics, sub,
    sub_literal,
};

pub(crate) const SPACE_CHAR: u32 = b' ' as u32;
const NEWLINE: u32 = b'\n' as u32;
const DOUBLE_QUOTE: u32 = b'"' as u32;
const APOSTROPHE: u32 = b'\'' as u32;
const BACKTICK: u32 = b'`' as u32;
const PERIOD: u32 = b'.' as u32;

/// `«“‘„`: STARTING_QUOTES' `[«“‘„]`.
pub(crate) const OPENING_QUOTES: [u32; 4] = [0xAB, 0x201C, 0x2018, 0x201E];
/// `»”’`: ENDING_QUOTES' `[»”’]`.
pub(crate) const CLOSING_QUOTES: [u32; 3] = [0xBB, 0x201D, 0x2019];
/// `[\u2012-\u2015]`: figure dash, en dash, em dash, horizontal bar.
pub(crate) const DASHES: std::ops::RangeInclusive<u32> = 0x2012..=0x2015;

/// What may follow the final period in the first final-period rule: `]`, `)`,
/// `}`, `>`, `"`, `'`, `»`, `”`, `’` and the space.
pub(crate) fn after_final_period(c: u32) -> bool {
    is_one_of(c, b"])}>\"' ") || c == 0xBB || c == 0x201D || c == 0x2019
}

/// Whether the buffer's ends are the text's ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edges {
    /// The buffer starts the text: `^` matches before its first character, and
    /// `tokenize`'s `" " + text` puts a space there.
    pub first: bool,
    /// The buffer ends the text: `$` matches at its end (and before a final
    /// `\n`), and `text + " "` puts a space there.
    pub last: bool,
}

impl Edges {
    pub const WHOLE: Edges = Edges {
        first: true,
        last: true,
    };
    pub const MIDDLE: Edges = Edges {
        first: false,
        last: false,
    };
}

/// The characters of a buffer that decide which passes can match: most
/// chunks need two or three of the forty passes.
struct Present {
    ascii: u128,
    non_ascii: bool,
    opening_quotes: bool,
    closing_quotes: bool,
    dashes: bool,
}

impl Present {
    fn of(buf: &[u32]) -> Self {
        let mut p = Present {
            ascii: 0,
            non_ascii: false,
            opening_quotes: false,
            closing_quotes: false,
            dashes: false,
        };
        for &c in buf {
            if c < 128 {
                p.ascii |= 1 << c;
                continue;
            }
            p.non_ascii = true;
            if OPENING_QUOTES.contains(&c) {
                p.opening_quotes = true;
            } else if CLOSING_QUOTES.contains(&c) {
                p.closing_quotes = true;
            } else if DASHES.contains(&c) {
                p.dashes = true;
            }
        }
        // The quote rules write backticks (from `"` and `''`) and apostrophes
        // (`"` becomes `''`).
        if p.any(b"\"") {
            p.ascii |= 1 << b'`' | 1 << b'\'';
        }
        if p.any(b"'") {
            p.ascii |= 1 << b'`';
        }
        p
    }

    fn any(&self, set: &[u8]) -> bool {
        set.iter().any(|&c| self.ascii & 1 << c != 0)
    }
}

/// `NLTKWordTokenizer().tokenize` on `buf` in place, up to the final
/// `text.split()` (see [`split`]): the text with spaces inserted and quotes
/// rewritten. `buf` holds the stretch of text with the characters around it
/// that are not the text's ends (see [`Edges`]).
pub fn rewrite(buf: &mut Vec<u32>, edges: Edges, classes: &CharClasses) {
    let present = Present::of(buf);
    let b = buf;

    // STARTING_QUOTES
    // ([«“‘„]|[`]+)  ->  " \1 "
    if present.opening_quotes || present.any(b"`") {
        sub(b, |b, i, out| {
            if OPENING_QUOTES.contains(&b[i]) {
                out.extend([SPACE_CHAR, b[i], SPACE_CHAR]);
                return Some(1);
            }
            let run = b[i..].iter().take_while(|&&c| c == BACKTICK).count();
            (run > 0).then(|| {
                out.push(SPACE_CHAR);
                out.extend_from_slice(&b[i..i + run]);
                out.push(SPACE_CHAR);
                run
            })
        });
    }
    // ^\"  ->  ``
    if edges.first && b.first() == Some(&DOUBLE_QUOTE) {
        b.splice(0..1, [BACKTICK, BACKTICK]);
    }
    // (``)  ->  " \1 "
    if present.any(b"`") {
        sub_literal(b, b"``", b" `` ");
    }
    // ([ \(\[{<])(\"|\'{2})  ->  "\1 `` "
    if present.any(b"\"'") {
        open_quotes(b);
    }
    // (?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)  ->  "\1 "
    if present.any(b"'") {
        sub(b, |b, i, out| {
            let opens = b[i] == APOSTROPHE
                && (i == 0 || !classes.is(b[i - 1], WORD))
                && b.get(i + 1).is_some_and(|&c| classes.is(c, WORD))
                && !starts_clitic(b, i + 1, classes);
            opens.then(|| {
                out.extend([APOSTROPHE, SPACE_CHAR]);
                1
            })
        });
    }

    // PUNCTUATION
    // ([^\.])(\.)([\]\)}>"\'»”’ ]*+)\s*$  ->  "\1 \2 \3 "
    if edges.last && present.any(b".") {
        final_period(b, after_final_period, classes, true);
    }
    // ([:,])([^\d])  ->  " \1 \2"
    if present.any(b":,") {
        sub(b, |b, i, out| {
            let follower = *b.get(i + 1)?;
            (is_one_of(b[i], b":,") && !classes.is(follower, REGEX_DIGIT)).then(|| {
                out.extend([SPACE_CHAR, b[i], SPACE_CHAR, follower]);
                2
            })
        });
    }
    // ([:,])$  ->  " \1 "
    if edges.last && present.any(b":,") {
        let n = b.len();
        // `$` before a final newline comes first, scanning from the left.
        let at = if n >= 2 && b[n - 1] == NEWLINE && is_one_of(b[n - 2], b":,") {
            Some(n - 2)
        } else if n >= 1 && is_one_of(b[n - 1], b":,") {
            Some(n - 1)
        } else {
            None
        };
        if let Some(at) = at {
            let c = b[at];
            b.splice(at..at + 1, [SPACE_CHAR, c, SPACE_CHAR]);
        }
    }
    // \.{2,}  ->  " \g<0> "
    if present.any(b".") {
        sub(b, |b, i, out| {
            let run = b[i..].iter().take_while(|&&c| c == PERIOD).count();
            (run >= 2).then(|| {
                out.push(SPACE_CHAR);
                out.extend_from_slice(&b[i..i + run]);
                out.push(SPACE_CHAR);
                run
            })
        });
    }
    // [;@#$%&]  ->  " \g<0> "
    if present.any(b";@#$%&") {
        pad_each(b, b";@#$%&");
    }
    // [\u2012-\u2015]  ->  " \g<0> "
    if present.dashes {
        pad_where(b, |c| DASHES.contains(&c));
    }
    // ([^\.])(\.)([\]\)}>"\']*)\s*$  ->  "\1 \2\3 "   (the final period)
    if edges.last && present.any(b".") {
        final_period(b, |c| is_one_of(c, b"])}>\"'"), classes, false);
    }
    // [?!]  ->  " \g<0> "
    if present.any(b"?!") {
        pad_each(b, b"?!");
    }
    // ([^'])'   ->  "\1 ' "
    if present.any(b"'") {
        sub(b, |b, i, out| {
            (b[i] != APOSTROPHE && has_at(b, i + 1, b"' ")).then(|| {
                out.push(b[i]);
                push_ascii(out, b" ' ");
                3
            })
        });
    }
    // [*]  ->  " \g<0> "
    if present.any(b"*") {
        pad_each(b, b"*");
    }

    // PARENS_BRACKETS: [\]\[\(\)\{\}\<\>]  ->  " \g<0> "
    // (convert_parentheses maps the padded brackets' tokens afterwards: see
    // `super::convert_parentheses`.)
    if present.any(b"][(){}<>") {
        pad_each(b, b"][(){}<>");
    }
    // DOUBLE_DASHES: --  ->  " -- "
    if present.any(b"-") {
        sub_literal(b, b"--", b" -- ");
    }

    // text = " " + text + " "
    if edges.first {
        b.insert(0, SPACE_CHAR);
    }
    if edges.last {
        b.push(SPACE_CHAR);
    }

    // ENDING_QUOTES
    // ([»”’])  ->  " \1 "
    if present.closing_quotes {
        pad_where(b, |c| CLOSING_QUOTES.contains(&c));
    }
    // ''  ->  " '' "
    if present.any(b"'") {
        sub_literal(b, b"''", b" '' ");
    }
    // "  ->  " '' "
    if present.any(b"\"") {
        sub_literal(b, b"\"", b" '' ");
    }
    // \s+  ->  " "
    collapse_whitespace(b, classes);
    if present.any(b"'") {
        // ([^' ])('[sS]|'[mM]|'[dD]|') ->  "\1 \2 "
        split_clitics(b, &[b"'s", b"'S", b"'m", b"'M", b"'d", b"'D", b"'"]);
        // ([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T)   ->  "\1 \2 "
        split_clitics(
            b,
            &[
                b"'ll", b"'LL", b"'re", b"'RE", b"'ve", b"'VE", b"n't", b"N'T",
            ],
        );
    }

    // CONTRACTIONS2 (re.compile; each  ->  " \1 \2 ")
    // A pass runs only if each of its letters may match a character of the
    // buffer: an ASCII one `(?i)` matches to it, or any non-ASCII one.
    for &(head, tail, ending) in &CONTRACTIONS2 {
        let possible = present.non_ascii
            || head
                .iter()
                .chain(tail)
                .all(|&l| classes.any_ascii_matches_ignore_case(present.ascii, l));
        if possible {
            contraction(b, head, tail, ending, classes);
        }
    }
    // CONTRACTIONS3 (re.compile; each  ->  " \1 \2 ")
    // (?i) ('t)(?#X)(is)\b   and   (?i) ('t)(?#X)(was)\b
    if present.any(b"'") {
        for tail in [&b"is"[..], b"was"] {
            sub(b, |b, i, out| {
                let end = i + 3 + tail.len();
                let matches = b[i] == SPACE_CHAR
                    && matches_letters(b, i + 1, b"'t", classes)
                    && matches_letters(b, i + 3, tail, classes)
                    && re_boundary_after(b, end, classes);
                matches.then(|| {
                    out.push(SPACE_CHAR);
                    out.extend_from_slice(&b[i + 1..i + 3]);
                    out.push(SPACE_CHAR);
                    out.extend_from_slice(&b[i + 3..end]);
                    out.push(SPACE_CHAR);
                    end - i
                })
            });
        }
    }
}

/// How a contraction ends: `\b`, or `(?=\s)` (`wanna`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Boundary,
    Space,
}

/// MacIntyreContractions.CONTRACTIONS2, in order: `(?i)\b(head)(?#X)(tail)\b`.
const CONTRACTIONS2: [(&[u8], &[u8], Ending); 8] = [
    (b"can", b"not", Ending::Boundary),
    (b"d", b"'ye", Ending::Boundary),
    (b"gim", b"me", Ending::Boundary),
    (b"gon", b"na", Ending::Boundary),
    (b"got", b"ta", Ending::Boundary),
    (b"lem", b"me", Ending::Boundary),
    (b"more", b"'n", Ending::Boundary),
    (b"wan", b"na", Ending::Space),
];

/// Whether `b[at..]` starts with `letters`, matched as `re`'s `(?i)` does
/// (the apostrophe matches only itself).
fn matches_letters(b: &[u32], at: usize, letters: &[u8], classes: &CharClasses) -> bool {
    b.len() >= at + letters.len()
        && b[at..at + letters.len()]
            .iter()
            .zip(letters)
            .all(|(&c, &l)| classes.matches_ignore_case(c, l))
}

/// `re`'s `\b` at `at`, after a word character: the text ends or a
/// non-word character follows.
fn re_boundary_after(b: &[u32], at: usize, classes: &CharClasses) -> bool {
    b.get(at).is_none_or(|&c| !classes.is(c, RE_WORD))
}

/// One CONTRACTIONS2 pass: `(?i)\b(head)(?#X)(tail)\b` (or `(?=\s)`)  ->  `" \1 \2 "`.
fn contraction(b: &mut Vec<u32>, head: &[u8], tail: &[u8], ending: Ending, classes: &CharClasses) {
    let len = head.len() + tail.len();
    if b.len() < len {
        return;
    }
    sub(b, |b, i, out| {
        let end = i + len;
        // Every head starts with a letter, a word character: `\b` before it is
        // the start of the text or a non-word character.
        let matches = (i == 0 || !classes.is(b[i - 1], RE_WORD))
            && matches_letters(b, i, head, classes)
            && matches_letters(b, i + head.len(), tail, classes)
            && match ending {
                Ending::Boundary => re_boundary_after(b, end, classes),
                Ending::Space => b.get(end).is_some_and(|&c| classes.is(c, SPLIT_SPACE)),
            };
        matches.then(|| {
            out.push(SPACE_CHAR);
            out.extend_from_slice(&b[i..i + head.len()]);
            out.push(SPACE_CHAR);
            out.extend_from_slice(&b[i + head.len()..end]);
            out.push(SPACE_CHAR);
            len
        })
    });
}

/// The clitics of `(?i)(?!(?:re|ve|ll|m|t|s|d|n)\b)`, in `regex`'s `(?i)`.
const CLITICS: [&[u8]; 8] = [b"re", b"ve", b"ll", b"m", b"t", b"s", b"d", b"n"];

/// Whether one of [`CLITICS`] starts at `at`, followed by `regex`'s `\b`.
fn starts_clitic(b: &[u32], at: usize, classes: &CharClasses) -> bool {
    CLITICS.iter().any(|clitic| {
        let end = at + clitic.len();
        b.len() >= end
            && b[at..end]
                .iter()
                .zip(clitic.iter())
                .all(|(&c, &l)| classes.matches_regex_ignore_case(c, l))
            // \b between the clitic's last letter and what follows.
            && classes.is(b[end - 1], WORD) != b.get(end).is_some_and(|&c| classes.is(c, WORD))
    })
}

/// The two final-period rules on the text's last stretch:
/// `([^\.])(\.)(CLOSERS*)\s*$` with `closers` the class after the period.
/// `spaced` is the first rule (`\1 \2 \3 `, a possessive `*+` whose class
/// holds the space), otherwise the second (`\1 \2\3 `).
///
/// Every character after the matched period is a closer or whitespace, so it
/// is the text's last period; the closers run to the first character that is
/// not one (possessive or greedy alike: whitespace is no closer, except the
/// first rule's space, which both classes accept), and from there to the end
/// there must be whitespace only, which `\s*` takes whole (greedy, before `$`
/// is tried before a final newline) and the replacement drops.
fn final_period(
    b: &mut Vec<u32>,
    closers: impl Fn(u32) -> bool,
    classes: &CharClasses,
    spaced: bool,
) {
    let Some(p) = b.iter().rposition(|&c| c == PERIOD) else {
        return;
    };
    if p == 0 || b[p - 1] == PERIOD {
        return;
    }
    let mut j = p + 1;
    while j < b.len() && closers(b[j]) {
        j += 1;
    }
    if !b[j..].iter().all(|&c| classes.is(c, SPACE)) {
        return;
    }
    b.truncate(j);
    let after: Vec<u32> = b.drain(p + 1..).collect();
    b.truncate(p);
    b.push(SPACE_CHAR);
    b.push(PERIOD);
    if spaced {
        b.push(SPACE_CHAR);
    }
    b.extend(after);
    b.push(SPACE_CHAR);
}

/// `\s+`  ->  `" "`.
fn collapse_whitespace(b: &mut Vec<u32>, classes: &CharClasses) {
    sub(b, |b, i, out| {
        if !classes.is(b[i], SPACE) {
            return None;
        }
        let run = b[i..].iter().take_while(|&&c| classes.is(c, SPACE)).count();
        // A lone space is already what it would become.
        (run > 1 || b[i] != SPACE_CHAR).then(|| {
            out.push(SPACE_CHAR);
            run
        })
    });
}

/// `text.split()`: the tokens of a rewritten buffer.
pub fn split<'a>(b: &'a [u32], classes: &'a CharClasses) -> impl Iterator<Item = &'a [u32]> {
    b.split(|&c| classes.is(c, SPLIT_SPACE))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::classes::testing::ascii_classes;

    pub(crate) fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    pub(crate) fn string(t: &[u32]) -> String {
        t.iter().map(|&c| char::from_u32(c).unwrap()).collect()
    }

    /// The whole text's tokens, as `NLTKWordTokenizer().tokenize(text)`.
    pub(crate) fn tokenize(text: &str, classes: &CharClasses) -> Vec<String> {
        let mut b = cps(text);
        rewrite(&mut b, Edges::WHOLE, classes);
        split(&b, classes).map(string).collect()
    }

    /// Expected values computed with NLTK 3.10.4 (the differential tests in
    /// Python check far more; these pin each rule for the core's own tests).
    #[test]
    fn each_rule_as_nltk_applies_it() {
        let classes = ascii_classes();
        let cases: &[(&str, &[&str])] = &[
            (
                "Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.",
                &[
                    "Good", "muffins", "cost", "$", "3.88", "(", "roughly", "3,36", "euros", ")",
                    "in", "New", "York.", "Please", "buy", "me", "two", "of", "them.", "Thanks",
                    ".",
                ],
            ),
            ("'''", &["''", "'"]),
            ("He said. \" ) '", &["He", "said.", "``", ")", "'"]),
            ("a,,\n", &["a", ",", ","]),
            ("\"Hello\"", &["``", "Hello", "''"]),
            ("'tis 'Twas", &["'", "tis", "'", "Twas"]),
            ("wanna\n", &["wan", "na"]),
            ("cannot.", &["can", "not", "."]),
            ("d'ye", &["d", "'ye"]),
            ("more'n", &["more", "'n"]),
            ("'re 're", &["'re", "'re"]),
            ("x\u{2013}y", &["x", "\u{2013}", "y"]),
            ("a...b..c", &["a", "...", "b", "..", "c"]),
            ("I've", &["I", "'ve"]),
            ("\u{2018}Hi\u{2019} \u{ab}yo\u{bb}", &["\u{2018}", "Hi", "\u{2019}", "\u{ab}", "yo", "\u{bb}"]),
            ("a ``` b", &["a", "``", "`", "b"]),
            ("it's 'em", &["it", "'s", "'", "em"]),
            ("\x1c'", &["'"]),
            ("x.\x1c", &["x."]),
        ];
        for (text, expected) in cases {
            assert_eq!(tokenize(text, &classes), *expected, "{text:?}");
        }
    }
}
