//! Text made safe inside HTML and XML: elements and quoted attribute values.

/// `&`, `<`, `>` and both quotes as entities (`&#39;` for `'`, which HTML and XML
/// both read), everything else as it is.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_five_characters_become_entities() {
        assert_eq!(
            super::xml(r#"a & b < c > "d" 'e' – ü"#),
            "a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39; – ü"
        );
    }
}
