# reference §2.3 (HM-Scr): a parameter wins over a :global of the same name
# inside the function, for reads and for :set; the global keeps its value.
:global my2 "123"
:global myFunc do={ :global my2; :put $my2; :set my2 "lala"; :put $my2 }
$myFunc my2=1234
:put "global value $my2"
