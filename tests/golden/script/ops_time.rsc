# reference §4.3: time +- time, time * / num ([DT]): (23:00:00 + 2:00:00)
# is 1d01:00:00, (1d - 1h) 23:00:00, (1h - 2h) -01:00:00, (1h / 60)
# 00:01:00; time values compare naturally; §4.2 ($Uptime - $X < 3m).
:put (23:00:00 + 2:00:00)
:put (1d - 1h)
:put (1h - 2h)
:put (1h / 60)
:put (1h * 3)
:local Uptime 1h
:local X 59m
:put ($Uptime - $X < 3m)
:put (1d > 23h)
