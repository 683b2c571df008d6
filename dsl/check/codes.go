package check

import (
	"fmt"
	"slices"
	"strings"

	"garantie/dsl/diag"
)

// Diagnostic codes of the checker: E1xx errors, W1xx warnings. A code is
// never reused for another meaning; retire it instead.
const (
	codeMissingContrat       diag.Code = "E101"
	codeDuplicateHeader      diag.Code = "E102"
	codeContratNotFirst      diag.Code = "E103"
	codeUnknownMode          diag.Code = "E104"
	codeBadDate              diag.Code = "E105"
	codeRedefinedPoste       diag.Code = "E106"
	codeDuplicatePoste       diag.Code = "E107"
	codeUnknownParent        diag.Code = "E108"
	codeUnknownPoste         diag.Code = "E109"
	codeNoBase               diag.Code = "E110"
	codeUnknownBase          diag.Code = "E111"
	codePMSSOutsideEnvelope  diag.Code = "E112"
	codeMoneyWithoutUnit     diag.Code = "E113"
	codeUnknownUnit          diag.Code = "E114"
	codeForfaitWithoutPeriod diag.Code = "E115"
	codeUnitNotPeriod        diag.Code = "E116"
	codeNoSymbol             diag.Code = "E117"
	codeMisplacedPer         diag.Code = "E118"
	codeTooPrecise           diag.Code = "E119"
	codeNotAnAmount          diag.Code = "E120"
	codeUnknownPeriod        diag.Code = "E121"
	codeBadPeriodCount       diag.Code = "E122"
	codeMissingPeriodCount   diag.Code = "E123"
	codePlafondNotMoney      diag.Code = "E124"
	codeMaxNotCount          diag.Code = "E125"
	codeBadCount             diag.Code = "E126"
	codeLimitWithoutPeriod   diag.Code = "E127"
	codeBadCarence           diag.Code = "E128"
	codeTwoCarences          diag.Code = "E129"
	codeUnknownCondition     diag.Code = "E130"
	codeConditionShape       diag.Code = "E131"
	codeBadSecteur           diag.Code = "E132"
	codeNeverHolds           diag.Code = "E133"
	codeDuplicateRule        diag.Code = "E134"
	codeAmbiguous            diag.Code = "E135"
	codeAmountRange          diag.Code = "E136"
	codePercentRange         diag.Code = "E137"
	codeDurationRange        diag.Code = "E138"
	codeCountRange           diag.Code = "E139"
	codeYearsRange           diag.Code = "E140"
	codeTooManyRules         diag.Code = "E141"
	codePLVOutsideSante100   diag.Code = "E142"
	codeMisplacedROInclus    diag.Code = "E143"
	codeUnknownSejour        diag.Code = "E144"
	codeUnknownEnveloppe     diag.Code = "E145"
	codeDuplicateEnveloppe   diag.Code = "E146"
	codeEnveloppeShape       diag.Code = "E147"
	codeBadRaise             diag.Code = "E148"
	codeMisplacedAuDela      diag.Code = "E149"
	codeBadLimite            diag.Code = "E150"
	codePerUnitPlafond       diag.Code = "E151"

	codeZeroTerm           diag.Code = "W101"
	codeRedundantCondition diag.Code = "W102"
	codeUnusedEnveloppe    diag.Code = "W103"
)

// infos documents every code of the checker.
var infos = map[diag.Code]diag.Info{}

