/** `flush()` and `shutdown()`: send what is buffered; stop. Neither throws. */
import { sdkState } from '../state.js'

export function flush(): Promise<void> {
  return sdkState().flush()
}

export function shutdown(): Promise<void> {
  return sdkState().shutdown()
}
