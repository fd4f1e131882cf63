# reference §5.3: :convert (7.11+) - without from= the value is parsed
# automatically ("001" becomes "1", "10.1" becomes "10.0.0.1"):
# [:convert 001 to=hex] is 31; [:convert transform=lc "AAA"] is aaa (HM-Scr);
# HM-Scr: [:convert <hex> from=hex to=raw] gives MikroTik.
:put [:convert 001 to=hex]
:put [:convert transform=lc "AAA"]
:put [:convert "4D696B726F54696B" from=hex to=raw]
:put [:convert "10.1" to=raw]
