# reference §1.2, §5.2 (HM-Scr): ":if ( true ) do={ :put "lala" }"; the last
# command inside { } needs no terminator.
:if ( true ) do={ :put "lala" }
:if (1 > 2) do={ :put "yes" } else={ :put "no" }
