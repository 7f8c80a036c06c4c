// The ledger's Lua scripts. Each runs atomically in Redis, so two workers (or a worker and an
// operator) never both win a transition. KEYS[1] is always the message's ledger hash; ARGV[1] is
// the key base, from which the per-state sorted sets (`<base>:state:<state>`, score = time of the
// last change) and the audit list (`<base>:audit:<id>`) are derived. Times come from Redis `TIME`
// so every machine in the fleet agrees on them.
// Every script is safe to run twice with the same arguments: after a lost connection the Redis
// client re-sends a command whose reply never came, although Redis may have run it already.

const helpers = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function move(base, id, from, to, now)
  if from then redis.call('ZREM', base .. ':state:' .. from, id) end
  redis.call('ZADD', base .. ':state:' .. to, now, id)
end
local function audit(base, id, now, from, to, by, note)
  local key = base .. ':audit:' .. id
  redis.call('RPUSH', key, cjson.encode({ at = now, from = from or '', to = to, by = by, note = note }))
  redis.call('LTRIM', key, -100, -1)
end
-- A claim is the moment a send is decided, so each rate lane of the send logs it ('<lane>:sent',
-- score = claim time): no window of windowMs (perMs + guardMs) may hold more than limit claims,
-- however late a worker came for its turn. ARGV[7] = n, then per lane: name, limit, windowMs, index.
-- Returns 0 when every lane has room, else the ms until the oldest claim in the way leaves its window.
local function lanesFull(base, now)
  local wait = 0
  for i = 0, tonumber(ARGV[7] or '0') - 1 do
    local key = base .. ':lane:' .. ARGV[8 + i * 4] .. ':sent'
    local limit, windowMs = tonumber(ARGV[9 + i * 4]), tonumber(ARGV[10 + i * 4])
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windowMs)
    local count = redis.call('ZCARD', key)
    if count >= limit then
      local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
      local ms = tonumber(oldest[2]) + windowMs - now
      if ms > wait then wait = ms end
    end
  end
  return wait
end
local function logClaim(base, owner, now)
  for i = 0, tonumber(ARGV[7] or '0') - 1 do
    local key = base .. ':lane:' .. ARGV[8 + i * 4] .. ':sent'
    redis.call('ZADD', key, now, owner .. ':' .. ARGV[11 + i * 4])
    redis.call('PEXPIRE', key, tonumber(ARGV[10 + i * 4]) + 1000)
  end
end
-- Undoes the current claim (nothing was sent): back to the state, owner and flags it came from.
local function unclaim(base, id, now, by, note)
  local from = redis.call('HGET', KEYS[1], 'claimFrom') or 'queued'
  local previous = redis.call('HGET', KEYS[1], 'claimOwner') or ''
  redis.call('HINCRBY', KEYS[1], 'attempts', -1)
  redis.call('HSET', KEYS[1], 'state', from, 'updatedAt', now,
    'mayHaveSent', redis.call('HGET', KEYS[1], 'claimMayHaveSent') or '0')
  if redis.call('HGET', KEYS[1], 'claimFirst') == '1' then redis.call('HDEL', KEYS[1], 'firstAttemptAt') end
  if previous == '' then redis.call('HDEL', KEYS[1], 'owner') else redis.call('HSET', KEYS[1], 'owner', previous) end
  redis.call('HDEL', KEYS[1], 'claimFrom', 'claimOwner', 'claimMayHaveSent', 'claimFirst')
  move(base, id, 'sending', from, now)
  audit(base, id, now, 'sending', from, by, note)
end
`

/**
 * KEYS: ledger. ARGV: base, id, sender, idempotencyKey (fresh per call, so it also marks a repeat), by.
 * Returns { created 0|1, state, key }.
 */
export const createScript = `${helpers}
local base, id = ARGV[1], ARGV[2]
local state = redis.call('HGET', KEYS[1], 'state')
if state then
  local key = redis.call('HGET', KEYS[1], 'key')
  return { key == ARGV[4] and 1 or 0, state, key }
