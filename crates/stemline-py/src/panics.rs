//! A panic of the native code reaches Python as pyo3's `PanicException`,
//! which the command line's exit path turns into one line (a bug: exit code
//! 70; under a memory limit: out of memory). Rust's default hook would print
//! the panic's own lines on stderr first, so it stays quiet unless
//! `STEMLINE_DEBUG` is set, as the Python traceback does.

/// Installs the quiet hook (once, when the module is loaded).
pub(crate) fn quiet_unless_debugging() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::env::var_os("STEMLINE_DEBUG").is_some() {
            default(info);
        }
    }));
}
