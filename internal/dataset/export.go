package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"path"
	"strconv"
	"strings"
)

// FigureRecord is one figure as published in /data/figures.json and
// /data/figures.csv. The field order is the column order of the CSV.
type FigureRecord struct {
	ID             string   `json:"id"`
	Indicator      string   `json:"indicator"`
	IndicatorZh    string   `json:"indicator_zh"`
	IndicatorEn    string   `json:"indicator_en"`
	Region         string   `json:"region"`
	Period         string   `json:"period"`
	PeriodInferred bool     `json:"period_inferred"`
	PeriodNoteZh   string   `json:"period_note_zh"`
	PeriodNoteEn   string   `json:"period_note_en"`
	Kind           string   `json:"kind"`
	Value          float64  `json:"value"`
	ValueUpper     *float64 `json:"value_upper"`
	Unit           string   `json:"unit"`
	ValueBase      float64  `json:"value_base"`
	ValueUpperBase *float64 `json:"value_upper_base"`
	BaseUnit       string   `json:"base_unit"`
	CountsZh       string   `json:"counts_zh"`
	CountsEn       string   `json:"counts_en"`
	Qualifier      string   `json:"qualifier"`
	Per            string   `json:"per"`
	Change         string   `json:"change"`
	Cumulative     bool     `json:"cumulative"`
	Report         string   `json:"report"`
	Seed           string   `json:"seed"`
	SeedLine       int      `json:"seed_line"`
	Quote          string   `json:"quote"`
	QuoteEn        string   `json:"quote_en"`
	Paragraph      string   `json:"paragraph"`
	URLZh          string   `json:"url_zh"`
	URLEn          string   `json:"url_en"`
}

// FigureColumns are the CSV header, in order.
var FigureColumns = []string{"id", "indicator", "indicator_zh", "indicator_en", "region", "period", "period_inferred", "period_note_zh", "period_note_en",
	"kind", "value", "value_upper", "unit", "value_base", "value_upper_base", "base_unit", "counts_zh", "counts_en", "qualifier", "per", "change", "cumulative",
	"report", "seed", "seed_line", "quote", "quote_en", "paragraph", "url_zh", "url_en"}

// Record returns the published form of a figure; url gives the address of
// a report page in a language, english the English of the figure's
// sentence ("" where there is none).
func (f *Figure) Record(url func(lang, reportID string) string, english func(*Figure) string) FigureRecord {
	r := FigureRecord{
		ID: f.ID, Indicator: f.IndicatorID, IndicatorZh: f.Indicator.NameZh, IndicatorEn: f.Indicator.NameEn,
		Region: f.Region, Period: f.PeriodRaw, PeriodInferred: f.PeriodInferred, PeriodNoteZh: f.PeriodNoteZh, PeriodNoteEn: f.PeriodNoteEn,
		Kind: f.Kind, Value: f.Value, Unit: f.UnitRaw, ValueBase: f.ValueBase, BaseUnit: f.Unit.Kind(),
		Qualifier: f.Qualifier, Per: f.Per, Change: f.Change, Cumulative: f.Cumulative,
		Report: f.ReportID, Seed: path.Base(f.Report.Doc.File), SeedLine: f.Match.Block.Lines[0], Quote: f.Quote, QuoteEn: english(f),
		Paragraph: f.Paragraph(),
		URLZh:     url("zh", f.ReportID) + "#" + f.Paragraph(),
		URLEn:     url("en", f.ReportID) + "#" + f.Paragraph(),
	}
	if f.Unit.IsCount() {
		r.CountsZh, r.CountsEn = f.Indicator.CountsZh, f.Indicator.CountsEnPlural
	}
	if f.IsRange {
		up, upBase := f.Upper, f.UpperBase
		r.ValueUpper, r.ValueUpperBase = &up, &upBase
	}
	return r
}

func (r FigureRecord) row() []string { return r.appendRow(nil) }

