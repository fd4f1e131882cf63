# reference §5.2, §7.3 (HM-Scr): :onerror puts the message of the error
# into the variable; ":error "failure"" makes the message "failure".
:onerror errorName in={ :error "failure" } do={ :put "Critical $errorName" }
