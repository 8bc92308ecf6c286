//! The chunked tokenizer against the rules run on the whole text.

use std::sync::Arc;

use super::chunks::{cache_key, After, Before};
use super::rules::{self, tests::cps, tests::string, tests::tokenize as whole_tokens, Edges};
use super::*;
use crate::classes::testing::{ascii_classes, classes_with_spaces};

pub(super) fn tokenizer() -> NltkWordTokenizer {
    NltkWordTokenizer::new(Arc::new(ascii_classes()), 1 << 20).unwrap()
}

fn chunked(t: &NltkWordTokenizer, scratch: &mut WordScratch, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    t.for_each_token(text.as_bytes(), scratch, |tok| {
        out.push(String::from_utf8(tok.to_vec()).unwrap())
    });
    out
}

/// Every character a rule treats apart, whitespace of each kind the chunks
/// tell apart, and characters no rule names.
/// (`:` and `]` behave as `,` and `)` in every rule; `é` is inert.)
const ALPHABET: [&str; 26] = [
    " ", "\t", "\n", "a", "s", "t", ".", ",", "n", "'", "\"", "`", "(", ")", "?", ";", "-", "1",
    "\u{ab}", "\u{bb}", "\u{2019}", "\u{201c}", "\u{2013}", "*", "\x1c", "\u{e9}",
];

/// The tokenizer, and one that cuts every stretch of more than one byte
/// wherever it can (see `chunks::next_cut`).
fn tokenizers() -> [NltkWordTokenizer; 2] {
    [
        tokenizer(),
        NltkWordTokenizer::new(Arc::new(ascii_classes()), 1 << 20)
            .unwrap()
            .with_piece_bytes(1),
    ]
}

fn check(t: &[NltkWordTokenizer; 2], scratch: &mut WordScratch, text: &str) {
    let whole = whole_tokens(text, t[0].classes());
    assert_eq!(chunked(&t[0], scratch, text), whole, "{text:?}");
    assert_eq!(chunked(&t[1], scratch, text), whole, "{text:?} in pieces");
}

