//! Fitting a leaflet to a page count (`page: {fit: 8}`, `--fit 8`): the least
//! tightening that ends on that many pages, within limits that keep it clear print.
//!
//! One parameter `t` (0 = the theme as designed, 1 = as tight as allowed) moves
//! every gap towards 60 % of the theme's, every leading towards 1.3 × its size (never
//! raising one already tighter) and images towards 70 % of their width; body size
//! and margins are never touched. The page count falls (near enough) monotonically
//! with `t`, so a bisection finds the least `t` that fits.

use crate::model::theme::Theme;

/// Gaps never go below this share of the theme's.
pub const MIN_GAP_SHARE: f32 = 0.6;
/// Leading never goes below this many times the text size.
pub const MIN_LEADING: f32 = 1.3;
/// Images never go below this share of their width.
pub const MIN_IMAGE_SHARE: f32 = 0.7;
/// Bisection steps: `t` to within 1/256, more than the page count can tell apart.
const STEPS: u32 = 8;

/// What fitting changed, for the build's report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tightening {
    /// 0 to 1.
    pub t: f32,
    /// The gaps' share of the theme's.
    pub gaps: f32,
    /// The body text's leading, and the theme's.
    pub body_leading: f32,
    pub theme_body_leading: f32,
    /// The images' share of their width.
    pub images: f32,
}

impl Tightening {
    /// "gaps 82 %, leading 16.2 pt (was 17), images 95 %".
    pub fn describe(&self) -> String {
        if self.t == 0.0 {
            return "no tightening needed".into();
        }
        format!(
            "gaps {:.0} %, body leading {:.1} pt (was {:.0}), images {:.0} %",
            self.gaps * 100.0,
            self.body_leading,
            self.theme_body_leading,
            self.images * 100.0
        )
    }
}

impl Theme {
    /// This theme tightened by `t` (0 to 1), and what that changed.
    pub fn tightened(&self, t: f32) -> (Theme, Tightening) {
        let t = t.clamp(0.0, 1.0);
        let gap_share = 1.0 - t * (1.0 - MIN_GAP_SHARE);
        let g = |v: f32| v * gap_share;
        let lead = |st: crate::model::theme::TextStyle| {
            let floor = st.size * MIN_LEADING;
            crate::model::theme::TextStyle {
                leading: if st.leading > floor {
                    st.leading - t * (st.leading - floor)
                } else {
                    st.leading
                },
                ..st
            }
        };
        let images = 1.0 - t * (1.0 - MIN_IMAGE_SHARE);
        let theme = Theme {
            body: lead(self.body),
            heading: lead(self.heading),
            subheading: lead(self.subheading),
            question: lead(self.question),
            quote_by: lead(self.quote_by),
            caption: lead(self.caption),
            paragraph_gap: g(self.paragraph_gap),
            list_gap: g(self.list_gap),
            item_gap: g(self.item_gap),
            heading_above: g(self.heading_above),
            heading_below: g(self.heading_below),
            subheading_above: g(self.subheading_above),
            subheading_below: g(self.subheading_below),
            label_gap: g(self.label_gap),
            box_gap: g(self.box_gap),
            caption_gap: g(self.caption_gap),
            title_gap: g(self.title_gap),
            image_share: self.image_share * images,
            ..self.clone()
        };
        let report = Tightening {
            t,
            gaps: gap_share,
            body_leading: theme.body.leading,
            theme_body_leading: self.body.leading,
            images,
        };
        (theme, report)
    }
}

/// The outcome of a search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fitted {
    pub t: f32,
    /// Pages at `t`, and as designed.
    pub pages: usize,
    pub natural: usize,
    /// Whether `pages` is within the target.
    pub reached: bool,
}

/// The least `t` at which `pages_at(t)` is at most `target`, by bisection; when even
/// `t = 1` gives more, the count it reached (`reached: false`).
pub fn search<E>(target: usize, mut pages_at: impl FnMut(f32) -> Result<usize, E>) -> Result<Fitted, E> {
    let natural = pages_at(0.0)?;
    if natural <= target {
        return Ok(Fitted {
            t: 0.0,
            pages: natural,
            natural,
            reached: true,
        });
    }
    let tightest = pages_at(1.0)?;
    if tightest > target {
        return Ok(Fitted {
            t: 1.0,
            pages: tightest,
            natural,
            reached: false,
        });
    }
    let (mut lo, mut hi, mut at_hi) = (0.0f32, 1.0f32, tightest);
    for _ in 0..STEPS {
        let mid = (lo + hi) / 2.0;
        let n = pages_at(mid)?;
        if n <= target {
            (hi, at_hi) = (mid, n);
        } else {
            lo = mid;
        }
    }
    Ok(Fitted {
        t: hi,
        pages: at_hi,
        natural,
        reached: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tightening_stays_within_clear_print_limits() {
        let theme = Theme::default();
        let (tight, r) = theme.tightened(1.0);
        assert!((tight.paragraph_gap - theme.paragraph_gap * 0.6).abs() < 1e-4);
        assert!((tight.body.leading - 12.0 * 1.3).abs() < 1e-4);
        assert_eq!(tight.body.size, theme.body.size, "body size never changes");
        assert!((r.images - 0.7).abs() < 1e-6);
        // A heading already under 1.3 × keeps its leading.
        assert_eq!(tight.heading.leading, theme.heading.leading);
        let (same, r) = theme.tightened(0.0);
        assert_eq!(same, theme);
        assert_eq!(r.describe(), "no tightening needed");
    }

    #[test]
    fn bisection_finds_the_least_tightening() {
        // 10 pages as designed, one fewer for each 0.25 of t.
        let pages = |t: f32| Ok::<_, ()>(10 - (t * 4.0).floor() as usize);
        let f = search(8, pages).unwrap();
        assert!(f.reached && f.pages == 8 && (0.5..0.51).contains(&f.t), "{f:?}");
        let f = search(5, pages).unwrap();
        assert!(!f.reached && f.pages == 6, "{f:?}");
        assert_eq!(search(12, pages).unwrap().t, 0.0);
    }
}
