//! The Treebank word tokenizer's rules, applied one run at a time.
//!
//! The reference joins the runs of `wordpunct_tokenize` with single spaces and
//! runs `TreebankWordTokenizer` over the whole joined string: a sequence of
//! regex substitutions that only ever insert spaces or rewrite quotes. Every
//! rule's match lies inside one run plus the separator space on either side,
//! so applying the rules to each run with its neighbouring spaces gives the
//! same tokens as applying them to the whole string. The one thing a run cannot
//! see locally is whether it starts or ends the text (`^` and `$` anchors),
//! which is why a punctuation run's result depends on its [`Position`].
//!
//! Each rule below is written as one `re.sub` pass, in the order of NLTK's
//! `tokenize` (nltk/tokenize/treebank.py), with the pattern in a comment.

use std::cell::Cell;

use crate::classes::{CharClasses, RE_WORD};

const SPACE: u32 = b' ' as u32;
const DOUBLE_QUOTE: u32 = b'"' as u32;
const APOSTROPHE: u32 = b'\'' as u32;
const BACKTICK: u32 = b'`' as u32;
const PERIOD: u32 = b'.' as u32;

/// Where a run stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// No run comes before it (the joined string's `^` is its first character).
    pub first: bool,
    /// No run comes after it (the joined string's `$` is after its last character).
    pub last: bool,
}

#[inline]
pub(crate) fn is_one_of(c: u32, set: &[u8]) -> bool {
    c < 128 && set.contains(&(c as u8))
}

/// Whether `buf[i..]` starts with the ASCII string `s`.
#[inline]
pub(crate) fn has_at(buf: &[u32], i: usize, s: &[u8]) -> bool {
    buf.len() >= i + s.len()
        && buf[i..i + s.len()]
            .iter()
            .zip(s)
            .all(|(&c, &b)| c == b as u32)
}

pub(crate) fn push_ascii(out: &mut Vec<u32>, s: &[u8]) {
    out.extend(s.iter().map(|&b| b as u32));
}

/// One `re.sub` pass of a pattern that never matches the empty string, in
/// place. At each position `rule` either appends the replacement to `out` and
/// returns how many code points it matched, or returns `None` and writes
/// nothing; scanning resumes after a match, so matches never overlap, as in
/// `re.sub`. A pass that matches nothing leaves `buf` as it is, without a copy.
pub(crate) fn sub(
    buf: &mut Vec<u32>,
    mut rule: impl FnMut(&[u32], usize, &mut Vec<u32>) -> Option<usize>,
) {
    let mut out = SPARE.take();
    out.clear();
    let mut matched = false;
    let mut copied = 0;
    let mut i = 0;
    while i < buf.len() {
        let mark = out.len();
        match rule(buf, i, &mut out) {
            Some(len) => {
                if !matched {
                    out.reserve(buf.len() + 8);
                    matched = true;
                }
                // The text since the last match goes before this replacement.
                out.splice(mark..mark, buf[copied..i].iter().copied());
                i += len;
                copied = i;
            }
            None => i += 1,
        }
    }
    if matched {
        out.extend_from_slice(&buf[copied..]);
        std::mem::swap(buf, &mut out);
    }
    if out.capacity() <= MAX_SPARE {
        SPARE.set(out);
    }
}

thread_local! {
    /// The buffer a [`sub`] pass writes to, kept for the next pass (the
    /// replaced one, when the pass matched): a pass that matches allocated
    /// a new buffer otherwise, and most chunks the rules compute take two
    /// or three such passes.
    static SPARE: Cell<Vec<u32>> = const { Cell::new(Vec::new()) };
}

/// The largest [`SPARE`] kept, in code points: a stretch's buffer is about a
/// piece (see `nltk_word::PIECE_BYTES`) at most, a chunk's far less.
const MAX_SPARE: usize = 1 << 16;

/// A pass replacing every occurrence of the ASCII literal `pattern` with `replacement`.
pub(crate) fn sub_literal(buf: &mut Vec<u32>, pattern: &[u8], replacement: &[u8]) {
    sub(buf, |b, i, out| {
        has_at(b, i, pattern).then(|| {
            push_ascii(out, replacement);
            pattern.len()
        })
    })
}

