// Package chart draws the library's charts as self-contained, accessible SVG:
// a line chart over periods with an interval band, reference lines and
// flagged points (trends and control charts), a step chart with a band and
// censoring marks (survival curves), a heatmap with missing cells (cohort
// tables) and a diverging stacked bar chart (Likert items, neutral centred).
//
// Each chart is a plain struct of data and labels; its SVG method returns
// the document. Every document has a <title> and a <desc> referenced by
// aria-labelledby, labelled axes, text at a readable size, and colours from
// the Okabe-Ito palette and ColorBrewer's colour-blind-safe diverging and
// sequential schemes. Output is deterministic (fixed number formatting), so
// tests compare it with golden files.
//
// The metric packages wrap these charts in methods on their results; this
// package is not part of the API.
package chart
