"""English (UK / US) vocabulary and message templates for simulate.py.

Pure data; see lexicon_zh.py for the slot conventions. ``{cur}`` is the
currency sign of the person's region. All company, development, hospital and
brand names used as leak sources or marketing senders are invented; real banks,
carriers and couriers appear only in legitimate notices and in the fraud texts
that impersonate them.
"""

LANG = "en"

# (first name, gender, [spellings/short forms a clerk or a list might use])
FIRST = [
    ("Jonathan", "m", ["Jon", "Johnathan", "J."]), ("Stephen", "m", ["Steven", "Steve", "S."]),
    ("Michael", "m", ["Micheal", "Mike", "M."]), ("Matthew", "m", ["Mathew", "Matt", "M."]),
    ("Philip", "m", ["Phillip", "Phil", "P."]), ("Christopher", "m", ["Kristopher", "Chris", "C."]),
    ("Geoffrey", "m", ["Jeffrey", "Geoff", "G."]), ("Daniel", "m", ["Danial", "Dan", "D."]),
    ("Thomas", "m", ["Tom", "Tomas", "T."]), ("Andrew", "m", ["Andy", "Andrew J.", "A."]),
    ("Catherine", "f", ["Katherine", "Kathryn", "Cathy", "C."]), ("Rebecca", "f", ["Rebekah", "Becky", "R."]),
    ("Elizabeth", "f", ["Elisabeth", "Liz", "E."]), ("Sarah", "f", ["Sara", "S."]),
    ("Ann", "f", ["Anne", "A."]), ("Emily", "f", ["Emilie", "Em", "E."]), ("Hannah", "f", ["Hanna", "H."]),
    ("Megan", "f", ["Meghan", "Meg", "M."]), ("Laura", "f", ["Lora", "L."]), ("Jennifer", "f", ["Jenifer", "Jen", "J."]),
]
SURNAMES = [
    ("Smith", ["Smyth"]), ("Thompson", ["Thomson"]), ("Clarke", ["Clark"]), ("Reid", ["Reed", "Read"]),
    ("Macdonald", ["MacDonald", "McDonald"]), ("Harris", ["Harriss"]), ("Patel", []), ("Evans", ["Evens"]),
    ("Walker", []), ("Wright", ["Write"]), ("Hughes", ["Hewes"]), ("Phillips", ["Philips"]),
    ("Mitchell", ["Mitchel"]), ("Stewart", ["Stuart"]), ("O'Neill", ["O'Neil", "ONeill"]), ("Gray", ["Grey"]),
]

REGIONS = [
    dict(region="GB", tz="Europe/London", cc="44", cur="£", cities=[
        dict(city="London", area="20", districts=["Hackney", "Islington", "Croydon", "Walthamstow", "Greenwich"]),
        dict(city="Manchester", area="161", districts=["Didsbury", "Chorlton", "Salford", "Ancoats"]),
        dict(city="Leeds", area="113", districts=["Headingley", "Roundhay", "Chapel Allerton"]),
        dict(city="Bristol", area="117", districts=["Clifton", "Bedminster", "Southville"]),
    ]),
    dict(region="US", tz="America/New_York", cc="1", cur="$", cities=[
        dict(city="New York", area="212", alt=["646", "718", "917", "347"], districts=["Astoria", "Park Slope", "Harlem", "Flushing"]),
        dict(city="Boston", area="617", alt=["857", "781"], districts=["Dorchester", "Somerville", "Brighton"]),
        dict(city="Philadelphia", area="215", alt=["267", "484"], districts=["Fishtown", "Manayunk", "Germantown"]),
        dict(city="Atlanta", area="404", alt=["678", "470"], districts=["Decatur", "Midtown", "Buckhead"]),
    ]),
]
US_AREAS = ["212", "646", "718", "917", "617", "215", "404", "305", "407", "813", "704", "919", "216", "614",
            "313", "412", "516", "631", "732", "201", "973", "845", "203", "860"]
UK_NONGEO = ["0330", "0333", "0345", "0800", "0808"]
UK_GEO = ["20", "161", "113", "117", "121", "131", "141", "151", "114", "115", "1223", "1865"]
FOREIGN_FRAUD = ["+234", "+233", "+92", "+63", "+880", "+225", "+216", "+371"]

MY_EMAIL_DOMAINS = ["example.com", "example.net", "example.org"]
ALIAS_WORDS = {
    "property": ["house", "home"], "automotive": ["car"], "healthcare": ["baby"], "recruitment": ["jobs", "cv"],
    "insurance": ["quotes", "ins"], "retail": ["shop", "gym"], "education": ["edu", "study"],
    "renovation": ["diy", "reno"], "telecom": ["isp"],
}

SOURCES = {
    "property": [
        dict(name="Maple Grove Homes (sales office)", kw=["Maple Grove"], slug="maplegrove",
             notes=["bought {unit}", "reservation form", "sales office visit, then bought {unit}"]),
        dict(name="Riverside Quarter Developments", kw=["Riverside Quarter"], slug="riversideq",
             notes=["bought {unit}", "registered interest online"]),
        dict(name="Hawthorn Park marketing suite", kw=["Hawthorn Park"], slug="hawthornpark", notes=["show home visit, bought {unit}"]),
        dict(name="Kingsmead Gardens", kw=["Kingsmead"], slug="kingsmead", notes=["exchanged on {unit}"]),
    ],
    "automotive": [
        dict(name="Northgate Motors", kw=["Northgate Motors", "Northgate"], slug="northgatemotors",
             notes=["bought the car, finance paperwork", "test drive then purchase, reg {plate}"]),
        dict(name="Pinewood Autos", kw=["Pinewood Autos"], slug="pinewoodautos", notes=["part-exchange + new car"]),
        dict(name="Lakeside Car Centre", kw=["Lakeside Car Centre", "Lakeside"], slug="lakesidecars", notes=["bought used car {plate}"]),
    ],
    "healthcare": [
        dict(name="St Anne's Maternity Unit", kw=["St Anne's"], slug="stannes",
             notes=["baby born, registered at maternity unit", "antenatal booking + birth"]),
        dict(name="Brookfield Birth Centre", kw=["Brookfield"], slug="brookfieldbirth", notes=["birth registered"]),
        dict(name="Willow Women's Clinic", kw=["Willow Clinic", "Willow"], slug="willowclinic", notes=["antenatal scans, birth"]),
    ],
    "recruitment": [
        dict(name="JobNest", kw=["JobNest"], slug="jobnest", notes=["uploaded CV", "job alerts sign-up"]),
        dict(name="CareerPort", kw=["CareerPort"], slug="careerport", notes=["CV upload"]),
        dict(name="HireHub", kw=["HireHub"], slug="hirehub", notes=["applied to three jobs"]),
    ],
    "insurance": [
        dict(name="QuoteCompare (home insurance quote)", kw=["QuoteCompare"], slug="quotecompare",
             notes=["got an online quote, didn't buy", "compared car insurance"]),
        dict(name="ShieldSure online quote", kw=["ShieldSure"], slug="shieldsure", notes=["life cover quote form"]),
    ],
    "retail": [
        dict(name="FitLife Gym (Canal St)", kw=["FitLife"], slug="fitlife", notes=["joined the gym", "free trial day"]),
        dict(name="Harper & Lane loyalty card", kw=["Harper & Lane", "Harper and Lane"], slug="harperlane", notes=["store card sign-up"]),
        dict(name="Greenway Garden Centre club", kw=["Greenway"], slug="greenway", notes=["club card at the till"]),
    ],
    "education": [
        dict(name="Global Education Fair", kw=["Global Education Fair", "Education Fair"], slug="edufair",
             notes=["filled in interest form", "scanned badge at stands"]),
        dict(name="Northbridge College open evening", kw=["Northbridge"], slug="northbridge", notes=["part-time MSc enquiry"]),
    ],
    "renovation": [
        dict(name="Ideal Home & Garden Show", kw=["Home & Garden Show", "Home Show"], slug="homeshow", notes=["prize draw entry"]),
        dict(name="Bathroom Studio showroom", kw=["Bathroom Studio"], slug="bathstudio", notes=["design appointment"]),
    ],
    "telecom": [
        dict(name="FibreNow door-to-door sign-up", kw=["FibreNow"], slug="fibrenowsignup", notes=["broadband sign-up at the door"]),
    ],
}

