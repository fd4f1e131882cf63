# reference §4.2 (real 7.22.1 parses): * before +, arithmetic before
# comparison (($Input / $Base < $Pow)), comparison before &&/||, -> before
# comparison and "." ($HostInfo->"notify" = true &&  ...;
# ("..." . $HostVal->"since" . ".")), in before and.
:local Input 100
:local Base 10
:local Pow 11
:put ($Input / $Base < $Pow)
:local HostInfo {notify=true;since="today"}
:put ($HostInfo->"notify" = true && 1 < 2)
:put ("since " . $HostInfo->"since" . ".")
:put (1 + 2 * 3 - 4 / 2)
