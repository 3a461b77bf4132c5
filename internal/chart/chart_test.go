package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestOption(t *testing.T) {
	spec := Spec{
		ID:          "cmp-growth-2020",
		Categories:  []string{"Industrial value added", "Profits"},
		Series:      []Series{{Name: "Chongqing", Values: []float64{5.5, 16.7}}, {Name: "Sichuan", Values: []float64{4, math.NaN()}}},
		AxisName:    "%",
		Description: "Growth in 2020",
	}
	a, err := Option(spec)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Option(spec)
	if !bytes.Equal(a, b) {
		t.Error("Option is not deterministic")
	}
	var o struct {
		Series []struct {
			Name string
			Type string
			Data []struct{ Value any }
		}
		XAxis []struct{ Data []string }
		Aria  struct {
			Enabled bool
			Label   struct{ Description string }
		}
	}
	if err := json.Unmarshal(a, &o); err != nil {
		t.Fatalf("option is not JSON: %v\n%s", err, a)
	}
	if len(o.Series) != 2 || o.Series[0].Name != "Chongqing" || o.Series[0].Type != "bar" || o.Series[1].Data[1].Value != "-" || o.Series[0].Data[0].Value != 5.5 {
		t.Errorf("series = %+v", o.Series)
	}
	if len(o.XAxis) != 1 || strings.Join(o.XAxis[0].Data, "|") != "Industrial value added|Profits" {
		t.Errorf("xAxis = %+v", o.XAxis)
	}
	if !o.Aria.Enabled || o.Aria.Label.Description != "Growth in 2020" {
		t.Errorf("aria = %+v", o.Aria)
	}
	for _, banned := range []string{"cdn", "http", "toolbox"} {
		if bytes.Contains(a, []byte(banned)) {
			t.Errorf("option mentions %q:\n%s", banned, a)
		}
	}
}

func TestOptionMismatch(t *testing.T) {
	_, err := Option(Spec{ID: "x", Categories: []string{"a"}, Series: []Series{{Name: "s", Values: []float64{1, 2}}}})
	if err == nil || !strings.Contains(err.Error(), "2 values for 1 categories") {
		t.Errorf("Option with mismatched series: err = %v", err)
	}
}
