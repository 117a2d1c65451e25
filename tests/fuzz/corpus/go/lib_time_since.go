// poolscope: elapsed-ms 250
// time.Now and time.Since measure elapsed time (printed coarsely so the output is fixed).
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(250 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("elapsed >= 250ms:", elapsed >= 250*time.Millisecond)
	fmt.Println("truncated:", elapsed.Truncate(250*time.Millisecond))
	t0 := time.Now()
	t1 := t0.Add(90 * time.Second)
	fmt.Println(t1.Sub(t0), t1.After(t0), t0.Before(t1), t0.Equal(t0))
	deadline := start.Add(100 * time.Millisecond)
	fmt.Println("past deadline:", time.Now().After(deadline), time.Until(deadline) < 0)
	date := time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)
	fmt.Println(date)
	fmt.Println(date.Year(), date.Month(), date.Day(), date.Weekday(), date.YearDay())
	fmt.Println(date.Format("2006-01-02 15:04:05"), date.Format(time.RFC3339))
	fmt.Println(date.AddDate(0, 1, 25).Format("Jan 2, 2006"))
	fmt.Println(date.Unix(), date.Add(-time.Hour).Hour())
}
