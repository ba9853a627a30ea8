"""Errors about a user's input, with a message written for the user."""


class InputError(Exception):
    """A file or text we cannot use. `str(error)` is one plain sentence saying what to do."""

    def __init__(self, message: str, code: str = "bad_input"):
        super().__init__(message)
        self.message = message
        self.code = code
