# reference §3.2, §5.4 (HM-Scr): [:parse "..."] returns code, callable
# like a function, with named arguments.
:global myFunc [:parse ":put hello!"]
$myFunc
:global myFunc2 [:parse ":put \$myVar"]
$myFunc2 myVar=world
