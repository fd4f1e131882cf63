# reference §1.8: interpolating an array distributes over its elements:
# :global strarr {"abc";"def"}; :put "strarr=$strarr" prints
# strarr=abc;strarr=def and that value is an array of 2 (forum 126381/17).
# A keyed array alone in a string prints a=1;b=txt, but "some text $arrarr"
# printed nothing.
:global strarr {"abc";"def"}
:put "strarr=$strarr"
:put [:len "strarr=$strarr"]
:put [:typeof "strarr=$strarr"]
:global arrarr {a=1;b="txt"}
:put "$arrarr"
:put "some text $arrarr"
