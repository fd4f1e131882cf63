# reference §3.4: :tonum takes integer strings incl. negative; "23.8" and
# "cow&chicken" give an empty value of type nil ([MM-Scr]); " 100 ", true
# and "" are nil ([TS]); a time gives its seconds.
:put [:tonum "42"]
:put [:tonum "-17"]
:put [:tonum "23.8"]
:put [:typeof [:tonum "23.8"]]
:put [:typeof [:tonum "cow&chicken"]]
:put [:typeof [:tonum " 100 "]]
:put [:typeof [:tonum true]]
:put [:typeof [:tonum ""]]
:put [:tonum 1h]
