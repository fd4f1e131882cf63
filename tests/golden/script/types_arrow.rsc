# reference §3.3 and §4.1: ($arr->key), ($arr->0), chainable ($a->1->1);
# :set ($arr->"key") value and :set ($a->1->1) v assign elements;
# assigning into an empty array creates the key (HM-Tips); a missing key
# gives nothing.
:local a {{1;2};{3;{4;5}}}
:put ($a->1->1)
:put ($a->1->1->0)
:set ($a->1->1) 9
:put $a
:local m [:toarray ""]
:set ($m->"key") "value"
:put ($m->"key")
:put $m
:put [:typeof ($m->"missing")]
