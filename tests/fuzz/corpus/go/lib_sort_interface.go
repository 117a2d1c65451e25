// sort.Sort with a type implementing sort.Interface (Len, Less, Swap).
package main

import (
	"fmt"
	"sort"
)

type byLength []string

func (s byLength) Len() int           { return len(s) }
func (s byLength) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
func (s byLength) Less(i, j int) bool { return len(s[i]) < len(s[j]) }

type Planet struct {
	name string
	mass float64
}

type ByMass []Planet

func (a ByMass) Len() int           { return len(a) }
func (a ByMass) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByMass) Less(i, j int) bool { return a[i].mass < a[j].mass }

func main() {
	fruits := []string{"peach", "banana", "kiwi"}
	sort.Sort(byLength(fruits))
	fmt.Println(fruits)
	planets := []Planet{{"Mercury", 0.055}, {"Venus", 0.815}, {"Earth", 1.0}, {"Mars", 0.107}}
	sort.Sort(ByMass(planets))
	fmt.Println(planets)
	sort.Sort(sort.Reverse(ByMass(planets)))
	fmt.Println(planets[0].name, sort.IsSorted(ByMass(planets)))
	sort.Stable(byLength(fruits))
	fmt.Println(fruits)
}
