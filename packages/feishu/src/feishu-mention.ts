const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for Feishu's text markup, so it can never open or close a tag. */
function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character)
}

/**
 * `<at user_id="…">name</at>`: mentions a user (open_id, union_id or user_id) in a text message.
 * The id and the name are escaped, so user-supplied text cannot inject markup.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export function mention(id: string, name = ''): string {
  return `<at user_id="${escapeMarkup(id)}">${escapeMarkup(name)}</at>`
}

/**
 * `<at user_id="all"></at>`: mentions everyone (the group must allow @all for the bot).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json
 */
export function mentionAll(): string {
  return '<at user_id="all"></at>'
}
