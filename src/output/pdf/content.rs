//! Page content streams, written as bytes.
//!
//! printpdf turns each operation into lopdf objects (a heap string per glyph code)
//! and lopdf formats those again: together 31 % of the sample's instructions. The
//! painter's few operators are written here straight into the stream; printpdf still
//! writes the pages, fonts and images around them (see `pdf::write`).

/// A content stream being written: operands, then their operator, one per line.
#[derive(Default)]
pub struct Content {
    pub bytes: Vec<u8>,
    /// Inside a `TJ` array: whether the last thing written was a glyph code (the next
    /// one then joins its hex string) or a number.
    show: Option<Last>,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Code,
    Number,
    Nothing,
}

impl Content {
    pub fn op(&mut self, operator: &str) {
        self.bytes.extend_from_slice(operator.as_bytes());
        self.bytes.push(b'\n');
    }

    /// A length or position, to 1/100 pt (3.5 µm): finer than any printer resolves.
    pub fn num(&mut self, v: f32) {
        self.fixed(v, 100);
    }

    /// A colour component or a scale, to 1/1000: three decimals tell every 8-bit
    /// colour level apart (they are 0.0039 apart).
    pub fn fine(&mut self, v: f32) {
        self.fixed(v, 1000);
    }

    pub fn nums(&mut self, vs: &[f32]) {
        for &v in vs {
            self.num(v);
        }
    }

    /// `v` rounded to 1/`scale`, written with no trailing zeros ("12.5", "-3", "0.07"),
    /// and a space after it.
    fn fixed(&mut self, v: f32, scale: i64) {
        let n = (v as f64 * scale as f64).round() as i64;
        if n < 0 {
            self.bytes.push(b'-');
        }
        let n = n.unsigned_abs();
        let scale = scale as u64;
        let mut buf = itoa::Buffer::new();
        self.bytes.extend_from_slice(buf.format(n / scale).as_bytes());
        let mut frac = n % scale;
        if frac != 0 {
            self.bytes.push(b'.');
            let mut unit = scale / 10;
            while frac != 0 {
                self.bytes.push(b'0' + (frac / unit) as u8);
                frac %= unit;
                unit /= 10;
            }
        }
        self.bytes.push(b' ');
    }

    /// A name of letters and digits (resource names, structure types): nothing in
    /// them needs escaping.
    pub fn name(&mut self, name: &str) {
        debug_assert!(name.bytes().all(|b| b.is_ascii_alphanumeric()));
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.push(b' ');
    }

    /// `1 0 0 1 x y` and the operator (`cm` or `Tm`).
    pub fn translate(&mut self, x: f32, y: f32, operator: &str) {
        self.bytes.extend_from_slice(b"1 0 0 1 ");
        self.nums(&[x, y]);
        self.op(operator);
    }

    pub fn fill_rgb(&mut self, c: crate::base::colour::Color) {
        self.rgb(c, "rg");
    }

    pub fn stroke_rgb(&mut self, c: crate::base::colour::Color) {
        self.rgb(c, "RG");
    }

    fn rgb(&mut self, c: crate::base::colour::Color, operator: &str) {
        for b in [c.0, c.1, c.2] {
            self.fine(b as f32 / 255.0);
        }
        self.op(operator);
    }

    /// `/Tag <<…>> BDC` for marked content with an MCID, an optional language and an
    /// optional ActualText.
    pub fn begin_marked(&mut self, tag: &str, mcid: Option<i64>, lang: Option<&str>, actual: Option<&str>) {
        self.name(tag);
        self.bytes.extend_from_slice(b"<<");
        if let Some(text) = actual {
            self.bytes.extend_from_slice(b"/ActualText ");
            self.utf16_hex(text);
        }
        if let Some(lang) = lang {
            self.bytes.extend_from_slice(b"/Lang ");
            self.literal(lang.as_bytes());
        }
        if let Some(mcid) = mcid {
            self.bytes.extend_from_slice(b"/MCID ");
            self.bytes
                .extend_from_slice(itoa::Buffer::new().format(mcid).as_bytes());
        }
        self.bytes.extend_from_slice(b">> ");
        self.op("BDC");
    }

