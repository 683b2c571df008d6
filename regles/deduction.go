package regles

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// DeductionUnitaire returns the amount the RO withholds for one unit of
// care under d at date in the embedded data (Default().DeductionUnitaire).
func DeductionUnitaire(d Deduction, date time.Time) (decimal.Decimal, error) {
	return embedded.DeductionUnitaire(d, date)
}

// Plafonds returns the caps of d at date in the embedded data
// (Default().Plafonds).
func Plafonds(d Deduction, date time.Time) (DeductionCaps, error) {
	return embedded.Plafonds(d, date)
}

// DeductionUnitaire returns the amount the RO withholds for one unit of care
// (one consultation, one box, one act, one transport) under d at date: the
// participation forfaitaire or the franchise in force. It is 0 for
// NoDeduction. The caller applies the caps of Plafonds.
func (t *Tables) DeductionUnitaire(d Deduction, date time.Time) (decimal.Decimal, error) {
	switch d {
	case NoDeduction:
		return decimal.Zero, nil
	case ParticipationForfaitaire:
		return t.Value(ParticipationForfaitaireMontant, date)
	case FranchiseMedicament, FranchiseParamedical:
		return t.Value(FranchiseMontant, date)
	case FranchiseTransport:
		return t.Value(FranchiseTransportMontant, date)
	}
	return decimal.Decimal{}, fmt.Errorf("regles: unknown deduction %d", int(d))
}

// DeductionCaps are the caps of a deduction kind at a date, per beneficiary.
// A zero Jour means that there is no daily cap.
type DeductionCaps struct {
	Jour decimal.Decimal // daily cap in euros (0: none)
	An   decimal.Decimal // yearly cap in euros (année civile)
	// JourParProfessionnel: the daily cap counts per beneficiary, day and
	// professional (the participation forfaitaire: at most JourNombre
	// participations a day with one professional); otherwise per
	// beneficiary and day, whoever the professional (franchises).
	JourParProfessionnel bool
	// JourNombre is the number of units the daily cap allows, when the law
	// states it as a count (4 participations forfaitaires); 0 otherwise.
	JourNombre int64
}

// Plafonds returns the daily and yearly caps of d at date.
//
// The participation forfaitaire has a daily cap per beneficiary, day and
// professional (4 participations: 4 € before 2024-05-15, 8 € from then) and
// its own yearly cap of 50 €. The franchises of all kinds (medicines,
// paramedical acts, transport) share one yearly cap of 50 €: An is the same
// amount for the three, and the caller counts them together. Paramedical
// acts and transport have their own daily caps per beneficiary and day;
// medicines have none (Jour is 0). NoDeduction has zero caps.
func (t *Tables) Plafonds(d Deduction, date time.Time) (DeductionCaps, error) {
	var jour, an Name
	caps := DeductionCaps{Jour: decimal.Zero}
	switch d {
	case NoDeduction:
		return DeductionCaps{Jour: decimal.Zero, An: decimal.Zero}, nil
	case ParticipationForfaitaire:
		jour, an = ParticipationForfaitairePlafondJour, ParticipationForfaitairePlafondAn
		caps.JourParProfessionnel = true
		n, err := t.Value(ParticipationForfaitaireNombreJour, date)
		if err != nil {
			return DeductionCaps{}, err
		}
		caps.JourNombre = n.IntPart()
	case FranchiseMedicament:
		an = FranchisePlafondAn
	case FranchiseParamedical:
		jour, an = FranchisePlafondJourParamedical, FranchisePlafondAn
	case FranchiseTransport:
		jour, an = FranchisePlafondJourTransport, FranchisePlafondAn
	default:
		return DeductionCaps{}, fmt.Errorf("regles: unknown deduction %d", int(d))
	}
	var err error
	if caps.An, err = t.Value(an, date); err != nil {
		return DeductionCaps{}, err
	}
	if jour != "" {
		if caps.Jour, err = t.Value(jour, date); err != nil {
			return DeductionCaps{}, err
		}
	}
	return caps, nil
}
