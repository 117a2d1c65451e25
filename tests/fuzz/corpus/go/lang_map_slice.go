// A map of slices: grouping values under a key with append.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	words := strings.Fields("apple avocado banana blueberry cherry apricot bean")
	byLetter := map[byte][]string{}
	for _, w := range words {
		byLetter[w[0]] = append(byLetter[w[0]], w)
	}
	letters := []string{}
	for l := range byLetter {
		letters = append(letters, string(l))
	}
	sort.Strings(letters)
	for _, l := range letters {
		fmt.Println(l, byLetter[l[0]], len(byLetter[l[0]]))
	}
	graph := map[string][]string{}
	addEdge := func(a, b string) {
		graph[a] = append(graph[a], b)
		graph[b] = append(graph[b], a)
	}
	addEdge("x", "y")
	addEdge("x", "z")
	addEdge("y", "z")
	fmt.Println(graph)
	fmt.Println(graph["none"] == nil, len(graph["none"]))
}
