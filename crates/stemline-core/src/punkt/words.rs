//! The word tokenizer Punkt runs inside a candidate's context:
//! `PunktBaseClass._tokenize_words` and `PunktLanguageVars.word_tokenize`.
//!
//! `_tokenize_words` splits the text on `"\n"`, skips each line whose
//! `str.strip()` is empty, and runs `re.findall` of this pattern (compiled by
//! the `regex` module, `UNICODE | VERBOSE`, no `MULTILINE`) on each line:
//!
//! ```text
//! (
//!     (?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)                       # MultiChar
//!     |
//!     (?=[^\(\"\`{\[:;&\#\*@\)}\]\-,])\S+?                    # WordStart, lazily
//!     (?= \s | $ | NonWord | MultiChar | ,(?=$|\s|NonWord|MultiChar) )
//!     |
//!     \S
//! )
//! ```
//!
//! where NonWord is ``[)";}\]*:@'({[‘’“”«»?!]``. Every alternative consumes
//! at least one character, so the matches are found left to right with
//! whitespace between them skipped, and `$` is the end of the line (a line
//! holds no `"\n"`). A token may hold whitespace: `. . .` is one.
//!
//! Tokens are byte ranges of the text; nothing is copied.

use super::chars::{char_at, PunktChars, SPACE, STR_SPACE};

/// ASCII flags of the two hand-written classes.
const NON_WORD: u8 = 1;
const NOT_WORD_START: u8 = 2;

const fn ascii_table() -> [u8; 128] {
    let mut t = [0u8; 128];
    let non_word = b")\";}]*:@'({[?!";
    let mut i = 0;
    while i < non_word.len() {
        t[non_word[i] as usize] |= NON_WORD;
        i += 1;
    }
    let not_start = b"(\"`{[:;&#*@)}]-,";
    let mut i = 0;
    while i < not_start.len() {
        t[not_start[i] as usize] |= NOT_WORD_START;
        i += 1;
    }
    t
}

static ASCII: [u8; 128] = ascii_table();

/// `_re_non_word_chars`: characters that cannot appear within words (the
/// `?` and `!` come from `sent_end_chars`).
#[inline(always)]
pub(crate) fn is_non_word(cp: u32) -> bool {
    if cp < 128 {
        ASCII[cp as usize] & NON_WORD != 0
    } else {
        matches!(cp, 0x2018 | 0x2019 | 0x201C | 0x201D | 0xAB | 0xBB)
    }
}

/// Not `_re_word_start`: characters a word token cannot start with.
#[inline(always)]
fn is_not_word_start(cp: u32) -> bool {
    cp < 128 && ASCII[cp as usize] & NOT_WORD_START != 0
}

/// `_tokenize_words(plaintext)`: every token of every non-blank line, as
/// byte ranges of `text`, in order.
pub(crate) struct PunktWords<'t> {
    text: &'t [u8],
    chars: &'t PunktChars,
    /// The current line is `text[pos..line_end]`.
    pos: usize,
    line_end: usize,
    /// Where the next line starts, or `None` after the last line.
    next_line: Option<usize>,
}

impl<'t> PunktWords<'t> {
    pub(crate) fn new(text: &'t [u8], chars: &'t PunktChars) -> Self {
        PunktWords {
            text,
            chars,
            pos: 0,
            line_end: 0,
            next_line: Some(0),
        }
    }

    /// Moves to the next line that is not blank under `str.strip()`; false
    /// when there is none.
    fn next_line(&mut self) -> bool {
        while let Some(start) = self.next_line {
            let end =
                memchr::memchr(b'\n', &self.text[start..]).map_or(self.text.len(), |i| start + i);
            self.next_line = (end < self.text.len()).then_some(end + 1);
            if !self.is_blank(start, end) {
                self.pos = start;
                self.line_end = end;
                return true;
            }
        }
        false
    }

    /// `not line.strip()`: every character is `str.isspace()`.
    fn is_blank(&self, start: usize, end: usize) -> bool {
        let mut i = start;
        while i < end {
            let (cp, len) = char_at(self.text, i);
            if !self.chars.is(cp, STR_SPACE) {
                return false;
            }
            i += len;
        }
        true
    }

    #[inline(always)]
    fn byte(&self, i: usize) -> Option<u8> {
        if i < self.line_end {
            Some(self.text[i])
        } else {
            None
        }
    }

    /// `\s` at `i` (false at the end of the line).
    #[inline(always)]
    fn space_at(&self, i: usize) -> bool {
        i < self.line_end && self.chars.space_at(self.text, i).0
    }

