//! Times each stage of building the sample, in process (run with --release).
use std::path::Path;
use std::time::Instant;

fn main() {
    let path = Path::new("content/acupuncture-hip-knee.yaml");
    for round in 0..5 {
        let t0 = Instant::now();
        let (src, resolved) = leafpress::load(path).unwrap();
        let t1 = Instant::now();
        let mut fonts = leafpress::text::Fonts::new();
        let t2 = Instant::now();
        let layout = leafpress::lay_out(&src, &resolved, &mut fonts).unwrap();
        let t3 = Instant::now();
        let meta = leafpress::pdf::Meta {
            title: "x",
            author: None,
            language: "en-GB",
        };
        let sheets = leafpress::impose::impose(&layout, &Default::default());
        let placements = leafpress::images::placements(&layout, &resolved.images);
        let images = leafpress::images::prepare(&resolved.images, &placements, Default::default());
        let pdf = leafpress::pdf::write(&layout, &sheets, &images, fonts.book(), &meta).unwrap();
        let t4 = Instant::now();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        println!(
            "round {round}: load {:.2} ms, fonts {:.2} ms, layout {:.2} ms, pdf {:.2} ms ({} bytes)",
            ms(t0, t1),
            ms(t1, t2),
            ms(t2, t3),
            ms(t3, t4),
            pdf.len()
        );
    }
}
