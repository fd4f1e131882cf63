# reference §4.1: logical NOT (!true), && and, || or; HM-Scr: (a&&b) needs
# no whitespace, (a and b) does; §4.2: comparison binds tighter than
# &&/||: ($A != true || $B != true).
:put (!true)
:local a true
:local b false
:put (a&&b)
:put ($a and $b)
:put ($a or $b)
:local A true
:local B false
:put ($A != true || $B != true)
:put (not $b)
