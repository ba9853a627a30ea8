"""Alt text: a few plain words saying what a picture shows.

OpenMoji pictures get theirs from the emoji's CLDR short name ("telephone
receiver" -> "Telephone receiver"), with British words and a few clearer names
where the CLDR name is odd for an Easy Read reader.
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

_WORDS = {"automobile": "car", "wrench": "spanner", "wastebasket": "bin", "e-mail": "email", "cellphone": "mobile phone"}


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
