# reference §3.2 "Functions are values": in v7 ":typeof $f" is array and
# ":len $f" is 2 (forum 163557/11; [TS] agrees), while [:parse ...] is code.
:global f do={:put "$1 $2"}
:put [:typeof $f]
:put [:len $f]
:put [:typeof [:parse ":put hello"]]
