# reference §5.2 (HM-Scr): :retry gives up after max= attempts with the
# error, which :onerror (short form, without in=) catches.
:onerror e {:retry command={abc} delay=1 max=2} do={:put "got error"}
