# reference §5.2, §7.3: ":error <message>" stops the script with that
# message; commands before it have run.
:put "before"
:error "stopped here"
:put "not reached"