end
local now = nowMs()
redis.call('HSET', KEYS[1], 'id', id, 'sender', ARGV[3], 'key', ARGV[4], 'state', 'queued',
  'enqueuedAt', now, 'updatedAt', now, 'attempts', 0, 'mayHaveSent', 0)
move(base, id, nil, 'queued', now)
audit(base, id, now, nil, 'queued', ARGV[5], 'enqueued')
return { 1, 'queued', ARGV[4] }
`

/**
 * KEYS: ledger. ARGV: base, id, owner, dedupWindowMs (0 none, -1 unbounded), by, notAfter (0 none),
 * then the send's rate lanes (see lanesFull). Returns { outcome, key, attempts, now } where outcome
 * is claimed | sent | dead | unknown | parked | missing | late (past notAfter, or a rate lane already
 * holds limit claims in its window: nothing changed, and the second value is the ms until there is
 * room; or this owner's own claim, re-sent after a lost reply, was undone past notAfter).
 * An earlier run that may have reached the vendor (state `sending`, or an attempt that ended unknown)
 * is resent only inside the vendor's de-duplication window measured from the first attempt; otherwise
 * the message is parked as `unknown`.
 */
export const claimScript = `${helpers}
local base, id, owner, window = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return { 'missing' } end
if state == 'sent' or state == 'dead' or state == 'unknown' then return { state } end
local now = nowMs()
local notAfter = tonumber(ARGV[6] or '0')
if state == 'sending' and redis.call('HGET', KEYS[1], 'owner') == owner then
  -- The same claim again (its reply was lost, the client re-sent it): past the turn it is undone.
  if notAfter > 0 and now > notAfter then
    unclaim(base, id, now, ARGV[5], 'late turn given up')
    return { 'late' }
  end
  return { 'claimed', redis.call('HGET', KEYS[1], 'key'), tonumber(redis.call('HGET', KEYS[1], 'attempts')), now }
end
if notAfter > 0 and now > notAfter then return { 'late' } end
local risky = state == 'sending' or redis.call('HGET', KEYS[1], 'mayHaveSent') == '1'
if risky then
  local first = tonumber(redis.call('HGET', KEYS[1], 'firstAttemptAt') or now)
  if window == 0 or (window > 0 and now - first >= window) then
    local reason = state == 'sending' and 'an earlier run stopped inside the send window'
      or (redis.call('HGET', KEYS[1], 'lastError') or 'an earlier attempt ended with delivery unknown')
    if window > 0 then reason = reason .. '; the vendor de-duplication window has passed' end
    redis.call('HSET', KEYS[1], 'state', 'unknown', 'lastError', reason, 'updatedAt', now)
    move(base, id, state, 'unknown', now)
    audit(base, id, now, state, 'unknown', ARGV[5], reason)
    return { 'parked', reason }
  end
end
local wait = lanesFull(base, now)
if wait > 0 then return { 'late', wait } end
logClaim(base, owner, now)
local first = redis.call('HSETNX', KEYS[1], 'firstAttemptAt', now)
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'claimFrom', state, 'claimOwner', redis.call('HGET', KEYS[1], 'owner') or '',
  'claimMayHaveSent', redis.call('HGET', KEYS[1], 'mayHaveSent') or '0', 'claimFirst', first)
