# reference §3.3, §7.1 (HM-Tips): "{}" as a value is a syntax error, one
# past the brace (":global array {}" -> column 17); ({}) is the way.
:global array {}
