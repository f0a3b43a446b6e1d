//! The fixed set of categories every stage and every output speaks, with their
//! names in English and Chinese.

use std::fmt;
use std::str::FromStr;

/// What a contact or event is about. The ids are fixed: they appear in every
/// output, model file and labelled data set.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Estate agents, new builds, rent and sell offers.
    Property,
    /// Decoration, furniture, building materials.
    Renovation,
    /// Insurance of any kind, including insurance sold as savings.
    Insurance,
    /// Loans, credit cards, wealth management, stock tips.
    Finance,
    /// Courses, tutoring, early education, study abroad, degrees.
    Education,
    /// Car dealers, used cars, warranties.
    Automotive,
    /// Clinics, cosmetic treatment, health products.
    Healthcare,
    /// Headhunters, job offers, part-time work.
    Recruitment,
    /// Shop promotions and memberships.
    Retail,
    /// Carrier plans and broadband.
    Telecom,
    /// Impersonation, fake refunds, task scams, prizes, phishing.
    Fraud,
    /// Debt-collection pressure, threats, repeated abusive contact.
    Harassment,
    /// Personal and work messages, codes, notices the person asked for.
    Legit,
}

impl Category {
    /// All categories in their fixed order.
    pub const ALL: [Category; 13] = [
        Category::Property,
        Category::Renovation,
        Category::Insurance,
        Category::Finance,
        Category::Education,
        Category::Automotive,
        Category::Healthcare,
        Category::Recruitment,
        Category::Retail,
        Category::Telecom,
        Category::Fraud,
        Category::Harassment,
        Category::Legit,
    ];

    /// The fixed id, e.g. `property`.
    pub fn id(self) -> &'static str {
        match self {
            Category::Property => "property",
            Category::Renovation => "renovation",
            Category::Insurance => "insurance",
            Category::Finance => "finance",
            Category::Education => "education",
            Category::Automotive => "automotive",
            Category::Healthcare => "healthcare",
            Category::Recruitment => "recruitment",
            Category::Retail => "retail",
            Category::Telecom => "telecom",
            Category::Fraud => "fraud",
            Category::Harassment => "harassment",
            Category::Legit => "legit",
        }
    }

    /// The name shown in Chinese reports.
    pub fn name_zh(self) -> &'static str {
        match self {
            Category::Property => "房产中介",
            Category::Renovation => "装修",
            Category::Insurance => "保险",
            Category::Finance => "金融贷款",
            Category::Education => "教育培训",
            Category::Automotive => "汽车",
            Category::Healthcare => "医疗健康",
            Category::Recruitment => "招聘",
            Category::Retail => "零售促销",
            Category::Telecom => "通信",
            Category::Fraud => "诈骗",
            Category::Harassment => "骚扰",
            Category::Legit => "正常",
        }
    }

    /// The name shown in English reports.
    pub fn name_en(self) -> &'static str {
        match self {
            Category::Property => "Property",
            Category::Renovation => "Renovation",
            Category::Insurance => "Insurance",
            Category::Finance => "Finance & loans",
            Category::Education => "Education",
            Category::Automotive => "Automotive",
            Category::Healthcare => "Healthcare",
            Category::Recruitment => "Recruitment",
            Category::Retail => "Retail",
            Category::Telecom => "Telecom",
            Category::Fraud => "Fraud",
            Category::Harassment => "Harassment",
            Category::Legit => "Legitimate",
        }
    }

    /// True for the ten "leak-driven marketing" categories.
    pub fn is_marketing(self) -> bool {
        !matches!(self, Category::Fraud | Category::Harassment | Category::Legit)
    }

    /// True for everything the person did not ask for (marketing, fraud, harassment).
    pub fn is_unsolicited(self) -> bool {
        self != Category::Legit
    }

    /// Position in [`Category::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Category {
    type Err = String;

    /// Parses a category id, or one of the aliases found in labelled data
    /// (`ham` = legit, `spam`/`scam`/`smishing` = fraud) and the Chinese names.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_lowercase();
        for c in Category::ALL {
            if t == c.id() || t == c.name_zh() || t == c.name_en().to_lowercase() {
                return Ok(c);
            }
        }
        match t.as_str() {
            "ham" | "normal" | "0" => Ok(Category::Legit),
            "spam" | "scam" | "smishing" | "phishing" => Ok(Category::Fraud),
            "real_estate" | "realestate" | "estate" => Ok(Category::Property),
            "loan" | "loans" => Ok(Category::Finance),
            "auto" | "car" => Ok(Category::Automotive),
            "health" | "medical" => Ok(Category::Healthcare),
            "jobs" | "job" => Ok(Category::Recruitment),
            _ => Err(format!(
                "unknown category '{s}' (expected one of: {})",
                Category::ALL.map(|c| c.id()).join(", ")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_index_matches_order() {
        for (i, c) in Category::ALL.iter().enumerate() {
            assert_eq!(c.id().parse::<Category>().unwrap(), *c);
            assert_eq!(c.name_zh().parse::<Category>().unwrap(), *c);
            assert_eq!(c.index(), i);
        }
    }

    #[test]
    fn aliases_and_unknowns() {
        assert_eq!("HAM".parse::<Category>().unwrap(), Category::Legit);
        assert_eq!("spam".parse::<Category>().unwrap(), Category::Fraud);
        assert!("weather".parse::<Category>().unwrap_err().contains("unknown category"));
    }

    #[test]
    fn marketing_set_is_the_first_ten() {
        let n = Category::ALL.iter().filter(|c| c.is_marketing()).count();
        assert_eq!(n, 10);
        assert!(!Category::Legit.is_unsolicited());
    }
}
