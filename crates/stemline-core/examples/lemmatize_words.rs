//! Times the WordNet lemmatizer's core on a list of words, every part of
//! speech, and parsing the data.
//!
//! `cargo run --release -p stemline-core --example lemmatize_words -- DATA WORDS [PASSES]`
//! DATA is the package's data decompressed (`python -c "import zlib, sys;
//! sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read()))"
//! python/stemline/data/wordnet/lemmas.zlib > /tmp/wordnet.txt`); WORDS has
//! one word a line.

use std::time::Instant;

use stemline_core::lemma::{Lemmatized, Pos, WordNet};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, data, words, ..] = &args[..] else {
        eprintln!("usage: lemmatize_words DATA WORDS [PASSES]");
        std::process::exit(2);
    };
    let passes: usize = args.get(3).map_or(10, |p| p.parse().expect("PASSES"));
    let data = std::fs::read(data).expect("DATA");
    let start = Instant::now();
    let wordnet = WordNet::parse(data).expect("valid data");
    println!("parse: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    let text = std::fs::read(words).expect("WORDS");
    let words: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    for pos in Pos::ALL {
        let start = Instant::now();
        let mut changed = 0usize;
        for _ in 0..passes {
            for w in &words {
                changed += matches!(wordnet.lemmatize(w, pos), Lemmatized::Lemma(_)) as usize;
            }
        }
        let ns = start.elapsed().as_secs_f64() * 1e9 / (passes * words.len()) as f64;
        println!(
            "{}: {ns:.1} ns a word, {} changed",
            pos.nltk_name(),
            changed / passes
        );
    }
}
