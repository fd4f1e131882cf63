# reference §5.3: :range <from> <to> - [:range 2 8] is 2;3;4;5;6;7;8
# (inclusive, HM-Scr, 7.17+).
:put [:range 2 8]
:put [:len [:range 2 8]]
