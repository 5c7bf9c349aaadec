//! Translations as PO files beside one English source (issue 24): `translate export`
//! writes a file gettext's own tools accept, a filled one builds the language
//! (read back by pdftotext), `translate update` merges as msgmerge does (read back
//! by msgattrib), an incomplete language does not build unless asked, `status`
//! counts, `proof` is an A4 PDF with both texts, and XLIFF parses as XML.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn leafpress(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = leafpress(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Entries the sample has: title, subtitle, footer, every block's texts (53), and the
/// labels of "About this leaflet" a translation's credit needs (3).
const SAMPLE_ENTRIES: usize = 59;

/// A project (leafpress.yaml with a reading age) holding the sample as content/x.yaml.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::copy(common::sample(), dir.path().join("content/x.yaml")).unwrap();
    std::fs::write(dir.path().join("leafpress.yaml"), "check:\n  reading_age: 10\n").unwrap();
    let po = dir.path().join("translations/pl/x.po");
    (dir, po)
}

/// Every empty msgstr filled: the title with real Polish, the rest "Tekst N".
fn fill(po: &Path) {
    let text = std::fs::read_to_string(po).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut n = 0;
    for (i, line) in lines.iter().enumerate() {
        let last_of_entry = lines.get(i + 1).is_none_or(|l| l.is_empty());
        if *line == "msgstr \"\"" && last_of_entry && i > 5 {
            n += 1;
            out.push(if n == 1 {
                "msgstr \"Akupunktura na ból biodra i kolana\"".to_string()
            } else {
                format!("msgstr \"Tekst {n}\"")
            });
        } else {
            out.push(line.to_string());
        }
    }
    let filled = out.join("\n") + "\n";
    let filled = filled
        .replace(
            "Last-Translator: FULL NAME <EMAIL@ADDRESS>",
            "Last-Translator: Anna Nowak <anna@example.org>",
        )
        .replace("X-Checker: \\n", "X-Checker: Piotr Zieliński\\n")
        .replace("X-Checked-Date: \\n", "X-Checked-Date: 2026-11-30\\n");
    std::fs::write(po, filled).unwrap();
}

/// gettext's count: "56 translated messages, 1 fuzzy translation, 1 untranslated message."
fn msgfmt_statistics(po: &Path) -> String {
    let ran = common::run_tool("msgfmt", &[&"--check", &"--statistics", &"-o", &"/dev/null", &po]);
    ran.stderr.lines().last().unwrap_or_default().to_string()
}

