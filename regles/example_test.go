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
