package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// layout is where each field of a row is: column indexes of the header,
// -1 for a column the export does not have or the report does without.
type layout struct {
	header                                []string // the header as read, trimmed
	time, segment, nps, csat, ces, weight int
	items                                 []int    // item columns, in the order of -items
	itemNames                             []string // their names as in the header
	reverse                               []bool   // per item: reverse-keyed
	ignored                               []string // header columns the report does not read
	notes                                 []string // metric columns of the default layout that are missing
}

// itemColumn matches the default names of questionnaire items.
var itemColumn = regexp.MustCompile(`(?i)^q[0-9]+$`)

// resolve finds the configured columns in a header. Names match ignoring
// case and surrounding space, and a byte-order mark before the first name
// is dropped. A missing time or segment column, a column named by a flag
// that is not there, or a header without any answer column is an error that
// lists the header and says which flag names the column.
func resolve(header []string, c *config) (*layout, error) {
	l := &layout{header: make([]string, len(header)), time: -1, segment: -1, nps: -1, csat: -1, ces: -1, weight: -1}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		l.header[i] = strings.TrimSpace(h)
	}
	used := make([]bool, len(header))
	find := func(name string) (int, error) {
		at := -1
		for i, h := range l.header {
			if strings.EqualFold(h, name) {
				if at >= 0 {
					return -1, fmt.Errorf("column %q appears twice in the header (%s)", name, l.list())
				}
				at = i
			}
		}
		if at >= 0 {
			used[at] = true
		}
		return at, nil
	}
	missing := func(what, name, flag string) error {
		return fmt.Errorf("no %s column %q in the header (%s): name it with -%s", what, name, l.list(), flag)
	}
	var err error
	if l.time, err = find(c.time); err != nil {
		return nil, err
	}
	if l.time < 0 {
		return nil, missing("time", c.time, "time")
	}
	if c.segment != "" {
		if l.segment, err = find(c.segment); err != nil {
			return nil, err
		}
		if l.segment < 0 {
			return nil, fmt.Errorf("%v, or give -segment \"\" for a report without segments", missing("segment", c.segment, "segment"))
		}
	}
	if c.weight != "" {
		if l.weight, err = find(c.weight); err != nil {
			return nil, err
		}
		if l.weight < 0 {
			return nil, missing("weight", c.weight, "weight")
		}
	}
	for _, m := range []struct {
		what, name, flag string
		at               *int
	}{
		{"NPS", c.nps, "nps", &l.nps},
		{"CSAT", c.csat, "csat", &l.csat},
		{"CES", c.ces, "ces", &l.ces},
	} {
		if m.name == "" {
			continue
		}
		if *m.at, err = find(m.name); err != nil {
			return nil, err
		}
		if *m.at >= 0 {
			continue
		}
		if c.set[m.flag] {
			return nil, missing(m.what, m.name, m.flag)
		}
		l.notes = append(l.notes, fmt.Sprintf("no column %q: the report leaves %s out (name its column with -%s)", m.name, m.what, m.flag))
	}
	if c.items != nil {
		for _, name := range c.items {
			at, err := find(name)
			if err != nil {
				return nil, err
			}
			if at < 0 {
				return nil, missing("item", name, "items")
			}
			if slices.Contains(l.items, at) {
				return nil, fmt.Errorf("-items names column %q twice", name)
			}
			l.items = append(l.items, at)
		}
	} else {
		for i, h := range l.header {
			if itemColumn.MatchString(h) && !used[i] {
				used[i] = true
				l.items = append(l.items, i)
			}
		}
	}
	for _, at := range l.items {
		l.itemNames = append(l.itemNames, l.header[at])
	}
	l.reverse = make([]bool, len(l.items))
	for _, name := range c.reverse {
		i := slices.IndexFunc(l.itemNames, func(s string) bool { return strings.EqualFold(s, name) })
		if i < 0 {
			return nil, fmt.Errorf("-reverse names %q, which is not an item column (items: %s)", name, strings.Join(l.itemNames, ", "))
		}
		l.reverse[i] = true
	}
	if l.nps < 0 && l.csat < 0 && l.ces < 0 && len(l.items) == 0 {
		return nil, fmt.Errorf("no answer column in the header (%s): name them with -nps, -csat, -ces or -items", l.list())
	}
	for i, h := range l.header {
		if !used[i] {
			l.ignored = append(l.ignored, h)
		}
	}
	return l, nil
}

// list returns the header as a quoted, comma-separated list.
func (l *layout) list() string {
	q := make([]string, len(l.header))
	for i, h := range l.header {
		q[i] = fmt.Sprintf("%q", h)
	}
	return strings.Join(q, ", ")
}

// name returns the header name of column i, or "" for -1.
func (l *layout) name(i int) string {
	if i < 0 || i >= len(l.header) {
		return ""
	}
	return l.header[i]
}
