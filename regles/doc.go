// Package regles owns the reference data of French health insurance that a
// guarantee table is evaluated against: the nomenclature of postes (codes,
// French labels, the RO rate family and the deduction of each poste), the
// reference values in force at a date (PMSS, PASS, participation
// forfaitaire, franchises, forfait journalier, consultation tariff), the legal
// RO rates (taux de remboursement) by date and régime, and the constraints of
// the contrat responsable (Code de la sécurité sociale, article R871-2).
//
// Every dated value is looked up with the date of care, passed as an argument
// (a time.Time at UTC midnight): the package never reads the clock. Amounts
// are exact decimals, never floating point. The dated values live in the
// embedded files valeurs.csv and taux.csv so that an actuary can read and
// update them; they are validated when the package is initialised.
package regles
