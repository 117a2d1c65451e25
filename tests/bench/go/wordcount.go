// A map-heavy word count: n lookups and increments of string keys (row go-cpu).
package main

import "fmt"

const n = 1000000

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	counts := map[string]int{}
	for i := 0; i < n; i++ {
		w := words[(i*7+i/3)%len(words)]
		counts[w]++
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	fmt.Println(len(counts), total, counts["alpha"])
}
