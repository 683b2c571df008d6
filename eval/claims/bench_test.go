package claims

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"garantie/eval/money"
)

// generateClaims returns a realistic claims file of n valid lines: a
// comma-separated export of a tiers payant system with families of one to
// four beneficiaries and the common postes.
func generateClaims(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	postes := []string{
		"consult.generaliste", "consult.specialiste", "soins.pharmacie", "optique.monture",
		"optique.verres", "dentaire.soins", "dentaire.prothese",
		"hospitalisation.forfait_journalier", "soins.auxiliaires", "soins.analyses",
	}
	var b bytes.Buffer
	b.WriteString("id,assure,famille,date,poste,frais,base,taux,ro,quantite,naissance,reseau,optam,secteur\n")
	for i := range n {
		family := rng.IntN(n/3 + 1)
		frais := 500 + rng.IntN(60000)
		base := frais * (50 + rng.IntN(50)) / 100
		ro := ""
		if rng.IntN(4) == 0 {
			ro = money.Cents(base * 70 / 100).String()
		}
		fmt.Fprintf(&b, "L%08d,B%06d-%d,F%06d,2026-%02d-%02d,%s,%s,%s,%d,%s,%d,%d-%02d-%02d,%s,%s\n",
			i, family, rng.IntN(4), family, 1+rng.IntN(12), 1+rng.IntN(28), postes[rng.IntN(len(postes))],
			money.Cents(frais), money.Cents(base), []int{60, 70, 100}[rng.IntN(3)], ro, 1+rng.IntN(3),
			1940+rng.IntN(80), 1+rng.IntN(12), 1+rng.IntN(28),
			[]string{"oui", "non"}[rng.IntN(2)], optamSecteur(rng.IntN(2), 1+rng.IntN(3)))
	}
	return b.Bytes()
}

// optamSecteur renders the optam and secteur fields: an OPTAM doctor is
// never in secteur 3, so that pair becomes secteur 2.
func optamSecteur(optam, secteur int) string {
	if optam == 0 {
		secteur = min(secteur, 2)
	}
	return fmt.Sprintf("%s,%d", []string{"true", "false"}[optam], secteur)
}

// BenchmarkReadClaims reads a 100,000-line file from memory, in the
// caller's goroutine and on GOMAXPROCS workers, and reports ns per line
// of wall time, and of CPU time of the whole process (garbage collection
// included): on a shared machine, the CPU time varies much less.
//
//	go test -run '^$' -bench ReadClaims -benchmem ./eval/claims/
func BenchmarkReadClaims(b *testing.B) {
	const lines = 100_000
	src := generateClaims(lines, 1)
	for _, workers := range []int{1, 0} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			claims := make([]Claim, 0, 8192)
			cpu0 := cpuTime()
			for b.Loop() {
				r, err := NewReaderOptions(bytes.NewReader(src), Options{Workers: workers})
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for {
					claims, err = r.Read(claims[:0])
					n += len(claims)
					if err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
				if n != lines {
					b.Fatalf("%d claims, want %d", n, lines)
				}
				r.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*lines), "ns/line")
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*lines), "cpu-ns/line")
		})
	}
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