/// A pass padding every character of `set` with a space on each side (`r" \g<0> "`).
pub(crate) fn pad_each(buf: &mut Vec<u32>, set: &[u8]) {
    pad_where(buf, |c| is_one_of(c, set))
}

/// A pass padding every character for which `pads` holds with a space on each side.
pub(crate) fn pad_where(buf: &mut Vec<u32>, pads: impl Fn(u32) -> bool) {
    sub(buf, |b, i, out| {
        pads(b[i]).then(|| {
            out.extend([SPACE, b[i], SPACE]);
            1
        })
    })
}

/// `([ \(\[{<])(\"|\'{2})` -> `\1 `` `: a quote after a space or an opening
/// bracket opens (the Treebank tokenizer's and `NLTKWordTokenizer`'s rule).
pub(crate) fn open_quotes(buf: &mut Vec<u32>) {
    sub(buf, |b, i, out| {
        if !is_one_of(b[i], b" ([{<") {
            return None;
        }
        let quote = if has_at(b, i + 1, b"\"") {
            1
        } else if has_at(b, i + 1, b"''") {
            2
        } else {
            return None;
        };
        out.push(b[i]);
        push_ascii(out, b" `` ");
        Some(1 + quote)
    })
}

/// `([^' ])(alt1|alt2|...) ` -> `\1 \2 `: split a clitic off what precedes it.
pub(crate) fn split_clitics(buf: &mut Vec<u32>, alternatives: &[&[u8]]) {
    sub(buf, |b, i, out| {
        if is_one_of(b[i], b"' ") {
            return None;
        }
        let alt = alternatives
            .iter()
            .find(|alt| has_at(b, i + 1, alt) && has_at(b, i + 1 + alt.len(), b" "))?;
        out.extend([b[i], SPACE]);
        push_ascii(out, alt);
        out.push(SPACE);
        Some(1 + alt.len() + 1)
    })
}

/// The ASCII characters that can occur in a punctuation run's buffer while
/// the rules rewrite it: the run's own, plus the backtick and apostrophe that
/// the quote rules write (from a double quote or an apostrophe). A rule whose
/// pattern needs a character that cannot occur is skipped: most runs (`,`,
/// `.`, `://`) need two or three of the twenty passes, and each pass copies
/// the buffer.
struct Present(u128);

impl Present {
    fn of(run: &[u32]) -> Self {
        let bit = |c: u8| 1u128 << c;
        let mut mask = run
            .iter()
            .filter(|&&c| c < 128)
            .fold(0, |mask, &c| mask | 1u128 << c);
        if mask & (bit(b'"') | bit(b'\'')) != 0 {
            mask |= bit(b'`') | bit(b'\'');
        }
        Present(mask)
    }

    /// Whether any character of `set` can occur.
    fn any(&self, set: &[u8]) -> bool {
        set.iter().any(|&c| self.0 & 1u128 << c != 0)
    }
}

/// The Treebank rules on one punctuation run, in its position. Returns the
/// run with spaces inserted (and quotes rewritten); the caller splits it.
pub fn punct_run(run: &[u32], pos: Position) -> Vec<u32> {
    punct_run_after(run, pos, !pos.first)
}

/// [`punct_run`] on a piece of a long run that continues the previous piece
/// without a space between them (see [`glued_cut`]).
pub fn punct_piece_glued(piece: &[u32], last: bool) -> Vec<u32> {
    punct_run_after(piece, Position { first: false, last }, false)
}

/// Whether a long run cut at byte `i` (see [`next_punct_cut`]) continues
/// without a space: between two double quotes or two apostrophes. A space
/// there would make what follows an opening quote (`"` or `''` after a
/// space); with nothing before it, as after a `"` or `'`, no rule that reads
/// the character before a quote matches, and the quote before the cut is
/// padded with spaces on its own (`"` and each pair `''` become ` '' `), so
/// no rule reads the one after it either.
pub fn glued_cut(run: &[u8], i: usize) -> bool {
    i > 0 && matches!(run[i - 1], b'"' | b'\'') && run.get(i) == Some(&run[i - 1])
}

