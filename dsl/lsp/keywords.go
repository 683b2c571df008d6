package lsp

// keyword is a word or phrase of the language with its meaning, for hover
// and completion. The meanings summarise docs/language.md.
type keyword struct {
	text string // as written in completions, normalised: "annee civile"
	kind keywordKind
	doc  string
}

// keywordKind tells where a keyword may be written, which is what
// completion offers in each context.
type keywordKind int

const (
	headerKeyword keywordKind = iota
	modeKeyword
	conditionKeyword
	termKeyword
	limitKeyword
	baseKeyword
	unitKeyword
	periodKeyword
	durationKeyword
	stayKeyword
	otherKeyword
)

// keywords lists the language's words. A phrase ("frais reels") is
// found by hovering on any of its words.
var keywords = []keyword{
	// Header (docs/language.md §2).
	{"contrat", headerKeyword, "`contrat \"NAME\"`: the name of the contract. Required, and the first declaration of the file."},
	{"organisme", headerKeyword, "`organisme \"NAME\"`: the insurer, mutuelle or institution de prévoyance."},
	{"effet", headerKeyword, "`effet YYYY-MM-DD`: the contract start date. It is the default adhesion date of every beneficiary (for `carence`, `anciennete` and `annee contrat` when a claim has no `adhesion`), and the date reference values such as the PMSS are read at by the checks."},
	{"responsable", headerKeyword, "`responsable`: the contract claims to be a contrat responsable. `garantie check` then verifies the obligations of CSS R871-2 (ticket modérateur, forfait journalier without limit, 100% Santé baskets, non-OPTAM dépassements, optique and aides auditives grids and renewals): the R8xx diagnostics."},
	{"mode", headerKeyword, "`mode deduction` (the default) or `mode complement`: how percentages of the base combine with the RO."},
	{"poste", headerKeyword, "`poste CODE \"Label\"`: declares a poste outside the standard nomenclature. Its family must exist (standard, or declared too); it takes the RO family of its nearest standard ancestor."},
	{"enveloppe", headerKeyword, "`enveloppe NAME forfait X€ [porte a Y€ si COND] / PERIOD [par famille] [RO inclus]`: declares a named lump sum; every term `forfait NAME`, in a rule of any poste, draws on this one envelope per beneficiary (per family with `par famille`) and period. Unknown name E145, declared twice E146, never drawn on W103."},
	{"sans ro", otherKeyword, "`poste CODE \"Label\" sans RO`: a declared poste the RO never pays: its claims get no RO rate from the reference tables (RO 0 without `taux` nor `ro`), no participation forfaitaire or franchise, and the contrat responsable obligations leave it alone."},
	{"deduction", modeKeyword, "`mode deduction` (default): percentages of the base are *y compris RO*: the RO (and any earlier layer) is inside the percentage. `100% BRSS` means RO + RC reach 100% of the base."},
	{"complement", modeKeyword, "`mode complement`: percentages of the base are paid *en complément* of the RO. `100% BRSS` means the RC pays 100% of the base on top of the RO."},

	// Rules and conditions (§3).
	{"si", otherKeyword, "`POSTE si CONDITION {et CONDITION} : GARANTIE`: the rule applies only to claims meeting every condition. The most specific rule of a poste wins (§8 of the language reference)."},
	{"et", otherKeyword, "`et` joins conditions: all must hold. There is no \"or\": write two rules."},
	{"non", conditionKeyword, "`non C`: condition C does not hold. (`non couvert` is the garantie that pays nothing.)"},
	{"age", conditionKeyword, "`age < N` (or `<=`, `>`, `>=`): the beneficiary's age in whole years at the date of care. Claim column `naissance`."},
	{"anciennete", conditionKeyword, "`anciennete >= N ans` (or `<`, `<=`, `>`): whole years since the adhesion date (claim column `adhesion`, else the contract's `effet`)."},
	{"enfant", conditionKeyword, "`enfant`: age < 18 at the date of care."},
	{"senior", conditionKeyword, "`senior`: age >= 60 at the date of care."},
	{"adulte", conditionKeyword, "`adulte`: neither enfant nor senior (18 ≤ age < 60)."},
	{"reseau", conditionKeyword, "`reseau`: care bought in the insurer's réseau de soins (claim column `reseau`, default non)."},
	{"optam", conditionKeyword, "`optam`: the doctor signed OPTAM / OPTAM-CO (claim column `optam`, default non)."},
	{"secteur", conditionKeyword, "`secteur N`: the doctor's sector is N (1, 2 or 3). A claim without `secteur` matches no `secteur N`."},
	{"hors parcours", conditionKeyword, "`hors parcours`: care outside the parcours de soins coordonnés (claim column `parcours`, default oui)."},
	{"ald", conditionKeyword, "`ald`: care for an affection de longue durée (claim column `ald`, default non). `si ald` and `si non ald` are exclusive; `si ald` and `si rembourse` overlap."},
	{"rembourse", conditionKeyword, "`rembourse` (also `remboursé`, `remboursée`…): the claim has a base above 0, care the RO reimburses (claim column `base`, default 0). `si non rembourse` is care the RO does not cover."},
	{"sejour", conditionKeyword, "`sejour TYPE` (`medecine`, `chirurgie`, `psychiatrie`, `smr`, `maternite`, `had`): the claim column `type_sejour` has that word. The types are exclusive; a claim without a type matches none (E144 for an unknown word)."},
	{"etranger", conditionKeyword, "`etranger`: care abroad (claim column `etranger`, boolean)."},
	{"verres simples", conditionKeyword, "`verres simples`: the lenses of the claim's optical equipment are simple (claim column `verres`: `simple`). The three lens types are exclusive; a claim without `verres` matches none of them."},
	{"verres complexes", conditionKeyword, "`verres complexes`: the lenses of the claim's optical equipment are complex (claim column `verres`: `complexe`). The three lens types are exclusive; a claim without `verres` matches none of them."},
	{"verres tres complexes", conditionKeyword, "`verres tres complexes` (`très` too): the lenses of the claim's optical equipment are very complex (claim column `verres`: `tres_complexe`). The three lens types are exclusive; a claim without `verres` matches none of them."},

	// Formula terms (§4).
	{"non couvert", termKeyword, "`non couvert`: the poste is explicitly excluded; the rule pays 0 and the claim is reported with it."},
	{"frais reels", termKeyword, "`frais reels`: pays everything left after the previous payers (a term written after it gets 0)."},
	{"forfait", termKeyword, "`forfait X€ [porte a Y€ si COND] / PERIOD [par famille]`: up to X € per beneficiary per period, drawn as an envelope. X may be `N% PMSS`, the PMSS in force on the first day of the period. `forfait NAME` draws on the `enveloppe NAME` of the header instead (the period and options belong to the declaration, E147)."},
	{"porte a", otherKeyword, "`porte a X€ si CONDITION` (alias `porté à`), right after the amount of a `forfait`, `plafond` or `enveloppe`: a loyalty bonus; the same envelope amounts to X when the condition (on `age`, `anciennete`, `enfant`, `adulte`, `senior` only, E148) holds on the date of care. When several hold, the last written wins."},
	{"ro inclus", otherKeyword, "`RO inclus` after a `forfait` or `plafond` (after `par famille` if both): the amount includes the Sécurité sociale, as tables write \"Sécurité sociale incluse\": the line's RO, earlier layers and the formula's earlier terms count inside it. Anywhere else it is an error (E143)."},
	{"par famille", otherKeyword, "`par famille` after a `forfait` or `plafond`: one envelope shared by all beneficiaries of a family (claim column `famille`)."},

	// Bases of a percentage.
	{"brss", baseKeyword, "`N% BRSS`: a percentage of the claim's `base`, the RO tariff (base de remboursement de la sécurité sociale). In déduction mode the RO is inside it."},
	{"br", baseKeyword, "`N% BR`: same as `N% BRSS`, a percentage of the base de remboursement."},
	{"tm", baseKeyword, "`N% TM`: a percentage of the ticket modérateur, `base − RO brut`, in both modes."},
	{"fr", baseKeyword, "`N% FR`: a percentage of `frais`, what the patient was charged. In déduction mode the RO is inside it."},
	{"pmss", baseKeyword, "`N% PMSS`: a percentage of the plafond mensuel de la sécurité sociale: in a `forfait` or `plafond`, the PMSS in force on the first day of the period; per unit, `N% PMSS / UNIT`, the PMSS in force on the date of care."},
	{"plv", baseKeyword, "`N% PLV`: a percentage of the prix limite de vente, the legal price limit of the claim's 100% Santé item, × the covered quantity, combined with the RO like `BRSS`. Only in rules on the 100% Santé postes and the postes declared under them (E142 elsewhere)."},
	{"hlf", baseKeyword, "`N% HLF`: same as `N% PLV`, named after the honoraires limites de facturation of the dental 100% Santé basket."},

	// Limits (§5).
	{"max", limitKeyword, "`max N UNIT / PERIOD`: at most N units covered per beneficiary per period (a counter of the rule)."},
	{"plafond", limitKeyword, "`plafond X€ / PERIOD [par famille]`: the RC of this rule (or, on a limit-only rule, of every claim under its poste) totals at most X per beneficiary per period. X may be `N% PMSS`. `plafond X€ / UNIT [RO inclus]` caps each line at X × the covered quantity, with no envelope (euros only, never `par famille`, E151)."},
	{"au-dela", otherKeyword, "`au-dela FORMULE` (also `au-delà`) at the end of a `plafond` of a formula rule: once the plafond cuts the rule's amount on a line, the rule pays the greater of what the plafond left and FORMULE's per-line amount (no forfait, E149), never more than before the cut."},
	{"limite", limitKeyword, "`limite FORMULE pendant N mois` (or `jours`): for care dated before adhesion + N, the rule pays at most what FORMULE pays on the line; it charges nothing and does nothing afterwards. N above 0 and no forfait in FORMULE (E150)."},
	{"pendant", otherKeyword, "`limite FORMULE pendant N mois|jours`: how long after adhesion the reduced cover lasts, counted as for a carence."},
	{"carence", limitKeyword, "`carence N mois` or `carence N jours`: nothing is paid for care dated before adhesion + N, and nothing is consumed."},

	// Units.
	{"seance", unitKeyword, "`seance`: a unit of `X€ / UNIT` and `max`; a claim counts its units in the `quantite` column."},
	{"jour", unitKeyword, "`jour`: a unit of `X€ / UNIT` and `max` (a day of hospital stay, of private room…); a claim counts its units in `quantite`."},
	{"acte", unitKeyword, "`acte`: a unit of `X€ / UNIT` and `max`; a claim counts its units in `quantite`."},
	{"equipement", unitKeyword, "`equipement`: a unit of `X€ / UNIT` and `max` (an optical equipment); a claim counts its units in `quantite`."},
	{"dent", unitKeyword, "`dent`: a unit of `X€ / UNIT` and `max`; a claim counts its units in `quantite`."},
	{"oreille", unitKeyword, "`oreille`: a unit of `X€ / UNIT` and `max` (a hearing aid per ear); a claim counts its units in `quantite`."},
	{"oeil", unitKeyword, "`oeil` (`œil`, plural `yeux`): a unit of `X€ / UNIT` and `max` (refractive surgery per eye); a claim counts its units in `quantite`."},
	{"enfant", unitKeyword, "`enfant` as a unit: of `X€ / UNIT`, `N% PMSS / UNIT` and `max` (a birth or adoption allowance per child); a claim counts its units in `quantite`. After `si` or `et`, `enfant` is the condition age < 18."},
	{"yeux", otherKeyword, "`yeux`: the plural of the unit `oeil`, as in `max 2 yeux / annee civile`."},

	// Periods (§6).
	{"annee civile", periodKeyword, "`annee civile` (alias `an`): 1 January – 31 December of the date of care."},
	{"an", periodKeyword, "`an`: alias of `annee civile`, 1 January – 31 December of the date of care."},
	{"mois glissants", periodKeyword, "`N mois glissants`: a window that opens on the first claim drawing a positive amount and lasts N months (`24 mois glissants`: one equipment every two years)."},
	{"ans glissants", periodKeyword, "`N ans glissants`: a sliding window of N × 12 months (`2 ans glissants` = `24 mois glissants`)."},
	{"sejour", periodKeyword, "`/ sejour`: a period renewed per hospital stay; the lines of a stay share the claim column `sejour` (any id); a line without one is a stay of its own."},
	{"annee contrat", periodKeyword, "`annee contrat`: yearly from each anniversary of the adhesion date (claim column `adhesion`, else the contract's `effet`)."},

	// Types of a stay, after the condition "sejour" (§10.7).
	{"medecine", stayKeyword, "`sejour medecine`: a stay in médecine (claim column `type_sejour`)."},
	{"chirurgie", stayKeyword, "`sejour chirurgie`: a stay in chirurgie (claim column `type_sejour`)."},
	{"psychiatrie", stayKeyword, "`sejour psychiatrie`: a stay in psychiatrie (claim column `type_sejour`)."},
	{"smr", stayKeyword, "`sejour smr`: a stay in soins médicaux et de réadaptation (claim column `type_sejour`)."},
	{"maternite", stayKeyword, "`sejour maternite`: a stay in maternité (claim column `type_sejour`)."},
	{"had", stayKeyword, "`sejour had`: hospitalisation à domicile (claim column `type_sejour`)."},

	// Durations of a carence.
	{"mois", durationKeyword, "`carence N mois`: a waiting period of N months after adhesion; `limite … pendant N mois`: a reduced cover for N months; `N mois glissants`: a sliding window of N months."},
	{"jours", durationKeyword, "`carence N jours`: a waiting period of N days after adhesion; `limite … pendant N jours`: a reduced cover for N days."},
}

