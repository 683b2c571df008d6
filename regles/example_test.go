package regles_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"garantie/regles"
)

func ExampleValue() {
	date := time.Date(2023, time.June, 1, 0, 0, 0, 0, time.UTC)
	pmss, err := regles.Value(regles.PMSS, date)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("PMSS:", pmss)
	fmt.Println("5% PMSS:", pmss.Mul(decimal.NewFromInt(5)).Div(decimal.NewFromInt(100)).StringFixed(2))

	_, err = regles.Value(regles.PMSS, time.Date(2017, time.June, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// PMSS: 3666
	// 5% PMSS: 183.30
	// regles: no value of "pmss" on 2017-06-01: the first one applies from 2018-01-01
}

func ExamplePriceLimit() {
	date := time.Date(2025, time.March, 3, 0, 0, 0, 0, time.UTC)
	for _, age := range []int{12, 45} {
		l, ok := regles.PriceLimit("audiologie.aide_100_sante", date, age, "")
		fmt.Println(age, "years:", ok, "limit", l.Limite, "base", l.BRSS, "confirmed", l.Confirme)
	}
	l, ok := regles.PriceLimit("optique.equipement_100_sante", date, 45, "simple")
	fmt.Println("classe A simple:", ok, "limit", l.Limite.StringFixed(2), "base", l.BRSS.StringFixed(2))
	_, ok = regles.PriceLimit("optique.equipement_100_sante", date, 45, "tres_complexe")
	fmt.Println("classe A tres_complexe:", ok)
	// Output:
	// 12 years: true limit 1400 base 1400 confirmed false
	// 45 years: true limit 950 base 400 confirmed false
	// classe A simple: true limit 115.00 base 34.50
	// classe A tres_complexe: false
}

func ExampleDefault() {
	// An engine takes a regles.Reference; Default is the embedded data.
	var ref regles.Reference = regles.Default()
	caps, err := ref.Plafonds(regles.ParticipationForfaitaire, time.Date(2024, time.May, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("daily cap:", caps.Jour, "per professional:", caps.JourParProfessionnel, "count:", caps.JourNombre, "yearly:", caps.An)
	// Output:
	// daily cap: 8 per professional: true count: 4 yearly: 50
}
