# reference §2.3: a :local is visible in its block and the blocks nested in
# it, after its declaration; outside the block reading it is the undeclared
# variable error (old wiki: "line below will generate error").
{
:local a 3;
{
:local b 4;
:put ($a+$b);
}
:put ($a+$b);
}
