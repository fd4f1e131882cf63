# reference §4.3: (5 = "5") is true, (true = 1) is false; [:nothing]
# compared: = 0 false, > 0 false, < 0 true (HM-Scr); §3.4: an empty find
# result equals "" (defconf); = is equality, != its negation.
:put (5 = "5")
:put (true = 1)
:put ([:nothing] = 0)
:put ([:nothing] > 0)
:put ([:nothing] < 0)
:put ([/ip firewall address-list find list="restricted"] = "")
:put ("abc" != "abc")
:put (2 >= 2)
