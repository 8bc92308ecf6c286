//! A Rust-only driver for profiling the core without the Python boundary:
//! normalizes a file of documents (one per line, ASCII character classes) and
//! prints MB/s with no cache, a fresh cache and a warm one.
//!
//! `cargo run --release -p stemline-core --example run_corpus -- FILE [CACHE_BYTES] [PASSES]`
//! (under `valgrind --tool=callgrind`, PASSES=1 counts one pass of each;
//! the environment variable `ONLY=none`, `fresh` or `warm` runs only that one;
//! `STEMMER=` a stemmer's name, such as `none`, stems with it instead of `nltk`).

use std::sync::Arc;
use std::time::Instant;

use stemline_core::{Mode, Normalizer, RustLowercase, Stemmer, Stemming, DEFAULT_CACHE_BYTES};

mod ascii;
use ascii::ascii_classes;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: run_corpus FILE [CACHE_BYTES] [PASSES]");
    let cache_bytes = args
        .get(2)
        .map_or(DEFAULT_CACHE_BYTES, |s| s.parse().expect("a byte count"));
    let passes: usize = args.get(3).map_or(3, |s| s.parse().expect("a count"));
    let text = std::fs::read(path).expect("readable file");
    let docs: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    let mb = text.len() as f64 / 1e6;
    let classes = Arc::new(ascii_classes());
    let stemming = std::env::var("STEMMER").map_or(Stemming::Porter(Mode::NltkExtensions), |s| {
        Stemming::from_name(&s).expect("a stemmer's name")
    });
    let stemmer = Stemmer::new(stemming).expect("a stemmer without data");
    let new = |bytes| {
        Normalizer::new(
            classes.clone(),
            stemmer.clone(),
            Arc::new(RustLowercase),
            bytes,
        )
    };
    let time = |n: &Normalizer| {
        let start = Instant::now();
        let lines = n.normalize_batch(&docs, 1);
        let seconds = start.elapsed().as_secs_f64();
        (seconds, lines.iter().map(Vec::len).sum::<usize>())
    };
    let best = |f: &dyn Fn() -> (f64, usize)| {
        (0..passes)
            .map(|_| f())
            .fold((f64::INFINITY, 0), |a, b| if b.0 < a.0 { b } else { a })
    };
    // ONLY=warm (or none, fresh) skips the other runs, for instruction counts.
    let only = std::env::var("ONLY").unwrap_or_default();
    let run = |name: &str| only.is_empty() || only == name;
    let skipped = (f64::NAN, 0);
    let uncached = new(0);
    let (none, out) = if run("none") {
        best(&|| time(&uncached))
    } else {
        skipped
    };
    let (fresh, _) = if run("fresh") {
        best(&|| time(&new(cache_bytes)))
    } else {
        skipped
    };
    let warm_n = new(cache_bytes);
    let (warm, _) = if run("warm") {
        time(&warm_n);
        best(&|| time(&warm_n))
    } else {
        skipped
    };
    let (entries, bytes) = warm_n.cache_stats().first().copied().unwrap_or_default();
    println!(
        "{mb:.1} MB, {out} output bytes; MB/s: no cache {:.1}, fresh {:.1}, warm {:.1} \
         (bound {cache_bytes} bytes; warm cache {entries} entries, {bytes} bytes)",
        mb / none,
        mb / fresh,
        mb / warm
    );
}
