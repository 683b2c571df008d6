package engine

import (
	"garantie/eval/date"
	"garantie/eval/money"
)

// Result is the outcome of one claim line (LANGUAGE.md §3 and §5): the
// claim's identifying fields, the amounts of each payer, and either the
// reason the line was rejected or, per layer, what it paid and why.
//
// Amounts satisfy Frais = RONet + RC + Reste. A rejected line (Err != "")
// has zero amounts and no Couches.
type Result struct {
	Line   int         // line number in the claims file (Claim.Line)
	ID     string      // Claim.ID
	Assure string      // Claim.Assure
	Date   date.Day    // Claim.Date
	Poste  string      // Claim.Poste
	Frais  money.Cents // Claim.Frais
	// Err is why the line was rejected, "" when it was evaluated.
	Err string
	// ROBrut, PF and RONet are what the régime obligatoire paid before
	// deduction, withheld (participation forfaitaire or franchise), and
	// paid.
	ROBrut, PF, RONet money.Cents
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
	// Motif tells why the layer paid nothing: one of MotifNonCouvert,
	// MotifCarence, MotifMaxAtteint, MotifPlafondAtteint,
	// MotifForfaitEpuise; "" otherwise.
	Motif string
}
