//! Times the Porter stemmer on distinct words, each stemmed once a pass, as
//! a corpus's first pass stems them (the branch predictor has not learned
//! them), and prints checksums of the stems in every mode and letter type,
//! to confirm that a change to the stemmer leaves its output alone.
//!
//! `cargo run --release -p stemline-core --example porter_words -- [FILE] [PASSES] [EXTRA_WORDS_FILE]`
//! FILE defaults to /tmp/bbc1.txt; its words are the distinct maximal runs
//! of ASCII letters, lower-cased. EXTRA_WORDS_FILE (one word a line, such as
//! tests/data/porter/voc.txt) only adds to the checksums; the environment
//! variable NO_CHECK skips them (for callgrind).

use std::collections::HashSet;
use std::time::Instant;

use stemline_core::{Mode, PorterStemmer};

/// The distinct maximal runs of ASCII letters, lower-cased, in first-seen order.
fn distinct_words(text: &[u8]) -> Vec<Vec<u8>> {
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    for run in text.split(|b| !b.is_ascii_alphabetic()) {
        if !run.is_empty() {
            let w = run.to_ascii_lowercase();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
    }
    words
}

/// Fisher-Yates with a fixed xorshift seed: the same order every run.
fn shuffle<T>(items: &mut [T]) {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

/// FNV-1a over the stems, each followed by a separator.
fn checksum<'a>(stems: impl Iterator<Item = &'a [u32]>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for s in stems {
        for &c in s.iter().chain(&[u32::MAX]) {
            h = (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// One pass over the words, out of line so that callgrind can count it
/// alone (`--toggle-collect='*stem_all*'`); returns the stems' total length.
#[inline(never)]
fn stem_all(stemmer: &PorterStemmer, words: &[Vec<u8>]) -> usize {
    let mut buffer: Vec<u8> = Vec::with_capacity(256);
    let mut total = 0;
    for w in words {
        buffer.clear();
        buffer.extend_from_slice(w);
        stemmer.stem_in_place(w.len(), &mut buffer);
        total += buffer.len();
    }
    total
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("/tmp/bbc1.txt", String::as_str);
    let passes: usize = args.get(2).map_or(15, |s| s.parse().expect("a count"));
    let text = std::fs::read(path).expect("readable file");
    let mut words = distinct_words(&text);
    shuffle(&mut words);
    let stemmer = PorterStemmer::new(Mode::NltkExtensions);

    let mut best = f64::INFINITY;
    let mut sink = 0usize;
    for _ in 0..passes {
        let start = Instant::now();
        sink = sink.wrapping_add(stem_all(&stemmer, &words));
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} distinct words: {:.1} ns/word (best of {passes}; sink {sink})",
        words.len(),
        best * 1e9 / words.len() as f64
    );

    if std::env::var_os("NO_CHECK").is_some() {
        return;
    }
    if let Some(extra) = args.get(3) {
        let extra = std::fs::read(extra).expect("readable word list");
        words.extend(
            extra
                .split(|&b| b == b'\n')
                .filter(|w| !w.is_empty() && w.is_ascii())
                .map(<[u8]>::to_vec),
        );
    }
    for mode in [
        Mode::NltkExtensions,
        Mode::MartinExtensions,
        Mode::OriginalAlgorithm,
    ] {
        let stemmer = PorterStemmer::new(mode);
        let bytes: Vec<Vec<u32>> = words
            .iter()
            .map(|w| {
                let mut v = w.clone();
                stemmer.stem_in_place(w.len(), &mut v);
                v.iter().map(|&b| u32::from(b)).collect()
            })
            .collect();
        let codes: Vec<Vec<u32>> = words
            .iter()
            .map(|w| {
                let mut v: Vec<u32> = w.iter().map(|&b| u32::from(b)).collect();
                stemmer.stem_in_place(w.len(), &mut v);
                v
            })
            .collect();
        let differ: Vec<String> = (words.iter().zip(bytes.iter().zip(&codes)))
            .filter(|(_, (b, c))| b != c)
            .take(5)
            .map(|(w, (b, c))| {
                let text = |s: &[u32]| {
                    s.iter()
                        .map(|&c| char::from_u32(c).unwrap())
                        .collect::<String>()
                };
                format!(
                    "{} -> {} (u8) / {} (u32)",
                    String::from_utf8_lossy(w),
                    text(b),
                    text(c)
                )
            })
            .collect();
        assert!(
            differ.is_empty(),
            "u8 and u32 stems differ in {mode:?}: {differ:?}"
        );
        println!(
            "{:>18} checksum {:016x} ({} words)",
            mode.nltk_name(),
            checksum(bytes.iter().map(Vec::as_slice)),
            words.len()
        );
    }
}
