"""Word lists the rules use. Kept in Python so they install with the package."""

# Idioms and metaphors found in council letters; a reader may take them word for word.
IDIOMS = (
    "a drop in the ocean", "a piece of cake", "at the end of the day", "at your earliest convenience",
    "back to square one", "ball is in your court", "bear in mind", "beat around the bush", "behind the scenes",
    "bite the bullet", "break the ice", "by and large", "call it a day", "cut corners", "cut to the chase",
    "drop us a line", "fall through the cracks", "few and far between", "fill in the gaps", "from scratch",
    "get the ball rolling", "get to grips with", "give us a ring", "go the extra mile", "hit the ground running",
    "in a nutshell", "in due course", "in the dark", "in the long run", "in the pipeline", "keep an eye on",
    "keep in touch", "keep you in the loop", "last resort", "learning curve", "light at the end of the tunnel",
    "look into", "make ends meet", "move the goalposts", "nip it in the bud", "no stone unturned", "off the top of",
    "on board", "on the back burner", "on the same page", "on the ball", "out of pocket", "over the moon",
    "pull your weight", "put on hold", "raise the bar", "red tape", "rule of thumb", "safety net",
    "sit tight", "slip through the net", "step up", "take stock", "the bottom line", "think outside the box",
    "touch base", "under the weather", "up in the air", "water under the bridge", "weigh up", "with a view to",
    "get back on track", "fall behind", "run out of", "bring forward", "going forward",
)

ABBREVIATIONS = r"\b(?:e\.g\.|eg\b|i\.e\.|ie\b|etc\b\.?|approx\b\.?|viz\b\.?|cf\b\.?|w/c\b|a\.s\.a\.p\.|asap\b|pls\b|info\b)"
ABBREVIATIONS_CASED = r"\b(?:N\.?B\.?|P\.?S\.?|ASAP|Pls|Tel|Ref|No\.(?=\s?\d))(?![\w])"

# Acronyms most UK readers know; GOV.UK does not ask for these to be explained.
KNOWN_ACRONYMS = frozenset({"UK", "NHS", "TV", "OK", "BBC", "ID", "PIN"})
