// sort: Ints, Strings, Float64s, and the IsSorted checks.
package main

import (
	"fmt"
	"sort"
)

func main() {
	strs := []string{"c", "a", "b", "B", "aa", ""}
	sort.Strings(strs)
	fmt.Printf("%q\n", strs)
	ints := []int{7, 2, 4, -1, 0, 4}
	sort.Ints(ints)
	fmt.Println("Ints:   ", ints)
	fmt.Println("Sorted: ", sort.IntsAreSorted(ints))
	fl := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println("Reverse:", ints)
	fmt.Println(sort.StringsAreSorted([]string{"b", "a"}))
	var empty []int
	sort.Ints(empty)
	fmt.Println(empty, len(empty))
}
