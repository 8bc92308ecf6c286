//! `NLTKWordTokenizer`, natively: the core's tokenizer with the GIL released,
//! its tokens turned into Python strings. Subclassed in
//! stemline/tokenize/destructive.py, which adds NLTK's signatures. And
//! `word_tokenize` in one language (Punkt's sentences, then that tokenizer on
//! each), behind stemline.tokenize.word_tokenize.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use stemline_core::nltk_word::align::SpanError;
use stemline_core::nltk_word::ids::TokenIds;
use stemline_core::nltk_word::keyed::Keyed;
use stemline_core::nltk_word::{
    convert_parentheses as convert_parentheses_of, NltkWordTokenizer, WordTokens, PIECE_BYTES,
};
use stemline_core::parallel::in_chunks_streamed;
use stemline_core::resolve_workers;
use stemline_core::word_tokenize::WordTokenize;

use crate::cpython::Layout;
use crate::punkt::PunktSentenceTokenizer;
use crate::{py_string, text_bytes, texts_bytes, CharTables};

/// Tokens are turned into Python strings in parts of about this many bytes,
/// so that a huge text never has all its tokens in a native buffer too.
const PART_BYTES: usize = 1 << 20;

/// Texts longer than this, not ASCII, are encoded for the call instead of
/// read through CPython's UTF-8 cache (see `Normalizer.normalize`).
const LONG_TEXT_CHARS: usize = 4 << 20;

/// `text` as generalized UTF-8 for one call.
fn call_bytes<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, [u8]>> {
    if text.len()? > LONG_TEXT_CHARS && !text.call_method0("isascii")?.is_truthy()? {
        // CPython would keep the UTF-8 it makes in the string for the
        // string's lifetime, beside the copy it builds: an encoded copy costs
        // the text's size once, and only during the call.
        let encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
        return Ok(Cow::Owned(encoded.cast::<PyBytes>()?.as_bytes().to_vec()));
    }
    text_bytes(text)
}

/// What a tokenizer class keeps from call to call, for its lists of tokens.
struct Memory {
    /// For a text of at most [`PART_BYTES`], brackets as they are; none for
    /// a tokenizer whose `cache_bytes` is 0, which keeps nothing.
    shared: Option<Mutex<Shared>>,
    /// For any other, and for a call that finds `shared` in use.
    strings: Mutex<Strings>,
    /// For batches on several threads: each worker's ids and strings, kept
    /// from one batch to the next (as many as the machine has cores).
    workers: Mutex<Vec<WorkerIds>>,
    /// See [`MAX_IDS`].
    max_ids: usize,
}

impl Memory {
    /// At most `max_ids` strings kept, and stretches in a cache of
    /// `cache_bytes`.
    fn new(max_ids: usize, cache_bytes: usize) -> Self {
        Memory {
            shared: (cache_bytes > 0).then(|| Mutex::new(Shared::new(cache_bytes))),
            strings: Mutex::new(Strings::new()),
            workers: Mutex::new(Vec::new()),
            max_ids,
        }
    }

    /// Whether `ids` hold more than is kept from one call (or batch) to the
    /// next: then they are forgotten, with their strings.
    fn over_bound(&self, ids: &TokenIds) -> bool {
        ids.len() > self.max_ids || ids.token_bytes() > MAX_ID_BYTES
    }

    /// Forgets the strings kept, unless a call is using them.
    fn clear(&self) {
        if let Some(Ok(mut shared)) = self.shared.as_ref().map(Mutex::try_lock) {
            shared.clear();
        }
        if let Ok(mut workers) = self.workers.try_lock() {
            workers.clear();
        }
    }
}

/// Tokens this long at most are kept in [`Strings`].
const SHORT_TOKEN: usize = 15;

/// A short token (2 to [`SHORT_TOKEN`] bytes) as two integers and its
/// length, read with fixed-size (possibly overlapping) loads: together they
/// hold every byte of the token, so equal keys are equal tokens. A copy of
/// the token into a zero-padded array was a `memcpy` call per token.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortKey {
    lo: u64,
    hi: u64,
    len: usize,
}

