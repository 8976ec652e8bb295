// Package pipeline runs the satmetrics accumulators inside an Apache Beam
// pipeline: NPS, CSAT and CES per key and per fixed window, Kaplan-Meier
// event tables merged across workers, and a Likert instrument's reliability
// from merged sufficient statistics.
//
// Every metric is a Beam combine function whose accumulator is the
// library's own mergeable state, so that a runner can split the work as it
// likes:
//
//	metric       accumulator               input           output
//	NPS          *nps.Tally                nps.Score       Score
//	CSAT         *csat.Tally               csat.Rating     Score
//	CES          *ces.Tally                ces.Rating      Score
//	survival     *churn.EventTable         churn.Subject   Survival
//	reliability  *likert.InstrumentTally   []int (a row)   Reliability
//
// and its four methods are the accumulator's:
//
//	CreateAccumulator  an empty tally (on the configured scale or instrument)
//	AddInput           Tally.Add
//	MergeAccumulators  Tally.Merge
//	ExtractOutput      the estimates (Tally.NPS, churn.KaplanMeier, Reliability.Report, ...)
//
// Beam requires MergeAccumulators to be associative and commutative, since a
// runner merges partial accumulators from any bundles in any order; the
// library's Merge is, exactly for counts and up to rounding for the moments
// of Reliability. The accumulators are registered as Beam coders through
// their MarshalBinary and UnmarshalBinary, so that what crosses workers is
// the library's versioned binary encoding.
//
// The pipeline (Build) reads a survey export and a subscription export
// (CSV, the layout of SurveyHeader and SubscriptionHeader, as in the
// quickstart's sample data), and writes JSON lines: Score per metric,
// channel and window; Reliability per channel; Survival per plan; and the
// rejected lines with their reasons. Every result for a channel or plan is
// also computed for all of them together, under the key All.
//
// Keys that take most elements (All) can be fanned out (Config.Fanout):
// each key is first combined in shards and the shards' tallies are then
// merged, which spreads a hot key over workers and, on any runner, makes
// merges happen.
package pipeline
