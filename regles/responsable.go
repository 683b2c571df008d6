package regles

import (
	"time"

	"github.com/shopspring/decimal"
)

// Constraints of the contrat responsable (Code de la sécurité sociale, L871-1
// and R871-2) that the checker of guarantee tables verifies.

// OptiqueGrille is a row of the optique classe B grid of R871-2: what the RC
// pays for one equipment (a frame and two lenses), ticket modérateur
// included, must lie between Min and Max for the kind of lenses.
type OptiqueGrille struct {
	// Verres is the kind of the two lenses: "simple", "simple+complexe",
	// "complexe", "simple+tres_complexe", "complexe+tres_complexe",
	// "tres_complexe".
	Verres   string
	Min, Max decimal.Decimal
}

// grilleNames lists the grid rows of R871-2 with their names in
// valeurs.csv, from the simplest lenses to the most complex.
var grilleNames = []struct {
	verres   string
	min, max Name
}{
	{"simple", OptiqueClasseBSimpleMin, OptiqueClasseBSimpleMax},
	{"simple+complexe", OptiqueClasseBSimpleComplexeMin, OptiqueClasseBSimpleComplexeMax},
	{"complexe", OptiqueClasseBComplexeMin, OptiqueClasseBComplexeMax},
	{"simple+tres_complexe", OptiqueClasseBSimpleTresComplexeMin, OptiqueClasseBSimpleTresComplexeMax},
	{"complexe+tres_complexe", OptiqueClasseBComplexeTresComplexeMin, OptiqueClasseBComplexeTresComplexeMax},
	{"tres_complexe", OptiqueClasseBTresComplexeMin, OptiqueClasseBTresComplexeMax},
}

// GrilleOptiqueClasseB returns the six rows of the optique classe B grid
// (CSS R871-2) in force at date, from the simplest lenses to the most
// complex.
func (t *Tables) GrilleOptiqueClasseB(date time.Time) ([]OptiqueGrille, error) {
	out := make([]OptiqueGrille, 0, len(grilleNames))
	for _, g := range grilleNames {
		lo, err := t.Value(g.min, date)
		if err != nil {
			return nil, err
		}
		hi, err := t.Value(g.max, date)
		if err != nil {
			return nil, err
		}
		out = append(out, OptiqueGrille{Verres: g.verres, Min: lo, Max: hi})
	}
	return out, nil
}

// GrilleOptiqueClasseB returns the six rows of the optique classe B grid
// (CSS R871-2) of the embedded data in their latest version, from the
// simplest lenses to the most complex. The slice is a fresh copy. Use
// Default().GrilleOptiqueClasseB for the grid at a date.
func GrilleOptiqueClasseB() []OptiqueGrille {
	out := make([]OptiqueGrille, 0, len(grilleNames))
	for _, g := range grilleNames {
		out = append(out, OptiqueGrille{Verres: g.verres, Min: embedded.latest(g.min), Max: embedded.latest(g.max)})
	}
	return out
}

// MontureClasseBMax returns the most the RC may pay for a classe B frame,
// within the grid amounts: 100 € (CSS R871-2; OptiqueClasseBMontureMax).
func MontureClasseBMax() decimal.Decimal { return embedded.latest(OptiqueClasseBMontureMax) }

// AideAuditiveClasseIIMax returns the most that may be paid for a classe II
// hearing aid, per ear, RO included: 1,700 € (CSS R871-2;
// AideAuditiveClasseIIPlafond).
func AideAuditiveClasseIIMax() decimal.Decimal { return embedded.latest(AideAuditiveClasseIIPlafond) }

// AideAuditiveClasseIIBase returns the base de remboursement of the RO for
// a classe II hearing aid, per ear, for a beneficiary of 20 years or more:
// 400 € (AideAuditiveBase; under 20 it is AideAuditiveBaseMoins20, 1,400 €).
// A rule that pays the ticket modérateur brings RO and RC to this base
// exactly, whatever the price.
func AideAuditiveClasseIIBase() decimal.Decimal { return embedded.latest(AideAuditiveBase) }