impl ShortKey {
    #[inline(always)]
    fn of(token: &[u8]) -> Self {
        let n = token.len();
        debug_assert!((2..=SHORT_TOKEN).contains(&n));
        let u64_at = |i: usize| u64::from_le_bytes(token[i..i + 8].try_into().expect("8 bytes"));
        let u32_at =
            |i: usize| u32::from_le_bytes(token[i..i + 4].try_into().expect("4 bytes")) as u64;
        let (lo, hi) = if n >= 8 {
            (u64_at(0), u64_at(n - 8))
        } else if n >= 4 {
            (u32_at(0), u32_at(n - 4))
        } else {
            (
                token[0] as u64 | (token[1] as u64) << 8,
                token[n - 1] as u64,
            )
        };
        ShortKey { lo, hi, len: n }
    }

    #[inline(always)]
    fn slot(&self) -> usize {
        let h = (self.lo ^ self.hi.rotate_left(29) ^ self.len as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 52) as usize & (STRING_SLOTS - 1)
    }
}

/// One [`Strings`] entry: a short token and its Python string.
struct Kept {
    key: ShortKey,
    string: Py<PyString>,
}

/// The Python strings of recent short tokens, reused: text repeats a small
/// vocabulary, and a reference to a string made before costs a fraction of
/// making (and later freeing) a new one, which was most of `tokenize`'s
/// time. Direct-mapped by a hash of the token; a token that misses takes its
/// slot. Only used with the GIL held (its `Mutex` is never contended).
struct Strings {
    slots: Vec<Option<Kept>>,
}

const STRING_SLOTS: usize = 1 << 12;

impl Strings {
    fn new() -> Self {
        Strings {
            slots: (0..STRING_SLOTS).map(|_| None).collect(),
        }
    }

    /// The Python string of `token`.
    #[inline]
    fn get(&mut self, py: Python<'_>, token: &[u8]) -> PyResult<Py<PyString>> {
        if token.len() > SHORT_TOKEN || token.len() <= 1 {
            // One-character strings are CPython's own singletons already.
            return Ok(py_string(py, token)?.unbind());
        }
        let key = ShortKey::of(token);
        let slot = &mut self.slots[key.slot()];
        if let Some(kept) = slot {
            if kept.key == key {
                return Ok(kept.string.clone_ref(py));
            }
        }
        let string = py_string(py, token)?.unbind();
        *slot = Some(Kept {
            key,
            string: string.clone_ref(py),
        });
        Ok(string)
    }
}

/// [`Strings`] for one call, if no other call is using them: a call never
/// waits for them (one waiting with the GIL held could wait for ever for a
/// call that gave the GIL up, in a finalizer that a collection ran, or that
/// called back into this tokenizer). Without them, every string is new.
struct Interner<'a>(Option<MutexGuard<'a, Strings>>);

impl<'a> Interner<'a> {
    fn of(strings: &'a Mutex<Strings>) -> Self {
        Interner(strings.try_lock().ok())
    }

    #[inline]
    fn get(&mut self, py: Python<'_>, token: &[u8]) -> PyResult<Py<PyString>> {
        match &mut self.0 {
            Some(strings) => strings.get(py, token),
            None => Ok(py_string(py, token)?.unbind()),
        }
    }
}

/// The most token ids (and so Python strings) [`Shared`] and each
/// [`WorkerIds`] keep by default ([`Memory::over_bound`]): a call that
/// leaves more forgets them all, and a worker that has more at the start of
/// a group. News text has about
/// 40,000 distinct tokens (BBC's 2,225 articles: 38,257); a corpus of ids
/// and numbers is bounded here instead of by its vocabulary, at about 8 MB
/// of strings.
const MAX_IDS: usize = 1 << 17;

/// The most bytes of tokens and their table kept, likewise.
const MAX_ID_BYTES: usize = 8 << 20;

/// What a tokenizer keeps from call to call for [`token_list`]: each key's
/// token ids ([`TokenIds`]) and each id's Python string, so that a token
/// seen before is a new reference to the same string, and a chunk seen
/// before is one lookup. Only one call uses it at a time (see [`Interner`]).
struct Shared {
    ids: TokenIds,
    strings: Vec<Py<PyString>>,
    /// One call's token ids, in order.
    out: Vec<u32>,
}

