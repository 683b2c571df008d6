package engine

import (
	"strconv"

	"garantie/eval/date"
	"garantie/eval/money"
)

// Result is the outcome of one claim line (LANGUAGE.md §3 and §5): the
// claim's identifying fields, the amounts of each payer, and either the
// reason the line was rejected or, per layer, what it paid and why.
//
// Amounts satisfy Frais = RONet + RC + Reste. A rejected line (Err != nil)
// has zero amounts and no Couches.
type Result struct {
	Line   int         // line number in the claims file (Claim.Line)
	ID     string      // Claim.ID
	Assure string      // Claim.Assure
	Date   date.Day    // Claim.Date
	Poste  string      // Claim.Poste
	Frais  money.Cents // Claim.Frais
	// Err is why the line was rejected, nil when it was evaluated. Each
	// rejected line has its own Rejection.
	Err *Rejection
	// ROBrut, PF and RONet are what the régime obligatoire paid before
	// deduction, withheld (participation forfaitaire or franchise), and
	// paid.
	ROBrut, PF, RONet money.Cents
	// Participation is what the RO withheld besides PF (claim column
	// participation): RONet = ROBrut − PF − Participation.
	Participation money.Cents
	// RC is the total of the complementary layers; Reste the reste à
	// charge.
	RC, Reste money.Cents
	// Couches has one entry per layer, in the order the engine was given
	// them.
	Couches []Couche
	// Trace explains the computation in sentences, with
	// Options.Explain only.
	Trace []string
}

// Couche is what one layer (a contract) paid on a line.
type Couche struct {
	RC money.Cents
	// Regle is the formula rule that applied, as "file:line"; "" when no
	// formula rule holds.
	Regle string
	// Motif tells why the layer paid nothing, or why it paid other than
	// its formula (the price above the legal limit, the law of the
	// contrat responsable); MotifNone otherwise.
	Motif Motif
}

// Motif is why a layer paid nothing on a line (LANGUAGE.md §5). Its
// String is the French text of the results ("non couvert"...), "" for
// MotifNone.
type Motif uint8

// Reasons a layer paid nothing, reported in Couche.Motif.
const (
	MotifNone           Motif = iota // the layer paid, or paid 0 for no listed reason
	MotifNonCouvert                  // no formula rule holds, or it is "non couvert"
	MotifCarence                     // care dated within a waiting period
	MotifMaxAtteint                  // a "max" counter has no unit left
	MotifPlafondAtteint              // a plafond has nothing left
	// MotifForfaitEpuise: the formula's only money would have come from
	// forfaits whose envelopes are empty, and no other term paid.
	MotifForfaitEpuise
	// MotifPrixAuDessusLimite: the line is billed above the legal price
	// limit of its 100% Santé item; its N% PLV terms pay within the limit.
	MotifPrixAuDessusLimite
	// MotifLimiteInconnue: the line's 100% Santé price limit cannot be
	// told (a hearing aid without naissance, an optical equipment without
	// verres or with very complex lenses): its N% PLV terms pay 0.
	MotifLimiteInconnue
	// MotifPanier100Sante: a contrat responsable pays a 100% Santé basket
	// up to its legal price limit by law, above what its rules paid.
	MotifPanier100Sante
	// MotifTicketModerateur: a contrat responsable pays the ticket
	// modérateur in full by law, above what its rules paid.
	MotifTicketModerateur
	// MotifPlafondLegal: a legal ceiling of the contrat responsable cut
	// what the rules paid (non-OPTAM fees, classe II hearing aid, classe
	// B optique).
	MotifPlafondLegal
	// MotifForfaitUrgences: a contrat responsable pays the forfait
	// patient urgences the RO withheld in full by law, above what its
	// rules paid.
	MotifForfaitUrgences
)

var motifText = [...]string{
	MotifNone:               "",
	MotifNonCouvert:         "non couvert",
	MotifCarence:            "carence",
	MotifMaxAtteint:         "max atteint",
	MotifPlafondAtteint:     "plafond atteint",
	MotifForfaitEpuise:      "forfait épuisé",
	MotifPrixAuDessusLimite: "prix au-dessus de la limite légale",
	MotifLimiteInconnue:     "limite légale inconnue",
	MotifPanier100Sante:     "100% Santé pris en charge par la loi",
	MotifTicketModerateur:   "ticket modérateur pris en charge par la loi",
	MotifPlafondLegal:       "plafond légal du contrat responsable",
	MotifForfaitUrgences:    "forfait patient urgences pris en charge par la loi",
}

// String returns the motif as the results write it: "non couvert",
// "carence", "max atteint", "plafond atteint", "forfait épuisé", "prix
// au-dessus de la limite légale"..., or "".
func (m Motif) String() string {
	if int(m) < len(motifText) {
		return motifText[m]
	}
	return "motif(" + strconv.Itoa(int(m)) + ")"
}
