# a string still open at the end of the text is a syntax error, not a hang
# (found by tests/fuzz: the scanner returned "unterminated string" forever
# while the parser skipped to the end of the line)
:put "before"
:put "never
