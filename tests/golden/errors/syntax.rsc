:put "one"
:put (1 + 2
:put "never"