// ticketModerateurFacultatif lists the postes whose ticket modérateur a
// contrat responsable need not cover although the RO reimburses them
// (CSS R871-2, 1°): the cures thermales. Homeopathy and medicines at 15% or
// 30%, the other exceptions, have no poste of their own. The passage aux
// urgences has no ticket modérateur since 2022 (the RO pays it in full
// less the forfait patient urgences): what a contrat responsable owes there
// is the participation, see ParticipationObligatoire.
var ticketModerateurFacultatif = []string{"prestations.cure_thermale", "hospitalisation.urgences"}

// participationObligatoire are the postes whose participation (claim column
// participation) a contrat responsable must pay: the forfait patient
// urgences, which replaced the ticket modérateur of a passage aux urgences
// on 2022-01-01 (LFSS 2021 art. 51, CSS L160-13 and R160-17-1) and which
// the cahier des charges of R871-2 covers like the ticket modérateur it
// replaced.
var participationObligatoire = []string{"hospitalisation.urgences"}

// ParticipationObligatoire reports whether a contrat responsable must pay
// the participation the RO withholds on code (a nomenclature code or a
// poste declared under one).
func ParticipationObligatoire(code string) bool {
	for c := code; c != ""; c = Parent(c) {
		for _, f := range participationObligatoire {
			if c == f {
				return true
			}
		}
	}
	return false
}

// TicketModerateurFacultatif reports whether a contrat responsable may
// leave the ticket modérateur of code (a nomenclature code or a poste
// declared under one) uncovered.
func TicketModerateurFacultatif(code string) bool {
	for c := code; c != ""; c = Parent(c) {
		for _, f := range ticketModerateurFacultatif {
			if c == f {
				return true
			}
		}
	}
	return false
}

// honorairesPostes are the postes whose RO base is doctors' fees, where
// the OPTAM rules of R871-2 govern dépassements d'honoraires:
// consultations and visits (and the actes techniques médicaux billed with
// them), imaging (the radiologist's fees) and the fees of surgeons and
// other doctors in hospital. The linter (R871-2 checks) and the engine
// (the 200% BRSS ceiling of a non-OPTAM line) share this one list.
var honorairesPostes = []string{"consult", "hospitalisation.honoraires", "soins.imagerie"}

// HonorairesMedicaux reports whether code (a nomenclature code or a poste
// declared under one) is a poste of doctors' fees: one of the list above
// or below one of them.
func HonorairesMedicaux(code string) bool {
	for c := code; c != ""; c = Parent(c) {
		for _, h := range honorairesPostes {
			if c == h {
				return true
			}
		}
	}
	return false
}

// Renewal periods and thresholds of R871-2, as constants for the checks of
// the linter; the same values, with their dates and sources, are the names
// OptiqueRenouvellement, OptiqueRenouvellementMoins16,
// OptiqueAgeRenouvellementAns and AideAuditiveRenouvellement of valeurs.csv
// (a test keeps them equal).
const (
	// AideAuditiveRenouvellementMois: one hearing aid per ear every 4 years
	// (CSS R871-2).
	AideAuditiveRenouvellementMois = 48
	// OptiqueRenouvellementMois: one equipment every 2 years from
	// OptiqueAgeRenouvellement years of age (CSS R871-2).
	OptiqueRenouvellementMois = 24
	// OptiqueRenouvellementMoisMoins16: one equipment a year under
	// OptiqueAgeRenouvellement years of age (or when vision changes).
	OptiqueRenouvellementMoisMoins16 = 12
	// OptiqueAgeRenouvellement is the age from which the 2-year period
	// applies.
	OptiqueAgeRenouvellement = 16
)

// Dépassements d'honoraires of doctors outside OPTAM/OPTAM-CO (CSS R871-2);
// the same values with their dates and sources are DepassementNonOptamMax
// and DepassementEcartMin of valeurs.csv (a test keeps them equal).
const (
	// DepassementNonOptamMaxPct: the RC covers at most this percentage of
	// the base above the base, so RO + RC reach at most 200% BRSS.
	DepassementNonOptamMaxPct = 100
	// DepassementEcartMinPct: what is covered for non-OPTAM doctors is at
	// least this percentage of the base below what is covered for OPTAM
	// doctors.
	DepassementEcartMinPct = 20
)
