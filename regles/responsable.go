package regles

import "github.com/shopspring/decimal"

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

// GrilleOptiqueClasseB returns the six rows of the optique classe B grid
// (CSS R871-2), from the simplest lenses to the most complex. The slice
// is a fresh copy.
func GrilleOptiqueClasseB() []OptiqueGrille {
	row := func(verres string, lo, hi int64) OptiqueGrille {
		return OptiqueGrille{Verres: verres, Min: decimal.NewFromInt(lo), Max: decimal.NewFromInt(hi)}
	}
	return []OptiqueGrille{
		row("simple", 50, 420),
		row("simple+complexe", 125, 560),
		row("complexe", 200, 700),
		row("simple+tres_complexe", 125, 610),
		row("complexe+tres_complexe", 200, 750),
		row("tres_complexe", 200, 800),
	}
}

// MontureClasseBMax returns the most the RC may pay for a classe B frame,
// within the grid amounts: 100 € (CSS R871-2).
func MontureClasseBMax() decimal.Decimal { return decimal.NewFromInt(100) }

// AideAuditiveClasseIIMax returns the most that may be paid for a classe II
// hearing aid, per ear, RO included: 1,700 € (CSS R871-2).
func AideAuditiveClasseIIMax() decimal.Decimal { return decimal.NewFromInt(1700) }

// AideAuditiveClasseIIBase returns the base de remboursement of the RO for
// a classe II hearing aid, per ear, for an adult: 400 € (LPP, aides
// auditives classe II, base de remboursement 400 € depuis le 1er janvier
// 2021, arrêté du 14 novembre 2018). A rule that pays the ticket
// modérateur brings RO and RC to this base exactly, whatever the price.
func AideAuditiveClasseIIBase() decimal.Decimal { return decimal.NewFromInt(400) }

// ticketModerateurFacultatif lists the postes whose ticket modérateur a
// contrat responsable need not cover although the RO reimburses them
// (CSS R871-2, 1°): the cures thermales. Homeopathy and medicines at 15% or
// 30%, the other exceptions, have no poste of their own.
var ticketModerateurFacultatif = []string{"prestations.cure_thermale"}

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

// Renewal periods and thresholds of R871-2.
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

// Dépassements d'honoraires of doctors outside OPTAM/OPTAM-CO (CSS R871-2).
const (
	// DepassementNonOptamMaxPct: the RC covers at most this percentage of
	// the base above the base, so RO + RC reach at most 200% BRSS.
	DepassementNonOptamMaxPct = 100
	// DepassementEcartMinPct: what is covered for non-OPTAM doctors is at
	// least this percentage of the base below what is covered for OPTAM
	// doctors.
	DepassementEcartMinPct = 20
)
