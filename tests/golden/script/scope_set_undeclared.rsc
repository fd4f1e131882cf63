# reference §2.1: ':set myVar "my value"; :put $myVar' fails: :set of an
# undeclared name is a parse error ([HL]); the documented error format
# "syntax error (line N column M)" points at the name (the column is
# rosemu's choice: the docs only say the line does not run).
:set myVar "my value"; :put $myVar
