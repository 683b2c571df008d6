package gen

import (
	"math/rand/v2"
	"time"
)

// claim is one drawn act, before it is written.
type claim struct {
	poste    string
	frais    int64 // cents
	base     int64 // cents
	taux     int   // RO rate in percent, 0 to let the engine use regles
	quantite int
	reseau   bool
	optam    bool
	secteur  int
	// The columns of Full files.
	professionnel, equipement, verres string
}

// act describes how one poste's claims are drawn.
type act struct {
	poste  string
	weight int // relative share of the claims (the weights sum to 965)
	draw   func(rng *rand.Rand, age int, date time.Time) claim
}

// mix is the poste mix, weighted after the orders of magnitude of the
// Assurance Maladie's yearly statistics: pharmacy and GP consultations
// dominate the number of lines; optique, dentaire and hospital lines are
// rare but expensive.
var mix = []act{
	{"soins.pharmacie", 260, pharmacie},
	{"consult.generaliste", 200, generaliste},
	{"consult.specialiste", 90, specialiste},
	{"soins.auxiliaires", 80, auxiliaires},
	{"soins.analyses", 80, fixedBase(1000, 8000, 0)},
	{"soins.imagerie", 40, imagerie},
	{"dentaire.soins", 40, fixedBase(2300, 5000, 0)},
	{"medecine_douce.osteopathie", 30, seance(5000, 8000)},
	{"medecine_douce.acupuncture", 8, seance(4000, 7000)},
	{"medecine_douce.chiropraxie", 6, seance(5000, 7000)},
	{"soins.psychologue", 12, fixedBase(5000, 5000, 0)},
	{"soins.transport", 10, fixedBase(3000, 15000, 0)},
	{"prevention.vaccins", 10, fixedBase(800, 4000, 0)},
	{"optique.monture", 15, monture},
	{"optique.verres", 15, verres},
	{"optique.lentilles", 5, lentilles},
	{"optique.equipement_100_sante", 5, equipement100},
	{"dentaire.prothese", 15, prothese},
	{"dentaire.prothese_100_sante", 7, prothese100},
	{"dentaire.implant", 3, implant},
	{"hospitalisation.honoraires", 15, honoraires},
	{"hospitalisation.forfait_journalier", 10, forfaitJournalier},
	{"hospitalisation.chambre_particuliere", 7, chambre},
	{"audiologie.aide", 2, aideAuditive},
}

var mixTotal = func() int {
	t := 0
	for _, a := range mix {
		t += a.weight
	}
	return t
}()

// drawClaim draws one act for a beneficiary on a date.
func drawClaim(rng *rand.Rand, b *beneficiary, date time.Time) claim {
	age := date.Year() - b.naissance.Year()
	x := rng.IntN(mixTotal)
	for _, a := range mix {
		if x < a.weight {
			c := a.draw(rng, age, date)
			c.poste = a.poste
			return c
		}
		x -= a.weight
	}
	panic("unreachable: weights cover mixTotal")
}

// between draws a whole number of cents in [lo, hi].
func between(rng *rand.Rand, lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + rng.Int64N(hi-lo+1)
}

// euros rounds cents down to whole euros, as most fees are charged.
func euros(c int64) int64 { return c / 100 * 100 }

func pharmacie(rng *rand.Rand, _ int, _ time.Time) claim {
	price := between(rng, 150, 6000)
	taux := 65
	switch rng.IntN(10) {
	case 0:
		taux = 30
	case 1:
		taux = 15
	}
	return claim{frais: price, base: price, taux: taux, quantite: 1 + rng.IntN(3)}
}

// consultationG is the GP tariff: 26.50 € then 30 € from 2024-12-22.
func consultationG(date time.Time) int64 {
	if date.Before(time.Date(2024, 12, 22, 0, 0, 0, 0, time.UTC)) {
		return 2650
	}
	return 3000
}

func generaliste(rng *rand.Rand, _ int, date time.Time) claim {
	base := consultationG(date)
	c := claim{frais: base, base: base, quantite: 1, secteur: 1}
	if rng.IntN(10) == 0 { // one GP in ten charges dépassements
		c.secteur = 2
		c.optam = rng.IntN(2) == 0
		c.frais = base + euros(between(rng, 500, 2500))
	}
	return c
}

