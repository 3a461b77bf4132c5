package dataset

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Date is a calendar date known to the year, the month or the day, as the
// reports give them: "2021", "2022-05" or "2022-05-17".
type Date struct {
	Year, Month, Day int // Month and Day are 0 when not known
}

// ParseDate reads a date written YYYY, YYYY-MM or YYYY-MM-DD. It fails for
// a date that does not exist (2021-13, 2021-02-30).
func ParseDate(s string) (Date, error) {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, s)
		if err != nil {
			if shape.MatchString(s) {
				return Date{}, fmt.Errorf("%q is not a date: there is no such month or day", s)
			}
			break
		}
		d := Date{Year: t.Year()}
		if strings.Count(layout, "-") >= 1 {
			d.Month = int(t.Month())
		}
		if strings.Count(layout, "-") == 2 {
			d.Day = t.Day()
		}
		if d.Year < 1949 || d.Year > 2100 {
			return Date{}, fmt.Errorf("date %q is outside 1949–2100", s)
		}
		return d, nil
	}
	return Date{}, fmt.Errorf("%q is not a date written YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// IsZero reports whether the date is not given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String writes the date as it is written in the data: 2022-05-17.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

var shape = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

var englishMonths = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Label writes the date for a language: 2022年5月17日 or 17 May 2022.
func (d Date) Label(lang string) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0 && lang == "zh":
		return fmt.Sprintf("%d年", d.Year)
	case d.Month == 0:
		return fmt.Sprint(d.Year)
	case d.Day == 0 && lang == "zh":
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", englishMonths[d.Month-1], d.Year)
	case lang == "zh":
		return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	}
	return fmt.Sprintf("%d %s %d", d.Day, englishMonths[d.Month-1], d.Year)
}

// Before reports whether d is earlier than e, comparing what both give:
// an unknown month or day counts as the first.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// Time is the start of the date in China Standard Time (UTC+8, the time
// zone of every date in the reports): the start of its first day where only
// the year or month is known.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.FixedZone("CST", 8*60*60))
}

// Parts is the date as its known numbers: [2022 5 17], [2021].
func (d Date) Parts() []int {
	switch {
	case d.IsZero():
		return nil
	case d.Month == 0:
		return []int{d.Year}
	case d.Day == 0:
		return []int{d.Year, d.Month}
	}
	return []int{d.Year, d.Month, d.Day}
}
