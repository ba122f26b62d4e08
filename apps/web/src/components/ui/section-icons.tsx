/** Navigation icons of the models, prompts, evaluations, annotation and datasets sections; 16px line icons as in icons.tsx. */
import { Icon } from './icons'

export const ModelsIcon = () => (
  <Icon>
    <path d="M8 1.8 13.5 5v6L8 14.2 2.5 11V5z" />
    <path d="M2.5 5 8 8.2 13.5 5M8 8.2v6" />
  </Icon>
)
export const PromptsIcon = () => (
  <Icon>
    <path d="M3 2.5h10v11H3z" />
    <path d="M5.5 6h5M5.5 8.5h5M5.5 11h3" />
  </Icon>
)
export const EvaluationsIcon = () => (
  <Icon>
    <path d="M2.5 8.5 6 12l7.5-8" />
  </Icon>
)
export const AnnotationIcon = () => (
  <Icon>
    <path d="M10.5 2.5 13.5 5.5 6 13H3v-3z" />
    <path d="M9 4l3 3" />
  </Icon>
)
export const DatasetsIcon = () => (
  <Icon>
    <ellipse cx="8" cy="4" rx="5" ry="1.8" />
    <path d="M3 4v8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V4M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8" />
  </Icon>
)
