# reference §4.1: | ^ & on numbers ((0xFF & 0x0F) is 15, [TS]); << >> on
# numbers ((1 << 4) is 16, [TS]; (0xffff >> n) in eworm scripts).
:put (0xFF & 0x0F)
:put (0xF0 | 0x0F)
:put (0xFF ^ 0x0F)
:put (1 << 4)
:put (0xffff >> 8)
