//! The native job end to end on small files: every block size and worker
//! count gives the lines of normalizing each document alone, compressed or
//! not, and errors name the line and byte. (The Python tests compare the
//! job with the Python readers on every format; these need no Python.)

use std::io::Write;
use std::sync::{Arc, Mutex};

use stemline_core::{
    CharClasses, ClassRanges, Mode, Normalizer, PorterStemmer, RustLowercase, Stemmer,
};
use stemline_io::{
    run, Compression, DecodePolicy, Error, Format, Hooks, JsonVerdict, Options, Place, Source,
    Stats,
};

fn normalizer() -> Normalizer {
    // ASCII classes: enough for these texts (the real ones come from Python).
    let word = vec![(48, 58), (65, 91), (95, 96), (97, 123)];
    let classes = CharClasses::new(&ClassRanges {
        re_word: word.clone(),
        word,
        space: vec![(9, 14), (32, 33)],
        split_space: vec![(9, 14), (0x1c, 0x21)],
        alpha: vec![(0x41, 0x5B), (0x61, 0x7B)],
        ignore_case: (b'a'..=b'z')
            .map(|l| (l, l.to_ascii_uppercase() as u32))
            .collect(),
        ..Default::default()
    })
    .unwrap();
    Normalizer::new(
        Arc::new(classes),
        Stemmer::Porter(PorterStemmer::new(Mode::NltkExtensions)),
        Arc::new(RustLowercase),
        1 << 20,
    )
}

#[derive(Default)]
struct Recorder {
    tolerated: Mutex<Vec<String>>,
}

impl Hooks for Recorder {
    fn tolerate(&self, place: &Place, message: &str) -> Result<(), Error> {
        self.tolerated
            .lock()
            .unwrap()
            .push(format!("{place}: {message}"));
        Ok(())
    }
    fn json_record(&self, _line: &str) -> Result<JsonVerdict, Error> {
        Ok(JsonVerdict::Bad {
            message: "judged bad".into(),
            column: 0,
            empty_record: Some("{}".into()),
            clash: false,
        })
    }
    fn progress(&self, _stats: &Stats) -> Result<(), Error> {
        Ok(())
    }
}

fn job(
    data: &[u8],
    compression: Option<Compression>,
    format: Format,
    options: Options,
) -> (Result<Stats, Error>, Vec<u8>, Arc<Recorder>) {
    let dir = std::env::temp_dir().join(format!("stemline-io-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{:x}", data.len() * 31 + options.block_bytes));
    let mut file = std::fs::File::create(&path).unwrap();
    match compression {
        Some(Compression::Gzip) => {
            let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
            gz.write_all(data).unwrap();
            gz.finish().unwrap();
        }
        _ => file.write_all(data).unwrap(),
    }
    let source = Source {
        name: "in.txt".into(),
        path: Some(path.clone()),
        compression,
        size: None,
    };
    let hooks = Arc::new(Recorder::default());
    let mut out = Vec::new();
    let result = run(
        &normalizer(),
        Arc::from(vec![(source, format)]),
        Arc::new(options),
        hooks.clone(),
        &mut out,
    );
    std::fs::remove_file(&path).unwrap();
    (result, out, hooks)
}

const TEXT: &str =
    "He said, \"Stop.\"\r\nCats were running!\n\nGonna win; cannot lose.\r\nlast line";

fn expected_lines() -> Vec<u8> {
    let n = normalizer();
    let mut out = Vec::new();
    for line in TEXT.split('\n') {
        out.extend(n.normalize(line.strip_suffix('\r').unwrap_or(line).as_bytes()));
        out.push(b'\n');
    }
    out
}