fn msgattrib(po: &Path, flag: &str) -> String {
    common::tool("msgattrib", &[&flag, &po])
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

const CHOOSING_OLD: &str = "Choosing a licensed and experienced acupuncturist";
const CHOOSING_NEW: &str = "Choosing a licensed and skilled acupuncturist";
const REMOVED: &str = "  - paragraph: >-\n      While more high-quality research is still needed, acupuncture continues to show\n      promise as a natural, effective treatment for hip and knee pain.\n";

#[test]
fn export_writes_a_po_file_gettext_accepts_with_an_entry_per_text_and_notes() {
    let (dir, po) = project();
    let said = ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    assert!(said.contains("translations/pl/x.po"), "{said}");
    assert_eq!(
        msgfmt_statistics(&po),
        format!("0 translated messages, {SAMPLE_ENTRIES} untranslated messages.")
    );
    let text = std::fs::read_to_string(&po).unwrap();
    // Contexts from sections and kinds; notes on what, where, reading age, what to keep.
    assert!(
        text.contains("msgctxt \"what-is-acupuncture/paragraph-1\""),
        "{text}"
    );
    assert!(text.contains("msgctxt \"faqs/faq-1/q-2\"\nmsgid \"Does acupuncture hurt?\""));
    assert!(text.contains("#. The footer on every page (every page).\n#. Reading age to aim for: 10 or below.\n#. Keep as written: Example Acupuncture Clinic; 01632 960 000."));
    assert!(text.contains("\"**Pain Relief Through Endorphins:** Acupuncture stimulates"));
    assert!(text.contains("\"X-Source-Version: "));
    assert!(text.contains("\"Language: pl\\n\""));
    // Exporting again would lose the translations: refused, pointing at update.
    let again = leafpress(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("exists already") && err.contains("leafpress translate update content/x.yaml"),
        "{err}"
    );
}

#[test]
fn a_filled_translation_builds_its_own_pdf_with_the_translated_text() {
    let (dir, po) = project();
    ok(dir.path(), &["build", "content/x.yaml"]);
    let english = std::fs::read(dir.path().join("out/x.pdf")).unwrap();
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    fill(&po);
    assert_eq!(
        msgfmt_statistics(&po),
        format!("{SAMPLE_ENTRIES} translated messages.")
    );
    let said = ok(dir.path(), &["build", "content/x.yaml", "--lang", "pl"]);
    assert!(said.contains("x.yaml → out/x-pl.pdf ("), "{said}");
    assert_eq!(
        std::fs::read(dir.path().join("out/x.pdf")).unwrap(),
        english,
        "the English PDF was replaced"
    );
    let pdf = dir.path().join("out/x-pl.pdf");
    let text = common::pdftotext(&pdf, &[]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Akupunktura na ból biodra i kolana"), "{text}");
    for n in [2, 30, 56] {
        assert!(
            text.contains(&format!("Tekst {n}\n")),
            "Tekst {n} missing:\n{text}"
        );
    }
    assert!(!text.contains("What is Acupuncture?"), "English left in:\n{text}");
    // The back page says who translated and checked it.
    assert!(
        flat.contains("Tekst 57 Tekst 58: Anna Nowak; Tekst 59 Piotr Zieliński, 2026-11-30"),
        "{text}"
    );
    // The contact block is printed as written.
    assert!(text.contains("01632 960 000"));
}

#[test]
fn urdu_builds_in_its_own_face() {
    let (dir, _) = project();
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "ur"],
    );
    let po = dir.path().join("translations/ur/x.po");
    let text = std::fs::read_to_string(&po).unwrap();
    std::fs::write(&po, text.replace("msgstr \"\"\n\n", "msgstr \"درد کے لیے\"\n\n")).unwrap();
    // The last entry ends the file.
    let text = std::fs::read_to_string(&po).unwrap();
    std::fs::write(
        &po,
        text.trim_end().trim_end_matches("msgstr \"\"").to_string() + "msgstr \"ہم سے رابطہ کریں\"\n",
    )
    .unwrap();
    assert_eq!(
        msgfmt_statistics(&po),
        format!("{SAMPLE_ENTRIES} translated messages.")
    );
    ok(dir.path(), &["build", "content/x.yaml", "--lang", "ur"]);
    let fonts: Vec<String> = common::pdffonts(&dir.path().join("out/x-ur.pdf"))
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert!(fonts.iter().any(|f| f.contains("Nastaliq")), "{fonts:?}");
}

#[test]
fn update_makes_exactly_the_changed_entry_fuzzy_and_an_incomplete_language_does_not_build() {
    let (dir, po) = project();
    let content = dir.path().join("content/x.yaml");
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    fill(&po);
    edit(&content, CHOOSING_OLD, CHOOSING_NEW);
    edit(
        &content,
        "  - heading: Conclusion\n",
        "  - heading: Conclusion\n  - paragraph: Bring a list of your medicines.\n",
    );
    edit(&content, REMOVED, "");
    // Not updated yet: the build says the English changed.
    let stale = leafpress(dir.path(), &["build", "content/x.yaml", "--lang", "pl"]);
    assert!(!stale.status.success());
    let said = ok(dir.path(), &["translate", "update", "content/x.yaml"]);
    assert!(said.contains("57 kept, 1 fuzzy, 1 new, 1 obsolete"), "{said}");
    assert_eq!(
        msgfmt_statistics(&po),
        "57 translated messages, 1 fuzzy translation, 1 untranslated message."
    );
    let fuzzy = msgattrib(&po, "--only-fuzzy");
    assert_eq!(fuzzy.matches("msgctxt").count(), 1, "{fuzzy}");
    assert!(
        fuzzy.contains("msgctxt \"is-acupuncture-right-for-you/paragraph-2\""),
        "{fuzzy}"
    );
    assert!(
        fuzzy.contains("#| \"Choosing a licensed and experienced acupuncturist"),
        "{fuzzy}"
    );
    let untranslated = msgattrib(&po, "--untranslated");
    assert!(
        untranslated.contains("msgid \"Bring a list of your medicines.\""),
        "{untranslated}"
    );
    let obsolete = msgattrib(&po, "--only-obsolete");
    assert!(
        obsolete.contains("#~ \"While more high-quality research is still needed"),
        "{obsolete}"
    );
    assert!(
        obsolete.contains("#~ msgstr \"Tekst 35\""),
        "the translation is kept: {obsolete}"
    );
    // The build refuses, listing both with their English and their line in the PO.
    let refused = leafpress(dir.path(), &["build", "content/x.yaml", "--lang", "pl"]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("error: fuzzy: \"Choosing a licensed and skilled"),
        "{err}"
    );
    assert!(
        err.contains("error: not translated: \"Bring a list of your medicines.\" (conclusion/paragraph-1)"),
        "{err}"
    );
    assert!(err.contains("translations/pl/x.po:"), "{err}");
    assert!(err.contains("--allow-incomplete"), "{err}");
    assert!(!dir.path().join("out/x-pl.pdf").exists());
    let built = ok(
        dir.path(),
        &["build", "content/x.yaml", "--lang", "pl", "--allow-incomplete"],
    );
    assert!(
        built.contains("2 entries are not translated or fuzzy: printed in English"),
        "{built}"
    );
    let text = common::pdftotext(&dir.path().join("out/x-pl.pdf"), &[]);
    assert!(text.contains("Bring a list of your medicines."), "{text}");
}

