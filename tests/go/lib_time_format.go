// time.Time on the wall: Format with the reference layouts and Go's
// constants, the calendar fields, Date (normalized), Unix and back.
package main

import (
	"fmt"
	"time"
)

func main() {
	d := time.Date(2023, time.March, 5, 14, 7, 9, 123456789, time.UTC)
	layouts := []string{time.RFC3339, time.RFC3339Nano, time.Kitchen, time.ANSIC,
		time.RFC1123, time.RFC822Z, time.StampMilli, "2006-01-02 15:04:05.000",
		"Jan _2 3:04:05 PM .999", "Monday, 2 January 06 -07:00 Z07:00", "15h04m", "01/02 .0001 ,999"}
	for _, l := range layouts {
		fmt.Println(d.Format(l))
	}
	fmt.Println(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(),
		d.Weekday(), d.YearDay())
	fmt.Println(d.Unix(), d.UnixMilli(), time.Unix(1700000000, 0).UTC().Format(time.RFC3339))
	fmt.Println(time.Date(2023, 13, 32, 25, 0, 0, 0, time.UTC).Format(time.RFC3339), time.February)
	later := d.Add(36 * time.Hour)
	fmt.Println(later.Sub(d), later.After(d), later.Format("Mon 2"))
	now := time.Now()
	fmt.Println(now.Year() >= 2023, now.Unix() > 1700000000, time.Since(now) < time.Second)
}
