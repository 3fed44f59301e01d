#!/usr/bin/env bash
# Runs every benchmark of ark-chat against the floor (JDK HttpClient + Jackson tree) and the official Volcengine SDK,
# and prints the results as Markdown (also written to benchmarks/target/benchmark-results.md).
#
#   benchmarks/run.sh            the full suite: JMH (figures 1-4), figure 2 in pairs, 256 concurrent streams (5), the
#                                500-stream load check, startup (6); about 16 minutes on 2 cores
#   benchmarks/run.sh --quick    the same with very short JMH settings and fewer startup runs (a smoke test)
#
# Environment: JAVA_HOME picks the JDK that runs the benchmarks (17 or later); JMH_ARGS replaces the JMH settings
# (default: -f 1 -wi 8 -w 3 -i 5 -r 3; ark-chat's deeper Spring stack needs some 20 s of JIT warm-up on a small
# machine); STARTUP_RUNS the number of startup rounds (default 30); PAIR_ROUNDS the rounds of figure 2 in pairs
# (default 100).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 8 -w 3 -i 5 -r 3"}
STARTUP_RUNS=${STARTUP_RUNS:-30}
PAIR_ROUNDS=${PAIR_ROUNDS:-100}
if [[ "${1:-}" == "--quick" ]]; then
	JMH_ARGS="-f 1 -wi 1 -w 1 -i 2 -r 1"
	STARTUP_RUNS=3
	PAIR_ROUNDS=10
fi

echo "Building (ark-chat modules and benchmarks, no tests)..." >&2
./mvnw -q -B -pl benchmarks -am package dependency:build-classpath@classpath -DskipTests
./mvnw -q -B -pl benchmarks dependency:build-classpath@classpath -Dstartup.baseline
./mvnw -q -B -pl benchmarks dependency:build-classpath@classpath -Dstartup.baseline -Dstartup.restclient \
	-Dbench.classpath.file=startup-restclient-classpath.txt
# the starter's own class path (the last module of this reactor writes the file last)
./mvnw -q -B -pl ark-chat-spring-boot-starter -am package dependency:build-classpath -DskipTests \
	-Dmdep.includeScope=runtime -Dmdep.outputFile="$ROOT/benchmarks/target/starter-classpath.txt"
cd benchmarks
CP="target/classes:$(cat target/classpath.txt)"
OUT=target/benchmark-results.md

{
	echo "## Results"
	echo
	echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "JDK: $("$JAVA" -version 2>&1 | head -1); official SDK: volcengine-java-sdk-ark-runtime $(sed -n 's:.*<volcengine-ark-runtime.version>\(.*\)</volcengine-ark-runtime.version>.*:\1:p' pom.xml)"
	echo "JMH settings: $JMH_ARGS"
	echo
} | tee "$OUT"

echo "JMH: figures 1-4..." >&2
# shellcheck disable=SC2086
"$JAVA" -cp "$CP" org.openjdk.jmh.Main $JMH_ARGS -prof gc -prof dev.arkchat.benchmarks.CpuTimeProfiler \
	-rf json -rff target/jmh-results.json 'dev\.arkchat\.benchmarks\..*Benchmark' >target/jmh-output.txt 2>&1 \
	|| { tail -40 target/jmh-output.txt >&2; exit 1; }
{
	echo "### Figures 1-4 (JMH; raw output in benchmarks/target/jmh-output.txt)"
	echo
	"$JAVA" -cp "$CP" dev.arkchat.benchmarks.JmhReport target/jmh-results.json
	echo
} | tee -a "$OUT"

echo "Figure 2 in pairs: ark-chat against the floor, alternating blocks of calls..." >&2
{
	echo "### Figure 2 in pairs: blocking round trip, ark-chat ÷ floor, alternating blocks in one JVM"
	echo
	"$JAVA" -Xms1g -Xmx1g -Djava.net.preferIPv4Stack=true -cp "$CP" dev.arkchat.benchmarks.BlockingPairs \
		--rounds "$PAIR_ROUNDS" --header
	echo
} | tee -a "$OUT"

echo "Figure 5: 256 concurrent one-second streams per client..." >&2
{
	echo "### Figure 5: 256 concurrent streams, each paced over 1 s by the server, default settings"
	echo
	header=--header
	for client in floor ark-chat official-sdk official-sdk-tuned; do
		"$JAVA" -Xmx1g -cp "$CP" dev.arkchat.benchmarks.ConcurrentStreams --client "$client" --streams 256 \
			--threads platform $header
		header=
	done
	echo
	echo "### Load check: 500 concurrent streams (virtual threads on JDK 21+, platform threads on 17)"
	echo
	"$JAVA" -Xmx1g -cp "$CP" dev.arkchat.benchmarks.ConcurrentStreams --client ark-chat --streams 500 \
		--threads auto --header
	echo
} | tee -a "$OUT"

echo "Figure 6: startup..." >&2
{
	echo "### Figure 6: startup of a minimal Spring Boot application"
	echo
	"$JAVA" -cp "$CP" dev.arkchat.benchmarks.StartupHarness --runs "$STARTUP_RUNS" \
		--baseline target/startup-baseline-classpath.txt --restclient target/startup-restclient-classpath.txt \
		--starter target/starter-classpath.txt --classes target/classes
} | tee -a "$OUT"
echo >&2
echo "Written to $ROOT/benchmarks/$OUT" >&2
