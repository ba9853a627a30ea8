"""Letters with known facts, their faithful Easy Read rewrites (written by hand), and
planted mistakes for the fact lock: each mistake loses, changes or invents one fact."""

COUNCIL_TAX = """Our records show that you have not paid the instalment of £142.50 that was due on 1st March 2025 for your Council Tax.

You must pay the amount shown within seven days of the date of this notice. If you pay the £142.50 by 10 March 2025, you can carry on paying by instalments.

If you do not pay, the full balance for the year of £1,425.00 will become due and we may apply for a liability order, which will add costs of £85.00 to your account.

You can pay online at www.northbridge.gov.uk/paycounciltax or by phoning 0161 496 0199. Your account number is 40018837."""

COUNCIL_TAX_EASY = """You have not paid £142.50 of your council tax.
This money was due on 1 March 2025.
Please pay within 7 days.
If you pay £142.50 by 10 March 2025, you can keep paying each month.
If you do not pay, you must pay £1,425 for the whole year.
We may ask a court for a liability order.
This would cost you £85 more.
You can pay at www.northbridge.gov.uk/paycounciltax.
You can phone 0161 496 0199 to pay.
Your account number is 40018837."""

HOUSING_REPAIR = """We have booked a repair to the damp in your bathroom. Our surveyor will visit on Tuesday 22 April 2025 between 8am and 12 noon.

If nobody is at home, we will charge a missed appointment fee of £40.00. To change the date, please call 0113 496 0540 at least 24 hours before.

You can report other repairs at www.eastfield.gov.uk/repairs. We aim to finish the work within 28 days. Your repair reference is RR-2025-31177."""

HOUSING_REPAIR_EASY = """We will fix the damp in your bathroom.
A worker will come on Tuesday 22 April 2025.
They will come between 8am and midday.
If you are not at home, you must pay £40.
To change the day, phone 0113 496 0540.
Phone at least 24 hours before.
You can tell us about other repairs at www.eastfield.gov.uk/repairs.
We will try to finish the work within 28 days.
Your repair number is RR-2025-31177."""

CARE_ASSESSMENT = """A social worker will visit you on Thursday 15 May 2025 at 2pm to carry out a needs assessment. The visit will last about 90 minutes.

We will write to you with our decision within 20 working days. If you need to rearrange, contact us on 0117 496 0712 or email asc.referrals@riverside.gov.uk, quoting reference ASC/NA/209341."""

CARE_ASSESSMENT_EASY = """A social worker will visit you on 15 May 2025.
They will come at 2pm.
The visit will take about 1 and a half hours.
We will write to you within 20 working days.
To change the visit, phone 0117 496 0712.
Or email asc.referrals@riverside.gov.uk.
Tell us your reference number, ASC/NA/209341."""

APPOINTMENT = """Your housing options appointment is on Wednesday 18 June 2025 at 10.30am at the Civic Centre. The appointment will last one hour.

Please bring proof of income for the last two months. If you cannot come, call 0161 496 0355. If you are homeless tonight, call 0161 496 0999. Your reference is HO/25/01742. You can appeal within 21 days of our decision."""

APPOINTMENT_EASY = """You have a meeting about housing on 18 June 2025.
The meeting is at 10:30am at the Civic Centre.
It will last 1 hour.
Please bring papers that show your money for the last 2 months.
If you cannot come, phone 0161 496 0355.
If you have nowhere to sleep tonight, phone 0161 496 0999.
Your reference number is HO/25/01742.
You can appeal within 21 days of our decision."""

LETTERS = {
    "council_tax": (COUNCIL_TAX, COUNCIL_TAX_EASY),
    "housing_repair": (HOUSING_REPAIR, HOUSING_REPAIR_EASY),
    "care_assessment": (CARE_ASSESSMENT, CARE_ASSESSMENT_EASY),
    "appointment": (APPOINTMENT, APPOINTMENT_EASY),
}

# (letter, what the mistake is, old text in the faithful rewrite, new text, expected outcome, fact kind)
PLANTED = [
    ("council_tax", "lost money", "This would cost you £85 more.\n", "", "lost", "money"),
    ("council_tax", "changed date", "1 March 2025", "11 March 2025", "changed", "date"),
    ("council_tax", "changed duration", "within 7 days", "within 14 days", "changed", "duration"),
    ("council_tax", "changed money", "£85 more", "£58 more", "changed", "money"),
    ("council_tax", "changed url", "paycounciltax", "paycounciltaxes", "changed", "url"),
    ("council_tax", "lost phone", "You can phone 0161 496 0199 to pay.\n", "", "lost", "phone"),
    ("council_tax", "changed reference", "40018837", "40018873", "changed", "reference"),
    (
        "council_tax",
        "invented phone",
        "Please pay within 7 days.",
        "Please pay within 7 days. Call 0161 496 0100 for help.",
        "invented",
        "phone",
    ),
    ("housing_repair", "changed time", "between 8am and midday", "between 9am and midday", "changed", "time"),
    ("housing_repair", "lost money", "If you are not at home, you must pay £40.\n", "", "lost", "money"),
    ("housing_repair", "changed phone", "0113 496 0540", "0113 496 0450", "changed", "phone"),
    (
        "housing_repair",
        "invented money",
        "We will fix the damp in your bathroom.",
        "We will fix the damp in your bathroom. It costs £25.",
        "invented",
        "money",
    ),
    ("housing_repair", "lost deadline", "within 28 days", "soon", "lost", "duration"),
    ("care_assessment", "changed weekday date", "15 May 2025", "16 May 2025", "changed", "date"),
    (
        "care_assessment",
        "changed email",
        "asc.referrals@riverside.gov.uk",
        "asc.referral@riverside.gov.uk",
        "changed",
        "email",
    ),
    ("care_assessment", "changed working days", "20 working days", "20 days", "changed", "duration"),
    (
        "care_assessment",
        "invented date",
        "They will come at 2pm.",
        "They will come at 2pm. We will phone you on 12 May 2025.",
        "invented",
        "date",
    ),
    ("appointment", "lost right", "You can appeal within 21 days of our decision.", "", "lost", "right"),
    ("appointment", "changed time", "10:30am", "11:30am", "changed", "time"),
    (
        "appointment",
        "invented url",
        "Your reference number is HO/25/01742.",
        "Your reference number is HO/25/01742. Read more at www.northbridge.gov.uk/housing.",
        "invented",
        "url",
    ),
    ("appointment", "changed number of months", "last 2 months", "last 3 months", "changed", "duration"),
]
