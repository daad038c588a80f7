//! STR: how the parts and their class blocks fit together.

use std::collections::{HashMap, HashSet};

use super::{Collector, Context, Rule, Severity, is_currency_code};
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::{ClassId, MonthlyReturn};

/// The parts made of class blocks, in print order.
pub(super) const CLASS_PARTS: [FormPart; 7] = [
    FormPart::I,
    FormPart::II,
    FormPart::IIIA,
    FormPart::IIIB,
    FormPart::IIIC,
    FormPart::IIID,
    FormPart::IIIE,
];

/// The five sub-parts of III.
pub(super) const PART_III: [FormPart; 5] = [
    FormPart::IIIA,
    FormPart::IIIB,
    FormPart::IIIC,
    FormPart::IIID,
    FormPart::IIIE,
];

/// `(not applicable, number of blocks)` of a part as stored, ignoring the tick.
fn stored(ret: &MonthlyReturn, part: FormPart) -> Option<(bool, usize)> {
    Some(match part {
        FormPart::I => (ret.part1.part.not_applicable, ret.part1.part.blocks.len()),
        FormPart::II => (ret.part2.part.not_applicable, ret.part2.part.blocks.len()),
        FormPart::IIIA => (ret.part3a.not_applicable, ret.part3a.blocks.len()),
        FormPart::IIIB => (ret.part3b.not_applicable, ret.part3b.blocks.len()),
        FormPart::IIIC => (ret.part3c.not_applicable, ret.part3c.blocks.len()),
        FormPart::IIID => (ret.part3d.not_applicable, ret.part3d.blocks.len()),
        FormPart::IIIE => (ret.part3e.not_applicable, ret.part3e.blocks.len()),
        FormPart::IV => (ret.part4.part.not_applicable, ret.part4.part.blocks.len()),
        FormPart::Header | FormPart::V => return None,
    })
}

/// Number of blocks that count (none when the part is not applicable).
pub(super) fn active_len(ret: &MonthlyReturn, part: FormPart) -> usize {
    match part {
        FormPart::I => ret.part1.part.active().len(),
        FormPart::II => ret.part2.part.active().len(),
        FormPart::IIIA => ret.part3a.active().len(),
        FormPart::IIIB => ret.part3b.active().len(),
        FormPart::IIIC => ret.part3c.active().len(),
        FormPart::IIID => ret.part3d.active().len(),
        FormPart::IIIE => ret.part3e.active().len(),
        FormPart::Header | FormPart::IV | FormPart::V => 0,
    }
}

/// The class of active block `i` of a class part.
pub(super) fn block_class(ret: &MonthlyReturn, part: FormPart, i: usize) -> Option<ClassId> {
    match part {
        FormPart::I => ret.part1.part.active().get(i).map(|b| b.class),
        FormPart::II => ret.part2.part.active().get(i).map(|b| b.class),
        FormPart::IIIA => ret.part3a.active().get(i).map(|b| b.class),
        FormPart::IIIB => ret.part3b.active().get(i).map(|b| b.class),
        FormPart::IIIC => ret.part3c.active().get(i).map(|b| b.class),
        FormPart::IIID => ret.part3d.active().get(i).map(|b| b.class),
        FormPart::IIIE => ret.part3e.active().get(i).map(|b| b.class),
        FormPart::Header | FormPart::IV | FormPart::V => None,
    }
}

/// The classes that have at least one active block in any of `parts`, in one pass over them.
fn classes_with_blocks(ret: &MonthlyReturn, parts: &[FormPart]) -> HashSet<ClassId> {
    let mut set = HashSet::new();
    for &part in parts {
        set.extend((0..active_len(ret, part)).filter_map(|i| block_class(ret, part, i)));
    }
    set
}

pub(super) const STR_001: Rule = Rule {
    id: "STR-001",
    severity: Severity::Error,
    title: "Block refers to a class that does not exist",
    explanation: "Every block of parts I, II and III names its class of shares from the return's \
        class list. This block points at a class that is no longer in the list (it was \
        probably deleted), so its header cannot be printed and its figures count for no class. \
        Pick the right class for the block, or delete the block.",
    check: str_001,
};

fn str_001(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    for part in CLASS_PARTS {
        for i in 0..active_len(ret, part) {
            if let Some(id) = block_class(ret, part, i)
                && ctx.class(id).is_none()
            {
                STR_001.emit(
                    out,
                    format!(
                        "Block {} of {} refers to class #{}, which is not in the class list",
                        i + 1,
                        part.title(),
                        id.0
                    ),
                    paths::part::block_class(part, i),
                );
            }
        }
    }
}

