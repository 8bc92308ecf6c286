//! Times each Snowball language on its vocabulary's distinct words as the
//! normalizer stems them (an ASCII word in its bytes, in place; any other
//! word on code points, its lowering handed over and the stem taken back),
//! each stemmed once a pass in a fixed shuffled order, and can write every
//! stem to a file, to confirm that a change to a stemmer leaves its output
//! alone (the same dump from the build before the change, compared with `cmp`).
//!
//! `cargo run --release -p stemline-core --example snowball_words -- [LANGUAGE|all] [PASSES]`
//!
//! The environment variable `DUMP=FILE` writes, for every language asked, the
//! stem of each vocabulary word and of generated words (random strings over
//! the vocabulary's letters, many of them short or odd, where the regions and
//! NLTK's `IndexError` are at their edges), by code points and, for an ASCII
//! word, by bytes, instead of timing. Under `valgrind --tool=callgrind`,
//! `--toggle-collect='*stem_all*'` counts the stemming alone (PASSES=1).

use std::collections::BTreeSet;
use std::io::Write;
use std::time::Instant;

use stemline_core::{Language, SnowballStemmer};

fn vocabulary(language: Language) -> Vec<String> {
    let folder = match language {
        Language::English => "porter2".to_string(),
        Language::Porter => "porter".to_string(),
        l => format!("snowball/{}", l.name()),
    };
    let path = format!(
        "{}/../../tests/data/{folder}/voc.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(str::to_string)
        .collect()
}

/// A fixed xorshift sequence: the same words and order every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn shuffle<T>(items: &mut [T]) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// Random words over the vocabulary's letters (each as often as it occurs
/// there), a few other letters, and pieces of vocabulary words.
fn generated(words: &[String], n: usize) -> Vec<String> {
    let mut letters: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
    letters.extend("aeiouyAEIOUY'\u{e4}\u{df}\u{456}\u{2019}-0".chars());
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    (0..n)
        .map(|i| {
            if i % 3 == 0 {
                // A vocabulary word's start with random letters after it.
                let w: Vec<char> = words[rng.below(words.len())].chars().collect();
                let cut = rng.below(w.len() + 1);
                let mut s: String = w[..cut].iter().collect();
                for _ in 0..rng.below(5) {
                    s.push(letters[rng.below(letters.len())]);
                }
                s
            } else {
                let len = rng.below(if i % 3 == 1 { 6 } else { 14 });
                (0..len)
                    .map(|_| letters[rng.below(letters.len())])
                    .collect()
            }
        })
        .collect()
}

fn codes(word: &str) -> Vec<u32> {
    word.chars().map(u32::from).collect()
}

/// One pass, as the normalizer stems: out of line so that callgrind can
/// count it alone. Returns the stems' total length.
#[inline(never)]
fn stem_all(stemmer: &SnowballStemmer, words: &[(Vec<u32>, Option<Vec<u8>>)]) -> usize {
    let mut bytes: Vec<u8> = Vec::with_capacity(256);
    let mut word: Vec<u32> = Vec::with_capacity(256);
    let mut total = 0;
    for (cps, ascii) in words {
        match ascii {
            Some(b) => {
                bytes.clear();
                bytes.extend_from_slice(b);
                stemmer.stem_in_place(&mut bytes);
                total += bytes.len();
            }
            None => {
                word.clear();
                word.extend_from_slice(cps);
                word = stemmer
                    .stem(cps, std::mem::take(&mut word))
                    .unwrap_or_default();
                total += word.len();
            }
        }
    }
    total
}

fn text(stem: &[u32]) -> String {
    stem.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

fn dump(language: Language, out: &mut impl Write) {
    let vocabulary = vocabulary(language);
    let mut words = vocabulary.clone();
    words.extend(generated(&vocabulary, 300_000));
    let stemmer = SnowballStemmer::new(language, []);
    for w in &words {
        let lowered = if language.lowercases() {
            w.to_lowercase()
        } else {
            w.clone()
        };
        let by_codes = match stemmer.stem(&codes(w), codes(&lowered)) {
            Ok(s) => text(&s),
            Err(_) => "<IndexError>".to_string(),
        };
        write!(out, "{} {w}\t{by_codes}", language.name()).unwrap();
        if language.lowercases() && w.is_ascii() && w.chars().all(|c| c.is_alphanumeric()) {
            let mut b = lowered.clone().into_bytes();
            stemmer.stem_in_place(&mut b);
            let mut cps = codes(&lowered);
            stemmer.stem_in_place(&mut cps);
            write!(out, "\t{}\t{}", String::from_utf8_lossy(&b), text(&cps)).unwrap();
        }
        writeln!(out).unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("all", String::as_str);
    let passes: usize = args.get(2).map_or(10, |s| s.parse().expect("a count"));
    let languages: Vec<Language> = Language::ALL
        .into_iter()
        .filter(|&l| l != Language::Arabic && l != Language::Porter)
        .filter(|l| which == "all" || l.name() == which)
        .collect();
    if let Some(path) = std::env::var_os("DUMP") {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("writable"));
        for language in languages {
            dump(language, &mut out);
        }
        return;
    }
    for language in languages {
        let mut vocabulary = vocabulary(language);
        shuffle(&mut vocabulary);
        let distinct: BTreeSet<&String> = vocabulary.iter().collect();
        let words: Vec<(Vec<u32>, Option<Vec<u8>>)> = vocabulary
            .iter()
            .map(|w| {
                let ascii = (language.lowercases() && w.is_ascii()).then(|| w.as_bytes().to_vec());
                (codes(w), ascii)
            })
            .collect();
        let ascii = words.iter().filter(|(_, a)| a.is_some()).count();
        let stemmer = SnowballStemmer::new(language, []);
        let mut best = f64::INFINITY;
        let mut sink = 0usize;
        for _ in 0..passes {
            let start = Instant::now();
            sink = sink.wrapping_add(stem_all(&stemmer, &words));
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "{:<11} {:>6} words ({:>3}% ASCII): {:7.1} ns/word (best of {passes}; sink {sink})",
            language.name(),
            distinct.len(),
            100 * ascii / words.len().max(1),
            best * 1e9 / words.len() as f64
        );
    }
}
