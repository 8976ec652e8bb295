package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Check reports whether b is a well-formed SVG document with the
// accessibility elements every chart of the library has: an <svg> root with
// role="img" and aria-labelledby naming the ids of its <title> and <desc>, a <title>, a <desc>, text
// (labels), and no NaN or Inf in its numbers. Tests of the packages that draw
// charts call it.
func Check(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var root *xml.StartElement
	seen := map[string]int{}
	ids := map[string]string{} // id -> element name
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("not well-formed XML: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == nil {
				se := se.Copy()
				root = &se
			}
			seen[se.Name.Local]++
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = se.Name.Local
				}
			}
		}
	}
	if root == nil || root.Name.Local != "svg" {
		return errors.New("root element is not svg")
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	refs := strings.Fields(attrs["aria-labelledby"])
	if attrs["role"] != "img" || len(refs) != 2 || ids[refs[0]] != "title" || ids[refs[1]] != "desc" {
		return fmt.Errorf("svg lacks role=img and an aria-labelledby naming its title and desc: %v", attrs)
	}
	if seen["title"] < 1 || seen["desc"] != 1 || seen["text"] < 2 {
		return fmt.Errorf("missing title, desc or text: %v", seen)
	}
	if bytes.Contains(b, []byte("NaN")) || bytes.Contains(b, []byte("Inf")) {
		return errors.New("contains NaN or Inf")
	}
	return nil
}
