// Strings are read-only byte slices: len counts bytes, indexing gives bytes.
package main

import "fmt"

func main() {
	s := "hello"
	fmt.Println(len(s), s[0], s[4], string(s[1]))
	fmt.Printf("%c %v %T\n", s[0], s[0], s[0])
	u := "héllo, 世界"
	fmt.Println(len(u))
	for i := 0; i < len(u); i++ {
		fmt.Printf("%x ", u[i])
	}
	fmt.Println()
	fmt.Println(u[1], u[1:3], u[:1]+u[3:])
	fmt.Println(s[1:4], s[:2], s[3:], s[:])
	t := s
	t += " world"
	fmt.Println(s, t)
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
	raw := `raw\n string`
	fmt.Println(raw, len(raw))
	fmt.Println("tab\tnewline\\n quote\" \u00e9 \x41")
}