pub(super) const STR_002: Rule = Rule {
    id: "STR-002",
    severity: Severity::Error,
    title: "Class appears more than once in a part",
    explanation: "Each part has at most one block per class of shares: the form's totals and the \
        II-versus-III check are per class. Merge the rows of the two blocks into one and delete \
        the other.",
    check: str_002,
};

fn str_002(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    // The first block of each class seen so far in a part: one pass instead of a search per
    // block (one map for all parts, emptied between them).
    let mut first_of: HashMap<Option<ClassId>, usize> = HashMap::new();
    for part in CLASS_PARTS {
        first_of.clear();
        for i in 0..active_len(ret, part) {
            let c = block_class(ret, part, i);
            let first = *first_of.entry(c).or_insert(i);
            if first != i {
                STR_002.emit(
                    out,
                    format!(
                        "{}: blocks {} and {} are both for {}",
                        part.title(),
                        first + 1,
                        i + 1,
                        c.map(|c| ctx.class_name(c)).unwrap_or_default()
                    ),
                    paths::part::block_class(part, i),
                );
            }
        }
    }
}

pub(super) const STR_003: Rule = Rule {
    id: "STR-003",
    severity: Severity::Error,
    title: "Part marked Not applicable still has blocks",
    explanation: "A part marked `Not applicable` prints only its heading, so the blocks kept \
        under it are neither printed nor counted in any total. Either untick Not applicable to \
        report them, or delete them.",
    check: str_003,
};

fn str_003(ctx: &Context<'_>, out: &mut Collector) {
    for part in FormPart::ALL {
        if let Some((true, n)) = stored(ctx.ret, part)
            && n > 0
        {
            STR_003.emit(
                out,
                format!(
                    "{} is marked Not applicable but has {n} block(s), which are ignored",
                    part.title()
                ),
                paths::part::not_applicable(part),
            );
        }
    }
}

pub(super) const STR_004: Rule = Rule {
    id: "STR-004",
    severity: Severity::Error,
    title: "Class has Part III movements but no Part II block",
    explanation: "Part III details the movements of a class; part II must then show that class's \
        issued and treasury shares with the same increase/decrease. Add a part II block for the \
        class (or move the III blocks to the right class).",
    check: str_004,
};

fn str_004(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    let in_part2 = classes_with_blocks(ret, &[FormPart::II]);
    // The first Part III block of each class, in print order.
    let mut first_iii: HashMap<ClassId, (FormPart, usize)> = HashMap::new();
    for part in PART_III {
        for i in 0..active_len(ret, part) {
            if let Some(c) = block_class(ret, part, i) {
                first_iii.entry(c).or_insert((part, i));
            }
        }
    }
    for class in &ret.classes {
        if in_part2.contains(&class.id) {
            continue;
        }
        if let Some(&(part, i)) = first_iii.get(&class.id) {
            STR_004.emit(
                out,
                format!(
                    "{} has blocks in Part III but no block in Part II",
                    class.summary_name()
                ),
                paths::part::block_class(part, i),
            );
        }
    }
}

pub(super) const STR_005: Rule = Rule {
    id: "STR-005",
    severity: Severity::Warning,
    title: "Part is empty but not marked Not applicable",
    explanation: "A part with nothing to report prints `Not applicable`; left empty without the \
        tick it prints a bare heading. Tick Not applicable, or add the missing block.",
    check: str_005,
};

fn str_005(ctx: &Context<'_>, out: &mut Collector) {
    for part in FormPart::ALL {
        if let Some((false, 0)) = stored(ctx.ret, part) {
            STR_005.emit(
                out,
                format!(
                    "{} has no blocks: mark it Not applicable or add a block",
                    part.title()
                ),
                paths::part::not_applicable(part),
            );
        }
    }
}

pub(super) const STR_006: Rule = Rule {
    id: "STR-006",
    severity: Severity::Warning,
    title: "Class is not used by any part",
    explanation: "A class in the class list with no block in parts I, II or III is never \
        printed. Delete it, or add its blocks.",
    check: str_006,
};