/// Every string of up to `max_len` characters of `alphabet`.
fn strings(alphabet: &[&str], max_len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = all.clone();
    for _ in 0..max_len {
        last = last
            .iter()
            .flat_map(|r| alphabet.iter().map(move |c| format!("{r}{c}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

/// The characters whose neighbours matter most (quotes, the apostrophe,
/// closers, `,` and `.`, both kinds of whitespace), for the longer strings.
const CORE: [&str; 13] = [
    " ", "\n", "s", "t", ".", ",", "'", "\"", "`", ")", "-", "\u{bb}", "\u{2019}",
];

/// The characters a long stretch is cut before, with the characters that
/// read their neighbours, for the cuts.
const CUTS: [&str; 17] = [
    " ", "s", ".", ",", "'", "\"", "(", ";", "*", "-", "\u{ab}", "\u{bb}", "\u{2019}", "\u{2014}",
    "t", "`", "\u{201c}",
];

#[test]
fn chunks_give_the_whole_texts_tokens_for_every_short_text() {
    let t = tokenizers();
    // One scratch for all: a chunk's cached output, computed in one context,
    // serves it in every other.
    let mut scratch = t[0].take_scratch();
    for text in strings(&ALPHABET, 3).iter().chain(&strings(&CORE, 4)) {
        check(&t, &mut scratch, text);
    }
    for text in strings(&CUTS, 4) {
        check(&t, &mut scratch, &text);
    }
}

#[test]
fn chunks_give_the_whole_texts_tokens_for_longer_texts() {
    let t = tokenizers();
    let mut scratch = t[0].take_scratch();
    let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
    let words = [
        "cannot", "CanNot", "gonna", "wanna", "d'ye", "more'n", "'tis", "'Twas", "it's", "don't",
        "I'm", "we'll", "'re", "'em", "U.S.", "3,000", "a:b", "...", "--", "(x)", "x.'", "'x'",
        "\"x\"", "``", "''",
    ];
    for _ in 0..30_000 {
        let len = 3 + next() % 10;
        let text: String = (0..len)
            .map(|_| {
                if next().is_multiple_of(3) {
                    words[next() % words.len()]
                } else {
                    ALPHABET[next() % ALPHABET.len()]
                }
            })
            .collect();
        check(&t, &mut scratch, &text);
    }
}

/// A chunk whose key is its own bytes gives the same tokens in every
/// context (what lets the cache serve it everywhere).
#[test]
fn context_free_chunks_give_the_same_tokens_in_every_context() {
    let classes = ascii_classes();
    let no_space: Vec<&str> = ALPHABET
        .iter()
        .copied()
        .filter(|c| !matches!(*c, " " | "\t" | "\n"))
        .collect();
    let mut key = Vec::new();
    let core: Vec<&str> = CORE
        .iter()
        .copied()
        .filter(|c| !matches!(*c, " " | "\n"))
        .collect();
    for chunk in strings(&no_space, 3).iter().chain(&strings(&core, 4)) {
        let tokens = |before: Before, after: After| {
            let mut b = Vec::new();
            b.extend(before.char());
            b.extend(cps(chunk));
            b.push(after.char());
            let edges = Edges {
                first: before == Before::Start,
                last: false,
            };
            rules::rewrite(&mut b, edges, &classes);
            rules::split(&b, &classes).map(string).collect::<Vec<_>>()
        };
        let canonical = tokens(Before::Space, After::Space);
        for before in [Before::Space, Before::Other] {
            for after in [After::Space, After::Other] {
                if !cache_key(chunk.as_bytes(), before, after, &mut key) {
                    assert_eq!(
                        tokens(before, after),
                        canonical,
                        "{chunk:?} {before:?} {after:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn plain_chunks_skip_the_rules_unless_a_contraction_splits_them() {
    assert!(has_contraction(b"Cannot"));
    assert!(has_contraction(b"x/wanna"));
    assert!(!has_contraction(b"cannots"));
    assert!(!has_contraction(b"can"));
    let t = tokenizer();
    let mut scratch = t.take_scratch();
    assert_eq!(
        chunked(&t, &mut scratch, "I gotta go"),
        ["I", "got", "ta", "go"]
    );
    assert_eq!(
        chunked(&t, &mut scratch, "wanna/x wanna"),
        ["wanna/x", "wan", "na"]
    );
}

/// The chunks split without the rules (two words and an apostrophe, a
/// word between marks, a tail's word and its marks) in every context, the
/// keyed path included: each word's case and length decides a clitic, and
/// a split can leave a letter-only contraction behind (`gonnan't`).
#[test]
fn chunks_split_without_the_rules_are_the_rules_tokens() {
    let t = tokenizers();
    let mut scratch = t[0].take_scratch();
    let mut memory = Remembering::default();
    let words = [
        "it's", "IT'S", "don't", "DON'T", "Don'T", "won't", "n't", "xn't", "O'Neill", "90's",
        "I'm", "I'M", "I'd", "I'D", "SHE'S", "THEY'VE", "YOU'RE", "it'Ll", "we'll", "WE'LL",
        "We'Ll", "you're", "they've", "D'ye", "d'YE", "more'n", "MORE'N", "gonnan't", "gonna's",
        "cannot's", "x'cannot", "lemmen't", "a'b'c", "\"it's", "\"Word", "(word)", "(word),",
        "word,\"", "word\",", "\"word\"", "(word\"", "\"gonna", "(cannot)", "U.S.\"", "\"e.g.",
        "word.\"", "word\".", "why?\"", "no!\"", "U.S.\".", "x..\"", "\"\"", "(\"x", "word;",
        "$5.5", "$x)", "5.5%", "why?", "no!", "\"no!", "$", "x;;", "x?!", "$$x", "(x%", "\"x;",
    ];
    for word in words {
        for text in [
            word.to_string(),
            format!("x {word} y"),
            format!("x\t{word}\ty"),
            format!("x\n{word} y."),
            format!("{word} y"),
            format!("x {word}"),
            format!("x {word}\n"),
        ] {
            check(&t, &mut scratch, &text);
            let whole = whole_tokens(&text, t[0].classes());
            assert_eq!(
                keyed_tokens(&t[0], &mut memory, &text),
                whole,
                "{text:?} keyed"
            );
        }
    }
}

#[test]
fn code_points_give_the_tokens_of_their_bytes() {
    let t = tokenizer();
    let mut scratch = t.take_scratch();
    let text = "\"Quoted,\" he said\u{2014}and left.";
    let mut from_code_points = WordTokens::default();
    t.for_each_token_of_code_points(&cps(text), &mut scratch, |tok| from_code_points.push(tok));
    assert_eq!(from_code_points, t.tokenize(text.as_bytes()));
}

#[test]
fn parentheses_convert_as_tokens() {
    assert_eq!(convert_parentheses(b"("), b"-LRB-");
    assert_eq!(convert_parentheses(b"}"), b"-RCB-");
    assert_eq!(convert_parentheses(b"<"), b"<");
}

#[test]
fn spans_give_quotes_back() {
    let t = tokenizer();
    let text = "He said \"x\" and ''y''.";
    let tokens = t.tokenize(text.as_bytes());
    let got: Vec<&[u8]> = tokens.iter().collect();
    assert_eq!(
        got,
        [
            &b"He"[..],
            b"said",
            b"``",
            b"x",
            b"''",
            b"and",
            b"``",
            b"y",
            b"''",
            b"."
        ]
    );
    let spans = t.spans(text.as_bytes()).unwrap();
    let slices: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    assert_eq!(
        slices,
        ["He", "said", "\"", "x", "\"", "and", "''", "y", "''", "."]
    );
}

#[test]
fn spans_count_code_points() {
    let t = tokenizer();
    let spans = t.spans("é «x»".as_bytes()).unwrap();
    assert_eq!(spans, [(0, 1), (2, 3), (3, 4), (4, 5)]);
}

#[test]
fn batches_equal_one_by_one() {
    let t = tokenizer();
    let texts: Vec<String> = (0..500)
        .map(|i| format!("Doc {i}: \"quoted\", (x) can't."))
        .collect();
    let docs: Vec<&[u8]> = texts.iter().map(|s| s.as_bytes()).collect();
    let mut got = Vec::new();
    t.tokenize_batch_streamed(&docs, 3, |group| got.extend(group));
    let want: Vec<WordTokens> = docs.iter().map(|d| t.tokenize(d)).collect();
    assert_eq!(got, want);
}

#[test]
fn spans_one_at_a_time_equal_spans_of_all_tokens() {
    let t = tokenizer();
    let mut scratch = t.take_scratch();
    let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3_000 {
        let len = 1 + next() % 12;
        let text: String = (0..len)
            .map(|_| ALPHABET[next() % ALPHABET.len()])
            .collect();
        let mut streamed = Vec::new();
        let result = t
            .for_each_span(text.as_bytes(), &mut scratch, |s| streamed.push(s))
            .map(|()| streamed);
        assert_eq!(result, t.spans(text.as_bytes()), "{text:?}");
    }
}

/// A [`keyed::Keyed`] that remembers every key's tokens, as the normalizer
/// remembers their outputs, and lists the tokens it is handed and the keys
/// it is asked for.
#[derive(Default)]
struct Remembering {
    known: std::collections::HashMap<(keyed::Key, Vec<u8>), Vec<Vec<u8>>>,
    tokens: Vec<String>,
    asked: Vec<(keyed::Key, Vec<u8>)>,
}

impl keyed::Keyed for Remembering {
    fn known(&mut self, kind: keyed::Key, key: &[u8]) -> bool {
        self.asked.push((kind, key.to_vec()));
        match self.known.get(&(kind, key.to_vec())) {
            Some(tokens) => {
                let tokens: Vec<String> = tokens
                    .iter()
                    .map(|t| String::from_utf8(t.clone()).unwrap())
                    .collect();
                self.tokens.extend(tokens);
                true
            }
            None => false,
        }
    }

    fn tokens(&mut self, kind: keyed::Key, key: &[u8], tokens: &[u8]) {
        if kind == keyed::Key::Token {
            assert_eq!(key, tokens, "a token key is its token");
        }
        let list: Vec<Vec<u8>> = tokens
            .split(|&b| b == b' ')
            .filter(|t| !t.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        let previous = self.known.insert((kind, key.to_vec()), list.clone());
        assert!(previous.is_none(), "handed a known key again");
        for t in list {
            self.tokens.push(String::from_utf8(t).unwrap());
        }
    }

    fn token(&mut self, token: &[u8]) {
        self.tokens.push(String::from_utf8(token.to_vec()).unwrap());
    }
}

/// The keyed tokens of `text`, with what `remembering` learnt before.
fn keyed_tokens(t: &NltkWordTokenizer, remembering: &mut Remembering, text: &str) -> Vec<String> {
    remembering.tokens.clear();
    remembering.asked.clear();
    let mut scratch = WordScratch::new(0);
    t.for_each_keyed(text.as_bytes(), &mut scratch, remembering);
    std::mem::take(&mut remembering.tokens)
}

#[test]
fn keyed_tokens_are_the_whole_texts_for_every_short_text() {
    let t = tokenizers();
    // One memory for all texts: a key learnt in one text serves every other.
    let mut memory = [Remembering::default(), Remembering::default()];
    let texts: Vec<String> = strings(&ALPHABET, 3)
        .into_iter()
        .chain(strings(&CORE, 4))
        .chain(strings(&CUTS, 4))
        .collect();
    for round in 0..2 {
        for text in &texts {
            let whole = whole_tokens(text, t[0].classes());
            for (t, memory) in t.iter().zip(&mut memory) {
                assert_eq!(
                    keyed_tokens(t, memory, text),
                    whole,
                    "{text:?} round {round}"
                );
            }
        }
    }
}

#[test]
fn keyed_tokens_are_the_whole_texts_for_longer_texts() {
    // Chunks found in masks of 64 bytes, and byte by byte, with whitespace
    // that is not ASCII.
    let with_spaces = || {
        let classes = classes_with_spaces(&[(0xA0, 0xA1), (0x3000, 0x3001)]);
        NltkWordTokenizer::new(Arc::new(classes), 1 << 20).unwrap()
    };
    let t = with_spaces();
    let mut bytewise = with_spaces();
    bytewise.kinds.masked_spaces = false;
    assert!(t.kinds.masked_spaces);
    let mut memory = [Remembering::default(), Remembering::default()];
    let long_word = format!("{}.", "ab".repeat(40));
    let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
    let words = [
        "cannot",
        "Gonna",
        "it's",
        "don't",
        "I'm",
        "U.S.",
        "e.g.",
        "3,000",
        "a:b",
        "x,",
        "y:",
        "word.",
        "word?",
        "Word!",
        "etc..",
        "-.",
        ".?",
        "?.",
        ",,",
        ":,",
        "?,",
        "!:",
        "(x)",
        "x.'",
        "\"x\"",
        "``",
        "''",
        "it's'(",
        "'s",
        "n't",
        "caf\u{e9}.",
        "a-b",
        "a--b",
        &long_word,
        "x\u{3000}y",
        "caf\u{e9}",
    ];
    let spaces = [" ", " ", " ", "\n", "\t", "  ", "\u{a0}", "\x1c"];
    for round in 0..60_000 {
        // Now and then a text of several 64-byte windows.
        let len = 1 + next() % if round % 8 == 0 { 60 } else { 8 };
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(if next().is_multiple_of(4) {
                ALPHABET[next() % ALPHABET.len()]
            } else {
                words[next() % words.len()]
            });
            text.push_str(spaces[next() % spaces.len()]);
        }
        if next().is_multiple_of(2) {
            text = text.trim_end().to_string();
        }
        let whole = whole_tokens(&text, t.classes());
        assert_eq!(keyed_tokens(&t, &mut memory[0], &text), whole, "{text:?}");
        let bytes = keyed_tokens(&bytewise, &mut memory[1], &text);
        assert_eq!(bytes, whole, "{text:?} byte by byte");
        // The same chunks both ways, so the same keys.
        assert_eq!(memory[0].asked, memory[1].asked, "{text:?}");
    }
}