    /// A PDF text string in UTF-16BE with its byte-order mark, as ActualText wants.
    fn utf16_hex(&mut self, s: &str) {
        self.bytes.extend_from_slice(b"<FEFF");
        for unit in s.encode_utf16() {
            self.hex16(unit);
        }
        self.bytes.push(b'>');
    }

    /// A literal string, with the three bytes that need it escaped.
    fn literal(&mut self, s: &[u8]) {
        self.bytes.push(b'(');
        for &b in s {
            if matches!(b, b'(' | b')' | b'\\') {
                self.bytes.push(b'\\');
            }
            self.bytes.push(b);
        }
        self.bytes.push(b')');
    }

    fn hex16(&mut self, v: u16) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for shift in [12, 8, 4, 0] {
            self.bytes.push(HEX[(v >> shift) as usize & 0xF]);
        }
    }

    /// A glyph code (two bytes, Identity-H) in the open `TJ` array, as the bytes
    /// themselves in a literal string: half the room of hex, which also makes the
    /// stream quicker to compress (and 6 % smaller compressed). Codes in a row share
    /// one string.
    pub fn glyph(&mut self, code: u16) {
        match self.open_show() {
            Last::Code => {
                self.bytes.pop(); // the string's closing ')'
            }
            Last::Number | Last::Nothing => self.bytes.push(b'('),
        }
        for b in code.to_be_bytes() {
            match b {
                // A reader takes a bare CR (or CR LF) in a literal string as LF.
                b'\r' => self.bytes.extend_from_slice(b"\\r"),
                b'\n' => self.bytes.extend_from_slice(b"\\n"),
                b'(' | b')' | b'\\' => self.bytes.extend_from_slice(&[b'\\', b]),
                _ => self.bytes.push(b),
            }
        }
        self.bytes.push(b')');
        self.show = Some(Last::Code);
    }

    /// A `TJ` number: moves the next glyph left by `v` thousandths of an em.
    pub fn kern(&mut self, v: f32) {
        if self.open_show() == Last::Number {
            self.bytes.push(b' ');
        }
        let before = self.bytes.len();
        self.num(v);
        // `num` ends with a space; inside the array a delimiter follows instead.
        if self.bytes.len() > before {
            self.bytes.pop();
        }
        self.show = Some(Last::Number);
    }

    fn open_show(&mut self) -> Last {
        match self.show {
            Some(last) => last,
            None => {
                self.bytes.push(b'[');
                self.show = Some(Last::Nothing);
                Last::Nothing
            }
        }
    }

    /// Ends the open `TJ` array, if any, with its operator.
    pub fn end_show(&mut self) {
        if self.show.take().is_some() {
            self.bytes.extend_from_slice(b"]TJ\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Content)) -> Vec<u8> {
        let mut c = Content::default();
        f(&mut c);
        c.bytes
    }

    #[test]
    fn numbers_are_short_and_exact_to_their_precision() {
        let s = written(|c| c.nums(&[12.5, -3.0, 0.07, 0.004, 419.527, -0.001, 100.0]));
        assert_eq!(s, b"12.5 -3 0.07 0 419.53 0 100 ");
        assert_eq!(written(|c| c.fine(0.0039215)), b"0.004 ");
        assert_eq!(written(|c| c.fine(1.0)), b"1 ");
    }

    #[test]
    fn glyph_codes_in_a_row_share_a_string_and_numbers_sit_between() {
        // 0x28 is '(': escaped.
        let s = written(|c| {
            c.kern(-120.0);
            c.glyph(0x0C);
            c.glyph(0x28);
            c.kern(15.0);
            c.glyph(0x1F3);
            c.end_show();
            c.end_show();
        });
        assert_eq!(s, b"[-120(\0\x0c\0\\()15(\x01\xf3)]TJ\n");
        // Every byte a literal string treats specially is escaped.
        let s = written(|c| {
            c.glyph(0x0D0A);
            c.glyph(0x295C);
            c.end_show();
        });
        assert_eq!(s, b"[(\\r\\n\\)\\\\)]TJ\n");
    }

    #[test]
    fn marked_content_carries_its_properties() {
        let s = written(|c| c.begin_marked("Span", Some(3), Some("pl"), Some("İ")));
        assert_eq!(s, b"/Span <</ActualText <FEFF0130>/Lang (pl)/MCID 3>> BDC\n");
    }
}
