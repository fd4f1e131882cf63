# rosemu: --ros 7
# A script is compiled whole before it runs (scripting reference 7.1, 2.1):
# an undeclared variable on its line 2 stops it before line 1 prints.
/system script add name=t source=":put one\r\n:put \$nope"
:do { /system script run t } on-error={ :put "refused" }
/system script add name=u source=":local x 5\r\n:put \$x"
/system script run u
