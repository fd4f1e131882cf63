# reference §2.3 (forum 175598/5): a :local of the parameter's name hides
# the parameter: the function returns nothing, :put prints an empty line.
:global fn2 do={ :local address; :return $address }
:put [$fn2 address=1.1.1.1]
