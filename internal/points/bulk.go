package points

// bulkMin is the length from which AddAll tabulates with its unrolled
// histogram; shorter slices take a plain loop, which does not pay for
// clearing the histogram.
const bulkMin = 256

// AddAll adds one unweighted response for each value in xs, where value v
// stands for point index v - lo and the valid values are lo to lo+k-1 (k at
// most MaxPoints). It is all or nothing: if some value is out of range it
// adds nothing and returns the index in xs of the first such value;
// otherwise it returns -1.
//
// It is the fast path of the tallies' bulk adds. Values are one byte wide,
// so every value indexes a 256-entry histogram without a bounds check; four
// histograms take consecutive values so that runs of equal answers do not
// wait on each other's increments, and the out-of-range entries of the
// histograms reveal invalid values after the loop, keeping the loop free of
// branches.
func AddAll[T ~uint8](c *Counts, xs []T, lo, k int) int {
	if len(xs) < bulkMin {
		for i, x := range xs {
			if int(x) < lo || int(x) >= lo+k {
				return i
			}
		}
		var n [256]int64
		for _, x := range xs {
			n[x]++
		}
		for v := lo; v < lo+k; v++ {
			if n[v] != 0 {
				c.AddN(v-lo, n[v])
			}
		}
		return -1
	}
	var h0, h1, h2, h3 [256]uint32
	var total [256]uint64
	for rest := xs; len(rest) > 0; {
		// uint32 counters cannot overflow within a chunk of 2³⁰ values.
		chunk := rest[:min(len(rest), 1<<30)]
		rest = rest[len(chunk):]
		for len(chunk) >= 4 {
			q := chunk[:4:4]
			h0[q[0]]++
			h1[q[1]]++
			h2[q[2]]++
			h3[q[3]]++
			chunk = chunk[4:]
		}
		for _, x := range chunk {
			h0[x]++
		}
		for v := range total {
			total[v] += uint64(h0[v]) + uint64(h1[v]) + uint64(h2[v]) + uint64(h3[v])
		}
		h0, h1, h2, h3 = [256]uint32{}, [256]uint32{}, [256]uint32{}, [256]uint32{}
	}
	for v, n := range total {
		if n != 0 && (v < lo || v >= lo+k) {
			for i, x := range xs {
				if int(x) < lo || int(x) >= lo+k {
					return i
				}
			}
		}
	}
	for v := lo; v < lo+k; v++ {
		if n := total[v]; n != 0 {
			c.AddN(v-lo, int64(n))
		}
	}
	return -1
}
