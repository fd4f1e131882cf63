# reference §2.3, §5.4 (HM-Scr "Functions"): a function calls another only
# after declaring it with :global; :return gives the value of [$f].
:global funcA do={ :return 5 }
:global funcB do={
  :global funcA;
  :return ([$funcA] + 4)
}
:put [$funcB]
