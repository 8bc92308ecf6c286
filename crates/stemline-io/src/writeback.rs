//! Writing a big output file back to disk while the job still runs.
//!
//! The output layer commits a file with `fsync`, which waits until every
//! page the job wrote is on disk: for a 200 MB output that wait came after
//! the job, on one thread, in every run whatever `-j` said. Asking the
//! kernel to start writing the pages back as the job goes (without waiting
//! for them) leaves the final `fsync` only the last few. Nothing changes in
//! what is written or when the file becomes the output: a failed write-back
//! is reported by that `fsync`, as before.

use std::os::fd::RawFd;

/// Bytes written between two requests.
pub const EVERY_BYTES: u64 = 8 << 20;

/// Starts writing back every dirty page of the file `fd` (no waiting);
/// false when the file takes no such request (a pipe, a socket, some
/// devices and file systems): then there is nothing to gain by asking again.
pub fn start(fd: RawFd) -> bool {
    // SAFETY: sync_file_range only reads its arguments; a bad descriptor is
    // an error return, not undefined behaviour.
    let done = unsafe { libc::sync_file_range(fd, 0, 0, libc::SYNC_FILE_RANGE_WRITE) };
    done == 0
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::os::fd::AsRawFd;

    #[test]
    fn a_file_takes_write_back_and_a_pipe_does_not() {
        let path = std::env::temp_dir().join(format!("stemline-writeback-{}", std::process::id()));
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(&[b'x'; 1 << 16]).unwrap();
        assert!(super::start(file.as_raw_fd()));
        file.sync_all().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), vec![b'x'; 1 << 16]);
        std::fs::remove_file(&path).unwrap();
        let mut fds = [0; 2];
        // SAFETY: pipe fills the two descriptors, closed below.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        assert!(!super::start(fds[1]));
        // SAFETY: both descriptors are ours and open.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
