//! Opening an input: the file (or standard input), its compression found by
//! magic bytes and checked against what its name says, and a reader of the
//! decompressed bytes that turns a truncated or corrupt stream into an error
//! naming the file and the decompressed offset reached, as the Python
//! readers do.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::{strerror, Error, Place};

/// How a source is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

impl Compression {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "gzip" => Some(Compression::Gzip),
            "bzip2" => Some(Compression::Bzip2),
            "xz" => Some(Compression::Xz),
            "zstd" => Some(Compression::Zstd),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Bzip2 => "bzip2",
            Compression::Xz => "xz",
            Compression::Zstd => "zstd",
        }
    }
}

/// Bytes read before deciding.
const SNIFF_BYTES: usize = 10;

/// Most bytes asked of the decompressor at a time (the Python readers ask
/// as much): an error's place is where the data went bad, give or take less.
const STEP_BYTES: usize = 16 << 10;

/// The compression the first bytes of a stream show (bzip2's `BZh` can start
/// a text file, so its block magic is checked too).
pub fn sniff(head: &[u8]) -> Option<Compression> {
    if head.starts_with(b"\x1f\x8b\x08") {
        Some(Compression::Gzip)
    } else if head.starts_with(b"\xfd7zXZ\x00") {
        Some(Compression::Xz)
    } else if head.starts_with(b"\x28\xb5\x2f\xfd") {
        Some(Compression::Zstd)
    } else if head.len() >= 10
        && &head[..3] == b"BZh"
        && (b'1'..=b'9').contains(&head[3])
        && (&head[4..10] == b"\x31\x41\x59\x26\x53\x59"
            || &head[4..10] == b"\x17\x72\x45\x38\x50\x90")
    {
        Some(Compression::Bzip2)
    } else {
        None
    }
}

/// One input of a job.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name errors use.
    pub name: String,
    /// None: standard input. A path, not a string: a file name need not be
    /// UTF-8 (on Unix, any bytes but `/` and NUL).
    pub path: Option<std::path::PathBuf>,
    /// Compression the name announces (the bytes must agree).
    pub compression: Option<Compression>,
    /// Size on disk, if known (the first read of a whole-file document asks for it).
    pub size: Option<u64>,
}

/// Counts the bytes taken from the file, for progress.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The bytes already read to sniff, then the rest.
struct Prefixed<R> {
    head: Vec<u8>,
    at: usize,
    rest: R,
}

impl<R: Read> Read for Prefixed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at < self.head.len() {
            let n = buf.len().min(self.head.len() - self.at);
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        self.rest.read(buf)
    }
}

/// The decompressed stream of one source.
pub struct Input {
    pub name: String,
    pub compression: Option<Compression>,
    /// Decompressed bytes handed out so far.
    pub position: u64,
    /// Bytes taken from the file so far.
    pub consumed: Arc<AtomicU64>,
    stream: Box<dyn Read + Send>,
}

impl Input {
    /// Opens `source` (standard input for no path).
    pub fn open(source: &Source) -> Result<Input, Error> {
        let cannot = |e: &io::Error| {
            Error::input(
                Place::file(&source.name),
                format!("cannot read: {}", strerror(e)),
                None,
            )
        };
        let file: Box<dyn Read + Send> = match &source.path {
            Some(path) => Box::new(File::open(path).map_err(|e| cannot(&e))?),
            // SAFETY: descriptor 0 stays open for the process; ManuallyDrop
            // keeps this File from closing it.
            None => Box::new(StdinFd(ManuallyDrop::new(unsafe { File::from_raw_fd(0) }))),
        };
        let consumed = Arc::new(AtomicU64::new(0));
        let mut counted = Counting {
            inner: file,
            count: consumed.clone(),
        };
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        (&mut counted)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| cannot(&e))?;
        let found = sniff(&head);
        if let Some(said) = source.compression {
            if found != Some(said) {
                let data = match found {
                    Some(c) => c.name().to_owned(),
                    None => format!(
                        "not compressed (first bytes: {})",
                        crate::decode::hex(&head[..head.len().min(4)])
                    ),
                };
                return Err(Error::input(
                    Place::file(&source.name),
                    format!("the name says {} but the data is {data}", said.name()),
                    None,
                ));
            }
        }
        let raw = Prefixed {
            head,
            at: 0,
            rest: counted,
        };
        let stream: Box<dyn Read + Send> = match found {
            None => Box::new(raw),
            Some(Compression::Gzip) => {
                Box::new(GzipMembers::new(io::BufReader::with_capacity(1 << 16, raw)))
            }
            Some(Compression::Bzip2) => Box::new(bzip2::read::MultiBzDecoder::new(
                io::BufReader::with_capacity(1 << 16, raw),
            )),
            Some(Compression::Xz) => Box::new(liblzma::read::XzDecoder::new_multi_decoder(
                io::BufReader::with_capacity(1 << 16, raw),
            )),
            Some(Compression::Zstd) => {
                Box::new(zstd::stream::read::Decoder::new(raw).map_err(|e| cannot(&e))?)
            }
        };
        Ok(Input {
            name: source.name.clone(),
            compression: found,
            position: 0,
            consumed,
            stream,
        })
    }

    /// Fills `buf` with up to `n` more bytes (fewer only at the end), as a
    /// Python `read(n)` does. When the stream fails, every byte it gave
    /// before counts in the error's place, as in the Python readers: the
    /// place is where the data went bad, not the start of the block.
    pub fn read_block(&mut self, buf: &mut Vec<u8>, n: usize) -> Result<usize, Error> {
        let start = buf.len();
        buf.resize(start + n, 0);
        let mut filled = 0;
        while filled < n {
            // A step at a time: a decoder that fails drops what it made in
            // that call, so the place it gives is at most a step short.
            let step = (start + filled + STEP_BYTES).min(start + n);
            match self.stream.read(&mut buf[start + filled..step]) {
                Ok(0) => break,
                Ok(k) => filled += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    buf.truncate(start);
                    self.position += filled as u64;
                    return Err(self.error(&e));
                }
            }
        }
        buf.truncate(start + filled);
        self.position += filled as u64;
        Ok(filled)
    }

    fn error(&self, e: &io::Error) -> Error {
        match self.compression {
            None => Error::input(
                Place::file(&self.name),
                format!("cannot read: {}", strerror(e)),
                None,
            ),
            Some(c) if e.kind() == io::ErrorKind::UnexpectedEof => Error::input(
                Place::file(&self.name),
                format!(
                    "{} data ends early (truncated file?) after {} bytes of decompressed data",
                    c.name(),
                    self.position
                ),
                None,
            ),
            Some(c) => Error::input(
                Place::at(&self.name, None, Some(self.position)),
                format!("corrupt {} data: {}", c.name(), strerror(e)),
                None,
            ),
        }
    }
}

