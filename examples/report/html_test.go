package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satmetrics/satmetrics/internal/chart"
)

// page facts gathered by checkPage.
type pageFacts struct {
	svgTitles []string       // the title of each inline chart, in order
	elements  map[string]int // element counts
	text      string         // all character data
}

// checkPage parses an HTML report as XML (the template writes XHTML-compatible
// HTML, so a strict XML parser must accept it) and checks what a browser
// needs to show it without errors and what makes it self-contained: one
// html root in the XHTML namespace, a title, unique ids, aria references
// that resolve, no script, no event handler, and no external URL.
func checkPage(b []byte) (pageFacts, error) {
	f := pageFacts{elements: map[string]int{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true // no HTML entities, every element closed
	ids := map[string]bool{}
	var refs []string
	var stack []string
	var text strings.Builder
	inSVGTitle := false
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return f, fmt.Errorf("not well-formed: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && (t.Name.Local != "html" || t.Name.Space != "http://www.w3.org/1999/xhtml") {
				return f, fmt.Errorf("root element %v, want html in the XHTML namespace", t.Name)
			}
			depth++
			name := t.Name.Local
			f.elements[name]++
			if name == "script" || name == "iframe" || name == "object" || name == "embed" || name == "link" || name == "img" {
				return f, fmt.Errorf("the page has a <%s> element", name)
			}
			for _, a := range t.Attr {
				switch n := strings.ToLower(a.Name.Local); {
				case strings.HasPrefix(n, "on"):
					return f, fmt.Errorf("<%s> has an event handler %s", name, n)
				case n == "id":
					if ids[a.Value] {
						return f, fmt.Errorf("id %q appears twice", a.Value)
					}
					ids[a.Value] = true
				case n == "aria-labelledby":
					refs = append(refs, strings.Fields(a.Value)...)
				case n == "href" || n == "src":
					if !strings.HasPrefix(a.Value, "#") {
						return f, fmt.Errorf("<%s %s=%q> points outside the page", name, n, a.Value)
					}
				case a.Name.Space == "xmlns" || n == "xmlns":
					// namespace names are not fetched
				default:
					if strings.Contains(a.Value, "://") || strings.Contains(a.Value, "url(") {
						return f, fmt.Errorf("<%s %s=%q> refers to a resource", name, n, a.Value)
					}
				}
			}
			inSVGTitle = name == "title" && len(stack) > 0 && stack[len(stack)-1] == "svg"
			stack = append(stack, name)
		case xml.EndElement:
			depth--
			stack = stack[:len(stack)-1]
			inSVGTitle = false
		case xml.CharData:
			if inSVGTitle {
				f.svgTitles = append(f.svgTitles, string(t))
			}
			text.Write(t)
		}
	}
	if depth != 0 {
		return f, errors.New("unclosed elements")
	}
	for _, r := range refs {
		if !ids[r] {
			return f, fmt.Errorf("aria-labelledby refers to a missing id %q", r)
		}
	}
	if f.elements["title"] == 0 || f.elements["head"] != 1 || f.elements["body"] != 1 {
		return f, fmt.Errorf("the page lacks a head, a body or a title: %v", f.elements)
	}
	f.text = text.String()
	if strings.Contains(f.text, "url(") || strings.Contains(f.text, "@import") {
		return f, errors.New("the style sheet refers to a resource")
	}
	return f, nil
}

