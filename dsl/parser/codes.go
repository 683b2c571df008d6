package parser

import "garantie/dsl/diag"

// The diagnostic codes the parser emits. A code is never reused for
// another meaning; retired codes stay reserved.
const (
	CodeBadCharacter        diag.Code = "P001"
	CodeUnterminatedString  diag.Code = "P002"
	CodeBadStart            diag.Code = "P003"
	CodeBadPoste            diag.Code = "P004"
	CodeMissingColon        diag.Code = "P005"
	CodeMissingCondition    diag.Code = "P006"
	CodeIncompleteCondition diag.Code = "P007"
	CodeMissingGarantie     diag.Code = "P008"
	CodeMissingTerm         diag.Code = "P009"
	CodeMissingLimit        diag.Code = "P010"
	CodeMissingValue        diag.Code = "P011"
	CodeMissingPer          diag.Code = "P012"
	CodeIncompleteKeyword   diag.Code = "P013"
	CodeTrailing            diag.Code = "P014"
	CodeBadHeader           diag.Code = "P015"
	CodeUnknownKeyword      diag.Code = "P016"
	CodeForbiddenCharacter  diag.Code = "P017"
)

// Codes documents every diagnostic the parser emits, in code order. All
// of them are errors: the declaration they point at is left out of the
// contract (it becomes an *ast.BadDecl) and the rest of the file is read.
func Codes() []diag.Info {
	return []diag.Info{
		{Code: CodeBadCharacter, Title: "unexpected character", Severity: diag.Error,
			Doc:     "The line contains a character that is not part of the language, or a byte that is not valid UTF-8. Amounts are written with '€' or 'EUR', comparisons with <, <=, > or >=, and anything else belongs in a comment after '#'. Remove or replace the character.",
			Example: "consult.generaliste: 150$ BRSS"},
		{Code: CodeUnterminatedString, Title: "unterminated string", Severity: diag.Error,
			Doc:     "A string opened with '\"' is not closed on the same line. Strings cannot span lines and have no escapes; add the closing '\"'.",
			Example: "contrat \"Équilibre 2026"},
		{Code: CodeBadStart, Title: "line starts with neither a poste nor a keyword", Severity: diag.Error,
			Doc:     "Each line is a header declaration (contrat, organisme, effet, responsable, mode, poste), a rule starting with a poste code, a comment or a blank line. Start the line with a poste code such as consult.generaliste, or join it to the previous line if it was its continuation.",
			Example: "150% BRSS"},
		{Code: CodeBadPoste, Title: "malformed poste code", Severity: diag.Error,
			Doc:     "A poste code is words joined by dots, with no dot at either end: optique.monture. Write the missing segment after the '.' or remove the dot.",
			Example: "optique.: forfait 100€ / annee civile"},
		{Code: CodeMissingColon, Title: "missing ':' after the poste", Severity: diag.Error,
			Doc:     "A rule is POSTE [si CONDITIONS]: GARANTIE, and the ':' ends the poste and its conditions. Add the ':' where the garantie starts; conditions are joined with 'et'. The suggested fix inserts it.",
			Example: "consult.generaliste 150% BRSS"},
		{Code: CodeMissingCondition, Title: "missing condition", Severity: diag.Error,
			Doc:     "'si', 'et' and 'non' must be followed by a condition: age < N, age >= N, enfant, senior, adulte, anciennete >= N ans, reseau, optam, secteur N, hors parcours, ald, rembourse, verres simples, verres complexes or verres tres complexes. Write the condition or remove the keyword.",
			Example: "optique.monture si: forfait 80€ / 12 mois glissants"},
		{Code: CodeIncompleteCondition, Title: "incomplete condition", Severity: diag.Error,
			Doc:     "A comparison needs an operator and a number (age < 16, anciennete >= 2 ans), 'secteur' needs a sector number (secteur 2), 'hors' is only used in 'hors parcours' and 'verres' needs the type of lenses (verres simples, verres complexes, verres tres complexes). Complete the condition.",
			Example: "optique.monture si age 16: forfait 80€ / 12 mois glissants"},
		{Code: CodeMissingGarantie, Title: "missing garantie", Severity: diag.Error,
			Doc:     "A rule needs a garantie after its ':': a formula such as 150% BRSS, limits such as plafond 150€ / annee civile, or non couvert. Write what the contract grants for this poste.",
			Example: "consult.generaliste:"},
		{Code: CodeMissingTerm, Title: "missing term after '+'", Severity: diag.Error,
			Doc:     "'+' joins two formula terms, so a term must follow it: N% BRSS, X€ / UNIT, forfait X€ / PERIOD or frais reels. Write the term or remove the '+'. Limits are separated with ',' rather than '+'.",
			Example: "optique.lentilles: 100% BRSS +"},
		{Code: CodeMissingLimit, Title: "missing limit after ','", Severity: diag.Error,
			Doc:     "',' separates the formula from its limits and the limits from each other, so a limit must follow it: max N UNIT / PERIOD, plafond X€ / PERIOD or carence N mois. Write the limit or remove the ','. Formula terms are joined with '+', not ','.",
			Example: "dentaire.implant: 400€ / acte,"},
		{Code: CodeMissingValue, Title: "keyword without a value", Severity: diag.Error,
			Doc:     "max, plafond, carence and forfait are followed by a number: max 4 seances / annee civile, plafond 150€ / annee civile, carence 6 mois, forfait 100€ / annee civile. Write the value after the keyword.",
			Example: "dentaire.implant: 400€ / acte, max / annee civile"},
		{Code: CodeMissingPer, Title: "missing unit or period after '/'", Severity: diag.Error,
			Doc:     "'/' is followed by a unit (seance, jour, acte…) or a period (annee civile, an, 24 mois glissants, annee contrat). Write it, or remove the '/'.",
			Example: "optique.monture: forfait 100€ / 24"},
		{Code: CodeIncompleteKeyword, Title: "incomplete two-word keyword", Severity: diag.Error,
			Doc:     "Some keywords are two words: frais reels, non couvert, par famille and RO inclus. Write the second word.",
			Example: "hospitalisation.forfait_journalier: frais"},
		{Code: CodeTrailing, Title: "unexpected text after the declaration", Severity: diag.Error,
			Doc:     "The declaration is complete but the line goes on. Formula terms are joined with '+' and come before the limits, limits are separated with ',', and each declaration ends at a newline or ';'. Remove the extra text or add the missing separator.",
			Example: "consult.generaliste: 150% BRSS 20€"},
		{Code: CodeBadHeader, Title: "malformed header declaration", Severity: diag.Error,
			Doc:     "Header declarations have a fixed shape: contrat \"NAME\", organisme \"NAME\", effet YYYY-MM-DD, responsable, mode deduction or mode complement, poste CODE \"Label\". Write the missing part in that shape.",
			Example: "contrat Equilibre"},
		{Code: CodeUnknownKeyword, Title: "unknown keyword", Severity: diag.Error,
			Doc:     "A word stands where a keyword is expected and is a likely misspelling of one: a limit (max, plafond, carence) after ',', a term (forfait, frais reels) after '+' or ':', non couvert after ':', or a header keyword (contrat, organisme, effet, responsable, mode, poste) at the start of a line. Keywords are case- and accent-insensitive, but their spelling counts. The message names the keyword meant, and the suggested fix replaces the word with it.",
			Example: "dentaire.implant: 400€ / acte, plafonf 800€ / annee civile"},
		{Code: CodeForbiddenCharacter, Title: "forbidden character", Severity: diag.Error,
			Doc:     "The file holds, anywhere including comments and strings, a control character (NUL, escape, a carriage return inside a line…) or an invisible formatting character that changes how the text displays: the bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C and the separators U+2028, U+2029. They can make a contract read differently on screen from what the tools evaluate, and would be echoed into explanations. Remove the character; the position counts characters.",
			Example: "contrat \"Équilibre\x1b[2J\""},
	}
}
