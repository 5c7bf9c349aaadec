//! A table for the terminal: columns padded to their widest cell (by characters), two
//! spaces apart, the given columns aligned right (numbers), no trailing spaces.

pub fn aligned<R: AsRef<[String]>>(rows: &[R], right: &[usize]) -> String {
    let columns = rows.iter().map(|r| r.as_ref().len()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|r| r.as_ref().get(c).map_or(0, |v| v.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let line: Vec<String> = r
            .as_ref()
            .iter()
            .enumerate()
            .map(|(c, v)| {
                if right.contains(&c) {
                    format!("{v:>w$}", w = widths[c])
                } else {
                    format!("{v:<w$}", w = widths[c])
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_right_words_left_no_trailing_space() {
        let rows = [
            vec!["name".to_string(), "pages".into(), "note".into()],
            vec!["knee".to_string(), "12".into(), String::new()],
        ];
        assert_eq!(super::aligned(&rows, &[1]), "name  pages  note\nknee     12\n");
    }
}
