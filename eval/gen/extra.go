package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// extras draws the columns professionnel, equipement and verres of Full
// files, from a generator of its own.
type extras struct {
	rng        *rand.Rand
	equipments int // equipment ids given so far
}

func newExtras(c Columns, seed uint64) *extras {
	if c != Full {
		return nil
	}
	return &extras{rng: rand.New(rand.NewPCG(seed, 0x6571756970656d74))}
}

// Doctors, laboratories and imaging centres: pools from which lines draw
// their professionnel. A beneficiary's GP is fixed by the family.
const (
	specialistes = 5000
	laboratoires = 1000
	radiologues  = 800
	hopitaux     = 300
)

// complete appends to group the lines that claim c starts: c alone, with
// its professionnel, equipement and verres; or, for a frame, the frame
// and its two lenses (drawn from rng like any lens line), as room allows.
func (e *extras) complete(group []claim, rng *rand.Rand, b *beneficiary, date time.Time, c claim, room int) []claim {
	c.professionnel = e.professionnel(b, c.poste)
	switch c.poste {
	case "optique.monture", "optique.verres", "optique.equipement_100_sante":
		e.equipments++
		c.equipement = "e" + strconv.Itoa(e.equipments)
		c.verres = e.verres()
	}
	group = append(group, c)
	if c.poste == "optique.monture" {
		age := date.Year() - b.naissance.Year()
		for k := 0; k < 2 && len(group) < room; k++ {
			l := verres(rng, age, date)
			l.poste, l.equipement, l.verres = "optique.verres", c.equipement, c.verres
			group = append(group, l)
		}
	}
	return group
}

// professionnel returns the id of the professional of a line of poste,
// "" for postes without one in the file.
func (e *extras) professionnel(b *beneficiary, poste string) string {
	switch poste {
	case "consult.generaliste":
		return "mg-" + b.famille // the family's médecin traitant
	case "consult.specialiste":
		return fmt.Sprintf("sp%05d", e.rng.IntN(specialistes))
	case "soins.analyses":
		return fmt.Sprintf("lab%04d", e.rng.IntN(laboratoires))
	case "soins.imagerie":
		return fmt.Sprintf("rad%04d", e.rng.IntN(radiologues))
	case "hospitalisation.honoraires":
		return fmt.Sprintf("hop%04d", e.rng.IntN(hopitaux))
	}
	return ""
}

// verres draws the kind of lenses: simple for most equipments, complexe
// for a third, tres_complexe for a few.
func (e *extras) verres() string {
	switch x := e.rng.IntN(100); {
	case x < 60:
		return "simple"
	case x < 95:
		return "complexe"
	}
	return "tres_complexe"
}

// appendColumns appends the three extra columns of c to a line.
func (e *extras) appendColumns(b []byte, c claim) []byte {
	b = append(b, ',')
	b = append(b, c.professionnel...)
	b = append(b, ',')
	b = append(b, c.equipement...)
	b = append(b, ',')
	return append(b, c.verres...)
}
