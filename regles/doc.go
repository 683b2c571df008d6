// Package regles owns the reference data of French health insurance that a
// guarantee table is evaluated against: the nomenclature of postes (codes,
// French labels, the RO rate family and the deduction of each poste), the
// reference values in force at a date (PMSS, PASS, participation
// forfaitaire, franchises and their caps, forfait journalier, consultation
// tariff), the legal RO rates (taux de remboursement) by date and régime,
// the 100% Santé price limits (PLV, HLF) and bases, and the constraints of
// the contrat responsable (Code de la sécurité sociale, article R871-2).
//
// Every dated value is looked up with the date of care, passed as an argument
// (a time.Time at UTC midnight): the package never reads the clock. Amounts
// are exact decimals, never floating point. The dated values live in the
// embedded files valeurs.csv, taux.csv and sante100.csv so that an actuary
// can read and update them; every line names its source and says whether it
// was confirmed against it. They are validated when the package is
// initialised.
//
// The dated lookups form the Reference interface. Default returns the
// embedded data and Load reads the same files from elsewhere, so that an
// engine takes its reference data as an argument; the package-level
// functions Value, Taux, Plafonds... are shorthands for Default().
package regles
