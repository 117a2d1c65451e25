// String verbs: %s, %q, %x, widths, precision and justification.
package main

import "fmt"

func main() {
	fmt.Printf("str1: %s\n", "\"string\"")
	fmt.Printf("str2: %q\n", "\"string\"")
	fmt.Printf("str3: %x\n", "hex this")
	fmt.Printf("|%10s|%-10s|\n", "foo", "b")
	fmt.Printf("|%6s|%-6s|\n", "toolongvalue", "x")
	fmt.Printf("|%.2s|%5.1s|\n", "abcdef", "xyz")
	fmt.Printf("%q %+q %#q\n", "héllo\n", "héllo", "back`tick")
	fmt.Printf("%#q\n", "raw")
	fmt.Printf("%s %s\n", []string{"a", "b"}, []byte("bytes"))
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("|%-8s|%8s|\n", "世界", "世界")
	fmt.Printf("%s|%v|%d\n", true, nil, "str")
	fmt.Printf("%t %t\n", true, false)
	fmt.Printf("%5t|%-6t|\n", true, false)
	fmt.Printf("%s\n", 42)
	fmt.Printf("%s %v\n", error(nil), []interface{}{nil})
}
