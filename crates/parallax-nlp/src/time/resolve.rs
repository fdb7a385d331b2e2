//! Normalisation: a recognised expression, the publication date, the tense of its clause and
//! the narrative anchor (the last date the text mentioned) give its TIMEX3 value.
//!
//! Rules, in the order news needs them: explicit parts win; a missing year comes from the
//! publication date and the tense ("March 3" in a report is the last March 3, in a preview
//! the next); "Friday" is the last Friday unless the clause looks ahead; "a year earlier" and
//! "the day before" count from the last mentioned date, at its granularity. Without a
//! publication date, only what the text itself fixes is resolved; the rest keeps `X`
//! placeholders and is marked unresolved.

use jiff::civil::Date;

use super::grammar::{Amount, Anchoring, Base, Cal, Found, Sem, Year};
use super::lexicon::{Holiday, Part, Season, Unit};
use super::tense::Tense;

/// How much farther a yearless date counts when it lies on the side the tense points away from.
const AGAINST_TENSE: i64 = 6;
/// The same without a tense, for dates ahead (in halves: 2 is even).
const UNKNOWN_AHEAD: i64 = 3;

/// A resolved calendar period, at its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(Date),
    /// The ISO week of a date.
    Week(Date),
    /// The weekend of the ISO week of a date.
    Weekend(Date),
    Month(i16, i8),
    Season(i16, Season),
    Quarter(i16, i8),
    Half(i16, i8),
    Year(i16),
    /// First three digits of the years (199: the 1990s).
    Decade(i16),
    /// First two digits of the years (19: 1900-1999).
    Century(i16),
}

impl Point {
    fn unit(self) -> Unit {
        match self {
            Point::Day(_) => Unit::Day,
            Point::Week(_) => Unit::Week,
            Point::Weekend(_) => Unit::Weekend,
            Point::Month(..) => Unit::Month,
            Point::Season(..) => Unit::Season,
            Point::Quarter(..) => Unit::Quarter,
            Point::Half(..) => Unit::Half,
            Point::Year(_) => Unit::Year,
            Point::Decade(_) => Unit::Decade,
            Point::Century(_) => Unit::Century,
        }
    }

    /// The first day of the period (the day itself for weeks, which are kept as any of their days).
    fn start(self) -> Option<Date> {
        let first = |y: i16, m: i8| Date::new(y, m, 1).ok();
        match self {
            Point::Day(d) | Point::Week(d) | Point::Weekend(d) => Some(d),
            Point::Month(y, m) => first(y, m),
            Point::Season(y, s) => first(y, s.first_month()),
            Point::Quarter(y, q) => first(y, q * 3 - 2),
            Point::Half(y, h) => first(y, h * 6 - 5),
            Point::Year(y) => first(y, 1),
            Point::Decade(d) => first(d.checked_mul(10)?, 1),
            Point::Century(c) => first(c.checked_mul(100)?, 1),
        }
    }

    /// The period of `unit` that contains `d`.
    fn at(d: Date, unit: Unit) -> Point {
        let (y, m) = (d.year(), d.month());
        match unit {
            Unit::Millennium | Unit::Century => Point::Century(y.div_euclid(100)),
            Unit::Decade => Point::Decade(y.div_euclid(10)),
            Unit::Year => Point::Year(y),
            Unit::Half => Point::Half(y, if m <= 6 { 1 } else { 2 }),
            Unit::Quarter => Point::Quarter(y, (m - 1) / 3 + 1),
            Unit::Season => {
                let s = match m {
                    3..=5 => Season::Spring,
                    6..=8 => Season::Summer,
                    9..=11 => Season::Fall,
                    _ => Season::Winter,
                };
                Point::Season(if m <= 2 { y - 1 } else { y }, s)
            }
            Unit::Month => Point::Month(y, m),
            Unit::Week => Point::Week(d),
            Unit::Weekend => Point::Weekend(d),
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Point::Day(d),
        }
    }

    /// The same kind of period `n` units away; None past the calendar's ends.
    fn shifted(self, unit: Unit, n: i64) -> Option<Point> {
        Some(Point::at(shift(self.start()?, unit, n)?, self.unit()))
    }

