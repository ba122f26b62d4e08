/**
 * Response types of the models, prompts, evaluation, annotation and
 * dataset views, inferred from the API's typed client (never restated).
 */
import type { InferResponseType } from 'hono/client'
import type { api } from './api'

export type ModelPage = InferResponseType<typeof api.models.$get, 200>
export type LoggedModel = ModelPage['items'][number]
export type ModelComparison = InferResponseType<typeof api.models.compare.$get, 200>
export type ComparedModel = ModelComparison['models'][number]

export type PromptPage = InferResponseType<typeof api.prompts.$get, 200>
export type PromptWithAliases = InferResponseType<(typeof api.prompts)[':name']['$get'], 200>
export type PromptVersion = InferResponseType<
  (typeof api.prompts)[':name']['versions']['$get'],
  200
>['items'][number]
export type PromptDiff = InferResponseType<(typeof api.prompts)[':name']['diff']['$get'], 200>
export type AliasChange = InferResponseType<
  (typeof api.prompts)[':name']['aliases']['history']['$get'],
  200
>['items'][number]

export type Run = InferResponseType<(typeof api.runs)[':id']['$get'], 200>
export type RunItemsPage = InferResponseType<(typeof api.runs)[':id']['items']['$get'], 200>
export type RunItem = RunItemsPage['items'][number]
export type RunScore = RunItem['scores'][number]
export type RunComparison = InferResponseType<(typeof api.runs)[':id']['compare']['$get'], 200>
export type Calibration = InferResponseType<typeof api.calibration.$get, 200>

export type LabelSchema = InferResponseType<(typeof api)['label-schemas']['$get'], 200>['items'][number]
export type Queue = InferResponseType<(typeof api)['annotation-queues']['$get'], 200>['items'][number]
export type QueueDetail = InferResponseType<(typeof api)['annotation-queues'][':id']['$get'], 200>
export type ItemView = InferResponseType<
  (typeof api)['annotation-queues'][':id']['items'][':itemId']['$get'],
  200
>

export type Dataset = InferResponseType<typeof api.datasets.$get, 200>['items'][number]
export type DatasetItemPage = InferResponseType<(typeof api.datasets)[':datasetId']['items']['$get'], 200>
