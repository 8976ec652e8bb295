package pipeline

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/satmetrics/satmetrics/ces"
	"github.com/satmetrics/satmetrics/churn"
	"github.com/satmetrics/satmetrics/csat"
	"github.com/satmetrics/satmetrics/likert"
	"github.com/satmetrics/satmetrics/nps"
)

// The combine functions. Each metric has three, sharing its accumulator (the
// library's tally) and its merge:
//
//	xxxCombine  CreateAccumulator, AddInput, MergeAccumulators, ExtractOutput:
//	            the metric of a key, in one CombinePerKey
//	xxxPartial  CreateAccumulator, AddInput, MergeAccumulators: the tally of
//	            one shard of a key (Config.Fanout), output as is
//	xxxFinal    MergeAccumulators, ExtractOutput: merges the shards' tallies
//	            and reads the metric
//
// A runner calls CreateAccumulator and AddInput for the elements of a bundle,
// encodes the accumulators with the coders registered below (the tallies'
// binary encodings) to move them between workers, and merges them with
// MergeAccumulators in any grouping and order; that is correct because the
// tallies' Merge is associative and commutative with the empty tally as its
// identity.

// Counters of the merges performed, by metric, so that tests and users can
// see that partial tallies were merged.
var (
	npsMerges         = beam.NewCounter("satmetrics", "nps_merges")
	csatMerges        = beam.NewCounter("satmetrics", "csat_merges")
	cesMerges         = beam.NewCounter("satmetrics", "ces_merges")
	survivalMerges    = beam.NewCounter("satmetrics", "survival_merges")
	reliabilityMerges = beam.NewCounter("satmetrics", "reliability_merges")
)

func init() {
	// The accumulators cross workers in the library's binary encoding.
	beam.RegisterCoder(reflect.TypeOf((*nps.Tally)(nil)), encodeNPS, decodeNPS)
	beam.RegisterCoder(reflect.TypeOf((*csat.Tally)(nil)), encodeCSAT, decodeCSAT)
	beam.RegisterCoder(reflect.TypeOf((*ces.Tally)(nil)), encodeCES, decodeCES)
	beam.RegisterCoder(reflect.TypeOf((*churn.EventTable)(nil)), encodeEvents, decodeEvents)
	beam.RegisterCoder(reflect.TypeOf((*likert.InstrumentTally)(nil)), encodeInstrument, decodeInstrument)

	for _, fn := range []any{
		npsCombine{}, npsPartial{}, npsFinal{},
		csatCombine{}, csatPartial{}, csatFinal{},
		cesCombine{}, cesPartial{}, cesFinal{},
		survivalCombine{}, survivalPartial{}, survivalFinal{},
		reliabilityCombine{}, reliabilityPartial{}, reliabilityFinal{},
	} {
		beam.RegisterType(reflect.TypeOf(fn))
	}
}

func encodeNPS(t *nps.Tally) ([]byte, error) { return t.MarshalBinary() }

func decodeNPS(b []byte) (*nps.Tally, error) {
	t := new(nps.Tally)
	return t, t.UnmarshalBinary(b)
}

func encodeCSAT(t *csat.Tally) ([]byte, error) { return t.MarshalBinary() }

func decodeCSAT(b []byte) (*csat.Tally, error) {
	t := new(csat.Tally)
	return t, t.UnmarshalBinary(b)
}

func encodeCES(t *ces.Tally) ([]byte, error) { return t.MarshalBinary() }

func decodeCES(b []byte) (*ces.Tally, error) {
	t := new(ces.Tally)
	return t, t.UnmarshalBinary(b)
}

func encodeEvents(t *churn.EventTable) ([]byte, error) { return t.MarshalBinary() }

func decodeEvents(b []byte) (*churn.EventTable, error) {
	t := new(churn.EventTable)
	return t, t.UnmarshalBinary(b)
}

func encodeInstrument(t *likert.InstrumentTally) ([]byte, error) { return t.MarshalBinary() }

func decodeInstrument(b []byte) (*likert.InstrumentTally, error) {
	t := new(likert.InstrumentTally)
	return t, t.UnmarshalBinary(b)
}

// NPS.

type npsPartial struct{}

func (npsPartial) CreateAccumulator() *nps.Tally { return new(nps.Tally) }

func (npsPartial) AddInput(t *nps.Tally, s nps.Score) (*nps.Tally, error) { return t, t.Add(s) }

func (npsPartial) MergeAccumulators(ctx context.Context, t, u *nps.Tally) (*nps.Tally, error) {
	npsMerges.Inc(ctx, 1)
	return t, t.Merge(u)
}

type npsFinal struct {
	Level float64 // confidence level; 0 means satmetrics.DefaultLevel
}

func (npsFinal) MergeAccumulators(ctx context.Context, t, u *nps.Tally) (*nps.Tally, error) {
	return npsPartial{}.MergeAccumulators(ctx, t, u)
}

func (f npsFinal) ExtractOutput(t *nps.Tally) Score { return npsScore(t, f.Level) }

type npsCombine struct{ npsFinal }

func (npsCombine) CreateAccumulator() *nps.Tally { return npsPartial{}.CreateAccumulator() }

func (npsCombine) AddInput(t *nps.Tally, s nps.Score) (*nps.Tally, error) {
	return npsPartial{}.AddInput(t, s)
}

// CSAT.

type csatPartial struct {
	Scale csat.Scale
}

