//! Paths of Part III, sub-parts (A)–(E), the XX1/XX2 summary lines and the grand totals.
//! One named helper per field, as for the other parts, written as lists: every field of a row
//! is `<row>/<field>`, every money field also has its `_currency` and `_money` (the pair, for
//! a money widget) paths. The editor, PDF and rules of Part III reach most of them through the
//! sub-part descriptions ([`crate::model::subpart`]); the names here keep the rules readable.

/// `pub fn name(b, r) -> FieldPath` = `row(b, r)/name`, one per listed field.
macro_rules! row_fields {
    ($row:ident: $($(#[$doc:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $name(b: usize, r: usize) -> FieldPath {
                $row(b, r).key(stringify!($name))
            }
        )*
    };
}

/// A money field of a row: its amount, its currency and the pair.
macro_rules! money_field {
    ($row:ident: $key:literal => $amount:ident, $currency:ident, $money:ident) => {
        /// The amount of the money field.
        pub fn $amount(b: usize, r: usize) -> FieldPath {
            $money(b, r).money_amount()
        }
        /// The currency of the money field.
        pub fn $currency(b: usize, r: usize) -> FieldPath {
            $money(b, r).money_currency()
        }
        /// Currency and amount together (for a money widget).
        pub fn $money(b: usize, r: usize) -> FieldPath {
            $row(b, r).key($key)
        }
    };
}

/// Paths of III(A): `IIIA/class[b]/scheme[s]/<field>`.
pub mod part3a {
    use crate::model::OptionMovement;
    use crate::model::path::{FieldPath, FormPart};

    pub fn scheme(b: usize, s: usize) -> FieldPath {
        FormPart::IIIA.block(b).index("scheme", s)
    }
    row_fields!(scheme:
        particulars,
        preceding_outstanding,
        closing_outstanding,
        /// A1.
        new_shares,
        /// A2.
        from_treasury,
        shares_issuable_at_close,
        remaining_to_be_granted,
        gm_approval_date,
    );
    /// `Granted`, `Exercised`, `Cancelled` or `Lapsed` (`.../scheme[0]/exercised`).
    pub fn movement(b: usize, s: usize, m: OptionMovement) -> FieldPath {
        scheme(b, s).key(m.key())
    }
    /// The block's `Total funds raised` (currency and amount).
    pub fn funds_raised_money(b: usize) -> FieldPath {
        FormPart::IIIA.block(b).key("funds_raised")
    }
    pub fn funds_raised(b: usize) -> FieldPath {
        funds_raised_money(b).money_amount()
    }
    pub fn funds_raised_currency(b: usize) -> FieldPath {
        funds_raised_money(b).money_currency()
    }
}

/// Paths of III(B): `IIIB/class[b]/warrant[w]/<field>`.
pub mod part3b {
    use crate::model::path::{FieldPath, FormPart};

    pub fn warrant(b: usize, w: usize) -> FieldPath {
        FormPart::IIIB.block(b).index("warrant", w)
    }
    row_fields!(warrant:
        description,
        expiry_date,
        currency,
        preceding_nominal,
        exercised_nominal,
        closing_nominal,
        /// B1.
        new_shares,
        /// B2.
        from_treasury,
        shares_issuable_at_close,
        stock_code,
        gm_approval_date,
    );
    money_field!(warrant: "subscription_price" =>
        subscription_price, subscription_price_currency, subscription_price_money);
}

/// Paths of III(C): `IIIC/class[b]/convertible[c]/<field>`.
pub mod part3c {
    use crate::model::path::{FieldPath, FormPart};

    pub fn convertible(b: usize, c: usize) -> FieldPath {
        FormPart::IIIC.block(b).index("convertible", c)
    }
    row_fields!(convertible:
        description,
        /// `Type of the Convertibles`.
        kind,
        kind_other,
        currency,
        preceding_amount,
        closing_amount,
        /// C1.
        new_shares,
        /// C2.
        from_treasury,
        shares_issuable_at_close,
        stock_code,
        gm_approval_date,
    );
    money_field!(convertible: "conversion_price" =>
        conversion_price, conversion_price_currency, conversion_price_money);
    /// Movement `m` of a convertible (`.../convertible[0]/movement[1]`).
    pub fn movement(b: usize, c: usize, m: usize) -> FieldPath {
        convertible(b, c).index("movement", m)
    }
    pub fn movement_kind(b: usize, c: usize, m: usize) -> FieldPath {
        movement(b, c, m).key("kind")
    }
    pub fn movement_label(b: usize, c: usize, m: usize) -> FieldPath {
        movement(b, c, m).key("label")
    }
    /// The amount of movement `m` (`.../convertible[0]/movement[1]/amount`).
    pub fn movement_amount(b: usize, c: usize, m: usize) -> FieldPath {
        movement(b, c, m).key("amount")
    }
}

/// Paths of III(D): `IIID/class[b]/arrangement[a]/<field>`.
pub mod part3d {
    use crate::model::path::{FieldPath, FormPart};

    pub fn arrangement(b: usize, a: usize) -> FieldPath {
        FormPart::IIID.block(b).index("arrangement", a)
    }
    row_fields!(arrangement:
        description,
        gm_approval_date,
        /// D1.
        new_shares,
        /// D2.
        from_treasury,
        shares_issuable_at_close,
    );
}

/// Paths of III(E) and of the grand totals that follow it.
pub mod part3e {
    use crate::model::ClassId;
    use crate::model::path::{FieldPath, FormPart};

    pub fn event(b: usize, e: usize) -> FieldPath {
        FormPart::IIIE.block(b).index("event", e)
    }
    row_fields!(event:
        type_of_issue,
        other_description,
        /// `Date of event (Note 2)`.
        event_date,
        gm_approval_date,
        /// E1.
        change_excluding_treasury,
        /// E2.
        change_treasury,
        pending_cancellation,
    );
    money_field!(event: "price" => price, price_currency, price_money);
    pub fn ee1(b: usize) -> FieldPath {
        FormPart::IIIE.block(b).key("ee1")
    }
    pub fn ee2(b: usize) -> FieldPath {
        FormPart::IIIE.block(b).key("ee2")
    }
    /// `Total of AA1 to EE1` of a class (indexed by class id, as `calc` records overflows).
    pub fn total_excluding_treasury(class: ClassId) -> FieldPath {
        total(class).key("excluding_treasury")
    }
    /// `Total of AA2 to EE2` of a class.
    pub fn total_treasury(class: ClassId) -> FieldPath {
        total(class).key("treasury")
    }
    fn total(class: ClassId) -> FieldPath {
        FormPart::IIIE.path().index("total", class.0 as usize)
    }
}

/// The XX1 / XX2 summary lines of a III(A)–(D) block (`IIIA/class[0]/xx1`).
pub mod summary {
    use crate::model::path::{FieldPath, FormPart};

    pub fn xx1(part: FormPart, b: usize) -> FieldPath {
        part.block(b).key("xx1")
    }
    pub fn xx2(part: FormPart, b: usize) -> FieldPath {
        part.block(b).key("xx2")
    }
}