#[test]
fn every_block_size_and_worker_count_gives_the_same_lines() {
    for compression in [None, Some(Compression::Gzip)] {
        for block_bytes in [1, 2, 3, 7, 16, 1 << 20] {
            for workers in [1, 3] {
                let options = Options {
                    block_bytes,
                    workers,
                    ..Options::default()
                };
                let (stats, out, _) = job(TEXT.as_bytes(), compression, Format::Lines, options);
                let stats = stats.unwrap();
                assert_eq!(
                    out,
                    expected_lines(),
                    "block {block_bytes}, {workers} workers"
                );
                assert_eq!(stats.documents, 5);
                assert_eq!(stats.nbytes, TEXT.len() as u64);
            }
        }
    }
}

#[test]
fn a_bad_byte_is_an_error_at_its_line_and_byte_or_a_tolerated_replacement() {
    let data = b"fine\nnot \xff fine\n";
    let (result, _, _) = job(data, None, Format::Lines, Options::default());
    let Err(Error::Input { place, message, .. }) = result else {
        panic!("no error")
    };
    assert_eq!(place.to_string(), "in.txt: line 2, byte 9");
    assert_eq!(message, "not valid UTF-8: byte(s) ff");
    let options = Options {
        decode: DecodePolicy::Replace,
        ..Options::default()
    };
    let (result, out, hooks) = job(data, None, Format::Lines, options);
    assert!(result.is_ok());
    assert_eq!(out, "fine\nnot \u{fffd} fine\n".as_bytes());
    assert_eq!(
        *hooks.tolerated.lock().unwrap(),
        ["in.txt: line 2, byte 9: not valid UTF-8 (byte(s) ff); replaced by U+FFFD"]
    );
}

#[test]
fn json_lines_records_get_the_field_spliced_in() {
    let data = b"{\"id\": 1.50, \"text\": \"Cats ran.\"}  \n\n{\"text\": 3}\n";
    let options = Options {
        out_field: Some("normalized".into()),
        empty_bad_records: true,
        block_bytes: 5,
        ..Options::default()
    };
    let (result, out, hooks) = job(data, None, Format::Jsonl, options);
    assert_eq!(result.unwrap().documents, 2);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\"id\": 1.50, \"text\": \"Cats ran.\", \"normalized\": \"cat ran .\"}\n{}\n"
    );
    assert_eq!(
        *hooks.tolerated.lock().unwrap(),
        ["in.txt: line 3, byte 37: judged bad; used an empty document"]
    );
}

/// Not a test: `STEMLINE_IO_BENCH=FILE cargo test --release -p stemline-io
/// --test job scaling -- --ignored --nocapture` times the job on FILE (lines)
/// with 1 and 2 workers, without Python.
#[test]
#[ignore]
fn scaling() {
    let Ok(path) = std::env::var("STEMLINE_IO_BENCH") else {
        return;
    };
    let n = normalizer();
    for workers in [1, 2, 1, 2] {
        let source = Source {
            name: path.clone(),
            path: Some(path.clone().into()),
            compression: None,
            size: None,
        };
        let options = Options {
            workers,
            ..Options::default()
        };
        let mut out = std::io::sink();
        let started = std::time::Instant::now();
        let stats = run(
            &n,
            Arc::from(vec![(source, Format::Lines)]),
            Arc::new(options),
            Arc::new(Recorder::default()),
            &mut out,
        )
        .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "workers={workers}: {:.1} MB/s",
            stats.nbytes as f64 / 1e6 / seconds
        );
    }
}

/// Hooks whose JSON judge panics: a bug on the reading thread.
struct PanickingJudge;

impl Hooks for PanickingJudge {
    fn tolerate(&self, _place: &Place, _message: &str) -> Result<(), Error> {
        Ok(())
    }
    fn json_record(&self, _line: &str) -> Result<JsonVerdict, Error> {
        panic!("the judge's bug");
    }
    fn progress(&self, _stats: &Stats) -> Result<(), Error> {
        Ok(())
    }
}

