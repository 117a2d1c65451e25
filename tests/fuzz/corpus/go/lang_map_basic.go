// Maps: insert, update, delete, the comma-ok idiom and len.
package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["k1"] = 7
	m["k2"] = 13
	fmt.Println("map:", m)
	v1 := m["k1"]
	fmt.Println("v1:", v1)
	v3 := m["k3"]
	fmt.Println("v3:", v3)
	fmt.Println("len:", len(m))
	delete(m, "k2")
	fmt.Println("map:", m)
	delete(m, "nothing")
	_, prs := m["k2"]
	fmt.Println("prs:", prs)
	if v, ok := m["k1"]; ok {
		fmt.Println("found", v)
	}
	n := map[string]int{"foo": 1, "bar": 2}
	fmt.Println("map:", n)
	n["foo"]++
	n["baz"] += 5
	fmt.Println(n, len(n))
	counts := map[rune]int{}
	for _, r := range "abracadabra" {
		counts[r]++
	}
	fmt.Println(counts['a'], counts['b'], counts['z'], len(counts))
	alias := n
	alias["new"] = 0
	fmt.Println(len(n))
}
