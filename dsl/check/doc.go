// Package check gives a parsed .garantie contract its meaning: it resolves
// poste codes against the nomenclature, gives every quantity its type
// (money, rate with its base, count with its unit, period, duration),
// turns conditions into regions of the claim space, and verifies that the
// formula rules of each poste never compete for a claim without one of
// them being the most specific (the ambiguity check).
//
// Check returns the checked Program beside the syntax tree, which it never
// modifies, together with every diagnostic it found. A rule with an error is
// left out of the Program, so one mistake does not cascade into duplicate or
// ambiguity errors about the rules around it.
package check
