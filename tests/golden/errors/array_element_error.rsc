# an error in an array element fails the statement, and what the array held
# so far is freed (found by tests/fuzz: the partial array leaked; shows
# under --enable-asan)
:global kept "yes"
:put $kept
:global a {1; "x"; [:error "boom"]}
:put "never"
