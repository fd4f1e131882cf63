# reference §5.2, §7.1 (HM-Scr "Catch run-time errors"): on-error catches
# the runtime error (:resolve fails: rosemu has no network and no static
# DNS entry for the name) and the script goes on.
:do {
      :put [:resolve www.example.com];
} on-error={ :put "resolver failed"};
:put "lala"
