# reference §2.1 (HM-Tips): ":set name" without a value un-defines the
# variable; an unset global is gone from the environment.
:global g1 1
:global g2 2
:set g1
:environment print