impl Shared {
    fn new(cache_bytes: usize) -> Self {
        Shared {
            ids: TokenIds::new(cache_bytes),
            strings: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Forgets every token and its string.
    fn clear(&mut self) {
        self.ids.clear();
        self.strings.clear();
    }

    /// The tokens of `text` (at most [`PART_BYTES`]) as a list of Python
    /// strings, the text tokenized with the GIL released; `kept` bounds
    /// what stays after.
    fn token_list<'py>(
        &mut self,
        py: Python<'py>,
        tokenizer: &impl Tokenize,
        kept: &Memory,
        text: &[u8],
    ) -> PyResult<Bound<'py, PyList>> {
        let Shared { ids, strings, out } = self;
        out.clear();
        py.detach(|| tokenizer.for_each_keyed(text, &mut ids.collector(out)));
        while strings.len() < ids.len() {
            let token = ids.token(strings.len() as u32);
            strings.push(py_string(py, token)?.unbind());
        }
        let list = ids_to_list(py, strings, out)?;
        if out.capacity() > PART_BYTES {
            *out = Vec::new();
        }
        // Past the bound (a call of many new tokens), forgotten now rather
        // than held until the next call: the list holds its strings.
        if kept.over_bound(ids) {
            self.clear();
        }
        Ok(list)
    }
}

/// The list of the strings `ids` stand for (each below `strings.len()`).
fn ids_to_list<'py>(
    py: Python<'py>,
    strings: &[Py<PyString>],
    ids: &[u32],
) -> PyResult<Bound<'py, PyList>> {
    assert!(
        ids.iter().all(|&id| (id as usize) < strings.len()),
        "a token id without its string"
    );
    let list = new_list(py, ids.len())?;
    let layout = Layout::of(py);
    let strings_at = ids.iter().enumerate().map(|(i, &id)| {
        if let Some(&ahead) = ids.get(i + PREFETCH_AHEAD) {
            prefetch(strings[ahead as usize].as_ptr());
        }
        strings[id as usize].as_ptr()
    });
    match layout.list_items(&list) {
        // SAFETY: `items` is the item array of `list`, a new list of
        // `ids.len()` empty places, one for each string; the GIL is held.
        Some(items) => unsafe { layout.write_references(items, strings_at) },
        None => {
            for (i, string) in strings_at.enumerate() {
                // SAFETY: as above, each place set once through the stable
                // ABI, which takes the new reference.
                unsafe {
                    ffi::Py_IncRef(string);
                    ffi::PyList_SetItem(list.as_ptr(), i as ffi::Py_ssize_t, string);
                }
            }
        }
    }
    Ok(list)
}

/// How many tokens ahead [`ids_to_list`] asks for a string it will
/// add a reference to.
const PREFETCH_AHEAD: usize = 8;

/// Asks the processor to bring `object` into its caches.
#[inline(always)]
fn prefetch(object: *mut ffi::PyObject) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and never faults.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(object.cast_const().cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = object;
}

/// A new list of `len` empty places, each to be set once before the list
/// is handed out.
fn new_list(py: Python<'_>, len: usize) -> PyResult<Bound<'_, PyList>> {
    // SAFETY: PyList_New returns a new reference or NULL with an exception set.
    unsafe {
        let list = ffi::PyList_New(len as ffi::Py_ssize_t);
        Ok(Bound::from_owned_ptr_or_err(py, list)?.cast_into_unchecked())
    }
}

/// Appends `tokens` to `list` as Python strings.
fn push_tokens(
    py: Python<'_>,
    strings: &mut Interner<'_>,
    tokens: &WordTokens,
    parentheses: bool,
    list: &mut Vec<Py<PyString>>,
) -> PyResult<()> {
    list.reserve(tokens.len());
    for token in tokens.iter() {
        let token = if parentheses {
            convert_parentheses_of(token)
        } else {
            token
        };
        list.push(strings.get(py, token)?);
    }
    Ok(())
}

fn tokens_to_py<'py>(
    py: Python<'py>,
    strings: &mut Interner<'_>,
    tokens: &WordTokens,
    parentheses: bool,
) -> PyResult<Bound<'py, PyList>> {
    let mut list = Vec::new();
    push_tokens(py, strings, tokens, parentheses, &mut list)?;
    PyList::new(py, list)
}