#[test]
fn status_counts_each_language_and_says_whether_it_is_current() {
    let (dir, po) = project();
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "ur"],
    );
    fill(&po);
    let status = ok(dir.path(), &["translate", "status", "content/x.yaml"]);
    assert!(
        status.contains(&format!("pl: {SAMPLE_ENTRIES} done, 0 fuzzy, 0 missing")),
        "{status}"
    );
    assert!(
        status.contains(
            "translated by Anna Nowak <anna@example.org>; checked by Piotr Zieliński on 2026-11-30; current"
        ),
        "{status}"
    );
    assert!(
        status.contains(&format!("ur: 0 done, 0 fuzzy, {SAMPLE_ENTRIES} missing")),
        "{status}"
    );
    assert!(
        status.contains("translated by nobody recorded; not checked; NOT CURRENT"),
        "{status}"
    );
    edit(&dir.path().join("content/x.yaml"), CHOOSING_OLD, CHOOSING_NEW);
    let status = ok(dir.path(), &["translate", "status", "content/x.yaml"]);
    assert!(
        status.contains(&format!("pl: {} done, 1 fuzzy, 0 missing", SAMPLE_ENTRIES - 1)),
        "{status}"
    );
    assert!(
        status.contains(", now "),
        "the English version should differ: {status}"
    );
    // The library's view, for `leafpress list`.
    let all = leafpress::load::translate::status(&dir.path().join("content/x.yaml"), None).unwrap();
    assert_eq!(
        all.iter().map(|s| s.language.as_str()).collect::<Vec<_>>(),
        ["pl", "ur"]
    );
    assert!(!all[0].current());
}

/// The `msgctxt` lines of a PO file, sorted.
fn contexts(po: &Path) -> Vec<String> {
    let mut c: Vec<String> = std::fs::read_to_string(po)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("msgctxt") || l.starts_with("msgid"))
        .map(str::to_string)
        .collect();
    c.sort();
    c
}

#[test]
fn moving_other_blocks_keeps_every_context() {
    let (dir, po) = project();
    let content = dir.path().join("content/x.yaml");
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    fill(&po);
    let before = contexts(&po);
    // The FAQs section moved above "Conclusion", and two blocks of one section swapped.
    let text = std::fs::read_to_string(&content).unwrap();
    let faq_at = text.find("  - heading: FAQs").unwrap();
    let quotes_at = text.find("  - heading: What our patients say").unwrap();
    let faqs = text[faq_at..quotes_at].to_string();
    let moved = text.replacen(&faqs, "", 1).replacen(
        "  - heading: Conclusion",
        &format!("{faqs}  - heading: Conclusion"),
        1,
    );
    std::fs::write(&content, &moved).unwrap();
    let para = "  - paragraph: >-\n      Research has increasingly supported acupuncture as a complementary treatment for hip\n      and knee pain. Here are some notable findings:\n";
    let bullets_end = moved.find(REMOVED).unwrap();
    let bullets_start = moved.find(para).unwrap() + para.len();
    let bullets = moved[bullets_start..bullets_end].to_string();
    let swapped = moved.replacen(&format!("{para}{bullets}"), &format!("{bullets}{para}"), 1);
    std::fs::write(&content, swapped).unwrap();
    let said = ok(
        dir.path(),
        &["translate", "update", "content/x.yaml", "--lang", "pl"],
    );
    assert!(
        said.contains(&format!("{SAMPLE_ENTRIES} kept, 0 fuzzy, 0 new, 0 obsolete")),
        "{said}"
    );
    assert_eq!(contexts(&po), before);
    ok(dir.path(), &["build", "content/x.yaml", "--lang", "pl"]);
}

