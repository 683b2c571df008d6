package regles

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// DeductionUnitaire returns the amount the RO withholds for one unit of care
// (one consultation, one box, one act, one transport) under d at date: the
// participation forfaitaire or the franchise in force. It is 0 for
// NoDeduction. The caller applies the caps of Plafonds.
func DeductionUnitaire(d Deduction, date time.Time) (decimal.Decimal, error) {
	switch d {
	case NoDeduction:
		return decimal.Zero, nil
	case ParticipationForfaitaire:
		return Value(ParticipationForfaitaireMontant, date)
	case FranchiseMedicament, FranchiseParamedical:
		return Value(FranchiseMontant, date)
	case FranchiseTransport:
		return Value(FranchiseTransportMontant, date)
	}
	return decimal.Decimal{}, fmt.Errorf("regles: unknown deduction %d", int(d))
}

// DeductionCaps are the caps of a deduction kind at a date, per beneficiary.
// A zero Jour means that there is no daily cap.
type DeductionCaps struct {
	Jour decimal.Decimal // daily cap (0: none)
	An   decimal.Decimal // yearly cap (année civile)
}

// Plafonds returns the daily and yearly caps of d at date.
//
// The participation forfaitaire has a daily cap (per day with one
// professional) and its own yearly cap of 50 €. The franchises of all kinds
// (medicines, paramedical acts, transport) share one yearly cap of 50 €: An
// is the same amount for the three, and the caller counts them together.
// Paramedical acts and transport have their own daily caps; medicines have
// none (Jour is 0). NoDeduction has zero caps.
func Plafonds(d Deduction, date time.Time) (DeductionCaps, error) {
	var jour, an Name
	switch d {
	case NoDeduction:
		return DeductionCaps{Jour: decimal.Zero, An: decimal.Zero}, nil
	case ParticipationForfaitaire:
		jour, an = ParticipationForfaitairePlafondJour, ParticipationForfaitairePlafondAn
	case FranchiseMedicament:
		an = FranchisePlafondAn
	case FranchiseParamedical:
		jour, an = FranchisePlafondJourParamedical, FranchisePlafondAn
	case FranchiseTransport:
		jour, an = FranchisePlafondJourTransport, FranchisePlafondAn
	default:
		return DeductionCaps{}, fmt.Errorf("regles: unknown deduction %d", int(d))
	}
	caps := DeductionCaps{Jour: decimal.Zero}
	var err error
	if caps.An, err = Value(an, date); err != nil {
		return DeductionCaps{}, err
	}
	if jour != "" {
		if caps.Jour, err = Value(jour, date); err != nil {
			return DeductionCaps{}, err
		}
	}
	return caps, nil
}