/// What the two classes below tokenize with: one text's tokens, each handed
/// on, and a batch's, each text's list handed on in order.
trait Tokenize: Sync {
    fn for_each_token(&self, text: &[u8], emit: impl FnMut(&[u8]));

    fn for_each_keyed(&self, text: &[u8], keyed: &mut impl Keyed);

    /// The bound of each worker's cache.
    fn cache_bytes(&self) -> usize;

    fn tokenize_batch_streamed(
        &self,
        texts: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<WordTokens>),
    );
}

impl Tokenize for NltkWordTokenizer {
    fn for_each_token(&self, text: &[u8], emit: impl FnMut(&[u8])) {
        let mut scratch = self.take_scratch();
        NltkWordTokenizer::for_each_token(self, text, &mut scratch, emit);
        self.put_scratch(scratch);
    }

    fn for_each_keyed(&self, text: &[u8], keyed: &mut impl Keyed) {
        let mut scratch = self.take_scratch();
        NltkWordTokenizer::for_each_keyed(self, text, &mut scratch, keyed);
        self.put_scratch(scratch);
    }

    fn cache_bytes(&self) -> usize {
        NltkWordTokenizer::cache_bytes(self)
    }

    fn tokenize_batch_streamed(
        &self,
        texts: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<WordTokens>),
    ) {
        NltkWordTokenizer::tokenize_batch_streamed(self, texts, workers, consume)
    }
}

impl Tokenize for WordTokenize {
    fn for_each_token(&self, text: &[u8], emit: impl FnMut(&[u8])) {
        let mut scratch = self.take_scratch();
        WordTokenize::for_each_token(self, text, &mut scratch, emit);
        self.put_scratch(scratch);
    }

    fn for_each_keyed(&self, text: &[u8], keyed: &mut impl Keyed) {
        let mut scratch = self.take_scratch();
        WordTokenize::for_each_keyed(self, text, &mut scratch, keyed);
        self.put_scratch(scratch);
    }

    fn cache_bytes(&self) -> usize {
        self.words().cache_bytes()
    }

    fn tokenize_batch_streamed(
        &self,
        texts: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<WordTokens>),
    ) {
        WordTokenize::tokenize_batch_streamed(self, texts, workers, consume)
    }
}

/// The tokens of `text` as a list of Python strings (brackets converted if
/// `parentheses`), computed with the GIL released. A long text's tokens are
/// appended to the list with the GIL, a part at a time, so that neither a
/// buffer of all its tokens nor a second list of them ever exists.
fn token_list<'py>(
    tokenizer: &impl Tokenize,
    kept: &Memory,
    text: &Bound<'py, PyString>,
    parentheses: bool,
) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let bytes = call_bytes(text)?;
    if bytes.len() <= PART_BYTES && !parentheses {
        // Another call holding them (on another thread, or one this call's
        // allocations ran through a finalizer) takes nothing from this one.
        if let Some(Ok(mut shared)) = kept.shared.as_ref().map(Mutex::try_lock) {
            return shared.token_list(py, tokenizer, kept, &bytes);
        }
    }
    let strings = || Interner::of(&kept.strings);
    if bytes.len() <= PART_BYTES {
        let tokens = py.detach(|| {
            let mut tokens = WordTokens::default();
            tokenizer.for_each_token(&bytes, |t| tokens.push(t));
            tokens
        });
        return tokens_to_py(py, &mut strings(), &tokens, parentheses);
    }
    let list = PyList::empty(py).unbind();
    let mut error = None;
    py.detach(|| {
        let mut part = WordTokens::default();
        let mut flush = |part: &mut WordTokens| {
            if error.is_none() && !part.is_empty() {
                Python::attach(|py| {
                    let strings = &mut strings();
                    let list = list.bind(py);
                    for token in part.iter() {
                        let token = if parentheses {
                            convert_parentheses_of(token)
                        } else {
                            token
                        };
                        if let Err(e) = strings.get(py, token).and_then(|s| list.append(s)) {
                            error = Some(e);
                            break;
                        }
                    }
                });
            }
            part.clear();
        };
        tokenizer.for_each_token(&bytes, |token| {
            part.push(token);
            if part.total_bytes() >= PART_BYTES {
                flush(&mut part);
            }
        });
        flush(&mut part);
    });
    match error {
        Some(e) => Err(e),
        None => Ok(list.into_bound(py)),
    }
}

