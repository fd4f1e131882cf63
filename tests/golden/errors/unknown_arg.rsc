/ip route add gateway=192.0.2.1 colour=blue
