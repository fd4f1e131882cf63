# reference §3.4: :totime "1h30m" is 01:30:00, "1w2d3h4m5s" is
# 1w2d03:04:05, garbage is nil ([TS][DT]); :tonsec value=10:00 is
# 36000000000000 (HM-Scr, 7.12+).
:put [:totime "1h30m"]
:put [:totime "1w2d3h4m5s"]
:put [:typeof [:totime "garbage"]]
:put [:tonsec value=10:00]
:put [:typeof [:tonsec value=10:00]]