// appendRow appends the record's cells to dst, so that a file of rows can
// reuse one slice.
func (r FigureRecord) appendRow(dst []string) []string {
	t := CSVText
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return FormatNumber(*p)
	}
	return append(dst, t(r.ID), t(r.Indicator), t(r.IndicatorZh), t(r.IndicatorEn), t(r.Region), t(r.Period), strconv.FormatBool(r.PeriodInferred), t(r.PeriodNoteZh), t(r.PeriodNoteEn),
		t(r.Kind), FormatNumber(r.Value), num(r.ValueUpper), t(r.Unit), FormatNumber(r.ValueBase), num(r.ValueUpperBase), t(r.BaseUnit), t(r.CountsZh), t(r.CountsEn),
		t(r.Qualifier), t(r.Per), t(r.Change), strconv.FormatBool(r.Cumulative),
		t(r.Report), t(r.Seed), strconv.Itoa(r.SeedLine), t(r.Quote), t(r.QuoteEn), t(r.Paragraph), t(r.URLZh), t(r.URLEn))
}

// CSVText makes a text cell safe to open in a spreadsheet: a cell that
// starts with =, +, -, @, a tab or a carriage return would be read as a
// formula, so it gets a leading apostrophe, as OWASP recommends against CSV
// injection. Numeric cells are written as numbers and never pass through
// here; the JSON export keeps every value as it is.
func CSVText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteFiguresJSON writes the JSON export of figures, an array of
// FigureRecord, one record at a time: a large dataset is never held in
// memory whole.
func WriteFiguresJSON(w io.Writer, figs []*Figure, url func(lang, reportID string) string, english func(*Figure) string) error {
	var one []byte
	return WriteJSONElements(w, len(figs), func(i int) ([]byte, error) {
		r := figs[i].Record(url, english)
		var err error
		one, err = r.appendJSON(one[:0])
		return one, err
	})
}

// FigureJSON is a figure's record as WriteFiguresJSON writes it, an
// element of the array (for WriteJSONElements).
func FigureJSON(f *Figure, url func(lang, reportID string) string, english func(*Figure) string) ([]byte, error) {
	r := f.Record(url, english)
	return r.appendJSON(nil)
}

// FigureCSV is a figure's row as WriteFiguresCSV writes it (for
// WriteCSVRows).
func FigureCSV(f *Figure, url func(lang, reportID string) string, english func(*Figure) string) []byte {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write(f.Record(url, english).row())
	cw.Flush()
	return buf.Bytes()
}

// JSONParts returns the parts of a JSON array of n elements made by element
// (see FigureJSON), as WriteJSONElements writes it: joined, they are the
// same bytes.
func JSONParts(n int, element func(i int) ([]byte, error)) ([][]byte, error) {
	parts := make([][]byte, 0, 2*n+2)
	parts = append(parts, []byte("["))
	for i := range n {
		b, err := element(i)
		if err != nil {
			return nil, err
		}
		sep := jsonFirst
		if i > 0 {
			sep = jsonNext
		}
		parts = append(parts, sep, b)
	}
	if n > 0 {
		return append(parts, []byte("\n]\n")), nil
	}
	return append(parts, []byte("]\n")), nil
}

var jsonFirst, jsonNext = []byte("\n"), []byte(",\n")

// CSVParts returns the parts of a CSV file of n rows made by row under a
// header, as WriteCSVRows writes it.
func CSVParts(header []string, n int, row func(i int) []byte) [][]byte {
	var h bytes.Buffer
	cw := csv.NewWriter(&h)
	_ = cw.Write(header)
	cw.Flush()
	parts := make([][]byte, 0, n+1)
	parts = append(parts, h.Bytes())
	for i := range n {
		parts = append(parts, row(i))
	}
	return parts
}

