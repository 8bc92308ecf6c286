//! A Rust-only driver for profiling `word_tokenize` without the Python
//! boundary: tokenizes documents (NUL-separated in FILE, ASCII character
//! classes) with one language's Punkt bundle (uncompressed), and prints the
//! time of Punkt alone, and of `word_tokenize`'s tokens as ids
//! ([`TokenIds`]) with a new tokenizer and with a warm one.
//!
//! `cargo run --release -p stemline-core --example word_tokenize_ids -- FILE BUNDLE [PASSES]`
//! (BUNDLE: a language's file in python/stemline/data/punkt, uncompressed).

use std::sync::Arc;
use std::time::Instant;

use stemline_core::nltk_word::ids::TokenIds;
use stemline_core::nltk_word::NltkWordTokenizer;
use stemline_core::punkt::{PunktCharRanges, PunktChars, PunktParameters, PunktSentenceTokenizer};
use stemline_core::word_tokenize::WordTokenize;
use stemline_core::DEFAULT_CACHE_BYTES;

mod ascii;
use ascii::ascii_classes;

fn ascii_punkt_chars() -> PunktChars {
    let range = |a: char, b: char| (a as u32, b as u32 + 1);
    PunktChars::new(&PunktCharRanges {
        space: vec![(9, 14), (32, 33)],
        str_space: vec![(9, 14), (0x1C, 0x21)],
        word_not_digit: vec![range('A', 'Z'), range('_', '_'), range('a', 'z')],
        digit: vec![range('0', '9')],
        upper: vec![range('A', 'Z'), (0x3A3, 0x3A4)],
        lower: vec![range('a', 'z'), (0x3C2, 0x3C4)],
        cased: vec![
            range('A', 'Z'),
            range('a', 'z'),
            (0x3A3, 0x3A4),
            (0x3C2, 0x3C4),
        ],
        case_ignorable: vec![range('\'', '\''), range('.', '.'), range(':', ':')],
        lowercase: ('A'..='Z')
            .map(|c| (c as u32, vec![c.to_ascii_lowercase() as u32]))
            .chain([(0x3A3, vec![0x3C3])])
            .collect(),
    })
    .expect("valid classes")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read(&args[1]).expect("readable file");
    let bundle = std::fs::read(&args[2]).expect("readable bundle");
    let passes: usize = args.get(3).map_or(5, |s| s.parse().expect("a count"));
    let docs: Vec<&[u8]> = text.split(|&b| b == 0).collect();
    let mb = text.len() as f64 / 1e6;
    let params = Arc::new(PunktParameters::from_bundle(&bundle).expect("a bundle"));
    let punkt = PunktSentenceTokenizer::new(params, Arc::new(ascii_punkt_chars()));
    let new = || {
        let words = NltkWordTokenizer::new(Arc::new(ascii_classes()), DEFAULT_CACHE_BYTES)
            .expect("a tokenizer");
        WordTokenize::new(punkt.clone(), words)
    };
    let report = |name: &str, seconds: f64| {
        println!(
            "{name:<12} {:8.1} MB/s {:7.2} ms",
            mb / seconds,
            seconds * 1e3
        )
    };
    // Best of `passes`: Punkt's sentences alone, then a new tokenizer's
    // first pass over the documents and its second.
    let (mut punkt_alone, mut fresh, mut warm) = (f64::MAX, f64::MAX, f64::MAX);
    let mut out = Vec::new();
    let mut punkt_scratch = Default::default();
    for _ in 0..passes {
        let start = Instant::now();
        let mut sentences = 0;
        for doc in &docs {
            punkt.for_each_sentence(doc, &mut punkt_scratch, |_| sentences += 1);
        }
        punkt_alone = punkt_alone.min(start.elapsed().as_secs_f64());
        let w = new();
        let mut scratch = w.take_scratch();
        let mut ids = TokenIds::new(DEFAULT_CACHE_BYTES);
        for best in [&mut fresh, &mut warm] {
            let start = Instant::now();
            for doc in &docs {
                out.clear();
                w.for_each_keyed(doc, &mut scratch, &mut ids.collector(&mut out));
            }
            *best = best.min(start.elapsed().as_secs_f64());
        }
    }
    report("punkt alone", punkt_alone);
    report("ids, fresh", fresh);
    report("ids, warm", warm);
}
