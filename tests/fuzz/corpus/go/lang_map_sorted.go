// Map iteration order is unspecified: sort the keys to print in order.
package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{
		"alice":   31,
		"charlie": 34,
		"bob":     28,
		"dave":    40,
		"eve":     25,
	}
	names := make([]string, 0, len(ages))
	for name := range ages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Printf("%s\t%d\n", name, ages[name])
	}
	sum := 0
	for _, age := range ages {
		sum += age
	}
	fmt.Println("total", sum)
	squares := map[int]int{}
	for i := 10; i > 0; i-- {
		squares[i] = i * i
	}
	keys := []int{}
	for k := range squares {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	fmt.Println(keys)
	fmt.Println(squares) // fmt prints maps sorted by key
}