#[test]
fn a_panic_while_reading_is_not_a_finished_job() {
    // The reading thread dies after the first record: its blocks just stop,
    // which must not look like the end of the input (a silently cut output).
    let dir = std::env::temp_dir().join(format!("stemline-io-panic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("in.jsonl");
    std::fs::write(&path, "{\"text\": \"a\"}\nnot json\n{\"text\": \"b\"}\n").unwrap();
    let source = Source {
        name: "in.jsonl".into(),
        path: Some(path.clone()),
        compression: None,
        size: None,
    };
    let options = Options {
        block_bytes: 4,
        ..Options::default()
    };
    let outcome = std::panic::catch_unwind(|| {
        let mut out = Vec::new();
        run(
            &normalizer(),
            Arc::from(vec![(source, Format::Jsonl)]),
            Arc::new(options),
            Arc::new(PanickingJudge),
            &mut out,
        )
    });
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(outcome.is_err(), "the job ended as finished: {outcome:?}");
}

/// Hooks whose JSON judge (with `hold`) holds the record "first" until the
/// record "second" (read later, in another chunk) has been judged: the first
/// chunk is finished after the second, whatever the threads' timing.
struct HeldJudge {
    hold: bool,
    /// The hold ended by its time limit: the second record was never judged.
    timed_out: Mutex<bool>,
    second_judged: Mutex<bool>,
    judged: std::sync::Condvar,
    tolerated: Mutex<Vec<String>>,
}

impl Hooks for HeldJudge {
    fn tolerate(&self, place: &Place, message: &str) -> Result<(), Error> {
        self.tolerated
            .lock()
            .unwrap()
            .push(format!("{place}: {message}"));
        Ok(())
    }
    fn json_record(&self, line: &str) -> Result<JsonVerdict, Error> {
        let mut second = self.second_judged.lock().unwrap();
        if line.contains("second") {
            *second = true;
            self.judged.notify_all();
        } else if line.contains("first") && self.hold {
            // Bounded, should a bug keep the second record from being read.
            let wait = std::time::Duration::from_secs(30);
            let (judged, waited) = self
                .judged
                .wait_timeout_while(second, wait, |s| !*s)
                .unwrap();
            *self.timed_out.lock().unwrap() = waited.timed_out();
            second = judged;
        }
        drop(second);
        Ok(JsonVerdict::Bad {
            message: format!("judged {line}"),
            column: 0,
            empty_record: Some(format!("{{\"was\": {line:?}}}")),
            clash: false,
        })
    }
    fn progress(&self, _stats: &Stats) -> Result<(), Error> {
        Ok(())
    }
}

#[test]
fn chunks_finished_out_of_order_are_written_in_order() {
    // Each line is a chunk of its own; the records the judge sees (not
    // objects) are bad records, written as given and tolerated in order.
    let mut data = String::new();
    for i in 0..40 {
        match i {
            3 => data.push_str("\"first\"\n"),
            // Within the chunks two workers may read while one is held.
            5 => data.push_str("\"second\"\n"),
            _ if i % 7 == 0 => data.push_str(&format!("\"bad {i}\"\n")),
            _ => data.push_str(&format!("{{\"text\": \"Cats {i} ran.\"}}\n")),
        }
    }
    let path = std::env::temp_dir().join(format!("stemline-io-order-{}.jsonl", std::process::id()));
    std::fs::write(&path, &data).unwrap();
    let mut outputs = Vec::new();
    for workers in [1, 2, 4] {
        let source = Source {
            name: "in.jsonl".into(),
            path: Some(path.clone()),
            compression: None,
            size: None,
        };
        let options = Options {
            block_bytes: 4,
            workers,
            empty_bad_records: true,
            out_field: Some("normalized".into()),
            ..Options::default()
        };
        let hooks = Arc::new(HeldJudge {
            hold: workers > 1,
            timed_out: Mutex::new(false),
            second_judged: Mutex::new(false),
            judged: std::sync::Condvar::new(),
            tolerated: Mutex::new(Vec::new()),
        });
        let mut out = Vec::new();
        let stats = run(
            &normalizer(),
            Arc::from(vec![(source, Format::Jsonl)]),
            Arc::new(options),
            hooks.clone(),
            &mut out,
        )
        .unwrap();
        assert_eq!(stats.documents, 40);
        assert!(
            !*hooks.timed_out.lock().unwrap(),
            "{workers} workers: the second never came"
        );
        let tolerated = hooks.tolerated.lock().unwrap().clone();
        outputs.push((out, tolerated));
    }
    std::fs::remove_file(&path).unwrap();
    let (out, tolerated) = &outputs[0];
    let n = normalizer();
    let mut expected = Vec::new();
    let mut expected_tolerated = Vec::new();
    let mut offset = 0;
    for (i, line) in data.lines().enumerate() {
        if line.starts_with('"') {
            expected.extend_from_slice(format!("{{\"was\": {line:?}}}\n").as_bytes());
            expected_tolerated.push(format!(
                "in.jsonl: line {}, byte {offset}: judged {line}; used an empty document",
                i + 1
            ));
        } else {
            let text = format!("Cats {i} ran.");
            let normalized = String::from_utf8(n.normalize(text.as_bytes())).unwrap();
            let head = &line[..line.len() - 1];
            expected.extend_from_slice(
                format!("{head}, \"normalized\": \"{normalized}\"}}\n").as_bytes(),
            );
        }
        offset += line.len() + 1;
    }
    assert_eq!(
        String::from_utf8_lossy(out),
        String::from_utf8_lossy(&expected)
    );
    assert_eq!(*tolerated, expected_tolerated);
    for (workers, other) in [2, 4].iter().zip(&outputs[1..]) {
        assert_eq!(other, &outputs[0], "{workers} workers");
    }
}

/// Lines of varied length, with bad bytes at known lines.
fn varied_lines(bad_at: &[usize]) -> Vec<u8> {
    let mut data = Vec::new();
    for i in 0..3_000usize {
        let words = (i * 7919) % 61;
        for w in 0..words {
            data.extend_from_slice(if w % 3 == 0 { b"Running " } else { b"cats, " });
        }
        if bad_at.contains(&(i + 1)) {
            data.extend_from_slice(b"bad \xff byte");
        }
        data.extend_from_slice(if i % 5 == 0 { b"\r\n" } else { b"\n" });
    }
    data
}

#[test]
fn every_worker_count_writes_the_same_bytes_and_the_first_error() {
    for block_bytes in [97, 4096] {
        let data = varied_lines(&[]);
        let runs: Vec<_> = [1, 2, 4]
            .iter()
            .map(|&workers| {
                let options = Options {
                    block_bytes,
                    workers,
                    ..Options::default()
                };
                let (stats, out, _) = job(&data, None, Format::Lines, options);
                (stats.unwrap(), out)
            })
            .collect();
        assert_eq!(runs[0].0.documents, 3_000);
        assert!(runs.iter().all(|r| r == &runs[0]), "block {block_bytes}");
        // Bad bytes at lines 700 and 2100: the first is the error; replaced,
        // both are tolerated in order.
        let data = varied_lines(&[700, 2100]);
        for workers in [1, 2, 4] {
            let options = Options {
                block_bytes,
                workers,
                ..Options::default()
            };
            let (result, _, _) = job(&data, None, Format::Lines, options);
            let Err(Error::Input { place, .. }) = result else {
                panic!("no error")
            };
            assert_eq!(place.line, Some(700), "{workers} workers");
            let options = Options {
                block_bytes,
                workers,
                decode: DecodePolicy::Replace,
                ..Options::default()
            };
            let (result, out, hooks) = job(&data, None, Format::Lines, options);
            assert_eq!(result.unwrap().documents, 3_000);
            let lines: Vec<_> = hooks.tolerated.lock().unwrap().clone();
            assert_eq!(lines.len(), 2);
            assert!(lines[0].starts_with("in.txt: line 700, "), "{lines:?}");
            assert!(lines[1].starts_with("in.txt: line 2100, "), "{lines:?}");
            assert_eq!(out.split(|&b| b == b'\n').count(), 3_001);
        }
    }
}