func init() {
	for _, i := range []diag.Info{
		info(codeMissingContrat, "missing contrat", diag.Error,
			"A contract file starts with `contrat \"NAME\"`, which names the contract in results and explanations. The fix inserts a placeholder declaration at the top of the file.",
			`organisme "Mutuelle Exemple"`),
		info(codeDuplicateHeader, "duplicate header declaration", diag.Error,
			"Each of `contrat`, `organisme`, `effet`, `responsable` and `mode` may appear once. Keep the one you mean and delete the other; the diagnostic points at the first one.",
			"contrat \"A\"\ncontrat \"B\""),
		info(codeContratNotFirst, "contrat is not first", diag.Error,
			"The `contrat` declaration must be the first declaration of the file (comments may precede it). Move it to the top.",
			"organisme \"X\"\ncontrat \"A\""),
		info(codeUnknownMode, "unknown mode", diag.Error,
			"`mode` is `deduction` (the default: percentages of the base include the RO) or `complement` (percentages are paid on top of the RO).",
			"mode deductoin"),
		info(codeBadDate, "invalid date", diag.Error,
			"A date has the shape YYYY-MM-DD and must name a day of the calendar: 2026-02-30 does not exist.",
			"effet 2026-02-30"),
		info(codeRedefinedPoste, "declared poste is standard", diag.Error,
			"`poste CODE \"Label\"` declares a poste outside the standard nomenclature; a standard code already has its label and its RO family and cannot be redeclared. Remove the declaration.",
			`poste optique.monture "Montures"`),
		info(codeDuplicatePoste, "poste declared twice", diag.Error,
			"A declared poste is declared once. Remove the second declaration.",
			"poste bienetre \"Bien-être\"\nposte bienetre \"Bien-être\""),
		info(codeUnknownParent, "unknown family of a declared poste", diag.Error,
			"The code of a declared poste without its last segment must be a standard family or poste, or another declared poste, so that limits on the family apply to it. Declare the family too, or put the poste under a standard family.",
			`poste bienetre.yoga "Yoga"`),
		info(codeUnknownPoste, "unknown poste", diag.Error,
			"A rule names a family or a poste of the nomenclature (see `regles`) or a poste declared with `poste CODE \"Label\"`. The message suggests the closest code, and the fix replaces it.",
			"optique.montre: forfait 100€ / 24 mois glissants"),
		info(codeNoBase, "percentage without base", diag.Error,
			"A percentage says what it is a percentage of: `BRSS` (or `BR`, the base), `TM` (the ticket modérateur) or `FR` (the frais). The fix adds `BRSS`, the usual base.",
			"consult.generaliste: 200%"),
		info(codeUnknownBase, "unknown base", diag.Error,
			"The base of a percentage is `BRSS` (or `BR`), `TM`, `FR` or `PLV` (or `HLF`, on the 100% Santé postes) in a formula; `PMSS` in a forfait or plafond amount or an amount per unit (`1,5% PMSS / jour`).",
			"consult.generaliste: 200% BRS"),
		info(codePMSSOutsideEnvelope, "PMSS outside a forfait, plafond or per-unit amount", diag.Error,
			"A percentage of the PMSS is an amount of money that depends on the date: the amount of an envelope (`forfait 5% PMSS / annee civile`, or a plafond) or an amount per unit of care (`1,5% PMSS / jour`). Alone, or per period without `forfait`, it is neither. The fix adds `forfait`.",
			"prevention: 5% PMSS / annee civile"),
		info(codeMoneyWithoutUnit, "money without unit", diag.Error,
			"An amount of money in a formula is either per unit of care (`40€ / seance`, paid for each unit) or an envelope renewed per period (`forfait 40€ / annee civile`). Say which.",
			"medecine_douce.osteopathie: 40€"),
		info(codeUnknownUnit, "unknown unit", diag.Error,
			"Units are `seance`, `jour`, `acte`, `equipement`, `dent`, `oreille`, `oeil` (or `œil`, plural `yeux`) and `enfant` (plural `s` optional). The message suggests the closest one.",
			"dentaire.implant: 400€ / actes_dentaire"),
		info(codeForfaitWithoutPeriod, "forfait without period", diag.Error,
			"A forfait is an envelope renewed per period: write `forfait 100€ / annee civile` or `/ 24 mois glissants`. The fix adds `/ annee civile`.",
			"optique.monture: forfait 100€"),
		info(codeUnitNotPeriod, "unit where a period is expected", diag.Error,
			"After the slash of a forfait, a max or a plafond comes a period (`annee civile`, `24 mois glissants`), not a unit. For an amount per unit, drop `forfait`: `40€ / seance`.",
			"medecine_douce: forfait 40€ / seance"),
		info(codeNoSymbol, "number without % or €", diag.Error,
			"A formula term or an envelope amount is a percentage (`200% BRSS`) or money (`40€ / seance`, `forfait 100€ / annee civile`); a bare number means neither. The fix adds the symbol when the following word tells which.",
			"consult.generaliste: 200 BRSS"),
		info(codeMisplacedPer, "misplaced slash", diag.Error,
			"A percentage of the base is paid on each claim and takes no `/`; an amount per period is an envelope and needs `forfait`. Write `100% BRSS, max 4 seances / annee civile` or `forfait 40€ / annee civile`.",
			"medecine_douce.osteopathie: 40€ / annee civile"),
		info(codeTooPrecise, "more than two decimals", diag.Error,
			"Amounts are euros and cents, so at most two decimals. The fix rounds to the cent.",
			"medecine_douce.osteopathie: 40.125€ / seance"),
		info(codeNotAnAmount, "envelope amount is not money", diag.Error,
			"The amount of a forfait or a plafond is money (`100€`) or a percentage of the PMSS (`5% PMSS`); a percentage of the base varies with each claim and cannot fill an envelope.",
			"optique.monture: forfait 100% BRSS / annee civile"),
		info(codeUnknownPeriod, "unknown period", diag.Error,
			"Periods are `annee civile` (alias `an`), `N mois glissants`, `N ans glissants` and `annee contrat`. A number of months or years must say that it slides: `24 mois glissants`. The message suggests the closest period.",
			"dentaire.implant: 400€ / acte, max 2 actes / anee civile"),
		info(codeBadPeriodCount, "period length not positive", diag.Error,
			"The length of a sliding period is a whole number of months or years above 0.",
			"optique.monture: forfait 100€ / 0 mois glissants"),
		info(codeMissingPeriodCount, "period length missing or misplaced", diag.Error,
			"A sliding period needs its length (`24 mois glissants`); `annee civile` and `annee contrat` take none.",
			"optique.monture: forfait 100€ / mois glissants"),
		info(codePlafondNotMoney, "plafond given a count", diag.Error,
			"A plafond caps money (`plafond 150€ / annee civile`); to cap a number of units use `max` (`max 4 seances / annee civile`). The fix replaces `plafond` by `max`.",
			"medecine_douce.osteopathie: 40€ / seance, plafond 4 seances / annee civile"),
		info(codeMaxNotCount, "max given money", diag.Error,
			"`max` takes a count of units such as `max 4 seances / annee civile`; for money use `plafond 4€ / …`. The fix replaces `max` by `plafond`.",
			"medecine_douce.osteopathie: 40€ / seance, max 4€ / annee civile"),
		info(codeBadCount, "bad count of units", diag.Error,
			"The count of a `max` is a whole number followed by its unit: `max 4 seances / annee civile`.",
			"medecine_douce.osteopathie: 40€ / seance, max 2.5 seances / annee civile"),
		info(codeLimitWithoutPeriod, "limit without period", diag.Error,
			"A `max` counts units and a `plafond` sums money over a period; say which one. The fix adds `/ annee civile`.",
			"dentaire.orthodontie: 200% BRSS, plafond 1200€"),
		info(codeBadCarence, "bad carence", diag.Error,
			"A carence (waiting period) is a whole number of months or days: `carence 6 mois`, `carence 90 jours`.",
			"dentaire: carence 6 semaines"),
		info(codeTwoCarences, "two carences", diag.Error,
			"A rule has at most one carence.",
			"dentaire: carence 6 mois, carence 3 mois"),
		info(codeUnknownCondition, "unknown condition", diag.Error,
			"Conditions are `age OP N`, `enfant`, `adulte`, `senior`, `anciennete OP N ans`, `reseau`, `optam`, `secteur N`, `hors parcours`, `ald`, `rembourse`, `verres simples`, `verres complexes` and `verres tres complexes`, each possibly negated with `non`. The message suggests the closest one.",
			"dentaire.prothese si resau: 400% BRSS"),
		info(codeConditionShape, "malformed condition", diag.Error,
			"`age` and `anciennete` are compared with `<`, `<=`, `>` or `>=` to a whole number of years (`age < 16`, `anciennete >= 2 ans`); the other conditions take no operator or number.",
			"optique.monture si age < 15.5: forfait 80€ / 12 mois glissants"),
		info(codeBadSecteur, "bad secteur", diag.Error,
			"`secteur N` takes the conventional sector of the doctor: 1, 2 or 3.",
			"consult.specialiste si secteur 4: 150% BRSS"),
		info(codeNeverHolds, "conditions never hold", diag.Error,
			"The conditions of the rule contradict each other, so it applies to no claim. The message names the first two conditions that conflict.",
			"optique.monture si age < 10 et age >= 12: forfait 80€ / 12 mois glissants"),
		info(codeDuplicateRule, "duplicate rule", diag.Error,
			"Two formula rules (or two limit-only rules) of one poste have the same conditions, so no claim could tell them apart. Merge them; the diagnostic points at the earlier one.",
			"consult.generaliste: 100% BRSS\nconsult.generaliste: 150% BRSS"),
		info(codeAmbiguous, "ambiguous rules", diag.Error,
			"For every claim, the formula rules of a poste whose conditions hold must include one whose conditions are contained in all the others': that one applies. Two rules such as `si enfant` and `si reseau` both hold for a child in réseau and neither is more specific. The message gives an example claim; add a rule for the overlap (`si enfant et reseau`) or make the conditions exclusive (`si reseau` and `si non reseau`).",
			"dentaire.prothese si enfant: 300% BRSS\ndentaire.prothese si reseau: 350% BRSS"),
		info(codeAmountRange, "amount out of range", diag.Error,
			"An amount of money (per unit, forfait or plafond) is at most 10 000 000€, so that every amount the engine computes is exact. A larger amount is a typo.",
			"optique.monture: forfait 100000000€ / annee civile"),
		info(codePercentRange, "percentage out of range", diag.Error,
			"A percentage (of the BRSS, TM, FR or PMSS) is at most 100000% and has at most 4 decimals (12.3456%), so that the engine computes it exactly. A larger or finer percentage is a typo.",
			"consult.generaliste: 99999999999999999999% BRSS"),
		info(codeDurationRange, "duration out of range", diag.Error,
			"A sliding period is at most 1200 mois (100 ans), a carence at most 1200 mois or 36525 jours: longer durations fall outside the calendar the engine computes with. A longer one is a typo; for a guarantee that never renews, 100 ans glissants is as long as a life.",
			"dentaire: carence 99999999 mois"),
		info(codeCountRange, "count out of range", diag.Error,
			"The count of a `max` is at most 1000000 units per period. A larger count is a typo; to cap nothing, remove the limit.",
			"soins.auxiliaires: 100% BRSS, max 18446744073709551617 seances / annee civile"),
		info(codeYearsRange, "age or seniority out of range", diag.Error,
			"`age` and `anciennete` are compared with a whole number of years from 0 to 150.",
			"optique.monture si age < 18446744073709551626: forfait 80€ / 12 mois glissants"),
		info(codeTooManyRules, "too many formula rules on one poste", diag.Error,
			"A poste has at most 128 formula rules with distinct conditions, so that the checker can prove them unambiguous in a fraction of a second. Real tables need a handful: merge rules that pay the same, or move a condition that only limits to a limit-only rule. The diagnostic points at the first rule past the limit.",
			tooManyRulesExample()),
		info(codePLVOutsideSante100, "PLV outside a 100% Santé poste", diag.Error,
			"`N% PLV` (or `HLF`) is a percentage of the legal price limit of a 100% Santé item, which only the three baskets have: write it in rules on `optique.equipement_100_sante`, `dentaire.prothese_100_sante` and `audiologie.aide_100_sante` (or on postes declared under them). Elsewhere pay a percentage of the base (`N% BRSS`).",
			"dentaire.prothese: 100% PLV"),
		info(codeMisplacedROInclus, "RO inclus misplaced", diag.Error,
			"`RO inclus` says that the amount of an envelope includes the Sécurité sociale and the earlier payers, so it follows the period of a `forfait` or a `plafond` (after `par famille` if both): `forfait 150€ / 24 mois glissants RO inclus`. A percentage, a per-unit amount, `frais reels`, a `max` or a `carence` has no envelope of money; remove it there.",
			"optique.monture: 100% BRSS RO inclus"),
		info(codeZeroTerm, "term pays nothing", diag.Warning,
			"A term of 0% or 0€ pays nothing. Write `non couvert` if the poste is not covered, or remove the term.",
			"consult.generaliste: 0% BRSS"),
		info(codeRedundantCondition, "redundant condition", diag.Warning,
			"A condition of the rule is implied by its other conditions (`enfant` next to `age < 10`). Remove it so the rule reads as it applies.",
			"optique.monture si enfant et age < 10: forfait 80€ / 12 mois glissants"),
	} {
		infos[i.Code] = i
	}
	for _, i := range tablesInfos {
		infos[i.Code] = i
	}
}

