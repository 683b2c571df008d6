package engine

import "strconv"

// Rejection is why a line was rejected: a code a program can test and a
// message for people, naming the column, value, rule or earlier line
// concerned. It is an error.
type Rejection struct {
	Code    RejectCode
	Message string
}

// Error returns the message.
func (r *Rejection) Error() string { return r.Message }

// RejectCode classifies rejections. Its String is a stable identifier in
// snake case ("duplicate_id"), the "code" of the JSON results.
type RejectCode uint8

// The reasons a line is rejected.
const (
	// RejectInvalidLine: the claims reader could not decode the line (a
	// missing column, a bad date or amount...), or a Claim built by a
	// program holds a value out of range (a quantite below 1, a negative
	// amount, a taux above 100).
	RejectInvalidLine RejectCode = iota + 1
	// RejectDuplicateID: an earlier line has the same id.
	RejectDuplicateID
	// RejectUnknownPoste: the poste is neither in the nomenclature nor
	// declared by a contract.
	RejectUnknownPoste
	// RejectFamilleConflict: the beneficiary was seen in another famille.
	RejectFamilleConflict
	// RejectNaissanceConflict: the line gives the beneficiary another
	// birth date than an earlier line.
	RejectNaissanceConflict
	// RejectAdhesionConflict: the line gives the beneficiary another
	// adhesion date than an earlier line.
	RejectAdhesionConflict
	// RejectNaissanceAfterCare: the birth date is after the date of care.
	RejectNaissanceAfterCare
	// RejectNeedsNaissance: a rule that could apply depends on the age and
	// the line has no naissance.
	RejectNeedsNaissance
	// RejectNeedsAdhesion: a rule that could apply needs an adhesion date
	// and neither the line nor the contract gives one.
	RejectNeedsAdhesion
	// RejectNoRORate: the RO amounts must be computed and the reference
	// data has no legal rate for the care at its date.
	RejectNoRORate
	// RejectMixedRORate: the poste groups acts with different RO rates;
	// the line must give taux or ro, or name a finer poste.
	RejectMixedRORate
	// RejectRONetAboveFrais: the RO paid more than the frais.
	RejectRONetAboveFrais
	// RejectNoReference: a reference value the line needs (the PMSS of a
	// period, a deduction amount) is not known at its date.
	RejectNoReference
	// RejectLateClaim: a Session was given a claim dated before what its
	// family was already evaluated up to in an earlier batch.
	RejectLateClaim
)

var rejectText = [...]string{
	RejectInvalidLine:        "invalid_line",
	RejectDuplicateID:        "duplicate_id",
	RejectUnknownPoste:       "unknown_poste",
	RejectFamilleConflict:    "famille_conflict",
	RejectNaissanceConflict:  "naissance_conflict",
	RejectAdhesionConflict:   "adhesion_conflict",
	RejectNaissanceAfterCare: "naissance_after_care",
	RejectNeedsNaissance:     "needs_naissance",
	RejectNeedsAdhesion:      "needs_adhesion",
	RejectNoRORate:           "no_ro_rate",
	RejectMixedRORate:        "mixed_ro_rate",
	RejectRONetAboveFrais:    "ro_net_above_frais",
	RejectNoReference:        "no_reference",
	RejectLateClaim:          "late_claim",
}

// String returns the code's identifier, as in the JSON results.
func (c RejectCode) String() string {
	if int(c) < len(rejectText) && rejectText[c] != "" {
		return rejectText[c]
	}
	return "reject_code(" + strconv.Itoa(int(c)) + ")"
}

// rejection returns a Rejection, for the functions that find one.
func rejection(code RejectCode, message string) *Rejection {
	return &Rejection{Code: code, Message: message}
}
