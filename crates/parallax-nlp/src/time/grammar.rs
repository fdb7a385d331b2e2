//! Recognition: which token spans are time expressions, and what each one says before it is
//! anchored ([`Sem`]). A hand-written recursive-descent grammar over [`Tokens`], in the manner
//! of rule-engineered taggers (HeidelTime, SUTime): at each token every rule family is tried
//! and the longest match wins; the scan then continues after it.
//!
//! Span conventions follow TimeML: determiners and qualifiers belong to the expression ("the
//! third quarter", "more than two years", "early next year"), prepositions do not ("in March").
//! Deliberately not here: dates, tense and the reference time, which are the resolver's.

use parallax_core::{TimeKind, TimeMod};

use super::lexicon::{self, Holiday, Part, Season, Unit};
use super::token::{Gap, Kind, Tokens};

/// How far the year of a month, weekday or season is from the reference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Year {
    Given(i32),
    /// Not said: inferred from the reference time and the tense.
    Implied,
    /// "last April": the latest one before the reference.
    Last,
    /// "next June": the first one after the reference.
    Next,
    /// "this September": in the reference's year (for weekdays, its week).
    This,
    /// Years from the reference year ("June last year": -1).
    Rel(i32),
}

/// Where a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// The publication date ("yesterday", "last week", "two years ago").
    Dct,
    /// The last date the text mentioned ("the day before", "the following year"), else the
    /// publication date.
    Anchor,
    /// A comparison with the period the text is about, which keeps its granularity: "a year
    /// earlier" after "the third quarter" is the year-ago quarter.
    Compare,
    /// "a year ago": from the publication date, but a comparison when the text is about a
    /// quarter, half or month.
    Ago,
}

/// A count of units: a number, or unspecified ("several years").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    N(f64),
    X,
}

/// A calendar date with whatever the text gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cal {
    pub(crate) year: Year,
    pub(crate) month: Option<i8>,
    pub(crate) day: Option<i8>,
    pub(crate) weekday: Option<i8>,
    pub(crate) holiday: Option<Holiday>,
}

/// What a recognised expression means, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// "Aug. 7, 1998", "August", "Friday", "last April", "1990", "Christmas".
    Cal(Cal),
    /// The unit `n` steps from the base: "yesterday" (Day, -1), "last week", "this year",
    /// "two years ago", "a year earlier" (anchored), "the following day".
    Shift {
        unit: Unit,
        n: Amount,
        base: Base,
    },
    /// A quarter or half of a year: "the third quarter", "fiscal 1989's first half".
    Quarter {
        unit: Unit,
        n: i8,
        year: Year,
    },
    /// The quarter the text is about ("the quarter", "the latest period"), in another year
    /// when one is given ("the year-ago quarter", "the 1988 period").
    ContextQuarter {
        year: Year,
        latest: bool,
    },
    Season {
        season: Season,
        year: Year,
    },
    /// "the weekend": the one the tense points at.
    Weekend,
    /// First three digits of the years of a decade (199 for the 1990s).
    Decade(i32),
    /// The two leading digits of a century's years (19 for the 20th century).
    Century(i32),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// A recurrence with its fixed value ("P1D", "XXXX-WXX-2").
    Set(String),
    /// A clock time on a day (the reference day when none is given).
    Clock {
        hour: u8,
        minute: u8,
        day: Option<Box<Sem>>,
    },
}

/// One recognised expression: tokens `start..end`, its meaning and how it shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sem: Sem,
    pub(crate) kind: TimeKind,
    pub(crate) modifier: Option<TimeMod>,
    /// A part of the day appended to the value ("Friday night": `TNI`).
    pub(crate) part: Option<Part>,
    /// How it moves the narrative anchor.
    pub(crate) anchoring: Anchoring,
}

/// What an expression does to the narrative anchor (the period the text is about).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchoring {
    /// It becomes the anchor.
    Moves,
    /// It looks elsewhere without moving the text's time: comparisons ("a year earlier", "the
    /// 1988 period") and period ends ("the quarter ended Sept. 30").
    Keeps,
    /// A year-to-date period ("the first nine months"): the anchor becomes the reference year.
    YearToDate,
}

