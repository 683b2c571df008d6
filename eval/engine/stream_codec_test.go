package engine

import (
	"errors"
	"reflect"
	"testing"

	"garantie/eval/claims"
)

// fill sets every field of the value v points to to a value that is not
// zero and differs from field to field.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).Name != "Err" || v.Type() != reflect.TypeFor[claims.Claim]() {
				fill(v.Field(i), n)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n%100 + 1))
	case reflect.Uint8:
		v.SetUint(uint64(*n%2 + 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Interface:
		// Claim.Err is not encoded; there is no other interface.
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

// TestCodecRoundTrip encodes and decodes a Claim and a Result with every
// field set: a field added to either type and forgotten by the codec of
// the external sort fails it.
func TestCodecRoundTrip(t *testing.T) {
	var c, c2 claims.Claim
	n := 0
	fill(reflect.ValueOf(&c).Elem(), &n)
	rest, err := readClaim(appendClaim(nil, &c), &c2)
	if err != nil || len(rest) != 0 || !reflect.DeepEqual(c, c2) {
		t.Errorf("claim:\n got %+v (%v, %d bytes left)\nwant %+v", c2, err, len(rest), c)
	}
	var r, r2 Result
	fill(reflect.ValueOf(&r).Elem(), &n)
	rest, err = readResult(appendResult(nil, &r), &r2)
	if err != nil || len(rest) != 0 || !reflect.DeepEqual(r, r2) {
		t.Errorf("result:\n got %+v (%v, %d bytes left)\nwant %+v", r2, err, len(rest), r)
	}
	if _, err := readResult(appendResult(nil, &r)[:10], &r2); !errors.Is(err, errCorrupt) {
		t.Errorf("a cut record decoded with error %v", err)
	}
}
