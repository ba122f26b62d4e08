// Judge calibration: how far each judge agrees with human labels of the same name.
export { type Agreement, type AgreementOptions, agreementOf, type Confusion } from './agreement.js'
export { type CalibrationInput, type CalibrationPair, pairsBySource } from './pairs.js'
