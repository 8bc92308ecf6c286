//! What the examples share: the core's character classes for ASCII text
//! alone (the package builds the real tables from the running Python),
//! enough to time the core on a mostly-ASCII corpus.

use stemline_core::{CharClasses, ClassRanges};

/// `\w`, whitespace and letters of ASCII, and its case pairs.
pub fn ascii_classes() -> CharClasses {
    let word = vec![(0x30, 0x3A), (0x41, 0x5B), (0x5F, 0x60), (0x61, 0x7B)];
    CharClasses::new(&ClassRanges {
        re_word: word.clone(),
        word,
        space: vec![(9, 14), (32, 33)],
        split_space: vec![(9, 14), (0x1C, 0x21)],
        alpha: vec![(0x41, 0x5B), (0x61, 0x7B)],
        ignore_case: (b'a'..=b'z')
            .map(|l| (l, l.to_ascii_uppercase() as u32))
            .collect(),
        ..Default::default()
    })
    .expect("valid classes")
}