    pub(crate) fn value(self) -> String {
        match self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(d) => {
                let w = d.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Point::Weekend(d) => {
                let w = d.iso_week_date();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }
}

/// `d` moved by `n` units; None past the calendar's ends ("9999 centuries ago" included: a
/// span that large is out of jiff's range, and the checked setters say so instead of panicking).
fn shift(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let span = jiff::Span::new();
    let span = match unit {
        Unit::Millennium => span.try_years(n.checked_mul(1000)?),
        Unit::Century => span.try_years(n.checked_mul(100)?),
        Unit::Decade => span.try_years(n.checked_mul(10)?),
        Unit::Year => span.try_years(n),
        Unit::Half => span.try_months(n.checked_mul(6)?),
        Unit::Quarter | Unit::Season => span.try_months(n.checked_mul(3)?),
        Unit::Month => span.try_months(n),
        Unit::Week | Unit::Weekend => span.try_weeks(n),
        Unit::Day => span.try_days(n),
        Unit::Hour | Unit::Minute | Unit::Second => return Some(d),
    }
    .ok()?;
    d.checked_add(span).ok()
}

/// The placeholder value of an unanchored period of `unit`.
fn placeholder(unit: Unit) -> &'static str {
    match unit {
        Unit::Millennium | Unit::Century => "XX",
        Unit::Decade => "XXX",
        Unit::Year => "XXXX",
        Unit::Half => "XXXX-HX",
        Unit::Quarter => "XXXX-QX",
        Unit::Season => "XXXX-XX",
        Unit::Month => "XXXX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
    }
}

/// What resolving one expression gave.
pub(crate) struct Resolved {
    pub(crate) value: String,
    /// False when the value needed the publication date and there was none.
    pub(crate) resolved: bool,
}

/// Resolves the expressions of one text in order, carrying the narrative anchor along.
pub(crate) struct Resolver {
    dct: Option<Date>,
    /// The last period the text mentioned.
    anchor: Option<Point>,
    /// The last day the text mentioned.
    anchor_day: Option<Date>,
    /// The first quarter the text mentioned: in a results report, the one reported on, which
    /// "the quarter" and "a year ago" refer to even after an outlook mentions the next one.
    anchor_quarter: Option<Point>,
}

struct Out {
    value: String,
    resolved: bool,
    point: Option<Point>,
}

impl Out {
    fn point(p: Point) -> Out {
        Out { value: p.value(), resolved: true, point: Some(p) }
    }

    fn fixed(value: impl Into<String>) -> Out {
        Out { value: value.into(), resolved: true, point: None }
    }

    fn unresolved(value: impl Into<String>) -> Out {
        Out { value: value.into(), resolved: false, point: None }
    }
}

impl Resolver {
    pub(crate) fn new(dct: Option<Date>) -> Resolver {
        Resolver { dct, anchor: None, anchor_day: None, anchor_quarter: None }
    }

    pub(crate) fn resolve(&mut self, f: &Found, tense: Tense) -> Resolved {
        let out = self.sem(&f.sem, tense);
        let mut value = out.value;
        // A night is dated by its day: news annotation (TimeBank) writes "Friday night" as the
        // Friday more often than with `TNI`. Mornings, afternoons and evenings keep their part.
        if let (Some(part), Some(Point::Day(_))) = (f.part.filter(|p| *p != Part::Night), out.point) {
            value.push('T');
            value.push_str(part.code());
        }
        match f.anchoring {
            Anchoring::Moves => {
                if let Some(p) = out.point {
                    self.anchor = Some(p);
                    match p {
                        Point::Day(d) => self.anchor_day = Some(d),
                        // A quarter from years back ("the 1984 third quarter") is history, not the report.
                        Point::Quarter(y, _)
                            if self.anchor_quarter.is_none() && self.dct.is_none_or(|d| y >= d.year() - 1) =>
                        {
                            self.anchor_quarter = Some(p)
                        }
                        _ => {}
                    }
                }
            }
            Anchoring::YearToDate => {
                if let Some(dct) = self.dct {
                    self.anchor = Some(Point::Year(dct.year()));
                }
            }
            Anchoring::Keeps => {}
        }
        Resolved { value, resolved: out.resolved }
    }

