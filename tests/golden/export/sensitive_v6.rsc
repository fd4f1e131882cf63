# rosemu: --ros 6
# RouterOS 6 exports passwords, secrets and keys unless hide-sensitive.
/ppp secret add name=alice password=s3cret service=pppoe
/interface pppoe-client add name=pppoe-out1 interface=ether1 user=bob password=hunter2
/ppp secret export
/ppp secret export hide-sensitive
/export hide-sensitive