// spellings maps the other spellings the parser accepts to the words of
// the table.
var spellings = map[string]string{
	"remboursee": "rembourse", "remboursees": "rembourse",
	"verre simple": "verres simples", "verre complexe": "verres complexes", "verre tres complexe": "verres tres complexes",
}

// keywordByWords finds the keyword written as the given normalised words
// ("frais", "reels"), with or without the final "s" of a plural.
func keywordByWords(words string) (keyword, bool) {
	if w, ok := spellings[words]; ok {
		words = w
	}
	for _, k := range keywords {
		if k.text == words {
			return k, true
		}
	}
	for _, k := range keywords {
		if k.text+"s" == words || k.text == words+"s" {
			return k, true
		}
	}
	return keyword{}, false
}

// keywordOfKind finds the keyword of a kind written as words, for the
// words of two kinds ("enfant", a condition and a unit).
func keywordOfKind(words string, kind keywordKind) (keyword, bool) {
	for _, k := range keywords {
		if k.kind == kind && (k.text == words || k.text+"s" == words) {
			return k, true
		}
	}
	return keyword{}, false
}

// keywordsOf returns the keywords of the given kinds, in table order.
func keywordsOf(kinds ...keywordKind) []keyword {
	var out []keyword
	for _, k := range keywords {
		for _, kind := range kinds {
			if k.kind == kind {
				out = append(out, k)
			}
		}
	}
	return out
}
