// Package gen writes deterministic synthetic claims files in the format
// of LANGUAGE.md §4, for demos, property tests and benchmarks.
//
// The same Options always produce the same bytes. The mix of postes,
// prices, bases, RO rates, ages and flags is modelled on the French
// market; docs/performance.md explains the choices.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// Options says what to generate. The zero values of IDs, Order and
// Columns give the default file, whose bytes do not change.
type Options struct {
	Claims        int       // number of claim lines
	Beneficiaries int       // number of beneficiaries
	Seed          uint64    // random seed
	From, To      time.Time // dates of care, inclusive
	// IDs is how line ids are numbered: increasing down the file
	// (Sequential), or a random permutation of the same ids (Shuffled),
	// as exports of claims systems have them.
	IDs Arrangement
	// Order is the order of the lines: by date (Sequential), or dates
	// in a random order (Shuffled). Shuffled lines take the same dates
	// as the sorted file, permuted; the other draws follow the line order,
	// so they are not a permutation of the sorted file's lines.
	Order Arrangement
	// Columns adds the columns of the amended LANGUAGE.md §4 when Full:
	// professionnel on the lines of doctors, laboratories and imaging,
	// equipement and verres on optique lines, a frame being followed by
	// its two lenses on the same date with the same equipement.
	Columns Columns
}

// Arrangement is the order of ids or lines in a generated file.
type Arrangement uint8

const (
	Sequential Arrangement = iota // ids increasing down the file; lines sorted by date
	Shuffled                      // a random permutation, fixed by the seed
)

// Columns selects the columns of a generated file.
type Columns uint8

const (
	Classic Columns = iota // the columns of Header
	Full                   // Header and professionnel, equipement, verres (FullHeader)
)

// Header is the header row written by Write with Classic columns.
const Header = "id,assure,famille,date,poste,frais,base,taux,quantite,naissance,adhesion,reseau,optam,secteur"

// FullHeader is the header row written by Write with Full columns.
const FullHeader = Header + ",professionnel,equipement,verres"

// beneficiary is a generated insured person.
type beneficiary struct {
	id        string
	famille   string
	naissance time.Time
	adhesion  time.Time
	weight    int // relative consumption of care, higher for seniors and infants
}

// Write generates the claims file.
func Write(w io.Writer, o Options) error {
	if o.Claims < 0 || o.Beneficiaries <= 0 {
		return fmt.Errorf("gen: need a positive number of beneficiaries and a non-negative number of claims")
	}
	if o.To.Before(o.From) {
		return fmt.Errorf("gen: --to %s is before --from %s", o.To.Format(time.DateOnly), o.From.Format(time.DateOnly))
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x6761726e74696521))
	people := population(rng, o.Beneficiaries, o.From)
	picker := newPicker(people)
	// The permutations and the extra columns draw from their own
	// generators, so that they leave the draws of the default file alone.
	ids := permutation(o.IDs, o.Claims, o.Seed, 1)
	dates := permutation(o.Order, o.Claims, o.Seed, 2)
	extra := newExtras(o.Columns, o.Seed)

	bw := bufio.NewWriterSize(w, 1<<16)
	if o.Columns == Full {
		bw.WriteString(FullHeader)
	} else {
		bw.WriteString(Header)
	}
	bw.WriteByte('\n')
	days := int(o.To.Sub(o.From).Hours()/24) + 1
	var line []byte
	var group []claim
	for i := 0; i < o.Claims; {
		// Dates rise evenly through the period, so the file is sorted by
		// date like an export from a claims system (unless shuffled).
		date := o.From.AddDate(0, 0, int(int64(dates.at(i))*int64(days)/int64(max(o.Claims, 1))))
		b := &people[picker.pick(rng)]
		c := drawClaim(rng, b, date)
		group = append(group[:0], c)
		if extra != nil {
			group = extra.complete(group[:0], rng, b, date, c, o.Claims-i)
		}
		for _, c := range group {
			line = appendClaim(line[:0], ids.at(i), b, date, c)
			if extra != nil {
				line = extra.appendColumns(line, c)
			}
			line = append(line, '\n')
			if _, err := bw.Write(line); err != nil {
				return err
			}
			i++
		}
	}
	return bw.Flush()
}

