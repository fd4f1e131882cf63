# Self test of runtime errors (reference §7): how they stop code and what
# on-error and :onerror see.  Every check raises an error on failure, so
# the output is "ok" only if all of them hold.
:global want do={
	:if ([:tostr $1] != [:tostr $2]) do={
		:error "$3: got \"$[:tostr $1]\", want \"$[:tostr $2]\""
	}
}
:local s ""
:local m ""

# an error stops the rest of its block; commands before it have run
:do { :set s "a"; :error "x"; :set s "b" } on-error={ :set s ($s . "!") }
$want $s "a!" "error stops the block"

# :error's message is the error text (§7.3)
:onerror e in={ :error "my message" } do={ :set m $e }
$want $m "my message" ":error text"
:onerror e in={ :error ("computed " . 42) } do={ :set m $e }
$want $m "computed 42" ":error of an expression"

# messages from the catalogue (§7.2)
:onerror e in={ :local ip [:resolve nonexistent.example] } do={ :set m $e }
$want $m "failure: dns name does not exist" ":resolve failure"
:onerror e in={ /ip address add interface=ether1 } do={ :set m $e }
$want $m "missing value(s) of argument(s) address" "missing argument"
:onerror e in={ /ip address remove 77 } do={ :set m $e }
$want $m "no such item" "no such item"

# an error in a function, in a loop, in a block reaches the handler
:global inner do={ :foreach i in={1;2;3} do={ :if ($i = 2) do={ :error "at $i" } } }
:onerror e in={ { [$inner] } } do={ :set m $e }
$want $m "at 2" "error through a function and a loop"

# the handler's variable exists only in do={..}; :onerror nests
:onerror e in={ :onerror f in={ :error "deep" } do={ :error "re-$f" } } do={ :set m $e }
$want $m "re-deep" "error raised by a handler"

# a configured answer for :resolve: /ip dns static
/ip dns static add name=router.lan address=192.0.2.1
$want [:resolve router.lan] 192.0.2.1 ":resolve from dns static"
/ip dns static remove [find name=router.lan]

:put ok
