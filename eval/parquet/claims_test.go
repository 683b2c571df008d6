package parquet_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/parquet"
)

// TestClaimsRoundTrip writes claims that use every optional column as
// Parquet and reads them back: each field comes back as it was.
func TestClaimsRoundTrip(t *testing.T) {
	src := "id,assure,famille,date,poste,frais,base,taux,ro,pf,quantite,naissance,adhesion,reseau,optam,parcours,ald,secteur,regime,professionnel,equipement,verres,sejour,type_sejour,etranger,participation\n" +
		"c1,a1,f1,2026-03-02,hospitalisation.urgences,150.00,100.00,100,,,1,1980-05-01,2020-01-01,non,non,oui,non,,general,p9,,,s1,chirurgie,oui,19.61\n" +
		"c2,a2,,2026-03-03,optique.verres,200.00,0.05,60,,,2,2012-02-29,,oui,non,non,non,2,alsace_moselle,,e7,tres_complexe,,,non,\n"
	want, err := claims.ReadAll(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range want {
		if c.Err != nil {
			t.Fatalf("line %d: %v", c.Line, c.Err)
		}
	}
	path := filepath.Join(t.TempDir(), "soins.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := parquet.WriteClaims(f, want); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, _, closeFn, err := parquet.OpenClaims(path)
	if err != nil {
		t.Fatal(err)
	}
	defer closeFn()
	var got []claims.Claim
	for {
		got, err = r.Read(got)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims read back (-written +read):\n%s", diff)
	}
}