// order maps a line's position to a number: itself, or its image by a
// random permutation.
type order []int32

// permutation returns the identity (nil) for Sequential, else a random
// permutation of 0..n-1 fixed by seed and stream.
func permutation(a Arrangement, n int, seed, stream uint64) order {
	if a != Shuffled {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x7065726d75746521+stream))
	p := make(order, n)
	for i := range p {
		p[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

func (o order) at(i int) int {
	if o == nil {
		return i
	}
	return int(o[i])
}

// population draws beneficiaries grouped in families: a third live
// alone, the rest in couples, half of them with one to three children.
func population(rng *rand.Rand, n int, from time.Time) []beneficiary {
	people := make([]beneficiary, 0, n)
	fam := 0
	for len(people) < n {
		fam++
		famille := fmt.Sprintf("f%06d", fam)
		adults := 1 + rng.IntN(2)
		if rng.IntN(3) == 0 {
			adults = 1
		}
		children := 0
		if adults == 2 && rng.IntN(2) == 0 {
			children = 1 + rng.IntN(3)
		}
		adhesion := from.AddDate(-rng.IntN(10), -rng.IntN(12), -rng.IntN(28))
		parentAge := 20 + rng.IntN(65)
		for k := 0; k < adults+children && len(people) < n; k++ {
			age := parentAge + rng.IntN(5) - 2
			if k >= adults {
				age = rng.IntN(min(max(parentAge-18, 1), 18))
			}
			birth := from.AddDate(-age, -rng.IntN(12), -rng.IntN(28))
			w := 2
			switch {
			case age >= 70:
				w = 6
			case age >= 60:
				w = 4
			case age < 3:
				w = 4
			}
			people = append(people, beneficiary{
				id:        fmt.Sprintf("b%07d", len(people)+1),
				famille:   famille,
				naissance: birth,
				adhesion:  adhesion,
				weight:    w,
			})
		}
	}
	return people
}

// picker draws a beneficiary with probability proportional to its weight.
type picker struct {
	cumul []int
}

func newPicker(people []beneficiary) picker {
	c := make([]int, len(people))
	t := 0
	for i, p := range people {
		t += p.weight
		c[i] = t
	}
	return picker{c}
}

func (p picker) pick(rng *rand.Rand) int {
	x := rng.IntN(p.cumul[len(p.cumul)-1])
	lo, hi := 0, len(p.cumul)
	for lo < hi {
		m := (lo + hi) / 2
		if p.cumul[m] <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// appendClaim appends the line of claim c, numbered i from 0, without
// its line break.
func appendClaim(b []byte, i int, p *beneficiary, date time.Time, c claim) []byte {
	b = fmt.Appendf(b, "c%08d,%s,%s,%s,%s,", i+1, p.id, p.famille, date.Format(time.DateOnly), c.poste)
	b = appendCents(b, c.frais)
	b = append(b, ',')
	if c.base > 0 || c.taux > 0 {
		b = appendCents(b, c.base)
	}
	b = append(b, ',')
	if c.taux > 0 {
		b = fmt.Appendf(b, "%d", c.taux)
	}
	b = fmt.Appendf(b, ",%d,%s,%s,%s,%s,", c.quantite,
		p.naissance.Format(time.DateOnly), p.adhesion.Format(time.DateOnly), yesNo(c.reseau), yesNo(c.optam))
	if c.secteur > 0 {
		b = fmt.Appendf(b, "%d", c.secteur)
	}
	return b
}

func appendCents(b []byte, c int64) []byte {
	return fmt.Appendf(b, "%d.%02d", c/100, c%100)
}

func yesNo(v bool) string {
	if v {
		return "oui"
	}
	return "non"
}
