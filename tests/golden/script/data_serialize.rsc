# reference §5.3 and §1.10: :serialize value=a,b,c to=json is
# ["a","b","c"]; JSON sorts keys and by default prints numeric strings as
# numbers with six decimals ({"number":1234,"string":1234.000000});
# options=json.no-string-conversion keeps strings
# ({"number":1234,"string":"1234"}) (HM-Scr, 7.13+).
:put [:serialize value=a,b,c to=json]
:put [:serialize to=json value={"string"="1234";"number"=1234}]
:put [:serialize to=json options=json.no-string-conversion value={"string"="1234";"number"=1234}]
