//! The text as whitespace-delimited chunks, each with the little context its
//! tokens depend on.
//!
//! A chunk is a maximal run of characters that are not `regex`'s `\s`. The
//! rules of [`super::rules`] give the whole text's tokens when they are run on
//! one chunk at a time, with the whitespace character on either side of it,
//! and on the *tail* (the last chunk, with what the final-period rule can
//! reach) in one piece. Rule by rule, why (every rule only inserts spaces or
//! rewrites quotes, so a chunk's characters stay where they are):
//!
//! * Every rule's match lies inside one chunk, or reads one whitespace
//!   character beside it, and gives it back unchanged:
//!   - `([ \(\[{<])(\"|\'{2})` reads the character before a quote: only a
//!     space (U+0020) matches, so a chunk needs to know whether the
//!     character before it is a space ([`Before::Space`]) or other
//!     whitespace ([`Before::Other`]);
//!   - `(?<!\w)'`, `(?=\w)` and `\b` see whitespace as a non-word character,
//!     whichever it is, as they see the text's ends;
//!   - `([:,])([^\d])` takes the whitespace after a chunk as its follower and
//!     writes it back; no match of the same pass starts on whitespace;
//!   - `([^'])' ` needs a space (U+0020) after an apostrophe, so a chunk
//!     needs to know whether it is followed by one ([`After::Space`]) or by
//!     other whitespace ([`After::Other`]); its `([^'])` may take the space
//!     before the next chunk, which then cannot start a match of its own: the
//!     chunk on its own inserts one more space before its apostrophe, and
//!     neither that space nor the lack of it changes a token or any later
//!     rule's match (the exhaustive tests below prove it on short texts);
//!   - `\s+ -> " "` makes every whitespace run a single space, after which the
//!     clitic and contraction rules see a space on both sides of every chunk
//!     (`tokenize` adds one at the text's ends).
//! * `^\"` matches only at the text's first character: the first chunk knows
//!   it starts the text ([`Before::Start`]).
//! * The rules with `$`, `([:,])$` and the two final-period rules, can only
//!   match at the text's end: `([:,])$` on the last chunk; the second
//!   final-period rule on the last chunk (its closers hold no space); the
//!   first one's closers hold the space, so from the text's last period they
//!   may run over the chunks after it if those are made of closers only
//!   (`]})>"'»”’`) and separated by spaces only. The tail is therefore the last
//!   chunk, extended to the chunks before it while they are followed, through
//!   spaces only, by chunks of closers only ([`tail_start`]); it is
//!   processed in one piece, with its real trailing whitespace.
//!
//! A chunk's output depends on the character before it only if it starts
//! with a quote (`"` or `'`), and on the one after it only if it ends with an
//! apostrophe: every other chunk is cached under its own bytes
//! ([`cache_key`]); the tests check every short chunk in every context.

use crate::classes::{CharClasses, SPACE, SPLIT_SPACE};
use crate::codepoints::{decode_at, is_string_whitespace};
use crate::wordpunct::ascii_word_len;

use super::rules::{after_final_period, CLOSING_QUOTES, DASHES, OPENING_QUOTES};

/// The character before a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Before {
    /// None: the chunk starts the text.
    Start,
    /// A space, U+0020.
    Space,
    /// Any other whitespace.
    Other,
}

/// The character after a chunk that is not the tail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum After {
    /// A space, U+0020.
    Space,
    /// Any other whitespace.
    Other,
}

/// The code point that stands for [`Before::Other`] and [`After::Other`] in a
/// chunk's buffer: whitespace, not a space, and not `\n`, which `$` treats
/// apart (only the tail can hold the text's final `\n`, and holds its own).
pub(crate) const OTHER_SPACE: u32 = b'\t' as u32;

impl Before {
    /// The context character written before the chunk in its buffer.
    pub(crate) fn char(self) -> Option<u32> {
        match self {
            Before::Start => None,
            Before::Space => Some(b' ' as u32),
            Before::Other => Some(OTHER_SPACE),
        }
    }

    fn code(self) -> u8 {
        self as u8
    }
}

impl After {
    pub(crate) fn char(self) -> u32 {
        match self {
            After::Space => b' ' as u32,
            After::Other => OTHER_SPACE,
        }
    }
}

