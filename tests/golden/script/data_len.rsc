# reference §5.1 and HM-Scr: :len gives a string's length in bytes or an
# array's element count: :put [:len "length=8"] prints 8,
# :put [ :len "my test string"; ]; prints 14; it also works on numbers
# ([:len $vlanid], §5.1).
:put [:len "length=8"]
:put [ :len "my test string"; ];
:put [:len {1;2;3}]
:local vlanid 100
:put [:len $vlanid]
