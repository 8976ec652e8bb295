package points

import "fmt"

// Version is the version byte that starts every tally's binary encoding.
// A decoder refuses other versions.
const Version = 1

// AppendHeader appends the header of a tally's binary encoding to b: the
// version byte, a tag byte that names the kind of tally (so that an NPS
// tally is not decoded as a CSAT one) and the tally's configuration bytes.
func AppendHeader(b []byte, tag byte, config ...byte) []byte {
	b = append(b, Version, tag)
	return append(b, config...)
}

// ReadHeader reads a header written by AppendHeader with n configuration
// bytes from the front of b and returns the configuration and the bytes that
// follow. A short header, another version or another tag is an error
// wrapping ErrCorrupt.
func ReadHeader(b []byte, tag byte, n int) (config, rest []byte, err error) {
	if len(b) < 2+n {
		return nil, nil, fmt.Errorf("header of %d bytes is truncated: %w", len(b), ErrCorrupt)
	}
	if b[0] != Version {
		return nil, nil, fmt.Errorf("unknown version %d: %w", b[0], ErrCorrupt)
	}
	if b[1] != tag {
		return nil, nil, fmt.Errorf("tag %q, want %q: %w", b[1], tag, ErrCorrupt)
	}
	return b[2 : 2+n], b[2+n:], nil
}
