# reference §5.2 (forum 179598): a delay under the clock tick warns and
# does not wait.
:delay 1ns
