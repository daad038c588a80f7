//! Generated returns that print unambiguously, for the export → import property test: the
//! strategies of `roundtrip.rs` (every part, every enum variant, blank and filled cells) narrowed
//! to what a printed form can say back. What the PDF cannot tell apart is left out here and
//! listed in the README's import section: text is words of printable characters with single
//! spaces (no tabs, no typed line breaks, no leading or trailing spaces); blocks refer to classes
//! that exist, in class order, and every class has a part I (unless not applicable) and a
//! part II block; a manual capital differs
//! from shares × par; a closing par value differs from the preceding one; an `Other` label or
//! type is not one of the template's own; a 1.1.0 return has no public float (not printed).

use chrono::NaiveDate;
use monthly_return::model::*;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

/// A word: Latin letters and digits, or characters of the CJK test font.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z0-9$%&,.()/-]{1,10}",
        1 => "[金山云控股有限公司雲陳大文中國香港]{1,4}",
    ]
}

/// Up to `max` words joined by single spaces.
fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..=max).prop_map(|w| w.join(" "))
}

fn count() -> impl Strategy<Value = Option<i64>> {
    prop::option::of(-1_000_000_000_000i64..1_000_000_000_000)
}

fn positive() -> impl Strategy<Value = Option<i64>> {
    prop::option::of(0i64..1_000_000_000_000)
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn amount() -> impl Strategy<Value = Option<Decimal>> {
    prop::option::of(decimal())
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (700_000..800_000i32)
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default()),
    )
}

fn currency() -> impl Strategy<Value = String> {
    select(vec!["HKD", "USD", "RMB"]).prop_map(str::to_string)
}

fn money() -> impl Strategy<Value = Money> {
    (prop_oneof![Just(String::new()), currency()], amount())
        .prop_map(|(currency, amount)| Money { currency, amount })
}

/// Text that is none of `labels` (a typed `Other` that would read back as a template choice).
fn other_text(labels: Vec<&'static str>) -> impl Strategy<Value = String> {
    words(4).prop_filter("not a template label", move |t| {
        !labels.contains(&t.as_str()) && t != "Other"
    })
}

