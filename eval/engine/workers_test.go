package engine_test

import (
	"runtime"
	"testing"

	"garantie/eval/engine"
)

// TestManyWorkersCostLittle gives an engine 2,000 workers and a batch of
// a few lines: only the workers that get families may allocate their
// state, so the session must cost little more than one worker. (With a
// state preallocated per worker, 2,000 workers took 250 MB.)
func TestManyWorkersCostLittle(t *testing.T) {
	e := mustEngine(t, engine.Options{Workers: 2000}, contract("soins: 100% BRSS"))
	batch := numbered(
		claim("c1", "2026-03-01", "soins", "30", base("30"), taux(60), assure("a1")),
		claim("c2", "2026-03-02", "soins", "30", base("30"), taux(60), assure("a2")),
	)
	out := make([]engine.Result, len(batch))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := e.NewSession()
	s.Evaluate(batch, out)
	runtime.ReadMemStats(&after)
	if out[0].Err != nil || out[1].RC != 1200 {
		t.Fatalf("results %+v", out)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 20<<20 {
		t.Errorf("a session of 2,000 workers allocated %d MB for 2 lines", grown>>20)
	}
}
