// A map of structs: values are copies, so update by reassigning (or store pointers).
package main

import (
	"fmt"
	"sort"
)

type Vertex struct {
	Lat, Long float64
}

type Account struct {
	Owner   string
	Balance int
}

func main() {
	m := map[string]Vertex{
		"Bell Labs": {40.68433, -74.39967},
		"Google":    {37.42202, -122.08408},
	}
	fmt.Println(m["Bell Labs"])
	v := m["Google"]
	v.Lat = 0
	fmt.Println(m["Google"].Lat, v.Lat)
	m["Google"] = v
	fmt.Println(m["Google"])
	accts := map[int]*Account{1: {"ann", 10}, 2: {"ben", 20}}
	accts[1].Balance += 5
	ids := []int{}
	for id := range accts {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		fmt.Println(id, *accts[id])
	}
	type key struct{ x, y int }
	grid := map[key]string{{0, 0}: "origin", {1, 2}: "p"}
	fmt.Println(grid[key{1, 2}], grid[key{0, 0}], len(grid))
	fmt.Println(m)
}
