// Struct assignment copies every field; slices and maps inside are shared.
package main

import "fmt"

type Team struct {
	Name    string
	Members []string
	Scores  map[string]int
	Lead    *string
}

func rename(t Team)     { t.Name = "renamed" }
func renameP(t *Team)   { t.Name = "renamed" }
func addMember(t Team)  { t.Members[0] = "changed" }

func main() {
	lead := "ann"
	a := Team{"red", []string{"ann", "bob"}, map[string]int{"ann": 1}, &lead}
	b := a
	b.Name = "blue"
	b.Scores["bob"] = 2
	*b.Lead = "zed"
	fmt.Println(a.Name, b.Name)
	fmt.Println(a.Scores, len(b.Scores))
	fmt.Println(*a.Lead)
	rename(a)
	fmt.Println(a.Name)
	renameP(&a)
	fmt.Println(a.Name)
	addMember(a)
	fmt.Println(a.Members)
	b.Members = append(b.Members, "cy")
	fmt.Println(len(a.Members), len(b.Members))
	arr := [2]Team{a, b}
	cp := arr
	cp[0].Name = "copy"
	fmt.Println(arr[0].Name, cp[0].Name)
}
