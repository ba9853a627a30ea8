"""Every setting of easyread, declared once with its default type and help text (`easyread.config` resolves them).

Here on its own so the declarations read as one list; `easyread.config` loads and checks the values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: Callable[[str], Any] = str


def _bool(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def _default_instance_path() -> str:
    return str(Path.cwd() / "instance")


SETTINGS: list[Setting] = [
    # --- service ---
    Setting(
        "INSTANCE_PATH",
        "",
        "Folder for the database, the secret key, the config file easyread.toml and uploaded letters. Empty means ./instance in the current folder. (The model and picture caches are shared per machine: see MODEL_CACHE and SYMBOL_CACHE.)",
        str,
    ),
    Setting(
        "DATABASE_URL",
        "",
        "SQLAlchemy database URL. Empty means a SQLite file easyread.db in the instance folder. PostgreSQL works too: install easyread[postgres] and use postgresql+psycopg://user:pass@host/db (tested against PostgreSQL 15).",
        str,
    ),
    Setting(
        "SECRET_KEY",
        "",
        "Key that signs session cookies. Empty means a random key made once and kept in the instance folder.",
        str,
    ),
    Setting("HOST", "127.0.0.1", "Address `easyread serve` listens on.", str),
    Setting("PORT", 5000, "Port `easyread serve` listens on.", int),
    Setting("COUNCIL_NAME", "Your council", "Council name shown in the page header and written into documents.", str),
    Setting(
        "COUNCIL_LOGO",
        "",
        "Path to the council's logo (a PNG, SVG or JPEG file), shown in the page header beside the council's name. Empty means the name only.",
        str,
    ),
    Setting(
        "ACCESSIBILITY_CONTACT",
        "",
        "Email address people can use to report an accessibility problem with this service, shown on its accessibility statement. Empty means 'contact the council'.",
        str,
    ),
    Setting(
        "COOKIE_SECURE",
        True,
        "Mark the sign-in cookie Secure, so browsers only send it over HTTPS (they also accept it on http://localhost and http://127.0.0.1). Turn off only to reach the service over plain HTTP on a trusted network.",
        bool,
    ),
    Setting(
        "SESSION_LIFETIME_MINUTES",
        480,
        "How long, in minutes, a person stays signed in before they must sign in again.",
        int,
    ),
    Setting(
        "LOGIN_MAX_FAILURES",
        5,
        "Wrong passwords (or reviewer codes) in a row for one account before each further try must wait: 1 second, then 2, 4, 8 ... up to LOGIN_LOCKOUT_MINUTES. The right password still works once the wait is over.",
        int,
    ),
    Setting(
        "LOGIN_LOCKOUT_MINUTES",
        15,
        "The longest wait, in minutes, between sign-in tries after many wrong passwords or codes.",
        int,
    ),
    Setting(
        "LOGIN_ADDRESS_MAX_FAILURES",
        50,
        "Wrong passwords or codes from one client address (for any accounts) before each further try from it must wait, as for LOGIN_MAX_FAILURES. Failures are forgotten after 24 hours without a new one.",
        int,
    ),
    # --- input limits ---
    Setting("MAX_UPLOAD_MB", 20, "Largest file, in megabytes, that can be uploaded or converted.", int),
    Setting("MAX_PAGES", 100, "Largest number of pages a PDF may have.", int),
    Setting(
        "MAX_UNCOMPRESSED_MB",
        200,
        "Largest total size, in megabytes, of the files inside a DOCX once unzipped (guards against zip bombs).",
        int,
    ),
    Setting(
        "MAX_WORDS", 20000, "Largest number of words in one letter. Longer documents are refused with a message.", int
    ),
    Setting(
        "MAX_CHARS",
        300000,
        "Largest number of characters in one letter. Longer documents are refused with a message. Values over 999,999 count as 999,999 (the language parser's limit).",
        int,
    ),
    Setting(
        "MAX_WORD_CHARS",
        200,
        "Longest word, in characters, a letter may have (a web address counts as one word). A letter with a longer word is refused: it is a damaged file or not a letter.",
        int,
    ),
    Setting(
        "MAX_LINE_CHARS",
        10000,
        "Longest paragraph or line, in characters, a letter may have. A letter with a longer one is refused with a message asking to split it.",
        int,
    ),
    Setting(
        "JOB_TIME_LIMIT_SECONDS",
        1800,
        "Longest time, in seconds, the checks and the rewriter may spend on one letter's job before it fails with a message (the worker then takes the next job). 0 means no limit.",
        int,
    ),
    # --- output ---
    Setting("FONT", "Arial", "Sans-serif font for Easy Read documents (Word, PDF and HTML).", str),
    Setting("FONT_SIZE_PT", 16, "Body text size in points for Easy Read documents.", int),
    Setting("HEADING_SIZE_PT", 22, "Heading size in points for Easy Read documents.", int),
    Setting("PICTURE_SIZE_CM", 3.5, "Width of the picture beside each point, in centimetres.", float),
    Setting(
        "FORMATS", "docx,html,pdf,txt", "Output formats `easyread convert` writes when --format is not given.", str
    ),
    # --- pictures ---
    Setting(
        "PICTURES_FOLDER",
        "",
        "Folder of the council's own pictures (for example a licensed Easy Read picture set), with a pictures.csv listing each file's keywords (separated by ;), alt text and credit. Its pictures are chosen before OpenMoji's. Empty means none.",
        str,
    ),
    Setting(
        "PICTURE_DEFAULT_SET",
        "openmoji",
        "Picture set used where the council's folder has no picture: openmoji (CC BY-SA 4.0, credited in every output that uses it) or none.",
        str,
    ),
    Setting(
        "PICTURE_MATCH_THRESHOLD",
        0.45,
        "How close in meaning (0 to 1) a picture's keywords must be to a point for the picture to be used when no known idea names it. Higher leaves more points without a picture; lower risks wrong pictures.",
        float,
    ),
    Setting(
        "PICTURE_PX",
        400,
        "Width and height, in pixels, of the PNG made for each picture in Word, PDF and HTML. 400 pixels is about 290 dots per inch at 3.5 cm.",
        int,
    ),
    Setting(
        "SYMBOL_CACHE",
        "",
        "Folder for the PNG pictures and picture embeddings made on first use. Empty means ~/.cache/easyread/symbols, shared by every instance on the machine.",
        str,
    ),
    # --- checks ---
    # (declared by easyread.checks; keep them here so there is one place)
    Setting(
        "CHECK_SENTENCE_WARN_WORDS",
        15,
        "A sentence with more words than this gets a warning (GOV.UK and Department of Health Easy Read guidance).",
        int,
    ),
    Setting("CHECK_SENTENCE_FAIL_WORDS", 20, "A sentence with more words than this fails the Easy Read check.", int),
    Setting(
        "CHECK_PARAGRAPH_MAX_SENTENCES",
        3,
        "Most sentences a paragraph or Easy Read point may have before it fails the check.",
        int,
    ),
    Setting(
        "CHECK_DOCUMENT_MAX_WORDS", 1000, "Most words an Easy Read document may have before it fails the check.", int
    ),
    Setting(
        "CHECK_DOCUMENT_MAX_PAGES", 24, "Most pages an Easy Read document may have before it fails the check.", int
    ),
    Setting(
        "CHECK_ZIPF_THRESHOLD",
        3.5,
        "Words less common than this on wordfreq's Zipf scale (7 is 'the', 3 is rare) are flagged as uncommon, unless the glossary explains them.",
        float,
    ),
    Setting(
        "CHECK_LONG_WORD_SYLLABLES",
        4,
        "Words with this many syllables or more are flagged as long, unless the glossary explains them.",
        int,
    ),
    Setting(
        "CHECK_LONG_WORD_COMMON_ZIPF",
        5.0,
        "Long words at least this common on the Zipf scale (such as 'information') are not flagged.",
        float,
    ),
    Setting(
        "GLOSSARY_DIR",
        "",
        "Folder of the council's own glossary CSV files (term,explanation plus optional language columns), used on top of glossaries/default.csv. Empty means the default glossary only.",
        str,
    ),
    # --- model engine ---
    Setting(
        "MODEL",
        "embedded",
        "Text model that writes Easy Read: embedded (Qwen2.5-Coder-1.5B, the default), embedded-fast (0.5B, quicker, weaker), transformers:///path/to/model-folder (any Hugging Face model folder), embedded-openvino or openvino:///path/to/model-folder (the OpenVINO engine, pip install 'easyread[openvino]') or openai+http://host:port/v1 (an OpenAI-compatible server such as vLLM or llama.cpp).",
        str,
    ),
    Setting(
        "MODEL_CACHE",
        "",
        "Folder for the prepared (bf16) copies of the embedded models, about 3.5 GB each. Empty means ~/.cache/easyread/models, shared by every instance on the machine.",
        str,
    ),
    Setting(
        "MODEL_BATCH_SIZE",
        24,
        "How many prompts the in-process model writes at once; as each reply ends, the next waiting prompt takes its place. Larger is faster per sentence (when there are that many prompts waiting) but needs more memory; lower it if the computer runs out of memory.",
        int,
    ),
    Setting("MODEL_THREADS", 0, "CPU threads the in-process model uses. 0 means one per core.", int),
    Setting(
        "MODEL_SERVER_NAME",
        "",
        "Model name sent to an OpenAI-compatible server. Empty means the first model the server lists.",
        str,
    ),
    Setting("MODEL_API_KEY", "", "API key sent to an OpenAI-compatible server, if it needs one.", str),
    Setting("MODEL_TIMEOUT", 300.0, "Seconds to wait for one reply from a model server before giving up.", float),
    Setting(
        "MODEL_RETRIES",
        3,
        "How many times to retry a model server request that failed because the server was busy or unreachable.",
        int,
    ),
    Setting(
        "MODEL_CONCURRENCY", 8, "How many requests to send to a model server at once (the server batches them).", int
    ),
    Setting(
        "OPENVINO_EXPORTER",
        "",
        "The optimum-cli program that exports the embedded model for the OpenVINO engine (MODEL=embedded-openvino), installed in its own virtual environment because optimum-intel needs other torch and transformers versions. Empty means an optimum-cli beside easyread's own Python.",
        str,
    ),
    # --- rewriter ---
    Setting(
        "REWRITE_BATCH_SIZE",
        16,
        "How many prompts the rewriter hands a model server at once (paragraphs, repairs and meaning checks of one or more letters); progress is reported after each batch. The in-process model takes every prompt of a stage together and keeps EASYREAD_MODEL_BATCH_SIZE of them running.",
        int,
    ),
    Setting(
        "REWRITE_REPAIR_ROUNDS",
        2,
        "How many times a sentence that fails the checks is sent back to the model with a targeted instruction, such as 'split into two sentences'.",
        int,
    ),
    Setting(
        "REWRITE_BEST_OF",
        3,
        "After the repair rounds, how many different versions of a still-failing sentence the model samples; the best one is kept. 1 turns this off.",
        int,
    ),
    Setting(
        "REWRITE_CONDITION_CUTS",
        True,
        'Say a letter sentence with an "if" or "unless" as the letter\'s own words cut into short sentences ("Are you 75 or over?" "Then you can ask for a kit."), when every cut is 20 words or fewer and fails no check: the model only puts each cut in plainer words, and a plainer line that loses its cut\'s question, link word, facts or meaning is the cut itself. The model\'s own rewrite often splits a condition from what it governs. Off: the model rewrites these sentences like any other.',
        bool,
    ),
    Setting(
        "REWRITE_SHORT_CUTS",
        True,
        "Say any other letter sentence the same way when every cut of its own words is 15 words or fewer and fails no check: the model only puts each cut in plainer words, checked line by line against it. Off: the model rewrites these sentences freely (and they are checked after).",
        bool,
    ),
    Setting(
        "REWRITE_MEANING_CHECK",
        True,
        "Ask the model for a second opinion on rewritten sentences the meaning rules cannot decide (the rules always run: who does what, who pays whom, must or may, not, if, which action a deadline belongs to). Off: those sentences are marked for a person. A failing sentence is repaired once, then replaced by the letter's own words and marked.",
        bool,
    ),
    Setting(
        "REWRITE_UNIT_WORDS",
        80,
        "Most words of a paragraph shown to the model as context when it rewrites one of its sentences (each letter sentence is rewritten on its own). Longer paragraphs are shown in pieces split at sentence ends.",
        int,
    ),
    Setting(
        "REWRITE_MAX_WORDS",
        6000,
        "Longest letter, in words, the rewriter takes (about 12 pages). Longer documents are refused with a message asking to split them.",
        int,
    ),
    Setting(
        "REWRITE_ENGLISH_SHARE",
        0.6,
        "Share (0 to 1) of ordinary words that must be common English words for a paragraph to count as English. Letters with no English paragraphs are refused; other-language paragraphs of bilingual letters are left out.",
        float,
    ),
    Setting(
        "REWRITE_ALREADY_EASY_SHARE",
        0.9,
        "Share (0 to 1) of a letter's sentences that must already pass the checks for it to be treated as Easy Read already and laid out without rewriting.",
        float,
    ),
    Setting(
        "REWRITE_LETTERS_IN_FLIGHT",
        4,
        "How many letters the rewriter works on at once when it has several (a folder, a batch chunk): each letter goes through its stages at its own pace and the prompts of all of them share the model, so a letter's repairs are written beside the next letter's rewriting. 0 runs each stage across all the letters in turn (the old way).",
        int,
    ),
    # --- translation ---
    Setting(
        "TRANSLATE_ENGINE",
        "",
        "Engine that translates drafts: empty means the MODEL setting (the embedded model by default); nllb:///folder, m2m100:///folder, madlad:///folder or marian:///folder (a translation model you downloaded); libretranslate+http://host:5000; or any MODEL spec. `easyread languages --engine SPEC` shows what it can do.",
        str,
    ),
    Setting(
        "TRANSLATE_BATCH_SIZE",
        8,
        "How many points a translation model translates at once. Larger is faster per point but needs more memory.",
        int,
    ),
    Setting(
        "TRANSLATE_MAX_TOKENS",
        256,
        "Longest translation of one point, in model tokens, for translation-model folders.",
        int,
    ),
    Setting("TRANSLATE_API_KEY", "", "API key sent to a LibreTranslate server, if it needs one.", str),
    Setting(
        "TRANSLATE_BACK_CHECK",
        True,
        "Translate every translated point back into English and flag points whose meaning drifted, for a fluent speaker to check. Doubles the translation time.",
        bool,
    ),
    Setting(
        "TRANSLATE_CHRF_MIN",
        25.0,
        "A translated point is flagged when the chrF score (0 to 100) of its back-translation against the English is below this.",
        float,
    ),
    Setting(
        "TRANSLATE_MEMORY_FUZZY_MIN",
        75,
        "Translation memory: an approved point whose English is at least this similar (0 to 100, rapidfuzz ratio, facts ignored) to a new point is offered as its draft, with the differing words marked. The same words with other facts are always filled in from memory.",
        int,
    ),
    Setting(
        "TRANSLATE_SIMILARITY_MIN",
        0.7,
        "A translated point is flagged when the meaning similarity (0 to 1, all-MiniLM-L6-v2) of its back-translation and the English is below this.",
        float,
    ),
    # --- jobs ---
    Setting(
        "QUEUE_URL",
        "",
        "Where background jobs wait to run. Empty means a SQLite file huey.db in the instance folder (nothing else to install). redis://host:6379/0 uses Redis, so workers on several machines can share the queue. immediate runs each job at once inside the request that asked for it (for tests and debugging only).",
        str,
    ),
    Setting(
        "WORKER_THREADS",
        2,
        "How many jobs one worker runs at the same time. Letters drafted at the same time share the worker's one model: their sentences are written in the same passes, so a second letter uploaded during the first need not wait for it to finish. 1 does one job after another.",
        int,
    ),
    Setting(
        "SERVE_WORKER",
        True,
        "Whether `easyread serve` also starts a background worker, as a child process it stops with the server, so pages answer while letters are converted. Turn off (or use `easyread serve --no-worker`) when you run `easyread worker` separately.",
        bool,
    ),
    Setting(
        "BATCH_JOBS",
        4,
        "How many letters `easyread batch` converts at once when --jobs is not given: their paragraphs share each pass through the model, which is faster than one letter at a time. Lower it if the computer runs out of memory.",
        int,
    ),
    # --- review with residents ---
    Setting(
        "REVIEW_SHOW_OTHERS_COMMENTS",
        False,
        "Let resident reviewers see what other reviewers wrote about each point (without names). Off: each reviewer sees only their own feedback.",
        bool,
    ),
    Setting("REVIEW_INVITE_DAYS", 14, "Days a reviewer's invite link works before staff must make a new one.", int),
    Setting(
        "REVIEW_LINK_DAYS",
        90,
        "Days a reviewer's own sign-in link works after they set it up (or staff renew it). After that staff renew it on the Reviewers page.",
        int,
    ),
    Setting(
        "RETENTION_DAYS",
        0,
        "Days after upload when a letter's original file and the personal data hidden from reviewers are deleted (by `easyread review purge`, which also deletes letters deleted that long ago entirely). 0 keeps them.",
        int,
    ),
]
