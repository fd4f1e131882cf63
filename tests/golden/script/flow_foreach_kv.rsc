# reference §3.3, §5.2 (HM-Scr): ":foreach k,v in=" gives key (index for
# unkeyed elements) and value; {2; "aX"=1; y=2; 5} iterates as 0=2, 1=5,
# aX=1, y=2.
:foreach k,v in={2; "aX"=1; y=2; 5} do={ :put "$k=$v" }
