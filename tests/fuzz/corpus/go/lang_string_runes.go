// range over a string yields runes and their byte offsets.
package main

import "fmt"

func main() {
	const nihongo = "日本語"
	for index, runeValue := range nihongo {
		fmt.Printf("%#U starts at byte position %d\n", runeValue, index)
	}
	for i, r := range "aé😀b" {
		fmt.Println(i, r, string(r))
	}
	bad := "a\xffb"
	for i, r := range bad {
		fmt.Printf("%d %q %U\n", i, r, r)
	}
	count := 0
	for range "héllo" {
		count++
	}
	fmt.Println("runes:", count)
}
