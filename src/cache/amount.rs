//! Serde for [`Amount`], whose currency is a shared static code: stored as
//! text, restored as one of the static three-letter codes (the loader
//! accepts only ISO 4217 codes).

use crate::model::{Amount, Per, Term};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// Every `AAA`..`ZZZ`, so a decoded code is shared, not leaked.
static CODES: [[u8; 3]; 26 * 26 * 26] = {
    let mut all = [[0u8; 3]; 26 * 26 * 26];
    let mut i = 0;
    while i < all.len() {
        all[i] = [
            b'A' + (i / 676) as u8,
            b'A' + (i / 26 % 26) as u8,
            b'A' + (i % 26) as u8,
        ];
        i += 1;
    }
    all
};

/// The static code equal to `text`, if it is three capital letters.
pub fn intern(text: &str) -> Option<&'static str> {
    let [a, b, c] = <[u8; 3]>::try_from(text.as_bytes()).ok()?;
    if ![a, b, c].iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let i = usize::from(a - b'A') * 676 + usize::from(b - b'A') * 26 + usize::from(c - b'A');
    std::str::from_utf8(CODES.get(i)?).ok()
}

/// How an amount is stored: its equivalent is stored flat, never as an
/// amount with an equivalent of its own, so no image can nest amounts
/// deep enough to exhaust the stack while decoding.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    amount: Flat<'a>,
    #[serde(borrow)]
    equivalent: Option<Flat<'a>>,
}

/// An amount without its equivalent.
#[derive(Serialize, Deserialize)]
struct Flat<'a> {
    value: f64,
    #[serde(borrow)]
    currency: Cow<'a, str>,
    text: Option<Cow<'a, str>>,
    up_to: bool,
    at_least: bool,
    period: Option<(u32, bool)>,
    per: Option<Per>,
}

impl<'a> Flat<'a> {
    fn of(a: &'a Amount) -> Flat<'a> {
        Flat {
            value: a.value,
            currency: Cow::Borrowed(a.currency),
            text: a.text.as_deref().map(Cow::Borrowed),
            up_to: a.up_to,
            at_least: a.at_least,
            period: a.period.map(|p| (p.n, p.months)),
            per: a.per,
        }
    }

    fn amount<E: serde::de::Error>(self, equivalent: Option<Box<Amount>>) -> Result<Amount, E> {
        Ok(Amount {
            value: self.value,
            currency: intern(&self.currency).ok_or_else(|| E::custom("not a currency code"))?,
            text: self.text.map(Cow::into_owned),
            equivalent,
            up_to: self.up_to,
            at_least: self.at_least,
            period: self.period.map(|(n, months)| Term { n, months }),
            per: self.per,
        })
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let equivalent = self.equivalent.as_deref();
        if equivalent.is_some_and(|e| e.equivalent.is_some()) {
            // The loader never makes one; refuse rather than drop it.
            return Err(serde::ser::Error::custom("an equivalent with an equivalent"));
        }
        Stored {
            amount: Flat::of(self),
            equivalent: equivalent.map(Flat::of),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Stored { amount, equivalent } = Stored::deserialize(d)?;
        let equivalent = equivalent.map(|e| e.amount(None)).transpose()?;
        amount.amount(equivalent.map(Box::new))
    }
}

#[cfg(test)]
#[path = "amount_tests.rs"]
mod tests;