func (f csatPartial) CreateAccumulator() (*csat.Tally, error) {
	t, err := csat.NewTally(f.Scale)
	return &t, err
}

func (csatPartial) AddInput(t *csat.Tally, r csat.Rating) (*csat.Tally, error) { return t, t.Add(r) }

func (csatPartial) MergeAccumulators(ctx context.Context, t, u *csat.Tally) (*csat.Tally, error) {
	csatMerges.Inc(ctx, 1)
	return t, t.Merge(u)
}

type csatFinal struct {
	Level float64
}

func (csatFinal) MergeAccumulators(ctx context.Context, t, u *csat.Tally) (*csat.Tally, error) {
	return csatPartial{}.MergeAccumulators(ctx, t, u)
}

func (f csatFinal) ExtractOutput(t *csat.Tally) Score { return csatScore(t, f.Level) }

type csatCombine struct {
	csatFinal
	Scale csat.Scale
}

func (f csatCombine) CreateAccumulator() (*csat.Tally, error) {
	return csatPartial{Scale: f.Scale}.CreateAccumulator()
}

func (csatCombine) AddInput(t *csat.Tally, r csat.Rating) (*csat.Tally, error) {
	return csatPartial{}.AddInput(t, r)
}

// CES.

type cesPartial struct {
	Scale ces.Scale
}

func (f cesPartial) CreateAccumulator() (*ces.Tally, error) {
	t, err := ces.NewTally(f.Scale)
	return &t, err
}

func (cesPartial) AddInput(t *ces.Tally, r ces.Rating) (*ces.Tally, error) { return t, t.Add(r) }

func (cesPartial) MergeAccumulators(ctx context.Context, t, u *ces.Tally) (*ces.Tally, error) {
	cesMerges.Inc(ctx, 1)
	return t, t.Merge(u)
}

type cesFinal struct {
	Level float64
}

func (cesFinal) MergeAccumulators(ctx context.Context, t, u *ces.Tally) (*ces.Tally, error) {
	return cesPartial{}.MergeAccumulators(ctx, t, u)
}

func (f cesFinal) ExtractOutput(t *ces.Tally) Score { return cesScore(t, f.Level) }

type cesCombine struct {
	cesFinal
	Scale ces.Scale
}

func (f cesCombine) CreateAccumulator() (*ces.Tally, error) {
	return cesPartial{Scale: f.Scale}.CreateAccumulator()
}

func (cesCombine) AddInput(t *ces.Tally, r ces.Rating) (*ces.Tally, error) {
	return cesPartial{}.AddInput(t, r)
}

// Survival: Kaplan-Meier event tables.

type survivalPartial struct{}

func (survivalPartial) CreateAccumulator() *churn.EventTable { return new(churn.EventTable) }

func (survivalPartial) AddInput(t *churn.EventTable, s churn.Subject) (*churn.EventTable, error) {
	return t, t.AddSubject(s)
}

func (survivalPartial) MergeAccumulators(ctx context.Context, t, u *churn.EventTable) *churn.EventTable {
	survivalMerges.Inc(ctx, 1)
	t.Merge(u)
	return t
}

type survivalFinal struct {
	Level float64
}

func (survivalFinal) MergeAccumulators(ctx context.Context, t, u *churn.EventTable) *churn.EventTable {
	return survivalPartial{}.MergeAccumulators(ctx, t, u)
}

func (f survivalFinal) ExtractOutput(t *churn.EventTable) Survival { return survivalOf(t, f.Level) }

type survivalCombine struct{ survivalFinal }

func (survivalCombine) CreateAccumulator() *churn.EventTable {
	return survivalPartial{}.CreateAccumulator()
}

func (survivalCombine) AddInput(t *churn.EventTable, s churn.Subject) (*churn.EventTable, error) {
	return survivalPartial{}.AddInput(t, s)
}

// Reliability: a Likert instrument's tallies and sufficient statistics.

type reliabilityPartial struct {
	Instrument likert.Instrument
}

func (f reliabilityPartial) CreateAccumulator() (*likert.InstrumentTally, error) {
	return likert.NewInstrumentTally(f.Instrument)
}

func (reliabilityPartial) AddInput(t *likert.InstrumentTally, row []int) (*likert.InstrumentTally, error) {
	return t, t.Add(row)
}

func (reliabilityPartial) MergeAccumulators(ctx context.Context, t, u *likert.InstrumentTally) (*likert.InstrumentTally, error) {
	reliabilityMerges.Inc(ctx, 1)
	return t, t.Merge(u)
}

type reliabilityFinal struct {
	Level float64
}

func (reliabilityFinal) MergeAccumulators(ctx context.Context, t, u *likert.InstrumentTally) (*likert.InstrumentTally, error) {
	return reliabilityPartial{}.MergeAccumulators(ctx, t, u)
}

func (f reliabilityFinal) ExtractOutput(t *likert.InstrumentTally) Reliability {
	return reliabilityOf(t, f.Level)
}

type reliabilityCombine struct {
	reliabilityFinal
	Instrument likert.Instrument
}

func (f reliabilityCombine) CreateAccumulator() (*likert.InstrumentTally, error) {
	return reliabilityPartial{Instrument: f.Instrument}.CreateAccumulator()
}

func (reliabilityCombine) AddInput(t *likert.InstrumentTally, row []int) (*likert.InstrumentTally, error) {
	return reliabilityPartial{}.AddInput(t, row)
}