/// [`punct_run`], with a space before the run if `space_before`.
fn punct_run_after(run: &[u32], pos: Position, space_before: bool) -> Vec<u32> {
    let present = Present::of(run);
    // The joined string puts one space between runs: a run sees a space before
    // it unless it is first, and after it unless it is last.
    let mut b = Vec::with_capacity(run.len() + 2);
    if space_before {
        b.push(SPACE);
    }
    b.extend_from_slice(run);
    if !pos.last {
        b.push(SPACE);
    }

    // STARTING_QUOTES
    // ^\"  ->  ``
    if pos.first && b.first() == Some(&DOUBLE_QUOTE) {
        b.splice(0..1, [BACKTICK, BACKTICK]);
    }
    // (``)  ->  " \1 "
    if present.any(b"`") {
        sub_literal(&mut b, b"``", b" `` ");
    }
    // ([ \(\[{<])(\"|\'{2})  ->  "\1 `` "
    if present.any(b"\"'") {
        open_quotes(&mut b);
    }

    // PUNCTUATION
    // ([:,])([^\d])  ->  " \1 \2"   (nothing in a punctuation run or its
    // surrounding spaces is a digit: digits are word characters)
    if present.any(b":,") {
        sub(&mut b, |b, i, out| {
            (is_one_of(b[i], b":,") && i + 1 < b.len()).then(|| {
                out.extend([SPACE, b[i], SPACE, b[i + 1]]);
                2
            })
        });
    }
    // ([:,])$  ->  " \1 "
    if pos.last {
        if let Some(&c) = b.last() {
            if is_one_of(c, b":,") {
                b.pop();
                b.extend([SPACE, c, SPACE]);
            }
        }
    }
    // \.\.\.  ->  " ... "
    if present.any(b".") {
        sub_literal(&mut b, b"...", b" ... ");
    }
    // [;@#$%&]  ->  " \g<0> "
    if present.any(b";@#$%&") {
        pad_each(&mut b, b";@#$%&");
    }
    // ([^\.])(\.)([\]\)}>"\']*)\s*$  ->  "\1 \2\3 "   (the final period)
    if pos.last {
        final_period(&mut b);
    }
    // [?!]  ->  " \g<0> "
    if present.any(b"?!") {
        pad_each(&mut b, b"?!");
    }
    // ([^'])'   ->  "\1 ' "
    if present.any(b"'") {
        sub(&mut b, |b, i, out| {
            (b[i] != APOSTROPHE && has_at(b, i + 1, b"' ")).then(|| {
                out.push(b[i]);
                push_ascii(out, b" ' ");
                3
            })
        });
    }

    // PARENS_BRACKETS: [\]\[\(\)\{\}\<\>]  ->  " \g<0> "
    if present.any(b"][(){}<>") {
        pad_each(&mut b, b"][(){}<>");
    }
    // DOUBLE_DASHES: --  ->  " -- "
    if present.any(b"-") {
        sub_literal(&mut b, b"--", b" -- ");
    }

    // text = " " + text + " "
    if pos.first {
        b.insert(0, SPACE);
    }
    if pos.last {
        b.push(SPACE);
    }

    // ENDING_QUOTES
    // ''  ->  " '' "
    if present.any(b"'") {
        sub_literal(&mut b, b"''", b" '' ");
    }
    // "  ->  " '' "
    if present.any(b"\"") {
        sub_literal(&mut b, b"\"", b" '' ");
    }
    // Every clitic below holds an apostrophe.
    if present.any(b"'") {
        // ([^' ])('[sS]|'[mM]|'[dD]|')   ->  "\1 \2 "
        split_clitics(&mut b, &[b"'s", b"'S", b"'m", b"'M", b"'d", b"'D", b"'"]);
        // ([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T)   ->  "\1 \2 "
        split_clitics(
            &mut b,
            &[
                b"'ll", b"'LL", b"'re", b"'RE", b"'ve", b"'VE", b"n't", b"N'T",
            ],
        );
    }

    // CONTRACTIONS2 and CONTRACTIONS3 need letters, which a punctuation run
    // never holds; see `word_run`.
    b
}

