# an error while computing an array key fails the statement like one in a
# value (found by tests/fuzz: it was dropped and the script went on)
:put "before"
:global b {"k$[:error "bad key"]"=1}
:put "never"
