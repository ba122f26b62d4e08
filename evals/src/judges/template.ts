/**
 * Judge templates: text with `{{variable}}` placeholders. Parsing happens
 * once, when a judge is defined, so a typo in a variable name is an error
 * at definition time rather than a prompt sent with `{{ouputs}}` in it.
 * Substitution is a single pass over the template, so an item's text that
 * happens to contain `{{outputs}}` is never expanded again.
 */
export const TEMPLATE_VARIABLES = [
  'inputs',
  'outputs',
  'expectations',
  'context',
  'trace',
  'tool_calls',
  'guidelines',
] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name)
}

/** The variables a template uses, in first-use order; throws on an unknown one. */
export function templateVariables(template: string): TemplateVariable[] {
  const used: TemplateVariable[] = []
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!isTemplateVariable(name!)) {
      throw new Error(`unknown template variable {{${name}}}; known: ${TEMPLATE_VARIABLES.join(', ')}`)
    }
    if (!used.includes(name)) used.push(name)
  }
  return used
}

export function fillTemplate(template: string, values: Partial<Record<TemplateVariable, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    isTemplateVariable(name) && values[name] !== undefined ? values[name]! : whole,
  )
}
