"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json."""

from __future__ import annotations

from easyread.documents.write import FORMATS


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _id_param() -> dict:
    return {
        "name": "doc_id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer"},
        "description": "The document's id.",
    }


def spec(server_url: str) -> dict:
    options = {
        "model": {
            "type": "string",
            "description": "embedded, embedded-fast, the service's MODEL, or none (lay out only, words unchanged).",
        },
        "formats": {
            "type": "array",
            "items": {"type": "string", "enum": list(FORMATS)},
            "description": "Output formats. Default: the service's FORMATS setting.",
        },
        "pictures": {"type": "boolean", "default": True, "description": "Put a picture beside each point."},
        "title": {"type": "string", "description": "A name for the letter. Default: the letter's own title."},
        "languages": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Languages to translate the Easy Read draft into, as codes such as pl, ur, pa-Arab (see `easyread languages`).",
        },
    }
    language = {
        "name": "language",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "default": "en"},
        "description": "en for the Easy Read draft, or a language code for its translation.",
    }
    not_ready = _error(
        "The draft is still being made (poll the document), or making it failed (see the document's error)."
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "easyread API",
            "version": "1",
            "description": "Submit a council letter, poll it until its Easy Read draft is made, fetch the draft, its check report and its files. "
            "Authenticate with an API token: `Authorization: Bearer er_…` (an administrator makes tokens).",
        },
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "paths": {
            "/documents": {
                "post": {
                    "summary": "Submit a letter",
                    "description": "Reads the letter at once (a bad file is refused with 422 and a plain message), then queues the task that makes its Easy Read draft.",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": ["file"],
                                    "properties": {
                                        "file": {
                                            "type": "string",
                                            "format": "binary",
                                            "description": "A Word (.docx), PDF or UTF-8 text file.",
                                        },
                                        "model": options["model"],
                                        "formats": {
                                            "type": "string",
                                            "description": "Comma-separated, for example docx,pdf.",
                                        },
                                        "pictures": {"type": "string", "enum": ["true", "false"]},
                                        "title": options["title"],
                                        "languages": {
                                            "type": "string",
                                            "description": "Comma-separated language codes, for example pl,ur.",
                                        },
                                    },
                                }
                            },
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {
                                        "text": {"type": "string", "description": "The letter's text."},
                                        "filename": {"type": "string"},
                                        **options,
                                    },
                                }
                            },
                        },
                    },
                    "responses": {
                        "202": {
                            "description": "Accepted and queued.",
                            "headers": {"Location": {"schema": {"type": "string"}}},
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}},
                        },
                        "400": _error("A bad request or option."),
                        "401": _error("No valid API token."),
                        "403": _error("This account cannot use the API."),
                        "413": _error("The file is too big."),
                        "422": _error(
                            "The letter cannot be used (empty, damaged, protected, scanned, wrong type, not UTF-8, too long)."
                        ),
                    },
                },
                "get": {
                    "summary": "List your council's letters",
                    "responses": {
                        "200": {
                            "description": "Newest first (at most 100).",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "documents": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Document"},
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "401": _error("No valid API token."),
                    },
                },
            },
            "/documents/{doc_id}": {
                "get": {
                    "summary": "A letter's status and progress",
                    "parameters": [_id_param()],
                    "responses": {
                        "200": {
                            "description": "The document.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}},
                        },
                        "404": _error("No such document in your council."),
                    },
                }
            },
            "/documents/{doc_id}/draft": {
                "get": {
                    "summary": "The latest Easy Read draft, or its translation",
                    "parameters": [_id_param(), language],
                    "responses": {
                        "200": {
                            "description": "The draft (sections, points, pictures, findings). Each point's `sources` lists the ids of the letter sentences it says "
                            "(null: not recorded, in drafts made before tracing; empty: not in the letter); `sentences` maps those ids to the letter's words.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "version": {"type": "integer"},
                                            "draft": {"type": "object"},
                                            "sentences": {
                                                "type": "object",
                                                "additionalProperties": {"type": "string"},
                                                "description": 'Letter sentence id ("block.sentence", e.g. "4.1") to the sentence\'s words.',
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "404": _error("No such document, or no draft."),
                        "409": not_ready,
                    },
                }
            },
            "/documents/{doc_id}/report": {
                "get": {
                    "summary": "The check report of the latest draft (for a translation: its translation checks)",
                    "parameters": [_id_param(), language],
                    "responses": {
                        "200": {
                            "description": "Findings, score, pass or fail, and the fact lock.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"version": {"type": "integer"}, "report": {"type": "object"}},
                                    }
                                }
                            },
                        },
                        "404": _error("No such document, or no draft."),
                        "409": not_ready,
                    },
                }
            },
            "/documents/{doc_id}/outputs/{format}": {
                "get": {
                    "summary": "Download the latest draft as a file",
                    "parameters": [
                        _id_param(),
                        {
                            "name": "format",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": list(FORMATS)},
                        },
                        language,
                    ],
                    "responses": {
                        "200": {
                            "description": "The file.",
                            "content": {
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                                "application/pdf": {},
                                "text/html": {},
                                "text/plain": {},
                            },
                        },
                        "404": _error("No such document, format or draft."),
                        "409": not_ready,
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This description",
                    "security": [],
                    "responses": {"200": {"description": "OpenAPI 3.1."}},
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API token, er_…"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {"type": "string", "description": "What is wrong and what to do, in plain words."}
                    },
                },
                "Document": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "filename": {"type": "string"},
                        "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
                        "progress": {
                            "type": "object",
                            "properties": {
                                "stage": {"type": ["string", "null"]},
                                "done": {"type": ["integer", "null"]},
                                "total": {"type": ["integer", "null"]},
                                "percent": {"type": "integer"},
                            },
                        },
                        "error": {"type": ["string", "null"], "description": "Why the job failed, in plain words."},
                        "options": {"type": "object"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "version": {"type": ["integer", "null"]},
                        "passed": {"type": ["boolean", "null"]},
                        "score": {"type": ["integer", "null"]},
                        "links": {"type": "object"},
                    },
                },
            },
        },
    }