// WriteCSVRows writes a CSV file of n rows made by row (see FigureCSV)
// under a header, as WriteFiguresCSV does.
func WriteCSVRows(w io.Writer, header []string, n int, row func(i int) []byte) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	_ = cw.Write(header)
	cw.Flush()
	for i := range n {
		bw.Write(row(i))
	}
	return bw.Flush()
}

// FiguresJSON is WriteFiguresJSON into memory.
func FiguresJSON(figs []*Figure, url func(lang, reportID string) string, english func(*Figure) string) []byte {
	var buf bytes.Buffer
	_ = WriteFiguresJSON(&buf, figs, url, english)
	return buf.Bytes()
}

// WriteFiguresCSV writes the CSV export of figures: UTF-8, a header row,
// the columns of FigureColumns.
func WriteFiguresCSV(w io.Writer, figs []*Figure, url func(lang, reportID string) string, english func(*Figure) string) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(FigureColumns)
	row := make([]string, 0, len(FigureColumns))
	for _, f := range figs {
		row = f.Record(url, english).appendRow(row[:0])
		_ = cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// FiguresCSV is WriteFiguresCSV into memory.
func FiguresCSV(figs []*Figure, url func(lang, reportID string) string, english func(*Figure) string) []byte {
	var buf bytes.Buffer
	_ = WriteFiguresCSV(&buf, figs, url, english)
	return buf.Bytes()
}

// writeJSONArray writes n values as a JSON array with one value per line,
// one value at a time.
func writeJSONArray(w io.Writer, n int, value func(i int) any) error {
	var one bytes.Buffer
	return WriteJSONElements(w, n, func(i int) ([]byte, error) {
		one.Reset()
		err := encodeElement(&one, value(i))
		return one.Bytes(), err
	})
}

// encodeElement writes a value as an element of an array: on one line, so
// that a file of tens of thousands of figures stays small and each line is
// one record.
func encodeElement(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // the newline Encode ends with
	return nil
}

// WriteJSONElements writes n elements made by element (see FigureJSON) as
// a JSON array, one element per line.
func WriteJSONElements(w io.Writer, n int, element func(i int) ([]byte, error)) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	for i := range n {
		b, err := element(i)
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		bw.Write(b)
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// IndicatorRecord is one indicator as published in /data/indicators.json.
type IndicatorRecord struct {
	ID              string   `json:"id"`
	NameZh          string   `json:"name_zh"`
	NameEn          string   `json:"name_en"`
	Unit            string   `json:"unit"`
	CountsZh        string   `json:"counts_zh"`
	CountsEn        string   `json:"counts_en"`
	CountsEnPlural  string   `json:"counts_en_plural"`
	Direction       string   `json:"direction"`
	Category        string   `json:"category"`
	DefinitionZh    string   `json:"definition_zh"`
	DefinitionEn    string   `json:"definition_en"`
	ComparabilityZh string   `json:"comparability_zh"`
	ComparabilityEn string   `json:"comparability_en"`
	Figures         []string `json:"figures"`
}

// IndicatorsJSON is the JSON export of indicators.
func IndicatorsJSON(d *Dataset) []byte {
	recs := make([]IndicatorRecord, len(d.Indicators))
	for i, in := range d.Indicators {
		ids := []string{}
		for _, f := range d.Measures(in) {
			ids = append(ids, f.ID)
		}
		recs[i] = IndicatorRecord{in.ID, in.NameZh, in.NameEn, in.UnitRaw, in.CountsZh, in.CountsEn, in.CountsEnPlural, in.Direction,
			in.Category, in.DefinitionZh, in.DefinitionEn, in.ComparabilityZh, in.ComparabilityEn, ids}
	}
	var buf bytes.Buffer
	_ = writeJSONArray(&buf, len(recs), func(i int) any { return recs[i] })
	return buf.Bytes()
}

// WriteJSONArray writes n values as a JSON array, one value per line and at a
// time (the other exports use it).
func WriteJSONArray(w io.Writer, n int, value func(i int) any) error {
	return writeJSONArray(w, n, value)
}
