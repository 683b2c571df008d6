package regles

import (
	"sort"
	"strconv"
	"strings"
)

// ROFamily is the family of care that determines the legal RO rate
// (taux de remboursement of the régime obligatoire) of a poste.
type ROFamily int

// RO rate families. The rates themselves are dated data (see taux.csv and
// Taux); the comments give the régime général rate in force in 2026.
const (
	RONone            ROFamily = iota // no base, no RO: médecines douces, chambre particulière, forfait journalier...
	ROMedecin                         // doctors' consultations and acts: 70%, hors parcours 30%
	RORadiologie                      // radiology: 70%
	ROAuxiliaires                     // auxiliaires médicaux (kiné, nurses, speech therapists): 60%
	ROLaboratoire                     // laboratory analyses: 60%
	ROMateriel                        // medical equipment: 60%
	ROPsychologue                     // psychologists (dispositif Mon soutien psy): 60%
	ROTransport                       // transport sanitaire: 65%
	ROVaccins                         // vaccines: 65%
	ROPharmacie                       // medicines: 65% by default (30% and 15% for some drugs)
	ROHospitalisation                 // hospitalisation: 80%
	ROOptique                         // optique: 60%
	ROAudiologie                      // aides auditives: 60%
	RODentaire                        // dentaire: 70%, then 60% from 2023-10-15
	ROThermalisme                     // cures thermales: soins thermaux 65% (surveillance médicale 70%)
	// ROUrgences is a passage aux urgences not followed by a stay: 100%
	// since 2022, less the forfait patient urgences (FPU) the RO withholds
	// (claim column participation); 80% before.
	ROUrgences
)

var roFamilyNames = [...]string{
	RONone:            "aucun",
	ROMedecin:         "medecin",
	RORadiologie:      "radiologie",
	ROAuxiliaires:     "auxiliaires",
	ROLaboratoire:     "laboratoire",
	ROMateriel:        "materiel",
	ROPsychologue:     "psychologue",
	ROTransport:       "transport",
	ROVaccins:         "vaccins",
	ROPharmacie:       "pharmacie",
	ROHospitalisation: "hospitalisation",
	ROOptique:         "optique",
	ROAudiologie:      "audiologie",
	RODentaire:        "dentaire",
	ROThermalisme:     "thermalisme",
	ROUrgences:        "urgences",
}

// String returns the name of the family as written in taux.csv ("medecin").
func (f ROFamily) String() string {
	if f < 0 || int(f) >= len(roFamilyNames) {
		return "ROFamily(" + strconv.Itoa(int(f)) + ")"
	}
	return roFamilyNames[f]
}

// Deduction is what the RO withholds per unit of care from what it pays.
type Deduction int

// Deduction kinds.
const (
	NoDeduction              Deduction = iota
	ParticipationForfaitaire           // doctors' consultations and acts, radiology, laboratory
	FranchiseMedicament                // per box of medicine
	FranchiseParamedical               // per paramedical act
	FranchiseTransport                 // per transport
)

var deductionNames = [...]string{
	NoDeduction:              "aucune",
	ParticipationForfaitaire: "participation forfaitaire",
	FranchiseMedicament:      "franchise médicament",
	FranchiseParamedical:     "franchise paramédicale",
	FranchiseTransport:       "franchise transport",
}

// String returns the French name of the deduction.
func (d Deduction) String() string {
	if d < 0 || int(d) >= len(deductionNames) {
		return "Deduction(" + strconv.Itoa(int(d)) + ")"
	}
	return deductionNames[d]
}

// Poste is an entry of the nomenclature: a family ("optique") or a poste
// inside a family ("optique.monture").
type Poste struct {
	Code        string    // "optique.monture", or a family code "optique"
	Label       string    // French label as on insurers' harmonised tables
	Family      string    // "optique"; a family's own Family is its code
	Sante100    bool      // a 100% Santé basket
	RO          ROFamily  // the family of the legal RO rate
	Deduction   Deduction // what the RO withholds per unit
	Psychiatrie bool      // psychiatric care (forfait journalier psychiatrie); false for standard postes
}