AFFINITY = {
    "property": [("property", 3), ("renovation", 3), ("finance", 2), ("insurance", 1.2)],
    "automotive": [("automotive", 3), ("insurance", 3), ("finance", 1.6)],
    "healthcare": [("education", 2), ("retail", 2), ("insurance", 2), ("healthcare", 2.2)],
    "recruitment": [("recruitment", 4), ("fraud", 2), ("education", 0.8), ("finance", 0.5)],
    "insurance": [("insurance", 4), ("finance", 1.8)],
    "retail": [("retail", 3), ("healthcare", 2), ("finance", 0.8)],
    "education": [("education", 4), ("finance", 1), ("recruitment", 0.6)],
    "renovation": [("renovation", 4), ("finance", 1), ("retail", 1)],
    "telecom": [("telecom", 3), ("finance", 1)],
}

ROLE_GREET = {
    "property": ["Dear Homeowner, ", "Hi neighbour! "], "automotive": ["Dear Motorist, ", "Hi driver! "],
    "healthcare": ["Hi new parent! ", "Dear Parent, "], "recruitment": ["Hi! "],
    "insurance": ["Dear Customer, "], "retail": ["Hi member! ", "Dear Member, "],
    "education": ["Dear Applicant, ", "Hi there, "], "renovation": ["Dear Homeowner, "], "telecom": ["Dear Customer, "],
}

SRC_PHRASE = {
    "property": ["As a {kw} homeowner, you qualify for this offer. ", "We understand you've recently moved into {kw}. ",
                 "Following your purchase at {kw}: ", "Congratulations on your new home at {kw}! "],
    "automotive": ["As a {kw} customer, ", "We see you recently bought a car from {kw}. ", "Following your visit to {kw}: "],
    "healthcare": ["Congratulations on your new arrival at {kw}! ", "For families registered with {kw}: ",
                   "As you recently had your baby at {kw}, "],
    "recruitment": ["We found your CV on {kw}. ", "Following your application via {kw}, ", "Saw your profile on {kw}. "],
    "insurance": ["Following your quote on {kw}, ", "You recently requested a quote via {kw}. "],
    "retail": ["As a {kw} member, ", "{kw} members get early access: "],
    "education": ["Thanks for visiting us at the {kw}! ", "Following the {kw}, "],
    "renovation": ["Thanks for entering our draw at the {kw}. ", "Great to meet you at {kw}! "],
    "telecom": ["As you recently signed up with {kw}, "],
}

GREET_NAMED = ["Dear {full}, ", "Hi {first}! ", "Dear {title} {sur}, ", "Hello {first}! "]
GREET_NAMED_AGENT = ["Hi {first}! ", "Hi {first} - ", "{first} - ", "Morning {first}! "]
GREET_GENERIC = ["Hi! ", "Hello! ", "", "Dear Customer, "]
GREET_GENERIC_AGENT = ["Hi! ", "Hello! ", "", "Hi there! "]
TITLE = {"m": "Mr", "f": "Ms"}

BRANDTAG = "{brand}: "
OPTOUT = [" Reply STOP to opt out", " STOP to end", " Txt STOP to {short} to unsubscribe", " Opt out: reply STOP", ""]
EMOJI_MKT = ["🎉", "🔥", "🏡", "🎁", "💷", "👉", "✨", "😊", "📞", "⭐"]
EMOJI_FAMILY = ["😀", "😂", "👍", "❤️", "🙏", "😘", "🤣", "👌", "😊"]

BRANDS = {
    "property": [("Harbour Estates", "harbourestates"), ("Keystone Lettings", "keystonelets"),
                 ("Oakridge Property Partners", "oakridgepp"), ("Northfield Homes", "northfieldhomes"),
                 ("Castle & Co Estate Agents", "castleco"), ("Urban Nest Lettings", "urbannest")],
    "renovation": [("BrightFit Kitchens", "brightfit"), ("ClearView Windows", "clearviewwin"), ("SunPeak Solar", "sunpeak"),
                   ("Loft Masters", "loftmasters"), ("DriveRight Paving", "driveright"), ("Bathroom Direct", "bathdirect")],
    "insurance": [("Shieldwell Insurance", "shieldwell"), ("Guardian Lane Life", "guardianlane"), ("HomeSafe Cover", "homesafe"),
                  ("FamilyFirst Life", "familyfirst"), ("Assure Direct", "assuredirect")],
    "finance": [("Clearpath Mortgages", "clearpath"), ("Lendwise", "lendwise"), ("Apex Car Finance", "apexfin"),
                ("Northstar Credit", "northstarcredit"), ("CoinVault Invest", "coinvault"), ("Sterling Debt Solutions", "sterlingdebt")],
    "education": [("Little Acorns Nursery", "littleacorns"), ("Bright Minds Tutoring", "brightminds"),
                  ("Westbridge Online MBA", "westbridge"), ("CodeForge Bootcamp", "codeforge"),
                  ("Tiny Steps Baby Classes", "tinysteps"), ("Global Pathways", "globalpathways")],
    "automotive": [("WeBuyAnyMotor", "webuyanymotor"), ("AutoShield Warranty", "autoshield"),
                   ("Prestige Detailing", "prestigedetail"), ("Riverside Motors", "riversidemotors"), ("CarCare Plus", "carcareplus")],
    "healthcare": [("BalanceWell Physio", "balancewell"), ("SmileBright Dental", "smilebright"),
                   ("Radiance Aesthetics", "radianceclinic"), ("Vitality Health Screening", "vitalityscreen"),
                   ("NatureCore Supplements", "naturecore"), ("MamaCare Postnatal", "mamacare")],
    "recruitment": [("Talent Bridge Recruitment", "talentbridge"), ("Apex Search Partners", "apexsearch"),
                    ("HireStream", "hirestream"), ("Meridian Staffing", "meridianstaff"), ("NorthPeak Executive", "northpeakexec")],
    "retail": [("BabyBloom", "babybloom"), ("FlexGym", "flexgym"), ("ShopSmart Club", "shopsmart"),
               ("Little Sprouts Box", "littlesprouts"), ("MegaMart Rewards", "megamart"), ("Snapshot Studios", "snapshotstudios")],
    "telecom": [("SwiftNet Broadband", "swiftnet"), ("Nova Mobile", "novamobile"), ("LightSpeed Fibre", "lightspeedfibre")],
    "fraud": [("RemoteWork Hub", "remoteworkhub"), ("TaskPay", "taskpay"), ("GlobalHire", "globalhire")],
}
PROJECTS = ["The Wharf", "Elm Court", "Victoria Heights", "Chestnut Rise", "Mill Quarter", "Orchard View",
            "Canal Side", "St George's Place"]
PHASES = ["Phase 2", "Phase 3", "Phase 1B", "final phase"]
ROOMS = ["2-bed apartments", "3-bed townhouses", "4-bed family homes", "1-bed flats", "2-bed duplexes"]
SCHOOLS = ["St Mary's Primary", "Oakfield Academy", "Parkside School", "Kingsway Primary"]
AGENCIES = ["Harbour Estates", "Castle & Co", "Oakridge Property", "Northfield Homes", "Keystone Lettings"]
AGENTS = ["Sarah", "James", "Priya", "Tom", "Olivia", "Mark", "Hayley", "Ben", "Chloe", "Ryan", "Natalie", "Sam"]
CAR_MODELS = ["Astra", "Qashqai", "Model Y", "Corolla", "Sportage", "Golf", "CR-V", "Focus"]
JOBS = ["Product Manager", "Sales Manager", "Software Engineer", "Finance Analyst", "Operations Lead",
        "Data Analyst", "Marketing Executive", "Project Manager", "Customer Success Manager"]
COMPANIES = ["Brightline Technologies", "Vertex Logistics", "Halcyon Health", "Northwind Retail", "Bluepeak Energy",
             "Cobalt Systems", "Sterling & Hart", "Orbit Media"]
GIFTS = ["a £50 voucher", "a free hamper", "a bottle of champagne", "a free valet", "a free consultation",
         "a baby gift bag", "a 3-month free trial", "free fitting", "a smart speaker", "20% off your first order"]
GIFTS_US = ["a $50 gift card", "a free gift basket", "a free detail", "a free consultation", "a baby gift bag",
            "a 3-month free trial", "free installation", "a smart speaker", "20% off your first order"]
