package refeval

import "fmt"

// The postes of the contract, numbered for a switch.
const (
	pNone uint8 = iota
	pHospHonoraires
	pHospSejour
	pHospJournalier
	pHospChambre
	pHospAccompagnant
	pGeneraliste
	pSpecialiste
	pActesTechniques
	pAuxiliaires // the soins.* postes without a rule of their own
	pAnalyses
	pPharmacie
	pTransport
	pMateriel
	pImagerie
	pPsychologue
	pOptique100
	pMonture
	pVerres
	pLentilles
	pChirurgie
	pDentSoins
	pProthese100
	pProthese
	pOrthodontie
	pImplant
	pAide100
	pAide
	pEntretien
	pOsteo
	pChiro
	pAcupuncture
	pVaccins
	pSevrage
	pNaissance
	pCure
)

var posteCodes = map[string]uint8{
	"hospitalisation.honoraires":           pHospHonoraires,
	"hospitalisation.frais_sejour":         pHospSejour,
	"hospitalisation.forfait_journalier":   pHospJournalier,
	"hospitalisation.chambre_particuliere": pHospChambre,
	"hospitalisation.accompagnant":         pHospAccompagnant,
	"consult.generaliste":                  pGeneraliste,
	"consult.specialiste":                  pSpecialiste,
	"consult.actes_techniques":             pActesTechniques,
	"soins.auxiliaires":                    pAuxiliaires,
	"soins.analyses":                       pAnalyses,
	"soins.pharmacie":                      pPharmacie,
	"soins.transport":                      pTransport,
	"soins.materiel_medical":               pMateriel,
	"soins.imagerie":                       pImagerie,
	"soins.psychologue":                    pPsychologue,
	"optique.equipement_100_sante":         pOptique100,
	"optique.monture":                      pMonture,
	"optique.verres":                       pVerres,
	"optique.lentilles":                    pLentilles,
	"optique.chirurgie_refractive":         pChirurgie,
	"dentaire.soins":                       pDentSoins,
	"dentaire.prothese_100_sante":          pProthese100,
	"dentaire.prothese":                    pProthese,
	"dentaire.orthodontie":                 pOrthodontie,
	"dentaire.implant":                     pImplant,
	"audiologie.aide_100_sante":            pAide100,
	"audiologie.aide":                      pAide,
	"audiologie.entretien":                 pEntretien,
	"medecine_douce.osteopathie":           pOsteo,
	"medecine_douce.chiropraxie":           pChiro,
	"medecine_douce.acupuncture":           pAcupuncture,
	"prevention.vaccins":                   pVaccins,
	"prevention.sevrage_tabagique":         pSevrage,
	"prestations.naissance":                pNaissance,
	"prestations.cure_thermale":            pCure,
}

// The RO deductions, as regles defines them.
const (
	dNone = iota
	dPF
	dMedicament
	dParamedical
	dTransport
)

// roOf is the legal RO rate in 2026 (percent) and the deduction of each
// poste (regles/taux.csv and nomenclature.go); a claim's own taux wins.
func roOf(l *line) (rate int64, ded int) {
	switch l.code {
	case pGeneraliste, pSpecialiste, pActesTechniques:
		return 70, dPF
	case pImagerie:
		return 70, dPF
	case pHospHonoraires, pHospSejour:
		return 80, dNone
	case pPsychologue:
		return 60, dNone
	case pOptique100, pMonture, pVerres, pLentilles, pAide100, pAide, pEntretien:
		return 60, dNone
	case pDentSoins, pProthese100, pProthese, pOrthodontie:
		return 60, dNone
	case pVaccins:
		return 65, dNone
	case pAuxiliaires:
		return 60, dParamedical
	case pAnalyses:
		return 60, dPF
	case pPharmacie:
		return 65, dMedicament
	case pTransport:
		return 65, dTransport
	case pMateriel:
		return 60, dNone
	case pCure:
		return 65, dNone
	}
	return 0, dNone
}

// env is the current period of an envelope or counter.
type env struct {
	start, end int32 // yyyymmdd, [start, end)
	used       int64
}

// ben is the fixed state of one beneficiary.
type ben struct {
	year              int32
	pfAn, franchiseAn int64
	day               int32
	jour              [5]int64

	psy, chambre, accompagnant                       env
	montureMax, montureAdulte, montureEnfant         env
	verresMax, verresAdulte, verresEnfant            env
	lentilles, chirurgie, orthodontie, implant, aide env
	douce, osteo, chiro, acupuncture                 env
	sevrage, naissance                               env
}

// evaluateShard evaluates, in file order, the lines of the beneficiaries
// whose hash falls in shard w of n.
func evaluateShard(in []byte, lines []line, w, n uint32) error {
	index := map[string]*ben{}
	var block []ben // allocated 4,096 at a time
	for i := range lines {
		l := &lines[i]
		if l.shard%n != w {
			continue
		}
		if l.day/10000 != 2026 {
			return fmt.Errorf("refeval: line %d: only dates of 2026 are handled", i+2)
		}
		assure := in[l.assureOff : l.assureOff+uint32(l.assureLen)]
		b := index[string(assure)]
		if b == nil {
			if len(block) == 0 {
				block = make([]ben, 4096)
			}
			b, block = &block[0], block[1:]
			index[string(assure)] = b
		}
		if err := evaluate(l, b); err != nil {
			return fmt.Errorf("refeval: line %d: %w", i+2, err)
		}
	}
	return nil
}

// mulDiv returns a × num / den rounded half away from zero (a, num >= 0).
func mulDiv(a, num, den int64) int64 { return (a*num*2 + den) / (2 * den) }

// yearsBetween returns the whole years from a to b (yyyymmdd), a 29
// February counting on 28 February in other years.
func yearsBetween(a, b int32) int64 {
	am, bm := a%10000, b%10000
	if am == 229 && !leap(b/10000) {
		am = 228
	}
	n := int64(b/10000 - a/10000)
	if bm < am {
		n--
	}
	return n
}

func leap(y int32) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int32) int32 {
	switch m {
	case 2:
		if leap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// addMonths adds n months to d, clamping the day to the month's end.
func addMonths(d int32, n int32) int32 {
	y, m, dd := d/10000, d/100%100, d%100
	t := y*12 + m - 1 + n
	y, m = t/12, t%12+1
	return y*10000 + m*100 + min(dd, daysIn(y, m))
}

// civil returns the calendar year period of day, and what e used in it.
func civil(e *env, day int32) (start, end int32, used int64) {
	start, end = day/10000*10000+101, (day/10000+1)*10000+101
	if e.start == start && e.end == end {
		used = e.used
	}
	return
}

// glissant returns the rolling window of months holding day, and what e
// used in it: a new window from day when none is open.
func glissant(e *env, day, months int32) (start, end int32, used int64) {
	if e.end != 0 && day >= e.start && day < e.end {
		return e.start, e.end, e.used
	}
	return day, addMonths(day, months), 0
}

// charge adds amount to e for the period [start, end).
func charge(e *env, start, end int32, amount int64) {
	if e.start != start || e.end != end {
		e.start, e.end, e.used = start, end, 0
	}
	e.used += amount
}
