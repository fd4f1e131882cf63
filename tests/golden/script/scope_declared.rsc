# reference §2.1: ":local myVar; :set myVar "my value"; :put $myVar" works
# (declared first), unlike the same without the :local.
:local myVar; :set myVar "my value"; :put $myVar
