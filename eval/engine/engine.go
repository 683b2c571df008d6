package engine

import (
	"errors"
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"

	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
	"garantie/regles"
)

// Options tune an Engine; the zero value asks for the defaults.
type Options struct {
	// Workers is the number of goroutines that evaluate families in
	// parallel: 0 means GOMAXPROCS, 1 evaluates in the calling goroutine.
	// Results do not depend on it.
	Workers int
	// Explain fills Result.Trace. It costs nothing when false.
	Explain bool
	// Reference is the dated reference data (PMSS, RO rates, deductions
	// and their caps) the engine reads, and only it: pin or replace it to
	// evaluate with other values. nil means regles.Default(), the data
	// embedded in this release. It must not change once given.
	Reference regles.Reference
}

// Engine evaluates claims against a stack of contracts (layers): the first
// is the complémentaire, each next one pays on top of the previous ones
// (LANGUAGE.md §3 step 8). An Engine is immutable and safe for concurrent
// use; the state of envelopes lives in a Session.
type Engine struct {
	layers  []*layerPlan
	postes  []posteInfo      // by poste index
	index   map[string]int32 // poste code to index
	pmss    []pmssEntry      // by date
	ref     regles.Reference
	workers int
	explain bool
}

// pmssEntry is the PMSS in force from a date on.
type pmssEntry struct {
	since date.Day
	cents money.Cents
}

// New compiles the layers into an Engine. It fails when a layer is nil or
// incomplete (check.Check reported errors, so rules are missing: see
// check.Program.Complete), or holds something the checker should have
// rejected (an unknown poste, a period of zero months, an amount finer
// than the cent...).
func New(layers []*check.Program, opts Options) (*Engine, error) {
	if len(layers) == 0 {
		return nil, errors.New("eval: no contract to evaluate")
	}
	for k, prog := range layers {
		if prog == nil {
			return nil, fmt.Errorf("eval: layer %d is nil", k+1)
		}
		if !prog.Complete() {
			return nil, fmt.Errorf("eval: layer %d (%s) is incomplete: its check reported errors", k+1, prog.Name)
		}
	}
	e := &Engine{workers: opts.Workers, explain: opts.Explain, ref: opts.Reference}
	if e.ref == nil {
		e.ref = regles.Default()
	}
	if e.workers <= 0 {
		e.workers = runtime.GOMAXPROCS(0)
	}
	e.index, e.postes = buildPostes(layers)
	var nextID int32
	for k, prog := range layers {
		l, err := compileLayer(prog, &nextID)
		if err == nil {
			err = buildSelection(l, e.index, e.postes)
		}
		if err != nil {
			return nil, fmt.Errorf("eval: layer %d (%s): %w", k+1, prog.Name, err)
		}
		l.surco = k > 0
		e.layers = append(e.layers, l)
	}
	for _, en := range e.ref.History(regles.PMSS) {
		c, err := money.CentsOf(en.Amount)
		if err != nil {
			return nil, fmt.Errorf("eval: PMSS from %s: %w", en.Since.Format("2006-01-02"), err)
		}
		e.pmss = append(e.pmss, pmssEntry{since: date.DayFromTime(en.Since), cents: c})
	}
	return e, nil
}

// Evaluate evaluates a whole file of claims: Result i is the outcome of
// claims[i]. It is one Session given one batch.
func (e *Engine) Evaluate(claims []claims.Claim) []Result {
	out := make([]Result, len(claims))
	e.NewSession().Evaluate(claims, out)
	return out
}

// Session evaluates a stream of claims batch by batch, keeping the state of
// envelopes, counters, RO deduction caps, and the ids and families already
// seen. A Session is not safe for concurrent use; it uses the Engine's
// workers inside each call.
type Session struct {
	e      *Engine
	seed   maphash.Seed
	shards []*shard
	info   []lineInfo // per line of the current batch
}

// NewSession returns a Session with no state.
func (e *Engine) NewSession() *Session {
	s := &Session{e: e, seed: maphash.MakeSeed()}
	for range e.workers {
		s.shards = append(s.shards, newShard(e))
	}
	return s
}

// amountAt returns the amount of an envelope whose period starts on start.
func (e *Engine) amountAt(a amountPlan, start date.Day) (money.Cents, *Rejection) {
	if !a.isPMSS {
		return a.cents, nil
	}
	i, found := slices.BinarySearchFunc(e.pmss, start, func(p pmssEntry, d date.Day) int { return int(p.since) - int(d) })
	if !found {
		i--
	}
	if i < 0 {
		return 0, rejection(RejectNoReference, fmt.Sprintf("no PMSS is known on %s, the first day of the period", start))
	}
	return a.pmss.Of(e.pmss[i].cents), nil
}