/// The context of the chunk at bytes `start..end` of `text` (`end` before
/// the tail, so whitespace follows).
#[inline]
pub(crate) fn context(text: &[u8], start: usize, end: usize) -> (Before, After) {
    // The byte before a chunk is a whitespace character's last byte; only a
    // space's is 0x20 (the others end with a continuation byte or are other
    // ASCII whitespace).
    let before = match start.checked_sub(1).map(|i| text[i]) {
        None => Before::Start,
        Some(b' ') => Before::Space,
        Some(_) => Before::Other,
    };
    let after = if text.get(end) == Some(&b' ') {
        After::Space
    } else {
        After::Other
    };
    (before, after)
}

/// The bytes that mark the key of a chunk whose output depends on its
/// context, appended to its bytes: they never occur in (generalized) UTF-8,
/// so such keys differ from every chunk's own bytes and from each other.
const CONTEXT_KEY: u8 = 0xF8;
/// `[TAIL_KEY, before]` ends the key of a tail.
const TAIL_KEY: u8 = 0xFF;

/// The cache key of a chunk in context, written to `key` unless the chunk is
/// its own key (`None`): the chunk's output then does not depend on its
/// context (it does not start with a quote, nor end with an apostrophe, nor
/// start the text), and is computed with spaces on either side.
#[inline]
pub(crate) fn cache_key(chunk: &[u8], before: Before, after: After, key: &mut Vec<u8>) -> bool {
    let sensitive = before == Before::Start
        || matches!(chunk.first(), Some(b'"' | b'\''))
        || chunk.last() == Some(&b'\'');
    if sensitive {
        key.clear();
        key.extend_from_slice(chunk);
        key.push(CONTEXT_KEY + 2 * before.code() + after as u8);
    }
    sensitive
}

/// The cache key of the tail (bytes `text[start..]`, its trailing whitespace
/// included) after `before`.
pub(crate) fn tail_key(tail: &[u8], before: Before, key: &mut Vec<u8>) {
    key.clear();
    key.extend_from_slice(tail);
    key.extend([TAIL_KEY, before.code()]);
}

/// The code point ending at byte `end` of generalized UTF-8 `text`, and where
/// it starts.
#[inline]
fn char_before(text: &[u8], end: usize) -> (u32, usize) {
    let mut start = end - 1;
    while start > 0 && text[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    (decode_at(text, start).0, start)
}

/// Where the tail starts: the byte offset of its first chunk (see the module
/// documentation), or `text.len()` if the text holds no chunk at all.
pub fn tail_start(text: &[u8], classes: &CharClasses) -> usize {
    let mut end = text.len();
    while end > 0 {
        if text[end - 1] < 0x80 && classes.ascii(text[end - 1]) & SPACE == 0 {
            break;
        }
        let (c, start) = char_before(text, end);
        if !classes.is(c, SPACE) {
            break;
        }
        end = start;
    }
    if end == 0 {
        return text.len();
    }
    loop {
        // The chunk ending at `end`, and whether it holds closers only.
        let mut start = end;
        let mut closers_only = true;
        while start > 0 {
            // ASCII (most of a text's last chunk) without decoding it.
            let b = text[start - 1];
            if b < 0x80 {
                if classes.ascii(b) & SPACE != 0 {
                    break;
                }
                closers_only &= after_final_period(u32::from(b));
                start -= 1;
                continue;
            }
            let (c, before) = char_before(text, start);
            if classes.is(c, SPACE) {
                break;
            }
            closers_only &= after_final_period(c);
            start = before;
        }
        if !closers_only || start == 0 {
            return start;
        }
        // Spaces only back to the chunk before, or the tail starts here.
        let mut gap = start;
        while gap > 0 && text[gap - 1] == b' ' {
            gap -= 1;
        }
        if gap == 0 || classes.is(char_before(text, gap).0, SPACE) {
            return start;
        }
        end = gap;
    }
}

/// What a chunk before the tail holds, for the fast path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Characters that no rule changes in a chunk before the tail: ASCII
    /// letters, digits and most symbols, a `.` or `-` that is not doubled
    /// (only `\.{2,}`, `--` and the final-period rules, which never reach
    /// before the tail, read them), and non-ASCII characters no rule names
    /// ([`ByteKinds::inert`]). The chunk is its own token, unless a
    /// contraction rule splits it.
    Plain,
    /// [`Kind::Plain`] then one `,` or `:`, which `([:,])([^\d])` pads
    /// (the whitespace after the chunk is no digit): two tokens.
    PlainThenComma,
    /// Anything else: computed by the rules (and cached).
    Rules,
}

/// Per ASCII byte: `regex` whitespace, a character a rule names (or one
/// `str.split()` splits on), `.` or `-` (a rule reads them only doubled,
/// before the tail), `,` or `:`, or none of these.
const BYTE_PLAIN: u8 = 0;
pub(crate) const BYTE_SPACE: u8 = 1;
pub(crate) const BYTE_RULE: u8 = 2;
const BYTE_DOUBLED: u8 = 3;
const BYTE_COMMA: u8 = 4;