/// One worker's [`TokenIds`] in a batch on several threads, and the Python
/// strings of its ids, which only the thread that builds the lists touches
/// (with the GIL): the worker hands each new token's bytes on with the ids
/// of its group of texts.
struct WorkerIds {
    ids: TokenIds,
    /// Ids whose tokens were handed on.
    handed: usize,
    strings: Arc<Mutex<Vec<Py<PyString>>>>,
}

impl WorkerIds {
    fn new(cache_bytes: usize) -> Self {
        WorkerIds {
            ids: TokenIds::new(cache_bytes),
            handed: 0,
            strings: Arc::new(Mutex::new(Vec::new())),
        }
    }
}

/// What a worker makes of a group of texts: the tokens' ids, each text's
/// end among them, and the tokens its ids got since its last group (after
/// forgetting all, if `forget`).
struct IdGroup {
    strings: Arc<Mutex<Vec<Py<PyString>>>>,
    forget: bool,
    new_tokens: WordTokens,
    ids: Vec<u32>,
    ends: Vec<usize>,
}

/// [`token_lists`] on several threads: each worker keeps its own ids and
/// strings from batch to batch, and hands the calling thread each text's
/// ids, which it turns into lists with the GIL while the workers go on.
fn token_lists_by_ids<'py>(
    tokenizer: &impl Tokenize,
    kept: &Memory,
    py: Python<'py>,
    texts: &[Bound<'py, PyString>],
    workers: usize,
) -> PyResult<Bound<'py, PyList>> {
    let owned = texts_bytes(texts)?;
    let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
    let mut lists: Vec<Py<PyList>> = Vec::with_capacity(docs.len());
    let mut error = None;
    let take = || {
        let kept = kept.workers.lock().ok().and_then(|mut pool| pool.pop());
        kept.unwrap_or_else(|| WorkerIds::new(tokenizer.cache_bytes()))
    };
    let work = |worker: &mut WorkerIds, group: &[&[u8]]| {
        let forget = kept.over_bound(&worker.ids);
        if forget {
            worker.ids.clear();
            worker.handed = 0;
        }
        let (mut ids, mut ends) = (Vec::new(), Vec::with_capacity(group.len()));
        for text in group {
            tokenizer.for_each_keyed(text, &mut worker.ids.collector(&mut ids));
            ends.push(ids.len());
        }
        let mut new_tokens = WordTokens::default();
        for id in worker.handed..worker.ids.len() {
            new_tokens.push(worker.ids.token(id as u32));
        }
        worker.handed = worker.ids.len();
        IdGroup {
            strings: worker.strings.clone(),
            forget,
            new_tokens,
            ids,
            ends,
        }
    };
    let states = py.detach(|| {
        in_chunks_streamed(&docs, workers, take, work, |group| {
            if error.is_some() {
                return;
            }
            Python::attach(|py| {
                if let Err(e) = lists_of_group(py, &group, &mut lists) {
                    error = Some(e);
                }
            })
        })
    });
    if let Some(e) = error {
        // A worker's strings may now lack some of its ids: both forgotten.
        return Err(e);
    }
    if let Ok(mut pool) = kept.workers.lock() {
        pool.extend(states);
        pool.truncate(resolve_workers(0));
    }
    PyList::new(py, lists)
}

/// The lists of a worker's group of texts, appended to `lists`, its new
/// tokens' strings kept first.
fn lists_of_group(py: Python<'_>, group: &IdGroup, lists: &mut Vec<Py<PyList>>) -> PyResult<()> {
    // Only this thread locks a worker's strings, and never twice at once:
    // a call that another would wait for cannot exist.
    let mut strings = group
        .strings
        .lock()
        .map_err(|_| PyRuntimeError::new_err("a worker's token strings were poisoned"))?;
    if group.forget {
        strings.clear();
    }
    for token in group.new_tokens.iter() {
        strings.push(py_string(py, token)?.unbind());
    }
    let mut start = 0;
    for &end in &group.ends {
        lists.push(ids_to_list(py, &strings, &group.ids[start..end])?.unbind());
        start = end;
    }
    Ok(())
}

