#!/bin/sh
# fuzz/run.sh SECONDS [TARGET...]: runs each libFuzzer target for SECONDS
# over its corpus in fuzz/corpus/NAME (new inputs are added there) and
# reports crashes.  SECONDS=0 replays the corpus once without fuzzing.
secs=${1:-60}; shift
targets=${*:-$(ls fuzz/fuzz_*.c | sed 's#fuzz/fuzz_\(.*\)\.c#\1#')}
mkdir -p fuzz/artifacts
status=0; pass=0; fail=0
for t in $targets; do
  bin=build-fuzz/fuzz_$t
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  if [ "$secs" = 0 ]; then
    files=$(find "$corpus" -type f | head -n 5000)
    if [ -z "$files" ]; then echo "fuzz $t: empty corpus"; continue; fi
    if $bin -runs=0 $files >fuzz/artifacts/$t.log 2>&1; then pass=$((pass+1)); echo "fuzz $t: corpus replay ok ($(echo "$files" | wc -l) inputs)";
    else fail=$((fail+1)); status=1; tail -30 fuzz/artifacts/$t.log; fi
  else
    # new inputs go to a scratch dir; the committed corpus only gains a
    # minimised merge of them afterwards (-merge=1)
    work=fuzz/work/$t; mkdir -p "$work"
    if $bin -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -artifact_prefix=fuzz/artifacts/$t- \
         "$work" "$corpus" >fuzz/artifacts/$t.log 2>&1; then
      pass=$((pass+1)); echo "fuzz $t: $(grep -E '^#[0-9]+.*(DONE|pulse)' fuzz/artifacts/$t.log | tail -n 1)"
      $bin -merge=1 "$corpus" "$work" >/dev/null 2>&1 || true
    else fail=$((fail+1)); status=1; echo "fuzz $t: FAILED"; tail -40 fuzz/artifacts/$t.log; fi
  fi
done
echo "fuzz: $pass passed, $fail failed"
exit $status
