// The strings package's everyday functions.
package main

import (
	"fmt"
	s "strings"
)

var p = fmt.Println

func main() {
	p("Contains:  ", s.Contains("test", "es"))
	p("Count:     ", s.Count("cheese", "e"))
	p("HasPrefix: ", s.HasPrefix("test", "te"))
	p("HasSuffix: ", s.HasSuffix("test", "st"))
	p("Index:     ", s.Index("chicken", "ken"), s.Index("chicken", "dmr"))
	p("LastIndex: ", s.LastIndex("go gopher", "go"))
	p("IndexByte: ", s.IndexByte("golang", 'l'), s.IndexRune("chicken", 'k'))
	p("Join:      ", s.Join([]string{"a", "b"}, "-"))
	p("Repeat:    ", s.Repeat("a", 5))
	p("Replace:   ", s.Replace("foo", "o", "0", -1))
	p("Replace:   ", s.Replace("foo", "o", "0", 1))
	p("ReplaceAll:", s.ReplaceAll("oink oink oink", "oink", "moo"))
	p("Split:     ", s.Split("a-b-c-d-e", "-"))
	p("ToLower:   ", s.ToLower("TEST"))
	p("ToUpper:   ", s.ToUpper("test"))
	p("Title:     ", s.Title("hello wide world"))
	p("EqualFold: ", s.EqualFold("Go", "GO"))
	p("Compare:   ", s.Compare("a", "b"), s.Compare("b", "a"), s.Compare("x", "x"))
	p("Map:       ", s.Map(func(r rune) rune { return r + 1 }, "HAL"))
	p("ContainsAny:", s.ContainsAny("failure", "ui"), s.ContainsRune("abc", 'c'))
}
