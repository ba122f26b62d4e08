/**
 * The dataset repository: versioned datasets of evaluation items. Dataset
 * rows in `dataset-records.ts`; item reads and writes in
 * `dataset-items-*.ts`; every item write is one version (`dataset-version.ts`).
 */
export * from './dataset-errors.js'
export * from './dataset-items-read.js'
export * from './dataset-items-write.js'
export * from './dataset-records.js'
