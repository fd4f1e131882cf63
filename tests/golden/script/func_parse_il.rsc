# reference §5.4, §8.1, Appendix A ([PARSEIL], RouterOS 7.22.1): :put of
# code prints its parsed form: ":put [:parse \":put hello\"]" prints
# "(evl /putmessage=hello)"; a block argument is "do=;(evl ...)"; a block
# of two statements "(evl (evl ...) (evl ...))"; yes becomes true, 200ms
# 00:00:00.200.  A do={} function prints ";" and its body as a block
# (forum 163557/11: ";(evl (evl /putmessage=(. $1   $2)))").
:put [:parse ":put hello"]
:put [:parse ":if (1=1) do={:put yes} else={:put no}"]
:put [:parse "{:put one; :put two}"]
:put [:parse ":local x 42"]
:put [:parse ":delay 200ms"]
:global f do={:put "$1 $2"}
:put $f