SHOWS = ["the Summer Prize Draw", "our Customer Appreciation Draw", "the National Lottery Bonus Draw"]
EXPRESS_GB = ["Royal Mail", "Evri", "DPD", "Yodel", "Parcelforce", "DHL"]
EXPRESS_US = ["USPS", "UPS", "FedEx", "Amazon Logistics", "DHL"]
PLATFORMS = ["Amazon", "eBay", "PayPal", "Apple"]
SALARIES = ["£45-55k", "£60k + bonus", "£38k", "£70-80k", "£50k + car"]
SALARIES_US = ["$85-95k", "$110k + bonus", "$72k", "$130-150k", "$95k + equity"]

LINK_SHORT = ["bit.ly", "tinyurl.com", "ow.ly", "t.co", "rb.gy"]
LINK_PATH_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

FAM = {
    "property": [
        dict(sms=["{proj} {phase} launches {day}: {rooms} from {cur}{wan2},000. Book a viewing: {url}",
                  "Only {n2} homes left at {proj}! Save up to {cur}{n},000 with our {duty} contribution. Call {tel}",
                  "{proj}: show homes open {day}, 10am-4pm. Free refreshments & {gift}. {url}"],
             subj=["{proj} {phase}: {rooms} from {cur}{wan2},000", "Last {n2} homes at {proj}", "Show homes open {day}"],
             mail=["{proj} is just {n} minutes' walk from the station, with {rooms} from {cur}{wan2},000. Our show homes open {day} - pop in and receive {gift}.",
                   "{phase} at {proj} is now released. Register today to secure early-bird pricing and a contribution of up to {cur}{n},000 towards your costs: {url}"]),
        dict(agent=True,
             sms=["It's {agent} from {agency}. We've just sold a property on your road above asking - would you like a free valuation?",
                  "{agent} here from {agency}, I have buyers looking in {district} right now. Any thoughts on selling? {tel}",
                  "Sorry to chase - {agent} at {agency}. Prices on your street are up {n}% this year, happy to pop round for a chat."],
             subj=["Buyers waiting in {district}", "What's your home worth now?"],
             mail=["My name is {agent} and I'm a senior valuer at {agency}. We have {n2} registered buyers looking in {district}, and homes like yours are selling within {n} weeks. I'd be happy to give you a free, no-obligation valuation. Call me on {tel}."]),
        dict(sms=["Catchment homes near {school} rarely come up - {n2} new listings this week at {agency}. {url}",
                  "Looking to move up the ladder? Free valuation + {n}% off fees this month. {agency} {tel}"],
             subj=["New listings near {school}", "{n}% off agency fees this month"],
             mail=["Homes in the {school} catchment are in high demand. We've listed {n2} new properties this week - see them first: {url}"]),
        dict(sms=["Landlord? We'll let and fully manage your property for {n}% - guaranteed rent, no void periods. {tel}",
                  "Guaranteed rent scheme: {cur}{price}/month paid upfront for your {district} property. Reply YES for details"],
             subj=["Guaranteed rent for landlords", "Let us manage your property"],
             mail=["Thinking of letting? Our guaranteed rent scheme pays you every month even if the property is empty. Fully managed for {n}% + VAT. Get a free rental valuation: {url}"]),
        dict(sms=["Buy-to-let seminar {day}: off-plan apartments with {rate}% guaranteed yields, from {cur}{wan},000. Register: {url}",
                  "Holiday lets in Spain & Dubai from {cur}{wan},000, {rate}% yield guaranteed for {n} years. {url}"],
             subj=["{rate}% guaranteed yields - seminar invite", "Invest from {cur}{wan},000"],
             mail=["Join our free property investment seminar on {day}. We'll present off-plan apartments with {rate}% guaranteed yields for {n} years, from just {cur}{wan},000. Places are limited: {url}"]),
    ],
    "renovation": [
        dict(sms=["{brand}: new kitchens fitted from {cur}{price}0. Free design visit + {gift}. Book: {tel}",
                  "{brand} summer sale - up to {pct}% off all kitchens until {day}. {url}"],
             subj=["Up to {pct}% off kitchens until {day}", "Your free kitchen design visit"],
             mail=["Dreaming of a new kitchen? {brand} designs, supplies and fits complete kitchens from {cur}{price}0, with a free home design visit and {gift}. Offer ends {day}."]),
        dict(agent=True,
             sms=["{agent} from {brand} here - we're fitting windows on your street next week, can I pop by with a quote?",
                  "{agent} at {brand}. Just following up about your windows & doors, we can still do {pct}% off. {tel}",
                  "We're working in {district} this week and have a cancellation - free survey if you're interested?"],
             subj=["We're in your area next week"],
             mail=["I'm {agent}, a surveyor with {brand}. We're working on several homes in {district} and have slots for free surveys next week. We can currently offer {pct}% off. Call me on {tel}."]),
        dict(sms=["{brand}: cut your energy bills with solar - {n} panels from {cur}{price}0, 0% finance available. {url}",
                  "Free solar survey for homes in {district}. Battery storage now {pct}% off. {tel}"],
             subj=["Cut your bills with solar", "Free solar survey in {district}"],
             mail=["Homes in {district} could save up to {cur}{price} a year with solar. {brand} offers free surveys and 0% finance. Book yours: {url}"]),
        dict(sms=["{brand}: loft conversions & extensions, free architect visit this month. {url}",
                  "Add space & value: {brand} loft conversions from {cur}{wan},000. {tel}"],
             subj=["Free architect visit this month", "Add value with a loft conversion"],
             mail=["A loft conversion can add up to {pct}% to the value of your home. {brand} offers a free architect visit this month - book before {day}: {url}"]),
        dict(sms=["New driveway? {brand} resin & block paving, {pct}% off booked before {day}. {tel}",
                  "{brand}: gardens, patios & driveways. Free quote within 48 hours. {url}"],
             subj=["Driveways: {pct}% off before {day}"],
             mail=["{brand} lays resin and block paving driveways across {district}. Book before {day} for {pct}% off: {url}"]),
        dict(sms=["Damp or mould in your new home? {brand} free damp survey, {tel}",
                  "{brand}: bathrooms supplied & fitted in 5 days, from {cur}{price}0. {url}"],
             subj=["New bathroom in 5 days"],
             mail=["{brand} supplies and fits complete bathrooms in as little as five days, from {cur}{price}0. Free home survey: {url}"]),
    ],
    "insurance": [
        dict(sms=["Congratulations on the baby! Protect your family from {cur}{n}.99/month with {brand} life cover. {url}",
                  "{brand}: new parents get their first {n} months of family life cover free. Quote in 2 mins: {url}"],
             subj=["Protect your growing family", "First {n} months free for new parents"],
             mail=["A new baby changes everything. {brand} family life cover starts from {cur}{n}.99 a month, and new parents get their first {n} months free. Get a quote in two minutes: {url}"]),
        dict(sms=["Your car insurance renewal is coming up - {brand} could save you up to {cur}{price}. Quote: {url}",
                  "{brand}: don't auto-renew! Drivers saved an average of {cur}{price}. {tel}"],
             subj=["Don't auto-renew your car insurance", "Your car insurance quote is ready"],
             mail=["Your car insurance is due for renewal soon. Drivers who switched to {brand} saved an average of {cur}{price}. Your quote is ready: {url}"]),
        dict(sms=["New home? Buildings & contents cover from {cur}{n}.50/month with {brand}. {url}",
                  "{brand}: home insurance quote in 3 minutes, {pct}% off online. {url}"],
             subj=["Home insurance from {cur}{n}.50/month", "{pct}% off home insurance online"],
             mail=["Moving in is the perfect time to review your home insurance. {brand} buildings and contents cover starts from {cur}{n}.50 a month, with {pct}% off when you buy online: {url}"]),
        dict(sms=["Income protection from {brand}: cover up to {pct}% of your salary if you can't work. {tel}",
                  "{brand}: lock in over-50s life cover at today's price. {url}"],
             subj=["What if you couldn't work?", "Lock in today's price"],
             mail=["If illness or injury stopped you working, could you still pay the bills? {brand} income protection covers up to {pct}% of your salary. Speak to an adviser: {tel}"]),
        dict(sms=["Private health cover from {cur}{n}1/month - skip {waitlist} with {brand}. {url}",
                  "{brand}: family health insurance, kids covered free until {day}. {url}"],
             subj=["Private health cover from {cur}{n}1/month", "Kids covered free"],
             mail=["Skip the waiting lists with {brand} private health cover from {cur}{n}1 a month. Add your children free until {day}: {url}"]),
        dict(agent=True,
             sms=["{agent} from {brand} here - did you get a chance to look at the quote I sent? Happy to talk it through. {tel}",
                  "It's {agent} at {brand}, just a reminder your quote is held until {day}.",
                  "Sorry I missed you - {agent} at {brand}. Give me a ring back when you can."],
             subj=["Your quote from {agent}"],
             mail=["Thanks for your time. As promised, I've put together a cover plan for your family at around {cur}{n}5 a month. Let me know a good time to talk it through - {agent}, {brand}, {tel}"]),
    ],
    "finance": [
        dict(sms=["{brand}: you're pre-approved for a loan of up to {cur}{wan},000 at {rate}% APR representative. {url}",
                  "Borrow {cur}{wan},000 for home improvements, decision in 60 seconds. {brand} {url}"],
             subj=["You're pre-approved: up to {cur}{wan},000", "Home improvement loans at {rate}% APR"],
             mail=["Good news - you've been pre-approved for a personal loan of up to {cur}{wan},000 at {rate}% APR representative. Checking your rate won't affect your credit score: {url}"]),
        dict(sms=["Your fixed rate may be ending - {brand} remortgage advice is free. Call {tel}",
                  "{brand}: could you save {cur}{n}00/month by remortgaging? Free check: {url}"],
             subj=["Is your fixed rate ending?", "Save {cur}{n}00 a month?"],
             mail=["Many homeowners could save hundreds a month by remortgaging. {brand} compares thousands of deals for free. Book a call: {tel}"]),
        dict(sms=["{brand}: car finance from {rate}% APR, bad credit considered. {url}",
                  "Are you owed money for mis-sold car finance? {brand} can check in 60 seconds: {url}"],
             subj=["Car finance from {rate}% APR", "Were you mis-sold car finance?"],
             mail=["Thousands of drivers may be owed compensation for mis-sold car finance. Check in 60 seconds with {brand}: {url}"]),
        dict(sms=["You've been selected for the {brand} Platinum card: {pct}% cashback for {n} months. Apply: {url}",
                  "0% on balance transfers for {n2} months - you're pre-qualified. {url}"],
             subj=["You're pre-qualified", "0% for {n2} months"],
             mail=["You've been pre-qualified for the {brand} Platinum card with 0% on balance transfers for {n2} months and {pct}% cashback. Apply by {day}: {url}"]),
        dict(agent=True,
             sms=["It's {agent}. Our members made {pct}% last month on the signals group - join here: {url}",
                  "{agent} here, crypto signals are free this week only, message me on WhatsApp {tel}",
                  "{agent} from {brand}: debts getting on top of you? We can freeze interest and cut payments. {tel}"],
             subj=["{pct}% returns last month"],
             mail=["I'm {agent} from {brand}. Last month our members made {pct}% following our trading signals. The group is free to join this week only: {url}"]),
        dict(sms=["{brand}: save for your child's future - {jisa} from {cur}{n}0/month. {url}",
                  "Easy-access savings at {rate}% AER, new customers only. {brand} {url}"],
             subj=["Start a {jisa} today", "{rate}% AER easy access"],
             mail=["It's never too early to save for your child. Open a {brand} {jisa} from just {cur}{n}0 a month, or earn {rate}% AER on easy access savings: {url}"]),
    ],
    "education": [
        dict(sms=["{brand}: sensory & music classes for babies 0-12m. Free trial class {day}, {n2} spaces left! {url}",
                  "Baby massage & sensory play at {brand} {district}. First class free: {tel}"],
             subj=["Free baby class {day}", "Only {n2} spaces left"],
             mail=["{brand} runs sensory, music and massage classes for babies from birth to 12 months in {district}. Try your first class free on {day} - only {n2} spaces left: {url}"]),
        dict(sms=["{brand}: secure your nursery place now - {n}-month waiting list. Open morning {day}. {url}",
                  "{brand} nursery {district}: 30 funded hours available. Book a visit: {tel}"],
             subj=["Nursery open morning {day}", "Secure your nursery place"],
             mail=["Places at {brand} nursery in {district} are filling fast. Join us for an open morning on {day} and reserve a place for your little one: {url}"]),
        dict(sms=["Earn an MBA online with {brand} - {pct}% scholarship if you apply by {day}. {url}",
                  "{brand}: part-time Masters, study around work. Info webinar {day}. {url}"],
             subj=["{pct}% scholarship - apply by {day}", "Study around work"],
             mail=["{brand}'s online MBA lets you study around your job. Apply by {day} for a {pct}% scholarship. Join our info webinar: {url}"]),
        dict(agent=True,
             sms=["It's {agent} from {brand} - great to chat at the fair! Shall we book your free profile assessment?",
                  "{agent} from {brand} here. UK/US/Canada applications open now, happy to help with your shortlist. {tel}",
                  "Just following up - {agent} at {brand}. Deadline for the January intake is {day}."],
             subj=["Your study abroad shortlist", "January intake deadline"],
             mail=["I'm {agent}, an education consultant with {brand}. Applications for the next intake are open and I've drafted a shortlist of programmes that fit your background. Book a free profile assessment: {tel}"]),
        dict(sms=["{brand}: become a software developer in 12 weeks. Payment plans available. Taster {day}: {url}",
                  "Career change? {brand} bootcamp, {n2} places left for the next cohort. {url}"],
             subj=["Become a developer in 12 weeks", "{n2} places left"],
             mail=["{brand} turns beginners into junior developers in 12 weeks. Join a free taster session on {day}: {url}"]),
        dict(sms=["{brand}: 1-to-1 maths & English tutoring, first lesson free. {url}",
                  "11+ preparation with {brand}, summer courses filling fast. {tel}"],
             subj=["First tutoring lesson free"],
             mail=["{brand} provides qualified 1-to-1 tutors in maths and English. Your first lesson is free: {url}"]),
    ],
    "automotive": [
        dict(sms=["{brand}: your {model} is due its first service. Book before {day} for {pct}% off: {tel}",
                  "Service plan for your {model} from {cur}{n}9/month - {brand}. {url}"],
             subj=["Your {model} is due a service", "{pct}% off your first service"],
             mail=["Our records show your {model} is approaching its first service. Book with {brand} before {day} and save {pct}%: {url}"]),
        dict(sms=["New {model} from {cur}{n}99/month, 0% deposit. Test drive {day} and get {gift}. {brand}",
                  "{brand}: up to {cur}{n},000 part-exchange bonus on the new {model}. {url}"],
             subj=["New {model} from {cur}{n}99/month", "Part-exchange bonus up to {cur}{n},000"],
             mail=["The new {model} is here from {cur}{n}99 a month with 0% deposit. Book a test drive for {day} and receive {gift}: {url}"]),
        dict(agent=True,
             sms=["We buy any car - your {model} could be worth {cur}{wan},{n}00 today. Free collection. {tel}",
                  "{agent} from {brand} here. We'd pay more than the dealer for your {model}, cash same day.",
                  "Still thinking of selling your car? {agent} at {brand}, {tel}"],
             subj=["Your {model} valuation: {cur}{wan},{n}00"],
             mail=["Your {model} could be worth {cur}{wan},{n}00 today. {brand} collects for free and pays the same day. Get your instant valuation: {url}"]),
        dict(sms=["Your manufacturer warranty is about to expire. Extend your cover with {brand}: {tel}",
                  "Final notice: extended vehicle warranty for your {model}. Call {tel}"],
             subj=["Your warranty is about to expire", "Final notice: vehicle warranty"],
             mail=["Your manufacturer's warranty may be ending soon. Protect yourself from unexpected repair bills with {brand} extended cover from {cur}{n}9 a month: {tel}"]),
        dict(sms=["{brand}: ceramic coating & paint protection for new cars, {pct}% off until {day}. {url}",
                  "Keep your new car showroom-fresh: {brand} full valet {cur}{n}9. {tel}"],
             subj=["Paint protection: {pct}% off"],
             mail=["Protect your new car's paintwork with {brand} ceramic coating - {pct}% off until {day}: {url}"]),
        dict(sms=["{mot} due? {brand}: {mot} + service {cur}{price}, free collection in {district}. {url}",
                  "{brand}: tyres fitted at home, {pct}% off a set of 4. {tel}"],
             subj=["{mot} + service {cur}{price}"],
             mail=["{brand} offers {mot} and service for {cur}{price}, with free collection and delivery in {district}: {url}"]),
    ],
    "healthcare": [
        dict(sms=["{brand}: postnatal physio & mummy MOT, free 15-min assessment for new mums. {tel}",
                  "Diastasis recti check at {brand}, {pct}% off for new mums this month. {url}"],
             subj=["Free postnatal assessment", "{pct}% off for new mums"],
             mail=["The first months after birth are the best time to rebuild your core. {brand} offers a free 15-minute postnatal assessment and {pct}% off courses for new mums: {url}"]),
        dict(sms=["{brand}: full health MOT {cur}{price}, {n2} tests, results in 48h. {url}",
                  "{brand} heart & cholesterol check {cur}{n}9 this month only. {tel}"],
             subj=["Full health check {cur}{price}", "Heart check {cur}{n}9 this month"],
             mail=["Know your numbers: {brand} health MOT includes {n2} tests with results in 48 hours, for {cur}{price}. Book: {url}"]),
        dict(sms=["{brand}: anti-wrinkle treatment {cur}{price}, free consultation, {day} only. {url}",
                  "Lip filler from {cur}{price} at {brand}. Book by {day} for {gift}. {tel}"],
             subj=["Free consultation {day}", "Treatments from {cur}{price}"],
             mail=["{brand} offers anti-wrinkle treatments from {cur}{price} with a free consultation. Book by {day} for {gift}: {url}"]),
        dict(sms=["{brand}: buy one get one free on vitamins & omega-3 this week. {url}",
                  "Your family's immune support: {brand} kids' multivitamins {pct}% off. {url}"],
             subj=["BOGOF on vitamins", "{pct}% off kids' vitamins"],
             mail=["This week only: buy one get one free on all {brand} vitamins and omega-3. Free delivery over {cur}20: {url}"]),
        dict(sms=["{brand}: new patients welcome, check-up & clean {cur}{n}9. {tel}",
                  "Invisible braces from {cur}{n}9/month at {brand}, free scan. {url}"],
             subj=["New patients welcome", "Free smile scan"],
             mail=["{brand} is welcoming new patients: check-up and hygiene clean for {cur}{n}9, invisible braces from {cur}{n}9 a month with a free 3D scan: {url}"]),
        dict(agent=True,
             sms=["It's {agent} from {brand}. Congratulations! We have a free postnatal check slot on {day} if you'd like it?",
                  "{agent} at {brand} here - just checking you got our info pack for new mums?",
                  "Sorry to bother you, it's {agent} from {brand}, your free assessment is still reserved."],
             subj=["Your free postnatal check"],
             mail=["I'm {agent}, a women's health physio at {brand}. We keep a few free assessment slots for new mums - there's one on {day}. Reply or call {tel}."]),
    ],
    "recruitment": [
        dict(agent=True,
             sms=["{agent} from {brand} here - I came across your CV and have a {job} role at {company}, {salary}. Open to a chat?",
                  "{agent} at {brand} here, exclusive {job} opening in {district}, {salary}. Free to talk this week? {tel}",
                  "Following up on the {job} role - the client is keen to interview this week. {agent}"],
             subj=["{job} at {company} ({salary})", "Exclusive opportunity: {job}"],
             mail=["I'm {agent}, a consultant at {brand}. I'm working with {company} on a {job} role ({salary}, hybrid, {district}) and your background looks like a strong fit. Would you be open to a quick call this week? {tel}"]),
        dict(sms=["{n} employers viewed your profile this week. {company} wants you to apply for {job}: {url}",
                  "New jobs matching your search: {job} ({salary}) + {n2} more. {url}"],
             subj=["{company} is interested in you", "{n2} new jobs match your profile"],
             mail=["Good news! {n} employers viewed your profile this week, and {company} has invited you to apply for {job} ({salary}). See your matches: {url}"]),
        dict(sms=["{brand}: earn {salary} OTE in sales, no experience needed, full training. {tel}",
                  "Be your own boss! Self-employed advisers wanted, uncapped commission. {brand} {url}"],
             subj=["Uncapped commission - no experience needed"],
             mail=["{brand} is recruiting self-employed advisers. Uncapped commission, full training, flexible hours. Earn {salary} OTE: {url}"]),
        dict(sms=["{company} HR: thanks for your application for {job}. Are you available for a call {day}?",
                  "Interview invitation from {company}: {job}, {day} 10:00. Please confirm by reply."],
             subj=["Interview invitation: {job}", "Your application to {company}"],
             mail=["Thank you for your interest in {company}. We'd like to invite you to a first interview for {job} on {day} at 10:00. Please reply to confirm."]),
        dict(sms=["Urgent: {job} contract, {district}, {salary}, immediate start. {brand} {tel}",
                  "{brand}: temp-to-perm {job}, interviews tomorrow. Reply YES"],
             subj=["Urgent: {job}, immediate start"],
             mail=["{brand} has an urgent requirement for a {job} in {district}, {salary}, immediate start. Interviews tomorrow - call {tel}."]),
        dict(sms=["Weekend promo staff wanted in {district}, {cur}{n}5/hr, paid weekly. Apply: {url}",
                  "{brand}: flexible evening work, {cur}{n}2/hr, start next week. {url}"],
             subj=["Weekend work, paid weekly"],
             mail=["We're hiring weekend promotional staff in {district}, {cur}{n}5 an hour, paid weekly. Apply online: {url}"]),
    ],
    "retail": [
        dict(sms=["{brand} member days are back: {pct}% off everything {day}. {url}",
                  "{brand}: double points this weekend + {pct}% off selected lines. {url}"],
             subj=["Member days: {pct}% off everything", "Double points this weekend"],
             mail=["Our member days are back! Enjoy {pct}% off everything on {day}, plus double points on every purchase: {url}"]),
        dict(sms=["{brand}: claim your FREE newborn box worth {cur}{n}0 - nappies, wipes & more. {url}",
                  "New baby? {brand} {pct}% off your first order of nappies + free delivery. {url}"],
             subj=["Your free newborn box", "{pct}% off nappies"],
             mail=["Congratulations! Claim your free {brand} newborn box worth {cur}{n}0, packed with nappies, wipes and samples - just pay postage: {url}"]),
        dict(agent=True,
             sms=["It's {agent} from {brand}. Your membership renewal is {pct}% off if you renew this week!",
                  "{agent} at {brand} here - we've missed you! Come back this month and get {n} weeks free.",
                  "Your free PT session is still available - {agent}, {brand} {tel}"],
             subj=["We've missed you"],
             mail=["It's {agent} from {brand}. Renew your membership this week and get {pct}% off plus {n} free personal training sessions. Any questions, call me on {tel}."]),
        dict(sms=["{brand} flash sale: up to {pct}% off for 48 hours only. {url}",
                  "{brand}: your basket is waiting - {pct}% off ends {day}. {url}"],
             subj=["Flash sale: up to {pct}% off", "Your basket is waiting"],
             mail=["48 hours only: up to {pct}% off at {brand}. Don't miss out: {url}"]),
        dict(sms=["Happy birthday from {brand}! Here's {cur}{n}0 off, valid until {day}.",
                  "{brand}: your {n}00 points expire soon - redeem for {gift}: {url}"],
             subj=["A birthday treat from {brand}", "Your points expire soon"],
             mail=["Happy birthday! Enjoy {cur}{n}0 off with {brand}, valid until {day}. Plus, your {n}00 points expire soon - redeem them for {gift}: {url}"]),
        dict(sms=["{brand}: newborn photo shoots {cur}{price}, includes {gift}. Book: {tel}",
                  "Capture the first months! {brand} baby portraits, {pct}% off this month. {url}"],
             subj=["Newborn photo shoot offer"],
             mail=["Those tiny moments pass so quickly. {brand} newborn photo shoots from {cur}{price}, including {gift}. Book: {tel}"]),
    ],
    "telecom": [
        dict(sms=["You're eligible for an upgrade! Get {n}0GB data for {cur}{n}.99/month on 5G. Reply UPGRADE",
                  "Great news: your plan can be upgraded to unlimited data for just {cur}{n} more per month. {url}"],
             subj=["You're eligible for an upgrade"], mail=["You're eligible for an upgrade: {n}0GB of 5G data for {cur}{n}.99 a month. Upgrade now: {url}"]),
        dict(sms=["You've used {pct}% of your data this month. Add a {n}GB bolt-on for {cur}{n}. Reply DATA",
                  "Running low on data? {n}GB bolt-on {cur}{n}, reply ADD"],
             subj=["Running low on data?"], mail=["You've used {pct}% of your monthly data. Add a {n}GB bolt-on for {cur}{n}: {url}"]),
        dict(sms=["Full fibre is now available in {district}! {brand} 900Mb from {cur}{n}5/month, free install. {tel}",
                  "{brand}: your broadband contract may be ending. Switch to full fibre, {n} months half price. {url}"],
             subj=["Full fibre is here", "{n} months half price"],
             mail=["Full fibre has arrived in {district}. {brand} 900Mb broadband from {cur}{n}5 a month with free installation: {url}"]),
        dict(sms=["{brand}: SIM-only {n}0GB for {cur}{n}, 12 months, keep your number. {url}",
                  "Switch to {brand} and get {n} months free. {url}"],
             subj=["SIM-only {n}0GB for {cur}{n}"], mail=["Switch to {brand} SIM-only: {n}0GB for {cur}{n} a month and keep your number: {url}"]),
        dict(sms=["New phone for {cur}0 upfront? Upgrade today and get {gift}. Reply PHONE",
                  "Trade in your old phone for up to {cur}{n}00 credit this week. {url}"],
             subj=["{cur}0 upfront upgrade"], mail=["Upgrade to the latest phone for {cur}0 upfront and get {gift}: {url}"]),
        dict(sms=["As a loyal customer, enjoy {n} months of streaming on us. Claim: {url}",
                  "Free speed boost available for your broadband. Reply BOOST"],
             subj=["A thank-you for loyal customers"], mail=["Thanks for being with us. Claim {n} months of streaming on us: {url}"]),
    ],
}

