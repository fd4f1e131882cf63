# rosemu: --ros 7
# RouterOS 7 hides sensitive values unless show-sensitive.
/ppp secret add name=alice password=s3cret service=pppoe
/interface wireguard add name=wg1 private-key="aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28="
/ppp secret export
/ppp secret export show-sensitive
/interface wireguard export show-sensitive
/export