    fn sem(&self, sem: &Sem, tense: Tense) -> Out {
        match sem {
            Sem::Cal(c) => self.cal(c, tense),
            Sem::Shift { unit, n, base } => self.shift(*unit, *n, *base),
            Sem::Quarter { unit, n, year } => self.quarter(*unit, *n, *year, tense),
            Sem::ContextQuarter { year, latest } => self.context_quarter(*year, *latest),
            Sem::Season { season, year } => self.season(*season, *year, tense),
            Sem::Weekend => self.weekend(tense),
            Sem::Decade(d) => Out::fixed(format!("{d:03}")),
            Sem::Century(c) => Out::fixed(format!("{c:02}")),
            Sem::Ref(r) => Out::fixed(*r),
            Sem::Duration { amount, unit } => Out::fixed(duration_value(*amount, *unit)),
            Sem::Set(v) => Out::fixed(v.clone()),
            Sem::Clock { hour, minute, day } => {
                let day = match day {
                    Some(sem) => match self.sem(sem, tense) {
                        Out { point: Some(Point::Day(d)), .. } => Some(d),
                        _ => None,
                    },
                    None => self.anchor_day.or(self.dct),
                };
                let clock = format!("T{hour:02}:{minute:02}");
                match day {
                    Some(d) => Out {
                        value: format!("{}{clock}", Point::Day(d).value()),
                        resolved: true,
                        point: Some(Point::Day(d)),
                    },
                    None => Out::unresolved(format!("XXXX-XX-XX{clock}")),
                }
            }
        }
    }

    /// The year a yearless date falls in, from the publication date, else from the text.
    fn cal(&self, c: &Cal, tense: Tense) -> Out {
        if let Some(h) = c.holiday {
            return self.yearless(c.year, tense, Unit::Day, |y| holiday_date(h, y), "XXXX-XX-XX");
        }
        match (c.month, c.day, c.weekday) {
            (Some(m), Some(d), weekday) => {
                if let Year::Given(y) = c.year {
                    return match Date::new(y as i16, m, d) {
                        Ok(date) => Out::point(Point::Day(date)),
                        Err(_) => Out::fixed(format!("{y:04}-{m:02}-{d:02}")),
                    };
                }
                // A weekday given with the date picks the year it falls on, when one does.
                if let (Some(wd), Some(dct), Year::Implied) = (weekday, self.dct, c.year) {
                    let fits: Vec<Date> = (-1..=1)
                        .filter_map(|k| Date::new(dct.year() + k, m, d).ok())
                        .filter(|date| date.weekday().to_monday_one_offset() == wd)
                        .collect();
                    if let [date] = fits[..] {
                        return Out::point(Point::Day(date));
                    }
                }
                self.yearless(c.year, tense, Unit::Day, |y| Date::new(y, m, d).ok(), &format!("XXXX-{m:02}-{d:02}"))
            }
            (Some(m), None, _) => {
                if let Year::Given(y) = c.year {
                    return Out::point(Point::Month(y as i16, m));
                }
                self.yearless(c.year, tense, Unit::Month, |y| Date::new(y, m, 1).ok(), &format!("XXXX-{m:02}"))
            }
            (None, _, Some(wd)) => match self.dct {
                Some(dct) => Out::point(Point::Day(weekday_date(dct, wd, c.year, tense))),
                None => Out::unresolved(format!("XXXX-WXX-{wd}")),
            },
            _ => match c.year {
                Year::Given(y) => Out::point(Point::Year(y as i16)),
                _ => Out::unresolved("XXXX"),
            },
        }
    }

    /// A date or month whose year is not written: `make` builds it in a candidate year.
    fn yearless(&self, year: Year, tense: Tense, unit: Unit, make: impl Fn(i16) -> Option<Date>, unknown: &str) -> Out {
        let point = |d: Date| Out::point(Point::at(d, unit));
        let Some(dct) = self.dct else {
            // Without a publication date, a year the text just gave still places it.
            let text_year = self.anchor.and_then(Point::start).map(|d| d.year());
            return match (year, text_year.and_then(&make)) {
                (Year::Implied, Some(d)) => point(d),
                _ => Out::unresolved(unknown),
            };
        };
        let y = dct.year();
        let here = Point::at(dct, unit).start().unwrap_or(dct);
        let candidates: Vec<Date> = (-1..=1).filter_map(|k| make(y + k)).collect();
        let chosen = match year {
            Year::Rel(k) => make(y + k as i16),
            Year::This => make(y),
            Year::Last => candidates.iter().rev().find(|d| **d < here).copied(),
            Year::Next => candidates.iter().find(|d| **d > here).copied(),
            Year::Given(g) => make(g as i16),
            // The nearest one, counting the side the tense points away from as farther: news
            // rarely mentions a yearless date more than a few months off, and a past verb two
            // clauses away ("declared a dividend, payable Dec. 7") is weak evidence.
            Year::Implied => {
                let cost = |d: &Date| {
                    let days = (Point::at(*d, unit).start().unwrap_or(*d) - here).get_days();
                    let weight = match tense {
                        Tense::Past if days > 0 => AGAINST_TENSE,
                        Tense::Future if days < 0 => AGAINST_TENSE,
                        // Without a tense, news looks back more often than ahead.
                        Tense::Present | Tense::Unknown if days > 0 => UNKNOWN_AHEAD,
                        _ => 2,
                    };
                    i64::from(days.abs()) * weight
                };
                candidates.iter().min_by_key(|d| cost(d)).copied()
            }
        };
        match chosen.or_else(|| make(y)) {
            Some(d) => point(d),
            None => Out::unresolved(unknown),
        }
    }