JOB_SCAM = [
    dict(sms=["Hi, we saw your CV. Remote part-time job, {cur}{price}/day, 1-2 hours. Contact on WhatsApp {tel}",
              "Flexible online work, earn {cur}{price}-{cur}{price}0 daily. WhatsApp {tel}"],
         subj=["Remote job opportunity - {cur}{price}/day"], mail=["We reviewed your CV and would like to offer you a flexible remote role paying {cur}{price} a day. Contact our HR on WhatsApp: {tel}"]),
    dict(sms=["{company} is hiring app reviewers: earn {cur}{n} per task, paid daily. Register: {url}",
              "Like & review products from home, {cur}{n}0+ per day. {url}"],
         subj=["App reviewers wanted"], mail=["Earn {cur}{n} per task reviewing apps from home, paid daily. Register: {url}"]),
    dict(sms=["Congratulations, you passed the {company} screening! Please pay {cur}{price} for your equipment pack to start.",
              "{company} onboarding: training fee {cur}{price}, refunded after first payslip. {tel}"],
         subj=["Offer of employment: {company}"], mail=["Congratulations! You have been selected for a remote role at {company}. Please pay {cur}{price} for your equipment pack to begin onboarding: {tel}"]),
    dict(sms=["Customer service roles overseas, {cur}{wan},000/month, flights & housing paid. {tel}",
              "Urgent hiring abroad, no experience, {cur}{wan},000 per month. WhatsApp {tel}"],
         subj=["Overseas roles - flights paid"], mail=["We are hiring customer service staff overseas: {cur}{wan},000 per month, flights and accommodation paid. WhatsApp {tel}"]),
    dict(sms=["Your application with {company} was successful. Complete onboarding and upload your ID here: {url}",
              "Final step: enter your bank details for payroll at {url}"],
         subj=["Onboarding: upload your documents"], mail=["Your application with {company} was successful. Please complete onboarding and upload photo ID and bank details: {url}"]),
]