/// Every character a Treebank rule's pattern names (a rule's other
/// characters are letters, which a punctuation run never holds): a
/// punctuation run without any is one token, whatever its position.
pub const RULE_CHARS: &[u8] = b"\"'`.,:;@#$%&?![](){}<>-";

/// The characters a rule pads with a space on each side wherever they stand,
/// before the apostrophe rule (`[;@#$%&]`, `[?!]`) ...
const PADDED_EARLY: &[u8] = b";@#$%&?!";
/// ... and after it (PARENS_BRACKETS).
const PADDED_LATE: &[u8] = b"][(){}<>";
/// The characters before which a quote opens, as after a space.
const OPENERS: &[u8] = b"([{<";

/// Whether the Treebank rules give a punctuation run the same tokens when it
/// is cut between `before` and `after` (bytes of generalized UTF-8) and each
/// side is processed as a run of its own: the cut puts a space between them
/// (except a glued cut, see [`glued_cut`]), so it is safe where the whole
/// run's rules leave a token boundary there and no rule's match reaches
/// across it. `same` is the length of the stretch of `before` that ends with
/// it, counted from the stretch's start or from an earlier safe cut.
/// The exhaustive tests below check every cut of every short run.
///
/// * A character of `[;@#$%&?!]` after the cut is padded before any rule
///   reads its neighbour's space, so any character may precede it; a bracket
///   is padded only after `([^'])' ` (an apostrophe before a space splits), so
///   it may follow anything but an apostrophe.
/// * Before the cut, a padded character may be followed by anything but a
///   quote: `"` and `''` after a space (not after `?` or `)`) open a quote;
///   after an opening bracket they open one anyway.
/// * `,` and `:` are padded with the character that follows them, so a cut
///   before one is safe unless it follows another, which may have taken it
///   (`,,` pairs up left to right).
/// * `...` is replaced left to right and `--` likewise, so a stretch of dots
///   may be cut after each third dot and one of dashes after each second.
/// * Between two double quotes, and after each second apostrophe of a
///   stretch (`''` pair up left to right), a cut is safe with no space.
///
/// Every other rule's match either holds a character no safe cut is next to
/// (`,` `:` consume their follower, quotes and backticks pair up) or is the
/// final-period rule, which [`last_cut_limit`] keeps in one piece.
#[inline]
fn safe_cut(before: u8, after: u8, same: usize) -> bool {
    if after & 0xC0 == 0x80 {
        return false; // inside a character
    }
    PADDED_EARLY.contains(&after)
        || (PADDED_LATE.contains(&after) && before != b'\'')
        || ((PADDED_EARLY.contains(&before) || PADDED_LATE.contains(&before))
            && ((after != b'"' && after != b'\'') || OPENERS.contains(&before)))
        || (b",:".contains(&after) && !b",:".contains(&before))
        || (before == b'"' && after == b'"')
        || (before == after
            && match before {
                b'.' => same.is_multiple_of(3),
                b'-' | b'\'' => same.is_multiple_of(2),
                _ => false,
            })
}

/// The byte offset past which a run that ends the text must not be cut: the
/// final-period rule `([^\.])(\.)([\]\)}>"\']*)\s*$` matches the run's last
/// period that only closing brackets and quotes follow, with the character
/// before it, so that stretch stays in the last piece. The run's length when
/// no such period exists (any cut is allowed).
pub fn last_cut_limit(run: &[u8]) -> usize {
    let mut i = run.len();
    while i > 0 && b"])}>\"'".contains(&run[i - 1]) {
        i -= 1;
    }
    if i == 0 || run[i - 1] != b'.' {
        return run.len();
    }
    // The character before the period starts at the last byte before it that
    // does not continue a sequence.
    let mut before = i - 1;
    while before > 0 {
        before -= 1;
        if run[before] & 0xC0 != 0x80 {
            break;
        }
    }
    before
}

