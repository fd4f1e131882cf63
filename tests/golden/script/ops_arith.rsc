# reference §4.3 "Arithmetic semantics": 64-bit, overflow wraps
# ((9223372036854775807 + 1) is -9223372036854775808), division truncates
# ((10 / 3) is 3); §4.2: * binds tighter than + ((16384 + $rawlevel * 4));
# §1.6: hex 0x...; §1.4: (10 / 2) with spaces divides; HM-Scr unary minus
# ({ :local a 1; :put (-a); }).
:put (9223372036854775807 + 1)
:put (10 / 3)
:local rawlevel 3
:put (16384 + $rawlevel * 4)
:put (0xFF + 1)
:put (10 / 2)
{ :local a 1; :put (-a); }
:put (7 % 3)
:put ("5" + 10)