FRAUD_BLAST = [
    dict(call=True, sms=["{express}: your parcel is held due to unpaid postage of {cur}1.{n}9. Pay now: {url}",
                         "{express}: we missed you. Reschedule your delivery at {url}"]),
    dict(sms=["{taxauth}: you are due a tax refund of {cur}{price}.{n}2. Claim before {day}: {url}",
              "{taxauth}: final notice of outstanding tax. Avoid penalties: {url}"]),
    dict(call=True, sms=["{bank} fraud team: a payment of {cur}{price}.00 to {platform} was attempted. If not you call {tel}",
                         "{bank}: your account has been locked after unusual activity. Verify at {url}"]),
    dict(sms=["Hi Mum, I dropped my phone, this is my new number. Can you text me on WhatsApp?",
              "Hi Dad it's me, new phone, can you send me a message when you see this x"]),
    dict(sms=["{toll}: you have an unpaid toll of {cur}{n}.{n}0. Pay by {day} to avoid a penalty: {url}",
              "Your vehicle has an outstanding parking charge. Pay at {url}"]),
    dict(call=True, sms=["{platform}: your account will be charged {cur}{price}.99 for your annual plan. Call {tel} to cancel",
                         "{platform}: we could not process your payment. Update your details: {url}"]),
    dict(sms=["You've won {shows}! Claim your {cur}{price},000 prize: {url}",
              "Congratulations! Your number was selected for a free iPhone. Claim: {url}"]),
    dict(sms=["Hi, is this {randname}? Long time no see! I'm back in town, want to grab coffee?",
              "Sorry, wrong number! But you seem nice - I'm Amy, where are you based?"]),
    dict(call=True, sms=["Investment opportunity: turn {cur}250 into {cur}{wan},000 with AI trading. {url}",
                         "Bitcoin is about to explode - our members doubled their money. {url}"]),
]

