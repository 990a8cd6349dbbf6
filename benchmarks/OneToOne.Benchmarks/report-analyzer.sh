#!/usr/bin/env bash
# The generator's and analyzers' share of a real build, from the compiler's own -reportanalyzer summary.
#
#   benchmarks/OneToOne.Benchmarks/report-analyzer.sh samples/OneToOne.Sample/OneToOne.Sample.csproj
#   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --write-project /tmp/oto1000 1000
#   benchmarks/OneToOne.Benchmarks/report-analyzer.sh /tmp/oto1000/Synthetic.csproj
#
# The project's dependencies are built first; then only the project itself is compiled again (--no-dependencies
# --no-incremental) with ReportAnalyzer=true at detailed verbosity, and the Csc task's summary is extracted: the
# compiler's wall time for the project (PerformanceSummary), the total analyzer and generator times, and the lines of
# the OneToOne.Generator assembly. SERVER=1 compiles through the compiler server (VBCSCompiler) as a developer's
# machine does by default, twice, and reports the second (warm) build; without it, the environment decides (this
# workplace sets UseSharedCompilation=false: a new csc process per project, JIT included).
set -euo pipefail
project="${1:?usage: report-analyzer.sh PROJECT.csproj}"
log="$(mktemp)"
trap 'rm -f "$log" "$log.noanalyzers"' EXIT
server=()
if [ "${SERVER:-0}" = 1 ]; then server=(-p:UseSharedCompilation=true); fi

dotnet build "$project" -c Release "${server[@]}" > "$log" || { tail -20 "$log"; exit 1; }
runs=1
if [ "${SERVER:-0}" = 1 ]; then runs=2; fi
for _ in $(seq "$runs"); do
  dotnet build "$project" -c Release --no-dependencies --no-incremental "${server[@]}" \
    -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log" || { grep -E 'error' "$log" | head -20; exit 1; }
done

# The same compilation without any analyzer (generators still run: csc /skipanalyzers).
dotnet build "$project" -c Release --no-dependencies --no-incremental "${server[@]}" \
  -p:RunAnalyzers=false -clp:PerformanceSummary > "$log.noanalyzers" || { grep -E 'error' "$log.noanalyzers" | head -20; exit 1; }

echo "project: $project (UseSharedCompilation=${server[*]:-from the environment: ${UseSharedCompilation:-default}})"
# The Csc task's time, from the task performance summary (milliseconds).
grep -E '^\s+[0-9]+ ms\s+Csc\s+[0-9]+ calls' "$log" | sed -E 's/^\s+/  Csc task (compiler wall time): /' || true
# The summaries the compiler prints with -reportanalyzer.
grep -E 'Total (analyzer|generator) execution time' "$log" | sed -E 's/^\s+/  /'
grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+OneToOne\.Generator(\.|,)' "$log" | sed -E 's/^\s+/  /' || true
grep -E '^\s+[0-9]+ ms\s+Csc\s+[0-9]+ calls' "$log.noanalyzers" | sed -E 's/^\s+/  Csc task with RunAnalyzers=false (generators only): /' || true
rm -f "$log.noanalyzers"
