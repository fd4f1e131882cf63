# reference §4.1: in - ip/prefix in prefix: (1.1.1.1/32 in 1.0.0.0/8) is
# true; prefix in prefix ([TS]); §4.2: in binds tighter than and.
:put (1.1.1.1/32 in 1.0.0.0/8)
:put (1.1.1.1 in 1.0.0.0/8)
:put (2.1.1.1 in 1.0.0.0/8)
:put (10.1.0.0/16 in 10.0.0.0/8)
:put (10.1.1.1 in 10.0.0.0/8 and true)
