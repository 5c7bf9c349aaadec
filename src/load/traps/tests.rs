use super::*;

fn one(line: &str) -> Trap {
    let text = format!("title: T\nblocks:\n{line}\n");
    let traps = scan(&text);
    assert_eq!(traps.len(), 1, "{line}: {traps:?}");
    traps.into_iter().next().unwrap()
}

#[test]
fn each_trap_is_named_and_fixed() {
    let t = one("  - paragraph: *Always* tell us if you are pregnant.");
    assert!(t.message.contains("reads as a reference"));
    assert_eq!(
        t.fix.unwrap().replacement,
        "  - paragraph: \"*Always* tell us if you are pregnant.\""
    );
    let t = one("  - paragraph: \"Josh\" is our acupuncturist.");
    assert_eq!(
        t.fix.unwrap().replacement,
        "  - paragraph: '\"Josh\" is our acupuncturist.'"
    );
    assert!(one("  - paragraph: Call us on #3 today").silent);
    assert!(one("  - paragraph: &more text").silent);
    assert!(one("  - paragraph: Note: bring your glasses.")
        .message
        .contains("`: `"));
    assert!(one("  - paragraph: “Quoted by Word”").warning);
    assert!(one("  -paragraph: no space").message.contains("space after it"));
    assert!(one("  - paragraph:no space").message.contains("after the colon"));
    assert!(one("  - bullets:\n    - *one* thing")
        .message
        .contains("reference"));
}

#[test]
fn fine_lines_are_left_alone() {
    let text = "title: \"Quoted: fine\"\nsubtitle: 'It''s fine'\nblocks:\n  - paragraph: A plain line, with commas.\n  - bullets: [one, two]\n  - image: {src: a.png, alt: A}\n  - paragraph: >-\n      *Folded* text: fine\n";
    assert_eq!(scan(text), Vec::new());
}

/// What a review found: comments after text, opening hours in a list, a
/// compact list followed by a block, an item one space too far, block headers.
#[test]
fn a_reviewers_cases() {
    let fine = "title: Acupuncture for Hip and Knee Pain        # required; the title\nblocks:\n  - paragraph: Please arrive early # TODO check with Sue\n  - bullets:\n    - Bring your letter\n  - paragraph: >-  # folded so it wraps\n      *Always* ask: we help.\n";
    assert_eq!(scan(fine), Vec::new());
    let hours = "title: T\nblocks:\n  - bullets:\n      - Monday: 9am to 5pm\n";
    let t = scan(hours);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(
        t[0].fix.as_ref().unwrap().replacement,
        "      - \"Monday: 9am to 5pm\""
    );
    let slip = "title: T\nblocks:\n  - bullets:\n    - Bring your card\n     - Bring your letter\n";
    let t = scan(slip);
    assert!(t.len() == 1 && t[0].silent, "{t:?}");
}

#[test]
fn text_over_several_lines_becomes_a_folded_block() {
    let text = "title: T\nblocks:\n  - paragraph: *Always* tell us\n      if you are pregnant.\n";
    let traps = scan(text);
    let fix = traps[0].fix.as_ref().unwrap();
    assert_eq!(fix.intended, "*Always* tell us if you are pregnant.");
    assert!(fix.replacement.contains(">-\n"), "{}", fix.replacement);
}

/// A no-break space inside text is typography (`10 km`, `Monday: 9am` in a list), and
/// a zero-width space between Thai words marks where a line may break: neither is a trap.
#[test]
fn invisible_characters_that_belong_in_the_text_stay() {
    let text = "title: T\nblocks:\n  - paragraph: Walk 10\u{a0}km, 5\u{202f}% slower\u{a0}\n  - bullets:\n      - Monday:\u{a0}9am\n  - paragraph: ภาษา\u{200b}ไทย\n";
    assert_eq!(scan(text), Vec::new());
    assert_eq!(fix(text).text, text);
    // Where YAML needs a plain space, the same character is a trap.
    let traps = scan("title: T\nblocks:\n  - paragraph:\u{a0}Walk 10\u{a0}km\n");
    assert_eq!(traps.len(), 1, "{traps:?}");
    assert_eq!(
        traps[0].fix.as_ref().unwrap().replacement,
        "  - paragraph: Walk 10\u{a0}km"
    );
}

/// Found by fuzzing: a zero-width space in the text (a warning) must not hide a trap
/// on the same line that loses text; a `>` text whose first line is one space short
/// leaves every later line on a line of its own, though YAML reads it.
#[test]
fn traps_beside_others_are_found_where_they_are() {
    let text = "title: T\nblocks:\n  - paragraph: Cal\u{200b}l us on #3 today\n";
    let traps = scan(text);
    let hash = traps.iter().find(|t| t.silent).expect("the ` #` trap");
    assert_eq!(&text[hash.span.clone()], "#3 today");
    assert_eq!(
        fix(text).text,
        "title: T\nblocks:\n  - paragraph: \"Call us on #3 today\"\n"
    );
    let text = "title: T\nblocks:\n  - paragraph: >-\n     One.\n      Two.\n      Three.\n";
    let traps = scan(text);
    assert!(traps.len() == 1 && traps[0].silent, "{traps:?}");
    assert_eq!(
        fix(text).text,
        "title: T\nblocks:\n  - paragraph: >-\n      One.\n      Two.\n      Three.\n"
    );
}
