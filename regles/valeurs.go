package regles

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Name names a reference value that changes over time.
type Name string

// Reference values. Their amounts by date are in valeurs.csv.
const (
	PMSS                                Name = "pmss" // plafond mensuel de la sécurité sociale
	PASS                                Name = "pass" // plafond annuel de la sécurité sociale
	ParticipationForfaitaireMontant     Name = "participation_forfaitaire"
	ParticipationForfaitairePlafondJour Name = "participation_forfaitaire_plafond_jour"
	ParticipationForfaitairePlafondAn   Name = "participation_forfaitaire_plafond_an"
	FranchiseMontant                    Name = "franchise" // per box of medicine or paramedical act
	FranchiseTransportMontant           Name = "franchise_transport"
	FranchisePlafondJourParamedical     Name = "franchise_plafond_jour_paramedical"
	FranchisePlafondJourTransport       Name = "franchise_plafond_jour_transport"
	FranchisePlafondAn                  Name = "franchise_plafond_an" // shared by all franchises
	ForfaitJournalier                   Name = "forfait_journalier"
	ForfaitJournalierPsychiatrie        Name = "forfait_journalier_psychiatrie"
	ConsultationG                       Name = "consultation_g" // tariff of the GP consultation

	// ParticipationForfaitaireNombreJour is the number of participations
	// withheld at most for one beneficiary on one day with one
	// professional (a count, not euros).
	ParticipationForfaitaireNombreJour Name = "participation_forfaitaire_nombre_jour"

	// Contrat responsable (CSS R871-2). The grid of optique classe B: what
	// the RC pays for one equipment, TM included, by kind of lenses.
	OptiqueClasseBSimpleMin               Name = "optique_classe_b_simple_min"
	OptiqueClasseBSimpleMax               Name = "optique_classe_b_simple_max"
	OptiqueClasseBSimpleComplexeMin       Name = "optique_classe_b_simple_complexe_min"
	OptiqueClasseBSimpleComplexeMax       Name = "optique_classe_b_simple_complexe_max"
	OptiqueClasseBComplexeMin             Name = "optique_classe_b_complexe_min"
	OptiqueClasseBComplexeMax             Name = "optique_classe_b_complexe_max"
	OptiqueClasseBSimpleTresComplexeMin   Name = "optique_classe_b_simple_tres_complexe_min"
	OptiqueClasseBSimpleTresComplexeMax   Name = "optique_classe_b_simple_tres_complexe_max"
	OptiqueClasseBComplexeTresComplexeMin Name = "optique_classe_b_complexe_tres_complexe_min"
	OptiqueClasseBComplexeTresComplexeMax Name = "optique_classe_b_complexe_tres_complexe_max"
	OptiqueClasseBTresComplexeMin         Name = "optique_classe_b_tres_complexe_min"
	OptiqueClasseBTresComplexeMax         Name = "optique_classe_b_tres_complexe_max"
	OptiqueClasseBMontureMax              Name = "optique_classe_b_monture_max"
	// Renewal of optical equipment: months from OptiqueAgeRenouvellementAns
	// years of age, and months under it.
	OptiqueRenouvellement        Name = "optique_renouvellement_mois"
	OptiqueRenouvellementMoins16 Name = "optique_renouvellement_mois_moins_16"
	OptiqueAgeRenouvellementAns  Name = "optique_age_renouvellement"
	AideAuditiveClasseIIPlafond  Name = "aide_auditive_classe_ii_max" // per ear, RO included
	AideAuditiveRenouvellement   Name = "aide_auditive_renouvellement_mois"
	AideAuditiveBase             Name = "aide_auditive_base"          // RO base per ear from AideAuditiveAgeAdulte years
	AideAuditiveBaseMoins20      Name = "aide_auditive_base_moins_20" // RO base per ear under AideAuditiveAgeAdulte
	AideAuditiveAgeAdulte        Name = "aide_auditive_age_adulte"
	DepassementNonOptamMax       Name = "depassement_non_optam_max_pct" // percent of the base above the base
	DepassementEcartMin          Name = "depassement_ecart_min_pct"     // percent of the base below OPTAM coverage

	// Participations the RO withholds and contracts may pay (claim column
	// participation): the forfait patient urgences (FPU), its reduced
	// amount (ALD, AT-MP under 2/3), and the participation for heavy acts
	// (PAL, acts of at least ParticipationActesLourdsSeuil euros).
	ForfaitPatientUrgences        Name = "forfait_patient_urgences"
	ForfaitPatientUrgencesMinore  Name = "forfait_patient_urgences_minore"
	ParticipationActesLourds      Name = "participation_actes_lourds"
	ParticipationActesLourdsSeuil Name = "participation_actes_lourds_seuil"
)

