# reference §3.3 and §8.1: elements of a :deserialize result are reached
# with -> ([:deserialize ...]->1->"b", HM-Scr) and a list prints a;b;c.
:put [:deserialize from=json value="[\"a\",\"b\",\"c\"]"]
:put ([:deserialize from=json value="[1,{\"b\":\"x\"}]"]->1->"b")
