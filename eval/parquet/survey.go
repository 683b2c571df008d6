package parquet

import (
	"errors"
	"io"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"garantie/eval/claims"
	"garantie/eval/date"
)

// survey reads the date column alone, as claims.SurveyFile reads a CSV
// file, to tell how far back in time its dates go (so that the engine
// streams the file) and how many rows it has. Without a column "date" of
// type DATE the lateness is unknown (-1) and the file is read whole.
func survey(f *pq.File) (claims.Survey, error) {
	s := claims.Survey{Lateness: -1, Lines: int(f.NumRows())}
	leaf, ok := f.Schema().Lookup("date")
	if !ok {
		return s, nil
	}
	if lt := leaf.Node.Type().LogicalType(); lt == nil {
		return s, nil
	} else if _, isDate := lt.Value.(*format.DateType); !isDate {
		return s, nil
	}
	s.Lateness = 0
	var first, latest date.Day
	seen := false
	buf := make([]pq.Value, 4096)
	for _, rg := range f.RowGroups() {
		r := pq.NewColumnChunkValueReader(rg.ColumnChunks()[leaf.ColumnIndex])
		for {
			n, err := r.ReadValues(buf)
			for _, v := range buf[:n] {
				if v.IsNull() {
					continue
				}
				d := date.Day(v.Int32())
				switch {
				case !seen:
					first, latest, seen = d, d, true
				case d > latest:
					latest = d
				default:
					s.Lateness = max(s.Lateness, int(latest-d))
				}
				first = min(first, d)
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				r.Close()
				return s, err
			}
		}
		r.Close()
	}
	s.Span = int(latest - first)
	return s, nil
}
