/** Every output that contains one of the secret values, as `secret-prefix… in: text`. */
export function findLeaks(secrets: string[], outputs: string[]): string[] {
  return secrets.flatMap((secret) =>
    outputs
      .filter((text) => text.includes(secret))
      .map((text) => `${secret.slice(0, 4)}… in: ${text.slice(0, 200)}`),
  )
}