    fn shift(&self, unit: Unit, n: Amount, base: Base) -> Out {
        let Amount::N(n) = n else {
            return Out::fixed("PAST_REF");
        };
        // Fractions move to the next finer unit: "a year and a half ago" is 18 months.
        let (unit, n) = if n.fract().abs() > 1e-9 {
            match unit {
                Unit::Year => (Unit::Month, n * 12.0),
                Unit::Month => (Unit::Day, n * 30.0),
                Unit::Week => (Unit::Day, n * 7.0),
                u => (u, n),
            }
        } else {
            (unit, n)
        };
        let n = n.round() as i64;
        if unit > Unit::Day {
            // Hours and minutes from a day-level reference say only which side of it.
            return Out::fixed(match n.signum() {
                -1 => "PAST_REF",
                1 => "FUTURE_REF",
                _ => "PRESENT_REF",
            });
        }
        // Comparisons look back from the quarter reported on when the text is about quarters.
        let compared = match self.anchor {
            Some(Point::Quarter(..)) => self.anchor_quarter.or(self.anchor),
            a => a,
        };
        let text_anchor = match base {
            Base::Anchor if unit == Unit::Day => self.anchor_day.map(Point::Day),
            Base::Anchor => self.anchor,
            Base::Compare => compared,
            Base::Ago => compared.filter(|a| matches!(a, Point::Quarter(..) | Point::Half(..) | Point::Month(..))),
            Base::Dct => None,
        };
        // "a year earlier" after "the third quarter" is the year-ago quarter.
        if let Some(a) = text_anchor.filter(|a| matches!(base, Base::Compare | Base::Ago) && a.unit() > unit) {
            return a.shifted(unit, n).map_or_else(|| Out::unresolved(placeholder(unit)), Out::point);
        }
        let from = match text_anchor {
            Some(a) => a.start(),
            None => self.dct,
        };
        let Some(from) = from else {
            return Out::unresolved(placeholder(unit));
        };
        if unit == Unit::Weekend {
            let week = shift(from, Unit::Week, n).unwrap_or(from);
            return Out::point(Point::Weekend(week));
        }
        match shift(from, unit, n) {
            Some(d) => Out::point(Point::at(d, unit)),
            None => Out::unresolved(placeholder(unit)),
        }
    }

    fn quarter(&self, unit: Unit, n: i8, year: Year, tense: Tense) -> Out {
        let make = |y: i16| if unit == Unit::Half { Point::Half(y, n) } else { Point::Quarter(y, n) };
        let y = match (year, self.dct) {
            (Year::Given(y), _) => y as i16,
            (Year::Rel(k), Some(dct)) => dct.year() + k as i16,
            (Year::Implied | Year::This, Some(dct)) => {
                // A quarter that has not begun is last year's, unless the clause looks ahead.
                let begun = make(dct.year()).start().is_some_and(|s| s <= dct);
                if begun || tense == Tense::Future || year == Year::This {
                    dct.year()
                } else {
                    dct.year() - 1
                }
            }
            (Year::Last, Some(dct)) => dct.year() - 1,
            (Year::Next, Some(dct)) => dct.year() + 1,
            (_, None) => match self.anchor.and_then(Point::start) {
                Some(d) if year == Year::Implied => d.year(),
                _ => {
                    let p = if unit == Unit::Half { "H" } else { "Q" };
                    return Out::unresolved(format!("XXXX-{p}{n}"));
                }
            },
        };
        Out::point(make(y))
    }

    /// "the quarter", "the year-ago period": the quarter the text reports on, else the last
    /// full one; "the latest quarter" is always the last full one. In another year when one
    /// is given.
    fn context_quarter(&self, year: Year, latest: bool) -> Out {
        let last_full = || self.dct.and_then(|d| Point::at(d, Unit::Quarter).shifted(Unit::Quarter, -1));
        let base = match self.anchor_quarter {
            Some(q) if !latest => Some(q),
            _ => last_full().or(self.anchor_quarter),
        };
        let quarter = match (base, year) {
            (Some(Point::Quarter(_, q)), Year::Given(y)) => Some(Point::Quarter(y as i16, q)),
            (Some(b), Year::Rel(k)) => b.shifted(Unit::Year, i64::from(k)),
            (b, _) => b,
        };
        match quarter {
            Some(q) => Out::point(q),
            None => Out::unresolved("XXXX-QX"),
        }
    }