/// gzip members one after another, read as Python's `gzip` and `gzip -d`
/// read them: NUL bytes after a member are padding (tape archives and some
/// writers add them) and are skipped; then comes another member or the end.
/// Anything else there is corrupt data, as it is to Python (`flate2`'s own
/// `MultiGzDecoder` takes padding for a truncated member).
struct GzipMembers<R: BufRead> {
    /// The member being read, or the stream between members.
    state: Option<Member<R>>,
}

enum Member<R: BufRead> {
    Reading(Box<flate2::bufread::GzDecoder<R>>),
    Between(R),
}

impl<R: BufRead> GzipMembers<R> {
    fn new(inner: R) -> Self {
        GzipMembers {
            state: Some(Member::Reading(Box::new(flate2::bufread::GzDecoder::new(
                inner,
            )))),
        }
    }
}

impl<R: BufRead> Read for GzipMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.state.take() {
                None => return Ok(0),
                Some(Member::Reading(mut member)) => match member.read(buf) {
                    Ok(0) if !buf.is_empty() => {
                        self.state = Some(Member::Between(member.into_inner()));
                    }
                    other => {
                        self.state = Some(Member::Reading(member));
                        return other;
                    }
                },
                Some(Member::Between(mut inner)) => {
                    let data = match inner.fill_buf() {
                        Ok(data) => data,
                        Err(e) => {
                            self.state = Some(Member::Between(inner));
                            return Err(e);
                        }
                    };
                    if data.is_empty() {
                        return Ok(0); // the end, after whole members
                    }
                    let nuls = data.iter().take_while(|&&b| b == 0).count();
                    if nuls > 0 {
                        inner.consume(nuls);
                        self.state = Some(Member::Between(inner));
                        continue;
                    }
                    if data.len() >= 2 && data[..2] != [0x1f, 0x8b] {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "not a gzipped file (data after the last member)",
                        ));
                    }
                    let decoder = Box::new(flate2::bufread::GzDecoder::new(inner));
                    self.state = Some(Member::Reading(decoder));
                }
            }
        }
    }
}

/// Standard input, read without ever closing it.
struct StdinFd(ManuallyDrop<File>);

impl Read for StdinFd {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        (&*self.0).read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn members(data: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        GzipMembers::new(io::BufReader::with_capacity(7, data)).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn gzip_members_are_read_as_python_reads_them() {
        let (a, b) = (gzip(b"one\n"), gzip(b"two\n"));
        assert_eq!(
            members(&[a.clone(), b.clone()].concat()).unwrap(),
            b"one\ntwo\n"
        );
        // NUL padding between and after members, of any length, as `gzip -d` takes it.
        let padded = [a.clone(), vec![0; 5], b.clone(), vec![0; 3]].concat();
        assert_eq!(members(&padded).unwrap(), b"one\ntwo\n");
        // Anything else after a member is corrupt data, not the end.
        let garbage = [a.clone(), b"garbage!".to_vec()].concat();
        assert_eq!(
            members(&garbage).unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        let cut = [a, b[..b.len() - 3].to_vec()].concat();
        assert!(members(&cut).is_err());
    }
}
