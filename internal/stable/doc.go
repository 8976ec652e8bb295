// Package stable holds numerically stable accumulators shared by the metric
// packages: compensated (Neumaier) summation and mergeable weighted mean and
// variance (Welford's update with the pairwise merge of Chan, Golub and
// LeVeque).
//
// Both types have a ready-to-use zero value, allocate nothing and merge, so
// that partial results computed in parallel combine into the result of the
// whole.
package stable
