# reference §4.3: ip + num is ip ((192.168.1.1 + 1) is 192.168.1.2);
# bitwise ops on ips give ips: subnet ($IP & $mask), broadcast
# ($Network | ~$mask) (HM-Scr); §4.1 (~0.0.0.0) inverts the bits.
:put (192.168.1.1 + 1)
:local IP 192.168.88.77
:local mask 255.255.255.0
:local Network ($IP & $mask)
:put $Network
:put ($Network | ~$mask)
:put (~0.0.0.0)
:put [:typeof ($IP & $mask)]
