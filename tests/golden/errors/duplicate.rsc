/ip firewall address-list
add list=blocked address=192.0.2.0/24
add list=blocked address=192.0.2.0-192.0.2.255
