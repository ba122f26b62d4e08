// Markers are the dataset's way to steer a judge call; several in one prompt combine.
import { describe, expect, it } from 'vitest'
import { planFromMarkers, stripMarkers } from '../src/markers.js'

describe('markers', () => {
  it('reads each marker into a plan, and combines them', () => {
    expect(planFromMarkers('x [[error:429:retry-after=1]] [[delay:20]] y')).toEqual({
      error: { status: 429, retryAfter: 1 },
      delayMs: 20,
    })
    expect(planFromMarkers('[[set:verdict=no]] [[set:score=3]] [[no-rationale]] [[omit:notes]]')).toEqual({
      set: { verdict: 'no', score: 3 },
      omit: ['rationale', 'notes'],
    })
    expect(planFromMarkers('[[malformed-json]][[finish:length]]')).toEqual({
      malformed: true,
      finishReason: 'length',
    })
  })

  it('ignores text without known markers, and strips markers from echoed text', () => {
    expect(planFromMarkers('see [[wiki link]] and [[unknown:1]]')).toBeUndefined()
    expect(stripMarkers('q [[delay:5]]  tail')).toBe('q tail')
  })
})
