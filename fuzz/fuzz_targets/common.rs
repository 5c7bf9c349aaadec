//! What both targets share: a folder with the test images (so leaflets can name
//! them), and the properties every build must keep.

use leafpress::model::edition::Options;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A temporary folder holding `images/` from tests/cases, made once per process.
pub fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("leafpress-fuzz-{}", std::process::id()));
        let images = dir.join("images");
        std::fs::create_dir_all(&images).unwrap();
        let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/cases/images");
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), images.join(e.file_name())).unwrap();
        }
        dir
    })
}

/// Builds `yaml`: it must be refused with a reason or give a PDF that reads back
/// with one page a sheet, the same bytes twice.
pub fn check(yaml: &[u8], options: &Options) {
    let path = folder().join("leaflet.yaml");
    std::fs::write(&path, yaml).unwrap();
    match leafpress::build(&path, options) {
        Err(d) => assert!(!d.items.is_empty(), "refused without a reason"),
        Ok(built) => {
            let doc = lopdf::Document::load_mem(&built.pdf).expect("the PDF reads back");
            assert_eq!(doc.get_pages().len(), built.sheets, "one PDF page a sheet");
            let again = leafpress::build(&path, options).expect("builds again");
            assert!(again.pdf == built.pdf, "the same input gave different bytes");
        }
    }
}