/// The first offset in `from..=limit` (and after `start`) at which the
/// punctuation run `run` (generalized UTF-8) can be cut, the part from
/// `start` (the run's start or an earlier cut) being processed apart from
/// the rest; `run.len()` when there is none. See [`safe_cut`].
pub fn next_punct_cut(run: &[u8], start: usize, from: usize, limit: usize) -> usize {
    let mut same = 0;
    // Never after the run's first character: a `"` that starts the text
    // becomes `` ``` `` padded with spaces before the rules that read what
    // precedes a `"`, so a glued cut after it would not be safe.
    let from = from.max(start + 1).max(2);
    for i in start..run.len().min(limit + 1) {
        if i >= from && safe_cut(run[i - 1], run[i], same) {
            return i;
        }
        same = if i > start && run[i] == run[i - 1] {
            same + 1
        } else {
            1
        };
    }
    run.len()
}

/// `([^\.])(\.)([\]\)}>"\']*)\s*$  ->  "\1 \2\3 "` on the last run.
fn final_period(b: &mut Vec<u32>) {
    // Only the last period can be followed by nothing but closing brackets and
    // quotes and then whitespace (only inserted spaces: a run holds none), so
    // the match, if any, is unique and found from the end.
    let mut end = b.len();
    while end > 0 && b[end - 1] == SPACE {
        end -= 1;
    }
    let mut closers = end;
    while closers > 0 && is_one_of(b[closers - 1], b"])}>\"'") {
        closers -= 1;
    }
    if closers >= 2 && b[closers - 1] == PERIOD && b[closers - 2] != PERIOD {
        let tail: Vec<u32> = b[closers..end].to_vec();
        b.truncate(closers - 1);
        b.extend([SPACE, PERIOD]);
        b.extend(tail);
        b.push(SPACE);
    }
}

/// CONTRACTIONS2 that can match inside a word run: `(?i)\b(can)(not)\b` and its
/// kin. The other two, `d'ye` and `more'n`, and CONTRACTIONS3 (`'tis`,
/// `'twas`) contain an apostrophe, which `wordpunct_tokenize` always separates
/// from letters, so they never match. The flag marks `(?=\s)` in place of the
/// closing `\b` (`wanna`).
const CONTRACTIONS: [(&[u8], &[u8], bool); 6] = [
    (b"can", b"not", false),
    (b"gim", b"me", false),
    (b"gon", b"na", false),
    (b"got", b"ta", false),
    (b"lem", b"me", false),
    (b"wan", b"na", true),
];

/// Whether the contraction rules' case-insensitive match, on ASCII, is
/// exactly ASCII lower-casing (as in Python's `re`), which
/// [`is_contraction`] relies on.
pub fn ascii_case_folds_plainly(classes: &CharClasses) -> bool {
    CONTRACTIONS
        .iter()
        .flat_map(|(head, tail, _)| head.iter().chain(tail.iter()))
        .all(|&letter| {
            (0..128u8).all(|c| {
                classes.matches_ignore_case(c as u32, letter) == (c.to_ascii_lowercase() == letter)
            })
        })
}

/// Whether a contraction rule could split `word`, a word run of lower-case
/// ASCII word characters (one `re` word, so only a whole-word match counts).
/// The byte-level path leaves such a run to [`word_run`].
#[inline]
pub fn is_contraction(word: &[u8]) -> bool {
    // Every contraction has five or six letters: most words leave here.
    (5..=6).contains(&word.len())
        && CONTRACTIONS.iter().any(|(head, tail, _)| {
            word.len() == head.len() + tail.len() && word.starts_with(head) && word.ends_with(tail)
        })
}