redis.call('HSET', KEYS[1], 'state', 'sending', 'owner', owner, 'updatedAt', now)
if risky then redis.call('HSET', KEYS[1], 'mayHaveSent', 1) end
move(base, id, state, 'sending', now)
audit(base, id, now, state, 'sending', ARGV[5], risky and 'resend with the same de-duplication key' or 'attempt')
return { 'claimed', redis.call('HGET', KEYS[1], 'key'), attempts, now }
`

/**
 * KEYS: ledger. ARGV: base, id, owner, by, note. Undoes the owner's claim when nothing was sent (the
 * worker found itself past its lane turn before calling the vendor). Returns 1 if undone, else 0.
 */
export const unclaimScript = `${helpers}
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'sending' or redis.call('HGET', KEYS[1], 'owner') ~= ARGV[3] then return 0 end
unclaim(ARGV[1], ARGV[2], nowMs(), ARGV[4], ARGV[5])
return 1
`

/**
 * KEYS: ledger. ARGV: base, id, owner, to (sent | not-sent | unknown | dead), by, note, fields as JSON.
 * Only the run that claimed the message may end its attempt; `sent` is also accepted after the same
 * run's attempt was parked as `unknown` (the vendor's answer beats a guess). Returns { applied 0|1, state }.
 */
export const finishScript = `${helpers}
local base, id, owner, to = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return { 0, 'missing' } end
local mine = redis.call('HGET', KEYS[1], 'owner') == owner
if mine and state == to then return { 1, to } end
if not mine or not (state == 'sending' or (to == 'sent' and state == 'unknown')) then return { 0, state } end
local now = nowMs()
local fields = cjson.decode(ARGV[7])
for name, value in pairs(fields) do redis.call('HSET', KEYS[1], name, tostring(value)) end
redis.call('HSET', KEYS[1], 'state', to, 'updatedAt', now)
if to == 'sent' then redis.call('HSET', KEYS[1], 'sentAt', now) end
move(base, id, state, to, now)
audit(base, id, now, state, to, ARGV[5], ARGV[6])
return { 1, to }
`

/**
 * KEYS: ledger. ARGV: base, id, by, note. After the queue gave up on a job without running it (for
 * example "stalled more than allowable limit"): a message never claimed becomes `dead`, one caught
 * inside the send window becomes `unknown`. Final states stay. Returns the state afterwards.
 */
export const settleScript = `${helpers}
local base, id = ARGV[1], ARGV[2]
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'sent' or state == 'dead' or state == 'unknown' then return state or 'missing' end
local now = nowMs()
local risky = state == 'sending' or redis.call('HGET', KEYS[1], 'mayHaveSent') == '1'
local to = risky and 'unknown' or 'dead'
redis.call('HSET', KEYS[1], 'state', to, 'lastError', ARGV[4], 'updatedAt', now)
if to == 'dead' then redis.call('HSET', KEYS[1], 'reason', ARGV[4]) end
move(base, id, state, to, now)
audit(base, id, now, state, to, ARGV[3], ARGV[4])
return to
`

/**
 * KEYS: ledger. ARGV: base, id, action (sent | resend), by, note, newKey (fresh per call: also marks a repeat).
 * `sent`: a person confirmed delivery of an `unknown` message. `resend`: a person decided an `unknown`
 * or `dead` message was not delivered; it goes back to `queued` under a fresh de-duplication key.
 * Returns { ok 0|1, state }.
 */
export const resolveScript = `${helpers}
local base, id, action = ARGV[1], ARGV[2], ARGV[3]
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return { 0, 'missing' } end
if redis.call('HGET', KEYS[1], 'resolveNonce') == ARGV[6] then return { 1, state } end
local allowed = state == 'unknown' or (action == 'resend' and state == 'dead')
if not allowed then return { 0, state } end
local now = nowMs()
local to = action == 'sent' and 'sent' or 'queued'
redis.call('HSET', KEYS[1], 'state', to, 'updatedAt', now, 'resolvedBy', ARGV[4], 'resolvedAt', now, 'resolveNonce', ARGV[6])
if to == 'queued' then
  redis.call('HSET', KEYS[1], 'key', ARGV[6], 'attempts', 0, 'mayHaveSent', 0)
  redis.call('HDEL', KEYS[1], 'firstAttemptAt', 'owner', 'reason')
end
move(base, id, state, to, now)
audit(base, id, now, state, to, ARGV[4], 'resolve ' .. action .. (ARGV[5] ~= '' and (': ' .. ARGV[5]) or ''))
return { 1, to }
`
