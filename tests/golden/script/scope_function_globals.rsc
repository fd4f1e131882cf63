# reference §2.3 (HM-Tips): a function does not see the caller's globals
# unless it declares them: "global var=" without the :global, "global
# var=test" with it.
:global myVar "test"
:global myFunc do={ :put "global var=$myVar" }
$myFunc
:global myFunc2 do={ :global myVar; :put "global var=$myVar" }
$myFunc2