/// Every time expression of the text, in order, not overlapping.
pub(crate) fn recognise(t: &Tokens<'_>) -> Vec<Found> {
    let g = G { t };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let opens = match t.kind(i) {
            Some(Kind::Number | Kind::Alnum) => true,
            Some(Kind::Word) => lexicon::opens_expression(t.low(i)),
            // the `'` of "'90s", "'98"
            _ => t.low(i) == "'" && matches!(t.kind(i + 1), Some(Kind::Alnum | Kind::Number)),
        };
        match opens.then(|| g.expression(i)).flatten() {
            Some(mut found) => {
                i = found.end;
                if g.is_title(&found) {
                    continue;
                }
                found.anchoring = g.anchoring(&found);
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

type M = Option<(usize, Sem)>;

struct G<'t> {
    t: &'t Tokens<'t>,
}

/// Two-digit years below this are this century's ("'29" is 2029), the rest the last's ("'98").
const TWO_DIGIT_YEAR_PIVOT: i32 = 30;
/// Four-digit numbers read as years where a year is expected ("in March 2026").
const YEARS: std::ops::RangeInclusive<i32> = 1000..=2199;
/// Four-digit numbers read as a year on their own ("2026 was …"); outside, "1,500"-like
/// quantities need a cue before them ("in 1850").
const LONE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// Words that say the clock or the calendar is approximate or bounded, with the mod they give.
const QUALIFIERS: &[(&[&str], TimeMod)] = &[
    (&["about"], TimeMod::Approx),
    (&["around"], TimeMod::Approx),
    (&["approximately"], TimeMod::Approx),
    (&["roughly"], TimeMod::Approx),
    (&["some"], TimeMod::Approx),
    (&["nearly"], TimeMod::EqualOrLess),
    (&["almost"], TimeMod::EqualOrLess),
    (&["just", "over"], TimeMod::MoreThan),
    (&["more", "than"], TimeMod::MoreThan),
    (&["over"], TimeMod::MoreThan),
    (&["just", "under"], TimeMod::LessThan),
    (&["less", "than"], TimeMod::LessThan),
    (&["under"], TimeMod::LessThan),
    (&["at", "least"], TimeMod::EqualOrMore),
    (&["no", "less", "than"], TimeMod::EqualOrMore),
    (&["up", "to"], TimeMod::EqualOrLess),
    (&["no", "more", "than"], TimeMod::EqualOrLess),
    (&["at", "most"], TimeMod::EqualOrLess),
];

/// Words that place a date within its period ("early March", "the end of the year").
const POSITIONS: &[(&[&str], TimeMod)] = &[
    (&["the", "end", "of"], TimeMod::End),
    (&["the", "beginning", "of"], TimeMod::Start),
    (&["the", "start", "of"], TimeMod::Start),
    (&["the", "middle", "of"], TimeMod::Mid),
    (&["the", "turn", "of"], TimeMod::Start),
    (&["end", "of"], TimeMod::End),
    (&["beginning", "of"], TimeMod::Start),
    (&["start", "of"], TimeMod::Start),
    (&["middle", "of"], TimeMod::Mid),
    (&["early"], TimeMod::Start),
    (&["earlier"], TimeMod::Start),
    (&["late"], TimeMod::End),
    (&["later"], TimeMod::End),
    (&["mid"], TimeMod::Mid),
];

impl G<'_> {
    /// A capitalised phrase inside a sentence names something ("This Week", "60 Minutes",
    /// "Next Year in Jerusalem"); month and day names are capitalised anyway.
    fn is_title(&self, f: &Found) -> bool {
        let words: Vec<usize> = (f.start..f.end).filter(|&k| self.t.kind(k) == Some(Kind::Word)).collect();
        let before = f.start.checked_sub(1).map_or(".", |p| self.w(p));
        let sentence_start =
            matches!(before, "." | "!" | "?" | ":" | "\"" | "\u{201c}" | "'" | "`") || !self.near(f.start);
        f.end - f.start >= 2
            && !sentence_start
            && !words.is_empty()
            && words.iter().all(|&k| self.t.capitalised(k))
            && words.iter().all(|&k| {
                let w = self.w(k);
                lexicon::month(w).is_none()
                    && lexicon::month_abbreviation(w).is_none()
                    && lexicon::weekday(w).is_none()
                    && lexicon::holiday(w, "").is_none()
                    && !matches!(w, "day" | "eve" | "new" | "year")
            })
    }

    fn anchoring(&self, f: &Found) -> Anchoring {
        let before = f.start.checked_sub(1).map_or("", |p| self.w(p));
        match &f.sem {
            Sem::Shift { base: Base::Compare | Base::Ago, .. } => Anchoring::Keeps,
            Sem::ContextQuarter { year, .. } if *year != Year::Implied => Anchoring::Keeps,
            Sem::Duration { unit: Unit::Month, amount: Amount::N(n) } if *n < 12.0 && self.is(f.start, "the") => {
                Anchoring::YearToDate
            }
            _ if matches!(before, "ended" | "ending" | "ends") => Anchoring::Keeps,
            _ => Anchoring::Moves,
        }
    }

    fn w(&self, i: usize) -> &str {
        self.t.low(i)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.t.low(i) == word
    }

    fn any(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.t.low(i))
    }

    /// Token `i` is on the same line as the one before it.
    fn near(&self, i: usize) -> bool {
        self.t.gap(i) != Gap::Line
    }

    fn joined(&self, i: usize) -> bool {
        self.t.gap(i) == Gap::Joined
    }

    /// Words `words` start at `i` (same line); returns the token after them.
    fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        for (k, word) in words.iter().enumerate() {
            if self.w(i + k) != *word || (k > 0 && !self.near(i + k)) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// Skips a period glued to an abbreviation ("Sept.", "p.m.").
    fn dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.joined(i) {
            i + 1
        } else {
            i
        }
    }

    /// A hyphen (or dash) glued between two tokens: returns the token after it.
    fn hyphen(&self, i: usize) -> Option<usize> {
        (self.any(i, &["-", "\u{2010}", "\u{2011}", "\u{2013}"]) && self.joined(i) && self.joined(i + 1))
            .then_some(i + 1)
    }

    /// A hyphen or a space between compound parts ("twenty-four", "twenty four").
    fn compound(&self, i: usize) -> Option<usize> {
        self.hyphen(i).or_else(|| (self.t.gap(i) == Gap::Space && self.t.kind(i) == Some(Kind::Word)).then_some(i))
    }

    /// Whether the tokens from `i` make the number before them a quantity ("1990 workers",
    /// "12 percent", "12 to 15 percent"), not a year or a day of the month.
    fn quantity_follows(&self, i: usize) -> bool {
        self.measure_follows(i) || self.noun_follows(i)
    }

    /// A unit of measure follows: "12 percent", "12 to 15 percent", "3 x 4".
    fn measure_follows(&self, i: usize) -> bool {
        if !self.near(i) {
            return false;
        }
        let w = self.w(i);
        if matches!(w, "%" | "percent" | "per" | "x") {
            return true;
        }
        matches!(w, "-" | "to" | "/" | ":") && self.t.kind(i + 1) == Some(Kind::Number) && self.quantity_follows(i + 2)
    }

    /// A plural noun follows: "1990 workers" (but "the Aug. 7 bombings" is a date).
    fn noun_follows(&self, i: usize) -> bool {
        if !self.near(i) {
            return false;
        }
        let w = self.w(i);
        self.t.kind(i) == Some(Kind::Word)
            && !self.t.capitalised(i)
            && w.len() > 3
            && w.ends_with('s')
            && lexicon::unit(w).is_none()
            && !matches!(
                w,
                "was" | "has" | "is" | "as" | "always" | "sales" | "results" | "earnings" | "levels" | "this"
            )
    }

    // ---- the entry point -------------------------------------------------------------------

    /// The longest expression starting at `i`.
    fn expression(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        consider(self.qualified(i));
        consider(self.positioned(i));
        consider(self.core(i));
        best
    }

    /// "about two years", "more than four hours", "nearly four years ago", "around 7:15 p.m.".
    fn qualified(&self, i: usize) -> Option<Found> {
        let (next, modifier) = QUALIFIERS.iter().find_map(|(words, m)| self.seq(i, words).map(|n| (n, *m)))?;
        if !self.near(next) {
            return None;
        }
        let mut f = self.core(next)?;
        // Qualifiers bound amounts and clock times: "about two years (ago)", "around 7:15 p.m.";
        // "over the weekend" and "talk about Friday" are prepositions.
        let counted = self.amount(next).is_some_and(|(n, _)| n > next) && !self.is(next, "the");
        let allowed = match f.sem {
            Sem::Duration { .. } => counted || !matches!(self.w(i), "some" | "over" | "under"),
            Sem::Shift { .. } => counted,
            Sem::Clock { .. } => !matches!(self.w(i), "some" | "over" | "under"),
            _ => false,
        };
        if !allowed {
            return None;
        }
        f.start = i;
        f.modifier = f.modifier.or(Some(modifier));
        Some(f)
    }

    /// "early next year", "late Friday", "mid-1996", "the end of the month", "earlier this year".
    fn positioned(&self, i: usize) -> Option<Found> {
        let (mut next, modifier) = POSITIONS.iter().find_map(|(words, m)| self.seq(i, words).map(|n| (n, *m)))?;
        if self.w(i) == "mid" {
            next = self.hyphen(next).unwrap_or(next);
        }
        if !self.near(next) {
            return None;
        }
        let mut f = self.core(next).or_else(|| self.period_of(next))?;
        let ok = match &f.sem {
            Sem::Cal(_)
            | Sem::Quarter { .. }
            | Sem::Season { .. }
            | Sem::Decade(_)
            | Sem::Century(_)
            | Sem::ContextQuarter { .. }
            | Sem::Weekend => true,
            // "early next year", "late yesterday"; never an amount ("two years later" is the amount's)
            Sem::Shift { .. } => self.number(next).is_none(),
            _ => false,
        };
        if !ok {
            return None;
        }
        f.start = i;
        f.modifier = Some(modifier);
        Some(f)
    }

    /// What a position word may place besides a full expression: "the end of the year",
    /// "mid-afternoon (yesterday)".
    fn period_of(&self, i: usize) -> Option<Found> {
        let found = |end, sem, kind, part| {
            Some(Found { start: i, end, sem, kind, modifier: None, part, anchoring: Anchoring::Moves })
        };
        if let Some(next) = self.seq(i, &["the"]) {
            let (unit, plural) = lexicon::unit(self.w(next)).filter(|_| self.near(next))?;
            if plural || unit > Unit::Week {
                return None;
            }
            return found(next + 1, Sem::Shift { unit, n: Amount::N(0.0), base: Base::Anchor }, TimeKind::Date, None);
        }
        let part = lexicon::part_of_day(self.w(i)).filter(|_| !self.w(i).ends_with('s'))?;
        let day = self
            .relative(i + 1)
            .filter(|(_, s)| matches!(s, Sem::Shift { unit: Unit::Day, base: Base::Dct, .. }) && self.near(i + 1));
        match day {
            Some((end, sem)) => found(end, sem, TimeKind::Time, Some(part)),
            None => found(
                i + 1,
                Sem::Shift { unit: Unit::Day, n: Amount::N(0.0), base: Base::Anchor },
                TimeKind::Time,
                Some(part),
            ),
        }
    }

    /// An expression without qualifiers.
    fn core(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |end_sem: M, kind: TimeKind| {
            if let Some((end, sem)) = end_sem {
                if best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(Found {
                        start: i,
                        end,
                        sem,
                        kind,
                        modifier: None,
                        part: None,
                        anchoring: Anchoring::Moves,
                    });
                }
            }
        };
        consider(self.date(i), TimeKind::Date);
        consider(self.relative(i), TimeKind::Date);
        consider(self.quarter(i), TimeKind::Date);
        consider(self.season(i), TimeKind::Date);
        consider(self.decade(i), TimeKind::Date);
        consider(self.reference(i), TimeKind::Date);
        consider(self.duration(i), TimeKind::Duration);
        consider(self.set(i), TimeKind::Set);
        consider(self.clock(i), TimeKind::Time);
        if let Some(f) = self.deictic_part(i) {
            if best.as_ref().is_none_or(|b| f.end >= b.end) {
                best = Some(f);
            }
        }
        let mut best = best?;
        if matches!(best.sem, Sem::Ref(_)) {
            best.kind = TimeKind::Date;
        }
        // A part of the day after a day: "Friday night", "yesterday morning" (a TIME).
        if let Some(end) = self.part_after(&best) {
            best.part = lexicon::part_of_day(self.w(end - 1));
            best.end = end;
            if matches!(best.sem, Sem::Shift { base: Base::Dct, .. }) {
                best.kind = TimeKind::Time;
            }
        }
        Some(best)
    }

    /// The end of "... morning" after a day-level expression.
    fn part_after(&self, f: &Found) -> Option<usize> {
        let day_level = match &f.sem {
            Sem::Cal(c) => c.day.is_some() || c.weekday.is_some() || c.holiday.is_some(),
            Sem::Shift { unit: Unit::Day, n: Amount::N(_), .. } => true,
            _ => false,
        };
        if !day_level || f.part.is_some() || !self.near(f.end) {
            return None;
        }
        let w = self.w(f.end);
        lexicon::part_of_day(w)?;
        // "Tuesday nights" is a set, recognised as one.
        (!w.ends_with('s') && w != "overnight").then_some(f.end + 1)
    }

    /// "this morning", "tonight", "last night": a part of today or yesterday, a TIME.
    fn deictic_part(&self, i: usize) -> Option<Found> {
        let (n, part, end) = if self.is(i, "tonight") {
            (0.0, Part::Night, i + 1)
        } else if let Some(p) =
            (self.is(i, "this") && self.near(i + 1)).then(|| lexicon::part_of_day(self.w(i + 1))).flatten()
        {
            (0.0, p, i + 2)
        } else if self.is(i, "last") && self.is(i + 1, "night") && self.near(i + 1) {
            (-1.0, Part::Night, i + 2)
        } else {
            return None;
        };
        Some(Found {
            start: i,
            end,
            sem: Sem::Shift { unit: Unit::Day, n: Amount::N(n), base: Base::Dct },
            kind: TimeKind::Time,
            modifier: None,
            part: Some(part),
            anchoring: Anchoring::Moves,
        })
    }

    // ---- numbers ---------------------------------------------------------------------------

    /// A cardinal number in digits or words: "12", "2.5", "2 1/2", "twenty-four", "a hundred".
    fn number(&self, i: usize) -> Option<(usize, f64)> {
        if let Some(n) = self.t.int(i) {
            // "2 1/2"
            if let (Some(a), Some(b)) = (self.t.int(i + 1), self.t.int(i + 3)) {
                if self.is(i + 2, "/") && self.joined(i + 2) && self.joined(i + 3) && b > a && b <= 4 {
                    return Some((i + 4, f64::from(n) + f64::from(a) / f64::from(b)));
                }
            }
            return Some((i + 1, f64::from(n)));
        }
        if let Some(f) = self.t.decimal(i) {
            return Some((i + 1, f));
        }
        let (mut next, mut n) = if let Some(t) = lexicon::tens(self.w(i)) {
            match self
                .compound(i + 1)
                .and_then(|j| lexicon::number_word(self.w(j)).filter(|o| (1..10).contains(o)).map(|o| (j, o)))
            {
                Some((j, o)) => (j + 1, t + o),
                None => (i + 1, t),
            }
        } else if let Some(n) = lexicon::number_word(self.w(i)) {
            (i + 1, n)
        } else if self.is(i, "a") && self.any(i + 1, &["hundred", "thousand"]) {
            (i + 1, 1)
        } else {
            return None;
        };
        if self.is(next, "hundred") && self.near(next) {
            n *= 100;
            next += 1;
        }
        if self.is(next, "thousand") && self.near(next) {
            n *= 1000;
            next += 1;
        }
        Some((next, f64::from(n)))
    }

    /// A count before a unit: a number, "a"/"an", "a couple of", or a vague "several".
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        if let Some(next) = self.seq(i, &["a", "couple", "of"]).or_else(|| self.seq(i, &["couple", "of"])) {
            return Some((next, Amount::N(2.0)));
        }
        // "a hundred years", "a thousand days"
        if self.is(i, "a") && self.any(i + 1, &["hundred", "thousand"]) {
            return self.number(i).map(|(next, n)| (next, Amount::N(n)));
        }
        if let Some(next) = self.seq(i, &["a", "few"]).or_else(|| self.seq(i, &["a", "number", "of"])) {
            return Some((next, Amount::X));
        }
        if self.any(i, &["several", "few", "many", "some", "numerous", "couple"]) {
            return Some((i + 1, Amount::X));
        }
        if let Some(next) = self.seq(i, &["half", "a"]).or_else(|| self.seq(i, &["half", "an"])) {
            return Some((next, Amount::N(0.5)));
        }
        if self.any(i, &["a", "an"]) {
            if let Some(next) = self.seq(i + 1, &["half"]) {
                return Some((next, Amount::N(0.5)));
            }
            return Some((i + 1, Amount::N(1.0)));
        }
        let (next, n) = self.number(i)?;
        // "one and a half years"
        if let Some(after) = self.seq(next, &["and", "a", "half"]) {
            return Some((after, Amount::N(n + 0.5)));
        }
        // "12 to 18 months", "two or three days": a range is vague.
        if self.any(next, &["to", "or", "-"]) && self.number(next + 1).is_some() {
            let (after, _) = self.number(next + 1)?;
            return Some((after, Amount::X));
        }
        Some((next, Amount::N(n)))
    }

    // ---- calendar dates --------------------------------------------------------------------

    /// A month name: full ("August"), or abbreviated with a period or a day after it ("Aug.").
    fn month(&self, i: usize) -> Option<(usize, i8)> {
        let w = self.w(i);
        if let Some(m) = lexicon::month(w) {
            return Some((i + 1, m));
        }
        let m = lexicon::month_abbreviation(w)?;
        let next = self.dot(i + 1);
        (next > i + 1 || self.near(next) && self.day_number(next).is_some()).then_some((next, m))
    }

    /// A day of the month: "7", "7th", "seventh".
    fn day_number(&self, i: usize) -> Option<(usize, i8)> {
        let n =
            if self.t.digits(i) > 0 && self.t.digits(i) <= 2 { self.t.int(i)? } else { lexicon::ordinal(self.w(i))? };
        (1..=31).contains(&n).then_some((i + 1, n as i8))
    }

    /// A year: "1998", "'98", "nineteen ninety-six", "two thousand".
    fn year(&self, i: usize) -> Option<(usize, i32)> {
        if self.t.digits(i) == 4 {
            let y = self.t.int(i)? as i32;
            return YEARS.contains(&y).then_some((i + 1, y));
        }
        if self.is(i, "'")
            && self.t.kind(i + 1) == Some(Kind::Number)
            && self.t.digits(i + 1) == 2
            && self.joined(i + 1)
        {
            let y = self.t.int(i + 1)? as i32;
            return Some((i + 2, if y < TWO_DIGIT_YEAR_PIVOT { 2000 + y } else { 1900 + y }));
        }
        // "nineteen ninety-six", "nineteen eighty"
        if matches!(self.w(i), "nineteen" | "eighteen") && self.near(i + 1) {
            let century = if self.is(i, "nineteen") { 1900 } else { 1800 };
            let t = lexicon::tens(self.w(i + 1))?;
            let (next, o) = match self
                .compound(i + 2)
                .and_then(|j| lexicon::number_word(self.w(j)).filter(|o| (1..10).contains(o)).map(|o| (j, o)))
            {
                Some((j, o)) => (j + 1, o),
                None => (i + 2, 0),
            };
            return Some((next, century + (t + o) as i32));
        }
        if let Some(next) = self.seq(i, &["two", "thousand"]) {
            let next2 = self.seq(next, &["and"]).unwrap_or(next);
            return match lexicon::number_word(self.w(next2)).filter(|n| (1..20).contains(n)) {
                Some(n) if self.near(next2) => Some((next2 + 1, 2000 + n as i32)),
                _ => Some((next, 2000)),
            };
        }
        None
    }

    /// A year written alone, where a 4-digit number is more likely a year than a quantity.
    fn lone_year(&self, i: usize) -> Option<(usize, i32)> {
        let (next, y) = self.year(i)?;
        if self.t.digits(i) != 4 {
            return Some((next, y));
        }
        let before = i.checked_sub(1).map_or("", |p| self.w(p));
        if matches!(
            before,
            "$" | "#" | "no" | "number" | "nos" | "model" | "flight" | "route" | "room" | "page" | "£" | "€"
        ) || self.quantity_follows(next)
            || self.is(next, ",") && self.t.digits(next + 1) == 3
        {
            return None;
        }
        // A bare 4-digit number outside the usual span of news years needs a temporal word before it.
        let temporal_before = matches!(
            before,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "of"
                | "to"
                | "before"
                | "after"
                | "during"
                | "through"
                | "between"
                | "and"
                | "fiscal"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "circa"
                | "c"
        );
        (LONE_YEARS.contains(&y) || temporal_before).then_some((next, y))
    }

    /// Absolute and partial calendar dates.
    fn date(&self, i: usize) -> M {
        // A weekday may open a full date: "Saturday, April 25", "Friday, Aug. 7, 1998".
        let (start, weekday) = match self.weekday(i) {
            Some((next, d)) => {
                let after = if self.is(next, ",") { next + 1 } else { next };
                (after, Some(d))
            }
            None => (i, None),
        };
        let with_weekday = |end: usize, mut c: Cal| {
            c.weekday = weekday;
            (end, Sem::Cal(c))
        };
        if let Some((end, c)) = self.month_day(start) {
            return Some(with_weekday(end, c));
        }
        if weekday.is_some() {
            return None;
        }
        if let Some(m) = self.iso_date(i) {
            return Some(m);
        }
        // "June last year", "January this year", "this September", "last April", "next June".
        if let Some((next, year)) = self.direction(i) {
            // "last Oct. 23"
            if let Some((end, c)) = self.month_day(next).filter(|_| self.near(next)) {
                let year = if c.year == Year::Implied { year } else { c.year };
                return Some((end, Sem::Cal(Cal { year, ..c })));
            }
            if let Some((end, m)) = self.month(next).filter(|_| self.near(next)) {
                return Some((end, Sem::Cal(Cal { month: Some(m), ..cal(year) })));
            }
        }
        if let Some((next, m)) = self.month(i) {
            if !self.month_is_word(i, next) {
                if let Some((end, y)) = self.month_year(next) {
                    return Some((end, Sem::Cal(Cal { month: Some(m), ..cal(Year::Given(y)) })));
                }
                if let Some((end, year)) = self.year_suffix(next).filter(|_| self.near(next)) {
                    return Some((end, Sem::Cal(Cal { month: Some(m), ..cal(year) })));
                }
                return Some((next, Sem::Cal(Cal { month: Some(m), ..cal(Year::Implied) })));
            }
        }
        if let Some((end, h)) = self.holiday(i) {
            return Some((end, Sem::Cal(Cal { holiday: Some(h), ..cal(Year::Implied) })));
        }
        // "the year 2000", "the year two thousand"
        if let Some(next) = self.seq(i, &["the", "year"]) {
            if let Some((end, y)) = self.year(next).filter(|_| self.near(next)) {
                return Some((end, Sem::Cal(cal(Year::Given(y)))));
            }
        }
        // "fiscal 1989", "fiscal year 1990", "fiscal '90"
        if let Some(next) = self.seq(i, &["fiscal"]) {
            let next = self.seq(next, &["year"]).unwrap_or(next);
            if let Some((end, y)) = self.year(next).filter(|_| self.near(next)) {
                return Some((end, Sem::Cal(cal(Year::Given(y)))));
            }
        }
        let (end, y) = self.lone_year(i)?;
        Some((end, Sem::Cal(cal(Year::Given(y)))))
    }

    /// "this"/"last"/"next" before a month, weekday or season.
    fn direction(&self, i: usize) -> Option<(usize, Year)> {
        if let Some(next) = self.seq(i, &["this", "past"]) {
            return Some((next, Year::Last));
        }
        if let Some(next) = self.seq(i, &["this", "coming"]) {
            return Some((next, Year::Next));
        }
        match self.w(i) {
            "last" | "past" | "previous" => Some((i + 1, Year::Last)),
            "next" | "coming" => Some((i + 1, Year::Next)),
            "this" => Some((i + 1, Year::This)),
            _ => None,
        }
    }

    /// "last year", "this year", "next year" after a month ("June last year").
    fn year_suffix(&self, i: usize) -> Option<(usize, Year)> {
        let n = match self.w(i) {
            "last" | "past" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        (self.is(i + 1, "year") && self.near(i + 1)).then_some((i + 2, Year::Rel(n)))
    }

    /// After a month: ", 1998", " 1998", " of 1998".
    fn month_year(&self, i: usize) -> Option<(usize, i32)> {
        let j = if self.any(i, &[",", "of"]) { i + 1 } else { i };
        if !self.near(j) {
            return None;
        }
        let (end, y) = self.year(j)?;
        // "March 3, 1998" is a day, but "May 1998" must not swallow a quantity ("May 1,200 ...").
        (self.t.digits(j) != 4 || !self.quantity_follows(end)).then_some((end, y))
    }

    /// "Aug. 7", "August 7th, 1998", "7 August 1998", "the 7th of August", "March eighth".
    fn month_day(&self, i: usize) -> Option<(usize, Cal)> {
        if let Some((next, m)) = self.month(i) {
            if let Some((after, d)) = self.day_number(next).filter(|_| self.near(next)) {
                // "May 12 percent" is not a date; "March 12, 1998" is.
                let clock = self.is(after, ":") && self.joined(after) && self.t.digits(after + 1) == 2;
                if !self.measure_follows(after) && !clock {
                    let (end, year) =
                        self.month_year(after).map_or((after, Year::Implied), |(e, y)| (e, Year::Given(y)));
                    return Some((end, Cal { month: Some(m), day: Some(d), ..cal(year) }));
                }
            }
        }
        let start = if self.is(i, "the") { i + 1 } else { i };
        let (next, d) = self.day_number(start).filter(|_| start == i || self.near(start))?;
        // "7 August" needs the day as digits or an ordinal; "the 7th of August".
        let next = self.seq(next, &["of"]).unwrap_or(next);
        let (after, m) = self.month(next).filter(|_| self.near(next))?;
        if lexicon::month(self.w(next)).is_none() && after == next + 1 {
            return None;
        }
        let (end, year) = self.month_year(after).map_or((after, Year::Implied), |(e, y)| (e, Year::Given(y)));
        Some((end, Cal { month: Some(m), day: Some(d), ..cal(year) }))
    }

    /// Month names that are more often words: "May" and "March" need a date context.
    fn month_is_word(&self, i: usize, next: usize) -> bool {
        let w = self.w(i);
        if !self.t.capitalised(i) {
            return true;
        }
        if !matches!(w, "may" | "march") {
            return false;
        }
        let before = i.checked_sub(1).map_or("", |p| self.w(p));
        let sentence_start = i == 0 || matches!(before, "." | "!" | "?" | "\"" | "\u{201c}") || !self.near(i);
        let context_before = matches!(
            before,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "of"
                | "during"
                | "before"
                | "after"
                | "from"
                | "through"
                | "-"
                | "and"
                | "or"
                | "to"
                | "between"
                | "on"
        );
        let context_after = self.year(next).is_some() || self.any(next, &[",", ".", ";"]) && !sentence_start;
        if w == "may" {
            // "May be", "May I": the modal
            return !(context_before || context_after)
                || self.any(next, &["be", "have", "not", "also", "well", "i", "we"]);
        }
        if context_before || context_after {
            return false;
        }
        // "the March for Life", "March on Washington"
        sentence_start || self.any(next, &["of", "for", "on", "against", "to"])
    }

    /// ISO and numeric dates: "1998-08-07", "8/7/98", "08/07/1998".
    fn iso_date(&self, i: usize) -> M {
        if self.t.digits(i) == 4 && self.is(i + 1, "-") && self.joined(i + 1) {
            let y = self.t.int(i)? as i32;
            let m = self.t.int(i + 2).filter(|m| (1..=12).contains(m) && self.t.digits(i + 2) == 2)?;
            if self.is(i + 3, "-") && self.joined(i + 3) && self.joined(i + 4) && self.t.digits(i + 4) == 2 {
                let d = self.t.int(i + 4).filter(|d| (1..=31).contains(d))?;
                return Some((
                    i + 5,
                    Sem::Cal(Cal { month: Some(m as i8), day: Some(d as i8), ..cal(Year::Given(y)) }),
                ));
            }
            return None;
        }
        // US order, as American newswire writes it.
        let (m, d) = (self.t.int(i)?, self.t.int(i + 2)?);
        if !(self.is(i + 1, "/")
            && self.joined(i + 1)
            && self.joined(i + 2)
            && self.is(i + 3, "/")
            && self.joined(i + 3))
        {
            return None;
        }
        let y = self.t.int(i + 4).filter(|_| self.joined(i + 4))?;
        let y = match self.t.digits(i + 4) {
            2 if y < TWO_DIGIT_YEAR_PIVOT as u32 => 2000 + y,
            2 => 1900 + y,
            4 => y,
            _ => return None,
        };
        ((1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| (i + 5, Sem::Cal(Cal { month: Some(m as i8), day: Some(d as i8), ..cal(Year::Given(y as i32)) })))
    }

    /// A weekday name, or an abbreviation with its period.
    fn weekday(&self, i: usize) -> Option<(usize, i8)> {
        if let Some((d, false)) = lexicon::weekday(self.w(i)) {
            return Some((i + 1, d));
        }
        let d = lexicon::weekday_abbreviation(self.w(i))?;
        (self.t.capitalised(i) && self.is(i + 1, ".") && self.joined(i + 1)).then_some((i + 2, d))
    }

    fn holiday(&self, i: usize) -> Option<(usize, Holiday)> {
        if let Some(next) = self.seq(i, &["new", "year"]) {
            // "New Year's Day", "New Year's Eve", "New Year"
            let after = self.seq(next, &["'", "s"]).or_else(|| self.seq(next, &["\u{2019}", "s"])).unwrap_or(next);
            if self.is(after, "eve") {
                return Some((after + 1, Holiday::Fixed(12, 31)));
            }
            let end = self.seq(after, &["day"]).unwrap_or(after);
            return self.t.capitalised(i).then_some((end, Holiday::Fixed(1, 1)));
        }
        if !self.t.capitalised(i) {
            return None;
        }
        let (h, two) = lexicon::holiday(self.w(i), self.w(i + 1))?;
        let mut end = if two { i + 2 } else { i + 1 };
        if self.w(i) == "valentine" {
            end = self.seq(end, &["'", "s", "day"]).or_else(|| self.seq(end, &["\u{2019}", "s", "day"]))?;
        } else if !two && self.is(end, "day") && self.near(end) {
            end += 1;
        }
        Some((end, h))
    }

    // ---- relative dates --------------------------------------------------------------------

    fn relative(&self, i: usize) -> M {
        let w = self.w(i);
        let day = |n: f64, base: Base, end: usize| Some((end, Sem::Shift { unit: Unit::Day, n: Amount::N(n), base }));
        match w {
            // "today's world" is the present in general, rarely the day
            "today" if !(self.any(i + 1, &["'", "\u{2019}"]) && self.is(i + 2, "s")) => {
                return day(0.0, Base::Dct, i + 1)
            }
            "tomorrow" => return day(1.0, Base::Dct, i + 1),
            "yesterday" => return day(-1.0, Base::Dct, i + 1),
            _ => {}
        }
        if let Some(end) = self.seq(i, &["the", "day", "before", "yesterday"]) {
            return day(-2.0, Base::Dct, end);
        }
        if let Some(end) = self.seq(i, &["the", "day", "after", "tomorrow"]) {
            return day(2.0, Base::Dct, end);
        }
        if let Some(m) = self.weekday_relative(i) {
            return Some(m);
        }
        if let Some(m) = self.counted(i) {
            return Some(m);
        }
        if let Some(m) = self.year_ago(i) {
            return Some(m);
        }
        self.deictic_unit(i)
    }

    /// "Friday", "last Friday", "this coming Sunday", "the previous Friday".
    fn weekday_relative(&self, i: usize) -> M {
        let (next, year) =
            if let Some(next) = self.seq(i, &["the", "previous"]).or_else(|| self.seq(i, &["the", "preceding"])) {
                (next, Year::Last)
            } else if let Some(next) = self.seq(i, &["the", "following"]).or_else(|| self.seq(i, &["the", "next"])) {
                (next, Year::Next)
            } else {
                self.direction(i).unwrap_or((i, Year::Implied))
            };
        if next > i && !self.near(next) {
            return None;
        }
        let (end, d) = self.weekday(next)?;
        Some((end, Sem::Cal(Cal { weekday: Some(d), ..cal(year) })))
    }

    /// "two years ago", "a year earlier", "three days later", "six months before".
    fn counted(&self, i: usize) -> M {
        let (next, amount) = match self.amount(i) {
            Some(a) => a,
            // "years ago", "months later"
            None if lexicon::unit(self.w(i)).is_some_and(|(_, plural)| plural) => (i, Amount::X),
            None => return None,
        };
        let (unit, _) = lexicon::unit(self.w(next)).filter(|_| self.near(next))?;
        let mut after = next + 1;
        // "a week or so ago"
        if let Some(n) = self.seq(after, &["or", "so"]) {
            after = n;
        }
        let (sign, base) = match self.w(after) {
            "ago" if unit == Unit::Year && amount == Amount::N(1.0) => (-1.0, Base::Ago),
            "ago" => (-1.0, Base::Dct),
            // "a year earlier" compares with the period in the text; "three days later" is, as
            // TimeML has it, an amount of time ("three days") and the word relating it.
            "earlier" | "before" | "previously" if unit == Unit::Year && amount == Amount::N(1.0) => {
                (-1.0, Base::Compare)
            }
            "hence" => (1.0, Base::Dct),
            "from" if self.is(after + 1, "now") => (1.0, Base::Dct),
            _ => return None,
        };
        if !self.near(after) {
            return None;
        }
        // "before"/"after" are prepositions when a noun phrase follows ("two days before the vote").
        if matches!(self.w(after), "before" | "after")
            && self.t.kind(after + 1).is_some_and(|k| k != Kind::Punct)
            && self.near(after + 1)
            && !matches!(self.w(after + 1), "and" | "but" | "when" | "that")
        {
            return None;
        }
        let end = if self.is(after, "from") { after + 2 } else { after + 1 };
        Some(match amount {
            // "a decade ago" is a year, ten years back (the decade itself would be "the last decade")
            Amount::N(n) if unit == Unit::Decade => {
                (end, Sem::Shift { unit: Unit::Year, n: Amount::N(n * sign * 10.0), base })
            }
            Amount::N(n) => (end, Sem::Shift { unit, n: Amount::N(n * sign), base }),
            // "several years ago", "months later": only the side is known.
            Amount::X => (end, Sem::Ref(if sign < 0.0 { "PAST_REF" } else { "FUTURE_REF" })),
        })
    }

    /// "year-earlier", "year-ago", "the year-ago quarter", "the year-earlier period".
    fn year_ago(&self, i: usize) -> M {
        let the = self.is(i, "the");
        let start = if the { i + 1 } else { i };
        if !self.is(start, "year") || the && !self.near(start) {
            return None;
        }
        let next = self.hyphen(start + 1)?;
        if !self.any(next, &["earlier", "ago"]) {
            return None;
        }
        let end = next + 1;
        if self.any(end, &["quarter", "period"]) && self.near(end) {
            return Some((end + 1, Sem::ContextQuarter { year: Year::Rel(-1), latest: false }));
        }
        (!the).then_some((end, Sem::Shift { unit: Unit::Year, n: Amount::N(-1.0), base: Base::Compare }))
    }

    /// "last week", "this year", "next month", "the following day", "that year", "the day
    /// before", "the past year", "the weekend".
    fn deictic_unit(&self, i: usize) -> M {
        let (next, n, base) = if let Some(next) = self.seq(i, &["this", "past"]) {
            (next, -1, Base::Dct)
        } else if let Some(next) = self.seq(i, &["this", "coming"]) {
            (next, 1, Base::Dct)
        } else if let Some(next) = self.seq(i, &["the", "past"]).or_else(|| self.seq(i, &["the", "last"])) {
            (next, -1, Base::Dct)
        } else if let Some(next) = self.seq(i, &["the", "coming"]) {
            (next, 1, Base::Dct)
        } else if let Some(next) = self.seq(i, &["the", "current"]).or_else(|| self.seq(i, &["the", "present"])) {
            (next, 0, Base::Dct)
        } else if let Some(next) = self.seq(i, &["the", "following"]).or_else(|| self.seq(i, &["the", "next"])) {
            (next, 1, Base::Anchor)
        } else if let Some(next) = self
            .seq(i, &["the", "previous"])
            .or_else(|| self.seq(i, &["the", "preceding"]))
            .or_else(|| self.seq(i, &["the", "prior"]))
        {
            (next, -1, Base::Anchor)
        } else if let Some(next) = self.seq(i, &["the", "same"]) {
            (next, 0, Base::Anchor)
        } else if let Some(next) = self.seq(i, &["that"]) {
            (next, 0, Base::Anchor)
        } else if let Some(next) = self.seq(i, &["the"]) {
            // "the day before", "the year after"; "the weekend"
            if self.is(next, "weekend") && self.near(next) {
                return Some((next + 1, Sem::Weekend));
            }
            if let Some(m) = self.the_period(i, next) {
                return Some(m);
            }
            let (unit, plural) = lexicon::unit(self.w(next)).filter(|_| self.near(next) && self.near(next + 1))?;
            let n = match self.w(next + 1) {
                "before" | "earlier" | "preceding" => -1.0,
                "after" | "later" | "following" => 1.0,
                "ahead" | "since" | "leading" | "that" if plural => 1.0,
                _ => return None,
            };
            // "in the weeks before the shooting", "the years that followed": some span of time
            if plural {
                return Some((next + 1, Sem::Duration { amount: Amount::X, unit }));
            }
            if unit > Unit::Day {
                return None;
            }
            let shift = Sem::Shift { unit, n: Amount::N(n), base: Base::Anchor };
            // "the day after his death": a preposition; the day is the event's neighbour, and the
            // last date mentioned is the best guess at the event's.
            let after = next + 2;
            if self.t.kind(after).is_some_and(|k| k != Kind::Punct)
                && self.near(after)
                && !matches!(self.w(after), "and" | "but")
            {
                return Some((next + 1, shift));
            }
            return Some((after, shift));
        } else {
            match self.w(i) {
                "last" | "past" | "previous" => (i + 1, -1, Base::Dct),
                "next" | "coming" => (i + 1, 1, Base::Dct),
                "this" | "current" => (i + 1, 0, Base::Dct),
                _ => return None,
            }
        };
        if !self.near(next) {
            return None;
        }
        // "the fiscal year", "this fiscal year", "last fiscal year"
        let next_unit = if self.is(next, "fiscal") && self.is(next + 1, "year") { next + 1 } else { next };
        let (unit, plural) = lexicon::unit(self.w(next_unit))?;
        if plural || unit > Unit::Day && unit != Unit::Weekend {
            return None;
        }
        // "the past year": a year back from the reference, which TimeBank reads as last year.
        Some((next_unit + 1, Sem::Shift { unit, n: Amount::N(f64::from(n)), base }))
    }

    /// "for the year", "the fiscal year ended June 30", "the week's most active session": the
    /// period the text is about, or an amount of one when its end date follows.
    fn the_period(&self, i: usize, next: usize) -> M {
        let mut k = next;
        while self.any(k, &["full", "fiscal", "calendar", "whole", "entire", "latest"]) && self.near(k) {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(k)).filter(|_| self.near(k))?;
        // "the day" is too often any day ("the day's events", "won the day").
        if plural || !matches!(unit, Unit::Year | Unit::Month | Unit::Week) {
            return None;
        }
        let end = k + 1;
        if self.hyphen(end).is_some() {
            return None;
        }
        // "the year ended Sept. 30": a year's worth, ending then.
        if self.any(end, &["ended", "ending", "ends", "through", "to"]) && self.near(end) && unit == Unit::Year {
            return Some((end, Sem::Duration { amount: Amount::N(1.0), unit }));
        }
        let before = i.checked_sub(1).map_or("", |p| self.w(p));
        let temporal =
            matches!(before, "for" | "in" | "of" | "during" | "through" | "throughout" | "over" | "all" | "since");
        let possessive = self.any(end, &["'", "\u{2019}"]) && self.is(end + 1, "s");
        // "the month of the vote", "the year of the dragon": the period is someone else's.
        if self.is(end, "of") || !(temporal || possessive) {
            return None;
        }
        // "the full year", "the fiscal year" are the reporting year; "the year" the one in the text.
        let base = if k > next { Base::Dct } else { Base::Anchor };
        Some((end, Sem::Shift { unit, n: Amount::N(0.0), base }))
    }

    // ---- quarters, halves, fiscal periods ----------------------------------------------------

    /// "the third quarter", "third-quarter", "the fiscal first quarter", "the 1988 second
    /// quarter", "this year's third quarter", "the first half of 1990", "the latest period",
    /// "the quarter", "the same period last year".
    fn quarter(&self, i: usize) -> M {
        let mut j = i;
        let mut year = Year::Implied;
        let mut determiner = false;
        if self.is(j, "the") {
            j += 1;
            determiner = true;
        } else if let Some((next, y)) = self.possessive_year(j) {
            j = next;
            year = y;
            determiner = true;
        }
        // Every later token must be on the same line.
        let at = |k: usize| k == i || self.near(k);
        if let Some((next, y)) = self.year(j).filter(|_| determiner && self.t.digits(j) == 4 && at(j)) {
            year = Year::Given(y);
            j = next;
        }
        let mut qualified = matches!(year, Year::Given(_));
        let mut latest = false;
        loop {
            if at(j)
                && determiner
                && self.any(
                    j,
                    &[
                        "fiscal",
                        "calendar",
                        "latest",
                        "last",
                        "final",
                        "same",
                        "comparable",
                        "corresponding",
                        "most",
                        "recent",
                    ],
                )
            {
                latest |= self.any(j, &["latest", "recent"]);
                j += 1;
            } else if let Some(k) =
                self.hyphen(j + 1).filter(|k| at(j) && self.is(j, "year") && self.any(*k, &["earlier", "ago"]))
            {
                // "the year-earlier third quarter", "the comparable year-ago quarter"
                year = Year::Rel(-1);
                j = k + 1;
            } else {
                break;
            }
            qualified = true;
        }
        if self.is(j, "fiscal") && at(j) {
            j += 1;
        }
        let ordinal = lexicon::ordinal(self.w(j)).filter(|n| (1..=4).contains(n) && at(j)).map(|n| n as i8);
        let next = match ordinal {
            Some(_) => match self.hyphen(j + 1) {
                Some(k) if self.any(k, &["quarter", "half"]) => k,
                Some(_) => return None,
                None => j + 1,
            },
            None => j,
        };
        let k = if self.is(next, "fiscal") { next + 1 } else { next };
        if k == i || !self.near(k) {
            return None;
        }
        let unit = match (self.w(k), ordinal) {
            ("quarter", _) => Unit::Quarter,
            ("half", Some(1 | 2)) => Unit::Half,
            ("half", None) if self.is(k - 1, "last") => Unit::Half,
            ("period", None) if qualified => Unit::Quarter,
            _ => return None,
        };
        let mut end = k + 1;
        if self.is(end, "of") {
            // "of 1990", "of next year", "of fiscal 1990", "of the year"; "a quarter of the shares" is no period
            let y_at = if self.is(end + 1, "fiscal") { end + 2 } else { end + 1 };
            if let Some((e, y)) = self.year(y_at) {
                end = e;
                year = Year::Given(y);
            } else if let Some((e, y)) = self.year_suffix(end + 1) {
                end = e;
                year = y;
            } else if self.is(end + 1, "the") && self.is(end + 2, "year") {
                end += 3;
            } else if ordinal.is_none() {
                return None;
            }
        } else if let Some((e, y)) = self.year_suffix(end).filter(|_| self.near(end)) {
            end = e;
            year = y;
        } else if let Some(e) =
            self.seq(end, &["a", "year", "ago"]).or_else(|| self.seq(end, &["a", "year", "earlier"]))
        {
            end = e;
            year = Year::Rel(-1);
        }
        match ordinal {
            Some(n) => Some((end, Sem::Quarter { unit, n, year })),
            None if unit == Unit::Half => Some((end, Sem::Quarter { unit, n: 2, year })),
            // "the quarter", "the latest quarter", "last year's quarter": the one the text is about
            None if determiner => Some((end, Sem::ContextQuarter { year, latest })),
            None => None,
        }
    }

    /// "this year's", "last year's", "next year's", "1989's", "fiscal 1990's".
    fn possessive_year(&self, i: usize) -> Option<(usize, Year)> {
        let (next, year) = if let Some((next, y)) = self.year_suffix(i) {
            (next, y)
        } else {
            let i = if self.is(i, "fiscal") { i + 1 } else { i };
            let (next, y) = self.year(i)?;
            (next, Year::Given(y))
        };
        let after = self.seq(next, &["'", "s"]).or_else(|| self.seq(next, &["\u{2019}", "s"]))?;
        Some((after, year))
    }

    // ---- seasons, decades, centuries ---------------------------------------------------------

    fn season(&self, i: usize) -> M {
        let (next, year) = self.direction(i).unwrap_or((i, Year::Implied));
        let the = next == i && self.is(i, "the");
        let at = if the { i + 1 } else { next };
        if at > i && !self.near(at) {
            return None;
        }
        let season = lexicon::season(self.w(at))?;
        let end = at + 1;
        // "summer 1998", "the winter of 1994", "the fall of nineteen ninety-four"
        let of = if self.is(end, "of") { end + 1 } else { end };
        if let Some((e, y)) = self.year(of).filter(|_| self.near(of)) {
            return Some((e, Sem::Season { season, year: Year::Given(y) }));
        }
        if let Some((e, y)) = self.year_suffix(end).filter(|_| self.near(end)) {
            return Some((e, Sem::Season { season, year: y }));
        }
        // A bare season needs a temporal preposition or "the"; "fall" and "spring" are also
        // verbs and nouns, so they need the preposition ("in the fall"), and "the fall of the
        // wall" or "a fall in prices" is no season.
        if year == Year::Implied {
            let before = i.checked_sub(1).map_or("", |p| self.w(p));
            let prep = matches!(
                before,
                "in" | "during"
                    | "since"
                    | "until"
                    | "by"
                    | "through"
                    | "over"
                    | "for"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "and"
            );
            let ambiguous = matches!(self.w(at), "fall" | "spring");
            if self.any(end, &["of", "in", "from", "to", "by"]) || !(prep || the && !ambiguous) {
                return None;
            }
        }
        Some((end, Sem::Season { season, year }))
    }

    fn decade(&self, i: usize) -> M {
        let start = if self.is(i, "the") { i + 1 } else { i };
        if start > i && !self.near(start) {
            return None;
        }
        // "1990s", "'90s", "90s", "the nineties", "the 20th century", "the 1800s"
        let w = self.w(start);
        if let Some(digits) = w.strip_suffix('s').filter(|d| d.bytes().all(|b| b.is_ascii_digit())) {
            let n: i32 = digits.parse().ok()?;
            return match digits.len() {
                4 if n % 100 == 0 && start > i => Some((start + 1, Sem::Century(n / 100))),
                4 if n % 10 == 0 => Some((start + 1, Sem::Decade(n / 10))),
                2 if n % 10 == 0 && (start > i || self.joined(start) && self.is(start.wrapping_sub(1), "'")) => {
                    Some((start + 1, Sem::Decade(190 + n / 10)))
                }
                _ => None,
            };
        }
        if self.is(start, "'") {
            let d = self
                .w(start + 1)
                .strip_suffix('s')
                .filter(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))?;
            let n: i32 = d.parse().ok()?;
            return (n % 10 == 0 && self.joined(start + 1))
                .then(|| (start + 2, Sem::Decade(if n < TWO_DIGIT_YEAR_PIVOT { 200 + n / 10 } else { 190 + n / 10 })));
        }
        if let Some(n) = lexicon::decade(w).filter(|_| start > i) {
            // "the eighties": the 1980s, as TIMEX3 writes it ("198").
            return Some((start + 1, Sem::Decade(190 + n as i32 / 10)));
        }
        let n = lexicon::ordinal(w)?;
        let next = self.hyphen(start + 1).unwrap_or(start + 1);
        (self.is(next, "century") && self.near(next) && (1..=22).contains(&n))
            .then(|| (next + 1, Sem::Century(n as i32 - 1)))
    }

    // ---- vague references ------------------------------------------------------------------

    fn reference(&self, i: usize) -> M {
        const PRESENT: &str = "PRESENT_REF";
        const PAST: &str = "PAST_REF";
        const FUTURE: &str = "FUTURE_REF";
        let phrases: &[(&[&str], &str)] = &[
            (&["right", "now"], PRESENT),
            (&["now"], PRESENT),
            (&["currently"], PRESENT),
            (&["current"], PRESENT),
            (&["at", "present"], PRESENT),
            (&["presently"], PRESENT),
            (&["nowadays"], PRESENT),
            (&["these", "days"], PRESENT),
            (&["recently"], PAST),
            (&["more", "recently"], PAST),
            (&["lately"], PAST),
            (&["the", "past"], PAST),
            (&["the", "future"], FUTURE),
            (&["the", "near", "future"], FUTURE),
            (&["the", "near", "term"], FUTURE),
            (&["the", "short", "term"], FUTURE),
            (&["the", "long", "term"], FUTURE),
            (&["the", "longer", "term"], FUTURE),
            (&["soon"], FUTURE),
        ];
        let (end, value) =
            phrases.iter().filter_map(|(words, v)| self.seq(i, words).map(|e| (e, *v))).max_by_key(|(e, _)| *e)?;
        let before = i.checked_sub(1).map_or("", |p| self.w(p));
        let guard = match self.w(i) {
            // "now-defunct" is an adjective
            "now" => self.hyphen(end).is_some(),
            // "current account", "current affairs": not the present as such
            "current" => self.any(
                end,
                &["account", "accounts", "affairs", "events", "price", "prices", "dollars", "of", "-", "flow"],
            ),
            "soon" => matches!(before, "as" | "too" | "how") || self.any(end, &["as", "after", "afterward"]),
            // "the past three months", "the past year", "the future tense"
            "the" => lexicon::unit(self.w(end)).is_some() || self.amount(end).is_some() || self.is(end, "president"),
            _ => false,
        };
        (!guard).then_some((end, Sem::Ref(value)))
    }

    // ---- durations -------------------------------------------------------------------------

    fn duration(&self, i: usize) -> M {
        // "the past three months", "the first nine months", "the next few days", "the nine months"
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
            // "the year-earlier nine months", "the comparable nine months"
            if let Some(k) = self.hyphen(j + 1).filter(|k| self.is(j, "year") && self.any(*k, &["earlier", "ago"])) {
                j = k + 1;
            } else if self.any(j, &["comparable", "same", "corresponding"]) && self.near(j) {
                j += 1;
            }
        }
        if self.any(
            j,
            &[
                "past",
                "last",
                "next",
                "first",
                "previous",
                "coming",
                "following",
                "final",
                "remaining",
                "initial",
                "recent",
                "latest",
            ],
        ) && (j == i || self.near(j))
        {
            j += 1;
        }
        if j > i && !self.near(j) {
            return None;
        }
        let plain_amount = self.amount(j).filter(|(n, _)| *n == j || self.near(*n));
        let (next, amount) = match plain_amount {
            Some(a) => a,
            // "the past months", "recent years", "the years"
            None if j > i => (j, Amount::X),
            // "for years", "within days", "took months", "days after the attack": a bare plural
            // after a word of duration or before a preposition of time
            None if self.bare_plural_allowed(i) => (i, Amount::X),
            None if lexicon::unit(self.w(i))
                .is_some_and(|(u, plural)| plural && u >= Unit::Year && u != Unit::Weekend)
                && self.any(i + 1, &["before", "after", "later", "earlier"])
                && self.near(i + 1) =>
            {
                (i, Amount::X)
            }
            None => return None,
        };
        let counted = next > j;
        // "20 more years", "an additional year"
        let next = if counted
            && self.any(
                next,
                &[
                    "more",
                    "additional",
                    "extra",
                    "further",
                    "full",
                    "straight",
                    "consecutive",
                    "trading",
                    "business",
                    "working",
                    "school",
                ],
            ) {
            next + 1
        } else {
            next
        };
        // "two-year", "10-year", "16-hour", "52-week": an adjective, but an amount of time
        let next = if counted { self.hyphen(next).unwrap_or(next) } else { next };
        let (unit, plural) = lexicon::unit(self.w(next)).filter(|_| self.near(next))?;
        if unit == Unit::Weekend {
            return None;
        }
        let mut end = next + 1;
        // Ages are not durations here ("a 47-year-old", "52 years old"), nor comparisons ("a
        // year-earlier loss").
        if self.hyphen(end).is_some_and(|k| self.any(k, &["old", "earlier", "ago", "end"]))
            || self.is(end, "old") && self.near(end)
        {
            return None;
        }
        let amount = match (amount, plural, counted) {
            // "the years", "recent months": vague
            (_, true, false) => Amount::X,
            // "the year", "the past year": a date, not a duration
            (_, false, false) => return None,
            (a, _, true) => a,
        };
        // "a year and a half", "a minute and a half"
        let amount = match (amount, self.seq(end, &["and", "a", "half"])) {
            (Amount::N(n), Some(e)) => {
                end = e;
                Amount::N(n + 0.5)
            }
            (a, _) => a,
        };
        // "a quarter": only as a span of time when a number or "the" leads ("three quarters" of a pie is not).
        if unit == Unit::Quarter && (!(j > i || matches!(amount, Amount::N(n) if n > 1.0)) || self.joined(next)) {
            return None;
        }
        // "a second": an ordinal, rarely a duration; "one second" is fine.
        if unit == Unit::Second && self.any(j, &["a", "the"]) {
            return None;
        }
        // "a day" or "a year" after a number or a price is a rate ("$5 a day", "twice a
        // year"), not an amount of time.
        if self.any(j, &["a", "an"]) && i == j && !plural && (self.rate_before(i) || self.price_before(i)) {
            return None;
        }
        // "the years" alone is too vague to be worth it unless qualified: "the past years" is.
        if !counted && j == i + 1 && self.is(i, "the") {
            return None;
        }
        // "or so"
        if let Some(e) = self.seq(end, &["or", "so"]) {
            end = e;
        }
        // "in recent years": TimeML reads it as the past, not an amount.
        if unit == Unit::Year && amount == Amount::X && self.any(j.saturating_sub(1), &["recent", "past"]) && j == next
        {
            return Some((end, Sem::Ref("PAST_REF")));
        }
        Some((end, Sem::Duration { amount, unit }))
    }

    /// A bare plural unit at `i` reads as a duration after these words.
    fn bare_plural_allowed(&self, i: usize) -> bool {
        let before = i.checked_sub(1).map_or("", |p| self.w(p));
        lexicon::unit(self.w(i)).is_some_and(|(u, plural)| plural && u != Unit::Weekend && u != Unit::Quarter)
            && matches!(
                before,
                "for"
                    | "within"
                    | "in"
                    | "after"
                    | "over"
                    | "take"
                    | "takes"
                    | "took"
                    | "taken"
                    | "taking"
                    | "last"
                    | "lasted"
                    | "lasting"
                    | "spend"
                    | "spent"
                    | "spending"
                    | "wait"
                    | "waited"
                    | "waiting"
                    | "than"
                    | "about"
                    | "of"
            )
    }

    /// A number or an amount of money right before `i`: "$5", "10,000 units", "$2 million".
    fn price_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        self.t.kind(p) == Some(Kind::Number)
            || self.any(p, &["cents", "dollars", "percent", "%", "million", "billion", "trillion"])
            || self.t.kind(p) == Some(Kind::Word)
                && p > 0
                && (self.t.kind(p - 1) == Some(Kind::Number) || lexicon::number_word(self.w(p - 1)).is_some())
                && self.w(p).ends_with('s')
    }

    /// "times"/"once"/"twice" right before "a": "twice a year", "three times a week". (After a
    /// price, "$5 a day" is a rate too, but news annotation leaves those alone.)
    fn rate_before(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| self.any(p, &["times", "once", "twice", "thrice"]))
    }

    // ---- sets ------------------------------------------------------------------------------

    fn set(&self, i: usize) -> M {
        let fixed = |end: usize, v: &str| Some((end, Sem::Set(v.to_string())));
        match self.w(i) {
            "daily" => return fixed(i + 1, "P1D"),
            "weekly" => return fixed(i + 1, "P1W"),
            "monthly" => return fixed(i + 1, "P1M"),
            "annually" | "yearly" => return fixed(i + 1, "P1Y"),
            "hourly" => return fixed(i + 1, "PT1H"),
            "nightly" => return fixed(i + 1, "XXXX-XX-XXTNI"),
            "biweekly" => return fixed(i + 1, "P2W"),
            _ => {}
        }
        // "Tuesday nights", "Mondays"
        if let Some((d, plural)) = lexicon::weekday(self.w(i)) {
            let (end, part) = match lexicon::part_of_day(self.w(i + 1))
                .filter(|_| self.near(i + 1) && self.w(i + 1).ends_with('s'))
            {
                Some(p) => (i + 2, Some(p)),
                None if plural => (i + 1, None),
                None => return None,
            };
            let part = part.map(|p| format!("T{}", p.code())).unwrap_or_default();
            return fixed(end, &format!("XXXX-WXX-{d}{part}"));
        }
        // "twice a year", "per day", "three times a week": a rate
        if self.any(i, &["a", "an", "per"]) && self.near(i + 1) && (self.w(i) == "per" || self.rate_before(i)) {
            let (unit, plural) = lexicon::unit(self.w(i + 1))?;
            if plural || self.any(i + 2, &["ago", "earlier", "later", "before", "after"]) {
                return None;
            }
            return fixed(i + 2, &period_value(unit, 1.0)?);
        }
        // "every day", "each year", "every two weeks", "each Thursday", "each July", "every summer"
        if !self.any(i, &["every", "each"]) || !self.near(i + 1) {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "other") {
            let (unit, _) = lexicon::unit(self.w(j + 1))?;
            return fixed(j + 2, &period_value(unit, 2.0)?);
        }
        if let Some((d, _)) = lexicon::weekday(self.w(j)) {
            let (end, part) = match lexicon::part_of_day(self.w(j + 1)).filter(|_| self.near(j + 1)) {
                Some(p) => (j + 2, format!("T{}", p.code())),
                None => (j + 1, String::new()),
            };
            return fixed(end, &format!("XXXX-WXX-{d}{part}"));
        }
        if let Some(m) = lexicon::month(self.w(j)) {
            return fixed(j + 1, &format!("XXXX-{m:02}"));
        }
        if let Some(s) = lexicon::season(self.w(j)) {
            return fixed(j + 1, &format!("XXXX-{}", s.code()));
        }
        if let Some(p) = lexicon::part_of_day(self.w(j)) {
            return fixed(j + 1, &format!("XXXX-XX-XXT{}", p.code()));
        }
        let mut n = 1.0;
        if let Some((next, k)) = self.number(j) {
            n = k;
            j = next;
        }
        let (unit, _) = lexicon::unit(self.w(j)).filter(|_| self.near(j))?;
        if unit == Unit::Quarter && n == 1.0 {
            return fixed(j + 1, "P1Q");
        }
        fixed(j + 1, &period_value(unit, n)?)
    }

    // ---- clock times -----------------------------------------------------------------------

    fn clock(&self, i: usize) -> M {
        let (next, hour, minute) = self.time_of_day(i)?;
        // A day may follow: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon Thursday".
        let mut j = next;
        if self.is(j, ",") || self.is(j, "on") {
            j += 1;
        }
        let day = if self.near(j) {
            self.date(j).filter(|(_, s)| matches!(s, Sem::Cal(c) if c.day.is_some() || c.weekday.is_some())).or_else(
                || {
                    self.relative(j).filter(|(_, s)| {
                        matches!(s, Sem::Shift { unit: Unit::Day, base: Base::Dct, .. }) || matches!(s, Sem::Cal(_))
                    })
                },
            )
        } else {
            None
        };
        match day {
            Some((end, sem)) => Some((end, Sem::Clock { hour, minute, day: Some(Box::new(sem)) })),
            None => Some((next, Sem::Clock { hour, minute, day: None })),
        }
    }

    /// "10 p.m.", "10:30 a.m.", "7:15pm", "noon", "midnight", "10 o'clock", "1500 GMT", "at 10:30".
    fn time_of_day(&self, i: usize) -> Option<(usize, u8, u8)> {
        match self.w(i) {
            "noon" | "midday" => return Some((self.zone(i + 1), 12, 0)),
            "midnight" => return Some((self.zone(i + 1), 24, 0)),
            _ => {}
        }
        // "10am", "7pm"
        if self.t.kind(i) == Some(Kind::Alnum) {
            let w = self.w(i);
            let (digits, pm) =
                if let Some(d) = w.strip_suffix("am") { (d, false) } else { (w.strip_suffix("pm")?, true) };
            let h: u8 = digits.parse().ok().filter(|h| (1..=12).contains(h))?;
            return Some((self.zone(self.dot(i + 1)), to_24(h, pm), 0));
        }
        let h = self.t.int(i).filter(|_| (1..=2).contains(&self.t.digits(i)))?;
        let (mut next, mut minute) = (i + 1, 0);
        let mut colon = false;
        if self.is(next, ":") && self.joined(next) && self.joined(next + 1) && self.t.digits(next + 1) == 2 {
            minute = self.t.int(next + 1).filter(|m| *m < 60)?;
            next += 2;
            colon = true;
        }
        if h > 24 {
            return None;
        }
        // "p.m.", "p m", "pm", "a.m."
        let meridiem = |j: usize| -> Option<(usize, bool)> {
            if !self.near(j) {
                return None;
            }
            let w = self.w(j);
            if matches!(w, "am" | "pm") {
                return Some((self.dot(j + 1), w == "pm"));
            }
            if matches!(w, "a" | "p")
                && self.is(j + 1, ".")
                && self.joined(j + 1)
                && self.is(j + 2, "m")
                && self.joined(j + 2)
            {
                return Some((self.dot(j + 3), w == "p"));
            }
            None
        };
        if let Some((end, pm)) = meridiem(next) {
            if !(1..=12).contains(&h) {
                return None;
            }
            return Some((self.zone(end), to_24(h as u8, pm), minute as u8));
        }
        if let Some(end) = self.seq(next, &["o", "'", "clock"]).or_else(|| self.seq(next, &["o", "\u{2019}", "clock"]))
        {
            return Some((end, h as u8, 0));
        }
        if colon {
            let zone = self.zone(next);
            let before = i.checked_sub(1).map_or("", |p| self.w(p));
            if zone > next || matches!(before, "at" | "by" | "until" | "from" | "around" | "before" | "after") {
                return Some((zone, h as u8, minute as u8));
            }
        }
        None
    }

    /// Swallows a time zone after a clock time ("EST", "GMT", "local time").
    fn zone(&self, i: usize) -> usize {
        if self.near(i) && lexicon::is_zone(self.w(i)) && self.t.raw(i).chars().all(|c| c.is_ascii_uppercase()) {
            return i + 1;
        }
        self.seq(i, &["local", "time"]).unwrap_or(i)
    }
}

