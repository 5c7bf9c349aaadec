//! `leafpress plan` (issue 25): one patient's exercise plan from the project's
//! exercise library, from the command line and from a plan file; unknown ids and
//! unreadable doses as located errors; a translated plan; and the patient's name
//! found nowhere but in the PDF.

mod common;

use assert_cmd::Command;
use common::*;
use std::path::{Path, PathBuf};

/// A copy of the sample clinic (library/: leafpress.yaml, its logo and fonts, the
/// exercise library) in a folder of its own, as a clinic would have it.
fn clinic() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("library"), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn leafpress(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("leafpress").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

/// `leafpress plan ARGS` run in `dir`, to its end.
fn plan(dir: &Path, args: &[&str]) -> std::process::Output {
    leafpress(dir).arg("plan").args(args).output().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The text pdftotext reads, its lines joined with spaces.
fn text_of(pdf: &Path) -> String {
    pdftotext(pdf, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_plan_from_the_command_line() {
    let clinic = clinic();
    let out = plan(
        clinic.path(),
        &[
            "--patient",
            "A. Khan",
            "--clinician",
            "J. Smith",
            "--start",
            "2026-12-07",
            "--weeks",
            "4",
            "--exercise",
            "wall-push=10x2/day",
            "--exercise",
            "sit-to-stand=8x3/day",
            "--exercise",
            "bridge",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Named by the start, not the patient; here, not in the project's out/.
    let pdf = clinic.path().join("plan-2026-12-07.pdf");
    assert!(pdf.is_file(), "{}", stderr(&out));
    assert!(!clinic.path().join("out").exists());
    assert!(
        !stderr(&out).contains("Khan"),
        "messages leave the name out: {}",
        stderr(&out)
    );
    let text = text_of(&pdf);
    for want in [
        "Your exercise plan",
        "For A. Khan",
        "Start: 7 December 2026. Plan: 4 weeks, to 3 January 2027.",
        "Your physiotherapist: J. Smith",
        "Stop and call us if",
        "Wall push",
        "10 times, twice a day",
        "Sit to stand",
        "8 times, 3 times a day",
        // Its usual dose, from exercises/bridge.yaml.
        "hold for 10 seconds, 5 times a day",
        "Take care Keep your heels on the floor.",
        "Tick a box each day you do your exercises",
        "Week Mon Tue Wed Thu Fri Sat Sun",
        "Week 4 (28 Dec)",
        "01632 960 123",
    ] {
        assert!(text.contains(want), "{want:?} is not in the plan:\n{text}");
    }
    assert!(!text.contains("Week 5"), "four weeks: {text}");
    // The patient's name is on the first page.
    assert!(pdftotext(&pdf, &["-f", "1", "-l", "1"]).contains("A. Khan"));
    let bytes = std::fs::read(&pdf).unwrap();
    assert_pdf_ua(&bytes, "a plan");
    // Every picture is drawn, each with its alt text.
    let structure = struct_text(&pdf);
    assert!(structure.matches("Figure").count() >= 3, "{structure}");

    // A second plan on the same day never replaces the first.
    let again = plan(
        clinic.path(),
        &[
            "--patient",
            "B. Jones",
            "--start",
            "2026-12-07",
            "--exercise",
            "calf-raise",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again)
            .contains("plan-2026-12-07.pdf already exists, and may be another patient's plan: it is kept"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("--force"));
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes, "the first plan is untouched");
    // The e-mail edition has its own name.
    let email = plan(
        clinic.path(),
        &[
            "--patient",
            "B. Jones",
            "--start",
            "2026-12-07",
            "--exercise",
            "calf-raise",
            "--for",
            "email",
        ],
    );
    assert!(email.status.success(), "{}", stderr(&email));
    assert!(clinic.path().join("plan-2026-12-07-email.pdf").is_file());
    // --force replaces.
    let forced = plan(
        clinic.path(),
        &[
            "--patient",
            "B. Jones",
            "--start",
            "2026-12-07",
            "--exercise",
            "calf-raise",
            "--force",
        ],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(text_of(&pdf).contains("For B. Jones"));
}

#[test]
fn a_plan_from_a_file_in_large_print() {
    let clinic = clinic();
    std::fs::create_dir_all(clinic.path().join("plans")).unwrap();
    std::fs::write(
        clinic.path().join("plans/khan.yaml"),
        "patient: A. Khan\nstart: 2026-12-09\nweeks: 2\nexercises:\n  - heel-slide: 10x3/day for 2 weeks\n  - straight-leg-raise\n  - calf-raise=5min x1/week\n",
    )
    .unwrap();
    let out = plan(
        clinic.path(),
        &["plans/khan.yaml", "--large-print", "-o", "khan.pdf"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = clinic.path().join("khan.pdf");
    let text = text_of(&pdf);
    for want in [
        "For A. Khan",
        "Heel slides",
        "10 times, 3 times a day, for the first 2 weeks",
        "Straight leg raise",
        "10 times, twice a day",
        "5 minutes, once a week",
        // The chart's days start on the plan's first day, a Wednesday.
        "Week Wed Thu Fri Sat Sun Mon Tue",
        "Week 2 (16 Dec)",
    ] {
        assert!(text.contains(want), "{want:?} is not in the plan:\n{text}");
    }
    // Large print: A4 pages.
    let info = pdfinfo(&pdf);
    assert!(info["Page size"].starts_with("595."), "{info:?}");
    // No clinician given: the line that names one is left out.
    assert!(!text.contains("physiotherapist:"), "{text}");

    // An unknown key in a plan file is located, with the keys it may have.
    std::fs::write(
        clinic.path().join("plans/khan.yaml"),
        "patient: A. Khan\nexercises:\n  - heel-slide\ncolour: blue\n",
    )
    .unwrap();
    let bad = plan(clinic.path(), &["plans/khan.yaml"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = stderr(&bad);
    assert!(err.contains("unknown key \"colour\""), "{err}");
    assert!(err.contains("plans/khan.yaml:4:1"), "{err}");
    assert!(
        err.contains("allowed keys here: patient, clinician, start, weeks, language, exercises"),
        "{err}"
    );
}

#[test]
fn unknown_exercises_are_named_with_the_nearest() {
    let clinic = clinic();
    let out = plan(
        clinic.path(),
        &[
            "--patient",
            "A. Khan",
            "--exercise",
            "wall-pushes=10x2/day",
            "--exercise",
            "sit-to-stnad",
            "--exercise",
            "yoga",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("there is no exercise \"wall-pushes\" in exercises"),
        "{err}"
    );
    assert!(err.contains("did you mean \"wall-push\"?"), "{err}");
    assert!(err.contains("did you mean \"sit-to-stand\"?"), "{err}");
    // A path is no id: nothing outside exercises/ is read for one.
    std::fs::write(clinic.path().join("notes.yaml"), "name: Notes\nsteps: [x]\n").unwrap();
    let out = plan(
        clinic.path(),
        &["--patient", "A. Khan", "--exercise", "../notes", "-o", "n.pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("there is no exercise \"../notes\""),
        "{}",
        stderr(&out)
    );
    // No near name: the list of them.
    assert!(err.contains("there is no exercise \"yoga\""), "{err}");
    assert!(
        err.contains(
            "the exercises are bridge, calf-raise, heel-slide, sit-to-stand, straight-leg-raise, wall-push"
        ),
        "{err}"
    );
    assert!(err.contains("3 errors"), "every one at once: {err}");
    assert!(
        files(clinic.path())
            .iter()
            .all(|f| f.extension().is_none_or(|e| e != "pdf")),
        "no PDF"
    );

    // In a plan file, located.
    std::fs::write(
        clinic.path().join("plan.yaml"),
        "patient: A. Khan\nexercises:\n  - heel-slide\n  - wall-psuh: 10x2/day\n",
    )
    .unwrap();
    let out = plan(clinic.path(), &["plan.yaml"]);
    let err = stderr(&out);
    assert!(err.contains("plan.yaml:4:5"), "{err}");
    assert!(err.contains("did you mean \"wall-push\"?"), "{err}");
}

#[test]
fn unreadable_doses_name_the_part() {
    let clinic = clinic();
    let cases = [
        (
            "wall-push=ten x2/day",
            "how much each time (before the `x`), \"ten\", is not a number",
        ),
        (
            "wall-push=10x2/month",
            "\"/month\" is not a period: write /day or /week",
        ),
        (
            "wall-push=10x2",
            "says how many times but not in what: add /day or /week",
        ),
        (
            "wall-push=10 2/day",
            "has no `x` between how much each time and how many times",
        ),
        ("wall-push=10q x2/day", "\"q\" after 10 is not a unit"),
        ("wall-push=10x0/day", "how many times (after the `x`) is 0"),
        (
            "wall-push=8x/day",
            "write 8x1/day for once, or 1x8/day for 8 times",
        ),
        ("wall-push=10x2/day for ever", "\"ever\", is not a whole number"),
    ];
    for (arg, want) in cases {
        let out = plan(clinic.path(), &["--patient", "A. Khan", "--exercise", arg]);
        assert_eq!(out.status.code(), Some(1), "{arg}");
        let err = stderr(&out);
        assert!(err.contains(want), "{arg}: {err}");
        assert!(
            err.contains("write a dose like 10x2/day (10 times, twice a day)"),
            "{arg}: {err}"
        );
        assert!(err.contains(&format!("in --exercise {arg}")), "{arg}: {err}");
    }
    // In a plan file, the part is underlined where it is written.
    std::fs::write(
        clinic.path().join("plan.yaml"),
        "patient: A. Khan\nexercises:\n  - wall-push: 10x2/fortnight\n",
    )
    .unwrap();
    let out = plan(clinic.path(), &["plan.yaml"]);
    let err = stderr(&out);
    assert!(err.contains("plan.yaml:3:21"), "{err}");
    assert!(err.contains("^^^^^^^^^"), "{err}");
    // And in an exercise file's own dose.
    std::fs::write(
        clinic.path().join("exercises/bridge.yaml"),
        std::fs::read_to_string(clinic.path().join("exercises/bridge.yaml"))
            .unwrap()
            .replace("dose: 10s x5/day", "dose: 10 secs x five/day"),
    )
    .unwrap();
    let out = plan(clinic.path(), &["--patient", "A. Khan", "--exercise", "bridge"]);
    let err = stderr(&out);
    assert!(err.contains("exercises/bridge.yaml:"), "{err}");
    assert!(
        err.contains("how many times (after the `x`), \"five\", is not a whole number"),
        "{err}"
    );
}

#[test]
fn a_translated_plan() {
    let clinic = clinic();
    // Arabic: pdftotext reads Arabic back as written (tests/arabic_text.rs).
    let out = plan(
        clinic.path(),
        &[
            "--patient",
            "A. Khan",
            "--start",
            "2026-12-07",
            "--lang",
            "ar",
            "--exercise",
            "wall-push=10x2/day",
            "--exercise",
            "heel-slide",
            "-o",
            "ar.pdf",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("\"heel-slide\" has no ar translation, so it is printed in English"),
        "{err}"
    );
    assert!(err.contains("add exercises/ar/heel-slide.yaml"), "{err}");
    let pdf = clinic.path().join("ar.pdf");
    let raw = pdftotext(&pdf, &["-raw", "-enc", "UTF-8"]);
    let arabic: String = raw
        .chars()
        .filter(|c| ('\u{621}'..='\u{65F}').contains(c))
        .collect();
    for want in [
        "خطةتمارينك",
        "الدفععلىالحائط",
        "مراتمرتينفياليوم",
        "أبقكعبيكعلىالأرض",
        "الاثنين",
        "الأسبوع",
    ] {
        assert!(arabic.contains(want), "{want} is not in the plan: {arabic}");
    }
    // The untranslated exercise is there in English.
    assert!(raw.contains("Heel slides"), "{raw}");
    assert_eq!(pdfinfo(&pdf)["Title"], "خطة تمارينك");
    let bytes = std::fs::read(&pdf).unwrap();
    // The document's language is Arabic, the English exercise is marked as English.
    let plain = clinic.path().join("ar-qdf.pdf");
    tool("qpdf", &[&"--qdf", &"--object-streams=disable", &pdf, &plain]);
    let plain = std::fs::read(&plain).unwrap();
    let count = |lang: &[u8]| plain.windows(lang.len()).filter(|w| w == &lang).count();
    assert_eq!(count(b"/Lang (ar)"), 1, "the PDF's /Lang");
    assert!(count(b"/Lang (en)") >= 1, "the English exercise's /Lang");
    assert_pdf_ua(&bytes, "an Arabic plan");

    // Urdu (Nastaliq, which text extractors cannot read back): the laid-out text.
    let anchor = leafpress::load::plan::project_anchor(clinic.path());
    let request = leafpress::model::plan::PlanRequest {
        patient: "A. Khan".into(),
        clinician: None,
        start: "2026-12-07".parse().unwrap(),
        weeks: 2,
        language: Some("ur".parse().unwrap()),
        items: vec![leafpress::model::plan::PlanItem::parse_arg(
            "sit-to-stand=8x3/day",
        )],
    };
    let (built, warnings) = leafpress::Engine::default()
        .plan(
            &request,
            leafpress::load::plan::Asked::CommandLine,
            &anchor,
            &leafpress::Options::default(),
        )
        .unwrap_or_else(|e| panic!("{}", e[0]));
    assert!(warnings.is_empty(), "{warnings:?}");
    let text: String = (0..built.layout.pages.len())
        .map(|p| page_text(&built.layout, p))
        .collect::<Vec<_>>()
        .join("\n");
    for want in [
        "ورزش کا منصوبہ",
        "بیٹھ کر کھڑے ہونا",
        "8 بار، دن میں 3 بار",
        "ہفتہ 2 (14 دسمبر)",
        "پیر",
    ] {
        assert!(text.contains(want), "{want} is not in the plan:\n{text}");
    }
}

/// The name as it could be stored: UTF-8, UTF-16 both ways, and as a PDF hex string
/// of either (upper and lower case).
fn forms_of(name: &str) -> Vec<Vec<u8>> {
    let utf16be: Vec<u8> = name.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf16le: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
    let mut forms = vec![name.as_bytes().to_vec(), utf16be.clone(), utf16le];
    for h in [hex(name.as_bytes()), hex(&utf16be)] {
        forms.push(h.to_lowercase().into_bytes());
        forms.push(h.into_bytes());
    }
    // The surname alone, in case the name is split across runs.
    forms.push(b"Quarrington".to_vec());
    forms
}

fn holds(bytes: &[u8], forms: &[Vec<u8>]) -> bool {
    forms
        .iter()
        .any(|f| bytes.windows(f.len()).any(|w| w == f.as_slice()))
}

#[test]
fn the_name_is_only_in_the_plan() {
    let name = "Zebedee Quarrington";
    let clinic = clinic();
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let before = files(clinic.path());
    // Built from the project folder (the default output lands here), then from
    // another folder with -o into it, and as a plan file in e-mail form.
    let out = leafpress(clinic.path())
        .env("TMPDIR", tmp.path())
        .args([
            "plan",
            "--patient",
            name,
            "--clinician",
            "J. Smith",
            "--start",
            "2026-12-07",
            "--exercise",
            "wall-push=10x2/day",
            "--exercise",
            "bridge",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = clinic.path().join("plan-2026-12-07.pdf");
    let forms = forms_of(name);
    assert!(text_of(&plan).contains(name), "the plan itself has the name");
    assert!(
        !holds(&out.stdout, &forms) && !holds(&out.stderr, &forms),
        "nor do the messages"
    );

    let mut after = files(clinic.path());
    after.retain(|f| f != &plan);
    assert_eq!(after, before, "the plan adds no file to the project but itself");
    for file in files(clinic.path())
        .iter()
        .chain(&files(tmp.path()))
        .filter(|f| *f != &plan)
    {
        assert!(
            !holds(&std::fs::read(file).unwrap(), &forms),
            "{} holds the name",
            file.display()
        );
    }
    assert!(
        files(tmp.path()).is_empty(),
        "nothing is left in the temporary folder: {:?}",
        files(tmp.path())
    );

    let out = leafpress(elsewhere.path())
        .env("TMPDIR", tmp.path())
        .args([
            "plan",
            "--patient",
            name,
            "--exercise",
            "calf-raise",
            "--for",
            "email",
            "-o",
        ])
        .arg(elsewhere.path().join("mine.pdf"))
        .output()
        .unwrap();
    assert!(!out.status.success(), "no project here: no exercises");
    assert!(
        stderr(&out).contains("there are no exercises here to make a plan from"),
        "{}",
        stderr(&out)
    );
    std::fs::write(
        elsewhere.path().join("z.yaml"),
        format!("patient: {name}\nexercises:\n  - calf-raise\n"),
    )
    .unwrap();
    std::fs::copy(elsewhere.path().join("z.yaml"), clinic.path().join("z.yaml")).unwrap();
    let out = leafpress(elsewhere.path())
        .env("TMPDIR", tmp.path())
        .args(["plan", "--for", "email", "-o", "mine.pdf"])
        .arg(clinic.path().join("z.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(clinic.path().join("z.yaml")).unwrap();
    let mine = elsewhere.path().join("mine.pdf");
    assert!(text_of(&mine).contains(name));
    for file in files(clinic.path())
        .iter()
        .chain(&files(tmp.path()))
        .chain(&files(elsewhere.path()))
    {
        if file != &plan && file != &mine && !file.ends_with("z.yaml") {
            assert!(
                !holds(&std::fs::read(file).unwrap(), &forms),
                "{} holds the name",
                file.display()
            );
        }
    }
    assert!(files(tmp.path()).is_empty(), "{:?}", files(tmp.path()));
}

#[test]
fn a_project_template_and_a_language_without_one() {
    let clinic = clinic();
    // A misspelt detail in the project's template is located, with the nearest.
    std::fs::write(
        clinic.path().join("plan-template.yaml"),
        "title: Exercises for {patinet}\nblocks:\n  - paragraph: \"{exercises}\"\n",
    )
    .unwrap();
    let out = plan(
        clinic.path(),
        &["--patient", "A. Khan", "--exercise", "bridge", "-o", "t.pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("the plan template names {patinet}, which a plan does not have"),
        "{err}"
    );
    assert!(err.contains("plan-template.yaml:1:22"), "{err}");
    assert!(err.contains("did you mean {patient}?"), "{err}");
    // The clinic's own: its box, its words; a block naming a detail not given is left out.
    std::fs::write(
        clinic.path().join("plan-template.yaml"),
        "title: Exercises for {patient}\nblocks:\n  - paragraph: \"Made by {clinician}.\"\n  - urgent: {title: Ring the ward if, items: [the wound leaks]}\n  - paragraph: \"{exercises}\"\n",
    )
    .unwrap();
    let out = plan(
        clinic.path(),
        &["--patient", "A. *Khan*", "--exercise", "bridge", "-o", "t.pdf"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = text_of(&clinic.path().join("t.pdf"));
    // The name prints as typed, its asterisks not read as italics.
    assert!(text.starts_with("Exercises for A. *Khan*"), "{text}");
    assert!(text.contains("Ring the ward if • the wound leaks"), "{text}");
    assert!(!text.contains("Made by"), "{text}");
    assert!(!text.contains("Tick a box"), "no {{chart}}, no chart: {text}");

    // Polish: no template in Polish, so the project's English one, with a warning, and
    // the document stays English.
    let out = plan(
        clinic.path(),
        &[
            "--patient",
            "A. Khan",
            "--exercise",
            "bridge",
            "--lang",
            "pl",
            "-o",
            "pl.pdf",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("there is no plan template in pl, so the first page is in English"),
        "{err}"
    );
    assert!(
        err.contains("add plan-template.pl.yaml beside leafpress.yaml"),
        "{err}"
    );
    let plain = clinic.path().join("pl-qdf.pdf");
    tool(
        "qpdf",
        &[
            &"--qdf",
            &"--object-streams=disable",
            &clinic.path().join("pl.pdf"),
            &plain,
        ],
    );
    let plain = std::fs::read(&plain).unwrap();
    assert!(
        !plain.windows(10).any(|w| w == b"/Lang (pl)"),
        "English text is not tagged Polish"
    );
}

#[test]
fn exercise_files_are_checked_like_leaflets() {
    let clinic = clinic();
    // The shipped library passes its own check, English and translations.
    let mut shipped: Vec<PathBuf> = files(&clinic.path().join("exercises"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "yaml"))
        .collect();
    shipped.sort();
    assert!(shipped.len() >= 10, "{shipped:?}");
    let out = leafpress(clinic.path())
        .arg("check")
        .args(&shipped)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}{}", stderr(&out));
    assert!(
        report.contains(&format!(
            "{} leaflets checked: 0 could not be read, 0 errors, 0 warnings",
            shipped.len()
        )),
        "{report}"
    );
    assert!(
        !report.contains("[contact]") && !report.contains("[review-date]"),
        "{report}"
    );

    // A hard sentence is found where it is written in the exercise file.
    std::fs::write(
        clinic.path().join("exercises/knee-bend.yaml"),
        "# A test exercise.\nname: Knee bend\npicture: {src: images/heel-slide.svg, alt: A person bends the knee.}\nsteps:\n  - Lie down.\n  - Subsequently, utilise the quadriceps musculature to facilitate the flexion of the knee joint while maintaining the other leg straight on the bed.\ndose: 10x2/day\n",
    )
    .unwrap();
    let out = leafpress(clinic.path())
        .args(["check", "exercises/knee-bend.yaml"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("exercises/knee-bend.yaml:6:5: warning[long-sentence]"),
        "{report}"
    );
    assert!(
        report.contains("exercises/knee-bend.yaml:6:19: warning[plain-words]: \"utilise\""),
        "{report}"
    );
    // And a picture without alt text is an error there, as in a leaflet.
    std::fs::write(
        clinic.path().join("exercises/knee-bend.yaml"),
        "name: Knee bend\npicture: {src: images/heel-slide.svg}\nsteps: [Lie down.]\n",
    )
    .unwrap();
    let out = leafpress(clinic.path())
        .args(["check", "exercises/knee-bend.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("the picture has no alt text"), "{err}");
    assert!(err.contains("exercises/knee-bend.yaml:2:1"), "{err}");
}

#[test]
fn a_plan_as_an_email_draft_holds_the_name_only_in_the_draft() {
    let clinic = clinic();
    let out = plan(
        clinic.path(),
        &[
            "--patient",
            "Zebedee Quarrington",
            "--exercise",
            "wall-push=10x2/day",
            "--to",
            "zq@example.org",
            "-o",
            "zq.eml",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Quarrington"), "{}", stderr(&out));
    let eml = clinic.path().join("zq.eml");
    // Python's MIME reader: the draft, addressed, with the plan's PDF whose text has the name.
    let read = r#"
import email, sys, subprocess
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
assert m['X-Unsent'] == '1' and m['To'] == 'zq@example.org', dict(m)
(a,) = list(m.iter_attachments())
assert a.get_content_type() == 'application/pdf' and a.get_filename() == 'Your exercise plan.pdf'
open(sys.argv[2], 'wb').write(a.get_payload(decode=True))
print(m['Subject'])
"#;
    let pdf = clinic.path().join("attached.pdf");
    let subject = tool("python3", &[&"-c", &read, &eml, &pdf]);
    assert_eq!(subject.trim(), "Your exercise plan");
    assert!(pdftotext(&pdf, &[]).contains("Zebedee Quarrington"));
    // --to without a draft is refused: there is nobody to address a PDF to.
    let out = plan(
        clinic.path(),
        &["--patient", "Z", "--exercise", "bridge", "--to", "zq@example.org"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("add -o FILE.eml"), "{}", stderr(&out));
}