    fn season(&self, season: Season, year: Year, tense: Tense) -> Out {
        let make = |y: i16| Point::Season(y, season);
        let Some(dct) = self.dct else {
            return match year {
                Year::Given(y) => Out::point(make(y as i16)),
                _ => Out::unresolved(format!("XXXX-{}", season.code())),
            };
        };
        let current = Point::at(dct, Unit::Season);
        let candidates: Vec<Point> = (-2..=1).map(|k| make(dct.year() + k)).collect();
        let before = |p: &Point| p.start() < current.start();
        let chosen = match year {
            Year::Given(y) => make(y as i16),
            Year::Rel(k) => make(dct.year() + k as i16),
            Year::Last => candidates.iter().rev().find(|p| before(p)).copied().unwrap_or(current),
            Year::Next => candidates.iter().find(|p| p.start() > current.start()).copied().unwrap_or(current),
            Year::This => {
                if matches!(current, Point::Season(_, s) if s == season) {
                    current
                } else {
                    make(dct.year())
                }
            }
            Year::Implied => match tense {
                Tense::Past => {
                    candidates.iter().rev().find(|p| p.start() <= current.start()).copied().unwrap_or(current)
                }
                Tense::Future => candidates.iter().find(|p| p.start() >= current.start()).copied().unwrap_or(current),
                _ => make(dct.year()),
            },
        };
        Out::point(chosen)
    }

    /// "the weekend": the last one (or the one under way), or the next when the clause looks ahead.
    fn weekend(&self, tense: Tense) -> Out {
        let Some(dct) = self.dct else {
            return Out::unresolved("XXXX-WXX-WE");
        };
        let saturday = weekday_date(dct, 6, Year::Implied, tense);
        // On a Sunday the weekend under way started yesterday.
        let saturday = if dct.weekday().to_monday_one_offset() == 7 && tense != Tense::Future {
            dct.yesterday().unwrap_or(dct)
        } else {
            saturday
        };
        Out::point(Point::Weekend(saturday))
    }
}

/// Weekday `wd` (Monday 1) near `dct`: the last one on or before it unless the clause looks
/// ahead ("on Friday" in a report is the past Friday, the same day when it is Friday).
fn weekday_date(dct: Date, wd: i8, dir: Year, tense: Tense) -> Date {
    let today = dct.weekday().to_monday_one_offset();
    let back = i64::from((today - wd).rem_euclid(7));
    let ahead = i64::from((wd - today).rem_euclid(7));
    let offset = match dir {
        Year::Last => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        Year::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Year::This => ahead,
        _ => match tense {
            Tense::Future => ahead,
            _ => -back,
        },
    };
    shift(dct, Unit::Day, offset).unwrap_or(dct)
}

fn holiday_date(h: Holiday, y: i16) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => Date::new(y, m, d).ok(),
        Holiday::Thanksgiving => Date::new(y, 11, 1).ok()?.nth_weekday_of_month(4, jiff::civil::Weekday::Thursday).ok(),
        Holiday::Easter => easter(y),
    }
}

/// Gregorian Easter Sunday (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
fn easter(y: i16) -> Option<Date> {
    let y32 = i32::from(y);
    let (a, b, c) = (y32 % 19, y32 / 100, y32 % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, month as i8, day as i8).ok()
}

/// "P3M", "PT2H", "PXY".
fn duration_value(amount: Amount, unit: Unit) -> String {
    match amount {
        Amount::N(n) => super::grammar::period_value(unit, n).unwrap_or_else(|| "PXD".to_string()),
        Amount::X => match unit {
            Unit::Millennium => "PXL",
            Unit::Century => "PXC",
            Unit::Decade | Unit::Year => "PXY",
            Unit::Half | Unit::Season | Unit::Month => "PXM",
            Unit::Quarter => "PXQ",
            Unit::Week => "PXW",
            Unit::Weekend | Unit::Day => "PXD",
            Unit::Hour => "PTXH",
            Unit::Minute => "PTXM",
            Unit::Second => "PTXS",
        }
        .to_string(),
    }
}
