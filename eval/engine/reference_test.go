package engine_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"garantie/eval/engine"
	"garantie/regles"
)

// pinnedPMSS is the embedded reference data with the PMSS replaced by one
// amount since 2000.
type pinnedPMSS struct {
	regles.Reference
	amount decimal.Decimal
}

func (p pinnedPMSS) History(name regles.Name) []regles.Entry {
	if name != regles.PMSS {
		return p.Reference.History(name)
	}
	return []regles.Entry{{Name: regles.PMSS, Since: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), Amount: p.amount}}
}

func (p pinnedPMSS) Value(name regles.Name, date time.Time) (decimal.Decimal, error) {
	if name != regles.PMSS {
		return p.Reference.Value(name, date)
	}
	return p.amount, nil
}

// TestOptionsReference: the engine reads the PMSS from Options.Reference,
// and a nil Reference is the embedded data.
func TestOptionsReference(t *testing.T) {
	src := contract("prevention: forfait 5% PMSS / annee civile")
	c := claim("c1", "2026-06-01", "prevention.bilan", "500")
	for _, tt := range []struct {
		name string
		ref  regles.Reference
		rc   string
	}{
		{"nil", nil, "200.25"},                  // 5% of 4,005 (2026)
		{"default", regles.Default(), "200.25"}, // the same data
		{"pinned", pinnedPMSS{regles.Default(), decimal.RequireFromString("3000")}, "150.00"}, // 5% of 3,000
	} {
		e := mustEngine(t, engine.Options{Workers: 1, Reference: tt.ref}, src)
		res := e.Evaluate(numbered(c))
		if res[0].Err != nil || res[0].RC.String() != tt.rc {
			t.Errorf("%s: RC %s err %v, want %s", tt.name, res[0].RC, res[0].Err, tt.rc)
		}
	}
}
