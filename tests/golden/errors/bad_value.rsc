/ip firewall mangle add chain=prerouting action=mark-everything
