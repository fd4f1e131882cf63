# reference §2.3 (HM-Scr "Local scope"): a :global declared in an inner
# block is not visible in the outer block unless declared there again:
# the first block prints 3, the second (with ":global b;") prints 7.
{ :local a 3; { :global b 4; } :put ($a+$b); }
{
:local a 3;
{
:global b 4;
}
:global b;
:put ($a+$b);
}
