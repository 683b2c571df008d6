package gen

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"testing"

	"garantie/eval/claims"
)

// write returns the lines of the file generated with o, header first.
func write(t *testing.T, o Options) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, o); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

// TestDefaultBytes pins the default file: the options for ids, order and
// columns must leave it alone, since benchmarks and documented figures
// depend on it. The hash was taken before those options existed.
func TestDefaultBytes(t *testing.T) {
	h := sha256.New()
	if err := Write(h, opts(5000)); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprintf("%x", h.Sum(nil)), "6016ff118b336b475270d24a9cd45932e2514e93f671363a31fafc93eaa3b94c"; got != want {
		t.Errorf("the default file changed: sha256 %s, want %s", got, want)
	}
}

func TestShuffledIDs(t *testing.T) {
	o := opts(3000)
	plain := write(t, o)
	o.IDs = Shuffled
	shuffled := write(t, o)
	if !slices.Equal(shuffled, write(t, o)) {
		t.Fatal("shuffled ids are not deterministic")
	}
	var ids []string
	increasing := true
	for i, l := range shuffled[1:] {
		id, rest, _ := strings.Cut(l, ",")
		_, plainRest, _ := strings.Cut(plain[i+1], ",")
		if rest != plainRest {
			t.Fatalf("line %d: %q, want the default line but its id: %q", i+2, l, plain[i+1])
		}
		if len(ids) > 0 && id < ids[len(ids)-1] {
			increasing = false
		}
		ids = append(ids, id)
	}
	if increasing {
		t.Error("shuffled ids are increasing")
	}
	slices.Sort(ids)
	for i, id := range ids {
		if want := fmt.Sprintf("c%08d", i+1); id != want {
			t.Fatalf("sorted id %d is %s, want %s: not a permutation", i, id, want)
		}
	}
}

func TestShuffledOrder(t *testing.T) {
	o := opts(3000)
	dates := func(lines []string) []string {
		var ds []string
		for _, l := range lines[1:] {
			ds = append(ds, strings.Split(l, ",")[3])
		}
		return ds
	}
	sorted := dates(write(t, o))
	o.Order = Shuffled
	lines := write(t, o)
	if !slices.Equal(lines, write(t, o)) {
		t.Fatal("shuffled order is not deterministic")
	}
	shuffled := dates(lines)
	if slices.IsSorted(shuffled) {
		t.Error("shuffled lines are sorted by date")
	}
	slices.Sort(shuffled)
	if !slices.Equal(sorted, shuffled) {
		t.Error("shuffled lines do not take the dates of the sorted file")
	}
	for i, l := range lines[1:] {
		if want := fmt.Sprintf("c%08d,", i+1); !strings.HasPrefix(l, want) {
			t.Fatalf("line %d: ids must stay sequential: %q", i+2, l)
		}
	}
}

func TestFullColumns(t *testing.T) {
	o := opts(5000)
	o.Columns = Full
	var buf bytes.Buffer
	if err := Write(&buf, o); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), FullHeader+"\n") {
		t.Fatalf("header %q", strings.SplitN(buf.String(), "\n", 2)[0])
	}
	cs, err := claims.ReadAll(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != o.Claims {
		t.Fatalf("%d lines, want %d", len(cs), o.Claims)
	}
	frames, kinds := 0, map[claims.Verres]int{}
	for i, c := range cs {
		if c.Err != nil {
			t.Fatalf("line %d: %v", c.Line, c.Err)
		}
		if i > 0 && c.Date < cs[i-1].Date {
			t.Fatalf("line %d: not sorted by date", c.Line)
		}
		doctor := strings.HasPrefix(c.Poste, "consult.") || c.Poste == "soins.analyses" || c.Poste == "soins.imagerie" || c.Poste == "hospitalisation.honoraires"
		if doctor != (c.Professionnel != "") {
			t.Errorf("line %d: poste %s with professionnel %q", c.Line, c.Poste, c.Professionnel)
		}
		optique := c.Poste == "optique.monture" || c.Poste == "optique.verres" || c.Poste == "optique.equipement_100_sante"
		if optique != (c.Equipement != "") || optique != (c.Verres != claims.VerresUnknown) {
			t.Errorf("line %d: poste %s with equipement %q, verres %v", c.Line, c.Poste, c.Equipement, c.Verres)
		}
		if c.Poste != "optique.monture" || i+2 >= len(cs) {
			continue
		}
		frames++
		kinds[c.Verres]++
		for _, l := range cs[i+1 : i+3] {
			if l.Poste != "optique.verres" || l.Equipement != c.Equipement || l.Verres != c.Verres || l.Assure != c.Assure || l.Date != c.Date {
				t.Errorf("line %d: the frame of line %d is not followed by its lenses: %+v", l.Line, c.Line, l)
			}
		}
	}
	if frames < 20 || len(kinds) < 2 {
		t.Errorf("%d frames, kinds of lenses %v: the mix should have equipments of several kinds", frames, kinds)
	}
}