// TestHTML checks the sample's HTML report: well-formed, self-contained,
// with every chart inline and each chart file a valid accessible SVG.
func TestHTML(t *testing.T) {
	r := runReport(t, "-in", sampleExport, "-reverse", "q5", "-subscriptions", sampleSubscriptions)
	b, err := os.ReadFile(filepath.Join(r.dir, htmlFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>\n")) {
		t.Error("the page does not start with <!DOCTYPE html>")
	}
	f, err := checkPage(b)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"nps-by-channel.svg", "csat-by-channel.svg", "ces-by-channel.svg", "likert-items.svg", "csat-p-chart.svg", "cohorts.svg", "survival.svg"}
	if f.elements["svg"] != len(files) {
		t.Errorf("%d inline charts, want %d", f.elements["svg"], len(files))
	}
	var titles []string
	for _, name := range files {
		svg, err := os.ReadFile(filepath.Join(r.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := chart.Check(svg); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		var doc struct {
			Title string `xml:"title"`
		}
		if err := xml.Unmarshal(svg, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		titles = append(titles, doc.Title)
		if !bytes.Contains(b, []byte(name)) {
			t.Errorf("the page does not mention %s", name)
		}
	}
	if strings.Join(f.svgTitles, "|") != strings.Join(titles, "|") {
		t.Errorf("inline chart titles %q, want those of the files %q", f.svgTitles, titles)
	}
	for _, want := range []string{"By channel", "Significant changes", "Questionnaire", "Cronbach's alpha", "CSAT control chart", "Retention", "Rejected rows", "How the figures are computed"} {
		if !strings.Contains(f.text, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestHTMLEscapes feeds markup and entities through every text the page
// shows from the data: segment names, values of rejected rows, the title.
func TestHTMLEscapes(t *testing.T) {
	export := "time,channel,nps,csat\n" +
		"2026-01-01T00:00:00Z,<script>alert(1)</script>,9,5\n" +
		"2026-01-02T00:00:00Z,a & b,7,4\n" +
		"2026-01-03T00:00:00Z,\"x\"\"y\",10,<b>5</b>\n" +
		"2026-02-03T00:00:00Z,a & b,10,&nbsp;\n" +
		"2026-02-04T00:00:00Z,]]>,3,2\n"
	r := runReport(t, "-in", writeFile(t, "x.csv", export), "-title", `<i>Q1 & "Q2"</i>`)
	b, err := os.ReadFile(filepath.Join(r.dir, htmlFile))
	if err != nil {
		t.Fatal(err)
	}
	f, err := checkPage(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<script>alert(1)</script>", "a & b", "<b>5</b>", "&nbsp;", `<i>Q1 & "Q2"</i>`, "]]>"} {
		if !strings.Contains(f.text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if f.elements["i"] != 0 || f.elements["b"] != 0 {
		t.Errorf("markup from the data became elements: %v", f.elements)
	}
	for _, name := range []string{"nps-by-channel.svg", "csat-by-channel.svg"} {
		svg, err := os.ReadFile(filepath.Join(r.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := chart.Check(svg); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestInline checks the renaming of the ids of a chart.
func TestInline(t *testing.T) {
	in := []byte(`<?xml version="1.0"?>` + "\n" + `<svg aria-labelledby="title desc"><title id="title">T</title><desc id="desc">D</desc><rect><title>tip</title></rect></svg>`)
	want := `<svg aria-labelledby="c-title c-desc"><title id="c-title">T</title><desc id="c-desc">D</desc><rect><title>tip</title></rect></svg>`
	if got := string(inline(in, "c")); got != want {
		t.Errorf("inline = %s, want %s", got, want)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"channel": "channel", "Support Team": "support-team", "  ": "segment", "Kanal/Région": "kanal-r-gion"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCheckPage makes sure that checkPage can fail: each page has one of
// the faults it looks for.
func TestCheckPage(t *testing.T) {
	const head = `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>`
	const tail = `</body></html>`
	ok := head + `<p id="a">x</p><svg aria-labelledby="a"><title>T</title></svg><a href="#a">a</a>` + tail
	f, err := checkPage([]byte(ok))
	if err != nil {
		t.Fatalf("a good page: %v", err)
	}
	if len(f.svgTitles) != 1 || f.svgTitles[0] != "T" {
		t.Errorf("svg titles %q", f.svgTitles)
	}
	for _, bad := range []string{
		head + `<br>` + tail,
		head + `<p>&nbsp;</p>` + tail,
		head + `<script>x()</script>` + tail,
		head + `<img src="a.png"/>` + tail,
		head + `<p onclick="x()">x</p>` + tail,
		head + `<p id="a"></p><p id="a"></p>` + tail,
		head + `<svg aria-labelledby="nope"></svg>` + tail,
		head + `<a href="https://example.com/">x</a>` + tail,
		head + `<p style="background: url(x.png)">x</p>` + tail,
		head + `<style>@import "x.css";</style>` + tail,
		`<html><head><title>t</title></head><body></body></html>`,
		`<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>`,
		head,
	} {
		if _, err := checkPage([]byte(bad)); err == nil {
			t.Errorf("checkPage accepted %s", bad)
		}
	}
}
