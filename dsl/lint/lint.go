package lint

import (
	"fmt"
	"slices"
	"strings"

	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// Rule is one lint rule: its documentation and the function that runs it.
type Rule struct {
	Info diag.Info
	// Responsable is true for the obligations of the contrat responsable,
	// which apply only to contracts that declare responsable.
	Responsable bool
	// Run returns the diagnostics of the rule on p.
	Run func(p *check.Program) diag.Diagnostics
}

// reporter records a diagnostic of the running rule at r and returns it so
// the caller can add a hint or a related location.
type reporter func(r diag.Range, format string, args ...any) *diag.Diagnostic

// newRule builds a Rule whose run function reports through a reporter
// bound to the rule's code and severity, and which, for a responsable
// rule, does nothing on a contract that is not responsable.
func newRule(info diag.Info, responsable bool, run func(p *check.Program, report reporter)) Rule {
	return Rule{Info: info, Responsable: responsable, Run: func(p *check.Program) diag.Diagnostics {
		if responsable && !p.Responsable {
			return nil
		}
		var ds diag.Diagnostics
		run(p, func(r diag.Range, format string, args ...any) *diag.Diagnostic {
			ds = append(ds, diag.Diagnostic{File: fileName(p), Range: r, Severity: info.Severity, Code: info.Code, Message: fmt.Sprintf(format, args...)})
			return &ds[len(ds)-1]
		})
		return ds
	}}
}

func fileName(p *check.Program) string {
	if p.File == nil {
		return ""
	}
	return p.File.Name
}

// Rules returns every lint rule, sorted by code.
func Rules() []Rule {
	rules := []Rule{
		uselessLimit, unitAbovePlafond, forfaitAbovePlafond, capsNothing, afterFraisReels, percentWithoutBase, crossedCounters,
		ticketModerateur, forfaitJournalier, sante100, nonOptamMax, nonOptamEcart,
		montureMax, optiqueGrid, optiqueGridPrices, optiqueRenewal,
		aideAuditiveMax, aideAuditiveRenewal, aideAuditivePrices, uncoveredCare, limitCutsObligation, sante100Inherited, forfaitPatientUrgences,
	}
	slices.SortFunc(rules, func(a, b Rule) int { return strings.Compare(string(a.Info.Code), string(b.Info.Code)) })
	return rules
}

// Codes returns the documentation of every lint rule, sorted by code.
func Codes() []diag.Info {
	var out []diag.Info
	for _, r := range Rules() {
		out = append(out, r.Info)
	}
	return out
}

// Run runs every lint rule on p and returns the diagnostics in source
// order.
func Run(p *check.Program) diag.Diagnostics {
	resolutions.Store(p, &resolution{byCode: map[string]*candidates{}})
	defer resolutions.Delete(p)
	var ds diag.Diagnostics
	for _, r := range Rules() {
		ds = append(ds, r.Run(p)...)
	}
	ds.Sort()
	return ds
}
