# rosemu: --ros 6
# /system scheduler in virtual time: the clock starts at jan/02/1970
# 00:00:00 and only :delay (or rosemu --at) moves it; every event the
# clock passes runs at its own time, in time order.  start-date and
# start-time default to the time of add; start-time=startup is 3 s after
# boot; on-event names a script or is code; a failing event leaves
# "executing script ... failed" in the log.
:global n 0
/system script add name=count source=":global n\r\n:set n (\$n + 1)\r\n:log info \"count \$n\""
/system scheduler
add name=every-30s interval=30s on-event=count
add name=once start-time=00:01:10 on-event=":log warning \"once at 00:01:10\""
add name=boot start-time=startup on-event=":log info \"after boot\""
add name=broken interval=1m on-event=":put [/nosuch]"
add name=off interval=10s on-event=count disabled=yes
print
:delay 100s
print detail
/log print
:put $n
/system script print
