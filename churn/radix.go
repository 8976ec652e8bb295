package churn

import (
	"math"
	"slices"
)

// sortPending sorts p by time, stably, with a least-significant-digit radix
// sort on the bits of the times: for non-negative floats (the only ones the
// tables hold) the order of the bit patterns is the order of the values.
// Bytes that are the same in every key are skipped, so durations of a
// narrow range take few passes. Short buffers use insertion sort. buf is
// scratch space, grown if short and returned for reuse.
func sortPending(p, buf []pending) []pending {
	if len(p) < 64 {
		for i := 1; i < len(p); i++ {
			for j := i; j > 0 && p[j].t < p[j-1].t; j-- {
				p[j], p[j-1] = p[j-1], p[j]
			}
		}
		return buf
	}
	var counts [8][256]int
	for _, x := range p {
		k := math.Float64bits(x.t)
		for b := 0; b < 8; b++ {
			counts[b][byte(k>>(8*b))]++
		}
	}
	buf = growTo(buf[:0], len(p))
	src, dst := p, buf
	for b := 0; b < 8; b++ {
		c := &counts[b]
		if c[byte(math.Float64bits(p[0].t)>>(8*b))] == len(p) {
			continue // every key has the same byte here
		}
		sum := 0
		for i := range c {
			n := c[i]
			c[i] = sum
			sum += n
		}
		shift := 8 * b
		for _, x := range src {
			d := byte(math.Float64bits(x.t) >> shift)
			dst[c[d]] = x
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &p[0] {
		copy(p, src)
	}
	return buf
}

// radixSort64 sorts keys in increasing order with a least-significant-digit
// radix sort on 11-bit digits (six passes at most), skipping digits that
// are the same in every key.
func radixSort64(keys []uint64) {
	if len(keys) < 256 {
		slices.Sort(keys)
		return
	}
	const bits, size = 11, 1 << 11
	const passes = (64 + bits - 1) / bits
	var counts [passes][size]int
	for _, k := range keys {
		for b := 0; b < passes; b++ {
			counts[b][(k>>(bits*b))&(size-1)]++
		}
	}
	buf := make([]uint64, len(keys))
	src, dst := keys, buf
	for b := 0; b < passes; b++ {
		c := &counts[b]
		shift := bits * b
		if c[(keys[0]>>shift)&(size-1)] == len(keys) {
			continue
		}
		sum := 0
		for i := range c {
			n := c[i]
			c[i] = sum
			sum += n
		}
		for _, k := range src {
			d := (k >> shift) & (size - 1)
			dst[c[d]] = k
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}
