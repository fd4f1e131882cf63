# reference §2.1, §7.1: reading a variable no :local/:global declares is a
# compile-time error at the first letter of its name (console: ":put $myVar"
# gives "syntax error (line 1 column 7)"); nothing of the line runs.
:put $myVar
