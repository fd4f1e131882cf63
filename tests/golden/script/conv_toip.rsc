# reference §3.4: :toip "192.168.1.1" is an ip; an ip-prefix gives its
# address; invalid input is nil ([TS]); :toip6 and :toid from strings.
:put [:toip "192.168.1.1"]
:put [:typeof [:toip "192.168.1.1"]]
:put [:toip 192.168.1.7/24]
:put [:typeof [:toip "not an ip"]]
:put [:toip6 "2001:db8::1"]
:put [:typeof [:toip6 "2001:db8::1"]]
:put [:typeof [:toid "*1"]]
