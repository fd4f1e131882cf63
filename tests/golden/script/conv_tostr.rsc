# reference §3.4: :tostr - any value to its printed form; an array to
# a;b;c ([:tostr $array] is cccc;ddddd, HM-Tips); §8.1: :tostr of code is
# (code).
:local array {"cccc";"ddddd"}
:put [:tostr $array]
:put [:typeof [:tostr 42]]
:put [:tostr 1d2h]
:put [:tostr [:parse ":put hello"]]
