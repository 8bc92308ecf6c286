//! What the binding relies on of CPython beyond the stable ABI, for
//! `word_tokenize`'s lists, whose cost is a store and a new reference per
//! token: the stable ABI's `PyList_SetItem` and `Py_IncRef` are a call each
//! (and three checks for the first), which was about a sixth of the
//! tokenizer's time on news text.
//!
//! Each is found once per process, on objects of its own, and checked before
//! it is used; any interpreter it does not know (another version, a debug
//! build, another implementation) gets the stable ABI's calls.

use std::sync::OnceLock;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// CPython's `PyListObject` up to its item array (Include/cpython/
/// listobject.h, the same from 3.0 to 3.14).
#[repr(C)]
struct ListObject {
    head: ffi::PyObject,
    size: ffi::Py_ssize_t,
    items: *mut *mut ffi::PyObject,
}

/// How `Py_INCREF` adds a reference, in the running interpreter's headers
/// (Include/refcount.h), on a 64-bit build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefCounts {
    /// Unknown here: the stable ABI's call.
    Call,
    /// Up to 3.11: the count is a `Py_ssize_t`.
    Whole,
    /// 3.12 and 3.13: immortal objects keep their low 32 bits at
    /// `u32::MAX`, and only those bits are incremented.
    LowHalf,
    /// 3.14: an immortal object's low 32 bits read as a negative `i32`.
    SignedLowHalf,
}

/// What [`Layout::of`] found.
#[derive(Debug)]
pub(crate) struct Layout {
    lists: bool,
    refcounts: RefCounts,
}

static LAYOUT: OnceLock<Layout> = OnceLock::new();

