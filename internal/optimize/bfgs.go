package optimize

// FuncGrad is an objective function that also computes its gradient: it
// returns f(x) and, when grad is not nil, stores ∇f(x) in grad (of the
// length of x). Like Func it may return +Inf or NaN at invalid points, and
// must not modify or retain x or grad.
type FuncGrad func(x, grad []float64) float64