HARASS = [
    dict(call=True, sms=["This is a message for {other}. Please call us urgently about an outstanding account. {tel}",
                         "We are trying to reach {other} regarding a debt. If you know them please ask them to call {tel}"]),
    dict(call=True, sms=["FINAL NOTICE for {other}: enforcement action may follow. Call {tel} today.",
                         "{other}, we have tried to contact you several times. Call {tel}"]),
    dict(call=True, sms=["Debt recovery: {other} has an overdue balance. Reply with a good time to call.",
                         "Pre-litigation notice regarding {other}. Contact {tel}"]),
]

CARRIER_OFFER = FAM["telecom"][:2] + FAM["telecom"][4:]
CARRIER_NOTICE = [
    "Your {month} bill is ready: {cur}{amt}. It will be collected by Direct Debit on or after {date}.",
    "You've used 80% of your monthly data allowance.",
    "Welcome abroad! Roaming costs {cur}2.{n}5/day in Europe. Reply STOP to block roaming.",
    "Thanks for your payment of {cur}{amt}.",
    "Your plan renews on {date}. No action needed.",
]

OLD_SPAM = [
    dict(cat="fraud", sbj=["Mailbox storage full", "Action required: verify your account"], body=["Your mailbox has reached its storage limit. Incoming messages will be rejected. Upgrade within 24 hours: {url}"]),
    dict(cat="finance", sbj=["He turned {cur}250 into {cur}{wan},000", "Secret crypto strategy"], body=["This new AI trading platform is making ordinary people rich. Spaces are limited: {url}"]),
    dict(cat="healthcare", sbj=["Doctors hate this trick", "Lose {n}kg in {n2} days"], body=["The natural supplement everyone is talking about. Limited stock: {url}"]),
    dict(cat="fraud", sbj=["Invoice #{order} overdue", "Payment confirmation #{order}"], body=["Please find your overdue invoice attached. Pay immediately to avoid collection: {url}"]),
    dict(cat="automotive", sbj=["Final notice: vehicle warranty", "Your car warranty expires"], body=["Our records show your vehicle warranty has expired or is about to. Call {tel} to reactivate your coverage."]),
    dict(cat="fraud", sbj=["You have (1) new message waiting", "Someone wants to meet you"], body=["You have a new private message. See who it is: {url}"]),
    dict(cat="retail", sbj=["{pct}% off designer watches", "Luxury brands up to {pct}% off"], body=["Top brands at wholesale prices. Free worldwide shipping: {url}"]),
]

