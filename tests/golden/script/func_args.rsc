# reference §5.4 (forum 154024/2): named and unnamed arguments may be
# interleaved, only unnamed ones are numbered: [$hello hello prefix=mr world]
# prints "hello mr world".  $0 is the name the function was called by:
# ":put "$0 $1"" via "$hello world" printed "$hello world".
:global hello do={:put "$1 $prefix $2"}
[$hello hello prefix=mr world]
:global hello do={:put "$0 $1"}
$hello world
