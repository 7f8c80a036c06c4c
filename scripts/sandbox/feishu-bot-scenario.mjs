// The Feishu custom-bot checks every runtime of the matrix runs (Node, Bun, Deno, workerd, Chromium):
// the built `@msg/feishu/bot` signs with the runtime's WebCrypto and posts through the runtime's
// fetch types to a fake custom bot that verifies `timestamp` and `sign` exactly as Feishu does. Plain
// ESM with no runtime-specific import, so it bundles into a Worker and loads in a browser page.

/** The bot's hook token and signing secret for the checks. */
export const botSecrets = { token: 'smoke-hook-token-0001', secret: 'smoke_bot_secret_0123' }

/** The webhook address of the checks' bot. */
export const botWebhook = `https://open.feishu.cn/open-apis/bot/v2/hook/${botSecrets.token}`

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * A fake custom bot as a `fetch` plus its inbox, from the answer of the testing kit (which only
 * needs WebCrypto, `Request` and `Response`).
 * @param {Function} createFeishuBotAnswer from `@msg/feishu/testing`'s `feishu-bot-fake-answer`
 * @param {object} [options] the fake's options
 */
function inProcessBot(createFeishuBotAnswer, options = {}) {
  const inbox = []
  const bot = createFeishuBotAnswer({ ...botSecrets, ...options }, inbox)
  let requests = 0
  const fetch = async (input, init) => {
    requests += 1
    return bot.answer(new Request(input, init))
  }
  return { inbox, fetch, requests: () => requests }
}

/**
 * Runs the custom-bot checks through `check(name, run)`: a signed text and a notice card land, a
 * wrong secret is an `AuthError` 19021, an oversized body a `ValidationError` with nothing sent.
 * @param {(name: string, run: () => Promise<string | undefined>) => Promise<void>} check
 * @param {{ createFeishuBot: Function, createFeishuBotAnswer: Function, prefix?: string, settings?: object }} context
 */
export async function botChecks(
  check,
  { createFeishuBot, createFeishuBotAnswer, prefix = 'feishu bot', settings = {} },
) {
  await check(`${prefix}: signed text and notice card land`, async () => {
    const fake = inProcessBot(createFeishuBotAnswer)
    const bot = createFeishuBot({
      webhook: botWebhook,
      secret: botSecrets.secret,
      fetch: fake.fetch,
      ...settings,
    })
    const sent = await bot.sendText('bot smoke 你好')
    assert(sent.vendor === 'feishu' && sent.messageId === undefined, `sent ${JSON.stringify(sent)}`)
    await bot.channel().send({ title: 'Smoke', text: '**ok**', url: 'https://example.com/' })
    const [text, card] = fake.inbox
    assert(text?.content?.text === 'bot smoke 你好', `inbox ${JSON.stringify(fake.inbox)}`)
    assert(card?.msg_type === 'interactive' && card.card?.header?.title?.content === 'Smoke', 'card')
    assert(/^\d{10}$/.test(text.timestamp ?? ''), `timestamp ${text.timestamp}`)
    return `${fake.inbox.length} accepted`
  })
  await check(`${prefix}: wrong secret → AuthError 19021`, async () => {
    const fake = inProcessBot(createFeishuBotAnswer)
    const bot = createFeishuBot({
      webhook: botWebhook,
      secret: 'not_the_secret',
      fetch: fake.fetch,
      ...settings,
    })
    const error = await bot.sendText('x').then(
      () => undefined,
      (caught) => caught,
    )
    assert(error?.name === 'AuthError' && error.code === 19021, `got ${error?.name} ${error?.code}`)
    assert(!String(error.message).includes(botSecrets.token), 'hook token in the message')
    return error.message
  })
  await check(`${prefix}: over 20 KB → ValidationError, nothing sent`, async () => {
    const fake = inProcessBot(createFeishuBotAnswer)
    const bot = createFeishuBot({ webhook: botWebhook, fetch: fake.fetch, ...settings })
    const error = await bot.sendText('x'.repeat(20 * 1024)).then(
      () => undefined,
      (caught) => caught,
    )
    assert(error?.name === 'ValidationError', `got ${error?.name}`)
    assert(fake.requests() === 0, `${fake.requests()} requests`)
    return undefined
  })
}
