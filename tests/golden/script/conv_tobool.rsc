# reference §3.4: :tobool on numbers: 0 is false, non-zero true (forum
# 130860 tests -1/0/1); 7.22 casts the strings true/false/yes/no.
:put [:tobool -1]
:put [:tobool 0]
:put [:tobool 1]
:put [:tobool "yes"]
:put [:tobool "false"]
