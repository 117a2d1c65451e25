// The Go Tour's word count: strings.Fields and a map[string]int.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func WordCount(s string) map[string]int {
	m := make(map[string]int)
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

func main() {
	text := "the quick brown fox jumps over the lazy dog the end"
	counts := WordCount(text)
	fmt.Println(counts)
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range counts {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].v != list[j].v {
			return list[i].v > list[j].v
		}
		return list[i].k < list[j].k
	})
	for _, e := range list[:3] {
		fmt.Println(e.k, e.v)
	}
	fmt.Println(WordCount(""), len(WordCount("  a  a ")))
}
