# reference §8.1 ":put of each type": num -84760; bool true/false; nil and
# nothing an empty line; ip 192.168.88.0; prefix 10.1.101.1/24; id *1;
# time [Nw][Nd]HH:MM:SS[.fff] (00:00:10, 1d02:03:04, 1w2d03:04:05,
# 00:00:00.500, 1w00:00:00, 1d00:00:00, 00:00:00.000000001,
# -00:00:00.000084760); lists 1;2;3; keyed k=v joined by ";"; nested
# arrays flattened.
:put -84760
:put true
:put false
:put [:nothing]
:put 192.168.88.0
:put 10.1.101.1/24
:put *1
:put 10s
:put 1d2h3m4s
:put 1w2d3h4m5s
:put 500ms
:put 1w
:put 1d
:put 1ns
:put (0s - 84760ns)
:put {1;2;3}
:put {"a";"b";"c"}
:put {".id"="*400ae12f";distance=255;"dst-address"=111.111.111.1/32;gateway="ether1"}
:put {ranges="10.0.0.1";"rx-chains"={0;1};"tx-chains"={0;1}}