// nomenclature lists the families and postes. Family codes carry the RO
// family that a claim naming only the family gets: the one of most of its
// postes when they agree (hospitalisation, consult, optique, dentaire,
// audiologie), RONone when they are too mixed to pick one (soins, whose
// postes range from 60% to 70%; prevention, where only vaccines have an RO)
// or have no RO (medecine_douce, prestations). A claim may always carry its
// own rate, which wins.
var nomenclature = []Poste{
	// Hospitalisation. The family gets the 80% of honoraires and frais de
	// séjour; the forfait journalier, the private room and the accompanying
	// person have no RO. No participation forfaitaire is withheld on
	// hospital stays.
	{Code: "hospitalisation", Label: "Hospitalisation", RO: ROHospitalisation},
	{Code: "hospitalisation.honoraires", Label: "Honoraires médicaux et chirurgicaux", RO: ROHospitalisation},
	{Code: "hospitalisation.frais_sejour", Label: "Frais de séjour", RO: ROHospitalisation},
	{Code: "hospitalisation.forfait_journalier", Label: "Forfait journalier hospitalier", RO: RONone},
	{Code: "hospitalisation.chambre_particuliere", Label: "Chambre particulière", RO: RONone},
	{Code: "hospitalisation.accompagnant", Label: "Frais d'accompagnant", RO: RONone},
	// A passage aux urgences without a stay: the RO pays it in full but
	// withholds the forfait patient urgences (column participation), which
	// contracts, responsables included, pay.
	{Code: "hospitalisation.urgences", Label: "Forfait patient urgences", RO: ROUrgences},

	// Consultations and acts of doctors.
	{Code: "consult", Label: "Consultations et visites", RO: ROMedecin, Deduction: ParticipationForfaitaire},
	{Code: "consult.generaliste", Label: "Consultations et visites de médecins généralistes", RO: ROMedecin, Deduction: ParticipationForfaitaire},
	{Code: "consult.specialiste", Label: "Consultations et visites de médecins spécialistes", RO: ROMedecin, Deduction: ParticipationForfaitaire},
	{Code: "consult.actes_techniques", Label: "Actes techniques médicaux", RO: ROMedecin, Deduction: ParticipationForfaitaire},

	// Soins courants other than consultations.
	{Code: "soins", Label: "Soins courants", RO: RONone},
	{Code: "soins.auxiliaires", Label: "Auxiliaires médicaux", RO: ROAuxiliaires, Deduction: FranchiseParamedical},
	{Code: "soins.analyses", Label: "Analyses et examens de laboratoire", RO: ROLaboratoire, Deduction: ParticipationForfaitaire},
	{Code: "soins.imagerie", Label: "Imagerie médicale et radiologie", RO: RORadiologie, Deduction: ParticipationForfaitaire},
	{Code: "soins.pharmacie", Label: "Médicaments", RO: ROPharmacie, Deduction: FranchiseMedicament},
	{Code: "soins.materiel_medical", Label: "Matériel médical", RO: ROMateriel},
	{Code: "soins.transport", Label: "Transport sanitaire", RO: ROTransport, Deduction: FranchiseTransport},
	{Code: "soins.psychologue", Label: "Séances chez un psychologue", RO: ROPsychologue},

	// Optique. Refractive surgery has no RO.
	{Code: "optique", Label: "Optique", RO: ROOptique},
	{Code: "optique.equipement_100_sante", Label: "Équipement 100% Santé", Sante100: true, RO: ROOptique},
	{Code: "optique.monture", Label: "Monture", RO: ROOptique},
	{Code: "optique.verres", Label: "Verres", RO: ROOptique},
	{Code: "optique.lentilles", Label: "Lentilles de contact", RO: ROOptique},
	{Code: "optique.chirurgie_refractive", Label: "Chirurgie réfractive", RO: RONone},

	// Dentaire. Implants and most periodontal care are not reimbursed by the
	// RO; orthodontics before 16 is.
	{Code: "dentaire", Label: "Dentaire", RO: RODentaire},
	{Code: "dentaire.soins", Label: "Soins dentaires", RO: RODentaire},
	{Code: "dentaire.prothese_100_sante", Label: "Prothèses dentaires 100% Santé", Sante100: true, RO: RODentaire},
	{Code: "dentaire.prothese", Label: "Prothèses dentaires hors 100% Santé", RO: RODentaire},
	{Code: "dentaire.implant", Label: "Implantologie", RO: RONone},
	{Code: "dentaire.orthodontie", Label: "Orthodontie", RO: RODentaire},
	{Code: "dentaire.parodontologie", Label: "Parodontologie", RO: RONone},

	// Aides auditives.
	{Code: "audiologie", Label: "Aides auditives", RO: ROAudiologie},
	{Code: "audiologie.aide_100_sante", Label: "Aide auditive 100% Santé (classe I)", Sante100: true, RO: ROAudiologie},
	{Code: "audiologie.aide", Label: "Aide auditive hors 100% Santé (classe II)", RO: ROAudiologie},
	{Code: "audiologie.entretien", Label: "Piles, entretien et accessoires", RO: ROAudiologie},

	// Médecines douces: no base, no RO.
	{Code: "medecine_douce", Label: "Médecines douces", RO: RONone},
	{Code: "medecine_douce.osteopathie", Label: "Ostéopathie", RO: RONone},
	{Code: "medecine_douce.chiropraxie", Label: "Chiropraxie", RO: RONone},
	{Code: "medecine_douce.acupuncture", Label: "Acupuncture", RO: RONone},
	{Code: "medecine_douce.sophrologie", Label: "Sophrologie", RO: RONone},

	// Prévention.
	{Code: "prevention", Label: "Prévention", RO: RONone},
	{Code: "prevention.vaccins", Label: "Vaccins", RO: ROVaccins},
	{Code: "prevention.sevrage_tabagique", Label: "Sevrage tabagique", RO: RONone},
	{Code: "prevention.bilan", Label: "Bilan de prévention", RO: RONone},

	// Prestations complémentaires: paid by the RC alone, except the cure
	// thermale, whose soins thermaux and surveillance médicale the RO
	// reimburses on a base (CSS R160-5, NGAP); the contrat responsable
	// need not cover its ticket modérateur (TicketModerateurFacultatif).
	{Code: "prestations", Label: "Prestations complémentaires", RO: RONone},
	{Code: "prestations.cure_thermale", Label: "Cure thermale", RO: ROThermalisme},
	{Code: "prestations.naissance", Label: "Allocation naissance", RO: RONone},
}

