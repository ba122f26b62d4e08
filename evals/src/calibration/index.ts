// Judge calibration: agreement of judges with human labels.
export { type CalibrateOptions, type Calibration, type CalibrationPair, calibrate } from './calibrate.js'
export { cohensKappa, linearWeights } from './kappa.js'
export { type CalibrationGroup, calibrationPairs } from './pairs.js'