// names lists every Name in the order of the constants.
var names = []Name{
	PMSS, PASS,
	ParticipationForfaitaireMontant, ParticipationForfaitairePlafondJour, ParticipationForfaitairePlafondAn,
	FranchiseMontant, FranchiseTransportMontant,
	FranchisePlafondJourParamedical, FranchisePlafondJourTransport, FranchisePlafondAn,
	ForfaitJournalier, ForfaitJournalierPsychiatrie,
	ConsultationG,
	ParticipationForfaitaireNombreJour,
	OptiqueClasseBSimpleMin, OptiqueClasseBSimpleMax,
	OptiqueClasseBSimpleComplexeMin, OptiqueClasseBSimpleComplexeMax,
	OptiqueClasseBComplexeMin, OptiqueClasseBComplexeMax,
	OptiqueClasseBSimpleTresComplexeMin, OptiqueClasseBSimpleTresComplexeMax,
	OptiqueClasseBComplexeTresComplexeMin, OptiqueClasseBComplexeTresComplexeMax,
	OptiqueClasseBTresComplexeMin, OptiqueClasseBTresComplexeMax,
	OptiqueClasseBMontureMax,
	OptiqueRenouvellement, OptiqueRenouvellementMoins16, OptiqueAgeRenouvellementAns,
	AideAuditiveClasseIIPlafond, AideAuditiveRenouvellement,
	AideAuditiveBase, AideAuditiveBaseMoins20, AideAuditiveAgeAdulte,
	DepassementNonOptamMax, DepassementEcartMin,
	ForfaitPatientUrgences, ForfaitPatientUrgencesMinore, ParticipationActesLourds, ParticipationActesLourdsSeuil,
}

// Entry is the amount a reference value takes from a date on.
type Entry struct {
	Name   Name
	Since  time.Time // first day the amount applies, UTC midnight
	Amount decimal.Decimal
	Source string // the legal text that sets the amount
	// Confirme reports whether the amount and its date were checked
	// against Source (the confirme column); false marks a value taken from
	// secondary sources, explained in the comments of valeurs.csv.
	Confirme bool
}

//go:embed valeurs.csv
var valeursCSV []byte

// parseValeurs reads a file in the format of valeurs.csv. Every Name must
// have at least one entry.
func parseValeurs(file string, r io.Reader) (map[Name][]Entry, error) {
	rows, err := readDated(file, r, [5]string{"name", "since", "amount", "source", "confirme"})
	if err != nil {
		return nil, err
	}
	out := map[Name][]Entry{}
	for _, row := range rows {
		n := Name(row.key)
		if !slices.Contains(names, n) {
			return nil, fmt.Errorf("%s:%d: unknown name %q", file, row.line, row.key)
		}
		out[n] = append(out[n], Entry{Name: n, Since: row.since, Amount: row.amount, Source: row.source, Confirme: row.confirme})
	}
	for _, n := range names {
		if len(out[n]) == 0 {
			return nil, fmt.Errorf("%s: no line for %q", file, n)
		}
	}
	return out, nil
}

// Value returns the amount of name in force at date in the embedded data
// (Default().Value). It is an error to ask for an unknown name or for a
// date before the first entry of name.
func Value(name Name, date time.Time) (decimal.Decimal, error) {
	return embedded.Value(name, date)
}

// History returns the entries of name in the embedded data sorted by date
// (Default().History), or nil for an unknown name. The slice is a fresh
// copy.
func History(name Name) []Entry {
	return embedded.History(name)
}

// Value returns the amount of name in force at date. It is an error to ask
// for an unknown name or for a date before the first entry of name.
func (t *Tables) Value(name Name, date time.Time) (decimal.Decimal, error) {
	entries, ok := t.valeurs[name]
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("regles: unknown reference value %q", name)
	}
	i := at(len(entries), func(i int) time.Time { return entries[i].Since }, date)
	if i < 0 {
		return decimal.Decimal{}, fmt.Errorf("regles: no value of %q on %s: the first one applies from %s",
			name, date.Format(dateLayout), entries[0].Since.Format(dateLayout))
	}
	return entries[i].Amount, nil
}

// History returns the entries of name sorted by date, or nil for an unknown
// name. The slice is a fresh copy.
func (t *Tables) History(name Name) []Entry {
	return slices.Clone(t.valeurs[name])
}

// Names returns every reference value name, sorted.
func Names() []Name {
	return slices.Sorted(slices.Values(names))
}
