// The floor of any OpenTelemetry setup on Node 20, for the overhead
// benchmark: an AsyncLocalStorage in use, as OpenTelemetry's context
// manager keeps one. Once one is, Node 20 runs a hook on every promise the
// app creates; Node 22's AsyncContextFrame does without.
import { AsyncLocalStorage } from 'node:async_hooks'

new AsyncLocalStorage().enterWith({})
