# reference §2.2: names with characters other than letters and digits are
# quoted (:global "my-var", :set "my-var" "x", $"my-var"); names are case
# sensitive.
:global "my-var" 1
:set "my-var" "x"
:put $"my-var"
:local myVar "lower"
:local myVAr "upper"
:put "$myVar $myVAr"