fn cal(year: Year) -> Cal {
    Cal { year, month: None, day: None, weekday: None, holiday: None }
}

fn to_24(h: u8, pm: bool) -> u8 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// The TIMEX3 duration of `n` units ("P2Y", "PT30M", "P1Y6M"); None for units it cannot say.
pub(crate) fn period_value(unit: Unit, n: f64) -> Option<String> {
    let (letter, time, sub) = match unit {
        Unit::Millennium => ("L", false, None),
        Unit::Century => ("C", false, None),
        Unit::Decade => ("Y", false, None),
        Unit::Year => ("Y", false, Some((12.0, "M", false))),
        Unit::Half => ("M", false, None),
        Unit::Quarter => ("M", false, None),
        Unit::Season => ("M", false, None),
        Unit::Month => ("M", false, Some((30.0, "D", false))),
        Unit::Week => ("W", false, Some((7.0, "D", false))),
        Unit::Weekend => return None,
        Unit::Day => ("D", false, Some((24.0, "H", true))),
        Unit::Hour => ("H", true, Some((60.0, "M", true))),
        Unit::Minute => ("M", true, Some((60.0, "S", true))),
        Unit::Second => ("S", true, None),
    };
    let n = match unit {
        Unit::Decade => n * 10.0,
        Unit::Quarter => n * 3.0,
        Unit::Half => n * 6.0,
        Unit::Season => n * 3.0,
        _ => n,
    };
    let whole = n.trunc();
    let frac = n - whole;
    let t = if time { "T" } else { "" };
    if frac.abs() < 1e-9 {
        return Some(format!("P{t}{}{letter}", whole as i64));
    }
    match sub {
        Some((per, sub_letter, sub_time)) if (frac * per - (frac * per).round()).abs() < 1e-9 => {
            let subn = (frac * per).round() as i64;
            let mut v = String::from("P");
            if whole > 0.0 {
                v.push_str(t);
                v.push_str(&format!("{}{letter}", whole as i64));
            }
            if sub_time && !v.contains('T') {
                v.push('T');
            }
            v.push_str(&format!("{subn}{sub_letter}"));
            Some(v)
        }
        _ => Some(format!("P{t}{n}{letter}")),
    }
}
