# an abbreviated value that more than one value starts with: RouterOS's
# "ambiguous value of X, more than one possible value matches input"
# (reference scripting §7.2); a unique abbreviation is taken; the file
# stops at the error and keeps what ran before it
/ip firewall mangle
add chain=prerouting action=mark-c new-connection-mark=x
print
add chain=prerouting action=mark new-connection-mark=y
print