CONTACTS = [
    ("mother", "Mum"), ("father", "Dad"), ("spouse", "Sophie"), ("spouse_f", "David"), ("sister", "Lucy"),
    ("brother", "Rob"), ("friend", "Jamie"), ("friend", "Alex"), ("friend", "Nina"),
    ("boss", "Karen (work)"), ("colleague", "Raj"), ("colleague", "Ellie Work"), ("colleague", "Pete IT"),
    ("landlord", "Neighbour Jim"), ("aunt", "Auntie Jo"),
]
FAMILY_SMS = {
    "mother": ["Are you coming for Sunday lunch?", "Did you get home ok?", "Dad says hi", "Ring me when you can",
               "How is the baby sleeping?", "Saw this and thought of you", "Don't forget Gran's birthday!"],
    "father": ["Got the money, thanks", "Car MOT is due next month, remember", "Did you see the match?"],
    "spouse": ["Can you grab milk on the way home?", "Running late, eat without me", "Home yet?", "Parked on level 2",
               "Baby's asleep, come in quietly", "Shall we look at sofas Saturday?"],
    "spouse_f": ["Outside now", "What do you want for dinner?", "Can you pick up my parcel?", "Back by 7"],
    "sister": ["Are you coming for Mum's birthday?", "Did the clothes for the baby arrive?"],
    "brother": ["Five-a-side Thursday?", "Can I borrow the drill?"],
    "friend": ["Pub later?", "Dinner Saturday, usual place?", "I'm outside", "Happy birthday!!", "Did you see that?"],
    "boss": ["Team meeting moved to 10", "Can you send me the deck before lunch?", "Client call at 3, can you join?"],
    "colleague": ["Coffee?", "Did you submit your expenses?", "Your parcel is at reception", "Room changed to 3B"],
    "landlord": ["Your bins got missed, I've reported it", "Parcel left with me for you"],
    "aunt": ["Congratulations on the new house!", "Lovely to see you at the weekend x"],
}
MY_REPLIES = ["OK", "Thanks!", "Will do", "On my way", "Call you later", "Sounds good", "Yes", "No worries", "👍"]

BANKS_GB = [("Barclays", "BARCLAYS"), ("HSBC UK", "HSBC"), ("NatWest", "NatWest"), ("Lloyds", "LLOYDS"), ("Monzo", "Monzo")]
BANKS_US = [("Chase", "33789"), ("Bank of America", "73981"), ("Wells Fargo", "93557"), ("Citi", "95686")]
BANK_SMS = [
    "{bank}: A payment of {cur}{amt} to {merchant} was made from your account ending {last4}.",
    "{bank}: Your salary of {cur}{pay} has been paid into account ending {last4}.",
    "{bank}: Your balance is {cur}{bal} as of {date}.",
    "{bank}: Your credit card statement is ready. Minimum payment {cur}{n}5.00 due {date}.",
    "{bank}: Did you try to pay {cur}{amt} at {merchant}? Reply Y or N.",
]
MERCHANTS = ["TESCO STORES", "SAINSBURYS", "AMAZON", "UBER", "DELIVEROO", "SHELL", "TFL TRAVEL", "NETFLIX", "COSTA"]
MERCHANTS_US = ["WHOLE FOODS", "AMAZON", "UBER", "DOORDASH", "SHELL", "MTA", "NETFLIX", "STARBUCKS", "TARGET"]
CODE_APPS = ["Google", "Microsoft", "WhatsApp", "Amazon", "PayPal", "Uber", "Apple", "Facebook", "Instagram", "Revolut"]
CODE_SMS = [
    "Your {app} verification code is {code}. Don't share it with anyone.",
    "G-{code} is your {app} verification code.",
    "{code} is your {app} security code. It expires in {n} minutes.",
    "Use {code} to sign in to {app}. If this wasn't you, ignore this message.",
]
DELIVERY_SMS = [
    "{express}: Your parcel will be delivered today between {time} and {time2}. Track: {url}",
    "{express}: {courier} is your driver today, expected {time}.",
    "{express}: Your parcel was delivered to {place}.",
    "Your order has been dispatched with {express} and will arrive {day}.",
]
DELIVERY_PLACES = ["your safe place", "your neighbour at No. 12", "your front door", "the parcel locker", "reception"]
SERVICE_SMS = [
    ("GPsurgery", "Reminder: your appointment at Oak Lane Surgery is on {date} at {time}. Reply CANCEL to cancel."),
    ("Trainline", "Your e-ticket for {date} is ready. Coach {n}, seat {n2}."),
    ("Uber", "Your Uber receipt: {cur}{amt}. Thanks for riding."),
    ("Council", "Reminder: your bin collection changes to {day} next week."),
    ("Dentist", "Reminder: dental check-up {date} {time}. Reply Y to confirm."),
]

SRC_LEGIT = {
    "property": ["{kw} Estates Management: water will be off on {date} 9am-1pm for maintenance.",
                 "{kw}: your service charge invoice for {month} is available in the residents' portal.",
                 "{kw}: completion documents are ready to collect from the sales office."],
    "automotive": ["{kw}: your new registration documents are ready to collect.",
                   "{kw}: your service is booked for {date}."],
    "healthcare": ["{kw}: reminder - your baby's 6-week check is on {date}.",
                   "{kw}: please book your postnatal appointment via the patient portal."],
    "recruitment": ["{kw}: your verification code is {code}.", "{kw}: {company} viewed your application."],
    "insurance": ["{kw}: your quote reference {order} is valid for 30 days."],
    "retail": ["{kw}: your class booking for {date} is confirmed.", "{kw}: welcome! Your membership number is {order}."],
    "education": ["{kw}: thanks for visiting! Download the exhibitor guide: {url}"],
    "renovation": ["{kw}: your design appointment on {date} is confirmed."],
    "telecom": ["{kw}: your installation is confirmed for {date}."],
}

LEGIT_MAIL = [
    dict(kind="bank", name="Sterling Bank", local="statements", domain="sterling-bank.co", unsub=False,
         subj=["Your {month} statement is ready", "Your credit card statement"],
         body=["Dear {full},\n\nYour statement for the account ending {last4} is now available in online banking. Statement balance: {cur}{bill}. Minimum payment {cur}{minpay}, due {date}.\n\nSterling Bank"]),
    dict(kind="work", name="{colleague}", local="{colleague_py}", domain="{workdomain}", unsub=False,
         subj=["Weekly update", "Re: project timeline", "Notes from today's meeting", "Travel next week", "Fwd: quote", "Q{n} budget"],
         body=["Hi {first},\n\nAttached is this week's update - shout if anything looks off.\n\nThanks,\n{colleague}",
               "Hi all,\n\nActions from today:\n1. Go with option B\n2. Test report by Wednesday\n3. Budget pending finance\n\nFrom now on please put the project code in the subject line.\n\n{colleague}",
               "Hi {first}, the client sent more changes, summary below. Can we go through it tomorrow morning?\n\n{colleague}"]),
    dict(kind="newsletter", name="The Weekend Read", local="hello", domain="weekendread.co", unsub=True,
         subj=["The Weekend Read #{n2}{n}: {n} things worth your time", "Books for the long weekend"],
         body=["This week:\n1. The slow city\n2. An editor's reading list\n3. How to build a reading habit\n\nRead online: {url}\n\nFrom all of us here, have a lovely weekend."]),
    dict(kind="shop", name="Parcel Market", local="no-reply", domain="parcelmarket.co", unsub=False,
         subj=["Your order {order} has shipped", "Delivered: order {order}", "Order confirmation {order}"],
         body=["Hi {first},\n\nYour order {order} has been dispatched with {express}. Tracking number {code}{code4}. Estimated delivery {date}.\n\nTrack it: {url}"]),
    dict(kind="family", name="{relname}", local="{rel_py}", domain="example.net", unsub=False,
         subj=["Photos", "Christmas plans", "Fwd: recipe", "Baby pics!"],
         body=["Here are the photos from Sunday, pick a few to print?", "We're thinking of coming on the 27th - does that work?", "Thought you'd like this one."]),
    dict(kind="travel", name="Trip Booking", local="bookings", domain="tripbooking.co", unsub=False,
         subj=["Booking confirmed: {date}", "Your hotel reservation"],
         body=["Dear {full}, your booking {order} is confirmed for {date}. Please arrive 2 hours before departure."]),
]
WORK_DOMAINS = ["corp.example.co.uk", "mail.example-tech.com", "example-group.com"]

