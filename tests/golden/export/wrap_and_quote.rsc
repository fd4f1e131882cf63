# Export wraps at 79 columns with " \" and a 4-space indent; long quoted
# values are split inside the string; $ and " are escaped.
/system script add name=long source=":log info \"a \$b\"\r\n:put \"this is a rather long line that goes on and on and on and on\"\r\n:put done"
/ip firewall filter add chain=forward action=drop src-address=192.0.2.0/24 dst-address=198.51.100.0/24 protocol=tcp dst-port=22,23,80,443,8080-8090 comment="drop management from the documentation networks"
/export