/// The contraction rules on one word run: returns the run with spaces around
/// the parts of each contraction, or `None` if no rule matches.
///
/// These rules are compiled with the standard `re` module, not `regex`, so
/// their `\b` sees `re`'s word characters: a run of `regex` word characters can
/// hold several `re` words (a combining mark is a `regex` word character but
/// not an `re` one), and each is matched on its own.
pub fn word_run(run: &[u32], classes: &CharClasses) -> Option<Vec<u32>> {
    let mut out: Option<Vec<u32>> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < run.len() {
        if !classes.is(run[i], RE_WORD) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < run.len() && classes.is(run[j], RE_WORD) {
            j += 1;
        }
        let word = &run[i..j];
        // An `re` word inside the run is followed by a character that is a
        // `regex` word character, never whitespace; only at the end of the run
        // does the separator space satisfy `(?=\s)`.
        let rule = CONTRACTIONS.iter().find(|(head, tail, needs_space)| {
            word.len() == head.len() + tail.len()
                && word
                    .iter()
                    .zip(head.iter().chain(tail.iter()))
                    .all(|(&c, &letter)| classes.matches_ignore_case(c, letter))
                && (!needs_space || j == run.len())
        });
        if let Some((head, _, _)) = rule {
            let buf = out.get_or_insert_with(|| Vec::with_capacity(run.len() + 4));
            buf.extend_from_slice(&run[copied..i]);
            buf.push(SPACE);
            buf.extend_from_slice(&word[..head.len()]);
            buf.push(SPACE);
            buf.extend_from_slice(&word[head.len()..]);
            buf.push(SPACE);
            copied = j;
        }
        i = j;
    }
    let mut buf = out?;
    buf.extend_from_slice(&run[copied..]);
    Some(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::testing::ascii_classes;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn split(buf: &[u32]) -> Vec<String> {
        buf.split(|&c| c == SPACE)
            .filter(|p| !p.is_empty())
            .map(|p| p.iter().map(|&c| char::from_u32(c).unwrap()).collect())
            .collect()
    }

    fn punct(s: &str, first: bool, last: bool) -> Vec<String> {
        split(&punct_run(&cps(s), Position { first, last }))
    }

    #[test]
    fn double_quotes_follow_their_neighbours() {
        // with".  ->  with `` .
        assert_eq!(punct("\".", false, true), ["``", "."]);
        // forever."  ->  forever . ''
        assert_eq!(punct(".\"", false, true), [".", "''"]);
        // x,"  ->  x , ''
        assert_eq!(punct(",\"", false, true), [",", "''"]);
        // ("x")  ->  ( `` x `` )
        assert_eq!(punct("(\"", true, false), ["(", "``"]);
        assert_eq!(punct("\")", false, true), ["``", ")"]);
    }

    #[test]
    fn the_final_period_rule_only_applies_at_the_end() {
        assert_eq!(punct("'.", false, true), ["'", "."]);
        assert_eq!(punct("'.", false, false), ["'."]);
        assert_eq!(punct(".", true, true), ["."]);
    }

    #[test]
    fn commas_consume_their_follower() {
        assert_eq!(punct(",,.", true, true), [",", ",", "."]);
        assert_eq!(punct(",,.", false, false), [",", ",."]);
    }

    /// The tokens of `run` processed whole, and cut at every offset
    /// [`next_punct_cut`] allows (each piece a run of its own).
    fn whole_and_cut(run: &str, pos: Position) -> (Vec<String>, Vec<String>) {
        let bytes = run.as_bytes();
        let whole = split(&punct_run(&cps(run), pos));
        let limit = if pos.last {
            last_cut_limit(bytes)
        } else {
            bytes.len()
        };
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < bytes.len() {
            let end = next_punct_cut(bytes, start, start + 1, limit);
            let piece_pos = Position {
                first: pos.first && start == 0,
                last: pos.last && end == bytes.len(),
            };
            let piece = cps(&run[start..end]);
            pieces.extend(split(&if glued_cut(bytes, start) {
                punct_piece_glued(&piece, piece_pos.last)
            } else {
                punct_run(&piece, piece_pos)
            }));
            start = end;
        }
        (whole, pieces)
    }

    const POSITIONS: [Position; 4] = [
        Position {
            first: false,
            last: false,
        },
        Position {
            first: true,
            last: false,
        },
        Position {
            first: false,
            last: true,
        },
        Position {
            first: true,
            last: true,
        },
    ];

    /// Characters every rule treats alike with each rule's characters.
    const ALPHABET: [&str; 16] = [
        ";", "?", "(", ")", "<", "'", "\"", "`", ",", ":", ".", "-", "*", "\u{e9}", "\x1c", "&",
    ];

    fn check_cuts(run: &str) {
        for pos in POSITIONS {
            let (whole, pieces) = whole_and_cut(run, pos);
            assert_eq!(pieces, whole, "{run:?} {pos:?}");
        }
    }

    #[test]
    fn cutting_at_every_safe_place_keeps_the_tokens_of_every_short_run() {
        let mut runs = vec![String::new()];
        for _ in 0..4 {
            runs = runs
                .iter()
                .flat_map(|r| ALPHABET.iter().map(move |c| format!("{r}{c}")))
                .collect();
            runs.iter().for_each(|r| check_cuts(r));
        }
    }

    #[test]
    fn cutting_at_every_safe_place_keeps_the_tokens_of_longer_runs() {
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15_u64);
        let mut cut = 0;
        for _ in 0..60_000 {
            let len = 5 + next() % 14;
            // Biased toward one or two characters, so that long stretches of
            // dots, dashes, quotes and commas occur.
            let (a, b) = (next() % ALPHABET.len(), next() % ALPHABET.len());
            let run: String = (0..len)
                .map(|_| match next() % 4 {
                    0 => ALPHABET[next() % ALPHABET.len()],
                    1 | 2 => ALPHABET[a],
                    _ => ALPHABET[b],
                })
                .collect();
            check_cuts(&run);
            cut += usize::from(next_punct_cut(run.as_bytes(), 0, 1, run.len()) < run.len());
        }
        assert!(cut > 20_000, "only {cut} runs had a safe cut");
        for n in 1..40 {
            for unit in [
                ".", "-", "?!-", "...)", "-(", "'?", "*;*", "\"", "\"'", "(\"", "'", "(''", "'\"",
                "?''",
            ] {
                check_cuts(&unit.repeat(n));
            }
        }
    }

    #[test]
    fn quotes_are_cut_with_no_space() {
        let quotes = "\"".repeat(10);
        assert_eq!(next_punct_cut(quotes.as_bytes(), 0, 5, 10), 5);
        assert!(glued_cut(quotes.as_bytes(), 5));
        let apostrophes = "'".repeat(10);
        // After each second apostrophe: `''` pair up from the left.
        assert_eq!(next_punct_cut(apostrophes.as_bytes(), 0, 5, 10), 6);
        assert_eq!(next_punct_cut(apostrophes.as_bytes(), 6, 7, 10), 8);
        assert!(glued_cut(apostrophes.as_bytes(), 6));
        assert!(!glued_cut(b"?!", 1));
    }

    #[test]
    fn the_final_period_stays_in_the_last_piece() {
        assert_eq!(last_cut_limit(b"?*.))"), 1);
        assert_eq!(last_cut_limit(b".)"), 0);
        assert_eq!(last_cut_limit(b"?*)"), 3);
        assert_eq!(last_cut_limit("?\u{e9}.".as_bytes()), 1);
    }

    #[test]
    fn contractions_split_case_insensitively() {
        let classes = ascii_classes();
        let split_word = |s: &str| word_run(&cps(s), &classes).map(|b| split(&b));
        assert_eq!(split_word("CanNot"), Some(vec!["Can".into(), "Not".into()]));
        assert_eq!(split_word("wanna"), Some(vec!["wan".into(), "na".into()]));
        assert_eq!(split_word("cannots"), None);
        assert_eq!(split_word("gotcha"), None);
        for word in ["cannot", "gimme", "gonna", "gotta", "lemme", "wanna"] {
            assert!(is_contraction(word.as_bytes()), "{word}");
            assert!(word_run(&cps(word), &classes).is_some(), "{word}");
        }
        for word in ["cannots", "gotcha", "can", "not", "wannabe"] {
            assert!(!is_contraction(word.as_bytes()), "{word}");
        }
    }
}
