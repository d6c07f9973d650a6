#!/bin/bash
# TEST, measured once after a passing VALIDATION decision: the card's commands for the candidate and rr1 (same
# classes), 4 examples per cell with DNSMOS, speech at -60 dBFS, and the veto's 16 examples per cell without DNSMOS.
. /work/runs/common.sh
R=/work/runs/m1a; T=$R/test; mkdir -p $T; cd /work/main
M=/work/main/models/src/main/resources/org/percepnet4j/models
one() { # name weights M extra...
  local n=$1 w=$2 m=$3; shift 3
  [ -s $T/$n.json ] || $J eval --weights $w --lookahead $m --no-oracle --no-clean --json $T/$n.json "$@" > $T/$n.txt 2>&1
}
for who in rr1 m1a; do
  if [ $who = rr1 ]; then W2=$M/percepnet4j-small-v2.safetensors; W1=$W2; W0=$M/percepnet4j-small-v2-m0.safetensors
  else W2=$R/percepnet4j-small-v2.safetensors; W1=$R/percepnet4j-small-v2-m1.safetensors; W0=$R/percepnet4j-small-v2-m0.safetensors; fi
  one $who-m2-16 $W2 2 --examples 16 --no-dnsmos
  one $who-m1-16 $W1 1 --examples 16 --no-dnsmos
  one $who-m0-16 $W0 0 --examples 16 --no-dnsmos
  one $who-m2 $W2 2 --examples 4
  one $who-m1 $W1 1 --examples 4
  one $who-m0 $W0 0 --examples 4
  one $who-m2-l60 $W2 2 --examples 4 --level -60
  one $who-m1-l60 $W1 1 --examples 4 --level -60
  one $who-m0-l60 $W0 0 --examples 4 --level -60
done
echo TEST DONE
