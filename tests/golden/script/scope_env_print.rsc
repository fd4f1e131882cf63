# reference §8.2 (HM-Scr, HM-Tips): :environment print shows each global as
# name=value; inside arrays strings are quoted and elements separated by
# "; ".
:global a {x=5; y=2}
:global array [:toarray ""]
:global myBps 71464
:global test {"el1"; "el2"; "el3_changed"}
:global tt {{"11"; "12"; "13"}; {"21"; "22_changed"; "23"}}
:environment print
