//! ISO 4217 currency codes, and hints for what people write instead.

use super::super::diag::closest;

/// Every ISO 4217 code (current ones, plus those replaced recently enough
/// to appear in articles, such as HRK and SLL).
const CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
    "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF",
    "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
    "HNL", "HRK", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS",
    "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL",
    "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
    "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN",
    "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD",
    "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB",
    "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR",
    "ZMW", "ZWG", "ZWL",
];

/// What people write for a currency instead of its code: signs and
/// nicknames (upper case), each with the code it most often means. A
/// nickname such as `NKR` is answered from here, not by its nearest
/// spelling (which would be `PKR`).
const ALIASES: &[(&str, &str)] = &[
    ("€", "EUR"),
    ("$", "USD"),
    ("US$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₪", "ILS"),
    ("₺", "TRY"),
    ("₴", "UAH"),
    ("R$", "BRL"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("NT$", "TWD"),
    ("NTD", "TWD"),
    ("NKR", "NOK"),
    ("SKR", "SEK"),
    ("DKR", "DKK"),
    ("IKR", "ISK"),
    ("RMB", "CNY"),
    ("CNH", "CNY"),
    ("YUAN", "CNY"),
    ("YEN", "JPY"),
    ("NIS", "ILS"),
    ("SFR", "CHF"),
    ("STG", "GBP"),
    ("UKP", "GBP"),
    ("RUR", "RUB"),
    ("EURO", "EUR"),
    ("EUROS", "EUR"),
    ("DOLLAR", "USD"),
    ("DOLLARS", "USD"),
    ("POUND", "GBP"),
    ("POUNDS", "GBP"),
    ("STERLING", "GBP"),
];

/// The code, if `code` is one (shared, so amounts do not copy it).
pub(super) fn find(code: &str) -> Option<&'static str> {
    CODES.binary_search(&code).ok().map(|i| CODES[i])
}

/// What to write instead of `bad`.
pub(super) fn hint(bad: &str) -> String {
    let upper = bad.trim().to_uppercase();
    let alias = ALIASES.iter().find(|(a, _)| *a == upper).map(|(_, c)| *c);
    match alias
        .or_else(|| find(&upper))
        .or_else(|| closest(&upper, CODES.iter().copied()))
    {
        Some(code) => format!("did you mean `{code}`? use an ISO 4217 code such as USD, EUR or GBP"),
        None => "use an ISO 4217 code such as USD, EUR or GBP".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_complete_enough() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        for code in ["MXN", "RUB", "NOK", "TWD", "USD", "EUR"] {
            assert_eq!(find(code), Some(code));
        }
        assert_eq!(find("usd"), None);
        assert!(hint("€").starts_with("did you mean `EUR`?"));
        assert!(hint("usd").starts_with("did you mean `USD`?"));
        for (nickname, code) in [
            ("NKR", "NOK"),
            ("skr", "SEK"),
            (" DKr ", "DKK"),
            ("RMB", "CNY"),
            ("us$", "USD"),
        ] {
            assert!(
                hint(nickname).starts_with(&format!("did you mean `{code}`?")),
                "{nickname}"
            );
        }
        assert!(hint("EURR").starts_with("did you mean `EUR`?"));
        assert_eq!(hint("QQQQQQ"), "use an ISO 4217 code such as USD, EUR or GBP");
    }
}