/// The tokens of each of `texts` as lists, on `workers` threads (0: one per
/// core), the lists built with the GIL, a group of texts at a time, while
/// the workers go on.
fn token_lists<'py>(
    tokenizer: &impl Tokenize,
    kept: &Memory,
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    parentheses: bool,
    workers: usize,
) -> PyResult<Bound<'py, PyList>> {
    if kept.shared.is_some() && !parentheses {
        if resolve_workers(workers) == 1 {
            // One thread: each text as a call of its own, which reuses the
            // strings earlier texts made.
            let lists = texts
                .iter()
                .map(|text| token_list(tokenizer, kept, text, parentheses))
                .collect::<PyResult<Vec<_>>>()?;
            return PyList::new(py, lists);
        }
        return token_lists_by_ids(tokenizer, kept, py, &texts, workers);
    }
    let strings = &kept.strings;
    let owned = texts_bytes(&texts)?;
    let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
    let mut lists: Vec<Py<PyList>> = Vec::with_capacity(docs.len());
    let mut error = None;
    py.detach(|| {
        tokenizer.tokenize_batch_streamed(&docs, workers, |group| {
            Python::attach(|py| {
                let strings = &mut Interner::of(strings);
                for tokens in &group {
                    match tokens_to_py(py, strings, tokens, parentheses) {
                        Ok(list) => lists.push(list.unbind()),
                        Err(e) => {
                            error.get_or_insert(e);
                        }
                    }
                }
            })
        })
    });
    if let Some(e) = error {
        return Err(e);
    }
    PyList::new(py, lists)
}

/// NLTK's exception for a failed `span_tokenize`.
fn span_error(text: &Bound<'_, PyString>, error: SpanError) -> PyResult<PyErr> {
    Ok(match error {
        SpanError::QuotesExhausted => PyRuntimeError::new_err("generator raised StopIteration"),
        SpanError::NotFound(token) => {
            let py = text.py();
            let message = PyString::new(py, "substring \"{}\" not found in \"{}\"")
                .call_method1("format", (py_string(py, &token)?, text))?;
            PyValueError::new_err(message.unbind())
        }
    })
}

fn spans_to_py<'py>(py: Python<'py>, spans: &[(usize, usize)]) -> PyResult<Bound<'py, PyList>> {
    let tuples = spans
        .iter()
        .map(|&(start, end)| PyTuple::new(py, [start, end]))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, tuples)
}

/// `nltk.tokenize.destructive.NLTKWordTokenizer`, natively.
#[pyclass(
    frozen,
    subclass,
    module = "stemline._native",
    name = "NLTKWordTokenizer"
)]
struct NativeNltkWordTokenizer {
    inner: NltkWordTokenizer,
    kept: Memory,
}

#[pymethods]
impl NativeNltkWordTokenizer {
    /// `piece_bytes` and `max_ids` are for tests: stretches without
    /// whitespace longer than `piece_bytes` are computed in pieces, and at
    /// most `max_ids` token strings are kept from call to call (the tokens
    /// are the same for any sizes).
    #[new]
    #[pyo3(signature = (tables, cache_bytes, *, piece_bytes = PIECE_BYTES, max_ids = MAX_IDS))]
    fn new(
        tables: &CharTables,
        cache_bytes: usize,
        piece_bytes: usize,
        max_ids: usize,
    ) -> PyResult<Self> {
        let inner = NltkWordTokenizer::new(tables.inner.clone(), cache_bytes)
            .map_err(PyValueError::new_err)?
            .with_piece_bytes(piece_bytes);
        Ok(NativeNltkWordTokenizer {
            inner,
            kept: Memory::new(max_ids, cache_bytes),
        })
    }

