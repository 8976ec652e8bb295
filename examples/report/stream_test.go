package main

import (
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// genReader is an export of n rows made up as it is read, so that a test can
// stream millions of rows without holding them: 4 channels, answers over
// two years, and one row in 1000 with an NPS of 11.
type genReader struct {
	n, i int
	buf  []byte
	off  int
}

func (g *genReader) Read(p []byte) (int, error) {
	for g.off >= len(g.buf) {
		if g.i > g.n {
			return 0, io.EOF
		}
		g.buf, g.off = g.row(g.buf[:0]), 0
		g.i++
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

var genStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

var genChannels = []string{"chat", "email", "phone", "web"}

// row appends row g.i (the header for 0).
func (g *genReader) row(b []byte) []byte {
	if g.i == 0 {
		return append(b, "time,channel,nps,csat,ces,q1,q2,q3\n"...)
	}
	i := g.i
	// Spread the rows evenly over two years, in order.
	t := genStart.Add(time.Duration(i) * (2 * 365 * 24 * time.Hour / time.Duration(g.n+1)))
	b = t.AppendFormat(b, time.RFC3339)
	b = append(b, ',')
	b = append(b, genChannels[i%4]...)
	nps := i * 7 % 11
	if i%1000 == 0 {
		nps = 11
	}
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(nps), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(1+i*3%5), 10)
	b = append(b, ',')
	if i%10 != 0 {
		b = strconv.AppendInt(b, int64(1+i%7), 10)
	}
	for q := range 3 {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(1+(i+q)%5), 10)
	}
	return append(b, '\n')
}

// TestStreamMemory reads a million rows (fewer with -short or -race) and
// checks that memory stays flat: the report keeps tallies per segment and
// period, not rows, and at most -max-rejects rejects. Every 100,000 rows it
// collects garbage and reads the live heap (HeapAlloc) and the heap in use
// (HeapInuse, which also counts the free space in spans in use).
func TestStreamMemory(t *testing.T) {
	n := 1_000_000
	if testing.Short() || raceEnabled {
		n = 200_000
	}
	c, err := parseFlags([]string{"-in", "generated"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var live, inuse []uint64
	measure := func(int64) {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		live, inuse = append(live, m.HeapAlloc), append(inuse, m.HeapInuse)
	}
	measure(0)
	rej := newRejectLog(io.Discard, c.maxRejects)
	s, err := readSurvey(&genReader{n: n}, "generated", c, rej, &progress{every: 100_000, hook: measure})
	if err != nil {
		t.Fatal(err)
	}
	if s.rows != int64(n) || s.rejected != int64(n/1000) || s.accepted != int64(n-n/1000) {
		t.Errorf("rows %d, accepted %d, rejected %d; want %d, %d, %d", s.rows, s.accepted, s.rejected, n, n-n/1000, n/1000)
	}
	if s.cells.Len() != 24*4 {
		t.Errorf("%d cells, want 24 months times 4 channels", s.cells.Len())
	}
	if len(rej.kept) != n/1000 {
		t.Errorf("%d rejects kept, want %d", len(rej.kept), n/1000)
	}
	const mib = 1 << 20
	t.Logf("%d rows; live heap every 100,000 rows (KiB): %v; heap in use (KiB): %v", n, kib(live), kib(inuse))
	// What the reader holds: 96 cells, the item tally, up to 1000 rejects
	// and its buffers, a few hundred KiB. Reading twice as many rows does
	// not double it: the live heap after the last 100,000 rows is within
	// 512 KiB of the one after the first, and the heap in use stays
	// within 8 MiB of the start.
	first, last := live[1], live[len(live)-1]
	if last > first+mib/2 {
		t.Errorf("live heap grew from %d bytes after 100,000 rows to %d after %d", first, last, n)
	}
	for _, h := range inuse {
		if h > inuse[0]+8*mib {
			t.Errorf("heap in use grew from %d to %d bytes", inuse[0], h)
			break
		}
	}
}

func kib(b []uint64) []uint64 {
	out := make([]uint64, len(b))
	for i, x := range b {
		out[i] = x >> 10
	}
	return out
}

// BenchmarkReadSurvey measures reading an export, per row.
func BenchmarkReadSurvey(b *testing.B) {
	c, err := parseFlags([]string{"-in", "generated"}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rej := newRejectLog(io.Discard, c.maxRejects)
				if _, err := readSurvey(&genReader{n: n}, "generated", c, rej, &progress{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
		})
	}
}

// BenchmarkParseRow measures the parsing of one good row: answers given as
// numbers allocate nothing; labels go through the scales' Parse, which
// allocates.
func BenchmarkParseRow(b *testing.B) {
	c, err := parseFlags([]string{"-in", "x", "-tz", "Europe/Berlin"}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	l, err := resolve([]string{"time", "channel", "nps", "csat", "ces", "q1", "q2", "q3"}, c)
	if err != nil {
		b.Fatal(err)
	}
	p := newParser(l, c)
	for _, bc := range []struct {
		name string
		rec  []string
	}{
		{"numbers", []string{"2026-03-01T10:00:00+01:00", "chat", "9", "5", "6", "4", "4", ""}},
		{"labels", []string{"2026-03-01T10:00:00+01:00", "chat", "Extremely likely", "Very satisfied", "Agree", "Agree", "Strongly agree", ""}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var r response
			var probs []problem
			b.ReportAllocs()
			for b.Loop() {
				if probs = p.parse(bc.rec, &r, probs); len(probs) > 0 {
					b.Fatal(probs)
				}
			}
		})
	}
}