// tablesInfos documents the codes of the constructs of real tables
// (enveloppes, porte a, au-dela, limite, plafond per unit, sejour).
var tablesInfos = []diag.Info{
	info(codeUnknownSejour, "unknown type of stay", diag.Error,
		"`si sejour TYPE` names the type of a hospital stay, one of medecine, chirurgie, psychiatrie, smr, maternite, had (claim column `type_sejour`).",
		"hospitalisation.honoraires si sejour chirugie: 200% BRSS"),
	info(codeUnknownEnveloppe, "unknown enveloppe", diag.Error,
		"`forfait NAME` draws on the lump sum declared by `enveloppe NAME forfait X€ / PERIOD`; declare it in the header, or check its spelling.",
		"medecine_douce: forfait bien_etre"),
	info(codeDuplicateEnveloppe, "duplicate enveloppe", diag.Error,
		"Each `enveloppe NAME` is declared once; rules of any poste share it by name.",
		"enveloppe bien_etre forfait 150€ / an\nenveloppe bien_etre forfait 100€ / an"),
	info(codeEnveloppeShape, "misused enveloppe", diag.Error,
		"An `enveloppe` declaration gives an amount and a period (`enveloppe NAME forfait 150€ / annee civile [par famille] [RO inclus]`); a rule draws on it with `forfait NAME` alone, since the period, `par famille`, `RO inclus` and `porte a` belong to the declaration.",
		"enveloppe bien_etre forfait 150€ / an\nmedecine_douce: forfait bien_etre / an"),
	info(codeBadRaise, "bad porte a", diag.Error,
		"`porte a X€ si CONDITION` raises the amount of the envelope it follows for lines where the condition holds on the date of care. It takes an amount of the same kind as the envelope's (euros, or % PMSS), and conditions on `age` or `anciennete` only (a loyalty or age bonus), since the envelope is one for every line.",
		"medecine_douce: forfait 60€ porte a 90€ si reseau / annee civile"),
	info(codeMisplacedAuDela, "misplaced au-dela", diag.Error,
		"`au-dela FORMULE` says what a formula rule pays once its plafond has cut it; a limit-only rule has no formula to continue, and the formula after `au-dela` is paid per line (percentages, amounts per unit, frais reels), never a forfait.",
		"dentaire.prothese: plafond 1400€ / an au-dela 100% BRSS"),
	info(codeBadLimite, "bad limite", diag.Error,
		"`limite FORMULE pendant N mois` (or jours) caps the rule at FORMULE during the first N months after adhesion. The duration is a whole number of months or days, and the formula is paid per line (percentages, amounts per unit), never a forfait.",
		"dentaire.prothese: 300% BRSS, limite 100% BRSS pendant 3 semaines"),
	info(codePerUnitPlafond, "bad plafond per unit", diag.Error,
		"`plafond X€ / UNIT` caps each line at X € per covered unit: there is no envelope, so it cannot be `par famille`, and its amount is in euros.",
		"audiologie.aide: 100% BRSS, plafond 1700€ / oreille par famille"),
	info(codeUnusedEnveloppe, "unused enveloppe", diag.Warning,
		"An `enveloppe` no rule draws on (`forfait NAME`) pays nothing: remove it, or write `forfait NAME` in the rules it covers.",
		"enveloppe bien_etre forfait 150€ / an"),
}

// tooManyRulesExample returns one formula rule more than a poste may
// hold, on one line.
func tooManyRulesExample() string {
	rules := make([]string, MaxFormulaRules+1)
	for i := range rules {
		rules[i] = fmt.Sprintf("soins.analyses si age < %d: 100%% BRSS", i+1)
	}
	return strings.Join(rules, "; ")
}

// info builds the documentation of one code.
func info(code diag.Code, title string, severity diag.Severity, doc, example string) diag.Info {
	return diag.Info{Code: code, Title: title, Severity: severity, Doc: doc, Example: example}
}

// Codes returns the documentation of every diagnostic the checker emits,
// sorted by code.
func Codes() []diag.Info {
	out := make([]diag.Info, 0, len(infos))
	for _, i := range infos {
		out = append(out, i)
	}
	slices.SortFunc(out, func(a, b diag.Info) int { return strings.Compare(string(a.Code), string(b.Code)) })
	return out
}
