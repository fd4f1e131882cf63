# An import stops at the first error and keeps what ran before it.
/ip address add address=192.0.2.1/24 interface=ether1
/ip adress add address=192.0.2.2/24 interface=ether1
/ip address add address=192.0.2.3/24 interface=ether1
