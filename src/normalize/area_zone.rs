//! The time zone a North American (NANP, `+1`) area code lies in, so that a
//! person whose own number is `(773) 678-4301` gets their call log read in
//! Chicago time without saying so. One zone per area code: where an area
//! code straddles a zone line, the zone of most of its subscribers.
//!
//! From the NANPA area-code assignments by state and province; the few
//! states that do not observe daylight saving time (Arizona, Hawaii) and
//! Saskatchewan have their own IANA zones.

use chrono_tz::{America, Pacific, Tz};

/// Area codes per zone; any other NANP area code is read as Eastern time.
const ZONES: &[(Tz, &[u16])] = &[
    (
        America::Chicago,
        &[
            205, 251, 256, 334, 659, 938, // Alabama
            479, 501, 870, // Arkansas
            217, 224, 309, 312, 331, 447, 464, 618, 630, 708, 773, 779, 815, 847,
            872, // Illinois
            319, 515, 563, 641, 712, // Iowa
            316, 620, 785, 913, // Kansas
            225, 318, 337, 504, 985, // Louisiana
            218, 320, 507, 612, 651, 763, 952, // Minnesota
            228, 601, 662, 769, // Mississippi
            314, 417, 557, 573, 636, 660, 816, 975, // Missouri
            308, 402, 531, // Nebraska
            701, // North Dakota
            405, 539, 572, 580, 918, // Oklahoma
            605, // South Dakota
            615, 629, 731, 901, 931, // Tennessee (west and middle)
            210, 214, 254, 281, 325, 346, 361, 409, 430, 432, 469, 512, 682, 713, 726, 737, 806,
            817, 830, 832, 903, 936, 940, 945, 956, 972, 979, // Texas
            262, 274, 414, 534, 608, 715, 920, // Wisconsin
            270, 364, // western Kentucky
            219, 574, // north-west Indiana
            850, // Florida panhandle
        ],
    ),
    (
        America::Denver,
        &[
            303, 719, 720, 970, 983, // Colorado
            406, // Montana
            505, 575, // New Mexico
            385, 435, 801, // Utah
            307, // Wyoming
            208, 986, // Idaho
            915, // El Paso
        ],
    ),
    (America::Phoenix, &[480, 520, 602, 623, 928]),
    (
        America::Los_Angeles,
        &[
            209, 213, 279, 310, 323, 341, 350, 369, 408, 415, 424, 442, 510, 530, 559, 562, 619,
            626, 628, 650, 657, 661, 669, 707, 714, 747, 760, 805, 818, 820, 831, 840, 858, 909,
            916, 925, 949, 951, // California
            702, 725, 775, // Nevada
            458, 503, 541, 971, // Oregon
            206, 253, 360, 425, 509, 564, // Washington
        ],
    ),
    (America::Anchorage, &[907]),
    (Pacific::Honolulu, &[808]),
    (America::Vancouver, &[236, 250, 257, 604, 672, 778]),
    (America::Edmonton, &[368, 403, 587, 780, 825]),
    (America::Regina, &[306, 474, 639]),
    (America::Winnipeg, &[204, 431, 584]),
    (America::Halifax, &[782, 902]),
    (America::Moncton, &[428, 506]),
    (America::St_Johns, &[709, 879]),
];

/// The zone of a NANP number given in E.164 (`+17736784301`) or national
/// form (`(773) 678-4301`, `1-773-…`); `None` when it is not a NANP number.
pub fn nanp_zone(number: &str) -> Option<Tz> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.len() {
        10 if !number.trim_start().starts_with('+') => digits.as_str(),
        11 if digits.starts_with('1') => digits.get(1..)?,
        _ => return None,
    };
    let area: u16 = national.get(..3)?.parse().ok()?;
    if !(200..=999).contains(&area) {
        return None;
    }
    let zone = ZONES.iter().find(|(_, codes)| codes.contains(&area)).map(|(tz, _)| *tz);
    Some(zone.unwrap_or(America::New_York))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_by_area_code() {
        assert_eq!(nanp_zone("(773) 678-4301"), Some(America::Chicago));
        assert_eq!(nanp_zone("+1 415 555 0100"), Some(America::Los_Angeles));
        assert_eq!(nanp_zone("1-602-555-0100"), Some(America::Phoenix));
        assert_eq!(nanp_zone("+16045550129"), Some(America::Vancouver));
        assert_eq!(nanp_zone("212-555-0123"), Some(America::New_York));
    }

    #[test]
    fn not_nanp() {
        assert_eq!(nanp_zone("+86 138 0013 8000"), None);
        assert_eq!(nanp_zone("+4477009001234"), None);
        assert_eq!(nanp_zone("123"), None);
        assert_eq!(nanp_zone("(073) 678-4301"), None);
    }

    #[test]
    fn no_area_code_in_two_zones() {
        let mut seen = std::collections::HashSet::new();
        for (_, codes) in ZONES {
            for c in *codes {
                assert!(seen.insert(*c), "area code {c} listed twice");
            }
        }
    }
}
