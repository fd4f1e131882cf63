# reference §4.5 "." and "," with arrays: ("array value is: " . $array)
# with $array={"cccc","ddddd"} prints array value is: cccc;array value is:
# ddddd (HM-Tips); ($myarraylist . $mystr) prints
# str1myglobalvar;str2myglobalvar; with a keyed array an empty line;
# ({1;2},{3;4}) has length 4; ({1;2;3} , 5) appends (§4.1); (0,$x)
# prepends; §3.4: (192.168.1.1 . ":8080") stringifies.
:local array {"cccc","ddddd"}
:put ("array value is: " . $array)
:local myarraylist ("str1","str2")
:local mystr "myglobalvar"
:put ($myarraylist . $mystr)
:local keyed {a="x";b="y"}
:put ($keyed . $mystr)
:put [:len ({1;2},{3;4})]
:put ({1;2;3} , 5)
:local vlanbytes {1;2}
:put (0,$vlanbytes)
:put (192.168.1.1 . ":8080")