fn str_006(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    let used = classes_with_blocks(ret, &CLASS_PARTS);
    for (k, class) in ret.classes.iter().enumerate() {
        if !used.contains(&class.id) {
            STR_006.emit(
                out,
                format!(
                    "{} (class #{}) has no block in any part",
                    class.summary_name(),
                    class.id.0
                ),
                paths::classes::class(k),
            );
        }
    }
}

/// Number of rows of active block `i` of a part III sub-part.
fn row_count(ret: &MonthlyReturn, part: FormPart, i: usize) -> Option<usize> {
    match part {
        FormPart::IIIA => ret.part3a.active().get(i).map(|b| b.schemes.len()),
        FormPart::IIIB => ret.part3b.active().get(i).map(|b| b.warrants.len()),
        FormPart::IIIC => ret.part3c.active().get(i).map(|b| b.convertibles.len()),
        FormPart::IIID => ret.part3d.active().get(i).map(|b| b.arrangements.len()),
        FormPart::IIIE => ret.part3e.active().get(i).map(|b| b.events.len()),
        _ => None,
    }
}

pub(super) const STR_007: Rule = Rule {
    id: "STR-007",
    severity: Severity::Warning,
    title: "Part III block has no rows",
    explanation: "A Part III block prints its class header and an empty table when it has no \
        scheme, warrant, convertible, arrangement or event. Add the row, or delete the block \
        (and mark the sub-part Not applicable if nothing is left).",
    check: str_007,
};

fn str_007(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    for part in PART_III {
        for i in 0..active_len(ret, part) {
            if row_count(ret, part, i) == Some(0) {
                STR_007.emit(
                    out,
                    format!("{}: block {} has no rows", part.title(), i + 1),
                    part.block(i),
                );
            }
        }
    }
}

pub(super) const STR_008: Rule = Rule {
    id: "STR-008",
    severity: Severity::Error,
    title: "Currency of an amount missing or not a 3-letter code",
    explanation: "Every amount on the form prints its currency as a 3-letter code in capitals in \
        its own cell (`HKD`, `USD`, `RMB`): funds raised, warrants' nominal value and \
        subscription price, convertibles' amount and conversion price, the price of a III(E) \
        event. An amount with no or a malformed currency cannot be read, nor compared with \
        another amount. (Part I's par value currency is I-003.)",
    check: str_008,
};

/// Emits a STR-008 finding when an amount is typed but its currency is not a 3-letter code.
fn currency(
    out: &mut Collector,
    what: &str,
    ccy: &str,
    typed: bool,
    path: impl FnOnce() -> FieldPath,
) {
    if typed && !is_currency_code(ccy) {
        let message = if ccy.trim().is_empty() {
            format!("{what}: the currency is empty")
        } else {
            format!(
                "{what}: the currency '{}' is not a 3-letter code in capitals such as HKD",
                ccy.trim()
            )
        };
        STR_008.emit(out, message, path());
    }
}

fn str_008(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    for (b, block) in ret.part3a.active().iter().enumerate() {
        let m = &block.funds_raised;
        currency(
            out,
            "Total funds raised",
            &m.currency,
            m.amount.is_some(),
            || paths::part3a::funds_raised_currency(b),
        );
    }
    for (b, block) in ret.part3b.active().iter().enumerate() {
        for (w, wa) in block.warrants.iter().enumerate() {
            let typed = wa.preceding_nominal.is_some() || wa.exercised_nominal.is_some();
            currency(
                out,
                "Nominal value of warrants",
                &wa.currency,
                typed,
                || paths::part3b::currency(b, w),
            );
            let p = &wa.subscription_price;
            currency(
                out,
                "Subscription price",
                &p.currency,
                p.amount.is_some(),
                || paths::part3b::subscription_price_currency(b, w),
            );
        }
    }
    for (b, block) in ret.part3c.active().iter().enumerate() {
        for (c, cv) in block.convertibles.iter().enumerate() {
            let typed =
                cv.preceding_amount.is_some() || cv.movements.iter().any(|m| m.amount.is_some());
            currency(out, "Amount of convertibles", &cv.currency, typed, || {
                paths::part3c::currency(b, c)
            });
            let p = &cv.conversion_price;
            currency(
                out,
                "Conversion price",
                &p.currency,
                p.amount.is_some(),
                || paths::part3c::conversion_price_currency(b, c),
            );
        }
    }
    for (b, block) in ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            let p = &ev.price;
            currency(out, "At price", &p.currency, p.amount.is_some(), || {
                paths::part3e::price_currency(b, e)
            });
        }
    }
}
