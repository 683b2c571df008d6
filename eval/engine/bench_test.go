package engine_test

import (
	"bytes"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/gen"
)

// cpuTime returns the user and system CPU time of the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchClaims returns n generated claims for n/10 beneficiaries over 2026.
func benchClaims(b *testing.B, n int) []claims.Claim {
	b.Helper()
	var buf bytes.Buffer
	o := gen.Options{Claims: n, Beneficiaries: n / 10, Seed: 1,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	if err := gen.Write(&buf, o); err != nil {
		b.Fatal(err)
	}
	claims, err := claims.ReadAll(&buf)
	if err != nil {
		b.Fatal(err)
	}
	return claims
}

// BenchmarkEngine evaluates 100,000 generated claims under the
// intermediate contract exemples/equilibre.garantie (forfaits, counters,
// plafonds, conditions), streaming them through a Session in batches of
// 16,384 lines as a CLI does. It reports the wall time per claim
// (ns/claim), the CPU time of the process per claim, all workers together
// (cpu-ns/claim, which a busy machine disturbs less), and allocs/claim.
//
//	go test -run '^$' -bench BenchmarkEngine ./eval/engine/
func BenchmarkEngine(b *testing.B) {
	src, err := os.ReadFile("../../exemples/equilibre.garantie")
	if err != nil {
		b.Fatal(err)
	}
	claims := benchClaims(b, 100_000)
	for _, workers := range []int{1, 2} {
		b.Run("workers="+string(rune('0'+workers)), func(b *testing.B) {
			e := mustEngine(b, engine.Options{Workers: workers}, string(src))
			const batch = 16384
			out := make([]engine.Result, batch)
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				s := e.NewSession()
				for lo := 0; lo < len(claims); lo += batch {
					hi := min(lo+batch, len(claims))
					s.Evaluate(claims[lo:hi], out)
				}
			}
			b.StopTimer()
			cpu := cpuTime() - cpu0
			runtime.ReadMemStats(&ms1)
			n := float64(b.N) * float64(len(claims))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/claim")
			b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/claim")
			b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/n, "allocs/claim")
		})
	}
}
