/**
 * Assessment ids: `a-` and lowercase hex. The API issues 32 hex digits;
 * shorter ids written by other tools still parse, so they can be
 * overridden and deleted. Anything else is malformed (a 400, not a 404).
 */
import { randomBytes } from 'node:crypto'

export const ASSESSMENT_ID_PATTERN = /^a-[0-9a-f]{8,64}$/

export function newAssessmentId(): string {
  return `a-${randomBytes(16).toString('hex')}`
}

export function isAssessmentId(id: string): boolean {
  return ASSESSMENT_ID_PATTERN.test(id)
}
