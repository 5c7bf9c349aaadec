//! Times each stage of building the sample, in process (run with --release), through
//! the same entry the command line uses.
use leafpress::{Engine, Options};
use std::path::Path;
use std::time::Instant;

fn main() {
    let path = Path::new("content/acupuncture-hip-knee.yaml");
    let t = Instant::now();
    let engine = Engine::default();
    let fonts = t.elapsed();
    println!("fonts parsed once: {:.2} ms", fonts.as_secs_f64() * 1000.0);
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    for round in 0..5 {
        let built = engine.build(path, &Options::default()).unwrap();
        let t = built.timings;
        println!(
            "round {round}: load {:.2} ms, layout {:.2} ms, pdf {:.2} ms ({} bytes)",
            ms(t.load),
            ms(t.layout),
            ms(t.pdf),
            built.pdf.len()
        );
    }
}
