# a prepared lab for "rosemu -i lab.rsc" (tests/console)
/system identity set name=lab1
/interface list add name=WAN
/ip firewall address-list add address=10.0.0.1 list=lab