// postesByCode indexes the nomenclature; postesSorted is it sorted by code.
// They are variables initialised from nomenclature (not in an init
// function) so that the data files parsed at initialisation can resolve
// postes.
var postesByCode, postesSorted = indexNomenclature()

func indexNomenclature() (map[string]Poste, []Poste) {
	byCode := map[string]Poste{}
	var sorted []Poste
	for _, p := range nomenclature {
		if p.Family == "" {
			p.Family = familyOf(p.Code)
		}
		if _, dup := byCode[p.Code]; dup {
			panic("regles: duplicate poste " + p.Code)
		}
		byCode[p.Code] = p
		sorted = append(sorted, p)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Code < sorted[j].Code })
	return byCode, sorted
}

// familyOf returns the first segment of a code: "optique.monture" -> "optique".
func familyOf(code string) string {
	family, _, _ := strings.Cut(code, ".")
	return family
}

// LookupPoste returns the family or poste of the nomenclature with this code.
// Codes are lowercase and compared exactly.
func LookupPoste(code string) (Poste, bool) {
	p, ok := postesByCode[code]
	return p, ok
}

// Postes returns every family and poste of the nomenclature, sorted by code.
// The slice is a fresh copy.
func Postes() []Poste {
	return append([]Poste(nil), postesSorted...)
}

// Parent returns the code without its last segment: "optique.monture" ->
// "optique", "a.b.c" -> "a.b", "optique" -> "". It is a pure string
// operation, so it also works for postes declared in a contract.
func Parent(code string) string {
	i := strings.LastIndexByte(code, '.')
	if i < 0 {
		return ""
	}
	return code[:i]
}

// resolvePoste returns the nomenclature entry of code, or of its nearest
// ancestor for a poste declared outside the nomenclature ("optique.foo"
// resolves to "optique").
func resolvePoste(code string) (Poste, bool) {
	for c := code; c != ""; c = Parent(c) {
		if p, ok := postesByCode[c]; ok {
			return p, true
		}
	}
	return Poste{}, false
}