#[test]
fn a_block_id_names_its_entries_and_two_equal_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "title: Knee\nblocks:\n  - paragraph: Rest.\n    id: rest\n  - heading: After\n  - paragraph: Walk.\n    id: walk\n";
    std::fs::write(dir.path().join("x.yaml"), yaml).unwrap();
    ok(dir.path(), &["translate", "export", "x.yaml", "--lang", "pl"]);
    let text = std::fs::read_to_string(dir.path().join("translations/pl/x.po")).unwrap();
    assert!(text.contains("msgctxt \"rest\"\nmsgid \"Rest.\""), "{text}");
    assert!(text.contains("msgctxt \"walk\"\nmsgid \"Walk.\""), "{text}");
    std::fs::write(dir.path().join("y.yaml"), yaml.replace("id: walk", "id: rest")).unwrap();
    let out = leafpress(dir.path(), &["translate", "export", "y.yaml", "--lang", "pl"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("blocks 1 and 3 both have `id: rest`") && err.contains("y.yaml:7:9"),
        "{err}"
    );
    // Editors know the key: the JSON Schema takes an id and refuses a malformed one.
    let schema: serde_json::Value =
        serde_json::from_slice(&leafpress(dir.path(), &["schema"]).stdout).unwrap();
    let valid = |text: &str| {
        let instance: serde_json::Value = serde_yaml::from_str(text).unwrap();
        jsonschema::is_valid(&schema, &instance)
    };
    assert!(valid(yaml));
    assert!(!valid(&yaml.replace("id: walk", "id: Walk Now")));
    std::fs::write(
        dir.path().join("z.yaml"),
        yaml.replace("id: walk", "id: Walk Now"),
    )
    .unwrap();
    let out = leafpress(dir.path(), &["build", "z.yaml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the block id \"Walk Now\" is not usable") && err.contains("z.yaml:"),
        "{err}"
    );
}

#[test]
fn a_language_with_no_file_says_how_to_make_one() {
    let (dir, _) = project();
    let out = leafpress(dir.path(), &["build", "content/x.yaml", "--lang", "ar"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no translation into ar")
            && err.contains("leafpress translate export content/x.yaml --lang ar"),
        "{err}"
    );
    // A file nobody has started: one error, not one per text.
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "ur"],
    );
    let out = leafpress(dir.path(), &["build", "content/x.yaml", "--lang", "ur"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "nothing is translated yet: the file's {SAMPLE_ENTRIES} texts are all to do"
        )) && err.matches("error").count() == 1,
        "{err}"
    );
    // A file broken by hand is located at its line.
    std::fs::create_dir_all(dir.path().join("translations/ar")).unwrap();
    std::fs::write(
        dir.path().join("translations/ar/x.po"),
        "msgid \"\"\nmsgstr \"\"\n\nmsgid \"Rest\"\nmsgstr \"unclosed\n",
    )
    .unwrap();
    let out = leafpress(dir.path(), &["build", "content/x.yaml", "--lang", "ar"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot be read: unterminated string") && err.contains("translations/ar/x.po:5:1"),
        "{err}"
    );
}

