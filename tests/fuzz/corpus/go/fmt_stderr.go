// Fprintln and Fprintf write to any io.Writer: os.Stdout, os.Stderr, a Builder.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Fprintf(os.Stderr, "error: %s (%d)\n", "bad input", 7)
	fmt.Fprint(os.Stderr, "no newline", 1, 2, "\n")
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d+%d", 1, 2)
	fmt.Println(sb.String())
	os.Stdout.WriteString("direct write\n")
	os.Stderr.Write([]byte("bytes to stderr\n"))
	println("builtin println goes to stderr", 42)
	fmt.Println("end")
}
