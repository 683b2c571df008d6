package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// aprilPublished is one of the "exemples de remboursement" APRIL publishes
// for Santé Mix Proximité (Exemples de remboursement 03/2025), the niveau 3
// column, as printed: dépense, remboursement Sécurité sociale, remboursement
// APRIL and reste à charge. docs/transcription.md §8 quotes them all.
type aprilPublished struct {
	id, situation          string
	frais, secu, rc, reste string
	// exception, when not empty, says why the printed reste is not
	// frais − secu − rc: the test then expects the engine's reste to be
	// that identity's figure, and fails if the printed one ever holds.
	exception string
	// note, when not empty, says why a line that matches to the cent is
	// nevertheless not what its printed label says.
	note string
}

var aprilMixN3 = []aprilPublished{
	{id: "p01", situation: "Forfait journalier hospitalier", frais: "20.00", secu: "0.00", rc: "20.00", reste: "0.00"},
	{id: "p02", situation: "Forfait journalier hospitalier, psychiatrie", frais: "15.00", secu: "0.00", rc: "15.00", reste: "0.00"},
	{id: "p03", situation: "Chambre particulière, une nuit", frais: "67.00", secu: "0.00", rc: "55.00", reste: "12.00"},
	{id: "p04", situation: "Cataracte en secteur privé: frais de séjour", frais: "835.60", secu: "811.60", rc: "24.00", reste: "0.00"},
	{id: "p05", situation: "Cataracte: honoraires du chirurgien OPTAM", frais: "434.00", secu: "271.70", rc: "135.85", reste: "26.45"},
	{id: "p06", situation: "Cataracte: honoraires du chirurgien non OPTAM", frais: "473.00", secu: "271.70", rc: "67.93", reste: "133.37"},
	{id: "p07", situation: "Pneumonie ou pleurésie, hôpital public: frais de séjour", frais: "3541.00", secu: "2832.80", rc: "708.20", reste: "0.00"},
	{id: "p08", situation: "Généraliste traitant secteur 1, plus de 18 ans", frais: "30.00", secu: "19.00", rc: "9.00", reste: "2.00"},
	{id: "p09", situation: "Pédiatre secteur 1, moins de 6 ans", frais: "35.00", secu: "24.50", rc: "10.50", reste: "0.00"},
	{id: "p10", situation: "Spécialiste secteur 1, plus de 18 ans", frais: "31.50", secu: "20.05", rc: "9.45", reste: "2.00"},
	{id: "p11", situation: "Pédiatre OPTAM, moins de 6 ans", frais: "50.00", secu: "24.50", rc: "25.50", reste: "0.00"},
	{id: "p12", situation: "Spécialiste OPTAM, plus de 18 ans", frais: "54.00", secu: "20.05", rc: "25.20", reste: "6.75",
		exception: "the printed reste of niveaux 1 to 3 (22.50, 14.63, 6.75) is 2.00 below dépense − Sécurité sociale − APRIL (24.50, 16.63, 8.75); niveaux 4 to 6 print 2.00, the participation forfaitaire, which the identity gives"},
	{id: "p13", situation: "Pédiatre secteur 2 non OPTAM, 2 à 16 ans", frais: "62.00", secu: "16.10", rc: "12.65", reste: "33.25"},
	{id: "p14", situation: "Spécialiste secteur 2 non OPTAM, plus de 18 ans", frais: "67.00", secu: "14.10", rc: "12.65", reste: "40.25"},
	{id: "p15", situation: "Paire de béquilles", frais: "26.18", secu: "14.64", rc: "11.54", reste: "0.00"},
	{id: "p16", situation: "Couronne céramo-métallique sur incisive, 100 % Santé", frais: "500.00", secu: "72.00", rc: "428.00", reste: "0.00"},
	{id: "p17", situation: "Détartrage", frais: "43.38", secu: "26.03", rc: "17.35", reste: "0.00"},
	{id: "p18", situation: "Couronne céramo-métallique sur molaire, hors 100 % Santé", frais: "557.00", secu: "72.00", rc: "168.00", reste: "317.00"},
	{id: "p19", situation: "Orthodontie, moins de 16 ans, un an de traitement, avec le Renfort Famille", frais: "707.00", secu: "193.50", rc: "400.00", reste: "113.50"},
	{id: "p20", situation: "Lunettes 100 % Santé, verres simples et monture", frais: "115.00", secu: "20.70", rc: "94.30", reste: "0.00"},
	{id: "p21", situation: "Lunettes 100 % Santé, verres progressifs et monture", frais: "210.00", secu: "37.80", rc: "172.20", reste: "0.00"},
	{id: "p22", situation: "Lunettes hors 100 % Santé, verres simples et monture", frais: "366.00", secu: "0.09", rc: "149.91", reste: "216.09",
		exception: "the printed reste is dépense − APRIL (366.00 − 149.91), the Sécurité sociale's 0.09 left out, as on every classe B line of niveaux 2 to 6 (niveau 1 deducts it)"},
	{id: "p23", situation: "Lunettes hors 100 % Santé, verres progressifs et monture", frais: "632.00", secu: "0.09", rc: "274.91", reste: "375.09",
		exception: "the printed reste is dépense − APRIL (632.00 − 274.91 = 357.09, the Sécurité sociale's 0.09 left out) with two digits swapped, 375.09"},
	{id: "p24", situation: "Lentilles, forfait annuel (refusées par la Sécurité sociale)", frais: "156.87", secu: "0.00", rc: "100.00", reste: "56.87"},
	{id: "p25", situation: "Chirurgie réfractive de la myopie, 2 yeux", frais: "1846.60", secu: "0.00", rc: "150.00", reste: "1696.60"},
	{id: "p26", situation: "Aide auditive 100 % Santé, par oreille, plus de 20 ans", frais: "950.00", secu: "240.00", rc: "710.00", reste: "0.00"},
	{id: "p27", situation: "Aide auditive hors 100 % Santé, par oreille, plus de 20 ans", frais: "1582.00", secu: "240.00", rc: "160.00", reste: "1182.00",
		note: "printed \"intégrant le renfort Senior\" and the same 160.00 at every level, but 160.00 is the socle's 100 % BR alone (400.00 − 240.00); the table's Renfort Senior adds 200 € per ear at niveau 3 (100 € to 350 € by level). This contract has the Renfort Famille, so the socle's figure is the one it must pay"},
}

