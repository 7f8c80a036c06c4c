// Lua for fleet-wide lanes. Grants are reserved in Redis at a time `t` (Redis clock) that keeps
// every lane of the send within its limit; the worker sleeps until `t`, then sends.
// Rate lanes keep every two grants at least `ceil(w / limit)` apart (w = perMs + guardMs), in a
// sorted set of grant times. Spacing, not bursts: a burst of `limit` grants at one instant is served
// over hundreds of milliseconds by busy workers, and that spread pushed two bursts into one vendor
// second. A grant may fill a gap before later reservations, so a send held back by its chat lane
// does not leave the app lane idle for the sends behind it.
// Serial lanes keep a hash { owner, until, next }: the holder's lease end and the earliest next start.

const clock = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`

/**
 * ARGV: base, owner, maxAheadMs, leaseMs, n, then per lane: name, kind (rate | serial), a, b
 * (rate: limit, windowMs; serial: gapMs, unused). Returns { 1, t, now } when granted, else
 * { 0, waitMs, now, busy 0|1 } (busy: a serial lane is held; otherwise the slot is too far ahead).
 */
export const acquireScript = `${clock}
local base, owner, maxAhead, lease, n = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local now = nowMs()
local t = now
local busy = -1
local rate = {}
for i = 0, n - 1 do
  local name, kind = ARGV[6 + i * 4], ARGV[7 + i * 4]
  local a, b = tonumber(ARGV[8 + i * 4]), tonumber(ARGV[9 + i * 4])
  local key = base .. ':lane:' .. name
  local blocked = tonumber(redis.call('GET', key .. ':blocked') or '0')
  if blocked > t then t = blocked end
  if kind == 'rate' then
    local spacing = math.ceil(b / a)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (now - spacing))
    table.insert(rate, { key, spacing })
  else
    local state = redis.call('HMGET', key, 'owner', 'until', 'next')
    local untilMs, nextMs = tonumber(state[2] or '0'), tonumber(state[3] or '0')
    if state[1] and untilMs > now then
      if untilMs - now > busy then busy = untilMs - now end
    elseif nextMs > t then t = nextMs end
  end
end
-- The earliest t that keeps its spacing on every rate lane.
local settled = false
for round = 1, 200 do
  local moved = false
  for _, lane in ipairs(rate) do
    local near = redis.call('ZRANGEBYSCORE', lane[1], '(' .. (t - lane[2]), '(' .. (t + lane[2]), 'WITHSCORES')
    if #near > 0 then
      t = tonumber(near[#near]) + lane[2]
      moved = true
    end
  end
  if not moved then settled = true break end
end
if not settled then return { 0, 100, now, 0 } end
if busy >= 0 then return { 0, busy, now, 1 } end
if t - now > maxAhead then return { 0, t - now, now, 0 } end
for i = 0, n - 1 do
  local name, kind = ARGV[6 + i * 4], ARGV[7 + i * 4]
  local a, b = tonumber(ARGV[8 + i * 4]), tonumber(ARGV[9 + i * 4])
  local key = base .. ':lane:' .. name
  if kind == 'rate' then
    redis.call('ZADD', key, t, owner .. ':' .. i)
    redis.call('PEXPIRE', key, (t - now) + b + 1000)
  else
    redis.call('HSET', key, 'owner', owner, 'until', t + lease, 'next', t + lease + a)
  end
end
return { 1, t, now }
`

/**
 * ARGV: base, owner, afterSend (1 | 0), n, then per lane: name, kind, index (its position in the
 * acquire call), gapMs (serial: gap plus the jitter already drawn, 0 when nothing was sent).
 * Ends the owner's turn: a serial lane's next send may start `gapMs` from now. When nothing went out
 * (a late turn given up, a message already settled, a closing worker) the owner's rate-lane grants
 * and claim-log entries are removed too, so an unused turn does not keep its slot from the sends
 * behind it.
 */
export const releaseScript = `${clock}
local base, owner, afterSend, n = ARGV[1], ARGV[2], ARGV[3] == '1', tonumber(ARGV[4])
local now = nowMs()
for i = 0, n - 1 do
  local key = base .. ':lane:' .. ARGV[5 + i * 4]
  if ARGV[6 + i * 4] == 'rate' then
    if not afterSend then
      redis.call('ZREM', key, owner .. ':' .. ARGV[7 + i * 4])
      redis.call('ZREM', key .. ':sent', owner .. ':' .. ARGV[7 + i * 4])
    end
  elseif redis.call('HGET', key, 'owner') == owner then
    redis.call('HDEL', key, 'owner')
    redis.call('HSET', key, 'until', now, 'next', now + tonumber(ARGV[8 + i * 4]))
  end
end
return now
`

/**
 * ARGV: base, owner, n, then per rate lane: name, limit, windowMs, index. Moves the owner's claim-log
 * entries (`<lane>:sent`, written by the ledger's claim) to now, if every lane still has room for one
 * more claim in its window without them; else removes them. Returns { 1 | 0, now }.
 */
export const relogScript = `${clock}
local base, owner, n = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now = nowMs()
local room = true
for i = 0, n - 1 do
  local key = base .. ':lane:' .. ARGV[4 + i * 4] .. ':sent'
  redis.call('ZREM', key, owner .. ':' .. ARGV[7 + i * 4])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - tonumber(ARGV[6 + i * 4]))
  if redis.call('ZCARD', key) >= tonumber(ARGV[5 + i * 4]) then room = false end
end
if not room then return { 0, now } end
for i = 0, n - 1 do
  local key = base .. ':lane:' .. ARGV[4 + i * 4] .. ':sent'
  redis.call('ZADD', key, now, owner .. ':' .. ARGV[7 + i * 4])
  redis.call('PEXPIRE', key, tonumber(ARGV[6 + i * 4]) + 1000)
end
return { 1, now }
`

/** ARGV: base, ms, names… Holds every named lane back for `ms` (a vendor said "too fast"). */
export const blockScript = `${clock}
local base, ms = ARGV[1], tonumber(ARGV[2])
local untilMs = nowMs() + ms
for i = 3, #ARGV do
  local key = base .. ':lane:' .. ARGV[i] .. ':blocked'
  local current = tonumber(redis.call('GET', key) or '0')
  if untilMs > current then redis.call('SET', key, untilMs, 'PX', ms + 1000) end
end
return untilMs
`