CALL_TYPE = {"in": "incoming", "missed": "missed", "rejected": "rejected", "blocked": "blocked", "out": "outgoing"}
TAGS = {
    "property": ["Telemarketer", "Suspected spam"], "renovation": ["Telemarketer", "Suspected spam"],
    "insurance": ["Telemarketer", "Suspected spam"], "finance": ["Telemarketer", "Spam"],
    "education": ["Telemarketer"], "automotive": ["Telemarketer", "Spam"], "healthcare": ["Telemarketer"],
    "recruitment": ["Telemarketer"], "retail": ["Telemarketer"], "telecom": ["Telemarketer"],
    "fraud": ["Scam Likely", "Potential fraud", "Spam"], "harassment": ["Debt collector", "Spam"], "courier": ["Delivery"],
}
NOTES = {
    "property": ["estate agent - asked if selling", "agent again", "lettings company"],
    "renovation": ["windows sales", "solar cold call - how did they know we just moved?", "kitchen sales"],
    "insurance": ["insurance sales", "life cover - knew about the baby", "car insurance renewal pitch"],
    "finance": ["loan sales", "remortgage broker", "crypto guy"],
    "education": ["nursery", "study abroad agency", "MBA sales"],
    "automotive": ["we buy any car", "warranty robocall", "dealer service upsell"],
    "healthcare": ["postnatal physio sales", "health check sales"],
    "recruitment": ["recruiter", "agency recruiter"], "retail": ["gym renewal"], "telecom": ["broadband sales"],
    "fraud": ["SCAM - pretended to be bank", "scam", "fake delivery", "don't answer"],
    "harassment": ["debt collector, wrong person", "debt collector"], "legit": ["delivery", "plumber", "doctor's surgery"],
}


def readable_date(dt, region="GB"):
    if region == "US":
        h12 = dt.hour % 12 or 12
        return f"{dt:%b} {dt.day}, {dt.year} {h12}:{dt.minute:02d}:{dt.second:02d} {'AM' if dt.hour < 12 else 'PM'}"
    return f"{dt.day} {dt:%b} {dt.year} {dt:%H:%M:%S}"


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fmt_day(rng, today, target, region="GB"):
    wd = WEEKDAYS[target.weekday()]
    if region == "US":
        forms = [f"{wd}, {target:%B} {target.day}", f"{target:%B} {target.day}", f"{target.month}/{target.day}"]
    else:
        forms = [f"{wd} {target.day} {target:%B}", f"{target.day} {target:%B}", f"{wd[:3]} {target.day} {target:%b}"]
    same_week = target.isocalendar()[:2] == today.isocalendar()[:2]
    if same_week and target.weekday() >= 5:
        forms += [f"this {wd}", "this weekend"]
    if (target - today).days <= 1:
        forms.append("tomorrow")
    return rng.choice(forms)


def fmt_date(d, region="GB"):
    return f"{d:%B} {d.day}" if region == "US" else f"{d.day} {d:%B}"


def _B(*xs):
    return list(xs)


FAM_META = {
    "property": [(None, None),
                 (None, _B(("Harbour Estates", "harbourestates"), ("Castle & Co Estate Agents", "castleco"), ("Oakridge Property Partners", "oakridgepp"))),
                 (None, _B(("Harbour Estates", "harbourestates"), ("Castle & Co Estate Agents", "castleco"))),
                 (None, _B(("Keystone Lettings", "keystonelets"), ("Urban Nest Lettings", "urbannest"))),
                 (None, _B(("Northfield Homes", "northfieldhomes"), ("Global Property Invest", "gpinvest")))],
    "renovation": [(None, _B(("BrightFit Kitchens", "brightfit"),)), (None, _B(("ClearView Windows", "clearviewwin"),)),
                   (None, _B(("SunPeak Solar", "sunpeak"),)), (None, _B(("Loft Masters", "loftmasters"),)),
                   (None, _B(("DriveRight Paving", "driveright"),)),
                   (None, _B(("Bathroom Direct", "bathdirect"), ("DryHome Damp Solutions", "dryhome")))],
    "insurance": [(["healthcare"], _B(("FamilyFirst Life", "familyfirst"), ("Guardian Lane Life", "guardianlane"))),
                  (["automotive", "insurance"], _B(("Assure Direct", "assuredirect"), ("Shieldwell Insurance", "shieldwell"))),
                  (["property", "renovation", "insurance"], _B(("HomeSafe Cover", "homesafe"), ("Shieldwell Insurance", "shieldwell"))),
                  (None, None), (None, None), (None, None)],
    "finance": [(None, _B(("Lendwise", "lendwise"), ("Northstar Credit", "northstarcredit"))),
                (["property"], _B(("Clearpath Mortgages", "clearpath"),)),
                (["automotive"], _B(("Apex Car Finance", "apexfin"), ("Claimright Legal", "claimright"))),
                (None, _B(("Northstar Credit", "northstarcredit"), ("Sterling Card Services", "sterlingcard"))),
                (None, _B(("CoinVault Invest", "coinvault"), ("Sterling Debt Solutions", "sterlingdebt"))),
                (["healthcare", "retail", "education", "insurance"], _B(("Lendwise Savings", "lendwise"), ("Acorn Junior ISA", "acornisa")))],
    "education": [(["healthcare", "retail"], _B(("Tiny Steps Baby Classes", "tinysteps"),)),
                  (["healthcare"], _B(("Little Acorns Nursery", "littleacorns"),)),
                  (["recruitment", "education"], _B(("Westbridge Online MBA", "westbridge"),)),
                  (["education"], _B(("Global Pathways", "globalpathways"),)),
                  (["recruitment", "education"], _B(("CodeForge Bootcamp", "codeforge"),)),
                  (["education"], _B(("Bright Minds Tutoring", "brightminds"),))],
    "automotive": [(None, _B(("Riverside Motors", "riversidemotors"), ("CarCare Plus", "carcareplus"))),
                   (None, _B(("Riverside Motors", "riversidemotors"),)), (None, _B(("WeBuyAnyMotor", "webuyanymotor"),)),
                   (None, _B(("AutoShield Warranty", "autoshield"),)), (None, _B(("Prestige Detailing", "prestigedetail"),)),
                   (None, _B(("CarCare Plus", "carcareplus"),))],
    "healthcare": [(["healthcare"], _B(("MamaCare Postnatal", "mamacare"), ("BalanceWell Physio", "balancewell"))),
                   (None, _B(("Vitality Health Screening", "vitalityscreen"),)),
                   (["retail"], _B(("Radiance Aesthetics", "radianceclinic"),)),
                   (None, _B(("NatureCore Supplements", "naturecore"),)), (None, _B(("SmileBright Dental", "smilebright"),)),
                   (["healthcare"], _B(("MamaCare Postnatal", "mamacare"), ("BalanceWell Physio", "balancewell")))],
    "recruitment": [(None, _B(("Talent Bridge Recruitment", "talentbridge"), ("Apex Search Partners", "apexsearch"), ("NorthPeak Executive", "northpeakexec"))),
                    (None, _B(("HireStream", "hirestream"),)),
                    (None, _B(("Guardian Lane Life", "guardianlane"), ("Meridian Staffing", "meridianstaff"))),
                    (None, _B(("Meridian Staffing", "meridianstaff"),)),
                    (None, _B(("Meridian Staffing", "meridianstaff"), ("HireStream", "hirestream"))),
                    (None, _B(("PromoCrew", "promocrew"),))],
    "retail": [(None, _B(("ShopSmart Club", "shopsmart"), ("MegaMart Rewards", "megamart"))),
               (["healthcare"], _B(("BabyBloom", "babybloom"), ("Little Sprouts Box", "littlesprouts"))),
               (["retail"], _B(("FlexGym", "flexgym"),)),
               (None, _B(("ShopSmart Club", "shopsmart"), ("MegaMart Rewards", "megamart"))),
               (None, _B(("MegaMart Rewards", "megamart"), ("ShopSmart Club", "shopsmart"))),
               (["healthcare"], _B(("Snapshot Studios", "snapshotstudios"),))],
    "telecom": [(None, _B(("Nova Mobile", "novamobile"),)), (None, _B(("Nova Mobile", "novamobile"),)),
                (None, _B(("SwiftNet Broadband", "swiftnet"), ("LightSpeed Fibre", "lightspeedfibre"))),
                (None, _B(("Nova Mobile", "novamobile"),)), (None, _B(("Nova Mobile", "novamobile"),)),
                (None, _B(("SwiftNet Broadband", "swiftnet"),))],
}
