# reference §3.4: :tocrlf / :tolf convert line endings (7.14+); input= is
# the parameter name (Appendix B).
:put [:len [:tocrlf input="a\nb\n"]]
:put [:len [:tolf "a\r\nb\r\n"]]
:put ([:tolf "a\r\nb"] = "a\nb")
