use super::intern;
use crate::model::Amount;

fn usd(value: f64, equivalent: Option<Amount>) -> Amount {
    Amount {
        value,
        currency: "USD",
        text: Some("about".into()),
        equivalent: equivalent.map(Box::new),
        up_to: true,
        at_least: false,
        period: None,
        per: None,
    }
}

#[test]
fn an_amount_and_its_equivalent_round_trip_flat() {
    let a = usd(1e9, Some(usd(2e9, None)));
    let bytes = postcard::to_stdvec(&a).unwrap();
    assert_eq!(postcard::from_bytes::<Amount>(&bytes).unwrap(), a);
}

#[test]
fn an_equivalent_of_an_equivalent_is_refused_not_dropped() {
    let nested = usd(1.0, Some(usd(2.0, Some(usd(3.0, None)))));
    assert!(postcard::to_stdvec(&nested).is_err());
}

#[test]
fn a_bad_currency_code_in_an_image_is_a_decoding_error() {
    let mut bytes = postcard::to_stdvec(&usd(1.0, None)).unwrap();
    let at = bytes.windows(3).position(|w| w == b"USD").unwrap();
    bytes[at..at + 3].copy_from_slice(b"usd");
    assert!(postcard::from_bytes::<Amount>(&bytes).is_err());
}

#[test]
fn currency_codes_are_interned_statically() {
    assert_eq!(intern("USD"), Some("USD"));
    assert_eq!(intern("ZZZ"), Some("ZZZ"));
    for bad in ["usd", "US", "USDD", "U$D", "ÄBC", ""] {
        assert_eq!(intern(bad), None, "{bad}");
    }
}
