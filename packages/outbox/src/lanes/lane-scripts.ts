// Lua for fleet-wide lanes. Grants are reserved in Redis at a time `t` (Redis clock) that keeps
// every lane of the send within its limit; the worker sleeps until `t`, then sends.
// Rate lanes keep a sorted set of grant times. Grants on a lane are monotonic, so "at most `limit`
// grants in any window of `w`" reduces to: t >= the limit-th most recent grant + w.
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
for i = 0, n - 1 do
  local name, kind = ARGV[6 + i * 4], ARGV[7 + i * 4]
  local a, b = tonumber(ARGV[8 + i * 4]), tonumber(ARGV[9 + i * 4])
  local key = base .. ':lane:' .. name
  local blocked = tonumber(redis.call('GET', key .. ':blocked') or '0')
  if blocked > t then t = blocked end
  if kind == 'rate' then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (now - b))
    local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
    if last[2] and tonumber(last[2]) > t then t = tonumber(last[2]) end
    if redis.call('ZCARD', key) >= a then
      local edge = redis.call('ZRANGE', key, -a, -a, 'WITHSCORES')
      local earliest = tonumber(edge[2]) + b
      if earliest > t then t = earliest end
    end
  else
    local state = redis.call('HMGET', key, 'owner', 'until', 'next')
    local untilMs, nextMs = tonumber(state[2] or '0'), tonumber(state[3] or '0')
    if state[1] and untilMs > now then
      if untilMs - now > busy then busy = untilMs - now end
    elseif nextMs > t then t = nextMs end
  end
end
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
 * ARGV: base, owner, n, then per serial lane: name, gapMs (gap plus the jitter already drawn).
 * Ends the owner's turn: the next send may start `gapMs` from now.
 */
export const releaseScript = `${clock}
local base, owner, n = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now = nowMs()
for i = 0, n - 1 do
  local key = base .. ':lane:' .. ARGV[4 + i * 2]
  if redis.call('HGET', key, 'owner') == owner then
    redis.call('HDEL', key, 'owner')
    redis.call('HSET', key, 'until', now, 'next', now + tonumber(ARGV[5 + i * 2]))
  end
end
return now
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
