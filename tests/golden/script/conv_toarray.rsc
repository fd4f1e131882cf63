# reference §3.4: :toarray splits a string on ",": "1,2,3,4,5" gives a
# 5-element array; "" an empty array (HM-Scr, HM-Tips); 7.21 adds
# delimiter=.
:local a [:toarray "1,2,3,4,5"]
:put [:len $a]
:put $a
:put [:len [:toarray ""]]
:put [:toarray value="a;b" delimiter=";"]