// TestAprilMixPublished evaluates the published examples of APRIL Santé
// Mix Proximité niveau 3 under exemples/april-mix-3.garantie and compares
// the engine with every printed figure: the Sécurité sociale, APRIL's
// payment and the reste à charge, to the cent. A printed reste that breaks
// frais = Sécurité sociale + APRIL + reste must be a declared exception
// (the engine then gives the identity's figure, never the printed one), and
// a declared exception must still be one.
func TestAprilMixPublished(t *testing.T) {
	status, out, errOut := runCLI(t, "", "eval", "../../exemples/april-mix-3.garantie", "--claims", "../../exemples/april-mix-3.csv", "--format", "csv")
	if status != exitOK {
		t.Fatalf("eval: status %d: %s", status, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	got := map[string][]string{}
	for _, row := range rows[1:] {
		got[row[col["id"]]] = row
	}
	if len(got) != len(aprilMixN3) {
		t.Errorf("%d claim lines, %d published examples", len(got), len(aprilMixN3))
	}
	dec := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	var matched, exceptions int
	for _, p := range aprilMixN3 {
		row, ok := got[p.id]
		if !ok {
			t.Errorf("%s (%s): not in the claims file", p.id, p.situation)
			continue
		}
		if e := row[col["erreur"]]; e != "" {
			t.Errorf("%s (%s): rejected: %s", p.id, p.situation, e)
			continue
		}
		for _, c := range []struct{ name, want string }{{"frais", p.frais}, {"ro", p.secu}, {"rc", p.rc}} {
			if row[col[c.name]] != c.want {
				t.Errorf("%s (%s): %s %s, printed %s", p.id, p.situation, c.name, row[col[c.name]], c.want)
			}
		}
		identity := dec(p.frais).Sub(dec(p.secu)).Sub(dec(p.rc)).StringFixed(2)
		reste := row[col["reste"]]
		switch {
		case identity == p.reste && p.exception != "":
			t.Errorf("%s (%s): declared an exception, but the printed figures hold: %s", p.id, p.situation, p.exception)
		case identity != p.reste && p.exception == "":
			t.Errorf("%s (%s): printed reste %s is not %s − %s − %s = %s: declare the exception", p.id, p.situation, p.reste, p.frais, p.secu, p.rc, identity)
		case reste != identity:
			t.Errorf("%s (%s): reste %s, want %s (printed %s)", p.id, p.situation, reste, identity, p.reste)
		case p.exception != "":
			exceptions++
		case reste == p.reste:
			matched++
		}
	}
	// 24 published lines match to the cent on every figure; 3 match on the
	// Sécurité sociale and APRIL's payment, their printed reste being wrong.
	if matched != 24 || exceptions != 3 {
		t.Errorf("%d lines match every printed figure and %d are exceptions, want 24 and 3", matched, exceptions)
	}
}
