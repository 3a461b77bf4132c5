package dataset

import (
	"fmt"
	"regexp"
	"strconv"
)

// Month is a calendar month, as year*12 + month-1, so that months compare
// and subtract as integers.
type Month int

// MonthOf returns the Month for a year and month (1–12).
func MonthOf(year, month int) Month { return Month(year*12 + month - 1) }

// Year returns the month's year.
func (m Month) Year() int { return int(m) / 12 }

// Num returns the month's number in its year, 1–12.
func (m Month) Num() int { return int(m)%12 + 1 }

// Period is the span a figure refers to, written YYYY (a calendar year),
// YYYY-MM..YYYY-MM (months, inclusive) or YYYY..YYYY (years, inclusive).
type Period struct {
	From, To Month
	Text     string // as written
}

var (
	rePeriodYear   = regexp.MustCompile(`^([0-9]{4})$`)
	rePeriodMonths = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})\.\.([0-9]{4})-([0-9]{2})$`)
	rePeriodYears  = regexp.MustCompile(`^([0-9]{4})\.\.([0-9]{4})$`)
)

// ParsePeriod parses a period as written in the data files.
func ParsePeriod(s string) (Period, error) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	var p Period
	switch {
	case rePeriodYear.MatchString(s):
		y := atoi(s)
		p = Period{From: MonthOf(y, 1), To: MonthOf(y, 12)}
	case rePeriodMonths.MatchString(s):
		m := rePeriodMonths.FindStringSubmatch(s)
		m1, m2 := atoi(m[2]), atoi(m[4])
		if m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 {
			return p, fmt.Errorf("period %q has a month outside 01–12", s)
		}
		p = Period{From: MonthOf(atoi(m[1]), m1), To: MonthOf(atoi(m[3]), m2)}
	case rePeriodYears.MatchString(s):
		m := rePeriodYears.FindStringSubmatch(s)
		p = Period{From: MonthOf(atoi(m[1]), 1), To: MonthOf(atoi(m[2]), 12)}
	default:
		return p, fmt.Errorf("period %q is not YYYY, YYYY-MM..YYYY-MM or YYYY..YYYY", s)
	}
	if p.To < p.From {
		return p, fmt.Errorf("period %q ends before it starts", s)
	}
	if p.From.Year() < 1949 || p.To.Year() > 2100 {
		return p, fmt.Errorf("period %q is outside 1949–2100", s)
	}
	p.Text = s
	return p, nil
}

// Years lists the calendar years the period touches.
func (p Period) Years() []int {
	var ys []int
	for y := p.From.Year(); y <= p.To.Year(); y++ {
		ys = append(ys, y)
	}
	return ys
}

// FullYears reports whether the period starts in January and ends in
// December.
func (p Period) FullYears() bool { return p.From.Num() == 1 && p.To.Num() == 12 }

// Label formats the period for a language: "2020年1—11月" or "Jan–Nov 2020".
func (p Period) Label(lang string) string {
	fy, ty := p.From.Year(), p.To.Year()
	if lang == "zh" {
		switch {
		case p.FullYears() && fy == ty:
			return fmt.Sprintf("%d年", fy)
		case p.FullYears():
			return fmt.Sprintf("%d—%d年", fy, ty)
		case fy == ty && p.From == p.To:
			return fmt.Sprintf("%d年%d月", fy, p.From.Num())
		case fy == ty:
			return fmt.Sprintf("%d年%d—%d月", fy, p.From.Num(), p.To.Num())
		}
		return fmt.Sprintf("%d年%d月—%d年%d月", fy, p.From.Num(), ty, p.To.Num())
	}
	mon := func(m Month) string { return monthNames[m.Num()-1] }
	switch {
	case p.FullYears() && fy == ty:
		return strconv.Itoa(fy)
	case p.FullYears():
		return fmt.Sprintf("%d–%d", fy, ty)
	case fy == ty && p.From == p.To:
		return fmt.Sprintf("%s %d", mon(p.From), fy)
	case fy == ty:
		return fmt.Sprintf("%s–%s %d", mon(p.From), mon(p.To), fy)
	}
	return fmt.Sprintf("%s %d – %s %d", mon(p.From), fy, mon(p.To), ty)
}

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// ISO writes the period as an ISO 8601 date or interval, as structured data
// wants it: "2020", "2021/2025", "2024-01/2024-08", "2024-08".
func (p Period) ISO() string {
	fy, ty := p.From.Year(), p.To.Year()
	switch {
	case p.FullYears() && fy == ty:
		return fmt.Sprintf("%04d", fy)
	case p.FullYears():
		return fmt.Sprintf("%04d/%04d", fy, ty)
	case p.From == p.To:
		return fmt.Sprintf("%04d-%02d", fy, p.From.Num())
	}
	return fmt.Sprintf("%04d-%02d/%04d-%02d", fy, p.From.Num(), ty, p.To.Num())
}
