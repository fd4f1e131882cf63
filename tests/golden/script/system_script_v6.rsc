# rosemu: --ros 6
# /system script: a source stored as a string is parsed when it runs, at
# the root menu, as a job (/system script job shows it while it runs);
# print shows run-count and last-started; an error inside stops the script
# with the source's own line and column; /system script environment lists
# and removes the globals.
/system script add name=greet source=":global greeting \"hello\"\r\n:put \$greeting\r\n/system script job print"
/system script run greet
/system script run greet
/system script print
/system script environment print
/system script environment remove greeting
/system script environment print
/system script add name=late source=":put \"before\"\r\n:put [/nosuch]\r\n:put \"after\""
:do { /system script run late } on-error={ :put "on-error ran" }
/system script run late
:put "not reached"
