"""Import problems name the file, the record and the field, never the note text."""


class ImportProblem(ValueError):
    pass