fn class(i: usize) -> impl Strategy<Value = ShareClass> {
    let counter = (currency(), words(3)).prop_map(move |(currency, description)| CounterCode {
        id: RowId(0),
        stock_code: format!("8{i:04}"),
        currency,
        description,
    });
    (
        select(ClassOfShares::ALL.to_vec()),
        select(TypeOfShares::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
        words(12),
        prop::collection::vec(counter, 0..2),
    )
        .prop_map(
            move |(c, t, listed, coded, description, other_counters)| ShareClass {
                id: ClassId(i as u32 + 1),
                class_of_shares: c,
                type_of_shares: t,
                listed,
                // Distinct codes keep distinct classes apart (the PDF names a class by its header,
                // and HKEX leaves part III's descriptions blank): only the first may have none.
                stock_code: if coded || listed || i > 0 {
                    format!("{:05}", 100 + i)
                } else {
                    String::new()
                },
                description,
                other_counters,
            },
        )
}

/// Which of `n` classes get a block, in class order.
fn subset(n: usize) -> impl Strategy<Value = Vec<ClassId>> {
    prop::collection::vec(any::<bool>(), n).prop_map(|pick| {
        pick.iter()
            .enumerate()
            .filter(|(_, p)| **p)
            .map(|(i, _)| ClassId(i as u32 + 1))
            .collect()
    })
}

fn authorised(class: ClassId) -> impl Strategy<Value = AuthorisedBlock> {
    (
        positive(),
        count(),
        (currency(), amount()),
        prop::option::of(decimal()),
        prop::option::of((decimal(), decimal())),
    )
        .prop_map(move |(ps, ms, (ccy, par), cpar, manual)| AuthorisedBlock {
            id: RowId(0),
            class,
            preceding_shares: ps,
            movement_shares: ms,
            closing_par_value: cpar.filter(|c| Some(*c) != par && !(par.is_none() && c.is_zero())),
            par_value: Money {
                currency: ccy,
                amount: par,
            },
            manual_capital: manual.is_some(),
            // A typed capital prints both figures; the typed one is never shares × par here
            // (an odd cent).
            manual_preceding_capital: manual.map(|m| m.0 + Decimal::new(1, 2)),
            manual_movement_capital: manual.map(|m| m.1),
        })
}

fn issued(class: ClassId, float: bool) -> impl Strategy<Value = IssuedBlock> {
    (
        positive(),
        positive(),
        count(),
        count(),
        prop::option::of(any::<bool>()),
        words(20),
        words(8),
    )
        .prop_map(
            move |(pe, pt, me, mt, complied, threshold, info)| IssuedBlock {
                id: RowId(0),
                class,
                preceding: IssuedRow {
                    excluding_treasury: pe,
                    treasury: pt,
                },
                movement: IssuedRow {
                    excluding_treasury: me,
                    treasury: mt,
                },
                public_float: if float {
                    PublicFloat {
                        complied,
                        threshold,
                        additional_information: info,
                    }
                } else {
                    PublicFloat::default()
                },
            },
        )
}

fn scheme() -> impl Strategy<Value = OptionScheme> {
    (
        words(10),
        (positive(), positive(), positive(), positive(), positive()),
        (positive(), positive(), positive(), positive()),
        date(),
    )
        .prop_map(
            |(particulars, (p, g, e, c, l), (a1, a2, sic, rtg), gm)| OptionScheme {
                id: RowId(0),
                particulars,
                preceding_outstanding: p,
                granted: g,
                exercised: e,
                cancelled: c,
                lapsed: l,
                new_shares: a1,
                from_treasury: a2,
                shares_issuable_at_close: sic,
                remaining_to_be_granted: rtg,
                gm_approval_date: gm,
            },
        )
}

fn warrant() -> impl Strategy<Value = Warrant> {
    (
        (words(8), date(), currency()),
        (amount(), amount()),
        (positive(), positive(), positive()),
        (words(2), money(), date()),
    )
        .prop_map(
            |((description, expiry_date, currency), (pn, en), (b1, b2, sic), (code, price, gm))| {
                Warrant {
                    id: RowId(0),
                    description,
                    expiry_date,
                    currency,
                    preceding_nominal: pn,
                    exercised_nominal: en,
                    new_shares: b1,
                    from_treasury: b2,
                    shares_issuable_at_close: sic,
                    stock_code: code,
                    subscription_price: price,
                    gm_approval_date: gm,
                }
            },
        )
}

fn convertible() -> impl Strategy<Value = Convertible> {
    let kinds = ConvertibleMovementKind::ALL
        .iter()
        .map(|k| k.label())
        .collect();
    let movement = (
        select(ConvertibleMovementKind::ALL.to_vec()),
        other_text(kinds),
        amount(),
    )
        .prop_map(|(kind, label, amount)| ConvertibleMovement {
            id: RowId(0),
            kind,
            label: if kind == ConvertibleMovementKind::Other {
                // One word: the label cell is narrow and the label is not wrapped back.
                label
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(8)
                    .collect()
            } else {
                String::new()
            },
            amount,
        });
    let types = ConvertibleType::ALL.iter().map(|k| k.label()).collect();
    (
        (
            words(8),
            select(ConvertibleType::ALL.to_vec()),
            other_text(types),
            currency(),
        ),
        (amount(), prop::collection::vec(movement, 0..4)),
        (positive(), positive(), positive()),
        (words(2), money(), date()),
    )
        .prop_map(
            |(
                (description, kind, other, currency),
                (pa, movements),
                (c1, c2, sic),
                (code, price, gm),
            )| {
                Convertible {
                    id: RowId(0),
                    description,
                    kind,
                    kind_other: if kind == ConvertibleType::Others {
                        other
                    } else {
                        String::new()
                    },
                    currency,
                    preceding_amount: pa,
                    movements,
                    new_shares: c1,
                    from_treasury: c2,
                    shares_issuable_at_close: sic,
                    stock_code: code,
                    conversion_price: price,
                    gm_approval_date: gm,
                }
            },
        )
}

fn arrangement() -> impl Strategy<Value = Arrangement> {
    (words(12), date(), positive(), positive(), positive()).prop_map(
        |(description, gm, d1, d2, sic)| Arrangement {
            id: RowId(0),
            description,
            gm_approval_date: gm,
            new_shares: d1,
            from_treasury: d2,
            shares_issuable_at_close: sic,
        },
    )
}

fn event() -> impl Strategy<Value = Event> {
    let labels = TypeOfIssue::ALL.iter().map(|k| k.label()).collect();
    (
        (
            select(TypeOfIssue::ALL.to_vec()),
            other_text(labels),
            money(),
        ),
        (date(), date()),
        (count(), count(), count()),
    )
        .prop_map(|((t, other, price), (ed, gm), (e1, e2, pc))| Event {
            id: RowId(0),
            type_of_issue: t,
            other_description: if t == TypeOfIssue::Other {
                other
            } else {
                String::new()
            },
            price,
            event_date: ed,
            gm_approval_date: gm,
            change_excluding_treasury: e1,
            change_treasury: e2,
            pending_cancellation: pc,
        })
}

fn hdr() -> impl Strategy<Value = HdrLine> {
    (
        words(5).prop_filter("a line says what it is", |s| !s.is_empty()),
        words(1),
        words(3),
        amount(),
        positive(),
        count(),
    )
        .prop_map(
            |(description, stock_code, depositary, ratio, p, m)| HdrLine {
                id: RowId(0),
                description,
                stock_code,
                depositary,
                hdrs_per_share: ratio,
                preceding_hdrs: p,
                movement_hdrs: m,
            },
        )
}

fn rows<T: std::fmt::Debug>(
    s: impl Strategy<Value = T>,
    max: usize,
) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(s, 0..=max)
}

