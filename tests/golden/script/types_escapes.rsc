# reference §1.7 "String escapes": "\48\45\4C\4C\4F" = HELLO; \_ is a space;
# \" \\ \$ are the characters themselves.
:put "\48\45\4C\4C\4F"
:put "a\_b"
:put "say \"hi\" \\ \$x"
:put [:len "\n\r\t\v\a\b\f"]