/// Every ASCII character a rule's pattern names (the contraction rules'
/// letters aside, which the fast path checks word by word).
pub(crate) const RULE_CHARS: &[u8] = b"\"'`.,:;@#$%&?!*[](){}<>-";

/// The byte table of the chunk scanner, built from the running Python's
/// classes, and the non-ASCII characters a rule names.
#[derive(Debug, Clone)]
pub(crate) struct ByteKinds {
    pub(crate) ascii: [u8; 128],
    /// Sorted: the quotes and dashes of the rules, and the non-ASCII letters
    /// a contraction or clitic letter matches case-insensitively (such as
    /// `ſ` or `K`). Any other non-ASCII character that is not whitespace of
    /// either kind is inert: no rule names it, and the contraction rules'
    /// `\b` beside it is left to [`super::has_contraction`], which takes any
    /// non-ASCII character for a boundary (a contraction it finds sends the
    /// chunk to the rules, which decide).
    named: Vec<u32>,
    /// Whether exactly `[0-9A-Za-z_]` are plain among the ASCII bytes that
    /// are word characters.
    pub(crate) standard_ascii_words: bool,
    /// Whether the ASCII whitespace is that of [`SpaceMasks`],
    /// [`is_string_whitespace`] (it is in every Python), so that chunks may
    /// be found in them.
    pub(crate) masked_spaces: bool,
}

impl ByteKinds {
    /// Whether the non-ASCII character `c` is inert (see [`Self::named`]).
    #[inline]
    fn inert(&self, c: u32, classes: &CharClasses) -> bool {
        !classes.is(c, SPACE | SPLIT_SPACE) && self.named.binary_search(&c).is_err()
    }

    pub(crate) fn new(classes: &CharClasses) -> Self {
        let mut kinds = [BYTE_PLAIN; 128];
        for (b, kind) in kinds.iter_mut().enumerate() {
            let flags = classes.ascii(b as u8);
            *kind = if flags & SPACE != 0 {
                BYTE_SPACE
            } else if flags & SPLIT_SPACE != 0 {
                BYTE_RULE
            } else if matches!(b as u8, b'.' | b'-') {
                BYTE_DOUBLED
            } else if matches!(b as u8, b',' | b':') {
                BYTE_COMMA
            } else if RULE_CHARS.contains(&(b as u8)) {
                BYTE_RULE
            } else {
                BYTE_PLAIN
            };
        }
        let mut named: Vec<u32> = OPENING_QUOTES
            .iter()
            .chain(CLOSING_QUOTES.iter())
            .copied()
            .chain(DASHES)
            .chain(classes.case_variants())
            .filter(|&c| c >= 0x80)
            .collect();
        named.sort_unstable();
        named.dedup();
        let standard_ascii_words = (0..128u8)
            .filter(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .all(|b| kinds[b as usize] == BYTE_PLAIN);
        let masked_spaces =
            (0..128u8).all(|b| (kinds[b as usize] == BYTE_SPACE) == is_string_whitespace(b));
        ByteKinds {
            ascii: kinds,
            named,
            standard_ascii_words,
            masked_spaces,
        }
    }
}

/// The chunks of `text[..limit]` in order: `(start, end, kind)` in bytes.
pub(crate) struct Chunks<'a> {
    text: &'a [u8],
    pos: usize,
    limit: usize,
    classes: &'a CharClasses,
    kinds: &'a ByteKinds,
    /// Whether `[0-9A-Za-z_]` are plain bytes, which the scanner then skips
    /// 16 at a time.
    standard_ascii_words: bool,
}

impl<'a> Chunks<'a> {
    pub(crate) fn new(
        text: &'a [u8],
        limit: usize,
        classes: &'a CharClasses,
        kinds: &'a ByteKinds,
    ) -> Self {
        Chunks {
            text,
            pos: 0,
            limit,
            classes,
            kinds,
            standard_ascii_words: kinds.standard_ascii_words,
        }
    }
}

