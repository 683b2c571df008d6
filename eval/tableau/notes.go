package tableau

import (
	"fmt"
	"strings"

	"garantie/dsl/check"
)

// notes are the notes under the table: how percentages read, the contrat
// responsable mention, the carence and the exclusions of each contract,
// and the abbreviations.
func notes(contracts []Source) []string {
	var out []string
	var deduction, complement, responsable []string
	for _, c := range contracts {
		p := c.Program
		if p.Mode == check.Complement {
			complement = append(complement, p.Name)
		} else {
			deduction = append(deduction, p.Name)
		}
		if p.Responsable {
			responsable = append(responsable, p.Name)
		}
	}
	if len(deduction) > 0 {
		out = append(out, "Les pourcentages de la base de remboursement incluent le remboursement de la Sécurité sociale (RO + RC) : "+strings.Join(deduction, ", ")+".")
	}
	if len(complement) > 0 {
		out = append(out, "Les pourcentages de la base de remboursement s'ajoutent au remboursement de la Sécurité sociale (en complément du RO) : "+strings.Join(complement, ", ")+".")
	}
	out = append(out, "Les forfaits et les montants en euros sont versés par la complémentaire, par bénéficiaire sauf mention « par famille », dans la limite des frais réels.")
	if len(responsable) > 0 {
		out = append(out, "Contrat responsable (articles L871-1, R871-1 et R871-2 du Code de la sécurité sociale) : "+strings.Join(responsable, ", ")+
			". Conformément à la réglementation, la participation forfaitaire, les franchises médicales et la majoration du ticket modérateur hors parcours de soins ne sont pas remboursées ; les équipements 100% Santé sont pris en charge sans reste à charge dans la limite des prix limites de vente.")
	}
	for _, c := range contracts {
		p := c.Program
		w := wording{prog: p, src: c.Src}
		var carences, exclusions []string
		for _, r := range p.Rules {
			for _, l := range r.Limits {
				if l.Kind == check.Carence {
					carences = append(carences, fmt.Sprintf("%s : %s", label(contracts, r.Poste), w.limit(l)))
				}
			}
			if r.Kind == check.NonCouvertRule {
				exclusions = append(exclusions, label(contracts, r.Poste))
			}
		}
		if len(carences) > 0 {
			out = append(out, p.Name+" — délais de carence, comptés de la date d'adhésion : "+strings.Join(carences, " ; ")+".")
		}
		if len(exclusions) > 0 {
			out = append(out, p.Name+" — non couvert : "+strings.Join(exclusions, ", ")+".")
		}
	}
	out = append(out, "BR : base de remboursement de la Sécurité sociale. RO : régime obligatoire. RC : régime complémentaire. PMSS : plafond mensuel de la Sécurité sociale. OPTAM / OPTAM-CO : options de pratique tarifaire maîtrisée des médecins.")
	return out
}
