// strings.Builder builds a string efficiently; NewReplacer replaces many at once.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("ignition")
	fmt.Println(b.String())
	fmt.Println(b.Len())
	var sb strings.Builder
	sb.WriteByte('[')
	sb.WriteRune('世')
	sb.Write([]byte("bytes"))
	sb.WriteByte(']')
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q\n", sb.String())
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("This is <b>HTML</b>!"))
	rd := strings.NewReader("abc")
	fmt.Println(rd.Len())
	lines := []string{}
	for i := 1; i <= 3; i++ {
		lines = append(lines, strings.Repeat("*", i))
	}
	fmt.Println(strings.Join(lines, "\n"))
}