#[test]
fn the_proof_is_a4_with_the_english_beside_the_translation() {
    let (dir, po) = project();
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    fill(&po);
    let said = ok(
        dir.path(),
        &["translate", "proof", "content/x.yaml", "--lang", "pl"],
    );
    assert!(said.contains("out/x-pl-proof.pdf"), "{said}");
    let pdf = dir.path().join("out/x-pl-proof.pdf");
    assert!(common::pdfinfo(&pdf)["Page size"].contains("(A4)"));
    let text = common::pdftotext(&pdf, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for both in [
        "Does acupuncture hurt?",
        "Akupunktura na ból biodra i kolana",
        "Tekst 30",
        "Anna Nowak",
    ] {
        assert!(text.contains(both), "{both} missing from the proof:\n{text}");
    }
}

#[test]
fn xliff_export_parses_with_its_languages_and_a_unit_per_text() {
    let (dir, _) = project();
    ok(
        dir.path(),
        &[
            "translate",
            "export",
            "content/x.yaml",
            "--lang",
            "ur",
            "--format",
            "xliff",
        ],
    );
    let xlf = dir.path().join("translations/ur/x.xlf");
    let script = "import sys, xml.etree.ElementTree as ET\nns={'x':'urn:oasis:names:tc:xliff:document:2.0'}\nr=ET.parse(sys.argv[1]).getroot()\nu=r.findall('.//x:unit',ns)\nprint(r.get('srcLang'), r.get('trgLang'), len(u), u[1].get('name'), u[1].find('.//x:source',ns).text)\n";
    let out = common::tool("python3", &[&"-c", &script, &xlf]);
    assert_eq!(
        out.trim(),
        format!("en-GB ur {SAMPLE_ENTRIES} subtitle A guide for patients")
    );
}

#[test]
fn outputs_list_languages_and_a_language_may_have_its_own_picture() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    let yaml =
        "title: Knee\nblocks:\n  - paragraph: Rest your knee.\n  - image: {src: knee.png, alt: A knee}\n";
    std::fs::write(dir.path().join("content/x.yaml"), yaml).unwrap();
    // The English picture is 40 pixels wide; the Polish one, beside it, 24.
    for (name, width) in [("knee.png", 40), ("knee.pl.png", 24)] {
        image::RgbImage::from_pixel(width, 20, image::Rgb([200, 40, 40]))
            .save(dir.path().join("content").join(name))
            .unwrap();
    }
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "outputs:\n  - {name: print, languages: [pl]}\n",
    )
    .unwrap();
    ok(
        dir.path(),
        &["translate", "export", "content/x.yaml", "--lang", "pl"],
    );
    let po = dir.path().join("translations/pl/x.po");
    fill(&po);
    let said = ok(dir.path(), &["build"]);
    assert!(
        said.contains("out/print/x.pdf") && said.contains("out/print/x-pl.pdf"),
        "{said}"
    );
    let english = dir.path().join("out/print/x.pdf");
    let polish = dir.path().join("out/print/x-pl.pdf");
    assert!(common::pdftotext(&english, &[]).contains("Rest your knee."));
    let text = common::pdftotext(&polish, &[]);
    assert!(
        text.contains("Tekst 2") && !text.contains("Rest your knee."),
        "{text}"
    );
    let width = |pdf: &Path| common::image_rows(pdf, &[])[0][3].clone();
    assert_eq!(width(&english), "40");
    assert_eq!(width(&polish), "24");
}

#[test]
fn an_xliff_file_returned_by_an_agency_is_imported_into_the_po_file() {
    let (dir, po) = project();
    ok(
        dir.path(),
        &[
            "translate",
            "export",
            "content/x.yaml",
            "--lang",
            "pl",
            "--format",
            "xliff",
        ],
    );
    let xlf = dir.path().join("translations/pl/x.xlf");
    // What a CAT tool does: a <target> after each <source>; one unit made for older English.
    let script = "import sys, xml.etree.ElementTree as ET\nN='urn:oasis:names:tc:xliff:document:2.0'\nET.register_namespace('', N)\nt=ET.parse(sys.argv[1])\nfor i,u in enumerate(t.getroot().iter('{%s}unit'%N)):\n  s=u.find('.//{%s}segment'%N)\n  src=s.find('{%s}source'%N)\n  if u.get('name')=='what-is-acupuncture/heading': src.text='What is it?'\n  ET.SubElement(s,'{%s}target'%N).text='Tekst %d & więcej'%(i+1)\nt.write(sys.argv[1], encoding='utf-8', xml_declaration=True)\n";
    common::tool("python3", &[&"-c", &script, &xlf]);
    let said = ok(
        dir.path(),
        &["translate", "import", "content/x.yaml", "--lang", "pl"],
    );
    assert!(
        said.contains(&format!(
            "{} translated, 1 fuzzy (made for other English), 0 left alone",
            SAMPLE_ENTRIES - 1
        )),
        "{said}"
    );
    assert_eq!(
        msgfmt_statistics(&po),
        format!("{} translated messages, 1 fuzzy translation.", SAMPLE_ENTRIES - 1)
    );
    let fuzzy = msgattrib(&po, "--only-fuzzy");
    assert!(fuzzy.contains("#| msgid \"What is it?\""), "{fuzzy}");
    ok(
        dir.path(),
        &["build", "content/x.yaml", "--lang", "pl", "--allow-incomplete"],
    );
    let text = common::pdftotext(&dir.path().join("out/x-pl.pdf"), &[]);
    assert!(text.contains("Tekst 30 & więcej"), "{text}");
    // A file for another language is refused.
    std::fs::create_dir_all(dir.path().join("translations/ur")).unwrap();
    std::fs::copy(&xlf, dir.path().join("translations/ur/x.xlf")).unwrap();
    let out = leafpress(
        dir.path(),
        &["translate", "import", "content/x.yaml", "--lang", "ur"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("this file is a translation into pl, not ur"),
        "{err}"
    );
}
