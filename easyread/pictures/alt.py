"""Alt text: a few plain words saying what a picture shows, or what it means beside a point.

OpenMoji pictures get theirs from the emoji's CLDR short name ("telephone
receiver" -> "Telephone receiver"), with British words and a few clearer names
where the CLDR name is odd for an Easy Read reader. Beside a point, a picture
chosen for an idea says what it means there (`alt_for_point`: "Money you need to
pay", not "Pound notes"), because that is what a screen reader user needs to hear.
"""

from __future__ import annotations

import re

# Where the CLDR name would puzzle a reader or is American English.
ALT_BY_ID = {
    "1F4B7": "Pound notes",
    "1FA99": "Coin",
    "1F4B0": "Bag of money",
    "1F4B8": "Money flying away",
    "260E": "Telephone",
    "1F4DE": "Telephone",
    "1F4F1": "Mobile phone",
    "1F9D1-200D-2696-FE0F": "Judge",
    "2696": "Scales of justice",
    "1F3DB": "Court building",
    "1F9D1-200D-2695-FE0F": "Doctor",
    "2709": "Letter in an envelope",
    "1F6E0": "Hammer and spanner",
    "1F527": "Spanner",
    "1F5D1": "Bin",
    "267B": "Recycling symbol",
    "1F697": "Car",
    "1F17F": "Parking sign",
    "267F": "Wheelchair symbol",
    "1FAF6": "Hands making a heart",
    "1F4E7": "Email",
    "1F5F3": "Ballot box",
    "1FAAA": "Identity card",
    "1F3D7": "Building work",
    "1F5E3": "Person speaking",
    "23F3": "Hourglass",
    "23F0": "Clock",
    "1F4DD": "Paper and pencil",
    "1F4CB": "Clipboard",
    "1F6AB": "Not allowed sign",
    "26D4": "No entry sign",
    "2753": "Question mark",
    "2714": "Tick",
    "26A0": "Warning sign",
    "1F4E9": "Letter being sent",
    "1F4AC": "Speech bubble",
    "1F37D": "Plate, knife and fork",
    "1F4A7": "Drop of water",
    "1F525": "Flame",
    "1F50A": "Loud sound",
    "1F4B3": "Bank card",
    "1F310": "Internet",
    "270D": "Hand writing",
    "1F3E2": "Office building",
}

_WORDS = {
    "automobile": "car",
    "wrench": "spanner",
    "wastebasket": "bin",
    "e-mail": "email",
    "cellphone": "mobile phone",
}


def alt_for_emoji(code: str, name: str) -> str:
    """Alt text for the OpenMoji picture `code` whose CLDR short name is `name`."""
    return ALT_BY_ID.get(code) or alt_from_name(name)


def alt_from_name(name: str) -> str:
    """Plain alt text from an emoji short name such as ':telephone_receiver:'."""
    words = name.strip(":").replace("_", " ")
    words = re.sub(r"\s+", " ", words).strip()
    words = " ".join(_WORDS.get(w.lower(), w) for w in words.split(" "))
    return words[:1].upper() + words[1:] if words else "Picture"


def alt_from_filename(filename: str) -> str:
    """Alt text for a council picture that came without any: its file name, made readable."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", filename)
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Picture"


# What a picture chosen for an idea (concepts.csv) means beside a point. An idea with several
# meanings has (words in the point, meaning) pairs tried in order, its plain meaning last.
MEANING_BY_IDEA: dict[str, tuple[tuple[str, str], ...] | str] = {
    "court": "Court",
    "doctor": "Health",
    "hospital": "Hospital",
    "medicine": "Medicine",
    "bin": "Bins and rubbish",
    "recycling": "Recycling",
    "school": "School",
    "teacher": "Teacher",
    "student": "Student",
    "parking": "Parking",
    "car": "Car",
    "wheelchair": "Disability",
    "police": "Police",
    "vote": "Voting",
    "repair": "Repairs",
    "key": "Keys",
    "water": "Water or damp",
    "gas": "Gas",
    "heating": "Heating",
    "light": "Electricity",
    "hearing": "Hearing",
    "sight": "Sight",
    "id": "Proof of who you are",
    "photo": "Photo",
    "building": "Building work",
    "bus": "Travel",
    "dog": "Dogs",
    "noise": "Noise",
    "post office": "Post office",
    "bank": "Bank",
    "card": "Paying by card",
    "mobile": "Mobile phone or text",
    "phone": "Phone us",
    "email": "Email",
    "web": "Website",
    "money": (
        (r"\b(already paid|have paid|has paid)\b", "Money you have paid"),
        (
            r"\b(refund|benefit|benefits|universal credit|grant|income|pension|wage|salary|discount|reduction"
            r"|get back)\b",
            "Money you can get",
        ),
        (
            r"\b(pay|paid|paying|owe|owed|debt|arrears|bill|fee|fine|charge|cost|costs|penalty|overpa\w*|due)\b",
            "Money you need to pay",
        ),
        ("", "Money"),
    ),
    "care": "Care and support",
    "food": "Food",
    "talk": "Talking to someone",
    "office": "Council office",
    "deadline": "Time limit",
    "time": "Time",
    "date": "Date",
    "home": "Your home",
    "letter": "Letter",
    "form": "Form to fill in",
    "sign": "Sign your name",
    "family": "Family",
    "child": "Children",
    "baby": "Baby",
    "older": "Older people",
    "question": "Questions",
    "warning": "Important",
    "fair": "Your rights",
    "check": "Yes",
}


def alt_for_point(idea: str | None, text: str, fallback: str) -> str:
    """What the picture chosen for `idea` means beside the point `text`;
    `fallback` (the symbol's name) for an idea we do not know."""
    meaning = MEANING_BY_IDEA.get(idea or "")
    if meaning is None:
        return fallback
    if isinstance(meaning, str):
        return meaning
    for pattern, words in meaning:
        if not pattern or re.search(pattern, text, re.IGNORECASE):
            return words
    return fallback
