// Package engine owns the evaluation of claims against checked contracts
// (LANGUAGE.md §3): it compiles each check.Program into a plan of integer
// amounts, chooses the rules that apply to a claim line, reimburses it layer
// by layer after the régime obligatoire, keeps the state of envelopes,
// counters and RO deduction caps per beneficiary and per family, streams
// large files batch by batch, and records the results with their
// explanations.
//
// The engine is a pure function of its contracts, its claims and the
// reference data it is given (Options.Reference, by default
// regles.Default()): it never reads the clock, the environment or a
// package variable, and its results do not depend on the order of the
// lines nor on the number of workers. Money is exact integer cents (money.Cents);
// products by rates are rounded half away from zero to the cent.
//
// Typical use (see the package example):
//
//	eng, err := engine.New([]*check.Program{base, surco}, engine.Options{})
//	if err != nil { ... }
//	lines, err := claims.ReadAll(file)
//	results := eng.Evaluate(lines) // results[i] is the outcome of lines[i]
//
// New refuses a program that check.Check reported errors for
// (check.Program.Complete). A rejected line has Result.Err, a *Rejection
// whose RejectCode tells why without parsing its message; a layer that
// paid nothing says why in Couche.Motif.
//
// For files larger than memory, claims.SurveyFile measures how far back in
// time the lines go and Engine.Stream (or StreamMany, for a what-if
// analysis) evaluates them batch by batch through a Session, which keeps the
// state of envelopes between batches.
package engine