impl Iterator for Chunks<'_> {
    type Item = (usize, usize, Kind);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        // Skip whitespace.
        loop {
            if self.pos >= self.limit {
                return None;
            }
            let b = text[self.pos];
            if b < 0x80 {
                if self.kinds.ascii[b as usize] != BYTE_SPACE {
                    break;
                }
                self.pos += 1;
            } else {
                let (c, len) = decode_at(text, self.pos);
                if !self.classes.is(c, SPACE) {
                    break;
                }
                self.pos += len;
            }
        }
        let start = self.pos;
        let mut kind = Kind::Plain;
        let mut prev = 0u8;
        while self.pos < self.limit {
            if self.standard_ascii_words {
                // Letters and digits 16 at a time (most of a chunk's bytes).
                let n = ascii_word_len(&text[self.pos..self.limit]);
                if n > 0 {
                    if kind == Kind::PlainThenComma {
                        kind = Kind::Rules;
                    }
                    prev = b'a';
                    self.pos += n;
                    continue;
                }
            }
            let b = text[self.pos];
            if b < 0x80 {
                match self.kinds.ascii[b as usize] {
                    BYTE_PLAIN => {}
                    BYTE_SPACE => break,
                    BYTE_DOUBLED if prev != b => {}
                    // A comma or colon is only simple as the chunk's last
                    // character, after a plain one (`,,` pair up).
                    BYTE_COMMA if kind == Kind::Plain => kind = Kind::PlainThenComma,
                    _ => kind = Kind::Rules,
                }
                if kind == Kind::PlainThenComma && self.kinds.ascii[b as usize] != BYTE_COMMA {
                    kind = Kind::Rules;
                }
                prev = b;
                self.pos += 1;
            } else {
                let (c, len) = decode_at(text, self.pos);
                if self.classes.is(c, SPACE) {
                    break;
                }
                if kind == Kind::PlainThenComma || !self.kinds.inert(c, self.classes) {
                    kind = Kind::Rules;
                }
                prev = 0x80;
                self.pos += len;
            }
        }
        Some((start, self.pos, kind))
    }
}

/// The first byte offset in `from..=limit` of `stretch` (a long chunk, or
/// the tail) before which it can be cut into two pieces, each computed apart
/// with a space on that side, with the same tokens; `stretch.len()` if none.
///
/// A cut is safe before a character that a rule pads with spaces wherever it
/// stands and whose neighbours no earlier rule reads differently beside a
/// space. The character before the cut then meets a space where it met one
/// of these: `([:,])([^\d])` takes either as its follower, `(?=\w)`, `\b`
/// and `(?=\s)` (after the padding) see a non-word character either way; the
/// character after the cut was only ever read by rules of the piece it
/// starts. Two kinds:
///
/// * padded before `([^'])' ` (apostrophe, space) runs: the quotes `«“‘„`
///   (first of all), `;@#$%&`, the dashes U+2012..U+2015 and `?!`: after
///   the padding an apostrophe before them meets a space either way;
/// * padded after it: `*`, the opening brackets `([{<` and the quotes
///   `»”’`, safe unless an apostrophe comes before them: `([^'])' ` would
///   split it from what precedes only in the piece, and the clitic rule that
///   runs later reads that space (`it's'(` keeps `it's` whole, `it's' `
///   splits it).
///
/// The tests cut every short text at every such place and compare.
///
/// The tail is cut before [`last_cut_limit`] only, so that its last piece
/// holds what the final-period rules match.
pub(crate) fn next_cut(stretch: &[u8], from: usize, limit: usize) -> usize {
    let mut i = from.max(1);
    while i <= limit.min(stretch.len().saturating_sub(1)) {
        let late = stretch[i - 1] != b'\'';
        let safe = match stretch[i] {
            b';' | b'@' | b'#' | b'$' | b'%' | b'&' | b'?' | b'!' => true,
            b'*' | b'(' | b'[' | b'{' | b'<' => late,
            // « and »
            0xC2 => match stretch.get(i + 1) {
                Some(0xAB) => true,
                Some(0xBB) => late,
                _ => false,
            },
            // ‒ – — ― and ‘ “ „, and ’ ”
            0xE2 if stretch.get(i + 1) == Some(&0x80) => match stretch.get(i + 2) {
                Some(0x92..=0x95 | 0x98 | 0x9C | 0x9E) => true,
                Some(0x99 | 0x9D) => late,
                _ => false,
            },
            _ => false,
        };
        if safe {
            return i;
        }
        i += 1;
    }
    stretch.len()
}

/// The byte offset past which the tail must not be cut: the character
/// before its last period, where the final-period rules' matches start (the
/// tail's length when it has no period).
pub(crate) fn last_cut_limit(tail: &[u8]) -> usize {
    match tail.iter().rposition(|&b| b == b'.') {
        Some(p) if p > 0 => char_before(tail, p).1,
        _ => tail.len(),
    }
}