func specialiste(rng *rand.Rand, _ int, _ time.Time) claim {
	base := int64(3000 + 100*rng.IntN(30))
	c := claim{frais: base, base: base, quantite: 1, secteur: 1}
	switch r := rng.IntN(100); {
	case r < 45: // secteur 2, OPTAM for about 60% of them
		c.secteur = 2
		c.optam = rng.IntN(10) < 6
		c.frais = base + euros(between(rng, 1000, 6000))
	case r < 48:
		c.secteur = 3
		c.frais = base + euros(between(rng, 3000, 9000))
	}
	return c
}

func auxiliaires(rng *rand.Rand, _ int, _ time.Time) claim {
	base := int64(1613) // kinésithérapie AMK 7.5 area
	n := 1 + rng.IntN(8)
	return claim{frais: base * int64(n), base: base * int64(n), quantite: n}
}

func imagerie(rng *rand.Rand, _ int, _ time.Time) claim {
	base := between(rng, 2500, 12000)
	c := claim{frais: base, base: base, quantite: 1, secteur: 1}
	if rng.IntN(4) == 0 {
		c.secteur = 2
		c.optam = rng.IntN(2) == 0
		c.frais = base + euros(between(rng, 1000, 5000))
	}
	return c
}

// fixedBase draws a fee equal to its base, in [lo, hi] cents, with the
// rate left to regles unless taux is set.
func fixedBase(lo, hi int64, taux int) func(*rand.Rand, int, time.Time) claim {
	return func(rng *rand.Rand, _ int, _ time.Time) claim {
		base := between(rng, lo, hi)
		return claim{frais: base, base: base, taux: taux, quantite: 1}
	}
}

// seance draws a séance of a practitioner the RO does not reimburse.
func seance(lo, hi int64) func(*rand.Rand, int, time.Time) claim {
	return func(rng *rand.Rand, _ int, _ time.Time) claim {
		return claim{frais: euros(between(rng, lo, hi)), quantite: 1}
	}
}

func monture(rng *rand.Rand, age int, _ time.Time) claim {
	base := int64(5) // 0.05 € for an adult frame
	if age < 16 {
		base = 3049
	}
	return claim{frais: euros(between(rng, 6000, 30000)), base: base, quantite: 1, reseau: rng.IntN(3) == 0}
}

func verres(rng *rand.Rand, age int, _ time.Time) claim {
	base := between(rng, 458, 4908)
	if age < 16 {
		base = between(rng, 2500, 8000)
	}
	return claim{frais: euros(between(rng, 10000, 70000)), base: base, quantite: 1, reseau: rng.IntN(3) == 0}
}

func lentilles(rng *rand.Rand, _ int, _ time.Time) claim {
	return claim{frais: euros(between(rng, 8000, 40000)), base: 3948, quantite: 1}
}

func equipement100(rng *rand.Rand, _ int, _ time.Time) claim {
	price := between(rng, 9500, 18000)
	return claim{frais: price, base: price * 60 / 100, quantite: 1}
}

func prothese(rng *rand.Rand, _ int, _ time.Time) claim {
	return claim{frais: euros(between(rng, 40000, 90000)), base: 12000, quantite: 1, reseau: rng.IntN(4) == 0}
}

func prothese100(rng *rand.Rand, _ int, _ time.Time) claim {
	return claim{frais: 50000, base: 12000, quantite: 1}
}

func implant(rng *rand.Rand, _ int, _ time.Time) claim {
	return claim{frais: euros(between(rng, 90000, 200000)), quantite: 1}
}

func honoraires(rng *rand.Rand, _ int, _ time.Time) claim {
	base := euros(between(rng, 10000, 80000))
	c := claim{frais: base, base: base, quantite: 1, secteur: 1}
	if rng.IntN(2) == 0 {
		c.secteur = 2
		c.optam = rng.IntN(10) < 6
		c.frais = base + euros(between(rng, 5000, 60000))
	}
	return c
}

func forfaitJournalier(rng *rand.Rand, _ int, date time.Time) claim {
	days := 1 + rng.IntN(8)
	per := int64(2000)
	if !date.Before(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		per = 2300
	}
	return claim{frais: per * int64(days), quantite: days}
}

func chambre(rng *rand.Rand, _ int, _ time.Time) claim {
	days := 1 + rng.IntN(8)
	return claim{frais: euros(between(rng, 5000, 12000)) * int64(days), quantite: days}
}

func aideAuditive(rng *rand.Rand, _ int, _ time.Time) claim {
	return claim{frais: euros(between(rng, 120000, 200000)), base: 40000, quantite: 1}
}
