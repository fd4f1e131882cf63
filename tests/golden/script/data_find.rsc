# reference §5.3: :find <in> <key> [<from>] - position of a substring or
# array element, or nil; [:find "abc" "a" -1] is 0 (HM-Scr); the search
# starts after from; Appendix B names: in key from.
:put [:find "abc" "a" -1]
:put [:find "abcabc" "c"]
:put [:find "abcabc" "c" 2]
:put [:typeof [:find "abc" "x"]]
:put [:find {"x";"y";"z"} "y"]
:put [:find in="key=value" key="="]
