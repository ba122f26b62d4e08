/**
 * How deep AnyValue arrays and key-value lists may nest. Both decoders apply
 * the same bound so a body is accepted or refused alike in either encoding,
 * and so that converting a hostile 10,000-deep value can never exhaust the
 * stack. Real GenAI payloads (messages -> parts -> tool arguments) stay far
 * below it; protobuf's own message nesting limit (100) sits above it.
 */

export const maxValueDepth = 32

export const valueTooDeepMessage = `attribute value nested deeper than ${maxValueDepth} levels`
