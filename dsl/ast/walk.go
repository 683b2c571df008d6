package ast

// Inspect traverses the tree rooted at n in depth-first source order,
// calling f for each node. If f returns false, the children of that node
// are skipped. Comments are not visited; they live in File.Comments.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	switch n := n.(type) {
	case *File:
		for _, d := range n.Decls {
			Inspect(d, f)
		}
	case *Contrat:
		Inspect(n.Name, f)
	case *Organisme:
		Inspect(n.Name, f)
	case *Effet:
		Inspect(n.Date, f)
	case *Mode:
		Inspect(n.Value, f)
	case *PosteDecl:
		Inspect(n.Code, f)
		Inspect(n.Label, f)
		Inspect(n.SansRO, f)
	case *Enveloppe:
		Inspect(n.Keyword, f)
		Inspect(n.Name, f)
		Inspect(n.Forfait, f)
	case *Raise:
		Inspect(n.Keyword, f)
		Inspect(n.Value, f)
		for _, c := range n.Conditions {
			Inspect(c, f)
		}
	case *AuDela:
		Inspect(n.Keyword, f)
		for _, t := range n.Terms {
			Inspect(t, f)
		}
	case *Limite:
		Inspect(n.Keyword, f)
		for _, t := range n.Terms {
			Inspect(t, f)
		}
		Inspect(n.Pendant, f)
		Inspect(n.Duration, f)
	case *Path:
		for _, s := range n.Segments {
			Inspect(s, f)
		}
	case *Rule:
		Inspect(n.Poste, f)
		for _, c := range n.Conditions {
			Inspect(c, f)
		}
		Inspect(n.Garantie, f)
	case *Condition:
		Inspect(n.Not, f)
		Inspect(n.Subject, f)
		Inspect(n.Object, f)
		Inspect(n.Object2, f)
		Inspect(n.Op, f)
		Inspect(n.Value, f)
	case *Garantie:
		Inspect(n.NonCouvert, f)
		for _, t := range n.Terms {
			Inspect(t, f)
		}
		for _, l := range n.Limits {
			Inspect(l, f)
		}
	case *Quantity:
		Inspect(n.Number, f)
		Inspect(n.Symbol, f)
		Inspect(n.Word, f)
	case *Per:
		Inspect(n.Count, f)
		for _, w := range n.Words {
			Inspect(w, f)
		}
	case *ValueTerm:
		Inspect(n.Value, f)
		Inspect(n.Per, f)
		Inspect(n.ROInclus, f)
	case *FraisReels:
		Inspect(n.ROInclus, f)
	case *Forfait:
		Inspect(n.Keyword, f)
		Inspect(n.Value, f)
		Inspect(n.Name, f)
		for _, r := range n.Raises {
			Inspect(r, f)
		}
		Inspect(n.Per, f)
		Inspect(n.ParFamille, f)
		Inspect(n.ROInclus, f)
	case *Max:
		Inspect(n.Keyword, f)
		Inspect(n.Value, f)
		Inspect(n.Per, f)
		Inspect(n.ROInclus, f)
	case *Plafond:
		Inspect(n.Keyword, f)
		Inspect(n.Value, f)
		for _, r := range n.Raises {
			Inspect(r, f)
		}
		Inspect(n.Per, f)
		Inspect(n.ParFamille, f)
		Inspect(n.ROInclus, f)
		Inspect(n.AuDela, f)
	case *Carence:
		Inspect(n.Keyword, f)
		Inspect(n.Value, f)
		Inspect(n.ROInclus, f)
	}
}

// isNil reports whether n is nil or a typed nil pointer, so optional
// children can be passed to Inspect without checks.
func isNil(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Ident:
		return n == nil
	case *String:
		return n == nil
	case *Number:
		return n == nil
	case *Date:
		return n == nil
	case *Path:
		return n == nil
	case *Op:
		return n == nil
	case *Quantity:
		return n == nil
	case *Symbol:
		return n == nil
	case *Per:
		return n == nil
	case *ParFamille:
		return n == nil
	case *ROInclus:
		return n == nil
	case *SansRO:
		return n == nil
	case *AuDela:
		return n == nil
	case *Forfait:
		return n == nil
	case *Garantie:
		return n == nil
	}
	return false
}
