# reference §5.3: :pick <var> <start> [<end>] - 0-based, end exclusive:
# [:pick "abcde" 1 3] is bc (HM-Scr); with an array and no end one element;
# works on a prefix's string form ([:pick $ipaddress 0 [:find $ipaddress
# "/"]], HM-Ex); Appendix B names: counter begin end.
:put [:pick "abcde" 1 3]
:put [:pick {"a";"b";"c"} 1]
:put [:pick {1;2;3;4} 1 3]
:local ipaddress 192.168.88.1/24
:put [:pick $ipaddress 0 [:find $ipaddress "/"]]
:put [:pick counter="abcde" begin=2 end=4]
