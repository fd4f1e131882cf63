# rosemu: --ros 7
# /system script in RouterOS 7: the same commands with v7 dates and
# tables (:jobname is the running script's name); :onerror gets the error
# text of a script, which carries the script's own line and column.  A
# syntax error anywhere in a source stops it before its first line runs
# (the script is compiled whole).
/system script add name=greet source=":global greeting \"hello\"\r\n:put \"\$greeting from \$[:jobname]\"\r\n/system script job print"
/system script run greet
/system script print
/system script environment print
/system script add name=late source=":put \"before\"\r\n:put [/nosuch]\r\n:put \"after\""
:onerror e in={ /system script run late } do={ :put "error: $e" }
/system script add name=early source=":put \"not run\"\r\n:put (1 + )"
:onerror e in={ /system script run early } do={ :put "error: $e" }
/system script run early