    /// `(?:\.\s){2,}\.` can start at `i` (the lookahead's test).
    fn spaced_ellipsis_at(&self, mut i: usize) -> bool {
        for _ in 0..2 {
            if self.byte(i) != Some(b'.') || !self.space_at(i + 1) {
                return false;
            }
            i += 1 + self.chars.space_at(self.text, i + 1).1;
        }
        self.byte(i) == Some(b'.')
    }

    /// MultiChar as a lookahead: `\-{2,}|\.{2,}|(?:\.\s){2,}\.` matches at `i`.
    #[inline(always)]
    fn multi_char_at(&self, i: usize) -> bool {
        match self.byte(i) {
            Some(b'-') => self.byte(i + 1) == Some(b'-'),
            Some(b'.') => self.byte(i + 1) == Some(b'.') || self.spaced_ellipsis_at(i),
            _ => false,
        }
    }

    /// MultiChar as the first alternative: where its match from `i` ends.
    fn multi_char_match(&self, i: usize) -> Option<usize> {
        let first = self.byte(i)?;
        if (first == b'-' || first == b'.') && self.byte(i + 1) == Some(first) {
            let run = self.text[i..self.line_end]
                .iter()
                .take_while(|&&b| b == first)
                .count();
            return Some(i + run);
        }
        if first != b'.' {
            return None;
        }
        // (?:\.\s){2,}\. : as many ". " pairs as there are, then a period;
        // giving back the last pair leaves its period to end the match.
        let (mut pairs, mut at, mut last_pair) = (0, i, i);
        while self.byte(at) == Some(b'.') && self.space_at(at + 1) {
            last_pair = at;
            at += 1 + self.chars.space_at(self.text, at + 1).1;
            pairs += 1;
        }
        if pairs >= 2 && self.byte(at) == Some(b'.') {
            Some(at + 1)
        } else if pairs >= 3 {
            Some(last_pair + 1)
        } else {
            None
        }
    }

    /// The lookahead that ends a word: `\s`, the end, NonWord or MultiChar.
    #[inline(always)]
    fn word_ends_at(&self, i: usize) -> bool {
        if i >= self.line_end {
            return true;
        }
        let (cp, _) = char_at(self.text, i);
        self.chars.is(cp, SPACE) || is_non_word(cp) || self.multi_char_at(i)
    }

    /// The token that starts at or after `self.pos` on the current line.
    fn next_on_line(&mut self) -> Option<(usize, usize)> {
        while self.pos < self.line_end {
            let p = self.pos;
            if let Some(end) = self.multi_char_match(p) {
                self.pos = end;
                return Some((p, end));
            }
            let (cp, len) = char_at(self.text, p);
            if self.chars.is(cp, SPACE) {
                self.pos = p + len;
                continue;
            }
            let mut end = p + len;
            if !is_not_word_start(cp) {
                // \S+? : the shortest run of non-space characters followed by
                // a word end, or by a comma that is followed by one.
                loop {
                    if self.word_ends_at(end) {
                        break;
                    }
                    if self.text[end] == b',' && self.word_ends_at(end + 1) {
                        break;
                    }
                    end += char_at(self.text, end).1;
                }
            }
            self.pos = end;
            return Some((p, end));
        }
        None
    }
}

impl Iterator for PunktWords<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            if let Some(token) = self.next_on_line() {
                return Some(token);
            }
            if !self.next_line() {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chars::testing::ascii_punkt_chars;
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let chars = ascii_punkt_chars();
        PunktWords::new(text.as_bytes(), &chars)
            .map(|(s, e)| &text[s..e])
            .collect::<Vec<_>>()
    }

    // The expected tokens are NLTK 3.10.4's PunktLanguageVars().word_tokenize.
    #[test]
    fn splits_as_punkt_language_vars_word_tokenize() {
        assert_eq!(
            words("Mr. Smith (hi), don't!"),
            ["Mr.", "Smith", "(", "hi", ")", ",", "don", "'t", "!"]
        );
        assert_eq!(
            words("U.S.A. 1,000, 2.5-fold"),
            ["U.S.A.", "1,000", ",", "2.5-fold"]
        );
        assert_eq!(
            words("a--b...c . . . d. . . . e"),
            ["a", "--", "b", "...", "c", ". . .", "d", ". . . .", "e"]
        );
        assert_eq!(words("a. . .\tb"), ["a", ". . .", "b"]);
        assert_eq!(words("end. . x"), ["end.", ".", "x"]);
        assert_eq!(words("-a ,b x,"), ["-", "a", ",", "b", "x", ","]);
    }

    #[test]
    fn lines_that_strip_to_nothing_are_skipped() {
        assert_eq!(words("a.\n\x1c\n  \nB"), ["a.", "B"]);
        // U+001C is not regex whitespace: on a line with more, it is a token.
        assert_eq!(words("\x1cx"), ["\x1cx"]);
    }
}