    /// The tokens of `text`, exactly as NLTK's `tokenize(text, convert_parentheses)`.
    fn tokenize<'py>(
        &self,
        text: &Bound<'py, PyString>,
        convert_parentheses: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        token_list(&self.inner, &self.kept, text, convert_parentheses)
    }

    /// `(start, end)` of each token in `text`, exactly as NLTK's
    /// `span_tokenize(text)`; raises where it raises.
    fn spans<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        let py = text.py();
        let bytes = call_bytes(text)?;
        if bytes.len() <= PART_BYTES {
            return match py.detach(|| self.inner.spans(&bytes)) {
                Ok(spans) => spans_to_py(py, &spans),
                Err(e) => Err(span_error(text, e)?),
            };
        }
        // A long text: its spans appended to the list a part at a time.
        let list = PyList::empty(py).unbind();
        let mut error = None;
        let result = py.detach(|| {
            let mut scratch = self.inner.take_scratch();
            let mut part: Vec<(usize, usize)> = Vec::new();
            let mut flush = |part: &mut Vec<(usize, usize)>| {
                if error.is_none() {
                    Python::attach(|py| {
                        let list = list.bind(py);
                        for &(start, end) in part.iter() {
                            let appended =
                                PyTuple::new(py, [start, end]).and_then(|t| list.append(t));
                            if let Err(e) = appended {
                                error = Some(e);
                                break;
                            }
                        }
                    });
                }
                part.clear();
            };
            let result = self.inner.for_each_span(&bytes, &mut scratch, |span| {
                part.push(span);
                if part.len() >= PART_BYTES / 16 {
                    flush(&mut part);
                }
            });
            flush(&mut part);
            self.inner.put_scratch(scratch);
            result
        });
        if let Some(e) = error {
            return Err(e);
        }
        match result {
            Ok(()) => Ok(list.into_bound(py)),
            Err(e) => Err(span_error(text, e)?),
        }
    }

    /// `tokenize` of each of `texts`, on `workers` threads (0: one per core).
    fn tokenize_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        convert_parentheses: bool,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        token_lists(
            &self.inner,
            &self.kept,
            py,
            texts,
            convert_parentheses,
            workers,
        )
    }

    /// `spans` of each of `texts`, on `workers` threads; raises the first
    /// text's error, in input order.
    fn spans_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let owned = texts_bytes(&texts)?;
        let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
        let mut results = Vec::with_capacity(docs.len());
        py.detach(|| {
            self.inner
                .spans_batch_streamed(&docs, workers, |group| results.extend(group))
        });
        let lists = results
            .into_iter()
            .zip(&texts)
            .map(|(spans, text)| match spans {
                Ok(spans) => spans_to_py(py, &spans),
                Err(e) => Err(span_error(text, e)?),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// (entries, estimated bytes) of each idle cache.
    fn cache_stats(&self) -> Vec<(usize, usize)> {
        self.inner.cache_stats()
    }

    fn clear_cache(&self) {
        self.inner.clear_caches();
        self.kept.clear();
    }

    #[getter]
    fn cache_bytes(&self) -> usize {
        self.inner.cache_bytes()
    }
}

/// `nltk.word_tokenize(text, language)` in one language: that language's
/// Punkt sentences, then `NLTKWordTokenizer` on each.
#[pyclass(frozen, module = "stemline._native", name = "WordTokenize")]
struct NativeWordTokenize {
    inner: WordTokenize,
    kept: Memory,
}

#[pymethods]
impl NativeWordTokenize {
    /// `sentences` is the language's Punkt tokenizer; the word tokenizer is
    /// built over `tables`, and each worker's cache holds at most
    /// `cache_bytes`. `max_ids` is for tests (see `NLTKWordTokenizer`).
    #[new]
    #[pyo3(signature = (tables, sentences, cache_bytes, *, max_ids = MAX_IDS))]
    fn new(
        tables: &CharTables,
        sentences: &PunktSentenceTokenizer,
        cache_bytes: usize,
        max_ids: usize,
    ) -> PyResult<Self> {
        let words = NltkWordTokenizer::new(tables.inner.clone(), cache_bytes)
            .map_err(PyValueError::new_err)?;
        Ok(NativeWordTokenize {
            inner: WordTokenize::new(sentences.inner.clone(), words),
            kept: Memory::new(max_ids, cache_bytes),
        })
    }

    /// The tokens of `text`, exactly as `nltk.word_tokenize(text, language)`.
    fn tokenize<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        token_list(&self.inner, &self.kept, text, false)
    }

    /// `tokenize` of each of `texts`, on `workers` threads (0: one per core).
    fn tokenize_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        token_lists(&self.inner, &self.kept, py, texts, false, workers)
    }

    /// (entries, estimated bytes) of each idle cache.
    fn cache_stats(&self) -> Vec<(usize, usize)> {
        self.inner.cache_stats()
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeNltkWordTokenizer>()?;
    m.add_class::<NativeWordTokenize>()?;
    Ok(())
}
