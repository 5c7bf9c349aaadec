//! Writing files safely: beside the target, then renamed into place, so a reader
//! never sees half a file and a failure never clobbers the previous one.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes to a temporary file beside the target, then renames it into place, so a
/// reader never sees half a PDF and a failure never clobbers the previous one.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(target, bytes, true)
}

/// [`write_atomically`], but a file already at `target` is kept and the write fails
/// with `AlreadyExists`, even when one appears while writing: for files that cannot
/// be made again, such as one patient's plan.
pub fn write_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(target, bytes, false)
}

fn write(target: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".leafpress-")
        .suffix(".pdf.tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    // No fsync: the rename alone means a reader never sees half a PDF, and a PDF can
    // always be built again; waiting for the disk took a twentieth of a build (and
    // every save in `watch`), which tools that write rebuildable files do not pay.
    // Temporary files are private (0600); the PDF is for sharing, like any new file,
    // or keeps the permissions of the one it replaces.
    let permissions = match std::fs::metadata(target) {
        Ok(m) => m.permissions(),
        Err(_) => shared_permissions(tmp.as_file())?,
    };
    tmp.as_file().set_permissions(permissions)?;
    if replace {
        tmp.persist(target).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(target).map_err(|e| e.error)?;
    }
    Ok(())
}

#[cfg(unix)]
fn shared_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut p = file.metadata()?.permissions();
    p.set_mode(0o644);
    Ok(p)
}

#[cfg(not(unix))]
fn shared_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}
