package engine_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"garantie/eval/claims"
	"garantie/eval/engine"
	"garantie/eval/gen"
)

// BenchmarkStream streams 200,000 generated lines through Engine.Stream,
// reading CSV, under exemples/equilibre.garantie: the file sorted by date
// with ids in order (the streaming path, no id remembered), sorted by date
// with ids in no order (streaming, ids remembered), and fully shuffled
// (the external sort, with a 4 MiB budget so that it spills). It reports
// the CPU time of the process per line (cpu-ns/line), which a busy
// machine disturbs less than the wall time.
//
//	go test -run '^$' -bench BenchmarkStream ./eval/engine/
func BenchmarkStream(b *testing.B) {
	src, err := os.ReadFile("../../exemples/equilibre.garantie")
	if err != nil {
		b.Fatal(err)
	}
	e := mustEngine(b, engine.Options{}, string(src))
	var buf bytes.Buffer
	gen.Write(&buf, gen.Options{Claims: 200_000, Beneficiaries: 20_000, Seed: 1,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	rng := rand.New(rand.NewPCG(1, 1))
	randomIDs := make([]string, len(lines))
	copy(randomIDs, lines)
	for i := 1; i < len(randomIDs); i++ {
		l := randomIDs[i]
		randomIDs[i] = "r" + string(rune('a'+rng.IntN(26))) + l[1:strings.IndexByte(l, ',')] + l[strings.IndexByte(l, ','):]
	}
	shuffled := append([]string(nil), lines...)
	rng.Shuffle(len(shuffled)-1, func(i, j int) { shuffled[i+1], shuffled[j+1] = shuffled[j+1], shuffled[i+1] })
	for _, c := range []struct {
		name  string
		lines []string
	}{{"sorted", lines}, {"random-ids", randomIDs}, {"shuffled", shuffled}} {
		data := []byte(strings.Join(c.lines, "\n") + "\n")
		sv, err := claims.SurveyFile(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		o := engine.StreamOptionsOf(sv)
		o.SortMemory = 4 << 20
		b.Run(c.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				r, err := claims.NewReader(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				if err := e.Stream(r, o, func([]engine.Result) error { return nil }); err != nil {
					b.Fatal(err)
				}
				r.Close()
			}
			n := float64(b.N) * float64(len(c.lines)-1)
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/n, "cpu-ns/line")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/line")
		})
	}
}
