/** True for a `FormData` body, which the transport hands to `fetch` as it is. */
export function isFormData(body: unknown): body is FormData {
  return typeof FormData !== 'undefined' && body instanceof FormData
}

/** A FormData body as hooks see it: text fields as they are, files as their name, type and size. */
export function describeForm(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  form.forEach((value, name) => {
    fields[name] =
      typeof value === 'string' ? value : { fileName: value.name, type: value.type, size: value.size }
  })
  return fields
}
