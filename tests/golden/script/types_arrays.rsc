# reference §3.3 "Arrays": keyed elements are kept sorted, unkeyed come
# first: {2; "aX"=1; y=2; 5} iterates as 0=2, 1=5, aX=1, y=2 (HM-Scr);
# {"cccc", "ddddd"} with a comma also works and [:tostr $array] is
# cccc;ddddd (HM-Tips); [:toarray ""] and ({}) are empty arrays.
:local arr {2; "aX"=1; y=2; 5}
:foreach k,v in=$arr do={:put "$k=$v"}
:put $arr
:local array {"cccc", "ddddd"}
:put [:tostr $array]
:put [:len [:toarray ""]]
:put [:len ({})]