impl Layout {
    /// The running interpreter's, found at first use.
    pub(crate) fn of(py: Python<'_>) -> &'static Layout {
        LAYOUT.get_or_init(|| Layout {
            lists: lists_are_cpythons(py).unwrap_or(false),
            refcounts: refcounts(py).unwrap_or(RefCounts::Call),
        })
    }

    /// The item array of `list`, where the list's items can be written in
    /// place, as CPython's own `PyList_SET_ITEM` does. `None` on an
    /// interpreter whose lists are not laid out as [`ListObject`].
    pub(crate) fn list_items(&self, list: &Bound<'_, PyList>) -> Option<*mut *mut ffi::PyObject> {
        // SAFETY: the layout was checked (`lists_are_cpythons`).
        self.lists
            .then(|| unsafe { (*list.as_ptr().cast::<ListObject>()).items })
    }

    /// Writes `objects` to `items` in order, each with a new reference, as
    /// `Py_INCREF` then `PyList_SET_ITEM` would. The way a reference is added
    /// is chosen once, and the loop compiled for each, so that no object
    /// pays a branch for it.
    ///
    /// # Safety
    ///
    /// `items` has a place for each object, each object is alive, and the
    /// GIL is held.
    #[inline(always)]
    pub(crate) unsafe fn write_references(
        &self,
        items: *mut *mut ffi::PyObject,
        objects: impl Iterator<Item = *mut ffi::PyObject>,
    ) {
        #[inline(always)]
        unsafe fn write(
            items: *mut *mut ffi::PyObject,
            objects: impl Iterator<Item = *mut ffi::PyObject>,
            how: RefCounts,
        ) {
            for (i, object) in objects.enumerate() {
                incref(how, object);
                *items.add(i) = object;
            }
        }
        match self.refcounts {
            RefCounts::Call => write(items, objects, RefCounts::Call),
            RefCounts::Whole => write(items, objects, RefCounts::Whole),
            RefCounts::LowHalf => write(items, objects, RefCounts::LowHalf),
            RefCounts::SignedLowHalf => write(items, objects, RefCounts::SignedLowHalf),
        }
    }
}

/// # Safety
///
/// As [`Layout::new_reference`], with `how` found for this interpreter.
#[inline(always)]
unsafe fn incref(how: RefCounts, object: *mut ffi::PyObject) {
    match how {
        RefCounts::Call => ffi::Py_IncRef(object),
        _ => (*object).ob_refcnt = incremented(how, (*object).ob_refcnt),
    }
}

/// A reference count with one more reference, as `how` counts (an
/// immortal object's unchanged).
#[inline(always)]
fn incremented(how: RefCounts, count: isize) -> isize {
    match how {
        RefCounts::Call | RefCounts::Whole => count.wrapping_add(1),
        RefCounts::LowHalf => match (count as u32).wrapping_add(1) {
            0 => count,
            low => ((count as u64 & !u64::from(u32::MAX)) | u64::from(low)) as isize,
        },
        RefCounts::SignedLowHalf if (count as i32) < 0 => count,
        RefCounts::SignedLowHalf => count.wrapping_add(1),
    }
}

/// Whether a list of two strings reads back as [`ListObject`] says, on
/// CPython (the only interpreter a stable-ABI module loads into; PyPy and
/// GraalPy have their own lists).
fn lists_are_cpythons(py: Python<'_>) -> PyResult<bool> {
    if !is_cpython(py)? {
        return Ok(false);
    }
    let (a, b) = (PyString::new(py, "a"), PyString::new(py, "b"));
    let list = PyList::new(py, [&a, &b])?;
    // SAFETY: a CPython list object is at least as large as ListObject; the
    // item array is read only once the size field says 2 where it should.
    Ok(unsafe {
        let object = &*list.as_ptr().cast::<ListObject>();
        object.size == 2
            && !object.items.is_null()
            && *object.items == a.as_ptr()
            && *object.items.add(1) == b.as_ptr()
    })
}

fn is_cpython(py: Python<'_>) -> PyResult<bool> {
    let name = py
        .import("sys")?
        .getattr("implementation")?
        .getattr("name")?;
    Ok(name.extract::<String>()? == "cpython")
}

/// How this interpreter counts references, by its version, then checked on
/// a new string of its own: one reference added in place must read back as
/// one more from `sys.getrefcount`.
fn refcounts(py: Python<'_>) -> PyResult<RefCounts> {
    if !cfg!(target_pointer_width = "64") || !is_cpython(py)? {
        return Ok(RefCounts::Call);
    }
    let sys = py.import("sys")?;
    // A debug build also counts every reference in a total of its own.
    if sys.hasattr("gettotalrefcount")? {
        return Ok(RefCounts::Call);
    }
    let version = sys.getattr("version_info")?;
    let major: u32 = version.getattr("major")?.extract()?;
    let minor: u32 = version.getattr("minor")?.extract()?;
    let how = match (major, minor) {
        (3, 10 | 11) => RefCounts::Whole,
        (3, 12 | 13) => RefCounts::LowHalf,
        (3, 14) => RefCounts::SignedLowHalf,
        _ => return Ok(RefCounts::Call),
    };
    // Made at run time, so neither interned nor immortal.
    let probe = PyString::new(py, "stemline").call_method1("__mul__", (2,))?;
    let count = || -> PyResult<isize> { sys.call_method1("getrefcount", (&probe,))?.extract() };
    let before = count()?;
    // SAFETY: `probe` is alive and the GIL is held; the reference added is
    // taken back at once.
    let after = unsafe {
        incref(how, probe.as_ptr());
        let after = count();
        ffi::Py_DecRef(probe.as_ptr());
        after?
    };
    Ok(if after == before + 1 {
        how
    } else {
        RefCounts::Call
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_adds_one_reference_and_leaves_immortals_alone() {
        for how in [
            RefCounts::Whole,
            RefCounts::LowHalf,
            RefCounts::SignedLowHalf,
        ] {
            assert_eq!(incremented(how, 5), 6, "{how:?}");
            assert_eq!(incremented(how, (1 << 32) + 7), (1 << 32) + 8, "{how:?}");
        }
        // 3.12's immortal count: its low 32 bits all set.
        assert_eq!(
            incremented(RefCounts::LowHalf, u32::MAX as isize),
            u32::MAX as isize
        );
        // 3.14's: its low 32 bits a negative i32.
        assert_eq!(incremented(RefCounts::SignedLowHalf, 3 << 30), 3 << 30);
    }
}