/// A part whose blocks, one per class in `ids` (when applicable), come from `block`.
fn part<B: std::fmt::Debug + Clone + 'static, S: Strategy<Value = B> + 'static>(
    na: bool,
    ids: Vec<ClassId>,
    block: impl Fn(ClassId) -> S,
) -> BoxedStrategy<Part<B>> {
    if na || ids.is_empty() {
        return Just(Part::not_applicable()).boxed();
    }
    ids.into_iter()
        .map(block)
        .collect::<Vec<_>>()
        .prop_map(|blocks| Part {
            not_applicable: false,
            blocks,
        })
        .boxed()
}

/// A return of up to `max_classes` classes and `max_rows` rows per block.
pub fn printable_return(
    max_classes: usize,
    max_rows: usize,
) -> impl Strategy<Value = MonthlyReturn> {
    (1..=max_classes, select(TemplateVersion::ALL.to_vec())).prop_flat_map(move |(n, version)| {
        let classes: Vec<_> = (0..n).map(class).collect();
        let float = version.has_public_float();
        (
            (
                Just(version),
                classes,
                prop::collection::vec(any::<bool>(), 7),
            ),
            (subset(n), subset(n), subset(n), subset(n), subset(n)),
        )
            .prop_flat_map(move |((version, classes, na), (a, b, c, d, e))| {
                let all: Vec<ClassId> = (1..=n as u32).map(ClassId).collect();
                (
                    (
                        Just(version),
                        Just(classes),
                        (
                            words(8),
                            date(),
                            select(SubmissionStatus::ALL.to_vec()),
                            date(),
                        ),
                        part(na[0], all.clone(), authorised),
                        part(false, all, move |c| issued(c, float)),
                        (words(30), words(20), words(20)),
                    ),
                    (
                        part(na[1], a, move |c| {
                            (rows(scheme(), max_rows), money(), words(15)).prop_map(
                                move |(schemes, funds_raised, remarks)| OptionBlock {
                                    id: RowId(0),
                                    class: c,
                                    schemes,
                                    funds_raised,
                                    remarks,
                                },
                            )
                        }),
                        part(na[2], b, move |c| {
                            (rows(warrant(), max_rows), words(15)).prop_map(
                                move |(warrants, remarks)| WarrantBlock {
                                    id: RowId(0),
                                    class: c,
                                    warrants,
                                    remarks,
                                },
                            )
                        }),
                        part(na[3], c, move |cl| {
                            (rows(convertible(), max_rows), words(15)).prop_map(
                                move |(convertibles, remarks)| ConvertibleBlock {
                                    id: RowId(0),
                                    class: cl,
                                    convertibles,
                                    remarks,
                                },
                            )
                        }),
                        part(na[4], d, move |c| {
                            (rows(arrangement(), max_rows), words(15)).prop_map(
                                move |(arrangements, remarks)| ArrangementBlock {
                                    id: RowId(0),
                                    class: c,
                                    arrangements,
                                    remarks,
                                },
                            )
                        }),
                        part(na[5], e, move |c| {
                            (rows(event(), max_rows), words(15)).prop_map(
                                move |(events, remarks)| EventBlock {
                                    id: RowId(0),
                                    class: c,
                                    events,
                                    remarks,
                                },
                            )
                        }),
                    ),
                    (
                        any::<bool>(),
                        rows(hdr(), 3),
                        words(10),
                        any::<bool>(),
                        prop::array::uniform8(prop::option::of(
                            words(12).prop_filter("an amendment says something", |s| !s.is_empty()),
                        )),
                        words(4),
                        words(8),
                    ),
                )
            })
            .prop_map(
                move |((version, classes, header, part1, part2, remarks), (a, b, c, d, e), p45)| {
                    let (hdr_na, hdrs, hdr_remarks, v_na, amended, submitted_by, title) = p45;
                    let mut ret = MonthlyReturn {
                        template_version: version,
                        header: Header {
                            issuer_name: header.0,
                            month_end: header.1,
                            status: header.2,
                            date_submitted: header.3,
                        },
                        classes,
                        part1: Part1 {
                            remarks: if part1.not_applicable {
                                String::new()
                            } else {
                                remarks.0
                            },
                            part: part1,
                        },
                        part2: Part2 {
                            part: part2,
                            remarks: remarks.1,
                        },
                        part3a: a,
                        part3b: b,
                        part3c: c,
                        part3d: d,
                        part3e: e,
                        part4: if hdr_na || hdrs.is_empty() {
                            Part4::default_not_applicable()
                        } else {
                            Part4 {
                                part: Part {
                                    not_applicable: false,
                                    blocks: hdrs,
                                },
                                remarks: hdr_remarks,
                            }
                        },
                        part5: if v_na {
                            Confirmations {
                                not_applicable: true,
                                ..Confirmations::default()
                            }
                        } else {
                            Confirmations {
                                not_applicable: false,
                                amended_items: amended,
                                submitted_by,
                                title,
                            }
                        },
                        unparsed: Default::default(),
                        last_month: None,
                    };
                    let _ = remarks.2;
                    ret.ensure_row_ids();
                    ret
                },
            )
    })
}
