package points

import (
	"reflect"

	"github.com/satmetrics/satmetrics/internal/stable"
)

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

func fromParts(v, e float64) stable.Sum { return stable.FromParts(v, e) }
