// sort.Search finds the first index where a predicate becomes true (binary search).
package main

import (
	"fmt"
	"sort"
)

func main() {
	a := []int{1, 3, 6, 10, 15, 21, 28, 36, 45, 55}
	x := 6
	i := sort.Search(len(a), func(i int) bool { return a[i] >= x })
	if i < len(a) && a[i] == x {
		fmt.Printf("found %d at index %d in %v\n", x, i, a)
	}
	fmt.Println(sort.SearchInts(a, 7), sort.SearchInts(a, 100), sort.SearchInts(a, 0))
	names := []string{"ann", "bob", "cy"}
	fmt.Println(sort.SearchStrings(names, "bob"), sort.SearchStrings(names, "bz"))
	guess := sort.Search(1000, func(n int) bool { return n*n >= 500 })
	fmt.Println("smallest n with n*n >= 500:", guess)
	fmt.Println(sort.Search(0, func(int) bool { return true }))
}
